// SPDX-License-Identifier: MIT
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "entente/sweep/backend.h"

namespace entente {

int ResolveThreads(int threads) {
  if (threads > 0) return threads;
  return std::max(1, tbb::this_task_arena::max_concurrency());
}

void RunOnThreads(const DrawEvaluator& ev, const std::vector<DrawRange>& todo, int threads,
                  const RunContext& ctx, const BlockSink& sink) {
  const int width = ev.width();
  tbb::enumerable_thread_specific<DrawEvaluator::Workspace> spaces(
      [&ev] { return ev.MakeWorkspace(); });
  std::mutex sink_mu;
  auto cancelled = [&ctx] { return ctx.cancel && ctx.cancel->cancelled(); };
  auto body = [&](const tbb::blocked_range<size_t>& r) {
    for (size_t k = r.begin(); k != r.end(); ++k) {
      if (cancelled()) return;
      DrawBlock b{todo[k].first, todo[k].count, {}};
      b.values.resize(static_cast<size_t>(b.count) * width);
      auto& ws = spaces.local();
      try {
        for (int64_t d = 0; d < b.count; ++d) {
          if (cancelled()) return;
          ev.Evaluate(b.first + d, ws, b.values.data() + d * width);
        }
      } catch (const Cancelled&) {
        return;
      }
      std::lock_guard<std::mutex> lock(sink_mu);
      sink(std::move(b));
    }
  };
  tbb::task_arena arena(ResolveThreads(threads));
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<size_t>(0, todo.size(), 1), body,
                      tbb::simple_partitioner());
  });
}

namespace {

class ThreadBackend final : public SweepBackend {
 public:
  explicit ThreadBackend(int threads) : threads_(ResolveThreads(threads)) {}
  std::string Describe() const override {
    return fmt::format("{} thread{}", threads_, threads_ == 1 ? "" : "s");
  }
  void Run(const DrawEvaluator& ev, const std::vector<DrawRange>& todo, const RunContext& ctx,
           const BlockSink& sink) override {
    RunOnThreads(ev, todo, threads_, ctx, sink);
  }

 private:
  int threads_;
};

}  // namespace

std::unique_ptr<SweepBackend> MakeThreadBackend(int threads) {
  return std::make_unique<ThreadBackend>(threads);
}

}  // namespace entente
