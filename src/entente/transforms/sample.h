// SPDX-License-Identifier: MIT
// Drawing from an uncertain input's Distribution (core/scenario.h) by its quantile function, so
// every draw consumes exactly one uniform number: the stream a draw reads from its generator does
// not depend on the values drawn, and the same quantile function gives sensitivity's 5%/95%
// points.
//
//   normal {mean, sd}        truncated to the valid range [lo, hi]: inverse-CDF sampling,
//                            x = mean + sd * Phi^-1(Phi(a) + u (Phi(b) - Phi(a)))
//   uniform {min, max}       min + u (max - min)
//   triangular {min,mode,max} the closed-form inverse CDF
//   estimates [x1..xn]       each estimate with probability 1/n (sorted, so u -> x is monotone)
//
// Phi^-1 is Wichura's algorithm AS 241 (Applied Statistics 37, 1988), accurate to about 1e-16.
#pragma once

#include <vector>

#include "entente/core/scenario.h"

namespace entente {

// Standard normal CDF and its inverse (-inf at 0, +inf at 1).
double NormalCdf(double x);
double NormalQuantile(double p);

// The quantile function of `d` restricted to [lo, hi], with its constants computed once.
// Requires DistributionProblem(d, lo, hi) == "" (core/distribution.h).
class Sampler {
 public:
  Sampler(const Distribution& d, double lo, double hi);
  // A normal {mean, sd} truncated to [lo, hi]: global noise around a point value.
  static Sampler Normal(double mean, double sd, double lo, double hi);
  // The value at probability p in [0, 1]; always inside [lo, hi].
  double Quantile(double p) const;

 private:
  Sampler() = default;
  Distribution::Kind kind_ = Distribution::Kind::kNormal;
  std::vector<double> p_;  // parameters; sorted estimates for kEstimates
  double lo_ = 0, hi_ = 0;
  double cdf_lo_ = 0, cdf_span_ = 1;  // normal: Phi(a) and Phi(b) - Phi(a)
};

}  // namespace entente
