// SPDX-License-Identifier: MIT
// The Pareto frontier of an agreement space: the packages no other package weakly dominates
// (at least as good for every party and better for one). Packages with equal utility vectors
// are all on it or all off it; both the package count (GENIUS's convention) and the number of
// distinct utility points (NegMAS's) are reported.
//
// Algorithm (no enumeration of packages). If a package is Pareto-optimal, so is each of its
// partial packages among the partial packages of the same issues (else swapping in the
// dominating part would dominate the whole). So the frontier is built issue by issue: the
// non-dominated partial vectors of issues 1..j, each with the number of partial packages that
// reach it, are added to the options of issue j+1 (a Minkowski sum), and only the
// non-dominated sums are kept, with counts summed over the ways each is reached. Options with
// equal vectors are merged into one with a multiplicity. With thresholds, partial vectors that
// cannot reach them even with the best remaining options are dropped too, which gives the
// frontier of the zone of agreement directly. Dominance filtering: one sort and a sweep for two
// parties, a staircase for three, offline dominance counting (dominance.h) for more. Exact
// integer comparisons throughout.
#pragma once

#include <string>
#include <vector>

#include "entente/analysis/exact.h"
#include "entente/analysis/space.h"
#include "entente/core/cancel.h"

namespace entente {

struct ParetoOptions {
  // Empty: the frontier over all packages. Else only packages with u_a >= threshold_a for every
  // party (threshold = disagreement points gives the frontier of the zone of agreement).
  std::vector<Num> threshold;
  // Give up when a partial frontier would exceed this many points (or its candidates twice as
  // many), with complete = false.
  uint64_t max_points = 2'000'000;
};

struct FrontierPoint {
  std::vector<Num> utility;  // numerators
  Count packages = 0;        // packages with exactly this utility vector
  std::vector<int> example;  // one of them
};

struct ParetoResult {
  std::string method;           // how it was computed, with its parameters
  bool complete = false;        // false: gave up (frontier too large); counts are then unknown
  Count packages = 0;           // Pareto-optimal packages
  uint64_t points = 0;          // distinct utility vectors among them
  Count rational_packages = 0;  // those inside the zone of agreement (u_a >= d_a for all a)
  uint64_t rational_points = 0;
  std::vector<FrontierPoint> frontier;  // by party 0's utility, descending (then party 1, ...)
};

ParetoResult ParetoFrontier(const AgreementSpace& s, const ParetoOptions& opt,
                            const RunContext& ctx);

}  // namespace entente
