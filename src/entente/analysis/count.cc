// SPDX-License-Identifier: MIT
#include "entente/analysis/count.h"

#include "entente/analysis/dominance.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "entente/core/errors.h"
#include "entente/core/rng.h"

namespace entente {
namespace {

constexpr double kCdqBudget = 2e10;  // n log2(n)^(P-1) beyond which counting is out of reach

struct Class {
  std::vector<Num> v;
  std::vector<int> options;
};

std::vector<std::vector<Class>> Classes(const AgreementSpace& s) {
  std::vector<std::vector<Class>> out(s.NumIssues());
  for (int i = 0; i < s.NumIssues(); ++i) {
    std::map<std::vector<Num>, size_t> seen;
    for (int o = 0; o < s.NumOptions(i); ++o) {
      std::vector<Num> v(s.NumParties());
      for (int a = 0; a < s.NumParties(); ++a) v[a] = s.util[a][i][o];
      auto [it, fresh] = seen.emplace(v, out[i].size());
      if (fresh) out[i].push_back({v, {}});
      out[i][it->second].options.push_back(o);
    }
  }
  return out;
}

Count UniformBelow(Rng& rng, Count n) {  // n > 0
  Count limit = ~Count(0) - (~Count(0) % n);
  while (true) {
    Count x = (Count(rng()) << 64) | Count(rng());
    if (x < limit) return x % n;
  }
}

// One half of the split: its issues, and its partial vectors after filtering and capping.
struct Half {
  std::vector<int> issues;
  std::vector<Num> lo, hi;  // per party: min and max partial sum
  std::vector<Num> vec;     // flat [k * P + a], distinct vectors
  std::vector<uint64_t> weight;
};

class Counter {
 public:
  Counter(const AgreementSpace& s, const std::vector<Num>& t, const CountOptions& opt,
          const RunContext& ctx)
      : s_(s), t_(t), opt_(opt), ctx_(ctx), P_(s.NumParties()), cls_(Classes(s)) {}

  // Coordinates every package satisfies (lo_A + lo_B >= t) are dropped: set to 0 with t = 0.
  // The others are capped at t - lo_other, which keeps x + y >= t unchanged because then
  // both caps add up to more than t.

  std::optional<CountResult> Run() {
    if (!Split()) return std::nullopt;
    Collect(a_, b_);
    Collect(b_, a_);
    CountResult r;
    r.half_a = a_.weight.size();
    r.half_b = b_.weight.size();
    ctx_.Report(0, 1, "zone count");
    if (!Dominance()) return std::nullopt;
    for (size_t q = 0; q < a_.weight.size(); ++q) r.count += Count(a_.weight[q]) * cnt_[q];
    if (r.count > 0 && opt_.samples > 0) {
      Rng rng(DeriveSeed(opt_.seed, 0x5a4d));
      for (int k = 0; k < opt_.samples; ++k) r.samples.push_back(Sample(rng, r.count));
    }
    ctx_.Report(1, 1, "zone count");
    return r;
  }

 private:
  // Balances the class-combination counts of the halves; false when one is too large.
  bool Split() {
    std::vector<int> order(s_.NumIssues());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int x, int y) { return cls_[x].size() > cls_[y].size(); });
    Count ca = 1, cb = 1, pa = 1, pb = 1;  // class combinations and packages per half
    for (int i : order) {
      if (ca <= cb) {
        a_.issues.push_back(i);
        ca *= cls_[i].size();
        pa *= s_.NumOptions(i);
      } else {
        b_.issues.push_back(i);
        cb *= cls_[i].size();
        pb *= s_.NumOptions(i);
      }
      if (ca > opt_.max_half || cb > opt_.max_half) return false;
      if (pa > (Count(1) << 62) || pb > (Count(1) << 62)) return false;
    }
    for (Half* h : {&a_, &b_}) {
      h->lo.assign(P_, 0);
      h->hi.assign(P_, 0);
      for (int i : h->issues)
        for (int a = 0; a < P_; ++a) {
          Num mn = cls_[i][0].v[a], mx = mn;
          for (const Class& c : cls_[i]) {
            mn = std::min(mn, c.v[a]);
            mx = std::max(mx, c.v[a]);
          }
          h->lo[a] += mn;
          h->hi[a] += mx;
        }
    }
    for (int a = 0; a < P_; ++a)
      if (a_.lo[a] + b_.lo[a] >= t_[a]) t_[a] = 0, vacuous_[a] = true;
    return true;
  }

