// SPDX-License-Identifier: MIT
// What the subcommands share: loading a scenario from a path or a built-in name, format and
// colour options, running model specs, and writing output (atomically to --out, else stdout).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "entente/core/errors.h"
#include "entente/core/scenario.h"
#include "entente/io/scenario_io.h"
#include "entente/models/model.h"

namespace entente::cli {

// State shared by every command; a command sets exit_code when it ends with a non-zero status
// without an exception.
struct CliState {
  int exit_code = 0;
};

// An error of the environment rather than the input (an output file that cannot be written):
// main.cc prints "entente: error: <what>" and exits with `code`.
class CliError : public std::runtime_error {
 public:
  explicit CliError(const std::string& what, int code = 1)
      : std::runtime_error(what), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

inline constexpr const char* kDefaultScenario = "ukraine-2025";

// Throws InvalidInput with one problem about a command-line value.
[[noreturn]] void ThrowUsage(const std::string& field, const std::string& value,
                             const std::string& message);

// The names --from/--to accept ("json", "yaml", "csv", "wide-csv", "ktab-csv").
std::vector<std::string> ScenarioFormatNames();
// Parses a --from/--to value ("" = not given). Throws InvalidInput listing the valid names.
std::optional<ScenarioFormat> ParseFormatOption(const std::string& option, const std::string& name);

// SCENARIO: "-" reads standard input (needs --from); an existing file is read in `from` or the
// format of its extension; otherwise a built-in scenario name. Throws InvalidInput.
Scenario LoadScenarioArg(const std::string& arg, const std::string& from);

// The same, restricted to `issues` (--issues; empty = all) in that order. Throws InvalidInput
// listing every unknown or repeated id.
Scenario LoadScenarioArg(const std::string& arg, const std::string& from,
                         const std::vector<std::string>& issues);

// Adds "--issues ID,ID...": only these issues of the scenario, in this order (for smp, the
// dimensions of the space it bargains over).
CLI::Option* AddIssuesOption(CLI::App* sub, std::vector<std::string>& target);

// Adds "--format" restricted to `choices`; the first choice is the default.
CLI::Option* AddFormatOption(CLI::App* sub, std::string& target,
                             const std::vector<std::string>& choices);
// Adds "--color auto|always|never" (default auto).
CLI::Option* AddColorOption(CLI::App* sub, std::string& target);
// Colour on: "always", or "auto" when writing to stdout, stdout is a TTY and NO_COLOR is unset
// or empty.
bool UseColor(const std::string& mode, bool to_stdout);

// Builds every spec (all problems reported together) and runs them on `s` with `seed`.
// An empty list runs every registered model with its defaults.
std::vector<ModelResult> RunModels(const Scenario& s, const std::vector<std::string>& specs,
                                   uint64_t seed);

// Writes `text` to `out_path` atomically, or to stdout when `out_path` is "" or "-".
void Emit(const std::string& text, const std::string& out_path);

}  // namespace entente::cli
