// SPDX-License-Identifier: MIT
// The run store (SQLite): open by path, list, read back, export, diff and remove runs, as
// `entente runs ...` does; the documents are the CLI's JSON.
#include <pybind11/numpy.h>

#include <memory>

#include "bind_common.h"
#include "entente/io/scenario_io.h"
#include "entente/report/report.h"
#include "entente/store/run_export.h"
#include "entente/store/run_store.h"

namespace entente::py_bind {

namespace {

using StorePtr = std::shared_ptr<RunStore>;

// The run, or InvalidInput as `entente runs` words it.
RunRecord Get(RunStore& store, int64_t id) {
  std::optional<RunRecord> r = store.Get(id);
  if (!r) {
    ValidationReport rep;
    rep.Add(Location{"", 0, 0, "id"}, "id", std::to_string(id), "no such run in " + store.path());
    throw InvalidInput(rep);
  }
  return *r;
}

// (values [stored draws x width], columns, draw indices) of a sweep.
py::tuple Draws(RunStore& store, int64_t id) {
  RunRecord r = Get(store, id);
  if (r.kind != "sweep") {
    ValidationReport rep;
    rep.Add(Location{"", 0, 0, "id"}, "id", std::to_string(id),
            "run " + std::to_string(id) + " is a " + r.kind + ", not a sweep");
    throw InvalidInput(rep);
  }
  auto params = nlohmann::json::parse(r.params_json, nullptr, false);
  std::vector<std::string> columns;
  if (params.is_object() && params.contains("columns"))
    columns = params["columns"].get<std::vector<std::string>>();
  std::vector<double> values;
  std::vector<int64_t> index;
  int width = static_cast<int>(columns.size());
  {
    py::gil_scoped_release release;
    store.ForEachDrawBlock(id, [&](int64_t first, int64_t count, int w, const double* v) {
      width = w;
      values.insert(values.end(), v, v + count * w);
      for (int64_t k = 0; k < count; ++k) index.push_back(first + k);
    });
  }
  const auto n = static_cast<py::ssize_t>(index.size());
  py::array_t<double> out({n, static_cast<py::ssize_t>(width)});
  std::copy(values.begin(), values.end(), out.mutable_data());
  py::array_t<int64_t> draw(n);
  std::copy(index.begin(), index.end(), draw.mutable_data());
  return py::make_tuple(out, columns, draw);
}

}  // namespace

void BindStore(py::module_& m) {
  py::class_<RunStore, StorePtr>(m, "Store",
                                 "A run store (SQLite file); created when it does not exist.")
      .def(py::init([](const std::string& path) { return std::make_shared<RunStore>(path); }),
           py::arg("path"), py::call_guard<py::gil_scoped_release>())
      .def_static("default_path", &RunStore::DefaultPath,
                  "$XDG_DATA_HOME/entente/runs.sqlite, else ~/.local/share/entente/runs.sqlite")
      .def_property_readonly("path", &RunStore::path)
      .def(
          "list_json",
          [](RunStore& s, int limit, const std::string& kind) {
            std::vector<RunInfo> runs;
            {
              py::gil_scoped_release release;
              runs = s.List(limit, kind);
            }
            return JsonToPython(RunsListJson(s.path(), runs));
          },
          py::arg("limit") = 0, py::arg("kind") = "",
          "The document `entente runs list --format json` prints (newest first; 0 = all).")
      .def(
          "record_json",
          [](RunStore& s, int64_t id, bool draws) {
            nlohmann::ordered_json j;
            {
              py::gil_scoped_release release;
              j = RunRecordJson(s, Get(s, id), draws);
            }
            return JsonToPython(j);
          },
          py::arg("id"), py::arg("draws") = false,
          "The document `entente runs show ID --format json` prints (draws=True: as `runs "
          "export ID FILE.json` writes it).")
      .def(
          "scenario",
          [](RunStore& s, int64_t id) {
            return std::make_shared<Scenario>(Get(s, id).LoadScenario());
          },
          py::arg("id"), "The scenario the run was made on, read back from the store.")
      .def("draws", &Draws, py::arg("id"),
           "A sweep's stored draws: (values [draws x columns], column names, draw indices).")
      .def(
          "export",
          [](RunStore& s, int64_t id, const std::string& file) {
            py::gil_scoped_release release;
            RunRecord r = Get(s, id);
            const bool csv = file.size() > 4 && file.substr(file.size() - 4) == ".csv";
            WriteFileAtomic(file, csv ? DrawsCsv(s, r) : DumpJson(RunRecordJson(s, r, true)));
          },
          py::arg("id"), py::arg("file"),
          "Writes the run to FILE as `entente runs export` does (.csv: a sweep's draws).")
      .def(
          "diff",
          [](RunStore& s, int64_t a, int64_t b, size_t limit) {
            py::gil_scoped_release release;
            return DiffRuns(Get(s, a), Get(s, b), limit);
          },
          py::arg("a"), py::arg("b"), py::arg("limit") = 60,
          "Lines \"path: a -> b\" for what differs (inputs, options, results); [] when they agree.")
      .def(
          "remove",
          [](RunStore& s, const std::vector<int64_t>& ids) {
            py::gil_scoped_release release;
            for (int64_t id : ids) Get(s, id);  // every id must exist before any is removed
            for (int64_t id : ids) s.Remove(id);
            return ids.size();
          },
          py::arg("ids"), "Removes runs and their results; none when any id is unknown.")
      .def(
          "record",
          [](RunStore& s, const std::string& kind, const Scenario& sc,
             const std::vector<std::string>& specs, uint64_t seed, const std::string& result,
             const std::string& params) {
            py::gil_scoped_release release;
            return RecordRun(&s, kind, sc, specs, seed, result, params);
          },
          py::arg("kind"), py::arg("scenario"), py::arg("specs"), py::arg("seed"),
          py::arg("result_json"), py::arg("params_json") = "{}",
          "Records a finished run (status done); returns its id.")
      .def("integrity_check", &RunStore::IntegrityCheck, py::call_guard<py::gil_scoped_release>());
}

}  // namespace entente::py_bind
