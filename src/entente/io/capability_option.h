// SPDX-License-Identifier: MIT
// The capability choices a backtest offers (`entente backtest --capability`, the Python
// module's `backtest(capability=...)`): one parser for both.
#pragma once

#include <string>

#include "entente/io/cases.h"

namespace entente {

// Sets the capabilities of `data` as `option` says: "equal"; a built-in table ("nice",
// "population"; analysis/capability_tables.h); "file:PATH" (a CSV actor,capability[,from,to]);
// "" = the default (equal for DEU tables, which record none; a case library keeps its own).
// Returns the description the report prints ("equal", "from gdp.csv", ...). Throws InvalidInput
// (field `where`: "--capability" for the CLI, "capability" for Python) naming the valid choices,
// or with the capability file's own problems.
std::string ApplyCapabilityOption(const std::string& option, OutcomeData& data,
                                  const std::string& where = "--capability");

}  // namespace entente
