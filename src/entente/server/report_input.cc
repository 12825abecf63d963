// SPDX-License-Identifier: MIT
// BuildReportInput (report_html.h): the documents of a report, computed as the CLI computes them.
#include <memory>

#include <fmt/format.h>

#include "entente/analysis/deals.h"
#include "entente/io/scenario_io.h"
#include "entente/models/registry.h"
#include "entente/report/deals_report.h"
#include "entente/report/report.h"
#include "entente/report/trace_report.h"
#include "entente/server/report_html.h"
#include "entente/store/sweep_runs.h"
#include "entente/sweep/backend.h"
#include "entente/sweep/summary.h"
#include "entente/sweep/sweep.h"

namespace entente::web {

namespace {

[[noreturn]] void Throw(const std::string& field, const std::string& value,
                        const std::string& message) {
  ValidationReport r;
  r.Add(Location{}, field, value, message);
  throw InvalidInput(std::move(r));
}

}  // namespace

ReportInput BuildReportInput(const Scenario& s, const ReportRequest& req, const RunContext& ctx) {
  constexpr int64_t kMaxDraws = 10'000'000;
  if (req.sweep_draws < 0 || req.sweep_draws > kMaxDraws)
    Throw("sweep", std::to_string(req.sweep_draws),
          fmt::format("must be between 1 and {}", kMaxDraws));
  ReportInput in;
  in.title = req.title;
  in.scenario = WriteScenario(s, ScenarioFormat::kJson);
  ReportOptions ropt;
  ropt.seed = ctx.seed;
  std::vector<ModelResult> results = RunModelSpecs(s, req.models, ctx);
  in.run = DumpJson(RunJson(s, results, ropt));
  for (const std::string& spec : req.trace_models) {
    ModelResult r = RunModelSpecs(s, {spec}, ctx).front();
    if (r.traces.empty())
      Throw("trace", spec, "this model records no trace (only dynamic models do)");
    in.traces.push_back(DumpJson(TraceDocumentJson(s, r, r.traces, ropt)));
  }
  if (req.deals) {
    AgreementSpace space = BuildSpace(s);
    DealsAnalysis d = AnalyseDeals(space, DealsOptions{}, ctx);
    in.deals = DumpJson(DealsJson(space, d, DealsSource{&s, nullptr}));
  }
  if (req.sweep_draws > 0) {
    SweepPlan plan;
    plan.models = req.models;
    plan.draws = req.sweep_draws;
    plan.seed = ctx.seed;
    DrawEvaluator ev(s, plan, ctx.cancel);
    SweepData data(plan.draws, ev.width());
    std::unique_ptr<SweepBackend> backend = MakeThreadBackend(0);
    RunSweep(ev, *backend, ctx, data);
    in.sweep = DumpJson(SweepDocument(ev, Summarize(ev, data), 0));
  }
  return in;
}

}  // namespace entente::web
