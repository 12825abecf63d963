// SPDX-License-Identifier: MIT
// The definitions of specs/agreements.md computed the obvious way: enumerate every package,
// compare exactly. The reference the fast algorithms are tested against (analysis tests) and
// timed against (bench/deals_bench.cc). Header-only, for tests and benchmarks; spaces up to
// ~10^5 packages (the Pareto filter is quadratic in the frontier size).
#pragma once

#include <algorithm>
#include <optional>
#include <set>
#include <vector>

#include "entente/analysis/exact.h"
#include "entente/analysis/space.h"

namespace entente::brute {

struct Package {
  std::vector<int> options;
  std::vector<Num> u;
};

inline std::vector<Package> Enumerate(const AgreementSpace& s) {
  std::vector<Package> out;
  std::vector<int> p(s.NumIssues(), 0);
  while (true) {
    out.push_back({p, s.Utilities(p)});
    int i = s.NumIssues() - 1;
    while (i >= 0 && ++p[i] == s.NumOptions(i)) p[i--] = 0;
    if (i < 0) break;
  }
  return out;
}

inline bool Dominates(const std::vector<Num>& a, const std::vector<Num>& b) {
  bool strict = false;
  for (size_t k = 0; k < a.size(); ++k) {
    if (a[k] < b[k]) return false;
    strict |= a[k] > b[k];
  }
  return strict;
}

struct Optimum {
  Count ties = 0;                     // packages attaining the optimum
  std::vector<std::vector<int>> all;  // every one of them
  std::vector<Num> value_u;           // utilities of the first
};

struct Result {
  Count pareto_packages = 0, pareto_points = 0, pareto_rational_packages = 0;
  std::set<std::vector<Num>> pareto_set;  // distinct points
  Count zone = 0;
  std::optional<Optimum> nash, ks, egalitarian, utilitarian, utilitarian_rational;
  std::vector<Num> ideal;                        // over rational packages
  Wide nash_product;                             // of the optimum
  Num max_min_gain = 0;                          // over ALL packages (negative: zone empty)
  std::vector<std::optional<Num>> best_without;  // per party b: max u_b s.t. others rational
};

// Adds p to `o` when value v (compared by cmp: <0 worse, 0 tie, >0 better) is at least the best.
template <typename V, typename Cmp>
void Consider(std::optional<Optimum>& o, V& best, const V& v, const Package& p, Cmp cmp) {
  int c = o ? cmp(v, best) : 1;
  if (c < 0) return;
  if (c > 0) {
    o = Optimum{};
    best = v;
    o->value_u = p.u;
  }
  ++o->ties;
  o->all.push_back(p.options);
}

inline Result Solve(const AgreementSpace& s) {
  const int P = s.NumParties();
  auto all = Enumerate(s);
  Result r;
  // Distinct vectors in descending lexicographic order: only an earlier one can dominate.
  std::set<std::vector<Num>> distinct;
  for (const Package& p : all) distinct.insert(p.u);
  std::vector<std::vector<Num>> nd;
  for (auto it = distinct.rbegin(); it != distinct.rend(); ++it) {
    bool dominated = false;
    for (const auto& k : nd) dominated = dominated || Dominates(k, *it);
    if (!dominated) nd.push_back(*it);
  }
  std::set<std::vector<Num>> nd_set(nd.begin(), nd.end());
  std::vector<bool> pareto(all.size());
  for (size_t i = 0; i < all.size(); ++i) pareto[i] = nd_set.count(all[i].u) > 0;
  r.ideal.assign(P, 0);
  bool any_rational = false;
  for (size_t i = 0; i < all.size(); ++i) {
    bool rat = s.IsRational(all[i].u);
    if (pareto[i]) {
      ++r.pareto_packages;
      r.pareto_set.insert(all[i].u);
      if (rat) ++r.pareto_rational_packages;
    }
    if (rat) {
      ++r.zone;
      for (int a = 0; a < P; ++a)
        if (!any_rational || all[i].u[a] > r.ideal[a]) r.ideal[a] = all[i].u[a];
      any_rational = true;
    }
  }
  r.pareto_points = r.pareto_set.size();
  Wide nash_best;
  Num egal_best = 0, util_best = 0, util_rat_best = 0;
  std::pair<Num, Num> ks_best{0, 1};  // min ratio as a fraction
  r.best_without.assign(P, std::nullopt);
  for (size_t i = 0; i < all.size(); ++i) {
    const Package& p = all[i];
    Num sum = 0, min_gain = 0;
    for (int a = 0; a < P; ++a) {
      sum += p.u[a];
      Num g = p.u[a] - s.disagreement[a];
      if (a == 0 || g < min_gain) min_gain = g;
    }
    if (i == 0 || min_gain > r.max_min_gain) r.max_min_gain = min_gain;
    for (int b = 0; b < P; ++b) {
      bool ok = true;
      for (int a = 0; a < P; ++a) ok &= a == b || p.u[a] >= s.disagreement[a];
      if (ok && (!r.best_without[b] || p.u[b] > *r.best_without[b])) r.best_without[b] = p.u[b];
    }
    auto num_cmp = [](Num x, Num y) { return x < y ? -1 : x > y ? 1 : 0; };
    Consider(r.utilitarian, util_best, sum, p, num_cmp);
    if (!s.IsRational(p.u)) continue;
    Consider(r.utilitarian_rational, util_rat_best, sum, p, num_cmp);
    Consider(r.egalitarian, egal_best, min_gain, p, num_cmp);
    Wide prod(1);
    for (int a = 0; a < P; ++a) prod.Mul(static_cast<UNum>(p.u[a] - s.disagreement[a]));
    Consider(r.nash, nash_best, prod, p,
             [](const Wide& x, const Wide& y) { return Compare(x, y); });
    if (!pareto[i]) continue;
    // min over parties with a positive range I_a - d_a of (u_a - d_a) / (I_a - d_a)
    std::pair<Num, Num> ratio{1, 1};
    bool first = true;
    for (int a = 0; a < P; ++a) {
      Num range = r.ideal[a] - s.disagreement[a];
      if (range == 0) continue;
      Num g = p.u[a] - s.disagreement[a];
      if (first || CompareFractions(g, range, ratio.first, ratio.second) < 0) ratio = {g, range};
      first = false;
    }
    Consider(r.ks, ks_best, ratio, p,
             [](const std::pair<Num, Num>& x, const std::pair<Num, Num>& y) {
               return CompareFractions(x.first, x.second, y.first, y.second);
             });
  }
  r.nash_product = nash_best;
  return r;
}

}  // namespace entente::brute
