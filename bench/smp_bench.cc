// SPDX-License-Identifier: MIT
// Whole runs of the Spatial Model of Politics to KTAB's stopping rule, default parameters, on
// random KTAB-style scenarios (capability 10..200; per actor a total salience of 0.75..0.99
// spread over the dimensions; positions uniform on 0..100), through the registry as a user runs
// it. Targets (Release): 40 actors x 3 dimensions under 0.2 s; 250 x 3 under 30 s; memory
// O(n^2) (the peak_rss_mb counter is the process's peak resident set).
//   entente_bench --benchmark_filter=SmpRun
#include <sys/resource.h>

#include <benchmark/benchmark.h>

#include "entente/core/rng.h"
#include "entente/models/registry.h"

namespace entente {
namespace {

Scenario KtabStyle(int n, int d, uint64_t seed) {
  Rng rng(seed);
  Scenario s;
  s.id = "random-ktab";
  for (int k = 0; k < d; ++k) s.issues.push_back(Issue{.id = "D" + std::to_string(k)});
  for (int i = 0; i < n; ++i) {
    const std::string id = "A" + std::to_string(i);
    s.actors.push_back(Actor{id, id, "", {10 + 190 * rng.Uniform(), {}}, {}});
  }
  s.ResizeCells();
  for (int i = 0; i < n; ++i) {
    const double total = 75 + 24 * rng.Uniform();
    std::vector<double> raw(d);
    double sum = 0;
    for (double& r : raw) sum += (r = 0.1 + 0.9 * rng.Uniform());
    for (int k = 0; k < d; ++k) {
      s.At(i, k).position = Quantity{100 * rng.Uniform(), {}};
      s.At(i, k).salience = Quantity{total * raw[k] / sum, {}};
    }
  }
  return s;
}

void SmpRun(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0)), d = static_cast<int>(state.range(1));
  const Scenario s = KtabStyle(n, d, 7);
  RunContext ctx;
  ctx.threads = static_cast<int>(state.range(2));
  size_t turns = 0;
  for (auto _ : state) {
    ModelResult r = RunModel(s, "smp", ctx);
    turns = r.traces.at(0).rounds.size() - 1;
    benchmark::DoNotOptimize(r.forecasts.data());
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["turns"] = static_cast<double>(turns);
  state.counters["peak_rss_mb"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Arguments: actors, dimensions, threads (0 = all cores).
BENCHMARK(SmpRun)
    ->Args({40, 3, 0})
    ->Args({40, 3, 1})
    ->Args({100, 3, 0})
    ->Args({250, 3, 0})
    ->Args({250, 3, 1})
    ->ArgNames({"actors", "dims", "threads"})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace entente