  // Calls f(vector, multiplicity, class choice per issue of the half) for every combination.
  template <typename F>
  void ForEach(const Half& h, F f) const {
    const size_t n = h.issues.size();
    std::vector<int> k(n, 0);
    std::vector<std::vector<Num>> sum(n + 1, std::vector<Num>(P_, 0));
    std::vector<uint64_t> mult(n + 1, 1);
    size_t depth = 0;
    while (true) {
      while (depth < n) {  // descend with the current choices
        const Class& c = cls_[h.issues[depth]][k[depth]];
        for (int a = 0; a < P_; ++a) sum[depth + 1][a] = sum[depth][a] + c.v[a];
        mult[depth + 1] = mult[depth] * c.options.size();
        ++depth;
      }
      f(sum[n], mult[n], k);
      while (depth > 0 && ++k[depth - 1] == static_cast<int>(cls_[h.issues[depth - 1]].size()))
        k[--depth] = 0;
      if (depth == 0) return;
      --depth;
    }
  }

  // The vector a half's partial sum is counted as (capped), or false when it cannot reach t.
  bool Transform(const std::vector<Num>& x, const Half& other, std::vector<Num>* out) const {
    out->resize(P_);
    for (int a = 0; a < P_; ++a) {
      if (vacuous_[a]) {
        (*out)[a] = 0;
        continue;
      }
      if (x[a] + other.hi[a] < t_[a]) return false;
      (*out)[a] = std::min(x[a], t_[a] - other.lo[a]);
    }
    return true;
  }

  void Collect(Half& h, const Half& other) {
    std::vector<Num> flat, y;
    std::vector<uint64_t> w;
    ForEach(h, [&](const std::vector<Num>& x, uint64_t m, const std::vector<int>&) {
      if (!Transform(x, other, &y)) return;
      flat.insert(flat.end(), y.begin(), y.end());
      w.push_back(m);
    });
    std::vector<size_t> idx(w.size());
    std::iota(idx.begin(), idx.end(), 0);
    auto less = [&](size_t p, size_t q) {
      return std::lexicographical_compare(&flat[p * P_], &flat[p * P_] + P_, &flat[q * P_],
                                          &flat[q * P_] + P_);
    };
    std::sort(idx.begin(), idx.end(), less);
    for (size_t k = 0; k < idx.size(); ++k) {
      if (k > 0 && !less(idx[k - 1], idx[k])) {
        h.weight.back() += w[idx[k]];
        continue;
      }
      h.vec.insert(h.vec.end(), &flat[idx[k] * P_], &flat[idx[k] * P_] + P_);
      h.weight.push_back(w[idx[k]]);
    }
  }

  // cnt_[q] = total weight of B's vectors y with y >= t - x_q (x_q = q-th vector of A); false
  // when the work would be out of reach (many parties and large halves).
  bool Dominance();

  std::vector<int> Pick(const Half& h, const Half& other, const Num* target, Count r) const {
    std::vector<int> issue_option;
    std::vector<Num> y;
    bool done = false;
    ForEach(h, [&](const std::vector<Num>& x, uint64_t m, const std::vector<int>& k) {
      if (done || !Transform(x, other, &y) || !std::equal(y.begin(), y.end(), target)) return;
      if (r >= m) {
        r -= m;
        return;
      }
      for (size_t j = 0; j < h.issues.size(); ++j) {  // mixed radix over the classes' options
        const auto& opts = cls_[h.issues[j]][k[j]].options;
        issue_option.push_back(opts[static_cast<size_t>(r % opts.size())]);
        r /= opts.size();
      }
      done = true;
    });
    return issue_option;
  }

