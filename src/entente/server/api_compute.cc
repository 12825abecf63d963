// SPDX-License-Identifier: MIT
// The computing endpoints: run, trace, deals, report (synchronous, under the time limit).
#include <algorithm>
#include <memory>

#include "entente/analysis/deals.h"
#include "entente/io/genius.h"
#include "entente/io/scenario_io.h"
#include "entente/models/registry.h"
#include "entente/report/deals_report.h"
#include "entente/report/report.h"
#include "entente/report/trace_report.h"
#include "entente/server/endpoints.h"
#include "entente/server/report_html.h"
#include "entente/server/request.h"
#include "entente/store/run_store.h"

namespace entente::server::endpoints {

namespace {

RunContext Ctx(const Context& c, uint64_t seed) {
  RunContext ctx;
  ctx.seed = seed;
  ctx.cancel = &c.cancel;
  return ctx;
}

ApiResponse Html(std::string html) {
  return ApiResponse{200, "text/html; charset=utf-8", std::move(html)};
}

// The report of stored run `id`: its scenario and its result document.
web::ReportInput StoredReport(const std::string& id, const Context& c) {
  if (c.options.store_path.empty()) throw ApiError(404, "no run store is open");
  RunStore store(c.options.store_path);
  int64_t n = 0;
  try {
    n = std::stoll(id);
  } catch (const std::exception&) {
    throw ApiError(404, "no run '" + id + "' in " + store.path());
  }
  std::optional<RunRecord> r = store.Get(n);
  if (!r) throw ApiError(404, "no run " + id + " in " + store.path());
  if (r->result_json.empty()) throw ApiError(422, "run " + id + " has no result yet");
  web::ReportInput in;
  in.scenario = WriteScenario(r->LoadScenario(), ScenarioFormat::kJson);
  if (r->kind == "run") in.run = r->result_json;
  if (r->kind == "trace") in.traces.push_back(r->result_json);
  if (r->kind == "deals") in.deals = r->result_json;
  if (r->kind == "sweep") in.sweep = r->result_json;
  if (r->kind == "sensitivity") in.sensitivity = r->result_json;
  return in;
}

}  // namespace

ApiResponse Run(const nlohmann::json& body, const Context& c) {
  Fields f(body);
  std::vector<std::string> models = f.Strings("models");
  uint64_t seed = f.Seed("seed").value_or(0);
  bool traces = f.Bool("traces").value_or(false);
  f.Check();
  Scenario s = ScenarioField(body);
  std::vector<ModelResult> results = RunModelSpecs(s, models, Ctx(c, seed));
  ReportOptions ropt;
  ropt.seed = seed;
  ropt.traces = traces;
  return Json(RunJson(s, results, ropt));
}

ApiResponse Trace(const nlohmann::json& body, const Context& c) {
  Fields f(body);
  std::optional<std::string> model = f.String("model");
  std::string issue = f.String("issue").value_or("");
  uint64_t seed = f.Seed("seed").value_or(0);
  if (!model) f.Problem("model", "", "a model spec is required, e.g. \"eum\"");
  f.Check();
  Scenario s = ScenarioField(body);
  if (!issue.empty() && s.IssueIndex(issue) < 0) {
    std::string ids;
    for (const auto& is : s.issues) ids += (ids.empty() ? "" : ", ") + is.id;
    f.Problem("issue", issue, "unknown issue; issues: " + ids);
    f.Check();
  }
  ModelResult r = RunModelSpecs(s, {*model}, Ctx(c, seed)).front();
  if (r.traces.empty()) {
    f.Problem("model", *model, "this model records no trace (only dynamic models do)");
    f.Check();
  }
  std::vector<::entente::Trace> traces = TracesInvolving(r.traces, issue);  // as --issue
  ReportOptions ropt;
  ropt.seed = seed;
  return Json(TraceDocumentJson(s, r, traces, ropt));
}

ApiResponse Deals(const nlohmann::json& body, const Context& c) {
  Fields f(body);
  PositionalOptions popt;
  popt.parties = f.Strings("parties");
  popt.step = f.Number("step", 1e-9, 1e9).value_or(5);
  std::string loss = f.String("loss").value_or(f.String("utility").value_or("linear"));
  if (loss != "linear" && loss != "quadratic") {
    f.Problem("loss", loss, "must be linear or quadratic");
  }
  popt.loss = loss == "quadratic" ? Loss::kQuadratic : Loss::kLinear;
  DealsOptions dopt;
  dopt.zone.samples = static_cast<int>(f.Integer("samples", 0, 1000).value_or(5));
  uint64_t seed = f.Seed("seed").value_or(0);
  std::optional<nlohmann::json> genius_req = f.Object("genius");
  f.Check();
  std::optional<Scenario> scenario;
  std::optional<GeniusImport> genius;
  AgreementSpace space;
  if (genius_req) {
    Fields g(*genius_req, "genius.");
    std::optional<std::string> domain = g.String("domain");
    std::vector<std::string> profiles = g.Strings("profiles");
    if (!domain) g.Problem("domain", "", "the GENIUS domain XML text is required");
    if (profiles.size() < 2) g.Problem("profiles", "", "at least two profile XML texts");
    g.Check();
    std::vector<NamedXml> named;
    for (size_t k = 0; k < profiles.size(); ++k) {
      named.push_back(NamedXml{"profile " + std::to_string(k + 1), profiles[k]});
    }
    genius = ReadGeniusXml(NamedXml{"domain", *domain}, named);
    space = genius->space;
  } else {
    scenario = ScenarioField(body);
    // "costs": a number (every party) or {"PARTY": cost}.
    ValidationReport problems;
    if (auto it = body.find("costs"); it != body.end() && !it->is_null()) {
      std::vector<std::string> ids = popt.parties;
      if (ids.empty()) {
        for (int a : scenario->PartyIndices()) ids.push_back(scenario->actors[a].id);
      }
      if (it->is_number()) {
        for (const auto& p : ids) popt.no_agreement_cost[p] = it->get<double>();
      } else if (it->is_object()) {
        for (const auto& [k, v] : it->items()) {
          if (v.is_number()) {
            popt.no_agreement_cost[k] = v.get<double>();
          } else {
            problems.Add(Location{"", 0, 0, "costs." + k}, "costs", v.dump(), "must be a number");
          }
        }
      } else {
        problems.Add(Location{"", 0, 0, "costs"}, "costs", it->dump(),
                     "must be a number (every party) or an object {\"PARTY\": cost}");
      }
    }
    try {
      space = BuildSpace(*scenario, popt);
    } catch (const InvalidInput& e) {
      problems.Merge(e.report());
    }
    if (!problems.ok()) throw InvalidInput(problems);
  }
  DealsAnalysis d = AnalyseDeals(space, dopt, Ctx(c, seed));
  DealsSource src{scenario ? &*scenario : nullptr, genius ? &*genius : nullptr};
  return Json(DealsJson(space, d, src));
}

ApiResponse Report(const nlohmann::json& body, const Context& c) {
  Fields f(body);
  if (f.Has("run")) {
    const nlohmann::json& id = body["run"];
    return Html(
        web::HtmlReport(StoredReport(id.is_string() ? id.get<std::string>() : id.dump(), c)));
  }
  web::ReportRequest req;
  req.models = f.Strings("models");
  req.trace_models = f.Strings("trace_models");
  req.deals = f.Bool("deals").value_or(false);
  req.title = f.String("title").value_or("");
  uint64_t seed = f.Seed("seed").value_or(0);
  if (auto it = body.find("sweep"); it != body.end() && !it->is_null()) {
    if (it->is_object()) {
      Fields sw(*it, "sweep.");
      req.sweep_draws = sw.Integer("draws", 1, 10'000'000).value_or(1000);
      f.report().Merge(sw.report());
    } else {
      req.sweep_draws = f.Integer("sweep", 1, 10'000'000).value_or(0);
    }
  }
  f.Check();
  Scenario s = ScenarioField(body);
  return Html(web::HtmlReport(web::BuildReportInput(s, req, Ctx(c, seed))));
}

}  // namespace entente::server::endpoints
