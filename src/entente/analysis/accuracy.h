// SPDX-License-Identifier: MIT
// Accuracy scoring for backtests: summaries of absolute forecast errors, a bootstrap interval for
// the mean error, and a paired comparison of two forecasters on the same issues. Pure functions:
// every random draw comes from the Rng passed in, so a seed fixes every interval.
//
// Errors are absolute distances between a forecast and the recorded outcome in points of a
// 0-100 scale (a backtest rescales other scales to it; see analysis/backtest.h).
//
// Bootstrap: the percentile interval of the mean over `reps` resamples of the issues drawn with
// replacement (Efron & Tibshirani 1993, An Introduction to the Bootstrap, ch. 13). Resampled
// indices are floor(Uniform() * n) from Rng, which is portable across platforms.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "entente/core/rng.h"

namespace entente {

struct Interval {
  double lo = 0.0;
  double hi = 0.0;
};

// Point summaries of a set of absolute errors. All zero (n = 0) for an empty set.
struct ErrorSummary {
  size_t n = 0;
  double mean = 0.0;      // mean absolute error
  double median = 0.0;    // median absolute error (mean of the two middle values for even n)
  double rmse = 0.0;      // root mean square error
  double within10 = 0.0;  // share of errors <= 10 points
  double within20 = 0.0;  // share of errors <= 20 points
};

ErrorSummary Summarize(const std::vector<double>& abs_errors);

// The `level` (e.g. 0.95) percentile bootstrap interval of the mean of `values`, from `reps`
// resamples. Percentiles are taken by linear interpolation between order statistics (the
// "type 7" rule of R's quantile). {0, 0} for an empty set.
Interval BootstrapMeanInterval(const std::vector<double>& values, int reps, double level, Rng& rng);

// Two forecasters scored on the same issues: a[i] and b[i] are their absolute errors on issue i.
struct PairedComparison {
  size_t n = 0;
  double mean_difference = 0.0;  // mean of a[i] - b[i]; negative = a is closer on average
  Interval interval;             // bootstrap interval of mean_difference
  size_t wins = 0;               // issues where a is strictly closer
  size_t losses = 0;             // issues where b is strictly closer
  size_t ties = 0;
};

// Requires a.size() == b.size(). Resamples issues (pairs stay together).
PairedComparison ComparePaired(const std::vector<double>& a, const std::vector<double>& b, int reps,
                               double level, Rng& rng);

// The q-quantile (0..1) of `sorted` by linear interpolation (type 7); `sorted` must be sorted and
// non-empty.
double QuantileSorted(const std::vector<double>& sorted, double q);

// A 64-bit FNV-1a hash of a text: stable stream ids for DeriveSeed that do not depend on the
// order in which forecasters are listed.
uint64_t StableHash(std::string_view text);

}  // namespace entente