  std::vector<int> Sample(Rng& rng, Count total) const {
    Count r = UniformBelow(rng, total);
    size_t q = 0;
    for (; q < a_.weight.size(); ++q) {
      Count part = Count(a_.weight[q]) * cnt_[q];
      if (r < part) break;
      r -= part;
    }
    Count within_a = r % a_.weight[q];
    Count rb = r / a_.weight[q];  // uniform in [0, cnt_[q])
    size_t p = 0;
    for (;; ++p) {
      bool dom = true;
      for (int a = 0; a < P_ && dom; ++a) dom = b_.vec[p * P_ + a] >= t_[a] - a_.vec[q * P_ + a];
      if (!dom) continue;
      if (rb < b_.weight[p]) break;
      rb -= b_.weight[p];
    }
    std::vector<int> pkg(s_.NumIssues());
    auto pa = Pick(a_, b_, &a_.vec[q * P_], within_a);
    auto pb = Pick(b_, a_, &b_.vec[p * P_], rb);
    for (size_t j = 0; j < a_.issues.size(); ++j) pkg[a_.issues[j]] = pa[j];
    for (size_t j = 0; j < b_.issues.size(); ++j) pkg[b_.issues[j]] = pb[j];
    return pkg;
  }

  const AgreementSpace& s_;
  std::vector<Num> t_;
  std::vector<bool> vacuous_ = std::vector<bool>(s_.NumParties(), false);
  const CountOptions& opt_;
  const RunContext& ctx_;
  const int P_;
  std::vector<std::vector<Class>> cls_;
  Half a_, b_;
  std::vector<uint64_t> cnt_;
};

bool Counter::Dominance() {
  const size_t na = a_.weight.size(), nb = b_.weight.size();
  cnt_.assign(na, 0);
  if (na == 0 || nb == 0) return true;
  const double pairs = static_cast<double>(na) * static_cast<double>(nb);
  const double n = static_cast<double>(na + nb);
  if (pairs > opt_.scan_pairs && n * std::pow(std::log2(n), P_ - 1) > kCdqBudget) return false;
  // Ranks per coordinate over the points y and the queries t - x.
  std::vector<int32_t> pts(nb * P_), qs(na * P_);
  int32_t max_rank = 1;
  for (int a = 0; a < P_; ++a) {
    std::vector<Num> vals;
    for (size_t k = 0; k < nb; ++k) vals.push_back(b_.vec[k * P_ + a]);
    for (size_t k = 0; k < na; ++k) vals.push_back(t_[a] - a_.vec[k * P_ + a]);
    std::sort(vals.begin(), vals.end());
    vals.erase(std::unique(vals.begin(), vals.end()), vals.end());
    auto rank = [&](Num v) {
      return static_cast<int32_t>(std::lower_bound(vals.begin(), vals.end(), v) - vals.begin());
    };
    for (size_t k = 0; k < nb; ++k) pts[k * P_ + a] = rank(b_.vec[k * P_ + a]);
    for (size_t k = 0; k < na; ++k) qs[k * P_ + a] = rank(t_[a] - a_.vec[k * P_ + a]);
    max_rank = std::max(max_rank, static_cast<int32_t>(vals.size()));
  }
  if (static_cast<double>(na) * static_cast<double>(nb) <= opt_.scan_pairs) {
    for (size_t q = 0; q < na; ++q) {
      if ((q & 1023) == 0) ctx_.CheckCancelled();
      uint64_t acc = 0;
      const int32_t* qq = &qs[q * P_];
      for (size_t p = 0; p < nb; ++p) {
        const int32_t* pp = &pts[p * P_];
        bool dom = true;
        for (int a = 0; a < P_ && dom; ++a) dom = pp[a] >= qq[a];
        if (dom) acc += b_.weight[p];
      }
      cnt_[q] = acc;
    }
    return true;
  }
  cnt_ = DominanceCounts(P_, pts, b_.weight, qs, max_rank, ctx_);
  return true;
}

}  // namespace

std::optional<CountResult> CountAtLeast(const AgreementSpace& s, const std::vector<Num>& threshold,
                                        const CountOptions& opt, const RunContext& ctx) {
  ENTENTE_CHECK_EQ(static_cast<int>(threshold.size()), s.NumParties());
  return Counter(s, threshold, opt, ctx).Run();
}

}  // namespace entente
