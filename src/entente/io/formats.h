// SPDX-License-Identifier: MIT
// Internal: the per-format readers and writers behind scenario_io.h.
// Readers fill `where` with the place each element was written and throw InvalidInput with
// every problem. Writers list in `lost` what the format cannot hold (empty = the text reads
// back to an equal Scenario); they write what they can either way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "entente/core/scenario.h"
#include "entente/core/validate.h"
#include "entente/io/document.h"

namespace entente::io {

// JSON and YAML (one schema, docs/scenario.schema.json).
Scenario ReadJsonScenario(std::string_view text, const std::string& file, LocationMap& where);
Scenario ReadYamlScenario(std::string_view text, const std::string& file, LocationMap& where);
// Builds a Scenario from a document that passed the schema; appends reference problems.
Scenario ScenarioFromDocument(const Value& doc, const std::string& file, LocationMap& where,
                              ValidationReport& report);
Value ScenarioToDocument(const Scenario& s, std::vector<std::string>& lost);

// CSV tables (docs/formats.md). `where` may be null when the caller does not need locations.
Scenario ReadLongCsv(std::string_view text, const std::string& file, LocationMap* where);
Scenario ReadWideCsv(std::string_view text, const std::string& file, LocationMap* where);
// True when the header row names an `issue` column (a long table); false for a wide one.
bool LooksLikeLongCsv(std::string_view text);
std::string WriteLongCsv(const Scenario& s, std::vector<std::string>& lost);
std::string WriteWideCsv(const Scenario& s, std::vector<std::string>& lost);

// "A, B, C" for at most `max` ids, then ", ... (N in all)".
std::string ListIds(const std::vector<std::string>& ids, size_t max = 10);

}  // namespace entente::io
