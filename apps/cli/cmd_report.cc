// SPDX-License-Identifier: MIT
// `entente report [SCENARIO | --run ID] [--model SPEC]... [--trace MODEL]... [--deals]
// [--sweep N] -o FILE`: one self-contained HTML file (data, chart code, print CSS, tables) that
// opens offline in any browser. The documents come from the same library calls as `entente
// run`, `trace`, `deals` and `sweep` (BuildReportInput), or from a stored run.
#include <memory>

#include "commands.h"
#include "entente/server/assets.h"
#include "entente/server/report_html.h"
#include "store_cli.h"

namespace entente::cli {

namespace {

struct ReportCliOptions {
  std::string scenario = kDefaultScenario, from, out, title;
  int64_t run = 0;
  web::ReportRequest req;
  uint64_t seed = 0;
  StoreOptions store;
};

// The stored run's scenario and its result document in the slot of its kind.
web::ReportInput FromStore(const ReportCliOptions& o) {
  std::unique_ptr<RunStore> store = OpenRunStore(o.store);
  const std::string id = std::to_string(o.run);
  if (!store) ThrowUsage("--run", id, "needs the run store (drop --no-store / ENTENTE_STORE=none)");
  std::optional<RunRecord> rec = store->Get(o.run);
  if (!rec) ThrowUsage("--run", id, "no such run in " + store->path() + " ('entente runs list')");
  if (rec->result_json.empty())
    ThrowUsage("--run", id, "this run has no result (status " + rec->status + ")");
  web::ReportInput in;
  in.title = o.title;
  in.scenario = WriteScenario(rec->LoadScenario(), ScenarioFormat::kJson);
  if (rec->kind == "run") {
    in.run = rec->result_json;
  } else if (rec->kind == "trace") {
    in.traces.push_back(rec->result_json);
  } else if (rec->kind == "deals") {
    in.deals = rec->result_json;
  } else if (rec->kind == "sweep") {
    in.sweep = rec->result_json;
  } else if (rec->kind == "sensitivity") {
    in.sensitivity = rec->result_json;
  } else {
    ThrowUsage("--run", id, "a run of kind '" + rec->kind + "' has no report");
  }
  return in;
}

void Report(const ReportCliOptions& o, CLI::App* sub) {
  if (!web::HasWebAssets()) {
    ThrowUsage("report", "",
               "this entente was built without the web front end (configure with "
               "-DENTENTE_WEB=ON)");
  }
  web::ReportInput in;
  if (o.run != 0) {
    for (const char* flag : {"scenario", "--model", "--trace", "--deals", "--sweep", "--from"}) {
      if (sub->count(flag) > 0)
        ThrowUsage(flag, "", "--run ID reports a stored run as it is; give it alone");
    }
    in = FromStore(o);
  } else {
    if (sub->count("--sweep") > 0 && o.req.sweep_draws < 1)
      ThrowUsage("--sweep", std::to_string(o.req.sweep_draws), "must be between 1 and 10000000");
    Scenario s = LoadScenarioArg(o.scenario, o.from);
    CancelToken token;
    CancelOnSigint on_sigint(token);
    RunContext ctx;
    ctx.seed = o.seed;
    ctx.cancel = &token;
    web::ReportRequest req = o.req;
    req.title = o.title;
    in = web::BuildReportInput(s, req, ctx);
  }
  Emit(web::HtmlReport(in), o.out);
}

}  // namespace

void AddReportCommand(CLI::App& app, CliState& /*state*/) {
  auto o = std::make_shared<ReportCliOptions>();
  CLI::App* sub = app.add_subcommand(
      "report", "Write a self-contained HTML report (charts and tables) that opens offline");
  sub->add_option("scenario", o->scenario, "a scenario file or a built-in name")
      ->capture_default_str();
  sub->add_option("--run", o->run, "report stored run ID ('entente runs list') instead");
  sub->add_option("-m,--model", o->req.models,
                  "forecast model spec; repeatable; default: every model ('entente models')")
      ->allow_extra_args(false);
  sub->add_option("--trace", o->req.trace_models,
                  "also the round-by-round history of this dynamic model, e.g. eum; repeatable")
      ->allow_extra_args(false);
  sub->add_flag("--deals", o->req.deals, "also the zone of agreement and bargaining solutions");
  sub->add_option("--sweep", o->req.sweep_draws,
                  "also a Monte Carlo sweep of N draws over the models' inputs");
  sub->add_option("--seed", o->seed, "seed of stochastic models and the sweep")
      ->capture_default_str();
  sub->add_option("--title", o->title, "page title (default: the scenario's title)");
  sub->add_option("--from", o->from, "input format: json, yaml, csv, wide-csv, ktab-csv");
  sub->add_option("-o,--out", o->out, "write to FILE (atomically); '-' = standard output")
      ->required();
  AddStoreOptions(sub, o->store);
  sub->callback([o, sub] { Report(*o, sub); });
}

}  // namespace entente::cli
