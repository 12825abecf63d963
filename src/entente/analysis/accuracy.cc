// SPDX-License-Identifier: MIT
#include "entente/analysis/accuracy.h"

#include <algorithm>
#include <cmath>

#include "entente/core/errors.h"

namespace entente {

double QuantileSorted(const std::vector<double>& sorted, double q) {
  ENTENTE_CHECK(!sorted.empty());
  const double h = (static_cast<double>(sorted.size()) - 1) * q;
  const size_t lo = static_cast<size_t>(std::floor(h));
  const size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

ErrorSummary Summarize(const std::vector<double>& abs_errors) {
  ErrorSummary s;
  s.n = abs_errors.size();
  if (s.n == 0) return s;
  std::vector<double> sorted = abs_errors;
  std::sort(sorted.begin(), sorted.end());
  double sum = 0, sum_sq = 0;
  size_t w10 = 0, w20 = 0;
  for (double e : sorted) {  // ascending order: the sum does not depend on the input order
    sum += e;
    sum_sq += e * e;
    if (e <= 10) ++w10;
    if (e <= 20) ++w20;
  }
  const double n = static_cast<double>(s.n);
  s.mean = sum / n;
  s.median = QuantileSorted(sorted, 0.5);
  s.rmse = std::sqrt(sum_sq / n);
  s.within10 = static_cast<double>(w10) / n;
  s.within20 = static_cast<double>(w20) / n;
  return s;
}

namespace {

// Means of `reps` resamples of `values`.
std::vector<double> ResampledMeans(const std::vector<double>& values, int reps, Rng& rng) {
  const size_t n = values.size();
  std::vector<double> means(static_cast<size_t>(std::max(reps, 1)));
  for (double& m : means) {
    double sum = 0;
    for (size_t k = 0; k < n; ++k) {
      size_t i = static_cast<size_t>(rng.Uniform() * static_cast<double>(n));
      sum += values[std::min(i, n - 1)];
    }
    m = sum / static_cast<double>(n);
  }
  std::sort(means.begin(), means.end());
  return means;
}

Interval PercentileInterval(const std::vector<double>& sorted_means, double level) {
  const double tail = (1 - level) / 2;
  return {QuantileSorted(sorted_means, tail), QuantileSorted(sorted_means, 1 - tail)};
}

}  // namespace

Interval BootstrapMeanInterval(const std::vector<double>& values, int reps, double level,
                               Rng& rng) {
  if (values.empty()) return {};
  return PercentileInterval(ResampledMeans(values, reps, rng), level);
}

PairedComparison ComparePaired(const std::vector<double>& a, const std::vector<double>& b, int reps,
                               double level, Rng& rng) {
  ENTENTE_CHECK_EQ(a.size(), b.size());
  PairedComparison c;
  c.n = a.size();
  if (c.n == 0) return c;
  std::vector<double> diff(c.n);
  for (size_t i = 0; i < c.n; ++i) {
    diff[i] = a[i] - b[i];
    if (a[i] < b[i])
      ++c.wins;
    else if (b[i] < a[i])
      ++c.losses;
    else
      ++c.ties;
  }
  std::vector<double> sorted = diff;
  std::sort(sorted.begin(), sorted.end());
  double sum = 0;
  for (double d : sorted) sum += d;
  c.mean_difference = sum / static_cast<double>(c.n);
  c.interval = PercentileInterval(ResampledMeans(diff, reps, rng), level);
  return c;
}

uint64_t StableHash(std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char ch : text) {
    h ^= ch;
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace entente
