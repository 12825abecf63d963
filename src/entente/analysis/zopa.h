// SPDX-License-Identifier: MIT
// The zone of possible agreement (ZOPA): the rational packages, u_a(p) >= d_a for every party.
//
// Reported: whether it is empty (decided exactly by branch and bound: it is empty iff
// m = max over packages of min_a (u_a - d_a) is negative); its size -- the exact count by meet in
// the middle (count.h) whenever the halves fit in memory, otherwise a Monte Carlo estimate with
// a 95% Wilson interval, labelled as an estimate; and packages drawn uniformly from it.
//
// When it is empty, how far the conflict is from "ripe":
//   - binding: the minimal sets of parties whose no-deal constraints cannot all hold at once
//     (a single party: no package beats no deal for it);
//   - uniform cost: the smallest cost of no agreement c, charged to every party alike
//     (d_a -> d_a - c), that opens the zone: c = -m, in utility units;
//   - single shift: for each party b, the smallest lowering of d_b alone that opens it,
//     d_b - max { u_b(p) : u_a(p) >= d_a for every a != b } (none when the others' constraints
//     already conflict).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "entente/analysis/exact.h"
#include "entente/analysis/space.h"
#include "entente/core/cancel.h"

namespace entente {

struct ZoneOptions {
  int samples = 5;                         // packages drawn uniformly from the zone
  uint64_t max_half = uint64_t{1} << 22;   // exact counting limit (count.h)
  uint64_t estimate_draws = 1'000'000;     // Monte Carlo draws when counting is out of reach
  uint64_t node_limit = 4'000'000'000ULL;  // per branch-and-bound search
};

struct Ripeness {
  Num uniform_cost = 0;                          // numerator of c (utility = c / denominator)
  std::vector<int> opening_package;              // enters the zone once every d_a is lowered by c
  std::vector<std::optional<Num>> single_shift;  // per party; nullopt: cannot open it alone
  std::vector<std::vector<int>> binding;         // minimal conflicting sets of party indices
};

struct ZoneResult {
  std::string method;                            // how it was computed, with its parameters
  Count packages = 0;                            // all packages of the space
  bool empty = true;                             // exact
  bool exact = false;                            // size is an exact count (else an estimate)
  Count size = 0;                                // exact count
  double estimate = 0, ci_low = 0, ci_high = 0;  // estimate and 95% interval, in packages
  uint64_t draws = 0, hits = 0;                  // Monte Carlo draws and hits
  std::vector<std::vector<int>> samples;
  bool samples_uniform = true;       // false: a package found by search (no uniform draw hit)
  std::optional<Ripeness> ripeness;  // when empty
};

// Random draws come from ctx.seed.
ZoneResult AnalyseZone(const AgreementSpace& s, const ZoneOptions& opt, const RunContext& ctx);

}  // namespace entente
