// SPDX-License-Identifier: MIT
// Relaxations behind the branch and bound of search.h (internal to analysis/).
//
// With additive utilities, max over packages of mu . u(p) is separable: pick on every issue the
// option maximising mu . v_i(o). That oracle gives, for any weights mu >= 0, a hyperplane
// mu . u <= M(mu) containing every package; restricted to a subtree (some issues fixed) it is
// mu . partial + sum over free issues of max_o mu . v_i(o). Good weights come from the convex
// relaxation of each problem: projected subgradient on the Lagrangian dual for max-min and
// linear goals, Frank-Wolfe in utility space for the Nash product. Bounds over the region
// {lo <= u <= hi, mu_h . u <= M_h} are solved in closed form by water-filling. Everything here
// is in doubles and only steers or prunes the search; results are decided exactly.
#pragma once

#include <limits>
#include <vector>

#include "entente/analysis/space.h"

namespace entente::relax {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Double utilities v[i][o][a] = util[a][i][o] / denominator and the separable maximiser.
class Oracle {
 public:
  explicit Oracle(const AgreementSpace& s);
  int parties() const { return parties_; }
  int issues() const { return static_cast<int>(v_.size()); }
  const std::vector<std::vector<std::vector<double>>>& v() const { return v_; }
  // max over packages of mu . u; writes the maximiser's utilities (and options when asked).
  double Max(const std::vector<double>& mu, std::vector<double>* u,
             std::vector<int>* package = nullptr) const;

 private:
  int parties_ = 0;
  std::vector<std::vector<std::vector<double>>> v_;
};

// The problem data the relaxations need, in utility units (doubles).
struct Goal {
  enum Kind { kNash, kMaxMin, kLinear } kind = kMaxMin;
  std::vector<bool> in_goal;      // kMaxMin: parties whose ratio enters the min
  std::vector<double> base;       // kMaxMin/kNash: reference point (d)
  std::vector<double> scale;      // kMaxMin: divisor (> 0 for parties in the goal)
  std::vector<double> coef;       // kLinear: objective weights (>= 0)
  std::vector<bool> constrained;  // u_a >= threshold_a required
  std::vector<double> threshold;
};

// Weight vectors worth bounding with for `goal` (each >= 0, not all zero). Packages the
// oracle visited along the way are appended to `visited` (candidate incumbents).
std::vector<std::vector<double>> Multipliers(const Oracle& oracle, const Goal& goal,
                                             std::vector<std::vector<int>>* visited);

// Upper bound of the goal over {lo <= u <= hi, mu_h . u <= cap_h for every h}; -kInf when that
// region holds no package meeting the constraints (lo already includes the thresholds).
double Bound(const Goal& goal, const std::vector<double>& lo, const std::vector<double>& hi,
             const std::vector<std::vector<double>>& mus, const std::vector<double>& caps);

}  // namespace entente::relax
