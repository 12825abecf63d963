// SPDX-License-Identifier: MIT
#include "entente/analysis/pareto.h"

#include "entente/analysis/dominance.h"
#include "entente/analysis/relax.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include <fmt/format.h>

#include "entente/core/errors.h"

namespace entente {
namespace {

constexpr double kDominanceBudget = 2e10;  // m log2(m)^(P-1) per stage, P >= 4

struct Class {
  std::vector<Num> v;
  Count multiplicity = 0;
  int option = 0;  // first option of the class
};

bool Dominates(const Num* x, const Num* y, int P) {  // x >= y, x != y
  bool strict = false;
  for (int a = 0; a < P; ++a) {
    if (x[a] < y[a]) return false;
    strict |= x[a] > y[a];
  }
  return strict;
}

// Options of an issue merged by equal vectors, without those another option dominates.
std::vector<Class> Classes(const AgreementSpace& s, int i) {
  const int P = s.NumParties();
  std::map<std::vector<Num>, size_t> seen;
  std::vector<Class> all;
  for (int o = 0; o < s.NumOptions(i); ++o) {
    std::vector<Num> v(P);
    for (int a = 0; a < P; ++a) v[a] = s.util[a][i][o];
    auto [it, fresh] = seen.emplace(v, all.size());
    if (fresh) all.push_back({v, 0, o});
    ++all[it->second].multiplicity;
  }
  std::vector<Class> out;
  for (const Class& c : all) {
    bool dominated = false;
    for (const Class& d : all) dominated |= Dominates(d.v.data(), c.v.data(), P);
    if (!dominated) out.push_back(c);
  }
  return out;
}

// Indices of the non-dominated vectors of `flat` (P per vector), equal vectors merged into
// the first (their counts summed into cnt[first]); in descending lexicographic order.
// False when the dominance count would be out of reach (many parties, many candidates).
bool NonDominated(const std::vector<Num>& flat, int P, std::vector<Count>& cnt,
                  std::vector<size_t>* kept, const RunContext& ctx) {
  const size_t n = cnt.size();
  std::vector<size_t> idx(n);
  std::iota(idx.begin(), idx.end(), 0);
  auto vec = [&](size_t k) { return &flat[k * P]; };
  std::stable_sort(idx.begin(), idx.end(), [&](size_t x, size_t y) {
    return std::lexicographical_compare(vec(y), vec(y) + P, vec(x), vec(x) + P);
  });
  std::vector<size_t> uniq;
  for (size_t k : idx) {
    if (!uniq.empty() && std::equal(vec(k), vec(k) + P, vec(uniq.back()))) {
      cnt[uniq.back()] += cnt[k];
    } else {
      uniq.push_back(k);
    }
  }
  kept->clear();
  if (P == 1) {
    if (!uniq.empty()) kept->push_back(uniq[0]);
  } else if (P == 2) {
    for (size_t k : uniq)
      if (kept->empty() || vec(k)[1] > vec(kept->back())[1]) kept->push_back(k);
  } else if (P == 3) {
    std::map<Num, Num> stair;  // u1 -> u2, u2 decreasing as u1 increases
    for (size_t k : uniq) {
      Num u1 = vec(k)[1], u2 = vec(k)[2];
      auto it = stair.lower_bound(u1);
      if (it != stair.end() && it->second >= u2) continue;
      auto jt = stair.upper_bound(u1);
      while (jt != stair.begin() && std::prev(jt)->second <= u2) jt = stair.erase(std::prev(jt));
      stair[u1] = u2;
      kept->push_back(k);
    }
  } else {
    // A vector is dominated iff some other vector is >= it: count, for each distinct vector,
    // the vectors >= it (itself included) offline.
    const size_t m = uniq.size();
    std::vector<int32_t> ranks(m * P);
    int32_t max_rank = 1;
    for (int a = 0; a < P; ++a) {
      std::vector<Num> vals(m);
      for (size_t k = 0; k < m; ++k) vals[k] = vec(uniq[k])[a];
      std::sort(vals.begin(), vals.end());
      vals.erase(std::unique(vals.begin(), vals.end()), vals.end());
      for (size_t k = 0; k < m; ++k)
        ranks[k * P + a] = static_cast<int32_t>(
            std::lower_bound(vals.begin(), vals.end(), vec(uniq[k])[a]) - vals.begin());
      max_rank = std::max(max_rank, static_cast<int32_t>(vals.size()));
    }
    const double work = static_cast<double>(m) * std::pow(std::log2(m + 1.0), P - 1);
    if (work > kDominanceBudget) return false;
    std::vector<uint64_t> above =
        DominanceCounts(P, ranks, std::vector<uint64_t>(m, 1), ranks, max_rank, ctx);
    for (size_t k = 0; k < m; ++k)
      if (above[k] == 1) kept->push_back(uniq[k]);
  }
  return true;
}

// With thresholds t: hyperplanes mu . u <= M from the relaxation of "reach t" (relax.h). A
// partial vector x of issues 0..i-1 is dead when even the best completion along some mu falls
// short: mu . x + sum over the remaining issues of max mu . v < mu . t (less a margin far above
// double rounding, so no live partial is ever cut).
class Cut {
 public:
  Cut(const AgreementSpace& s, const ParetoOptions& opt, const std::vector<std::vector<Class>>& cls)
      : s_(s), P_(s.NumParties()) {
    if (opt.threshold.empty()) return;
    relax::Oracle oracle(s);
    relax::Goal g;
    g.kind = relax::Goal::kMaxMin;
    g.in_goal.assign(P_, true);
    g.scale.assign(P_, 1.0);
    g.coef.assign(P_, 0.0);
    g.constrained.assign(P_, true);
    for (int a = 0; a < P_; ++a) g.threshold.push_back(s.ToUtility(opt.threshold[a]));
    g.base = g.threshold;
    std::vector<std::vector<int>> visited;
    mus_ = relax::Multipliers(oracle, g, &visited);
    const int n = s.NumIssues();
    suf_.assign(n + 1, std::vector<double>(mus_.size(), 0.0));
    for (size_t h = 0; h < mus_.size(); ++h) {
      double need = 0;
      for (int a = 0; a < P_; ++a) need += mus_[h][a] * g.threshold[a];
      need_.push_back(need - 1e-9 * (1 + std::fabs(need)));
      for (int i = n - 1; i >= 0; --i) {
        double mx = -relax::kInf;
        for (const Class& c : cls[i]) mx = std::max(mx, Dot(h, c.v.data()));
        suf_[i][h] = suf_[i + 1][h] + mx;
      }
    }
  }
  bool Dead(const Num* x, const std::vector<Num>& v, int rest) const {
    for (size_t h = 0; h < mus_.size(); ++h)
      if (Dot(h, x) + Dot(h, v.data()) + suf_[rest][h] < need_[h]) return true;
    return false;
  }

