// SPDX-License-Identifier: MIT
// Monte Carlo input sets. Every input that carries a Distribution is drawn from it; every other
// position, salience and capability is drawn from a normal around its value with the global
// noise's standard deviation (in the input's own units), truncated to its valid range. Inputs
// with neither stay fixed.
//
// Determinism: Draw() reads exactly one uniform number per uncertain input, in a fixed order
// (actors' capabilities and no-deal acceptabilities, issues' no-deal points, then cells in
// actor-major order: position, salience, capability), so a draw depends only on its generator.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "entente/core/rng.h"
#include "entente/core/scenario.h"
#include "entente/transforms/inputs.h"
#include "entente/transforms/sample.h"

namespace entente {

// Global noise: standard deviations in the input's own units; 0 = none.
struct Noise {
  double position = 0;
  double salience = 0;
  double capability = 0;

  bool Any() const { return position > 0 || salience > 0 || capability > 0; }
  // "position=10,salience=10,capability=20" (only the non-zero parts; "" when none).
  std::string ToString() const;
  friend bool operator==(const Noise&, const Noise&) = default;
};

// Parses "position=10,salience=10,capability=20" (any subset, any order; spaces allowed).
// Throws InvalidInput listing every bad part (unknown name, not a number, negative).
Noise ParseNoise(std::string_view text);

class Perturber {
 public:
  // `base` must be valid (ValidateScenario), distributions included.
  Perturber(const Scenario& base, const Noise& noise);

  // The uncertain inputs, in draw order.
  const std::vector<InputRef>& inputs() const { return inputs_; }
  size_t size() const { return inputs_.size(); }

  // Overwrites every uncertain input of `target` (a copy of the base scenario, possibly holding
  // an earlier draw) with a fresh draw from `rng`.
  void Draw(Rng& rng, Scenario& target) const;

  // Input k's value at probability p of its distribution (or noise).
  double Quantile(size_t k, double p) const { return samplers_[k].Quantile(p); }
  // Index of `r` among inputs(), or -1 when it is not uncertain.
  int Find(const InputRef& r) const;

 private:
  void Add(const Scenario& s, InputRef r, const Quantity& q, double noise_sd);

  std::vector<InputRef> inputs_;
  std::vector<Sampler> samplers_;
};

}  // namespace entente
