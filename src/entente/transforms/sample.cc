// SPDX-License-Identifier: MIT
#include "entente/transforms/sample.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "entente/core/errors.h"

namespace entente {

double NormalCdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

namespace {

// c[0] + c[1] r + ... + c[7] r^7 (Horner).
double Poly(const double (&c)[8], double r) {
  double v = c[7];
  for (int k = 6; k >= 0; --k) v = v * r + c[k];
  return v;
}

// The coefficients of AS 241 (PPND16), lowest power first.
constexpr double kA[8] = {3.387132872796366608,  133.14166789178437745, 1971.5909503065514427,
                          13731.693765509461125, 45921.953931549871457, 67265.770927008700853,
                          33430.575583588128105, 2509.0809287301226727};
constexpr double kB[8] = {1.0,
                          42.313330701600911252,
                          687.1870074920579083,
                          5394.1960214247511077,
                          21213.794301586595867,
                          39307.89580009271061,
                          28729.085735721942674,
                          5226.495278852545925};
constexpr double kC[8] = {1.42343711074968357734,   4.6303378461565452959,   5.7694972214606914055,
                          3.64784832476320460504,   1.27045825245236838258,  0.24178072517745061177,
                          0.0227238449892691845833, 7.7454501427834140764e-4};
constexpr double kD[8] = {1.0,
                          2.05319162663775882187,
                          1.6763848301838038494,
                          0.68976733498510000455,
                          0.14810397642748007459,
                          0.0151986665636164571966,
                          5.475938084995344946e-4,
                          1.05075007164441684324e-9};
constexpr double kE[8] = {6.6579046435011037772,     5.4637849111641143699,
                          1.7848265399172913358,     0.29656057182850489123,
                          0.026532189526576123093,   0.0012426609473880784386,
                          2.71155556874348757815e-5, 2.01033439929228813265e-7};
constexpr double kF[8] = {1.0,
                          0.59983220655588793769,
                          0.13692988092273580531,
                          0.0148753612908506148525,
                          7.868691311456132591e-4,
                          1.8463183175100546818e-5,
                          1.4215117583164458887e-7,
                          2.04426310338993978564e-15};

}  // namespace

double NormalQuantile(double p) {
  if (!(p > 0)) return -std::numeric_limits<double>::infinity();
  if (!(p < 1)) return std::numeric_limits<double>::infinity();
  const double q = p - 0.5;
  if (std::fabs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    return q * Poly(kA, r) / Poly(kB, r);
  }
  double r = std::sqrt(-std::log(q < 0 ? p : 1 - p));
  const double val =
      r <= 5 ? Poly(kC, r - 1.6) / Poly(kD, r - 1.6) : Poly(kE, r - 5) / Poly(kF, r - 5);
  return q < 0 ? -val : val;
}

Sampler::Sampler(const Distribution& d, double lo, double hi)
    : kind_(d.kind), p_(d.params), lo_(lo), hi_(hi) {
  if (kind_ == Distribution::Kind::kEstimates) {
    ENTENTE_CHECK(!p_.empty());
    std::sort(p_.begin(), p_.end());
  } else if (kind_ == Distribution::Kind::kNormal) {
    ENTENTE_CHECK_EQ(p_.size(), 2u);
    ENTENTE_CHECK(p_[1] > 0);
    cdf_lo_ = NormalCdf((lo - p_[0]) / p_[1]);
    cdf_span_ = NormalCdf((hi - p_[0]) / p_[1]) - cdf_lo_;
  } else {
    ENTENTE_CHECK_GE(p_.size(), kind_ == Distribution::Kind::kUniform ? 2u : 3u);
  }
}

Sampler Sampler::Normal(double mean, double sd, double lo, double hi) {
  return Sampler(Distribution{Distribution::Kind::kNormal, {mean, sd}}, lo, hi);
}

double Sampler::Quantile(double p) const {
  p = std::clamp(p, 0.0, 1.0);
  double x = 0;
  switch (kind_) {
    case Distribution::Kind::kNormal:
      x = p_[0] + p_[1] * NormalQuantile(cdf_lo_ + p * cdf_span_);
      break;
    case Distribution::Kind::kUniform:
      x = p_[0] + p * (p_[1] - p_[0]);
      break;
    case Distribution::Kind::kTriangular: {
      const double a = p_[0], c = p_[1], b = p_[2];
      x = p < (c - a) / (b - a) ? a + std::sqrt(p * (b - a) * (c - a))
                                : b - std::sqrt((1 - p) * (b - a) * (b - c));
      break;
    }
    case Distribution::Kind::kEstimates: {
      size_t k = static_cast<size_t>(p * static_cast<double>(p_.size()));
      x = p_[std::min(k, p_.size() - 1)];
      break;
    }
  }
  if (std::isnan(x)) x = p_[0];
  return std::clamp(x, lo_, hi_);
}

}  // namespace entente
