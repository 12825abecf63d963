// SPDX-License-Identifier: MIT
// Reading + validating scenarios. Target (docs/formats.md): a long CSV of 10,000 actors x 10
// issues reads and validates in under 1 s. The table is generated in memory, seeded.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "entente/core/rng.h"
#include "entente/io/scenario_io.h"

namespace entente {
namespace {

// Every actor on every issue; capabilities differ across issues for a third of the actors, so
// per-issue capabilities are exercised too.
std::string LongCsv(int actors, int issues) {
  Rng rng(42);
  std::string out = "actor,issue,capability,position,salience\n";
  for (int a = 0; a < actors; ++a) {
    double cap = 1 + static_cast<double>(rng() % 1000) / 10;
    for (int i = 0; i < issues; ++i) {
      double c = a % 3 == 0 ? cap + i : cap;
      out +=
          fmt::format("actor-{},ISSUE_{},{},{},{}\n", a, i, c, rng() % 10001 / 100.0, rng() % 101);
    }
  }
  return out;
}

void BM_ReadLongCsv(benchmark::State& state) {
  int actors = static_cast<int>(state.range(0)), issues = static_cast<int>(state.range(1));
  std::string text = LongCsv(actors, issues);
  for (auto _ : state) {
    Scenario s = ReadScenario(text, ScenarioFormat::kLongCsv, "bench.csv");
    benchmark::DoNotOptimize(s);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["cells"] = actors * issues;
}
BENCHMARK(BM_ReadLongCsv)->Args({10000, 10})->Args({1000, 10})->Unit(benchmark::kMillisecond);

// The same, also returning where every element was written (a map entry per number).
void BM_ReadLongCsvWithLocations(benchmark::State& state) {
  std::string text = LongCsv(10000, 10);
  for (auto _ : state) {
    LocationMap where;
    Scenario s = ReadScenario(text, ScenarioFormat::kLongCsv, "bench.csv", where);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_ReadLongCsvWithLocations)->Unit(benchmark::kMillisecond);

void BM_ReadYaml(benchmark::State& state) {
  Scenario s = ReadScenario(LongCsv(static_cast<int>(state.range(0)), 10), ScenarioFormat::kLongCsv,
                            "bench.csv");
  std::string text = WriteScenario(s, ScenarioFormat::kYaml);
  for (auto _ : state)
    benchmark::DoNotOptimize(ReadScenario(text, ScenarioFormat::kYaml, "b.yaml"));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ReadYaml)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_ReadJson(benchmark::State& state) {
  Scenario s = ReadScenario(LongCsv(static_cast<int>(state.range(0)), 10), ScenarioFormat::kLongCsv,
                            "bench.csv");
  std::string text = WriteScenario(s, ScenarioFormat::kJson);
  for (auto _ : state)
    benchmark::DoNotOptimize(ReadScenario(text, ScenarioFormat::kJson, "b.json"));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ReadJson)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_WriteLongCsv(benchmark::State& state) {
  Scenario s = ReadScenario(LongCsv(10000, 10), ScenarioFormat::kLongCsv, "bench.csv");
  for (auto _ : state) benchmark::DoNotOptimize(WriteScenario(s, ScenarioFormat::kLongCsv));
}
BENCHMARK(BM_WriteLongCsv)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace entente
