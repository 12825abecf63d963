// SPDX-License-Identifier: MIT
// The text half of the HTML report (report_html.h): plain HTML tables of the scenario and of
// every number in the documents, so the report reads and prints without JavaScript.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "entente/core/scenario.h"

namespace entente::web {

// `s` with & < > " ' replaced by character references.
std::string EscapeHtml(std::string_view s);

// Each returns one or more <section> elements ("" when the document has nothing to show).
// The documents are those of `entente run|trace|deals|sweep|sensitivity --format json`.
std::string ScenarioTables(const Scenario& s);  // issues, actors x issues inputs, sources
std::string RunTables(const nlohmann::ordered_json& run);
std::string TraceTables(const nlohmann::ordered_json& trace);
std::string DealsTables(const nlohmann::ordered_json& deals);
std::string SweepTables(const nlohmann::ordered_json& sweep);
std::string SensitivityTables(const nlohmann::ordered_json& sensitivity);

}  // namespace entente::web
