// SPDX-License-Identifier: MIT
// Bargaining solutions on an agreement space (specs/agreements.md), each exact, each with every
// party's utility, its gain over no deal (u_a - d_a) and the number of packages that tie.
//
//   Nash (1950): argmax over rational packages of prod_a (u_a - d_a). When no rational package
//     gives every party a positive gain the product is 0 everywhere: reported as degenerate.
//   Kalai-Smorodinsky, textbook discrete form (Kalai & Smorodinsky 1975, as stated in
//     specs/agreements.md): I = ideal point, I_a = max u_a over rational packages; argmax over
//     rational Pareto packages of min_a (u_a - d_a) / (I_a - d_a), ties broken by leximin of
//     those ratios. Parties with I_a = d_a (no rational package gains them anything) are left
//     out of the min. Not GENIUS's rule (min sum of pairwise utility gaps on the frontier) nor
//     NegMAS's (min spread of normalised gains).
//   Egalitarian (Kalai 1977): argmax over rational packages of min_a (u_a - d_a); reported
//     package: the leximin-best of the ties.
//   Utilitarian: argmax over all packages of sum_a u_a (GENIUS's "max social welfare"; it may
//     lie outside the zone, which is flagged), and the same over rational packages only.
//
// Method: exact branch and bound (search.h); ties for Kalai-Smorodinsky are counted on the
// Pareto frontier of the packages reaching the optimal ratio (pareto.h). The utilitarian
// optimum over all packages is separable: each issue's best option, ties multiplied out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "entente/analysis/exact.h"
#include "entente/analysis/space.h"
#include "entente/core/cancel.h"

namespace entente {

struct BargainingOptions {
  uint64_t node_limit = 4'000'000'000ULL;  // per branch-and-bound search
  uint64_t max_points = 200'000;           // frontier size for counting KS ties
};

struct Solution {
  std::string key;            // "nash", "kalai_smorodinsky", "egalitarian", "utilitarian",
                              // "utilitarian_rational"
  std::string name;           // e.g. "Kalai-Smorodinsky (textbook discrete form)"
  std::string method;         // how it was computed, with its parameters
  bool exists = false;        // false: no rational package (or the search was cut short)
  std::string note;           // why it does not exist, or what is special about it
  std::vector<int> package;   // option index per issue
  std::vector<Num> utility;   // numerators (space.denominator)
  bool rational = false;      // inside the zone of agreement
  std::optional<Count> ties;  // packages attaining the optimum; nullopt when not counted
  double value = 0;  // the objective: Nash product, min ratio, min gain or sum (utility units)
};

struct BargainingResult {
  std::string method;
  std::vector<Num> ideal;           // I_a over rational packages; empty when the zone is empty
  std::vector<Solution> solutions;  // in the order of the keys above
};

Solution EgalitarianSolution(const AgreementSpace& s, const BargainingOptions& opt,
                             const RunContext& ctx);
Solution NashSolution(const AgreementSpace& s, const BargainingOptions& opt, const RunContext& ctx);
// nullopt when the zone of agreement is empty.
std::optional<std::vector<Num>> IdealPoint(const AgreementSpace& s, const BargainingOptions& opt,
                                           const RunContext& ctx);
Solution KalaiSmorodinskySolution(const AgreementSpace& s, const std::vector<Num>& ideal,
                                  const BargainingOptions& opt, const RunContext& ctx);
Solution UtilitarianSolution(const AgreementSpace& s, bool rational_only,
                             const BargainingOptions& opt, const RunContext& ctx);

// All of them.
BargainingResult Bargain(const AgreementSpace& s, const BargainingOptions& opt,
                         const RunContext& ctx);

}  // namespace entente
