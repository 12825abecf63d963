// SPDX-License-Identifier: MIT
// Every random choice comes from a seeded generator. A run has one seed; independent streams
// (one per Monte Carlo draw, one per stochastic model run) are derived from (seed, index) with
// SplitMix64, never from scheduling, so results do not depend on thread or rank counts.
#pragma once

#include <cstdint>
#include <limits>

namespace entente {

// SplitMix64 step: a good 64-bit mixer (Steele, Lea & Flood 2014).
constexpr uint64_t SplitMix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Seed of stream `index` under run seed `seed`.
constexpr uint64_t DeriveSeed(uint64_t seed, uint64_t index) {
  return SplitMix64(SplitMix64(seed) ^ SplitMix64(index + 0x632be59bd9b4e019ULL));
}

// xoshiro256** (Blackman & Vigna), usable with <random> distributions. Its output sequence is
// fixed by this code, unlike std::default_random_engine, so seeds give the same numbers everywhere.
class Rng {
 public:
  using result_type = uint64_t;
  explicit Rng(uint64_t seed = 0) { Seed(seed); }
  void Seed(uint64_t seed) {
    uint64_t x = seed;
    for (auto& s : s_) {
      x += 0x9e3779b97f4a7c15ULL;
      s = SplitMix64(x);
    }
  }
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  result_type operator()() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }
  // Uniform double in [0, 1) from the top 53 bits (portable, unlike
  // std::uniform_real_distribution).
  double Uniform() { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }

 private:
  static constexpr uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4] = {};
};

}  // namespace entente
