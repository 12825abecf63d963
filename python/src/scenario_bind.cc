// SPDX-License-Identifier: MIT
// Scenarios: read (file, text, built-in), write/convert, inspect as plain rows.
#include <filesystem>

#include "bind_common.h"
#include "catalog.h"
#include "entente/io/scenario_io.h"
#include "entente/report/report.h"

namespace entente::py_bind {

namespace {

ScenarioFormat FormatArg(const std::string& name, const std::string& what) {
  if (auto f = ParseFormatName(name)) return *f;
  ValidationReport r;
  r.Add(Location{"", 0, 0, what}, "format", name,
        "unknown format; allowed: json, yaml, csv, wide-csv, ktab-csv");
  throw InvalidInput(r);
}

std::optional<ScenarioFormat> OptionalFormat(const std::optional<std::string>& name) {
  if (!name) return std::nullopt;
  return FormatArg(*name, "format");
}

py::object OptionalValue(const std::optional<Quantity>& q) {
  return q ? py::object(py::float_(q->value)) : py::object(py::none());
}

// One row per (actor, issue) cell with a position: the long form of the CSV reader.
py::list Rows(const Scenario& s) {
  py::list out;
  for (size_t a = 0; a < s.actors.size(); ++a) {
    for (size_t i = 0; i < s.issues.size(); ++i) {
      const Cell& c = s.At(static_cast<int>(a), static_cast<int>(i));
      if (c.Empty()) continue;
      py::dict d;
      d["actor"] = s.actors[a].id;
      d["issue"] = s.issues[i].id;
      d["capability"] = s.Capability(static_cast<int>(a), static_cast<int>(i));
      d["position"] = OptionalValue(c.position);
      d["salience"] = OptionalValue(c.salience);
      out.append(d);
    }
  }
  return out;
}

}  // namespace

void BindScenarios(py::module_& m) {
  py::class_<Scenario, std::shared_ptr<Scenario>>(
      m, "Scenario", "A validated scenario (actors, issues, cells, sources).")
      .def_readonly("id", &Scenario::id)
      .def_readonly("title", &Scenario::title)
      .def_readonly("description", &Scenario::description)
      .def_readonly("as_of", &Scenario::as_of)
      .def_property_readonly("actors",
                             [](const Scenario& s) {
                               std::vector<std::string> ids;
                               for (const auto& a : s.actors) ids.push_back(a.id);
                               return ids;
                             })
      .def_property_readonly("issues",
                             [](const Scenario& s) {
                               std::vector<std::string> ids;
                               for (const auto& i : s.issues) ids.push_back(i.id);
                               return ids;
                             })
      .def_property_readonly("issue_scales",
                             [](const Scenario& s) {
                               py::dict d;
                               for (const auto& i : s.issues)
                                 d[py::str(i.id)] = py::make_tuple(i.min, i.max);
                               return d;
                             })
      .def_readonly("parties", &Scenario::parties)
      .def("rows", &Rows, "Long-form rows: dicts of actor, issue, capability, position, salience.")
      .def(
          "dumps",
          [](const Scenario& s, const std::string& format, bool allow_loss) {
            return WriteScenario(s, FormatArg(format, "format"), {allow_loss});
          },
          py::arg("format") = "yaml", py::arg("allow_loss") = false,
          "The scenario as text in `format` (json, yaml, csv, ...). Refuses (ValidationError) "
          "when the format cannot hold everything, unless allow_loss=True.")
      .def(
          "save",
          [](const Scenario& s, const std::string& path, std::optional<std::string> format,
             bool allow_loss) {
            std::optional<ScenarioFormat> f =
                format ? std::optional(FormatArg(*format, "format")) : FormatFromPath(path);
            if (!f) FormatArg(std::filesystem::path(path).extension().string(), "path");
            WriteFileAtomic(path, WriteScenario(s, *f, {allow_loss}));
          },
          py::arg("path"), py::arg("format") = py::none(), py::arg("allow_loss") = false,
          "Writes the scenario (atomically); the format comes from the extension unless given.")
      .def(
          "ref", [](const Scenario& s) { return JsonToPython(ScenarioRefJson(s)); },
          "The scenario reference block of the JSON reports.")
      .def("__eq__", [](const Scenario& a, const Scenario& b) { return a == b; })
      .def("__repr__", [](const Scenario& s) {
        return "<entente.Scenario '" + s.id + "': " + std::to_string(s.actors.size()) +
               " actors, " + std::to_string(s.issues.size()) + " issues>";
      });

  m.def(
      "read_file",
      [](const std::string& path, std::optional<std::string> format) {
        return ReadScenarioFile(path, OptionalFormat(format));
      },
      py::arg("path"), py::arg("format") = py::none(),
      "Reads and validates a scenario file (.json, .yaml, .csv; `format` overrides).");
  m.def(
      "read_text",
      [](const std::string& text, const std::string& format, const std::string& name) {
        return ReadScenario(text, FormatArg(format, "format"), name);
      },
      py::arg("text"), py::arg("format"), py::arg("name") = "<string>",
      "Reads and validates scenario text in `format`.");
  m.def(
      "builtin",
      [](const std::string& name) {
        if (auto s = LoadBuiltinScenario(name)) return *s;
        std::string names;
        for (const auto& b : BuiltinScenarioList()) names += (names.empty() ? "" : ", ") + b.name;
        ValidationReport r;
        r.Add(Location{"", 0, 0, "scenario"}, "scenario", name,
              "not a built-in scenario; built-in scenarios: " + names);
        throw InvalidInput(r);
      },
      py::arg("name"), "A built-in scenario by name (see builtin_scenarios()).");
  m.def(
      "builtin_scenarios",
      [] {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& b : BuiltinScenarioList()) out.emplace_back(b.name, b.title);
        return out;
      },
      "(name, title) of every built-in scenario; the default comes first.");
}

}  // namespace entente::py_bind
