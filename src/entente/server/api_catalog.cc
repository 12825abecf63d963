// SPDX-License-Identifier: MIT
// The catalog and scenario-file endpoints: version, models, scenarios, validate, import, export.
#include <map>
#include <memory>

#include "entente/io/genius.h"
#include "entente/io/scenario_io.h"
#include "entente/models/registry.h"
#include "entente/report/listing.h"
#include "entente/report/report.h"
#include "entente/server/endpoints.h"
#include "entente/server/request.h"
#include "entente/store/run_store.h"
#include "scenarios/catalog.h"

namespace entente::server::endpoints {

ApiResponse Version() { return Json(JsonDocument("version")); }

ApiResponse Models() { return Json(ModelsJson(BuiltinModels())); }

ApiResponse Scenarios(const Context& c) {
  auto j = JsonDocument("scenarios");
  j["scenarios"] = nlohmann::ordered_json::array();
  for (const auto& b : BuiltinScenarioList()) {
    j["scenarios"].push_back({{"name", b.name}, {"title", b.title}});
  }
  if (!c.options.store_path.empty()) {
    // The scenarios of the stored runs: the newest run of each, by scenario id.
    RunStore store(c.options.store_path);
    std::map<std::string, bool> seen;
    auto stored = nlohmann::ordered_json::array();
    for (const RunInfo& r : store.List(0, "")) {
      if (seen[r.scenario_id]) continue;
      seen[r.scenario_id] = true;
      stored.push_back({{"name", r.scenario_id},
                        {"run", r.id},
                        {"scenario_hash", r.scenario_hash},
                        {"started", r.started}});
    }
    j["stored"] = stored;
  }
  return Json(j);
}

ApiResponse ScenarioByName(const std::string& name) {
  std::optional<Scenario> s = LoadBuiltinScenario(name);
  if (!s) throw ApiError(404, "no built-in scenario named '" + name + "'");
  nlohmann::ordered_json j;
  j["name"] = name;
  j["scenario"] = ScenarioDocument(*s);
  return Json(j);
}

ApiResponse Validate(const nlohmann::json& body) {
  nlohmann::ordered_json j;
  try {
    ScenarioField(body);
    j["ok"] = true;
    j["problems"] = nlohmann::ordered_json::array();
  } catch (const InvalidInput& e) {
    j["ok"] = false;
    j["problems"] = ProblemsJson(e.report());
  }
  return Json(j);
}

ApiResponse Import(const nlohmann::json& body) {
  Fields f(body);
  std::string format = f.String("format").value_or("");
  std::optional<std::string> text = f.String("text");
  std::string name = f.String("name").value_or("upload");
  if (!text) f.Problem("text", "", "the file's text is required");
  if (format == "genius") {
    f.Problem("format", format,
              "a GENIUS domain is an agreement space, not a scenario: analyse it with "
              "POST /api/deals {\"genius\": {\"domain\": TEXT, \"profiles\": [TEXT, ...]}}");
  } else if (!ParseFormatName(format)) {
    f.Problem("format", format, "must be one of: json, yaml, csv, wide-csv, ktab-csv");
  }
  f.Check();
  Scenario s = ReadScenario(*text, *ParseFormatName(format), name);
  nlohmann::ordered_json j;
  j["scenario"] = ScenarioDocument(s);
  return Json(j);
}

ApiResponse Export(const nlohmann::json& body) {
  Fields f(body);
  std::string format = f.String("format").value_or("json");
  bool lossy = f.Bool("lossy").value_or(false);
  std::optional<ScenarioFormat> to = ParseFormatName(format);
  if (!to) f.Problem("format", format, "must be one of: json, yaml, csv, wide-csv, ktab-csv");
  f.Check();
  Scenario s = ScenarioField(body);
  nlohmann::ordered_json j;
  j["text"] = WriteScenario(s, *to, WriteOptions{.allow_loss = lossy});
  const char* ext = *to == ScenarioFormat::kJson      ? ".json"
                    : *to == ScenarioFormat::kYaml    ? ".yaml"
                    : *to == ScenarioFormat::kKtabCsv ? "-ktab.csv"
                    : *to == ScenarioFormat::kWideCsv ? "-wide.csv"
                                                      : ".csv";
  j["filename"] = (s.id.empty() ? std::string("scenario") : s.id) + ext;
  return Json(j);
}

}  // namespace entente::server::endpoints
