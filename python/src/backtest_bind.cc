// SPDX-License-Identifier: MIT
// Backtests: score models against recorded outcomes (a DEU table or a case library).
#include "bind_common.h"
#include "entente/analysis/backtest.h"
#include "entente/io/capability_option.h"
#include "entente/io/cases.h"
#include "entente/models/registry.h"
#include "entente/report/backtest_report.h"

namespace entente::py_bind {

namespace {

py::object Backtest(const std::string& path, std::vector<std::string> models,
                    const std::string& capability, uint64_t seed, int bootstrap,
                    py::object progress) {
  OutcomeData data = ReadOutcomeDataFile(path);
  BacktestReportOptions ropt;
  ropt.capability = ApplyCapabilityOption(capability, data, "capability");
  BacktestOptions bopt;
  bopt.models = std::move(models);
  if (bopt.models.empty())
    for (const auto& m : BuiltinModels().models()) bopt.models.push_back(m.name);
  bopt.seed = seed;
  bopt.bootstrap_reps = bootstrap;
  BacktestResult r;
  RunInterruptible([&](const RunContext& ctx) { r = RunBacktest(data.set, bopt, ctx); }, progress,
                   seed, 0, RunMode::kWatcher);
  return JsonToPython(BacktestJson(r, ropt));
}

}  // namespace

void BindBacktest(py::module_& m) {
  m.def("backtest", &Backtest, py::arg("path"), py::arg("models") = std::vector<std::string>{},
        py::arg("capability") = "", py::arg("seed") = 0, py::arg("bootstrap") = 2000,
        py::arg("progress") = py::none(),
        "Scores models against recorded outcomes; returns the document `entente backtest "
        "--format json` prints.");
}

}  // namespace entente::py_bind
