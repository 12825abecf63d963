// SPDX-License-Identifier: MIT
// Where draws are computed: threads of one process (oneTBB), or MPI ranks each running threads.
// Both sit behind SweepBackend, so the orchestration (sweep.h) and its results do not depend on
// the choice: every draw is a pure function of (seed, index) and results are aggregated in
// draw order.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "entente/core/cancel.h"
#include "entente/sweep/evaluator.h"

namespace entente {

struct DrawRange {
  int64_t first = 0;
  int64_t count = 0;
  friend bool operator==(const DrawRange&, const DrawRange&) = default;
};

// The results of `count` consecutive draws: values[d * width + k] for draw first + d.
struct DrawBlock {
  int64_t first = 0;
  int64_t count = 0;
  std::vector<double> values;
};

// Receives finished blocks on the root, one call at a time, in any order.
using BlockSink = std::function<void(DrawBlock&&)>;

class SweepBackend {
 public:
  virtual ~SweepBackend() = default;
  // "2 threads", "2 MPI ranks x 1 thread".
  virtual std::string Describe() const = 0;
  virtual int Rank() const { return 0; }
  virtual int Ranks() const { return 1; }
  bool IsRoot() const { return Rank() == 0; }
  // Evaluates every range in `todo` (every rank passes the same list). The root's `sink` gets
  // each finished block. Returns early, without throwing, once ctx.cancel fires (on any rank):
  // the blocks finished by then have reached the sink; draws in flight are dropped. Exceptions
  // of the evaluator (other than Cancelled) or of the sink propagate.
  virtual void Run(const DrawEvaluator& ev, const std::vector<DrawRange>& todo,
                   const RunContext& ctx, const BlockSink& sink) = 0;
  // Copies the root's `text` to every rank (a no-op with one rank).
  virtual void Broadcast(std::string& /*text*/) {}
  // Logical OR of `flag` over ranks.
  virtual bool AnyRank(bool flag) { return flag; }
};

// Threads of this process; threads <= 0 uses every core.
std::unique_ptr<SweepBackend> MakeThreadBackend(int threads);

// Computes `todo` with `threads` threads, calling `sink` (serialised) per block. The building
// block of both backends.
void RunOnThreads(const DrawEvaluator& ev, const std::vector<DrawRange>& todo, int threads,
                  const RunContext& ctx, const BlockSink& sink);

// The number of threads `threads` stands for (<= 0: every core).
int ResolveThreads(int threads);

}  // namespace entente
