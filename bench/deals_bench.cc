// SPDX-License-Identifier: MIT
// Agreement-space analysis (docs/analysis.md), against the targets of issue 5:
//   - 2 parties, 12 issues x 11 options (3.1e12 packages): exact Pareto frontier + Nash < 2 s;
//   - ukraine-2025, 4 parties, 8 issues at step 5 (3.8e10 packages): zone size, Nash, KS,
//     egalitarian and utilitarian, exactly, < 10 s;
//   - every GENIUS reference domain < 0.5 s, and the brute force of the tests on the same
//     domains for comparison (BM_GeniusBruteForce / BM_GeniusAll = the speed-up).
// Run: build/<dir>/bench/entente_bench --benchmark_filter=Deals
#include <string>

#include <benchmark/benchmark.h>

#include "entente/analysis/bargaining.h"
#include "entente/analysis/brute_force.h"
#include "entente/analysis/deals.h"
#include "entente/analysis/pareto.h"
#include "entente/analysis/random_spaces.h"
#include "entente/analysis/zopa.h"
#include "entente/core/rng.h"
#include "entente/io/genius.h"
#include "scenarios/catalog.h"

namespace entente {
namespace {

// Two parties with opposed positional interests on 12 issues, each discretised to 0, 10, ...,
// 100 (11 options): 11^12 = 3.1e12 packages.
AgreementSpace TwoPartyTwelveIssues() {
  Rng rng(DeriveSeed(2025, 12));
  Scenario s;
  s.id = "bench-2x12";
  s.actors = {{"A", "A", "", {1, {}}, std::nullopt}, {"B", "B", "", {1, {}}, std::nullopt}};
  for (int i = 0; i < 12; ++i)
    s.issues.push_back(
        Issue{.id = "I" + std::to_string(i),
              .no_deal = Quantity{static_cast<double>(testing::UniformInt(rng, 30, 70)), {}}});
  s.ResizeCells();
  for (int i = 0; i < 12; ++i) {
    double a = testing::UniformInt(rng, 0, 40), b = testing::UniformInt(rng, 60, 100);
    s.At(0, i) =
        Cell{Quantity{a, {}}, Quantity{double(testing::UniformInt(rng, 10, 100)), {}}, {}, {}};
    s.At(1, i) =
        Cell{Quantity{b, {}}, Quantity{double(testing::UniformInt(rng, 10, 100)), {}}, {}, {}};
  }
  return BuildSpace(s, {.step = 10});
}

void BM_DealsTwoPartyFrontierAndNash(benchmark::State& state) {
  AgreementSpace s = TwoPartyTwelveIssues();
  for (auto _ : state) {
    ParetoResult pf = ParetoFrontier(s, {}, RunContext{});
    Solution nash = NashSolution(s, {}, RunContext{});
    benchmark::DoNotOptimize(nash.utility);
    state.counters["frontier_packages"] = CountToDouble(pf.packages);
    state.counters["frontier_points"] = static_cast<double>(pf.points);
  }
}
BENCHMARK(BM_DealsTwoPartyFrontierAndNash)->Unit(benchmark::kMillisecond);

AgreementSpace Ukraine() { return BuildSpace(*LoadBuiltinScenario("ukraine-2025"), {.step = 5}); }

void BM_DealsUkraineZoneAndSolutions(benchmark::State& state) {
  AgreementSpace s = Ukraine();
  for (auto _ : state) {
    ZoneResult z = AnalyseZone(s, {}, RunContext{});
    BargainingResult b = Bargain(s, {}, RunContext{});
    benchmark::DoNotOptimize(b.solutions);
    state.counters["zone_packages"] = CountToDouble(z.size);
  }
}
BENCHMARK(BM_DealsUkraineZoneAndSolutions)->Unit(benchmark::kMillisecond);

void BM_DealsUkraineZoneCount(benchmark::State& state) {
  AgreementSpace s = Ukraine();
  for (auto _ : state) benchmark::DoNotOptimize(AnalyseZone(s, {.samples = 0}, RunContext{}).size);
}
BENCHMARK(BM_DealsUkraineZoneCount)->Unit(benchmark::kMillisecond);

void BM_DealsUkraineSolutions(benchmark::State& state) {
  AgreementSpace s = Ukraine();
  for (auto _ : state) benchmark::DoNotOptimize(Bargain(s, {}, RunContext{}).solutions);
}
BENCHMARK(BM_DealsUkraineSolutions)->Unit(benchmark::kMillisecond);

void BM_DealsUkraineEverything(benchmark::State& state) {  // what `entente deals` computes
  AgreementSpace s = Ukraine();
  for (auto _ : state) benchmark::DoNotOptimize(AnalyseDeals(s, {}, RunContext{}).zone.size);
}
BENCHMARK(BM_DealsUkraineEverything)->Unit(benchmark::kMillisecond);

const char* kDomains[][5] = {
    {"laptop", "laptop_domain.xml", "laptop_buyer_utility.xml", "laptop_seller_utility.xml", ""},
    {"itex_vs_cypress", "ItexvsCypress_domain.xml", "ItexvsCypress_Cypress.xml",
     "ItexvsCypress_Itex.xml", ""},
    {"england_zimbabwe", "EnglandZimbabwe_domain.xml", "England.xml", "Zimbabwe.xml", ""},
    {"camera", "camera_domain.xml", "camera_buyer_utility.xml", "camera_seller_utility.xml", ""},
    {"politics_3party", "Politics.xml", "Politics_util1.xml", "Politics_util2.xml",
     "Politics_util3.xml"},
    {"energy", "energy_domain.xml", "energy_consumer.xml", "energy_distributor.xml", ""},
};

AgreementSpace Genius(int k) {
  std::string file = __FILE__;
  std::string dir =
      file.substr(0, file.rfind('/')) + "/../tests/data/genius/" + kDomains[k][0] + "/";
  std::vector<std::string> profiles;
  for (int j = 2; j < 5; ++j)
    if (*kDomains[k][j]) profiles.push_back(dir + kDomains[k][j]);
  return ReadGeniusFiles(dir + kDomains[k][1], profiles).space;
}

// Everything the reference tests check: frontier, zone count, the five solutions.
void BM_DealsGeniusAll(benchmark::State& state) {
  AgreementSpace s = Genius(static_cast<int>(state.range(0)));
  state.SetLabel(kDomains[state.range(0)][0]);
  for (auto _ : state) benchmark::DoNotOptimize(AnalyseDeals(s, {}, RunContext{}).zone.size);
}
BENCHMARK(BM_DealsGeniusAll)->DenseRange(0, 5)->Unit(benchmark::kMillisecond);

void BM_DealsGeniusBruteForce(benchmark::State& state) {
  AgreementSpace s = Genius(static_cast<int>(state.range(0)));
  state.SetLabel(kDomains[state.range(0)][0]);
  for (auto _ : state) benchmark::DoNotOptimize(brute::Solve(s).zone);
}
BENCHMARK(BM_DealsGeniusBruteForce)->DenseRange(0, 5)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace entente
