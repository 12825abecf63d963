// SPDX-License-Identifier: MIT
// `entente scenarios [list | show NAME | export NAME FILE]`: the built-in catalog.
#include <memory>

#include <fmt/format.h>

#include "commands.h"
#include "entente/report/report.h"
#include "entente/report/text.h"
#include "scenarios/catalog.h"

namespace entente::cli {

namespace {

struct ScenariosOptions {
  std::string format;
  std::string name;
  std::string file;
  std::string to;
  bool lossy = false;
};

std::string Names() {
  std::string out;
  for (const auto& b : BuiltinScenarioList()) out += (out.empty() ? "" : ", ") + b.name;
  return out;
}

Scenario Builtin(const std::string& name) {
  auto s = LoadBuiltinScenario(name);
  if (!s) ThrowUsage("scenario", name, "not a built-in scenario; built-in scenarios: " + Names());
  return *s;
}

void List(const std::string& format) {
  const auto& list = BuiltinScenarioList();
  if (format == "json") {
    auto j = JsonDocument("scenarios");
    j["scenarios"] = nlohmann::ordered_json::array();
    for (const auto& b : list) j["scenarios"].push_back({{"name", b.name}, {"title", b.title}});
    Emit(DumpJson(j), "");
    return;
  }
  int w = 4;
  for (const auto& b : list) w = std::max(w, report::DisplayWidth(b.name));
  std::string out;
  for (const auto& b : list) {
    auto lines = report::Wrap(b.title, std::max(20, 80 - w - 2));
    if (lines.empty()) lines.push_back("");
    for (size_t k = 0; k < lines.size(); ++k) {
      out += report::Pad(k == 0 ? b.name : "", w) + "  " + lines[k] + "\n";
    }
  }
  Emit(out, "");
}

void Export(const ScenariosOptions& o) {
  Scenario s = Builtin(o.name);
  auto to = ParseFormatOption("--to", o.to);
  if (!to && o.file != "-") to = FormatFromPath(o.file);
  if (!to) {
    ThrowUsage("file", o.file, "cannot tell the output format from the file name; give --to");
  }
  // YAML is the catalog's own form: export it as written, comments and all.
  Emit(*to == ScenarioFormat::kYaml ? BuiltinScenarioText(o.name)
                                    : WriteScenario(s, *to, WriteOptions{.allow_loss = o.lossy}),
       o.file);
}

}  // namespace

void AddScenariosCommand(CLI::App& app, CliState& /*state*/) {
  auto o = std::make_shared<ScenariosOptions>();
  CLI::App* sub = app.add_subcommand("scenarios", "List, show or export the built-in scenarios");
  sub->require_subcommand(0, 1);
  AddFormatOption(sub, o->format, {"table", "json"});

  CLI::App* list = sub->add_subcommand("list", "List the built-in scenarios (the default)");
  AddFormatOption(list, o->format, {"table", "json"});
  list->callback([o] { List(o->format); });

  CLI::App* show = sub->add_subcommand("show", "Print a built-in scenario's YAML source");
  show->add_option("name", o->name, "built-in scenario name")->required();
  show->callback([o] {
    Builtin(o->name);
    Emit(BuiltinScenarioText(o->name), "");
  });

  CLI::App* exp = sub->add_subcommand("export", "Write a built-in scenario to a file");
  exp->add_option("name", o->name, "built-in scenario name")->required();
  exp->add_option("file", o->file, "output file ('-' for standard output, with --to)")->required();
  exp->add_option("--to", o->to,
                  "format (default: from FILE's extension): json, yaml, csv, "
                  "wide-csv, ktab-csv");
  exp->add_flag("--lossy", o->lossy, "write what the format can hold and drop the rest");
  exp->callback([o] { Export(*o); });

  sub->callback([sub, o] {
    if (sub->get_subcommands().empty()) List(o->format);
  });
}

}  // namespace entente::cli
