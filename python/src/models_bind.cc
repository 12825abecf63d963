// SPDX-License-Identifier: MIT
// Models: the registry's declarations (with docstrings built from them) and running a model.
#include <pybind11/numpy.h>

#include <chrono>
#include <memory>

#include "bind_common.h"
#include "entente/models/registry.h"
#include "entente/report/listing.h"
#include "entente/report/report.h"
#include "entente/store/run_store.h"

namespace entente::py_bind {

namespace {

// A model's result with the scenario and seed it ran on (the JSON report needs both).
struct PyResult {
  std::shared_ptr<Scenario> scenario;
  ModelResult result;
  uint64_t seed = 0;
  int64_t run_id = 0;  // in the store it was recorded in; 0 when not recorded
};

// Records results (of one scenario) as `entente run` does: kind "run", the report document.
int64_t RecordResults(RunStore& store, const std::vector<const PyResult*>& results) {
  if (results.empty()) throw py::value_error("no results to record");
  std::vector<ModelResult> rs;
  std::vector<std::string> specs;
  for (const PyResult* r : results) {
    if (*r->scenario != *results[0]->scenario)
      throw py::value_error("results come from different scenarios");
    rs.push_back(r->result);
    specs.push_back(r->result.spec);
  }
  ReportOptions opt;
  opt.seed = results[0]->seed;
  py::gil_scoped_release release;
  return RecordRun(&store, "run", *results[0]->scenario, specs, opt.seed,
                   DumpJson(RunJson(*results[0]->scenario, rs, opt)));
}

std::string Range(const ParamSpec& p) {
  if (p.type == ParamType::kChoice) {
    std::string out;
    for (const auto& c : p.choices) out += (out.empty() ? "" : ", ") + c;
    return "one of " + out;
  }
  if (p.type != ParamType::kInt && p.type != ParamType::kDouble) return "";
  auto num = [](double v) {
    std::string s = py::str(py::float_(v));
    if (s.size() > 2 && s.substr(s.size() - 2) == ".0") s.resize(s.size() - 2);
    return s;
  };
  bool lo = p.min > -1e299, hi = p.max < 1e299;
  if (lo && hi) return "range " + num(p.min) + ".." + num(p.max);
  if (lo) return ">= " + num(p.min);
  if (hi) return "<= " + num(p.max);
  return "";
}

// The docstring of a model: summary, citation and every declared parameter.
std::string ModelDoc(const ModelInfo& info) {
  std::string d = info.name + ": " + info.summary + "\n";
  if (!info.citation.empty()) d += "\nReference: " + info.citation + "\n";
  if (info.stochastic) d += "\nStochastic: uses the run's seed.\n";
  d += "\nParameters (run(scenario, \"" + info.name + "\", name=value, ...)):\n";
  if (info.params.empty()) d += "    (none)\n";
  for (const ParamSpec& p : info.params) {
    d += "    " + p.name + " (" + std::string(ParamTypeName(p.type));
    d += p.default_value.empty() ? ", optional" : ", default " + p.default_value;
    std::string r = Range(p);
    if (!r.empty()) d += ", " + r;
    d += "): " + p.help + "\n";
  }
  return d;
}

py::dict ParamDict(const ParamSpec& p) {
  py::dict d;
  d["name"] = p.name;
  d["type"] = std::string(ParamTypeName(p.type));
  d["default"] =
      p.default_value.empty() ? py::object(py::none()) : py::object(py::str(p.default_value));
  d["help"] = p.help;
  d["min"] = p.min > -1e299 ? py::object(py::float_(p.min)) : py::object(py::none());
  d["max"] = p.max < 1e299 ? py::object(py::float_(p.max)) : py::object(py::none());
  d["choices"] = p.choices;
  return d;
}

py::dict TraceDict(const Trace& t) {
  py::dict d;
  d["dims"] = t.dims;
  d["actors"] = t.actors;
  d["stopped_by"] = t.stopped_by;
  const size_t nr = t.rounds.size(), na = t.actors.size(), nd = t.dims.size();
  py::array_t<double> pos({nr, na, nd});
  auto w = pos.mutable_unchecked<3>();
  std::vector<int> rounds;
  py::list stats, events;
  for (size_t r = 0; r < nr; ++r) {
    const auto& R = t.rounds[r];
    rounds.push_back(R.round);
    for (size_t a = 0; a < na; ++a)
      for (size_t k = 0; k < nd; ++k)
        w(r, a, k) = a < R.positions.size() && k < R.positions[a].size() ? R.positions[a][k] : NAN;
    py::dict s;
    for (const auto& [name, v] : R.stats) s[py::str(name)] = v;
    for (const auto& [name, v] : R.actor_stats) s[py::str(name)] = v;
    stats.append(s);
    for (const TraceEvent& e : R.events) {
      py::dict ev;
      ev["round"] = R.round;
      ev["actor"] = e.actor;
      ev["counterpart"] = e.counterpart;
      ev["kind"] = e.kind;
      ev["from"] = e.from;
      ev["to"] = e.to;
      ev["value"] = e.value;
      events.append(ev);
    }
  }
  d["rounds"] = rounds;
  d["positions"] = pos;
  d["stats"] = stats;
  d["events"] = events;
  return d;
}

}  // namespace

void BindModels(py::module_& m) {
  m.def(
      "model_infos",
      [] {
        py::list out;
        for (const ModelInfo& info : BuiltinModels().models()) {
          py::dict d;
          d["name"] = info.name;
          d["summary"] = info.summary;
          d["citation"] = info.citation;
          d["stochastic"] = info.stochastic;
          d["multi_issue"] = info.multi_issue;
          py::list params;
          for (const auto& p : info.params) params.append(ParamDict(p));
          d["params"] = params;
          d["doc"] = ModelDoc(info);
          out.append(d);
        }
        return out;
      },
      "Every registered model: name, summary, citation, params (declarations), doc.");
  m.def(
      "models_json", [] { return JsonToPython(ModelsJson(BuiltinModels())); },
      "The model list as `entente models --format json` prints it.");
  m.def(
      "canonical_spec", [](const std::string& spec) { return BuiltinModels().Canonical(spec); },
      py::arg("spec"), "The spec with every parameter filled in; ValidationError when bad.");

  py::class_<PyResult>(m, "_Result")
      .def_property_readonly("spec", [](const PyResult& r) { return r.result.spec; })
      .def_property_readonly("model", [](const PyResult& r) { return r.result.model; })
      .def_readonly("seed", &PyResult::seed)
      .def_readonly("run_id", &PyResult::run_id)
      .def_property_readonly("scenario", [](const PyResult& r) { return r.scenario; })
      .def_property_readonly(
          "forecast_rows",
          [](const PyResult& r) {
            py::list out;
            for (const auto& f : r.result.forecasts) {
              py::dict extra;
              for (const auto& [k, v] : f.extra) extra[py::str(k)] = v;
              out.append(py::make_tuple(f.issue_id, f.ok, f.ok ? f.value : NAN, f.why, extra));
            }
            return out;
          })
      .def_property_readonly("raw_traces", [](const PyResult& r) {
        py::list out;
        for (const auto& t : r.result.traces) out.append(TraceDict(t));
        return out;
      });

  m.def(
      "run_model",
      [](std::shared_ptr<Scenario> s, const std::string& spec, uint64_t seed, py::object progress,
         std::shared_ptr<RunStore> store) {
        auto out = std::make_unique<PyResult>();
        out->scenario = s;
        out->seed = seed;
        RunInterruptible([&](const RunContext& ctx) { out->result = RunModel(*s, spec, ctx); },
                         progress, seed, 0, RunMode::kInline);
        if (store) out->run_id = RecordResults(*store, {out.get()});
        return out;
      },
      py::arg("scenario"), py::arg("spec"), py::arg("seed") = 0, py::arg("progress") = py::none(),
      py::arg("store") = nullptr,
      "Runs one model (spec string) on a scenario with the GIL released; records it in "
      "`store` (a Store) when given.");
  m.def(
      "record_results",
      [](RunStore& store, std::vector<PyResult*> results) {
        int64_t id = RecordResults(store, {results.begin(), results.end()});
        for (PyResult* r : results) r->run_id = id;
        return id;
      },
      py::arg("store"), py::arg("results"),
      "Records results of one scenario as one run (as `entente run` does); returns its id.");
  m.def(
      "_time_run_model",
      [](std::shared_ptr<Scenario> s, const std::string& spec, int n) {
        // Seconds per RunModel call timed in C++ (for python/bench/overhead.py only).
        py::gil_scoped_release release;
        auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < n; ++i) RunModel(*s, spec, {});
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / n;
      },
      py::arg("scenario"), py::arg("spec"), py::arg("n"));
  m.def(
      "run_json",
      [](const std::vector<const PyResult*>& results, bool traces) {
        if (results.empty()) throw py::value_error("run_json needs at least one result");
        std::vector<ModelResult> rs;
        for (const PyResult* r : results) {
          if (*r->scenario != *results[0]->scenario)
            throw py::value_error("run_json: results come from different scenarios");
          rs.push_back(r->result);
        }
        ReportOptions opt;
        opt.seed = results[0]->seed;
        opt.traces = traces;
        return JsonToPython(RunJson(*results[0]->scenario, rs, opt));
      },
      py::arg("results"), py::arg("traces") = false,
      "The JSON document `entente run --format json` prints for these results.");
}

}  // namespace entente::py_bind
