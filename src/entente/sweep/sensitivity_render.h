// SPDX-License-Identifier: MIT
// Sensitivity results as a terminal tornado table with "what would flip it" lines, as the body
// of the JSON document {"entente_json": 1, "kind": "sensitivity", ...}, and as CSV (the tornado
// data, one row per issue and input).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "entente/sweep/sensitivity.h"

namespace entente {

// `top`: rows shown per issue (0 = all).
std::string RenderSensitivityText(const Scenario& s, const SensitivityOptions& opt,
                                  const SensitivityResult& r, int top);

nlohmann::ordered_json SensitivityJson(const Scenario& s, const SensitivityOptions& opt,
                                       const SensitivityResult& r);

// The options a sensitivity run is recorded with in the run store: model, mode, delta, noise,
// thresholds [{issue, value}], flip_steps.
nlohmann::json SensitivityParamsJson(const SensitivityOptions& opt);

// Header "issue,rank,input,actor,input_issue,kind,how,base,low,high,forecast_low,
// forecast_high,swing".
std::string SensitivityCsv(const Scenario& s, const SensitivityResult& r);

}  // namespace entente
