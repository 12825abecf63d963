// SPDX-License-Identifier: MIT
#include "entente/analysis/bargaining.h"

#include <fmt/format.h>

#include "entente/analysis/pareto.h"
#include "entente/analysis/search.h"

namespace entente {
namespace {

std::string SearchMethod(const SearchResult& r, const BargainingOptions& opt) {
  return fmt::format("exact branch and bound with Lagrangian bounds (node_limit={}; {} nodes)",
                     opt.node_limit, r.nodes);
}

Solution FromSearch(const AgreementSpace& s, const SearchResult& r, Solution sol,
                    const BargainingOptions& opt) {
  sol.method = SearchMethod(r, opt);
  if (!r.complete) {
    sol.note = "search stopped at the node limit; no exact answer";
    return sol;
  }
  if (!r.feasible) {
    sol.note = "no package is rational: the zone of possible agreement is empty";
    return sol;
  }
  sol.exists = true;
  sol.package = r.package;
  sol.utility = r.utility;
  sol.rational = s.IsRational(r.utility);
  sol.ties = r.ties;
  return sol;
}

double MinGain(const AgreementSpace& s, const std::vector<Num>& u) {
  double m = 0;
  for (int a = 0; a < s.NumParties(); ++a) {
    double g = s.ToUtility(u[a] - s.disagreement[a]);
    m = a == 0 ? g : std::min(m, g);
  }
  return m;
}

}  // namespace

Solution EgalitarianSolution(const AgreementSpace& s, const BargainingOptions& opt,
                             const RunContext& ctx) {
  SearchGoal g = RationalGoal(s, SearchGoal::kMaxMin);
  g.node_limit = opt.node_limit;
  Solution sol{.key = "egalitarian", .name = "Egalitarian (Kalai 1977)"};
  sol = FromSearch(s, Search(s, g, ctx), sol, opt);
  if (sol.exists) sol.value = MinGain(s, sol.utility);
  return sol;
}

Solution NashSolution(const AgreementSpace& s, const BargainingOptions& opt,
                      const RunContext& ctx) {
  Solution egal = EgalitarianSolution(s, opt, ctx);
  Solution sol{.key = "nash", .name = "Nash bargaining solution"};
  if (!egal.exists) {
    sol.method = egal.method;
    sol.note = egal.note;
    return sol;
  }
  Num min_gain = egal.utility[0] - s.disagreement[0];
  for (int a = 1; a < s.NumParties(); ++a)
    min_gain = std::min(min_gain, egal.utility[a] - s.disagreement[a]);
  if (min_gain == 0) {
    sol = egal;
    sol.key = "nash";
    sol.name = "Nash bargaining solution";
    sol.ties.reset();
    sol.value = 0;
    sol.note =
        "degenerate: no rational package gives every party a positive gain, so every "
        "rational package has Nash product 0; shown: the egalitarian package";
    return sol;
  }
  SearchGoal g = RationalGoal(s, SearchGoal::kNash);
  g.node_limit = opt.node_limit;
  sol = FromSearch(s, Search(s, g, ctx), sol, opt);
  if (sol.exists) {
    sol.value = 1;
    for (int a = 0; a < s.NumParties(); ++a)
      sol.value *= s.ToUtility(sol.utility[a] - s.disagreement[a]);
  }
  return sol;
}

std::optional<std::vector<Num>> IdealPoint(const AgreementSpace& s, const BargainingOptions& opt,
                                           const RunContext& ctx) {
  std::vector<Num> ideal;
  for (int a = 0; a < s.NumParties(); ++a) {
    SearchGoal g = RationalGoal(s, SearchGoal::kLinear);
    g.coef.assign(s.NumParties(), 0);
    g.coef[a] = 1;
    g.node_limit = opt.node_limit;
    SearchResult r = Search(s, g, ctx);
    if (!r.feasible || !r.complete) return std::nullopt;
    ideal.push_back(r.utility[a]);
  }
  return ideal;
}

Solution KalaiSmorodinskySolution(const AgreementSpace& s, const std::vector<Num>& ideal,
                                  const BargainingOptions& opt, const RunContext& ctx) {
  const int P = s.NumParties();
  SearchGoal g = RationalGoal(s, SearchGoal::kMaxMin);
  g.node_limit = opt.node_limit;
  bool any = false;
  for (int a = 0; a < P; ++a) {
    g.scale[a] = ideal[a] - s.disagreement[a];
    any |= g.scale[a] > 0;
  }
  Solution sol{.key = "kalai_smorodinsky", .name = "Kalai-Smorodinsky (textbook discrete form)"};
  if (!any) {  // every rational package leaves every party at its disagreement point
    sol = EgalitarianSolution(s, opt, ctx);
    sol.key = "kalai_smorodinsky";
    sol.name = "Kalai-Smorodinsky (textbook discrete form)";
    sol.note = "degenerate: no rational package gains any party anything";
    return sol;
  }
  SearchResult r = Search(s, g, ctx);
  sol = FromSearch(s, r, sol, opt);
  if (!sol.exists) return sol;
  sol.value = NumToDouble(r.value_num) / NumToDouble(r.value_den);
  // Ties: the Pareto packages whose every ratio reaches the optimum m* = value_num/value_den.
  std::vector<Num> t(P);
  for (int a = 0; a < P; ++a)
    t[a] = s.disagreement[a] +
           (g.scale[a] > 0 ? CeilMulDiv(r.value_num, g.scale[a], r.value_den) : Num(0));
  ParetoResult pf = ParetoFrontier(s, {.threshold = t, .max_points = opt.max_points}, ctx);
  if (pf.complete) {
    sol.ties = pf.packages;
  } else {
    sol.ties.reset();
  }
  sol.method += "; ties counted on the Pareto frontier of the packages reaching the optimal ratio";
  return sol;
}

Solution UtilitarianSolution(const AgreementSpace& s, bool rational_only,
                             const BargainingOptions& opt, const RunContext& ctx) {
  Solution sol{.key = rational_only ? "utilitarian_rational" : "utilitarian",
               .name = rational_only ? "Utilitarian within the zone" : "Utilitarian"};
  if (rational_only) {
    SearchGoal g = RationalGoal(s, SearchGoal::kLinear);
    g.node_limit = opt.node_limit;
    sol = FromSearch(s, Search(s, g, ctx), sol, opt);
  } else {
    // Separable: the best option of every issue for the sum of utilities.
    sol.method = "exact: per-issue maximum of the summed utilities; ties multiplied out";
    Count ties = 1;
    for (int i = 0; i < s.NumIssues(); ++i) {
      Num best = 0;
      int arg = -1, count = 0;
      for (int o = 0; o < s.NumOptions(i); ++o) {
        Num sum = 0;
        for (int a = 0; a < s.NumParties(); ++a) sum += s.util[a][i][o];
        if (arg < 0 || sum > best) {
          best = sum;
          arg = o;
          count = 0;
        }
        count += sum == best;
      }
      sol.package.push_back(arg);
      ties *= static_cast<Count>(count);
    }
    sol.exists = true;
    sol.utility = s.Utilities(sol.package);
    sol.rational = s.IsRational(sol.utility);
    sol.ties = ties;
    if (!sol.rational) sol.note = "outside the zone of agreement: some party prefers no deal";
  }
  if (sol.exists) {
    sol.value = 0;
    for (Num u : sol.utility) sol.value += s.ToUtility(u);
  }
  return sol;
}

BargainingResult Bargain(const AgreementSpace& s, const BargainingOptions& opt,
                         const RunContext& ctx) {
  BargainingResult res;
  res.method =
      fmt::format("bargaining(node_limit={},max_points={})", opt.node_limit, opt.max_points);
  ctx.Report(0, 5, "nash");
  res.solutions.push_back(NashSolution(s, opt, ctx));
  ctx.Report(1, 5, "kalai-smorodinsky");
  auto ideal = IdealPoint(s, opt, ctx);
  if (ideal) {
    res.ideal = *ideal;
    res.solutions.push_back(KalaiSmorodinskySolution(s, *ideal, opt, ctx));
  } else {
    Solution ks{.key = "kalai_smorodinsky", .name = "Kalai-Smorodinsky (textbook discrete form)"};
    ks.method = "needs the ideal point over rational packages";
    ks.note = "no package is rational: the zone of possible agreement is empty";
    res.solutions.push_back(ks);
  }
  ctx.Report(2, 5, "egalitarian");
  res.solutions.push_back(EgalitarianSolution(s, opt, ctx));
  ctx.Report(3, 5, "utilitarian");
  res.solutions.push_back(UtilitarianSolution(s, false, opt, ctx));
  res.solutions.push_back(UtilitarianSolution(s, true, opt, ctx));
  ctx.Report(5, 5, "done");
  return res;
}

}  // namespace entente
