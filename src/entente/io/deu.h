// SPDX-License-Identifier: MIT
// Reader for DEU-format tables (Decision-making in the European Union; Thomson et al. 2006,
// Thomson et al. 2012, Arregui & Perarnaud 2021): one row per controversial issue, each actor's
// position p<actor> and salience s<actor> on a 0-100 scale, the reference point `rp` (where the
// issue stands without a new law) and the adopted outcome `out`.
//
// Text: tab-separated when the header line holds a tab, else comma-separated; fields may be
// quoted ("..." with "" for a quote); a UTF-8 byte-order mark and CRLF line ends are accepted;
// blank lines are ignored; a blank cell is missing.
//
// Columns (any order; names are matched case-insensitively):
//   out                     the outcome (required column)
//   p<a> and s<a>           one pair per actor a, for any set of actors; a p/s column without
//                           its partner is ignored (and named in the notes)
//   rp                      the reference point (optional)
//   proc                    procedure: COD -> "co-decision", CNS -> "consultation", other values
//                           kept as written, blank -> not grouped
//   counvte                 Council voting rule: QMV -> "QMV", Unan -> "unanimity", others kept
//   isnr, prnr, prname, type, council, intro, year   ids and descriptions (all optional)
//   any other column        ignored
// Each row becomes one case: a one-issue Scenario on the scale 0-100 whose actors are those
// holding both a position and a salience, every capability 1 (see analysis/capability_tables.h
// for others), the reference point as the no-deal point; the outcome, reference point,
// procedure and voting rule are kept beside it (OutcomeCase). The case id is isnr, else
// prnr-<row>, else row-<line>. The year (for period-specific capability tables) comes from
// `year` when present, else from the last field of `intro` (dd-mm-yy or dd-mm-yyyy; the DEU III
// copy also writes dd-mm-yy with a century glued to the day, "2022-09-04" for 22-09-04, whose
// last field is still the year), else it is unknown.
//
// Skipped rows, counted in DeuSummary and listed in CaseSet::notes: rows without an outcome, and
// rows where fewer than 3 actors hold both a position and a salience. A position without a
// salience leaves that actor out of the issue (counted). Problems, all reported at once with
// line, column, field, value and what is allowed (InvalidInput): bad cells (not a number,
// outside 0-100), a row whose cell count differs from the header's, repeated column names or
// issue ids, a missing `out` column or no actor pair.
#pragma once

#include <string>
#include <string_view>

#include "entente/analysis/backtest.h"

namespace entente {

struct DeuSummary {
  int rows = 0;                // data rows read
  int cases = 0;               // rows kept
  int skipped_no_outcome = 0;  // rows without `out`
  int skipped_few_actors = 0;  // rows with fewer than 3 actors holding position and salience
  int positions_without_salience = 0;  // cells left out for want of a salience
};

struct DeuTable {
  CaseSet set;  // baseline_actor "com" when the table has a com column pair
  DeuSummary summary;
};

// `name` is used in problem locations and case origins (a path or "<stdin>").
DeuTable ReadDeu(std::string_view text, const std::string& name);
// Throws InvalidInput when the file cannot be read or holds problems.
DeuTable ReadDeuFile(const std::string& path);

// The display name of a DEU actor code ("com" -> "European Commission", "de" -> "Germany");
// the code itself when unknown.
std::string DeuActorName(std::string_view code);

}  // namespace entente
