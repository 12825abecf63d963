// SPDX-License-Identifier: MIT
// Agreement space (deals) and Monte Carlo sweeps. Results as the CLI's JSON documents (dicts)
// plus, for sweeps, the draws as one numpy array (no per-draw Python object).
#include <pybind11/numpy.h>

#include <map>
#include <optional>

#include "bind_common.h"
#include "entente/analysis/deals.h"
#include "entente/report/deals_report.h"
#include "entente/report/report.h"
#include "entente/store/block_writer.h"
#include "entente/store/run_store.h"
#include "entente/store/sweep_runs.h"
#include "entente/sweep/render.h"
#include "entente/sweep/summary.h"
#include "entente/sweep/sweep.h"

namespace entente::py_bind {

namespace {

using StorePtr = std::shared_ptr<RunStore>;

// Returns (document, run id or 0).
py::tuple Deals(const Scenario& s, const std::vector<std::string>& parties, double step,
                const std::string& loss, const std::map<std::string, double>& costs, int samples,
                uint64_t seed, py::object progress, StorePtr store) {
  if (loss != "linear" && loss != "quadratic") {
    ValidationReport r;
    r.Add(Location{"", 0, 0, "loss"}, "loss", loss, "must be linear or quadratic");
    throw InvalidInput(r);
  }
  if (samples < 0 || samples > 1000) {
    ValidationReport r;
    r.Add(Location{"", 0, 0, "samples"}, "samples", std::to_string(samples),
          "must be between 0 and 1000");
    throw InvalidInput(r);
  }
  PositionalOptions popt;
  popt.parties = parties;
  popt.step = step;
  popt.loss = loss == "quadratic" ? Loss::kQuadratic : Loss::kLinear;
  popt.no_agreement_cost = costs;
  AgreementSpace space = BuildSpace(s, popt);
  DealsOptions dopt;
  dopt.zone.samples = samples;
  DealsAnalysis d;
  RunInterruptible([&](const RunContext& ctx) { d = AnalyseDeals(space, dopt, ctx); }, progress,
                   seed, 0, RunMode::kWatcher);
  DealsSource src{&s, nullptr};
  auto doc = DealsJson(space, d, src);
  int64_t id = 0;
  if (store) {
    nlohmann::json params = {{"parties", parties}, {"costs", costs}, {"genius", ""},
                             {"samples", samples}, {"step", step},   {"loss", loss}};
    py::gil_scoped_release release;
    id = RecordRun(store.get(), "deals", s, {space.utility_model}, seed, DumpJson(doc),
                   params.dump());
  }
  return py::make_tuple(JsonToPython(doc), id);
}

py::tuple Sweep(const Scenario& s, const std::vector<std::string>& models, int64_t draws,
                uint64_t seed, const std::string& noise, int threads, bool deals, double deal_step,
                py::object progress, StorePtr store) {
  if (draws < 1 || draws > 1'000'000'000) {
    ValidationReport r;
    r.Add(Location{"", 0, 0, "draws"}, "draws", std::to_string(draws),
          "must be between 1 and 1000000000");
    throw InvalidInput(r);
  }
  SweepPlan plan{models, draws, seed, ParseNoise(noise), deals, deal_step};
  std::unique_ptr<DrawEvaluator> ev;
  std::unique_ptr<SweepData> data;
  bool complete = false;
  int64_t id = 0;
  RunInterruptible(
      [&](const RunContext& ctx) {
        ev = std::make_unique<DrawEvaluator>(s, plan, ctx.cancel);
        data = std::make_unique<SweepData>(plan.draws, ev->width());
        auto backend = MakeThreadBackend(ctx.threads);
        if (store) id = BeginSweepRun(*store, *ev);
        std::optional<BlockWriter> writer;  // stores blocks on its own thread
        if (store) writer.emplace(*store, id);
        try {
          complete = RunSweep(*ev, *backend, ctx, *data, writer ? writer->Sink() : BlockDone{});
          if (writer) writer->Close();
        } catch (const std::exception& e) {
          writer.reset();
          if (store) store->Finish(id, "failed", "", e.what());
          throw;
        }
        if (store && !complete) {  // as `entente sweep` records a Ctrl-C: resumable
          store->Finish(id, "cancelled",
                        data->completed ? DumpJson(SweepDocument(*ev, Summarize(*ev, *data), id))
                                        : std::string());
        }
        if (!complete) ctx.CheckCancelled();
      },
      progress, seed, threads, RunMode::kWatcher);
  // Column names: "<spec>/<issue>" per model and issue, then the deal columns.
  std::vector<std::string> columns;
  for (const auto& spec : ev->specs())
    for (const auto& issue : s.issues) columns.push_back(spec + "/" + issue.id);
  if (deals) {
    columns.push_back("deals/zone_nonempty");  // 1 non-empty, 0 empty, NaN: no space
    for (const auto& issue : s.issues) columns.push_back("deals/nash/" + issue.id);
  }
  const int w = ev->width();
  py::array_t<double> values({static_cast<py::ssize_t>(data->draws), static_cast<py::ssize_t>(w)});
  std::copy(data->values.begin(), data->values.end(), values.mutable_data());
  auto doc = SweepDocument(*ev, Summarize(*ev, *data), id);
  if (store) {
    py::gil_scoped_release release;
    store->Finish(id, "done", DumpJson(doc));
  }
  return py::make_tuple(values, columns, JsonToPython(doc), ev->specs(), id);
}

}  // namespace

void BindAnalysis(py::module_& m) {
  m.def("deals", &Deals, py::arg("scenario"), py::arg("parties") = std::vector<std::string>{},
        py::arg("step") = 5.0, py::arg("loss") = "linear",
        py::arg("costs") = std::map<std::string, double>{}, py::arg("samples") = 5,
        py::arg("seed") = 0, py::arg("progress") = py::none(), py::arg("store") = nullptr,
        "Agreement-space analysis; returns (the document `entente deals --format json` prints, "
        "the run id in `store` or 0).");
  m.def("sweep", &Sweep, py::arg("scenario"), py::arg("models") = std::vector<std::string>{},
        py::arg("draws") = 1000, py::arg("seed") = 0, py::arg("noise") = "", py::arg("threads") = 0,
        py::arg("deals") = false, py::arg("deal_step") = 5.0, py::arg("progress") = py::none(),
        py::arg("store") = nullptr,
        "Monte Carlo sweep; returns (draws array [draws x columns], column names, summary "
        "document as `entente sweep --format json` prints it, canonical specs, run id in "
        "`store` or 0). With a store the draws are recorded block by block, as the CLI does.");
}

}  // namespace entente::py_bind
