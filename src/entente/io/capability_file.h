// SPDX-License-Identifier: MIT
// Capability tables from a file, for outcome data that records no capability (analysis/
// capability_tables.h applies them): GDP, military spending, votes, or any other vector.
//
//   actor,capability            one row per actor (ids matched case-insensitively)
//   de,3.4
//   fr,2.6
//
// Optional columns `from` and `to` (inclusive years; blank = open) give an actor several rows,
// one per period, matched against each case's year:
//
//   actor,capability,from,to
//   pl,27,2004,2014
//   pl,8.0,2015,
//
// Comma- or tab-separated, quoted or not, UTF-8 BOM and CRLF accepted. Problems (missing
// columns, a capability that is not a number >= 0, a year that is not an integer, from > to, two
// rows of one actor whose periods overlap) are all reported with line, column and value.
#pragma once

#include <string>
#include <string_view>

#include "entente/analysis/capability_tables.h"

namespace entente {

CapabilityTable ReadCapabilityTable(std::string_view text, const std::string& name);
// Throws InvalidInput when the file cannot be read or holds problems.
CapabilityTable ReadCapabilityTableFile(const std::string& path);

}  // namespace entente
