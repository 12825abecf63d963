// SPDX-License-Identifier: MIT
// KTAB's SMP input format (KAPSARC Toolkit for Behavioral Analysis, `smpc`; SMPModel::csvRead).
// Positional, comma-separated, one header pair then one row per actor:
//
//   <scenario name>,<description>,<numActors>,<numDims>[,...]
//   <ignored>,<ignored>,<ignored>,<dim-1 name>,<ignored>,<dim-2 name>,<ignored>,...[,]
//   <actor>,<description>,<capability>,<pos 1>,<sal 1>,<pos 2>,<sal 2>,...[,]
//
// Mapping: scenario name -> Scenario::id and ::title, description -> ::description; each
// dimension -> an Issue on the scale [0, 100] whose id and name are the dimension's position
// header; each actor row -> an Actor (id = name = first field, description, capability) with a
// position and salience on every issue.
//
// Reading enforces KTAB's limits, each reported as a Problem with line, column, field, value and
// what is allowed (every problem at once, thrown as InvalidInput): 3..250 actors; at least one
// dimension; the header counts match the rows and fields present; capability in [0, 1e8];
// positions and saliences in [0, 100]; per actor the saliences sum to at most 100 (1e-9 slack for
// decimal round-off); plus the format-independent checks of core/validate.h (unique non-empty
// ids, ...). Fields may carry leading/trailing spaces and double quotes ("a, b" with "" escapes);
// lines may end with trailing commas or CRLF; blank lines are skipped.
//
// Writing produces text that reads back to an equal Scenario. It throws InvalidInput naming what
// cannot be expressed: a missing position or salience, an issue whose scale is not [0, 100],
// per-issue capability overrides, an actor count outside 3..250, values beyond KTAB's limits, or
// a line break inside a name. Metadata KTAB has no place for (title when it differs from the id,
// actor names, sources, anchors, notes, parties, no-deal points) is not written.
#pragma once

#include <string>
#include <string_view>

#include "entente/core/scenario.h"

namespace entente {

// `name` is used in problem locations (a file path or "<stdin>"). Throws InvalidInput listing
// every problem.
Scenario ReadKtabCsv(std::string_view text, const std::string& name);

std::string WriteKtabCsv(const Scenario& s);

}  // namespace entente
