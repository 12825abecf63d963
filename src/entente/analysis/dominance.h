// SPDX-License-Identifier: MIT
// Offline orthogonal dominance counting (internal to analysis/): for each query vector, the
// total weight of the point vectors that are >= it in every coordinate. Coordinates are ranks
// (0 .. ranks-1). Divide and conquer on one coordinate at a time (Chan, Larsen & Patrascu's
// "CDQ" scheme): sort by the coordinate, split in halves, count pairs (point in the upper half,
// query in the lower) one dimension down; a sweep for one dimension, a Fenwick tree for two.
// O(n log^(d-1) n) for n points and queries in d dimensions.
#pragma once

#include <cstdint>
#include <vector>

#include "entente/core/cancel.h"

namespace entente {

// points and queries are flat [k * dims + c]; weights has one entry per point.
std::vector<uint64_t> DominanceCounts(int dims, const std::vector<int32_t>& points,
                                      const std::vector<uint64_t>& weights,
                                      const std::vector<int32_t>& queries, int32_t ranks,
                                      const RunContext& ctx);

}  // namespace entente
