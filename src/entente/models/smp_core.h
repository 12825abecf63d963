// SPDX-License-Identifier: MIT
// The pieces of the Spatial Model of Politics (smp.h): distance, utility, votes, victory
// probabilities, probabilistic Condorcet elections (PCE), risk attitudes, bargain interpolation,
// and the per-state assessment (distances, risk attitudes, probabilities of distinct positions).
// Each function follows KTAB's arithmetic (function names in brackets) so runs reproduce KTAB's.
#pragma once

#include <functional>
#include <memory>
#include <type_traits>
#include <vector>

#include "entente/models/smp_params.h"

namespace entente::smp {

inline constexpr double kMinCoalition = 1e-8;   // added to both sides [Model::coalitions]
inline constexpr double kMinChallenge = 1e-10;  // [SMPState::probEduChlg]
inline constexpr double kMinBargainW = 1e-6;    // [SMPActor::interpBrgnSnPm]
inline constexpr double kMinGain = 1e-5;        // smallest expected gain worth a challenge
inline constexpr double kSamePosition = 1e-3;   // reporting only: "the same position"

// Dense row-major matrix.
struct Matrix {
  int rows = 0, cols = 0;
  std::vector<double> v;
  Matrix() = default;
  Matrix(int r, int c, double x = 0.0) : rows(r), cols(c), v(static_cast<size_t>(r) * c, x) {}
  double& operator()(int i, int j) { return v[static_cast<size_t>(i) * cols + j]; }
  double operator()(int i, int j) const { return v[static_cast<size_t>(i) * cols + j]; }
};

// sum_k s_k^2 for one actor.
double SumSq(const double* sal, int d);

// delta(p) = sqrt(sum_k (s_k (ideal_k - p_k))^2 / sum_k s_k^2) [SMPModel::bvDiff]; `ssq` is
// SumSq(sal). An actor with all saliences 0 is indifferent: delta = 0.
double Distance(const double* ideal, const double* p, const double* sal, double ssq, int d);

// u(delta, R) = (1 - delta)(1 + delta R); (1 - delta)(1 + R) past delta = 1 [SMPModel::bsUtil].
inline double Util(double delta, double r) {
  return delta <= 1.0 ? (1.0 - delta) * (1.0 + delta * r) : (1.0 - delta) * (1.0 + r);
}

// Vote of weight w for a over b [Model::vote]. Weight 0 gives 0 (KTAB throws).
template <VotingRule VR>
inline double VoteT(double w, double ua, double ub) {
  const double du = ua - ub;
  if constexpr (VR == VotingRule::kProp) {
    return w * du;
  } else if constexpr (VR == VotingRule::kBinary || VR == VotingRule::kPropBin) {
    double b = du / 1e-8;
    b = b > 1.0 ? 1.0 : (b < -1.0 ? -1.0 : b);
    if constexpr (VR == VotingRule::kBinary) return w * b;
    return w * ((1.0 - 0.2) * du + 0.2 * b);
  } else if constexpr (VR == VotingRule::kPropCbc) {
    return w * ((1.0 - 0.5) * du + 0.5 * (du * du * du));
  } else if constexpr (VR == VotingRule::kCubic) {
    return w * (du * du * du);
  } else {  // kAsymProsp: losses count fully, gains 2/3
    if (du < 0.0) return w * du;
    if (du > 0.0) return (2.0 * w * du) / 3.0;
    return 0.0;
  }
}

// Calls f(std::integral_constant<VotingRule, vr>{}), so hot loops are compiled per rule.
template <class F>
decltype(auto) WithVotingRule(VotingRule vr, F&& f) {
  using V = VotingRule;
  switch (vr) {
    case V::kBinary:
      return f(std::integral_constant<V, V::kBinary>{});
    case V::kPropBin:
      return f(std::integral_constant<V, V::kPropBin>{});
    case V::kPropCbc:
      return f(std::integral_constant<V, V::kPropCbc>{});
    case V::kCubic:
      return f(std::integral_constant<V, V::kCubic>{});
    case V::kAsymProsp:
      return f(std::integral_constant<V, V::kAsymProsp>{});
    case V::kProp:
      break;
  }
  return f(std::integral_constant<V, V::kProp>{});
}

inline double Vote(VotingRule vr, double w, double ua, double ub) {
  return WithVotingRule(vr, [&](auto r) { return VoteT<decltype(r)::value>(w, ua, ub); });
}

// P[1>2] and P[2>1] from coalition strengths c1, c2 > 0 [Model::vProb(vpm, s1, s2)].
void VictoryPair(VictoryModel vm, double c1, double c2, double& p1, double& p2);

// Coalition strengths over `n_opt` options [Model::coalitions]: C(i,j), for j < i, adds the
// vote v_k(i:j) to C(i,j) when positive and -v_k(i:j) to C(j,i) when negative (the lower-left
// scan matters for the asymmetric rule); 1e-8 on both sides and the diagonal.
template <class UtilFn>
Matrix Coalitions(VotingRule vr, const std::vector<double>& w, int n_opt, UtilFn&& util) {
  Matrix c(n_opt, n_opt, kMinCoalition);
  const int nv = static_cast<int>(w.size());
  WithVotingRule(vr, [&](auto rule) {
    for (int i = 0; i < n_opt; ++i) {
      for (int j = 0; j < i; ++j) {
        double cij = kMinCoalition, cji = kMinCoalition;
        for (int k = 0; k < nv; ++k) {
          const double v = VoteT<decltype(rule)::value>(w[k], util(k, i), util(k, j));
          if (v > 0) cij += v;
          if (v < 0) cji -= v;
        }
        c(i, j) = cij;
        c(j, i) = cji;
      }
    }
    return 0;
  });
  return c;
}

// Square matrix of P[i>j], P[i>i] = 1/2 [Model::vProb(vpm, C)].
Matrix VictoryMatrix(VictoryModel vm, const Matrix& c);

// Option probabilities from coalition strengths [Model::probCE2]: conditional (p_i proportional
// to prod_j P[i>j]; computed in logs when the products underflow), or KTAB's Markov variants
// (iterated to KTAB's tolerance, at most 10000 iterations).
std::vector<double> Pce(PceModel pm, VictoryModel vm, const Matrix& c);

// Risk attitudes from position probabilities [Model::bigRfromProb]; all 0 when
// p_max - p_min <= 1e-12 (KTAB divides by zero there).
std::vector<double> BigR(const std::vector<double>& p, RiskRange rr);

// h's estimate of i's risk attitude [Model::estNRA].
double EstRisk(double rh, double ri, RiskAdjust ra);

// floor(x * 1e4 + 0.5) / 1e4: KTAB rounds bargain coordinates to 4 decimals on [0,1].
double Round4(double x);

// One coordinate of a bargain between i (at ti, salience si, probability pi) and j
// [SMPActor::interpBrgnSnPm / interpBrgnS2PMax].
void Interpolate(Interp ip, double ti, double si, double pi, double tj, double sj, double pj,
                 double& bi, double& bj);

// First index of the largest value; index drawn with uniform u in [0,1) from probabilities p.
int ArgMaxFirst(const std::vector<double>& p);
int DrawIndex(const std::vector<double>& p, double u);

// The worker threads of one run (a oneTBB arena); threads = 0 uses every core. For() runs
// body(begin, end) over [0, n) in chunks, inline when there is one thread or n < 16. Callers
// write only to slots of their own indices, so results do not depend on the thread count.
class Workers {
 public:
  explicit Workers(int threads);
  ~Workers();
  void For(int n, const std::function<void(int, int)>& body) const;

