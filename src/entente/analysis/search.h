// SPDX-License-Identifier: MIT
// Exact branch and bound over the packages of an agreement space (used by bargaining.h and
// zopa.h). Depth-first over issues, most decisive first; options with identical utilities for
// every party are merged (and counted, so ties are counted in packages). A subtree is pruned
// when the bound of relax.h over it -- per-party boxes plus Lagrangian hyperplanes from the
// problem's convex relaxation -- falls below the best value found by more than 1e-9 (relative),
// which is far above the bound's rounding error: so pruning never loses an optimum or a tie.
// Every package that reaches a leaf is evaluated and compared exactly (exact.h).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "entente/analysis/exact.h"
#include "entente/analysis/space.h"
#include "entente/core/cancel.h"

namespace entente {

struct SearchGoal {
  enum Kind {
    kNash,    // max prod_a (u_a - base_a); every party must be constrained with threshold >= base
    kMaxMin,  // max min over parties with scale_a > 0 of (u_a - base_a) / scale_a; ties: leximin
    kLinear,  // max sum_a coef_a u_a
  } kind = kMaxMin;
  std::vector<bool> constrained;  // u_a >= threshold_a required
  std::vector<Num> threshold;
  std::vector<Num> base;   // kNash, kMaxMin
  std::vector<Num> scale;  // kMaxMin: > 0 for parties in the goal, 0 = not in the goal
  std::vector<Num> coef;   // kLinear: small nonnegative integers
  // Stop at the first package whose value reaches this (kMaxMin with unit scales, kLinear).
  std::optional<Num> stop_at;
  uint64_t node_limit = 4'000'000'000ULL;
};

struct SearchResult {
  bool feasible = false;     // a package meets the constraints
  bool complete = true;      // false when stopped by stop_at or by the node limit
  std::vector<int> package;  // an optimal package (kMaxMin: the leximin-best of the ties)
  std::vector<Num> utility;  // its utility numerators
  Count ties = 0;            // packages with the optimal value (exact when complete)
  // The optimal value: kLinear value_num; kMaxMin value_num / value_den; kNash `product`, the
  // product of the gain numerators (the Nash product times denominator^parties).
  Num value_num = 0;
  Num value_den = 1;
  Wide product;
  uint64_t nodes = 0;
};

// Throws Cancelled when ctx's token is cancelled; reports progress every 65536 nodes.
SearchResult Search(const AgreementSpace& s, const SearchGoal& goal, const RunContext& ctx);

// The goal for "rational packages" (every party constrained at its disagreement point).
SearchGoal RationalGoal(const AgreementSpace& s, SearchGoal::Kind kind);

}  // namespace entente
