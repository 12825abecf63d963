// SPDX-License-Identifier: MIT
// Capabilities for outcome data that records none (DEU records positions and saliences only).
//
// A capability table maps actor ids to capabilities, optionally per period (inclusive years,
// matched against OutcomeCase::year). Only ratios matter, and only among the actors taking part
// in an issue, so one table of every member state serves every period: a state that was not a
// member holds no position and so has no weight.
//
// Built-in tables (actor ids are the DEU codes; ISO codes bg, hr, gr, gb are accepted too):
//  - "nice": the Council's weighted votes under the Treaty of Nice: Protocol (No 10) on the
//    enlargement of the European Union, Art. 3, as adapted by the 2003 and 2005 Acts of
//    Accession (EU-27: 29 for DE FR IT UK; 27 ES PL; 14 RO; 13 NL; 12 BE CZ EL HU PT; 10 AT BG SE;
//    7 DK IE LT SK FI; 4 CY EE LV LU SI; 3 MT; total 345) and the 2012 Act of Accession of
//    Croatia (HR 7; EU-28 total 352). Applied from 1 November 2004 until the double majority of
//    the Lisbon Treaty replaced it (fully from 1 April 2017).
//  - "population": resident population on 1 January 2019 (Eurostat, first estimates, news
//    release STAT/19/4010 of 10 July 2019), in millions rounded to 0.1; the 28 figures add up
//    to the release's EU-28 total of 513.5 million. The Lisbon double majority counts
//    population shares; these are the last figures for all 28 members. Later revisions differ
//    by up to about 0.1 million; check the current Eurostat table (demo_pjan) before relying on
//    a small state's figure.
//  In both, the Commission ("com") and the Parliament ("ep") are each given the weight of the
//  largest member state (29 votes; 83.0 million). This is a convention, not an estimate: DEU
//  says nothing of their capability, and the forecasts depend on the choice. Supply a file
//  table (io/capability_file.h) to use another.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/analysis/backtest.h"
#include "entente/core/errors.h"

namespace entente {

struct CapabilityRow {
  std::string actor;
  double capability = 0.0;
  std::optional<int> from_year;  // inclusive; nullopt = open
  std::optional<int> to_year;    // inclusive; nullopt = open
  Location where;                // where the row was written (file tables)
};

struct CapabilityTable {
  std::string name;    // "nice", "population", or a file path
  std::string source;  // citation of the figures
  std::vector<CapabilityRow> rows;
};

// Names of the built-in tables: "nice", "population".
const std::vector<std::string>& BuiltinCapabilityTableNames();
// A built-in table by name; nullopt when unknown.
std::optional<CapabilityTable> BuiltinCapabilityTable(std::string_view name);

// Gives every actor of every case capability 1 and clears per-issue capability overrides.
void ApplyEqualCapabilities(CaseSet& set);

// Sets every actor's capability from `table` (matching ids case-insensitively, with the ISO
// aliases above) and clears per-issue overrides. Throws InvalidInput listing every actor the
// table has no row for (with the cases concerned), every case whose year matches two rows of
// one actor, and every case without a year when an actor's rows are all period-specific.
void ApplyCapabilities(CaseSet& set, const CapabilityTable& table);

}  // namespace entente
