// SPDX-License-Identifier: MIT
// Reading API request bodies: the JSON object, the scenario in it, and typed options, every
// problem collected (path = the JSON field, e.g. "models[1]") and thrown together.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "entente/core/errors.h"
#include "entente/core/scenario.h"

namespace entente::server {

// The body as a JSON object; throws ApiError 400 ("malformed JSON: ..." or "the request body
// must be a JSON object").
nlohmann::json ParseBody(const std::string& body);

// body["scenario"] read as a scenario JSON document (the file format): ApiError 400 when
// missing or not an object, InvalidInput (-> 422) when it is not a valid scenario.
Scenario ScenarioField(const nlohmann::json& body);

// The scenario JSON document (file format) of `s`, as JSON.
nlohmann::json ScenarioDocument(const Scenario& s);

// Typed optional fields of one JSON object; a wrong type or value is added to the report, and
// Check() throws InvalidInput (-> 422) with every problem.
class Fields {
 public:
  explicit Fields(const nlohmann::json& object, std::string prefix = "")
      : obj_(object), prefix_(std::move(prefix)) {}
  bool Has(const std::string& key) const;
  std::optional<std::string> String(const std::string& key);
  std::optional<double> Number(const std::string& key, double min, double max);
  std::optional<int64_t> Integer(const std::string& key, int64_t min, int64_t max);
  std::optional<uint64_t> Seed(const std::string& key);
  std::optional<bool> Bool(const std::string& key);
  std::vector<std::string> Strings(const std::string& key);  // an array of strings
  std::optional<nlohmann::json> Object(const std::string& key);
  void Problem(const std::string& key, const std::string& value, const std::string& message);
  ValidationReport& report() { return report_; }
  void Check();  // throws InvalidInput when there are problems

 private:
  const nlohmann::json& obj_;
  std::string prefix_;
  ValidationReport report_;
  const nlohmann::json* Get(const std::string& key) const;
};

}  // namespace entente::server
