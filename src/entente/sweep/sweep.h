// SPDX-License-Identifier: MIT
// Monte Carlo orchestration: the draws of a sweep are cut into ranges, computed by a backend
// (threads or MPI ranks), and placed by index into one table, so the aggregate (summary.h) is
// taken in draw order whatever the scheduling. A sweep can start from a partly filled table
// (resuming a stored run) and stop early on cancellation, keeping every finished block.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "entente/core/cancel.h"
#include "entente/sweep/backend.h"
#include "entente/sweep/evaluator.h"

namespace entente {

// Every draw's results: values[d * width + k] (NaN where the model could not forecast), and
// which draws are done.
struct SweepData {
  int64_t draws = 0;
  int width = 0;
  std::vector<double> values;
  std::vector<uint8_t> done;
  int64_t completed = 0;

  SweepData() = default;
  SweepData(int64_t draws, int width);
  // Copies a block in and marks its draws done (a draw already done is not counted twice).
  void Put(const DrawBlock& b);
  const double* Row(int64_t draw) const { return values.data() + draw * width; }
};

// The draws not yet done, as ranges of at most `chunk` draws, in draw order.
std::vector<DrawRange> MissingRanges(const SweepData& data, int64_t chunk);

// A range length that gives about 256 ranges (between 1 and 4096 draws each): small enough to
// balance threads and ranks and to bound what a killed process loses, large enough that
// per-range costs (a store transaction) vanish.
int64_t DefaultChunk(int64_t draws);

// Called on the root after each block is placed (e.g. to store it).
using BlockDone = std::function<void(const DrawBlock&)>;

// Computes the missing draws of `data` with `backend`. On the root each finished block is put
// into `data`, passed to `on_block`, and progress is reported through ctx ("draws"). Returns
// true when every draw is done, false when cancelled. `chunk` 0 = DefaultChunk.
bool RunSweep(const DrawEvaluator& ev, SweepBackend& backend, const RunContext& ctx,
              SweepData& data, const BlockDone& on_block = {}, int64_t chunk = 0);

}  // namespace entente
