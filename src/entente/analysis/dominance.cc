// SPDX-License-Identifier: MIT
#include "entente/analysis/dominance.h"

#include <algorithm>
#include <numeric>

namespace entente {
namespace {

class Cdq {
 public:
  Cdq(int dims, std::vector<int32_t> pts, std::vector<uint64_t> w, std::vector<int32_t> qs,
      int32_t ranks, const RunContext& ctx)
      : P_(dims),
        np_(w.size()),
        pts_(std::move(pts)),
        w_(std::move(w)),
        qs_(std::move(qs)),
        ranks_(ranks),
        ctx_(ctx),
        ans_(qs_.size() / dims, 0),
        bit_(ranks + 1, 0) {}

  std::vector<uint64_t> Run() {
    std::vector<uint32_t> items(np_ + ans_.size());
    std::iota(items.begin(), items.end(), 0);
    Solve(items, 0);
    return std::move(ans_);
  }

 private:
  int32_t C(uint32_t id, int d) const {
    return id < np_ ? pts_[id * P_ + d] : qs_[(id - np_) * P_ + d];
  }
  void SortBy(std::vector<uint32_t>& items, int d) const {
    std::sort(items.begin(), items.end(), [&](uint32_t x, uint32_t y) {
      int32_t cx = C(x, d), cy = C(y, d);
      return cx != cy ? cx > cy : (x < np_) > (y < np_);
    });
  }
  void Solve(std::vector<uint32_t>& items, int d) {
    SortBy(items, d);
    if (d == P_ - 1) {
      uint64_t acc = 0;
      for (uint32_t id : items) (id < np_ ? acc += w_[id] : ans_[id - np_] += acc);
    } else if (d == P_ - 2) {
      for (uint32_t id : items) {
        int32_t r = ranks_ - 1 - C(id, d + 1);
        if (id < np_) {
          for (int32_t k = r + 1; k <= ranks_; k += k & -k) bit_[k] += w_[id];
        } else {
          uint64_t s = 0;
          for (int32_t k = r + 1; k > 0; k -= k & -k) s += bit_[k];
          ans_[id - np_] += s;
        }
      }
      for (uint32_t id : items) {
        if (id >= np_) continue;
        for (int32_t k = ranks_ - C(id, d + 1); k <= ranks_; k += k & -k) bit_[k] -= w_[id];
      }
    } else {
      Split(items, 0, items.size(), d);
    }
  }
  void Split(const std::vector<uint32_t>& items, size_t l, size_t r, int d) {
    if (r - l < 2) return;
    if (d == 0 && r - l > 4096) ctx_.CheckCancelled();
    size_t m = (l + r) / 2;
    Split(items, l, m, d);
    Split(items, m, r, d);
    std::vector<uint32_t> cross;
    bool has_point = false, has_query = false;
    for (size_t k = l; k < m; ++k)
      if (items[k] < np_) cross.push_back(items[k]), has_point = true;
    for (size_t k = m; k < r; ++k)
      if (items[k] >= np_) cross.push_back(items[k]), has_query = true;
    if (has_point && has_query) Solve(cross, d + 1);
  }

  const int P_;
  const size_t np_;
  std::vector<int32_t> pts_;
  std::vector<uint64_t> w_;
  std::vector<int32_t> qs_;
  const int32_t ranks_;
  const RunContext& ctx_;
  std::vector<uint64_t> ans_, bit_;
};

}  // namespace

std::vector<uint64_t> DominanceCounts(int dims, const std::vector<int32_t>& points,
                                      const std::vector<uint64_t>& weights,
                                      const std::vector<int32_t>& queries, int32_t ranks,
                                      const RunContext& ctx) {
  return Cdq(dims, points, weights, queries, ranks, ctx).Run();
}

}  // namespace entente
