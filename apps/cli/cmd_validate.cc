// SPDX-License-Identifier: MIT
// `entente validate FILE`: reads a scenario and reports every problem (exit 2), or a one-line
// summary (exit 0).
#include <memory>

#include <fmt/format.h>

#include "commands.h"

namespace entente::cli {

namespace {

struct ValidateOptions {
  std::string file;
  std::string from;
};

void Validate(const ValidateOptions& o) {
  Scenario s = LoadScenarioArg(o.file, o.from);
  size_t participations = 0;
  for (size_t a = 0; a < s.actors.size(); ++a) {
    for (size_t i = 0; i < s.issues.size(); ++i) {
      participations += s.Participates(static_cast<int>(a), static_cast<int>(i));
    }
  }
  auto n = [](size_t count, const char* what) {
    return fmt::format("{} {}{}", count, what, count == 1 ? "" : "s");
  };
  Emit(fmt::format("{}: ok: {}, {}, {}, {}\n", o.file, n(s.actors.size(), "actor"),
                   n(s.issues.size(), "issue"), n(participations, "position"),
                   n(s.sources.size(), "source")),
       "");
}

}  // namespace

void AddValidateCommand(CLI::App& app, CliState& /*state*/) {
  auto o = std::make_shared<ValidateOptions>();
  CLI::App* sub =
      app.add_subcommand("validate", "Check a scenario file and list every problem with its place");
  sub->add_option("file", o->file, "a scenario file ('-' for standard input, with --from)")
      ->required();
  sub->add_option("--from", o->from,
                  "input format when the file extension does not say: json, yaml, csv, "
                  "wide-csv, ktab-csv");
  sub->callback([o] { Validate(*o); });
}

}  // namespace entente::cli
