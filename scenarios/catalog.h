// SPDX-License-Identifier: MIT
// The built-in scenario catalog: published and curated cases compiled into the binary (see
// cmake/embed.cmake), so nothing is read from disk at run time. Each scenario is one YAML file
// in its own folder of scenarios/, with a SOURCE.md saying where its data comes from.
//
//   ukraine-2025          the default: talks on ending the Russia–Ukraine war, 12 Feb 2025
//   bdm1994-eu-emissions  Bueno de Mesquita (1994) p. 78, the expected-utility reference case
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/core/scenario.h"

namespace entente {

struct BuiltinScenario {
  std::string name;   // the scenario id and file stem, e.g. "ukraine-2025"
  std::string title;  // the file's `title`
};

// Every built-in, the default (ukraine-2025) first.
const std::vector<BuiltinScenario>& BuiltinScenarioList();

// Reads a built-in through the YAML reader; nullopt when `name` is not a built-in. Throws
// InvalidInput only if a built-in file is broken (a bug: the catalog test reads them all).
std::optional<Scenario> LoadBuiltinScenario(std::string_view name);

// The YAML text of a built-in, as shipped (e.g. to copy and edit); empty when unknown.
std::string BuiltinScenarioText(std::string_view name);

}  // namespace entente
