// SPDX-License-Identifier: MIT
#include "entente/io/cases.h"

#include <cmath>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "entente/core/validate.h"
#include "entente/io/document.h"
#include "entente/io/formats.h"
#include "entente/io/scenario_io.h"
#include "entente/io/schema.h"
#include "entente/io/table_text.h"

namespace entente {

namespace {

using io::Value;

class CasesReader {
 public:
  CasesReader(const std::string& file, const std::string& base_dir)
      : file_(file), base_dir_(base_dir) {}

  CaseSet Read(const Value& doc) {
    CaseSet set;
    set.name = file_;
    if (doc.kind != Value::Kind::kObject) {
      Bad(doc, "", "document", "must be an object with entente_cases and cases");
      Throw();
    }
    Keys(doc, "", {"entente_cases", "name", "baseline_actor", "cases"});
    const Value* version = doc.Find("entente_cases");
    if (!version) {
      Missing(doc, "", "entente_cases", "the format version (1)");
    } else if (version->kind != Value::Kind::kNumber || version->number != 1) {
      Bad(*version, "entente_cases", "entente_cases", "must be 1 (the format version)");
    }
    if (const Value* n = doc.Find("name")) set.name = String(*n, "name", "name");
    if (const Value* b = doc.Find("baseline_actor")) {
      set.baseline_actor = String(*b, "baseline_actor", "baseline_actor");
    }
    const Value* cases = doc.Find("cases");
    if (!cases) {
      Missing(doc, "", "cases", "the list of cases");
    } else if (cases->kind != Value::Kind::kArray || cases->items.empty()) {
      Bad(*cases, "cases", "cases", "must be a non-empty list of cases");
    } else {
      std::set<std::string> ids;
      for (size_t k = 0; k < cases->items.size(); ++k) {
        Case(cases->items[k], fmt::format("cases[{}]", k), ids, set);
      }
    }
    Throw();
    return set;
  }

 private:
  void Throw() {
    if (!report_.ok()) throw InvalidInput(std::move(report_));
  }
  Location At(const Value& v, const std::string& path) const {
    return Location{file_, v.line, v.column, path};
  }
  void Bad(const Value& v, const std::string& path, const std::string& field,
           const std::string& message) {
    report_.Add(At(v, path), field, io::Shown(v), message);
  }
  void Missing(const Value& obj, const std::string& path, const std::string& key,
               const std::string& what) {
    report_.Add(At(obj, path), key, "", fmt::format("missing: give {}", what));
  }
  void Keys(const Value& obj, const std::string& path, const std::vector<std::string>& allowed) {
    for (const auto& m : obj.members) {
      if (std::find(allowed.begin(), allowed.end(), m.key) != allowed.end()) continue;
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      report_.Add(Location{file_, m.line, m.column, path.empty() ? m.key : path + "." + m.key},
                  m.key, "", "unknown key; allowed: " + list);
    }
  }
  std::string String(const Value& v, const std::string& path, const std::string& field) {
    if (!v.IsStringLike()) Bad(v, path, field, "must be a string");
    return v.text;
  }

  void Case(const Value& v, const std::string& path, std::set<std::string>& ids, CaseSet& set) {
    if (v.kind != Value::Kind::kObject) {
      Bad(v, path, "case", "must be an object with id, scenario and outcomes");
      return;
    }
    Keys(v, path,
         {"id", "year", "groups", "scenario", "scenario_file", "outcomes", "reference_points"});
    OutcomeCase oc;
    oc.origin = fmt::format("{}:{}", file_, v.line);
    if (const Value* id = v.Find("id")) {
      oc.id = String(*id, path + ".id", "id");
      if (oc.id.empty()) Bad(*id, path + ".id", "id", "must not be empty");
      if (!oc.id.empty() && !ids.insert(oc.id).second) {
        Bad(*id, path + ".id", "id", "case id repeated; each case needs its own id");
      }
    } else {
      Missing(v, path, "id", "a case id");
    }
    if (const Value* y = v.Find("year")) {
      if (y->kind != Value::Kind::kNumber || y->number != std::floor(y->number) ||
          std::fabs(y->number) > 1e6) {
        Bad(*y, path + ".year", "year", "must be an integer year such as 2004");
      } else {
        oc.year = static_cast<int>(y->number);
      }
    }
    if (const Value* g = v.Find("groups")) {
      if (g->kind != Value::Kind::kObject) {
        Bad(*g, path + ".groups", "groups", "must be an object of group name: value");
      } else {
        for (const auto& m : g->members) {
          oc.groups.emplace_back(m.key, String(m.value, path + ".groups." + m.key, m.key));
        }
      }
    }
    if (!ReadScenarioOf(v, path, oc.scenario)) return;
    const size_t n = oc.scenario.issues.size();
    oc.outcome.assign(n, std::nullopt);
    oc.reference_point.assign(n, std::nullopt);
    for (size_t i = 0; i < n; ++i) {
      if (oc.scenario.issues[i].no_deal)
        oc.reference_point[i] = oc.scenario.issues[i].no_deal->value;
    }
    const Value* out = v.Find("outcomes");
    if (!out) {
      Missing(v, path, "outcomes", "the recorded outcome of at least one issue");
    } else {
      IssueValues(*out, path + ".outcomes", oc.scenario, oc.outcome, true);
    }
    if (const Value* rp = v.Find("reference_points")) {
      IssueValues(*rp, path + ".reference_points", oc.scenario, oc.reference_point, false);
    }
    set.cases.push_back(std::move(oc));
  }

