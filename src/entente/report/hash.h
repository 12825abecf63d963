// SPDX-License-Identifier: MIT
// The input hash printed in every report: SHA-256 (FIPS 180-4) of the scenario's canonical
// JSON, so a result says exactly which input produced it, whatever file format it was read
// from.
//
// Canonical JSON: one object with every field of Scenario (id, title, description, as_of,
// notes, sources, actors, issues, cells, parties; every Quantity as {value, sources, dist};
// absent optional values as null) and "canonical": kCanonicalJsonVersion, object keys
// sorted, no whitespace, numbers in their shortest round-trip form, strings as UTF-8 (invalid
// bytes replaced by U+FFFD). Changing any value, label or source changes the hash; reordering
// the keys of a file does not. The canonical form is versioned by kCanonicalJsonVersion.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "entente/core/scenario.h"

namespace entente {

inline constexpr int kCanonicalJsonVersion = 1;

// SHA-256 of `data` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view data);

// The scenario as a JSON value (keys sorted by nlohmann::json).
nlohmann::json CanonicalScenarioJson(const Scenario& s);

// "sha256:" followed by the SHA-256 of CanonicalScenarioJson(s).dump().
std::string ScenarioHash(const Scenario& s);

}  // namespace entente
