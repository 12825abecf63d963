// SPDX-License-Identifier: MIT
// `entente sensitivity [SCENARIO] --model SPEC`: which inputs move each issue's forecast most
// (a tornado table), and the smallest single-input change that would flip each forecast.
#include <charconv>
#include <memory>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "entente/report/report.h"
#include "entente/sweep/sensitivity_render.h"
#include "store_cli.h"

namespace entente::cli {

namespace {

struct SensitivityCliOptions {
  std::string scenario = kDefaultScenario, from, format, out, noise, model = "compromise";
  std::vector<std::string> thresholds;
  SensitivityOptions opt;
  int threads = 0;
  int top = 10;
  StoreOptions store;
};

// "ISSUE=VALUE" -> Threshold; every bad one reported.
std::vector<Threshold> ParseThresholds(const std::vector<std::string>& items) {
  std::vector<Threshold> out;
  ValidationReport report;
  for (const auto& item : items) {
    size_t eq = item.find('=');
    double v = 0;
    const char* end = item.data() + item.size();
    auto res = eq == std::string::npos
                   ? std::from_chars_result{item.data(), std::errc::invalid_argument}
                   : std::from_chars(item.data() + eq + 1, end, v);
    if (eq == std::string::npos || eq == 0 || res.ec != std::errc() || res.ptr != end) {
      report.Add(Location{"", 0, 0, "--threshold"}, "threshold", item,
                 "must be ISSUE=VALUE, e.g. territory=50");
      continue;
    }
    out.push_back(Threshold{item.substr(0, eq), v});
  }
  if (!report.ok()) throw InvalidInput(std::move(report));
  return out;
}

nlohmann::json ParamsJson(const SensitivityCliOptions& o) {
  nlohmann::json t = nlohmann::json::array();
  for (const auto& th : o.opt.thresholds) t.push_back({{"issue", th.issue}, {"value", th.value}});
  return {{"model", o.opt.model}, {"mode", o.opt.distribution ? "distribution" : "delta"},
          {"delta", o.opt.delta}, {"noise", o.opt.noise.ToString()},
          {"thresholds", t},      {"flip_steps", o.opt.flip_steps}};
}

void Sensitivity(SensitivityCliOptions& o) {
  Scenario s = LoadScenarioArg(o.scenario, o.from);
  o.opt.model = o.model;
  o.opt.noise = ParseNoise(o.noise);
  o.opt.thresholds = ParseThresholds(o.thresholds);
  CancelToken token;
  CancelOnSigint on_sigint(token);
  RunContext ctx;
  ctx.cancel = &token;
  ctx.threads = o.threads;
  SensitivityResult r = RunSensitivity(s, o.opt, ctx);
  auto doc = JsonDocument("sensitivity");
  doc["scenario"] = ScenarioRefJson(s);
  doc.update(SensitivityJson(s, o.opt, r));
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
               ParamsJson(o).dump());
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
  AddStoreOptions(sub, o->store);
  sub->callback([o] { Sensitivity(*o); });
}

}  // namespace entente::cli