  // Reads `scenario` (embedded) or `scenario_file`; false when no scenario could be built.
  bool ReadScenarioOf(const Value& v, const std::string& path, Scenario& out) {
    const Value* inline_s = v.Find("scenario");
    const Value* file = v.Find("scenario_file");
    if (inline_s && file) {
      Bad(*file, path + ".scenario_file", "scenario_file",
          "give either scenario or scenario_file, not both");
      return false;
    }
    if (!inline_s && !file) {
      Missing(v, path, "scenario", "the case's scenario (scenario: {...} or scenario_file: PATH)");
      return false;
    }
    const std::string prefix = path + ".scenario";
    ValidationReport sub;
    bool built = false;
    try {
      if (file) {
        std::string rel = String(*file, path + ".scenario_file", "scenario_file");
        std::filesystem::path p(rel);
        if (p.is_relative() && !base_dir_.empty()) p = std::filesystem::path(base_dir_) / p;
        out = ReadScenarioFile(p.string());
        return true;
      }
      LocationMap where(file_);
      if (io::ScenarioSchema().Validate(*inline_s, file_, sub)) {
        out = io::ScenarioFromDocument(*inline_s, file_, where, sub);
        built = true;  // outcomes can be checked against it even if it has problems
        ValidateScenario(out, where, sub);
      }
    } catch (const InvalidInput& e) {
      sub.Merge(e.report());
    }
    for (Problem p : sub.problems()) {
      if (!file && p.where.file == file_) {
        p.where.path = p.where.path.empty() ? prefix : prefix + "." + p.where.path;
      }
      report_.Add(std::move(p));
    }
    return built;
  }

  // {issue_id: value, ...}: a number on the issue's scale, or an option name.
  void IssueValues(const Value& obj, const std::string& path, const Scenario& s,
                   std::vector<std::optional<double>>& into, bool need_one) {
    if (obj.kind != Value::Kind::kObject || (need_one && obj.members.empty())) {
      Bad(obj, path, path.substr(path.rfind('.') + 1),
          "must be an object of issue id: value with at least one issue");
      return;
    }
    for (const auto& m : obj.members) {
      const std::string p = path + "." + m.key;
      int i = s.IssueIndex(m.key);
      if (i < 0) {
        std::vector<std::string> ids;
        for (const auto& is : s.issues) ids.push_back(is.id);
        report_.Add(Location{file_, m.line, m.column, p}, "issue", m.key,
                    "unknown issue id; the scenario's issues: " + io::ListIds(ids));
        continue;
      }
      const Issue& is = s.issues[i];
      const Value& val = m.value;
      if (val.kind == Value::Kind::kString || (val.plain && val.kind != Value::Kind::kNumber)) {
        auto it = std::find(is.options.begin(), is.options.end(), val.text);
        if (it == is.options.end()) {
          Bad(val, p, m.key,
              is.HasOptions() ? "must be a number on the issue's scale or one of its options: " +
                                    io::ListIds(is.options)
                              : "must be a number on the issue's scale");
        } else {
          into[i] = static_cast<double>(it - is.options.begin());
        }
      } else if (val.kind != Value::Kind::kNumber || !std::isfinite(val.number)) {
        Bad(val, p, m.key, "must be a number on the issue's scale");
      } else if (val.number < is.min || val.number > is.max) {
        Bad(val, p, m.key,
            fmt::format("must be between {} and {} (the issue's scale)", FormatValue(is.min),
                        FormatValue(is.max)));
      } else {
        into[i] = val.number;
      }
    }
  }

  std::string file_;
  std::string base_dir_;
  ValidationReport report_;
};

std::string Extension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace

CaseSet ReadCases(std::string_view text, CasesFormat format, const std::string& name,
                  const std::string& base_dir) {
  Value doc = format == CasesFormat::kJson ? io::ParseJson(text, name) : io::ParseYaml(text, name);
  return CasesReader(name, base_dir).Read(doc);
}

CaseSet ReadCasesFile(const std::string& path) {
  const std::string ext = Extension(path);
  const CasesFormat f = ext == ".json" ? CasesFormat::kJson : CasesFormat::kYaml;
  return ReadCases(ReadTextFile(path), f, path, std::filesystem::path(path).parent_path().string());
}

OutcomeData ReadOutcomeDataFile(const std::string& path) {
  const std::string ext = Extension(path);
  if (ext == ".json" || ext == ".yaml" || ext == ".yml")
    return OutcomeData{ReadCasesFile(path), {}};
  if (ext == ".tsv" || ext == ".csv" || ext == ".tab" || ext == ".txt") {
    DeuTable t = ReadDeuFile(path);
    return OutcomeData{std::move(t.set), t.summary};
  }
  ValidationReport r;
  r.Add(Location{path, 0, 0, ""}, "dataset", path,
        "unknown extension; a case library is .json, .yaml or .yml, a DEU table .tsv, .csv, .tab "
        "or .txt");
  throw InvalidInput(std::move(r));
}

}  // namespace entente
