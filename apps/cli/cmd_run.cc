// SPDX-License-Identifier: MIT
// `entente run [SCENARIO] [--model SPEC]...`: forecasts of each model on each issue.
#include <memory>

#include "commands.h"
#include "entente/report/report.h"
#include "store_cli.h"

namespace entente::cli {

namespace {

struct RunOptions {
  std::string scenario = kDefaultScenario;
  std::vector<std::string> models;
  std::string format;
  std::string out;
  std::string color;
  std::string from;
  std::vector<std::string> issues;
  uint64_t seed = 0;
  bool traces = false;
  StoreOptions store;
};

void Run(const RunOptions& o) {
  Scenario s = LoadScenarioArg(o.scenario, o.from, o.issues);
  std::vector<ModelResult> results = RunModels(s, o.models, o.seed);
  ReportOptions ropt;
  ropt.seed = o.seed;
  ropt.traces = o.traces;
  ropt.color = o.format == "table" && UseColor(o.color, o.out.empty() || o.out == "-");
  // One JSON document for both the output and the run store.
  const std::string doc = DumpJson(RunJson(s, results, ropt));
  std::string text;
  if (o.format == "json") {
    text = doc;
  } else if (o.format == "csv") {
    text = RunCsv(s, results);
  } else {
    text = RenderRunText(s, results, ropt);
  }
  Emit(text, o.out);
  RecordCliRun(o.store, "run", s, results, o.seed, doc);
}

}  // namespace

void AddRunCommand(CLI::App& app, CliState& /*state*/) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* sub = app.add_subcommand("run", "Forecast every issue of a scenario with each model");
  sub->add_option("scenario", o->scenario,
                  "a scenario file (.json, .yaml, .csv) or a built-in name ('entente scenarios')")
      ->capture_default_str();
  sub->add_option("-m,--model", o->models,
                  "model spec, e.g. median or compromise(weight=salience); repeatable; default: "
                  "every model ('entente models')")
      ->allow_extra_args(false);
  AddFormatOption(sub, o->format, {"table", "json", "csv"});
  sub->add_option("-o,--out", o->out, "write to FILE (atomically) instead of standard output");
  AddColorOption(sub, o->color);
  sub->add_option("--from", o->from,
                  "input format when the file extension does not say: json, yaml, csv, "
                  "wide-csv, ktab-csv");
  AddIssuesOption(sub, o->issues);
  sub->add_option("--seed", o->seed, "seed for stochastic models")->capture_default_str();
  sub->add_flag("--traces", o->traces, "JSON only: include each model's round-by-round traces");
  AddStoreOptions(sub, o->store);
  sub->callback([o] { Run(*o); });
}

}  // namespace entente::cli
