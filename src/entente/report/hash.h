// SPDX-License-Identifier: MIT
// The input hash printed in every report: SHA-256 (FIPS 180-4) of the scenario's canonical
// JSON (io/canonical_json.h), so a result says exactly which input produced it, whatever file
// format it was read from. Strings are hashed as UTF-8 (invalid bytes, which the readers reject
// anyway, as U+FFFD). Changing any value, label or source changes the hash; reordering the keys
// of a file does not.
#pragma once

#include <string>
#include <string_view>

#include "entente/core/scenario.h"
#include "entente/io/canonical_json.h"

namespace entente {

// SHA-256 of `data` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view data);

// "sha256:" followed by the SHA-256 of CanonicalScenarioJson(s).dump().
std::string ScenarioHash(const Scenario& s);

}  // namespace entente
