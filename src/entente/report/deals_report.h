// SPDX-License-Identifier: MIT
// Reports of `entente deals`: the zone of possible agreement, the Pareto frontier and the
// bargaining solutions of an agreement space, as a terminal report, a JSON document
// ({"entente_json": 1, "kind": "deals", ...}) or a CSV table of the solutions and zone samples.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "entente/analysis/deals.h"
#include "entente/core/scenario.h"
#include "entente/io/genius.h"

namespace entente {

// Where the space came from: exactly one of the two is set.
struct DealsSource {
  const Scenario* scenario = nullptr;
  const GeniusImport* genius = nullptr;
};

// An option as people read it: "60 Freeze on the current line…" for a scale point (the nearest
// anchor's label beside the number, cut to `label_width` columns), the name of a named option.
std::string OptionText(const SpaceIssue& issue, int option, int label_width = 24);

// The terminal report (fits `width` columns).
std::string RenderDealsText(const AgreementSpace& s, const DealsAnalysis& d, const DealsSource& src,
                            int width = 80);

nlohmann::ordered_json DealsJson(const AgreementSpace& s, const DealsAnalysis& d,
                                 const DealsSource& src);

// Header "row,exists,ties,<issue>,<issue>_label,...,<party>_utility,<party>_gain,...", then
// one row per bargaining solution and one per zone sample ("sample 1", ...).
std::string DealsCsv(const AgreementSpace& s, const DealsAnalysis& d);

}  // namespace entente
