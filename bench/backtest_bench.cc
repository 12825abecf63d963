// SPDX-License-Identifier: MIT
// Backtest speed: the DEU III sample's 44 scored issues replicated to 351 rows, read from text
// and backtested with 2000-resample bootstrap intervals and every paired comparison. Target (2-core
// machine): the baseline models (compromise, median) plus the two naive baselines in under 1 s,
// reading included.   entente_bench --benchmark_filter=Backtest
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "entente/analysis/backtest.h"
#include "entente/io/deu.h"
#include "entente/models/registry.h"

namespace entente {
namespace {

// The sample's header and its rows with an outcome, cycled to `rows` rows with unique isnr.
std::string ReplicatedSample(int rows) {
  const auto path = std::filesystem::path(__FILE__).parent_path().parent_path() / "tests" / "data" /
                    "deu" / "deu_sample.tsv";
  std::ifstream in(path);
  std::string header, line;
  std::getline(in, header);
  std::vector<std::string> kept;
  while (std::getline(in, line)) {
    if (line.substr(line.rfind('\t') + 1).empty()) continue;  // no outcome
    kept.push_back(line);
  }
  if (kept.empty()) return "";
  std::ostringstream out;
  out << header << "\n";
  // isnr is the fifth column; prefix it with the copy number.
  for (int r = 0; r < rows; ++r) {
    std::string row = kept[static_cast<size_t>(r) % kept.size()];
    size_t at = 0;
    for (int c = 0; c < 4; ++c) at = row.find('\t', at) + 1;
    row.insert(at, "r" + std::to_string(r) + "-");
    out << row << "\n";
  }
  return out.str();
}

void RunBench(benchmark::State& state, std::vector<std::string> models) {
  const std::string text = ReplicatedSample(351);
  if (text.empty()) {
    state.SkipWithError("tests/data/deu/deu_sample.tsv not found");
    return;
  }
  size_t issues = 0;
  for (auto _ : state) {
    DeuTable t = ReadDeu(text, "deu351.tsv");
    BacktestResult r = RunBacktest(t.set, BacktestOptions{.models = models, .seed = 1});
    issues = r.issues.size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["issues"] = static_cast<double>(issues);
}

void BM_BacktestBaselines351(benchmark::State& state) { RunBench(state, {"compromise", "median"}); }
BENCHMARK(BM_BacktestBaselines351)->Unit(benchmark::kMillisecond);

void BM_BacktestAllModels351(benchmark::State& state) {
  std::vector<std::string> models;
  for (const auto& m : BuiltinModels().models()) models.push_back(m.name);
  RunBench(state, models);
}
BENCHMARK(BM_BacktestAllModels351)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace entente
