// SPDX-License-Identifier: MIT
// Reports of a forecasting run (`entente run`): a terminal report that reads well in 80
// columns, a versioned JSON document and a CSV table. The JSON documents are described in
// docs/json-output.md; every one starts with {"entente_json": kJsonFormatVersion, "kind": ...}.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "entente/core/scenario.h"
#include "entente/models/model.h"

namespace entente {

struct ReportOptions {
  bool color = false;   // ANSI colour
  int width = 80;       // terminal columns to fit
  uint64_t seed = 0;    // the seed the models ran with (reported when a model is stochastic)
  bool traces = false;  // JSON: include each model's traces
};

// The anchor nearest to `value` on `issue` (the lower one on a tie); nullptr without anchors.
const Anchor* NearestAnchor(const Issue& issue, double value);

// `value` formatted for `issue` (decimals chosen from the scale's range).
std::string FormatOnScale(const Issue& issue, double value);

// Display name of an actor: its name, else its id.
std::string ActorLabel(const Actor& a);

// Short labels for results in tables: the model name when it is unique among `results`, else
// the canonical spec.
std::vector<std::string> ModelLabels(const std::vector<ModelResult>& results);

// The terminal report: header (title, as-of date, models with canonical specs), one section per
// issue (scale anchors, forecasts with the nearest anchor's label, who stands where), footer
// (entente version and input hash).
std::string RenderRunText(const Scenario& s, const std::vector<ModelResult>& results,
                          const ReportOptions& opt);

// {"entente_json": 1, "kind": "run", ...} (docs/json-output.md).
nlohmann::ordered_json RunJson(const Scenario& s, const std::vector<ModelResult>& results,
                               const ReportOptions& opt);

// Header "model,spec,issue,ok,value,label,why,extra", then one row per model x issue.
std::string RunCsv(const Scenario& s, const std::vector<ModelResult>& results);

// The "scenario" block shared by every JSON document: {id, title, as_of, hash}.
nlohmann::ordered_json ScenarioRefJson(const Scenario& s);

// A JSON document's first three keys: entente_json, kind, version.
nlohmann::ordered_json JsonDocument(const std::string& kind);

// Serialises a JSON document: 2-space indent, ending in a newline, invalid UTF-8 replaced.
std::string DumpJson(const nlohmann::ordered_json& j);

}  // namespace entente
