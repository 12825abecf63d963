// SPDX-License-Identifier: MIT
// The scenario's canonical JSON: one object holding every field of Scenario (id, title,
// description, as_of, notes, sources, actors, issues, cells, parties; every Quantity as
// {value, sources, dist}; absent optional values as null) and "canonical":
// kCanonicalJsonVersion. Object keys are sorted (nlohmann::json's default), numbers dump in
// their shortest round-trip form, so:
//   - its SHA-256 is the input hash every result carries (report/hash.h), independent of the
//     file format and layout the scenario was read from;
//   - ScenarioFromCanonicalJson(CanonicalScenarioJson(s)) == s bit for bit, which is how the
//     run store keeps a scenario (a resumed sweep rebuilds its input from it).
// One encoder for both, so the stored scenario and the hash can never describe different
// things. Changing the form means raising kCanonicalJsonVersion (and every golden hash).
#pragma once

#include <nlohmann/json.hpp>

#include "entente/core/scenario.h"

namespace entente {

inline constexpr int kCanonicalJsonVersion = 1;

nlohmann::json CanonicalScenarioJson(const Scenario& s);

// Throws InvalidInput (path "stored scenario") when `j` is not a canonical scenario of this
// version.
Scenario ScenarioFromCanonicalJson(const nlohmann::json& j);

}  // namespace entente
