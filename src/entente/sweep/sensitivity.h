// SPDX-License-Identifier: MIT
// One-at-a-time sensitivity: every input (each participating actor's position, salience and
// capability on each issue) is moved down and up while everything else stays at its point
// value, and the model is rerun; inputs are ranked per issue by how far they move the issue's
// forecast (a tornado table).
//
// How far an input moves:
//   delta mode (default, delta = 10): positions by delta% of the issue's range, saliences by
//     delta points (delta% of 0-100), capabilities by delta% of their own value; clamped to the
//     valid range.
//   distribution mode: to the 5% and 95% points of the input's stated distribution (or of the
//     global noise, as a sweep would draw it); inputs with neither fall back to delta.
//
// "What would flip it": for each issue, the smallest single-input change that brings the
// forecast to the nearest labelled anchor above it, and below it, or to a threshold the user
// names. Each input is scanned outward from its value over its whole range (positions and
// saliences: the valid range; capabilities: 0 to 4 times the value, or the issue's largest
// capability if larger) in `flip_steps` steps each way, and the first crossing is refined by
// bisection. Changes are compared relative to the input's scale (the issue's range, 100
// salience points, the capability's own value). A crossing narrower than one step can be missed.
// Stochastic models see the same seed in every run (common random numbers).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "entente/core/cancel.h"
#include "entente/core/scenario.h"
#include "entente/transforms/inputs.h"
#include "entente/transforms/perturb.h"

namespace entente {

struct Threshold {
  std::string issue;  // issue id
  double value = 0;
};

struct SensitivityOptions {
  std::string model = "compromise";
  bool distribution = false;  // distribution mode instead of delta
  double delta = 10;          // percent, > 0
  Noise noise;                // distribution mode: the spread of inputs without a distribution
  std::vector<Threshold> thresholds;
  int flip_steps = 16;  // grid steps each way when searching for flips; 0 = no search
  uint64_t seed = 0;
};

struct InputEffect {
  InputRef input;
  std::string label;
  std::string how;                      // "delta" or "5-95%"
  double base = 0, low = 0, high = 0;   // the input's values
  std::vector<double> at_low, at_high;  // forecast per issue (NaN when none)
};

struct Flip {
  std::string issue_id;
  double base_forecast = 0;
  double target = 0;
  std::string target_label;  // the anchor's label, or "threshold"
  bool up = true;            // the forecast must rise to the target (else fall)
  bool found = false;
  int effect = -1;          // index into effects of the input to change
  double from = 0, to = 0;  // the input's value now and after the change
  double relative = 0;      // |to - from| on the input's scale (0.18 = 18%)
  double forecast_after = 0;
};

struct SensitivityResult {
  std::string spec;          // canonical
  std::vector<double> base;  // forecast per issue at the point values
  std::vector<InputEffect> effects;
  std::vector<std::vector<int>> ranking;  // per issue: effect indices, largest move first
  std::vector<Flip> flips;
};

// "ISSUE=VALUE" items (--threshold, or the server's strings) -> thresholds. Throws InvalidInput
// listing every malformed item (field "threshold", path `where`).
std::vector<Threshold> ParseThresholds(const std::vector<std::string>& items,
                                       const std::string& where = "--threshold");

// How far effect k moves issue i's forecast: the larger of |at_low - base| and |at_high - base|.
double Swing(const SensitivityResult& r, int effect, int issue);

// Throws InvalidInput for a bad model spec, option or threshold (every problem at once);
// Cancelled when ctx.cancel fires. Uses ctx.threads threads (0 = all cores).
SensitivityResult RunSensitivity(const Scenario& s, const SensitivityOptions& opt,
                                 const RunContext& ctx);

}  // namespace entente
