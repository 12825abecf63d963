// SPDX-License-Identifier: MIT
#include "entente/analysis/zopa.h"

#include <cmath>

#include <fmt/format.h>

#include "entente/analysis/count.h"
#include "entente/analysis/search.h"
#include "entente/core/rng.h"

namespace entente {
namespace {

// max over packages of min over parties in `who` of (u_a - d_a); stops once it reaches 0 when
// `feasibility` (then the value is only known to be >= 0).
SearchResult MaxMin(const AgreementSpace& s, const std::vector<bool>& who, bool feasibility,
                    uint64_t node_limit, const RunContext& ctx) {
  SearchGoal g = RationalGoal(s, SearchGoal::kMaxMin);
  g.constrained.assign(s.NumParties(), false);
  for (int a = 0; a < s.NumParties(); ++a) g.scale[a] = who[a] ? 1 : 0;
  if (feasibility) g.stop_at = 0;
  g.node_limit = node_limit;
  return Search(s, g, ctx);
}

bool Conflict(const AgreementSpace& s, const std::vector<bool>& who, uint64_t node_limit,
              const RunContext& ctx) {
  SearchResult r = MaxMin(s, who, true, node_limit, ctx);
  return r.value_num < 0;
}

Ripeness Ripen(const AgreementSpace& s, const SearchResult& all, const ZoneOptions& opt,
               const RunContext& ctx) {
  const int P = s.NumParties();
  Ripeness rp;
  rp.uniform_cost = -all.value_num;
  rp.opening_package = all.package;
  for (int b = 0; b < P; ++b) {
    SearchGoal g = RationalGoal(s, SearchGoal::kLinear);
    g.constrained[b] = false;
    g.coef.assign(P, 0);
    g.coef[b] = 1;
    g.node_limit = opt.node_limit;
    SearchResult r = Search(s, g, ctx);
    if (r.feasible && r.complete) {
      rp.single_shift.push_back(s.disagreement[b] - r.utility[b]);
    } else {
      rp.single_shift.push_back(std::nullopt);
    }
  }
  // Minimal conflicting sets, by increasing size, skipping supersets of sets already found.
  for (uint32_t size = 1; size <= static_cast<uint32_t>(P); ++size) {
    for (uint32_t mask = 1; mask < (1u << P); ++mask) {
      if (static_cast<uint32_t>(__builtin_popcount(mask)) != size) continue;
      bool super = false;
      for (const auto& set : rp.binding) {
        uint32_t m = 0;
        for (int a : set) m |= 1u << a;
        super |= (mask & m) == m;
      }
      if (super) continue;
      std::vector<bool> who(P);
      for (int a = 0; a < P; ++a) who[a] = mask >> a & 1u;
      if (!Conflict(s, who, opt.node_limit, ctx)) continue;
      std::vector<int> set;
      for (int a = 0; a < P; ++a)
        if (who[a]) set.push_back(a);
      rp.binding.push_back(set);
    }
  }
  return rp;
}

// Wilson score interval for a binomial proportion, z = 1.96.
void Wilson(uint64_t hits, uint64_t n, double* lo, double* hi) {
  const double z = 1.959963984540054, p = static_cast<double>(hits) / n, nn = n;
  double centre = (p + z * z / (2 * nn)) / (1 + z * z / nn);
  double half = z * std::sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn)) / (1 + z * z / nn);
  *lo = std::max(0.0, centre - half);
  *hi = std::min(1.0, centre + half);
}

void Estimate(const AgreementSpace& s, const ZoneOptions& opt, const RunContext& ctx,
              ZoneResult* z) {
  Rng rng(DeriveSeed(ctx.seed, 0x20BA));
  std::vector<int> pkg(s.NumIssues());
  for (uint64_t k = 0; k < opt.estimate_draws; ++k) {
    if ((k & 0xFFFF) == 0) {
      ctx.CheckCancelled();
      ctx.Report(static_cast<double>(k), static_cast<double>(opt.estimate_draws), "zone estimate");
    }
    for (int i = 0; i < s.NumIssues(); ++i)
      pkg[i] = static_cast<int>(rng() % static_cast<uint64_t>(s.NumOptions(i)));
    if (!s.IsRational(s.Utilities(pkg))) continue;
    ++z->hits;
    if (static_cast<int>(z->samples.size()) < opt.samples) z->samples.push_back(pkg);
  }
  z->draws = opt.estimate_draws;
  double total = CountToDouble(z->packages), lo, hi;
  Wilson(z->hits, z->draws, &lo, &hi);
  z->estimate = total * static_cast<double>(z->hits) / static_cast<double>(z->draws);
  z->ci_low = lo * total;
  z->ci_high = hi * total;
}

}  // namespace

ZoneResult AnalyseZone(const AgreementSpace& s, const ZoneOptions& opt, const RunContext& ctx) {
  ZoneResult z;
  z.packages = s.PackageCount();
  ctx.Report(0, 3, "zone: emptiness");
  SearchResult all = MaxMin(s, std::vector<bool>(s.NumParties(), true), false, opt.node_limit, ctx);
  z.empty = all.value_num < 0;
  if (z.empty) {
    z.method = fmt::format(
        "empty: exact branch and bound, max over packages of the least gain < 0; ripeness by "
        "branch and bound (node_limit={})",
        opt.node_limit);
    z.exact = true;
    ctx.Report(1, 3, "zone: ripeness");
    z.ripeness = Ripen(s, all, opt, ctx);
    return z;
  }
  ctx.Report(1, 3, "zone: count");
  auto count = CountAtLeast(
      s, s.disagreement, {.max_half = opt.max_half, .samples = opt.samples, .seed = ctx.seed}, ctx);
  if (count) {
    z.exact = true;
    z.size = count->count;
    z.samples = count->samples;
    z.method = fmt::format(
        "exact count by meet in the middle and dominance counting (max_half={}; halves of {} "
        "and {} distinct partial vectors); samples uniform (seed={})",
        opt.max_half, count->half_a, count->half_b, ctx.seed);
    return z;
  }
  Estimate(s, opt, ctx, &z);
  z.method = fmt::format(
      "estimate: exact counting out of reach (a half exceeds max_half={}); {} uniform draws "
      "(seed={}), 95% Wilson interval; non-emptiness exact by branch and bound",
      opt.max_half, z.draws, ctx.seed);
  if (z.samples.empty()) {
    z.samples.push_back(all.package);
    z.samples_uniform = false;
  }
  return z;
}

}  // namespace entente
