// SPDX-License-Identifier: MIT
// The store's own serialisation of a Scenario: every field, distributions included, numbers in
// their shortest round-trip form, so ScenarioFromStoreJson(ScenarioToStoreJson(s)) == s bit for
// bit. A resumed sweep rebuilds its scenario from it, whatever file format it came from.
#pragma once

#include <nlohmann/json.hpp>

#include "entente/core/scenario.h"

namespace entente {

inline constexpr int kStoreScenarioVersion = 1;

nlohmann::json ScenarioToStoreJson(const Scenario& s);

// Throws InvalidInput (path "stored scenario") when `j` is not such a document.
Scenario ScenarioFromStoreJson(const nlohmann::json& j);

}  // namespace entente
