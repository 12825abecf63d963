// SPDX-License-Identifier: MIT
#include "entente/sweep/sweep.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "entente/core/errors.h"

namespace entente {

SweepData::SweepData(int64_t n, int w)
    : draws(n),
      width(w),
      values(static_cast<size_t>(n) * w, std::numeric_limits<double>::quiet_NaN()),
      done(static_cast<size_t>(n), 0) {}

void SweepData::Put(const DrawBlock& b) {
  ENTENTE_CHECK(b.first >= 0 && b.count >= 0 && b.first + b.count <= draws);
  ENTENTE_CHECK_EQ(b.values.size(), static_cast<size_t>(b.count) * width);
  if (b.count == 0) return;
  std::memcpy(values.data() + b.first * width, b.values.data(), b.values.size() * sizeof(double));
  for (int64_t d = b.first; d < b.first + b.count; ++d) {
    if (!done[d]) ++completed;
    done[d] = 1;
  }
}

std::vector<DrawRange> MissingRanges(const SweepData& data, int64_t chunk) {
  ENTENTE_CHECK(chunk > 0);
  std::vector<DrawRange> out;
  int64_t d = 0;
  while (d < data.draws) {
    if (data.done[d]) {
      ++d;
      continue;
    }
    int64_t start = d;
    while (d < data.draws && !data.done[d] && d - start < chunk) ++d;
    out.push_back(DrawRange{start, d - start});
  }
  return out;
}

int64_t DefaultChunk(int64_t draws) { return std::clamp<int64_t>(draws / 256, 1, 4096); }

bool RunSweep(const DrawEvaluator& ev, SweepBackend& backend, const RunContext& ctx,
              SweepData& data, const BlockDone& on_block, int64_t chunk) {
  ENTENTE_CHECK_EQ(data.width, ev.width());
  std::vector<DrawRange> todo = MissingRanges(data, chunk > 0 ? chunk : DefaultChunk(data.draws));
  ctx.Report(static_cast<double>(data.completed), static_cast<double>(data.draws), "draws");
  backend.Run(ev, todo, ctx, [&](DrawBlock&& b) {
    data.Put(b);
    if (on_block) on_block(b);
    ctx.Report(static_cast<double>(data.completed), static_cast<double>(data.draws), "draws");
  });
  // Every rank takes part (a collective); only the root holds the results.
  const bool cancelled = backend.AnyRank(ctx.cancel && ctx.cancel->cancelled());
  return backend.IsRoot() ? data.completed == data.draws : !cancelled;
}

}  // namespace entente