 private:
  struct Arena;
  std::unique_ptr<Arena> arena_;  // null when single-threaded
};

// What a state implies before anyone moves [SMPState::setAllAUtil, pDist(-1)].
struct Assessment {
  int n = 0;
  std::vector<double> dist;  // dist[j * n + i] = delta_i(x_j): i's distance to j's position
  std::vector<double> risk;  // R_i
  std::vector<int> group;  // each actor's representative (an actor index) among distinct positions
  std::vector<double> prob;  // probability of each actor's group
  // aUtil[h](i, j): h's estimate of i's utility for j's position.
  double AUtil(int h, int i, int j, RiskAdjust ra) const {
    return Util(dist[static_cast<size_t>(j) * n + i], EstRisk(risk[h], risk[i], ra));
  }
};

// The scaled inputs: n actors, d dimensions, capability, saliences on [0,1] (row-major n x d).
struct Actors {
  int n = 0, d = 0;
  std::vector<double> cap, sal;
  std::vector<double> sigma, ssq, sc;  // per actor: sum of saliences, SumSq, sigma * cap
  void Finish();                       // fills sigma, ssq, sc
};

Assessment Assess(const Actors& a, const std::vector<double>& pos, const Config& cfg,
                  const Workers& workers);

}  // namespace entente::smp
