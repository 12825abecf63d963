// SPDX-License-Identifier: MIT
// One turn of the Spatial Model of Politics (smp.h) and a whole run [SMPState::stepBCN, doBCN]:
// every actor picks its best challenge, each challenge becomes a bargain, each actor resolves
// the bargains on its queue by a PCE among all actors, and the run stops by KTAB's rule.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "entente/core/cancel.h"
#include "entente/models/smp_core.h"

namespace entente::smp {

// i challenges j: i's estimate of its expected gain and of P[i beats j].
struct Challenge {
  int init = -1, rcvr = -1;
  double gain = 0.0, phi = 0.0;
};

// A proposed bargain: where the initiator and the receiver would move.
struct Bargain {
  int init = -1, rcvr = -1;
  std::vector<double> pos_init, pos_rcvr;  // d coordinates each, on [0,1]
  double p_init = 0.0;                     // the P_i it was interpolated with (pw-comp: i's)
};

// The bargain an actor took from its queue: index into the turn's bargains, -1 = status quo;
// and its probability in the actor's PCE.
struct Pick {
  int bargain = -1;
  double prob = 0.0;
};

// h's view of challenges initiated by i: r^h_m, aUtil[h](m, m) and aUtil[h](m, i) for every m.
struct Perspective {
  int h = -1, i = -1;
  std::vector<double> r, u_own, u_init;
};
Perspective MakePerspective(const Assessment& s, RiskAdjust ra, int h, int i);

// What h expects when i challenges j [SMPState::probEduChlg(h, i, i, j)]: P[i beats j] and i's
// expected gain over the status quo.
struct Estimate {
  double phi = 0.0, gain = 0.0;
};
Estimate EstimateChallenge(const Actors& a, const Assessment& s, const Config& cfg,
                           const Perspective& view, int j);

struct TurnResult {
  std::vector<double> pos;  // the new positions, n x d
  std::vector<Challenge> challenges;
  std::vector<Bargain> bargains;
  std::vector<Pick> picks;  // one per actor
};

// One turn from positions `pos` with assessment `s`. `seed` drives stochastic transitions; the
// draws are made in actor order after the parallel part, so threads do not change the result.
TurnResult Turn(const Actors& a, const std::vector<double>& pos, const Assessment& s,
                const Config& cfg, uint64_t seed, const Workers& workers);

struct State {
  std::vector<double> pos;            // n x d on [0,1]
  std::vector<double> risk, prob;     // R_i; probability of i's group of positions
  std::vector<int> group;             // i's representative actor
  std::vector<Challenge> challenges;  // the turn that led here (empty in state 0)
  std::vector<Bargain> bargains;
  std::vector<Pick> picks;
  double change = 0.0;  // D(t-1, t): sum of the actors' Euclidean moves
};

struct Run {
  std::vector<State> states;  // states 0..T
  std::string stopped_by;
};

// Runs from positions `pos0` until the stopping rule fires. Checks ctx.cancel between turns and
// reports progress; stochastic turn t uses DeriveSeed(ctx.seed, t).
Run Simulate(const Actors& a, const std::vector<double>& pos0, const Config& cfg,
             const RunContext& ctx);

}  // namespace entente::smp