 private:
  double Dot(size_t h, const Num* u) const {
    double d = 0;
    for (int a = 0; a < P_; ++a) d += mus_[h][a] * s_.ToUtility(u[a]);
    return d;
  }
  const AgreementSpace& s_;
  const int P_;
  std::vector<std::vector<double>> mus_, suf_;
  std::vector<double> need_;
};

}  // namespace

ParetoResult ParetoFrontier(const AgreementSpace& s, const ParetoOptions& opt,
                            const RunContext& ctx) {
  const int P = s.NumParties(), n = s.NumIssues();
  const bool thresholds = !opt.threshold.empty();
  if (thresholds) ENTENTE_CHECK_EQ(static_cast<int>(opt.threshold.size()), P);
  ParetoResult res;
  res.method =
      fmt::format("exact Minkowski-sum frontier, issue by issue (threshold={}, max_points={})",
                  thresholds ? "given" : "none", opt.max_points);
  std::vector<std::vector<Class>> cls(n);
  std::vector<std::vector<Num>> sufmax(n + 1, std::vector<Num>(P, 0));
  for (int i = 0; i < n; ++i) cls[i] = Classes(s, i);
  for (int i = n - 1; i >= 0; --i)
    for (int a = 0; a < P; ++a) {
      Num mx = cls[i][0].v[a];
      for (const Class& c : cls[i]) mx = std::max(mx, c.v[a]);
      sufmax[i][a] = sufmax[i + 1][a] + mx;
    }
  Cut cut(s, opt, cls);
  // The current partial frontier and, per stage, how each kept point was reached.
  std::vector<Num> cur(P, 0);
  std::vector<Count> cur_cnt{1};
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> back(n);
  for (int i = 0; i < n; ++i) {
    ctx.CheckCancelled();
    ctx.Report(i, n, "pareto frontier");
    std::vector<Num> cand;
    std::vector<Count> cnt;
    std::vector<std::pair<uint32_t, uint32_t>> from;
    for (size_t k = 0; k < cur_cnt.size(); ++k) {
      for (size_t c = 0; c < cls[i].size(); ++c) {
        bool alive = true;
        for (int a = 0; a < P && alive && thresholds; ++a)
          alive = cur[k * P + a] + cls[i][c].v[a] + sufmax[i + 1][a] >= opt.threshold[a];
        if (!alive || (thresholds && cut.Dead(&cur[k * P], cls[i][c].v, i + 1))) continue;
        for (int a = 0; a < P; ++a) cand.push_back(cur[k * P + a] + cls[i][c].v[a]);
        cnt.push_back(cur_cnt[k] * cls[i][c].multiplicity);
        from.push_back({static_cast<uint32_t>(k), static_cast<uint32_t>(c)});
      }
    }
    std::vector<size_t> kept;
    if (cnt.size() > 2 * opt.max_points) return res;
    if (!NonDominated(cand, P, cnt, &kept, ctx) || kept.size() > opt.max_points) return res;
    std::vector<Num> next;
    std::vector<Count> next_cnt;
    for (size_t k : kept) {
      next.insert(next.end(), &cand[k * P], &cand[k * P] + P);
      next_cnt.push_back(cnt[k]);
      back[i].push_back(from[k]);
    }
    cur = std::move(next);
    cur_cnt = std::move(next_cnt);
  }
  res.complete = true;
  for (size_t k = 0; k < cur_cnt.size(); ++k) {
    FrontierPoint fp;
    fp.utility.assign(&cur[k * P], &cur[k * P] + P);
    fp.packages = cur_cnt[k];
    fp.example.assign(n, 0);
    size_t at = k;
    for (int i = n - 1; i >= 0; --i) {
      fp.example[i] = cls[i][back[i][at].second].option;
      at = back[i][at].first;
    }
    res.packages += fp.packages;
    ++res.points;
    if (s.IsRational(fp.utility)) {
      res.rational_packages += fp.packages;
      ++res.rational_points;
    }
    res.frontier.push_back(std::move(fp));
  }
  return res;
}

}  // namespace entente
