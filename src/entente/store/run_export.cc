// SPDX-License-Identifier: MIT
#include "entente/store/run_export.h"

#include <cmath>

#include <fmt/format.h>

#include "entente/core/errors.h"
#include "entente/core/version.h"
#include "entente/report/report.h"

namespace entente {

namespace {

using json = nlohmann::ordered_json;

json Parse(const std::string& text) {
  if (text.empty()) return nullptr;
  json j = json::parse(text, nullptr, false);
  return j.is_discarded() ? json(text) : j;
}

std::vector<std::string> Columns(const RunRecord& r) {
  json p = Parse(r.params_json);
  if (p.is_object() && p.contains("columns")) return p["columns"].get<std::vector<std::string>>();
  return {};
}

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void Diff(const json& a, const json& b, const std::string& path, std::vector<std::string>& out) {
  if (a == b) return;
  if (a.is_object() && b.is_object()) {
    for (auto it = a.begin(); it != a.end(); ++it) {
      Diff(it.value(), b.contains(it.key()) ? b[it.key()] : json(nullptr),
           path + (path.empty() ? "" : ".") + it.key(), out);
    }
    for (auto it = b.begin(); it != b.end(); ++it) {
      if (!a.contains(it.key())) Diff(nullptr, it.value(), path + "." + it.key(), out);
    }
    return;
  }
  if (a.is_array() && b.is_array()) {
    for (size_t k = 0; k < std::max(a.size(), b.size()); ++k) {
      Diff(k < a.size() ? a[k] : json(nullptr), k < b.size() ? b[k] : json(nullptr),
           fmt::format("{}[{}]", path, k), out);
    }
    return;
  }
  auto text = [](const json& j) {
    std::string s = j.is_null() ? "(none)" : j.dump();
    return s.size() > 60 ? s.substr(0, 57) + "..." : s;
  };
  out.push_back(fmt::format("{}: {} -> {}", path, text(a), text(b)));
}

json Comparable(const RunRecord& r) {
  json j;
  j["kind"] = r.kind;
  j["scenario_hash"] = r.scenario_hash;
  j["scenario"] = Parse(r.scenario_json);
  j["specs"] = r.specs;
  j["seed"] = r.seed;
  j["version"] = r.version;
  j["params"] = Parse(r.params_json);
  json result = Parse(r.result_json);
  if (result.is_object()) result.erase("run_id");
  j["result"] = result;
  return j;
}

}  // namespace

json RunRecordJson(RunStore& store, const RunRecord& r, bool with_draws) {
  json j;
  j["entente_json"] = kJsonFormatVersion;
  j["kind"] = "run-record";
  j["version"] = kVersion;
  j["id"] = r.id;
  j["run_kind"] = r.kind;
  j["status"] = r.status;
  j["specs"] = r.specs;
  j["seed"] = r.seed;
  j["entente_version"] = r.version;
  j["started"] = r.started;
  j["finished"] = r.finished.empty() ? json(nullptr) : json(r.finished);
  j["error"] = r.error.empty() ? json(nullptr) : json(r.error);
  j["scenario_id"] = r.scenario_id;
  j["scenario_hash"] = r.scenario_hash;
  j["scenario"] = Parse(r.scenario_json);
  j["params"] = Parse(r.params_json);
  j["result"] = Parse(r.result_json);
  if (with_draws && r.kind == "sweep") {
    json rows = json::array();
    store.ForEachDrawBlock(r.id, [&](int64_t first, int64_t count, int width, const double* v) {
      for (int64_t d = 0; d < count; ++d) {
        json row = json::array({first + d});
        for (int k = 0; k < width; ++k) {
          double x = v[d * width + k];
          row.push_back(std::isnan(x) ? json(nullptr) : json(x));
        }
        rows.push_back(std::move(row));
      }
    });
    j["draws"] = {{"columns", Columns(r)}, {"rows", std::move(rows)}};
  }
  return j;
}

std::string DrawsCsv(RunStore& store, const RunRecord& r) {
  if (r.kind != "sweep") {
    ValidationReport rep;
    rep.Add(Location{"", 0, 0, "runs export"}, "FILE", ".csv",
            fmt::format("run {} is a {}: only a sweep has per-draw results to write as CSV; "
                        "export it as .json",
                        r.id, r.kind));
    throw InvalidInput(std::move(rep));
  }
  std::string out = "draw";
  for (const auto& c : Columns(r)) {
    out += ',';
    out += Csv(c);
  }
  out += "\n";
  store.ForEachDrawBlock(r.id, [&](int64_t first, int64_t count, int width, const double* v) {
    for (int64_t d = 0; d < count; ++d) {
      out += std::to_string(first + d);
      for (int k = 0; k < width; ++k) {
        double x = v[d * width + k];
        out += std::isnan(x) ? std::string(",") : fmt::format(",{}", x);
      }
      out += "\n";
    }
  });
  return out;
}

std::vector<std::string> DiffRuns(const RunRecord& a, const RunRecord& b, size_t limit) {
  std::vector<std::string> all;
  Diff(Comparable(a), Comparable(b), "", all);
  if (all.size() <= limit) return all;
  size_t rest = all.size() - limit;
  all.resize(limit);
  all.push_back(fmt::format("... and {} more difference{}", rest, rest == 1 ? "" : "s"));
  return all;
}

nlohmann::ordered_json RunsListJson(const std::string& store_path,
                                    const std::vector<RunInfo>& runs) {
  auto j = JsonDocument("runs");
  j["store"] = store_path;
  j["runs"] = nlohmann::ordered_json::array();
  for (const auto& r : runs) {
    j["runs"].push_back({{"id", r.id},
                         {"kind", r.kind},
                         {"status", r.Interrupted() ? "interrupted" : r.status},
                         {"started", r.started},
                         {"finished", r.finished},
                         {"scenario", r.scenario_id},
                         {"scenario_hash", r.scenario_hash},
                         {"specs", r.specs},
                         {"seed", r.seed},
                         {"draws", r.draws_stored}});
  }
  return j;
}

}  // namespace entente
