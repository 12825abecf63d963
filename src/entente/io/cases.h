// SPDX-License-Identifier: MIT
// Case libraries with recorded outcomes (JSON or YAML), so users can backtest models on their
// own cases, and the one entry point that reads any outcome data set (a case library or a DEU
// table) by its extension. docs/backtest.md documents the format:
//
//   entente_cases: 1                 # format version (required)
//   name: my-cases                   # optional
//   baseline_actor: com              # optional: whose position is a naive forecast
//   cases:                           # required, at least one
//     - id: emissions                # required, unique
//       year: 1994                   # optional integer (period-specific capability tables)
//       groups: {procedure: co-decision, voting rule: QMV}   # optional, for breakdowns
//       scenario: {...}              # an entente scenario (docs/scenario.schema.json), or
//       scenario_file: bdm.yaml      # a scenario file, relative to this file, any format
//       outcomes: {emissions: 8.5}   # required: the recorded outcome of each scored issue,
//                                    # a number on the scale or an option name
//       reference_points: {emissions: 10}   # optional; default: each issue's no_deal
//
// Every problem (unknown or missing keys, wrong types, unknown issue ids, values off the
// issue's scale, repeated case ids, problems inside embedded scenarios) is reported at once
// with its line, column and path.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "entente/analysis/backtest.h"
#include "entente/io/deu.h"

namespace entente {

enum class CasesFormat { kJson, kYaml };

// `name` is used in problem locations; `base_dir` resolves scenario_file ("" = current dir).
CaseSet ReadCases(std::string_view text, CasesFormat format, const std::string& name,
                  const std::string& base_dir = "");
CaseSet ReadCasesFile(const std::string& path);

// An outcome data set read by extension: .json/.yaml/.yml -> a case library; .tsv/.csv/.tab/
// .txt -> a DEU table (`deu` then holds its read summary). Throws InvalidInput for an unknown
// extension (listing the known ones), an unreadable file or any problem in it.
struct OutcomeData {
  CaseSet set;
  std::optional<DeuSummary> deu;
};
OutcomeData ReadOutcomeDataFile(const std::string& path);

}  // namespace entente
