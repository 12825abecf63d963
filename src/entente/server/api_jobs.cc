// SPDX-License-Identifier: MIT
// POST /api/jobs (sweep, sensitivity), GET and DELETE /api/jobs/<id>. The options are checked
// and the models built before the job starts, so a bad request gets its 422 at once.
#include <memory>

#include "entente/models/registry.h"
#include "entente/report/report.h"
#include "entente/server/endpoints.h"
#include "entente/server/request.h"
#include "entente/store/sweep_runs.h"
#include "entente/sweep/backend.h"
#include "entente/sweep/sensitivity.h"

namespace entente::server::endpoints {

namespace {

constexpr int64_t kMaxDraws = 10'000'000;    // as the HTML report's sweeps
constexpr int64_t kMaxValues = 100'000'000;  // draws x width: 800 MB of results

// "noise": {"position": 10, ...} or the CLI's text "position=10,salience=5".
Noise NoiseField(const nlohmann::json& body, Fields& f) {
  auto it = body.find("noise");
  if (it == body.end() || it->is_null()) return Noise{};
  if (it->is_string()) return ParseNoise(it->get<std::string>());
  Noise n;
  if (!it->is_object()) {
    f.Problem("noise", it->dump(),
              "must be {\"position\": SD, \"salience\": SD, \"capability\": SD}");
    return n;
  }
  Fields nf(*it, "noise.");
  n.position = nf.Number("position", 0, 1e9).value_or(0);
  n.salience = nf.Number("salience", 0, 1e9).value_or(0);
  n.capability = nf.Number("capability", 0, 1e9).value_or(0);
  for (const auto& [k, v] : it->items()) {
    if (k != "position" && k != "salience" && k != "capability") {
      nf.Problem(k, v.dump(), "unknown noise; use position, salience, capability");
    }
  }
  f.report().Merge(nf.report());
  return n;
}

ApiResponse StartSweep(const nlohmann::json& body, const Context& c) {
  Fields f(body);
  SweepPlan plan;
  plan.models = f.Strings("models");
  plan.draws = f.Integer("draws", 1, kMaxDraws).value_or(1000);
  plan.seed = f.Seed("seed").value_or(0);
  plan.noise = NoiseField(body, f);
  plan.deals = f.Bool("deals").value_or(false);
  plan.deal_step = f.Number("deal_step", 1e-9, 1e9).value_or(5);
  f.Check();
  if (plan.models.empty() && !plan.deals) {  // as /api/run: every model
    for (const auto& info : BuiltinModels().models()) plan.models.push_back(info.name);
  }
  Scenario s = ScenarioField(body);
  JobManager::Pending pending;
  pending.total = static_cast<double>(plan.draws);
  auto ev = std::make_shared<DrawEvaluator>(s, plan, pending.token.get());  // 422 on bad specs
  if (plan.draws * ev->width() > kMaxValues) {
    f.Problem("draws", std::to_string(plan.draws),
              "too many draws for this many models and issues: draws x models x issues must "
              "stay below " +
                  std::to_string(kMaxValues) + " (the results are kept in memory)");
    f.Check();
  }
  const int threads = c.options.threads;
  std::string id =
      c.jobs.Launch("sweep", pending, [ev, threads](const RunContext& ctx, bool& complete) {
        SweepData data(ev->plan().draws, ev->width());
        std::unique_ptr<SweepBackend> backend = MakeThreadBackend(threads);
        complete = RunSweep(*ev, *backend, ctx, data);
        if (data.completed == 0) return std::string();
        return DumpJson(SweepDocument(*ev, Summarize(*ev, data), 0));
      });
  return Json(nlohmann::ordered_json{{"job", id}}, 202);
}

ApiResponse StartSensitivity(const nlohmann::json& body, const Context& c) {
  Fields f(body);
  SensitivityOptions opt;
  opt.model = f.String("model").value_or("compromise");
  opt.delta = f.Number("delta", 1e-9, 1e6).value_or(opt.delta);
  opt.distribution = f.Bool("distribution").value_or(false);
  opt.flip_steps = static_cast<int>(f.Integer("flip_steps", 0, 1000).value_or(opt.flip_steps));
  opt.seed = f.Seed("seed").value_or(0);
  opt.noise = NoiseField(body, f);
  auto th = body.find("threshold");
  if (th == body.end()) th = body.find("thresholds");
  if (th != body.end() && th->is_object()) {  // {"ISSUE": value}
    for (const auto& [issue, v] : th->items()) {
      if (v.is_number()) {
        opt.thresholds.push_back(Threshold{issue, v.get<double>()});
      } else {
        f.Problem("threshold." + issue, v.dump(), "must be a number");
      }
    }
  } else if (th != body.end() && !th->is_null()) {  // ["ISSUE=VALUE", ...] as on the CLI
    try {
      opt.thresholds = ParseThresholds(f.Strings(th.key()), th.key());
    } catch (const InvalidInput& e) {
      f.report().Merge(e.report());
    }
  }
  f.Check();
  Scenario s = ScenarioField(body);
  BuiltinModels().Create(opt.model);  // 422 now for a bad spec
  JobManager::Pending pending;
  pending.total = 1;
  const int threads = c.options.threads;
  std::string id = c.jobs.Launch("sensitivity", pending,
                                 [s, opt, threads](const RunContext& ctx, bool& complete) {
                                   RunContext run = ctx;
                                   run.threads = threads;
                                   run.seed = opt.seed;
                                   ctx.Report(0, 1, "sensitivity");
                                   SensitivityResult r = RunSensitivity(s, opt, run);
                                   ctx.Report(1, 1, "sensitivity");
                                   complete = true;
                                   return DumpJson(SensitivityDocument(s, opt, r));
                                 });
  return Json(nlohmann::ordered_json{{"job", id}}, 202);
}

}  // namespace

nlohmann::ordered_json JobJson(const JobSnapshot& j) {
  nlohmann::ordered_json out;
  out["job"] = j.id;
  out["kind"] = j.kind;
  out["status"] = j.status;
  out["done"] = static_cast<int64_t>(j.done);
  out["total"] = static_cast<int64_t>(j.total);
  auto doc = j.result.empty() ? nlohmann::ordered_json(nullptr)
                              : nlohmann::ordered_json::parse(j.result, nullptr, false);
  out["result"] = j.status == "done" ? doc : nlohmann::ordered_json(nullptr);
  if (j.status == "cancelled") out["partial"] = doc;
  if (j.status == "failed") out["error"] = j.error;
  return out;
}

ApiResponse StartJob(const nlohmann::json& body, const Context& c) {
  Fields f(body);
  std::string kind = f.String("kind").value_or("");
  if (kind == "sweep") return StartSweep(body, c);
  if (kind == "sensitivity") return StartSensitivity(body, c);
  f.Problem("kind", kind, "must be \"sweep\" or \"sensitivity\"");
  f.Check();
  return {};
}

ApiResponse JobStatus(const std::string& id, const Context& c) {
  std::optional<JobSnapshot> j = c.jobs.Get(id);
  if (!j) throw ApiError(404, "no job '" + id + "'");
  return Json(JobJson(*j));
}

ApiResponse CancelJob(const std::string& id, const Context& c) {
  if (!c.jobs.Cancel(id)) throw ApiError(404, "no job '" + id + "'");
  return Json(JobJson(*c.jobs.Get(id)), 202);
}

}  // namespace entente::server::endpoints
