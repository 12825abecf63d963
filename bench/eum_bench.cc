// SPDX-License-Identifier: MIT
// One round of the expected-utility model (both passes, offers, update) on random scenarios of
// n actors at distinct positions. Targets (Release, one core): n = 10 under 20 us, n = 100
// under 5 ms, n = 1,000 under 1 s.
//   entente_bench --benchmark_filter=EumRound
#include <benchmark/benchmark.h>

#include "entente/core/rng.h"
#include "entente/models/eum_core.h"

namespace entente {
namespace {

eum::Actors RandomActors(int n, uint64_t seed) {
  Rng rng(seed);
  eum::Actors a;
  for (int i = 0; i < n; ++i) {
    a.position.push_back(100 * rng.Uniform());
    a.capability.push_back(1 + 99 * rng.Uniform());
    a.salience.push_back(0.01 + 0.99 * rng.Uniform());
  }
  return a;
}

void EumRound(benchmark::State& state, eum::Variant variant, double q) {
  const int n = static_cast<int>(state.range(0));
  const eum::Actors actors = RandomActors(n, 42);
  eum::Engine engine(actors, eum::Options{variant, q, eum::Spread(actors.position)});
  eum::RoundOutput out;
  for (auto _ : state) {
    engine.Round(actors.position, out);
    benchmark::DoNotOptimize(out.next.data());
    benchmark::ClobberMemory();
  }
  state.SetComplexityN(n);
  state.counters["moves"] = static_cast<double>(out.moves.size());
}

BENCHMARK_CAPTURE(EumRound, scholz, eum::Variant::kScholz, 1.0)
    ->RangeMultiplier(10)
    ->Range(10, 1000)
    ->Unit(benchmark::kMicrosecond)
    ->Complexity();
BENCHMARK_CAPTURE(EumRound, literal, eum::Variant::kLiteral, 1.0)
    ->RangeMultiplier(10)
    ->Range(10, 1000)
    ->Unit(benchmark::kMicrosecond)
    ->Complexity();
BENCHMARK_CAPTURE(EumRound, scholz_q05, eum::Variant::kScholz, 0.5)
    ->Arg(10)
    ->Arg(100)
    ->Arg(1000)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace entente
