// SPDX-License-Identifier: MIT
// Internals shared by sensitivity.cc and flip.cc.
#pragma once

#include <utility>
#include <vector>

#include "entente/models/model.h"
#include "entente/sweep/sensitivity.h"

namespace entente::sensitivity_detail {

// Runs the model on an input set: one forecast per issue, NaN when none. Throws Cancelled.
struct Evaluator {
  const Model* model = nullptr;
  uint64_t seed = 0;
  const CancelToken* cancel = nullptr;
  std::vector<double> operator()(const Scenario& s) const;
};

// What a change of 1.0 in relative terms is for input r (its scale).
double InputScale(const Scenario& s, const InputRef& r, double base);
// The stretch of values the flip search scans for input r.
std::pair<double, double> ScanRange(const Scenario& s, const InputRef& r, double base);

// The flips of every issue (nearest anchor above and below, and user thresholds), in issue
// order. Runs in the caller's task arena.
std::vector<Flip> FindFlips(const Scenario& s, const SensitivityOptions& opt, const Evaluator& eval,
                            const SensitivityResult& r);

}  // namespace entente::sensitivity_detail
