// SPDX-License-Identifier: MIT
// `entente sensitivity [SCENARIO] --model SPEC`: which inputs move each issue's forecast most
// (a tornado table), and the smallest single-input change that would flip each forecast.
#include <memory>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "entente/report/report.h"
#include "entente/store/sweep_runs.h"
#include "entente/sweep/sensitivity_render.h"
#include "store_cli.h"

namespace entente::cli {

namespace {

struct SensitivityCliOptions {
  std::string scenario = kDefaultScenario, from, format, out, noise, model = "compromise";
  std::vector<std::string> thresholds, issues;
  SensitivityOptions opt;
  int threads = 0;
  int top = 10;
  StoreOptions store;
};

void Sensitivity(SensitivityCliOptions& o) {
  Scenario s = LoadScenarioArg(o.scenario, o.from, o.issues);
  o.opt.model = o.model;
  o.opt.noise = ParseNoise(o.noise);
  o.opt.thresholds = ParseThresholds(o.thresholds);
  CancelToken token;
  CancelOnSigint on_sigint(token);
  RunContext ctx;
  ctx.cancel = &token;
  ctx.threads = o.threads;
  SensitivityResult r = RunSensitivity(s, o.opt, ctx);
  auto doc = SensitivityDocument(s, o.opt, r);
  std::string text;
  if (o.format == "json") {
    text = DumpJson(doc);
  } else if (o.format == "csv") {
    text = SensitivityCsv(s, r);
  } else {
    text = RenderSensitivityText(s, o.opt, r, o.top);
  }
  Emit(text, o.out);
  RecordCliRun(o.store, "sensitivity", s, {r.spec}, o.opt.seed, DumpJson(doc),
               SensitivityParamsJson(o.opt).dump());
}

}  // namespace

void AddSensitivityCommand(CLI::App& app, CliState& /*state*/) {
  auto o = std::make_shared<SensitivityCliOptions>();
  CLI::App* sub = app.add_subcommand(
      "sensitivity", "Which inputs move each forecast most, and what would flip it");
  sub->add_option("scenario", o->scenario, "a scenario file or a built-in name")
      ->capture_default_str();
  sub->add_option("-m,--model", o->model, "model spec")->capture_default_str();
  sub->add_option("--delta", o->opt.delta,
                  "move each input by this percent of its scale (positions: of the issue's "
                  "range; saliences: points; capabilities: of their value)")
      ->capture_default_str();
  sub->add_flag("--distribution", o->opt.distribution,
                "move each input to the 5% and 95% points of its stated distribution (or of "
                "--noise) instead");
  sub->add_option("--noise", o->noise,
                  "with --distribution: the spread of inputs without a distribution, e.g. "
                  "position=10,salience=10");
  sub->add_option("--threshold", o->thresholds,
                  "ISSUE=VALUE: also find what would move ISSUE's forecast to VALUE; repeatable")
      ->allow_extra_args(false);
  sub->add_option("--flip-steps", o->opt.flip_steps,
                  "grid steps each way when searching for flips (0 = no search)")
      ->capture_default_str();
  sub->add_option("--top", o->top, "rows shown per issue in the table (0 = all)")
      ->capture_default_str();
  sub->add_option("--seed", o->opt.seed, "seed for stochastic models")->capture_default_str();
  sub->add_option("-j,--threads", o->threads, "threads; 0 = every core")->capture_default_str();
  AddFormatOption(sub, o->format, {"table", "json", "csv"});
  sub->add_option("-o,--out", o->out, "write to FILE (atomically) instead of standard output");
  sub->add_option("--from", o->from, "input format: json, yaml, csv, wide-csv, ktab-csv");
  AddIssuesOption(sub, o->issues);
  AddStoreOptions(sub, o->store);
  sub->callback([o] { Sensitivity(*o); });
}

}  // namespace entente::cli
