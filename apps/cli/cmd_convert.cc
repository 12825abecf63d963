// SPDX-License-Identifier: MIT
// `entente convert IN OUT`: reads a scenario in one format and writes it in another.
#include <memory>

#include "commands.h"

namespace entente::cli {

namespace {

struct ConvertOptions {
  std::string in;
  std::string out;
  std::string from;
  std::string to;
  bool lossy = false;
};

void Convert(const ConvertOptions& o) {
  auto to = ParseFormatOption("--to", o.to);
  if (!to && o.out != "-") to = FormatFromPath(o.out);
  if (!to) {
    std::string names;
    for (const auto& n : ScenarioFormatNames()) names += (names.empty() ? "" : ", ") + n;
    ThrowUsage("out", o.out,
               "cannot tell the output format from the file name; give --to with one of: " + names);
  }
  Scenario s = LoadScenarioArg(o.in, o.from);
  Emit(WriteScenario(s, *to, WriteOptions{.allow_loss = o.lossy}), o.out);
}

}  // namespace

void AddConvertCommand(CLI::App& app, CliState& /*state*/) {
  auto o = std::make_shared<ConvertOptions>();
  CLI::App* sub = app.add_subcommand("convert", "Convert a scenario between formats");
  sub->add_option("in", o->in, "input: a scenario file, '-' (standard input) or a built-in name")
      ->required();
  sub->add_option("out", o->out, "output file ('-' for standard output, with --to)")->required();
  sub->add_option("--from", o->from, "input format: json, yaml, csv, wide-csv, ktab-csv");
  sub->add_option("--to", o->to,
                  "output format (default: from OUT's extension): json, yaml, csv, wide-csv, "
                  "ktab-csv");
  sub->add_flag("--lossy", o->lossy,
                "write what the output format can hold and drop the rest (without it, a "
                "conversion that would lose data is refused, naming what would be lost)");
  sub->callback([o] { Convert(*o); });
}

}  // namespace entente::cli
