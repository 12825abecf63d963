// SPDX-License-Identifier: MIT
// A scenario restricted to some of its issues: what `--issues A,B` gives every command, so a
// multi-dimensional model (SMP) bargains over just those dimensions and a one-dimensional model
// forecasts just those issues.
#pragma once

#include <string>
#include <vector>

#include "entente/core/scenario.h"

namespace entente {

// `s` with only the issues named in `ids`, in the order given (that order is the order of the
// dimensions for SMP); actors, parties, sources and the chosen issues' cells are kept as they
// are. Throws InvalidInput (field "issues") listing every unknown or repeated id with the ids
// the scenario has; an empty `ids` returns `s` unchanged.
Scenario SelectIssues(const Scenario& s, const std::vector<std::string>& ids);

}  // namespace entente
