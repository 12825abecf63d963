// SPDX-License-Identifier: MIT
// Agreement spaces: issues with discrete options, parties with additive utilities over them,
// and each party's disagreement point (the utility of no deal).
//
// A package fixes one option on every issue; party a values it at
//   u_a(p) = sum_i util[a][i][p_i] / denominator
// with integer numerators and one common denominator, so that every comparison is exact
// (exact.h). The disagreement point d_a is held the same way. A package is rational (inside the
// zone of possible agreement) when u_a(p) >= d_a for every party.
//
// Built from a positional scenario (specs/agreements.md):
//   weight_{a,i} = salience_{a,i} / sum_j salience_{a,j}    (issues a party holds a position on)
//   value_{a,i}(o) = 1 - |position_{a,i} - o| / range_i      (loss = linear, the default)
//                  = 1 - ((position_{a,i} - o) / range_i)^2  (loss = quadratic)
//   d_a = u_a(no-deal package) - cost_a
// where the no-deal package puts each issue at its Issue::no_deal point (which need not lie on
// the grid) and cost_a >= 0 is an optional cost of no agreement in utility units. The analyst's
// 0-100 "no-deal acceptability" score is not a utility and is not used. Numeric scales are
// discretised on a grid min, min+step, ..., max (max is added when the step does not divide
// the range); option issues keep their options.
//
// Numbers are read as the decimals they were written as, to 12 decimal places; when a space
// is too fine for exact arithmetic the inputs are rounded to 6, then 3 places and the space
// records that in `notes`.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "entente/analysis/exact.h"
#include "entente/core/scenario.h"

namespace entente {

struct SpaceIssue {
  std::string id;
  std::string name;
  bool numeric = false;             // options are points of a numeric scale
  std::vector<double> values;       // the point of each option (numeric) or its index
  std::vector<std::string> labels;  // per option: the option's name, or the nearest anchor's
                                    // label for a numeric point ("" without anchors)
};

struct SpaceParty {
  std::string id;
  std::string name;
};

struct AgreementSpace {
  std::string title;
  std::string utility_model;  // how utilities were built, e.g. "positional(loss=linear,step=5)"
  std::vector<std::string> notes;  // e.g. rounding applied to reach exact arithmetic
  std::vector<SpaceIssue> issues;
  std::vector<SpaceParty> parties;
  std::vector<std::vector<std::vector<Num>>> util;  // [party][issue][option] numerators
  std::vector<Num> disagreement;                    // d_a numerators
  Num denominator = 1;                              // common denominator, > 0

  int NumParties() const { return static_cast<int>(parties.size()); }
  int NumIssues() const { return static_cast<int>(issues.size()); }
  int NumOptions(int issue) const { return static_cast<int>(issues[issue].values.size()); }
  Count PackageCount() const;  // product of the option counts (1 for no issues)
  std::vector<Num> Utilities(const std::vector<int>& package) const;  // numerators
  bool IsRational(const std::vector<Num>& utility) const;             // u_a >= d_a for every a
  double ToUtility(Num numerator) const {
    return static_cast<double>(static_cast<long double>(numerator) /
                               static_cast<long double>(denominator));
  }
  // The exact value numerator/denominator, reduced.
  Rational Exact(Num numerator) const { return MakeRational(numerator, denominator); }
};

// Fills util, disagreement and denominator from exact values (terms[a][i][o] and d[a]) over
// their least common denominator. Throws ComputationError when a numerator or the
// denominator would exceed 2^100 (the headroom exact products need).
void SetExactUtilities(AgreementSpace& space,
                       const std::vector<std::vector<std::vector<Rational>>>& terms,
                       const std::vector<Rational>& disagreement);

// Aborts (ENTENTE_CHECK) when the arrays do not match the issues and parties.
void CheckSpace(const AgreementSpace& space);

enum class Loss { kLinear, kQuadratic };

struct PositionalOptions {
  std::vector<std::string> parties;  // actor ids; empty = Scenario::PartyIndices()
  double step = 5;                   // grid step on numeric scales, > 0
  Loss loss = Loss::kLinear;
  std::map<std::string, double> no_agreement_cost;  // actor id -> cost (utility units, >= 0)
};

// Builds the agreement space of a positional scenario. Throws InvalidInput listing every
// problem (unknown or repeated party, bad step, an issue without a no-deal point, a party with
// no salience anywhere, a negative cost).
AgreementSpace BuildSpace(const Scenario& s, const PositionalOptions& opt = {});

std::string_view LossName(Loss loss);  // "linear", "quadratic"

}  // namespace entente
