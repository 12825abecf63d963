// SPDX-License-Identifier: MIT
// The parameters of the Spatial Model of Politics (smp.h): KTAB's model options, each with
// KTAB's default, plus the run controls (turn cap, stopping rule, issue selection).
#pragma once

#include <string>
#include <vector>

#include "entente/models/params.h"

namespace entente::smp {

// P[i>j] from coalition strengths: C^m / (C_ij^m + C_ji^m), m = 1, 2, 4, 8; or KTAB's "binary"
// (certain victory at a 10% advantage, linear in between).
enum class VictoryModel { kLinear, kSquare, kQuartic, kOctic, kBinary };
// Probability of each option from the pairwise victory probabilities.
enum class PceModel { kConditional, kMarkovUniform, kMarkovIncentive };
enum class Transitions { kDeterministic, kStochastic };
// An actor's vote of weight w for a over b, du = u(a) - u(b).
enum class VotingRule { kBinary, kPropBin, kProp, kPropCbc, kCubic, kAsymProsp };
// h's estimate of i's risk attitude: r = R_h (none) ... R_i (full).
enum class RiskAdjust { kNone, kOneThird, kHalf, kTwoThirds, kFull };
// The range of the risk attitudes inferred from position probabilities: [0,1], [-1/2,1], [-1,1].
enum class RiskRange { kMin, kMid, kMax };
// Third-party commitment in the "little conflict" a third party imagines.
enum class Commit { kNo, kSemi, kFull };
// Bargain interpolation: salience^n x probability^m weights, or KTAB's S2PMax.
enum class Interp { kS1P1, kS2P2, kS2PMax };
// Which bargains go on the queues: i's view only; both i's and j's; their power-weighted mean.
enum class BargainModel { kInitOnly, kInitRcvr, kPwComp };
// KTAB's rule only, or KTAB's rule plus stopping when a state repeats an earlier one.
enum class StopRule { kKtab, kCycle };

struct Config {
  VictoryModel victory = VictoryModel::kLinear;
  PceModel pce = PceModel::kConditional;
  Transitions transitions = Transitions::kDeterministic;
  VotingRule voting = VotingRule::kProp;
  RiskAdjust risk_adjust = RiskAdjust::kOneThird;
  RiskRange risk_range = RiskRange::kMid;
  Commit commit = Commit::kSemi;
  Interp interp = Interp::kS2P2;
  BargainModel bargain = BargainModel::kInitOnly;
  // PW-comp weights w_i = c_i sigma_i and w_j = c_i sigma_j (KTAB's slip: the initiator's
  // capability) when true; w_j = c_j sigma_j when false.
  bool pw_ktab_weight = true;
  int max_turns = 100;
  double stop_ratio = 0.02;  // stop when D(t-1,t) / (D(0,1) + 1e-4) < stop_ratio, t >= 2
  StopRule stop = StopRule::kKtab;
  std::vector<std::string> issues;  // selected issue ids; empty = all issues
};

// The declared parameters (names, choices, defaults = KTAB's).
std::vector<ParamSpec> ParamSpecs();

// Reads checked parameters (ResolveParams has filled in the defaults).
Config ConfigFromParams(const Params& p);

}  // namespace entente::smp
