// SPDX-License-Identifier: MIT
// `entente backtest DATASET [--model SPEC]... [--capability equal|nice|population|file:PATH]`:
// runs every model on cases with recorded outcomes and scores them (docs/backtest.md).
#include <memory>

#include "commands.h"
#include "entente/io/capability_option.h"
#include "entente/io/cases.h"
#include "entente/models/registry.h"
#include "entente/report/backtest_report.h"
#include "entente/report/report.h"

namespace entente::cli {

namespace {

struct BacktestCliOptions {
  std::string dataset;
  std::vector<std::string> models;
  std::string capability;
  std::string format;
  std::string out;
  std::string color;
  uint64_t seed = 0;
  int bootstrap = 2000;
};

void Backtest(const BacktestCliOptions& o) {
  // Every problem at once: the dataset's, the --capability choice's and each --model's.
  ValidationReport problems;
  BacktestReportOptions ropt;
  OutcomeData data;
  try {
    data = ReadOutcomeDataFile(o.dataset);
    ropt.capability = ApplyCapabilityOption(o.capability, data);
  } catch (const InvalidInput& e) {
    problems.Merge(e.report());
  }
  BacktestOptions bopt;
  bopt.models = o.models;
  if (bopt.models.empty()) {
    for (const auto& m : BuiltinModels().models()) bopt.models.push_back(m.name);
  }
  for (const auto& spec : bopt.models) {
    try {
      BuiltinModels().Canonical(spec);
    } catch (const InvalidInput& e) {
      problems.Merge(e.report());
    }
  }
  if (!problems.ok()) throw InvalidInput(std::move(problems));
  bopt.seed = o.seed;
  bopt.bootstrap_reps = o.bootstrap;
  BacktestResult r = RunBacktest(data.set, bopt);
  ropt.color = o.format == "table" && UseColor(o.color, o.out.empty() || o.out == "-");
  std::string text;
  if (o.format == "json") {
    text = DumpJson(BacktestJson(r, ropt));
  } else if (o.format == "csv") {
    text = BacktestCsv(r);
  } else {
    text = RenderBacktestText(r, ropt);
  }
  Emit(text, o.out);
}

}  // namespace

void AddBacktestCommand(CLI::App& app, CliState& /*state*/) {
  auto o = std::make_shared<BacktestCliOptions>();
  CLI::App* sub = app.add_subcommand(
      "backtest", "Score models against recorded outcomes (a DEU table or a case library)");
  sub->add_option("dataset", o->dataset,
                  "a DEU table (.tsv, .csv, .tab, .txt) or a case library (.json, .yaml, .yml)")
      ->required();
  sub->add_option("-m,--model", o->models,
                  "model spec, e.g. compromise or median(weight=salience); repeatable; default: "
                  "every model ('entente models')")
      ->allow_extra_args(false);
  sub->add_option("--capability", o->capability,
                  "equal, nice (Council votes, Treaty of Nice), population (Eurostat 2019 "
                  "shares) or file:PATH (CSV actor,capability[,from,to]); default: equal for "
                  "DEU tables, as given for case libraries");
  AddFormatOption(sub, o->format, {"table", "json", "csv"});
  sub->add_option("-o,--out", o->out, "write to FILE (atomically) instead of standard output");
  AddColorOption(sub, o->color);
  sub->add_option("--seed", o->seed, "seed for stochastic models and the bootstrap")
      ->capture_default_str();
  sub->add_option("--bootstrap", o->bootstrap, "bootstrap resamples for the intervals")
      ->check(CLI::Range(100, 1000000))
      ->capture_default_str();
  sub->callback([o] { Backtest(*o); });
}

}  // namespace entente::cli
