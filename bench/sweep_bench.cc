// SPDX-License-Identifier: MIT
// Monte Carlo sweep speed on a scenario of the ukraine-2025 shape (10 actors, 8 issues) with
// noise on every input. Targets (2-core machine): compromise + median at 1,000,000 draws under
// 10 s; eum(variant=scholz, rounds=10) at 10,000 draws under 30 s; the run store adds < 10%.
//   entente_bench --benchmark_filter=Sweep
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>

#include "entente/models/registry.h"
#include "entente/models/test_scenarios.h"
#include "entente/store/block_writer.h"
#include "entente/store/sweep_runs.h"
#include "entente/sweep/summary.h"
#include "entente/sweep/sweep.h"

namespace entente {
namespace {

Scenario Shape() { return testing::Random(2025, 10, 8); }
const Noise kNoise{10, 10, 20};

void RunSweepBench(benchmark::State& state, std::vector<std::string> models) {
  const int64_t draws = state.range(0);
  const int threads = static_cast<int>(state.range(1));
  DrawEvaluator ev(Shape(), SweepPlan{models, draws, 1, kNoise});
  auto backend = MakeThreadBackend(threads);
  for (auto _ : state) {
    SweepData data(draws, ev.width());
    RunSweep(ev, *backend, RunContext{}, data);
    SweepSummary s = Summarize(ev, data);
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations() * draws);
}

void BM_SweepBaselines(benchmark::State& state) { RunSweepBench(state, {"compromise", "median"}); }
BENCHMARK(BM_SweepBaselines)
    ->ArgsProduct({{100000}, {1, 2}})
    ->Args({1000000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

void BM_SweepEum(benchmark::State& state) {
  if (!BuiltinModels().Find("eum")) {
    state.SkipWithError("eum is not registered");
    return;
  }
  RunSweepBench(state, {"eum(variant=scholz,rounds=10)"});
}
BENCHMARK(BM_SweepEum)
    ->ArgsProduct({{1000}, {1, 2}})
    ->Args({10000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

// The same sweep recording every block in a fresh run store (compare with BM_SweepBaselines).
void BM_SweepBaselinesStored(benchmark::State& state) {
  const int64_t draws = state.range(0);
  DrawEvaluator ev(Shape(), SweepPlan{{"compromise", "median"}, draws, 1, kNoise});
  auto backend = MakeThreadBackend(static_cast<int>(state.range(1)));
  const auto dir = std::filesystem::temp_directory_path() / "entente_sweep_bench";
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove_all(dir);
    state.ResumeTiming();
    RunStore store((dir / "runs.sqlite").string());
    const int64_t id = BeginSweepRun(store, ev);
    SweepData data(draws, ev.width());
    BlockWriter writer(store, id);  // as `entente sweep` stores blocks: on a thread of its own
    RunSweep(ev, *backend, RunContext{}, data, writer.Sink());
    writer.Close();
    SweepSummary s = Summarize(ev, data);
    store.Finish(id, "done", "{}");
    benchmark::DoNotOptimize(s);
  }
  std::filesystem::remove_all(dir);
  state.SetItemsProcessed(state.iterations() * draws);
}
BENCHMARK(BM_SweepBaselinesStored)
    ->Args({100000, 2})
    ->Args({1000000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

void BM_DrawInputs(benchmark::State& state) {
  Scenario s = Shape();
  Perturber p(s, kNoise);
  Scenario t = s;
  Rng rng(1);
  for (auto _ : state) {
    p.Draw(rng, t);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["inputs"] = static_cast<double>(p.size());
}
BENCHMARK(BM_DrawInputs);

void BM_OneDraw(benchmark::State& state, const char* spec) {
  DrawEvaluator ev(Shape(), SweepPlan{{spec}, 1, 1, kNoise});
  auto ws = ev.MakeWorkspace();
  std::vector<double> out(ev.width());
  int64_t d = 0;
  for (auto _ : state) ev.Evaluate(d++, ws, out.data());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_OneDraw, compromise, "compromise");
BENCHMARK_CAPTURE(BM_OneDraw, median, "median");
BENCHMARK_CAPTURE(BM_OneDraw, eum, "eum(variant=scholz,rounds=10)")->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace entente
