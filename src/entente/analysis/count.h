// SPDX-License-Identifier: MIT
// Exact counting (and uniform sampling) of the packages whose utilities all reach given
// thresholds: the size of the zone of possible agreement (thresholds = disagreement points), and
// of upper sets used for counting ties.
//
// Algorithm (meet in the middle). Issues are split into two halves A and B of about equal
// package counts. Every partial package of a half is a vector of partial utilities; a full
// package is a pair (x, y) and meets the thresholds t iff y >= t - x in every coordinate, so the
// count is a weighted orthogonal dominance count between the points y and the queries t - x.
// Before counting, a half's vectors that cannot reach t with the other half's best are dropped,
// coordinates already satisfied by the other half's worst are capped (merging vectors), equal
// vectors are merged with multiplicities, and coordinates are replaced by their ranks. The
// dominance count itself is a direct scan when |A| x |B| is small, else divide and conquer
// (CDQ): sort by one coordinate, split, count cross pairs one dimension down, with a Fenwick
// tree for the last two -- O(n log^(P-1) n) for P parties. All of it is exact integer work.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "entente/analysis/exact.h"
#include "entente/analysis/space.h"
#include "entente/core/cancel.h"

namespace entente {

struct CountOptions {
  uint64_t max_half = uint64_t{1} << 22;  // partial packages per half before giving up
  int samples = 0;                        // packages to draw uniformly from the counted set
  uint64_t seed = 0;
  double scan_pairs = 1e8;  // direct scan when |A| x |B| is at most this, else CDQ
};

struct CountResult {
  Count count = 0;
  uint64_t half_a = 0, half_b = 0;  // distinct partial vectors left in each half after filtering
  std::vector<std::vector<int>> samples;
};

// Exact number of packages with util_a >= threshold_a for every party a (numerators). nullopt
// when a half of the split would exceed opt.max_half partial packages: exact counting is then
// out of reach and callers estimate instead.
std::optional<CountResult> CountAtLeast(const AgreementSpace& s, const std::vector<Num>& threshold,
                                        const CountOptions& opt, const RunContext& ctx);

}  // namespace entente
