// SPDX-License-Identifier: MIT
// What a sweep reports per model and issue, over the draws completed: mean, standard deviation,
// quantiles, a histogram over the issue's scale and the probability of each labelled band.
// Computed in draw order from the draw table alone, so the same draws give bit-identical
// summaries however they were scheduled.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "entente/core/scenario.h"
#include "entente/sweep/sweep.h"

namespace entente {

inline constexpr std::array<double, 5> kQuantileLevels = {0.05, 0.25, 0.50, 0.75, 0.95};
inline constexpr int kHistogramBins = 10;

// A stretch of the scale between consecutive anchors: [lo, hi), the last band closed. When the
// scale extends past the first (last) anchor, a band from the scale's min (to its max) is added
// with an empty label on the open side.
struct Band {
  double lo = 0, hi = 0;
  std::string lo_label, hi_label;  // the anchors' labels ("" at a bare end of the scale)
  int64_t count = 0;
  double probability = 0;  // count / draws with a forecast
};

// The band edges of an issue (anchors sorted, plus the scale's ends when they lie beyond).
std::vector<Band> IssueBands(const Issue& issue);

struct IssueSummary {
  std::string issue_id;
  int64_t n = 0;       // draws with a forecast
  int64_t failed = 0;  // draws on which the model could not forecast the issue
  double mean = 0, sd = 0, min = 0, max = 0;  // NaN when n == 0; sd is the sample sd (n - 1)
  std::array<double, 5> quantiles{};          // at kQuantileLevels (type 7: linear interpolation)
  double hist_lo = 0, hist_hi = 0;            // the issue's scale
  std::vector<int64_t> histogram;             // kHistogramBins equal bins, last one closed
  std::vector<Band> bands;
};

struct ModelSummary {
  std::string spec;
  std::vector<IssueSummary> issues;  // in scenario order
};

// With --deals: how often the zone of agreement is non-empty and which package is the Nash
// solution.
struct DealPackage {
  std::vector<int> package;  // option index per issue of the agreement space
  int64_t count = 0;
  double share = 0;  // of the draws with an answer
};

struct DealSummary {
  int64_t n = 0;       // draws whose space could be analysed
  int64_t failed = 0;  // draws whose space could not be built or searched
  int64_t zone_nonempty = 0;
  double p_zone = 0;              // zone_nonempty / n (NaN when n == 0)
  std::vector<DealPackage> nash;  // every Nash package seen, most frequent first
  // Per issue: how often each option is the Nash package's choice, most frequent first.
  std::vector<std::vector<std::pair<int, int64_t>>> nash_by_issue;
};

struct SweepSummary {
  int64_t draws = 0;      // requested
  int64_t completed = 0;  // summarised
  uint64_t seed = 0;
  std::string noise;  // Noise::ToString()
  int uncertain_inputs = 0;
  std::vector<ModelSummary> models;
  std::optional<DealSummary> deals;
};

// Quantile of `sorted`-able values at level p (type 7), reordering `v` (nth_element).
double QuantileOf(std::vector<double>& v, double p);

SweepSummary Summarize(const DrawEvaluator& ev, const SweepData& data);

}  // namespace entente
