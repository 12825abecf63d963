// SPDX-License-Identifier: MIT
// Sensitivity analysis: the tornado table and "what would flip it", as the document `entente
// sensitivity --format json` prints (the Python layer turns it into tables).
#include <memory>

#include "bind_common.h"
#include "entente/report/report.h"
#include "entente/store/run_store.h"
#include "entente/store/sweep_runs.h"
#include "entente/sweep/sensitivity.h"
#include "entente/sweep/sensitivity_render.h"

namespace entente::py_bind {

namespace {

// Returns (document, run id or 0).
py::tuple Sensitivity(const Scenario& s, const std::string& model, double delta, bool distribution,
                      const std::string& noise, const std::vector<std::string>& thresholds,
                      int flip_steps, uint64_t seed, int threads, py::object progress,
                      std::shared_ptr<RunStore> store) {
  SensitivityOptions opt;
  opt.model = model;
  opt.delta = delta;
  opt.distribution = distribution;
  opt.noise = ParseNoise(noise);
  opt.thresholds = ParseThresholds(thresholds, "thresholds");
  opt.flip_steps = flip_steps;
  opt.seed = seed;
  nlohmann::ordered_json doc;
  RunInterruptible(
      [&](const RunContext& ctx) {
        SensitivityResult r = RunSensitivity(s, opt, ctx);  // reports each input varied
        doc = SensitivityDocument(s, opt, r);
      },
      progress, seed, threads, RunMode::kWatcher);
  int64_t id = 0;
  if (store) {
    py::gil_scoped_release release;
    id = RecordRun(store.get(), "sensitivity", s, {doc["spec"].get<std::string>()}, seed,
                   DumpJson(doc), SensitivityParamsJson(opt).dump());
  }
  return py::make_tuple(JsonToPython(doc), id);
}

}  // namespace

void BindSensitivity(py::module_& m) {
  m.def("sensitivity", &Sensitivity, py::arg("scenario"), py::arg("model") = "compromise",
        py::arg("delta") = 10.0, py::arg("distribution") = false, py::arg("noise") = "",
        py::arg("thresholds") = std::vector<std::string>{}, py::arg("flip_steps") = 16,
        py::arg("seed") = 0, py::arg("threads") = 0, py::arg("progress") = py::none(),
        py::arg("store") = nullptr,
        "One-at-a-time sensitivity; returns (the document `entente sensitivity --format json` "
        "prints, the run id in `store` or 0).");
}

}  // namespace entente::py_bind
