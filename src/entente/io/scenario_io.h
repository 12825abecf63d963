// SPDX-License-Identifier: MIT
// Reading and writing scenarios in every supported format. Readers collect every problem
// (syntax, structure, and the semantic checks of core/validate.h) with its file, line, column
// or JSON/YAML path, and throw InvalidInput carrying the whole report; they never return a
// half-read scenario. Writers produce text that reads back to an equal Scenario.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "entente/core/errors.h"
#include "entente/core/scenario.h"
#include "entente/core/validate.h"

namespace entente {

enum class ScenarioFormat {
  kJson,     // .json  (docs/scenario.schema.json)
  kYaml,     // .yaml / .yml (same schema)
  kLongCsv,  // .csv   actor,issue,capability,position,salience
  kWideCsv,  // single-issue BDM-style table: actor|stakeholder, capability|clout|power, ...
  kKtabCsv,  // KTAB's SMP input format
};

std::string_view FormatName(ScenarioFormat f);  // "json", "yaml", "csv", "wide-csv", "ktab-csv"
// Parses a --from/--to name; nullopt when unknown.
std::optional<ScenarioFormat> ParseFormatName(std::string_view name);
// The format implied by a file name's extension (".csv" -> kLongCsv; a reader may still sniff a
// wide table). nullopt when the extension is unknown.
std::optional<ScenarioFormat> FormatFromPath(std::string_view path);

// `name` is used in problem locations (a file path, or "<stdin>", or a built-in's name).
Scenario ReadScenario(std::string_view text, ScenarioFormat format, const std::string& name);
// Reads a file; the format comes from `format` or else from the extension. Throws InvalidInput
// (unreadable file, unknown extension, or any problem in the content).
Scenario ReadScenarioFile(const std::string& path, std::optional<ScenarioFormat> format = {});
// The same, also filling `where` with the place each element was written (canonical keys of
// core/validate.h), for checks made after reading that should point at the user's text.
Scenario ReadScenario(std::string_view text, ScenarioFormat format, const std::string& name,
                      LocationMap& where);
Scenario ReadScenarioFile(const std::string& path, std::optional<ScenarioFormat> format,
                          LocationMap& where);

struct WriteOptions {
  // Write what the format can hold and drop the rest instead of throwing.
  bool allow_loss = false;
};

// Throws InvalidInput when the scenario cannot be expressed in `format` (e.g. several issues in
// a wide CSV), naming what is lost: the text it returns always reads back to an equal Scenario
// unless `options.allow_loss`.
std::string WriteScenario(const Scenario& s, ScenarioFormat format,
                          const WriteOptions& options = {});

// Writes `data` to `path` atomically: a temporary file beside it, fsync, then rename (a
// symbolic link is followed; a path that is not a regular file, like /dev/stdout or a pipe,
// is written in place). Throws std::runtime_error with the path and the OS error on failure;
// never leaves a partial file.
void WriteFileAtomic(const std::string& path, std::string_view data);

}  // namespace entente
