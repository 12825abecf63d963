// SPDX-License-Identifier: MIT
#include "entente/server/request.h"

#include <cmath>

#include "entente/io/scenario_io.h"
#include "entente/server/api.h"

namespace entente::server {

nlohmann::json ParseBody(const std::string& body) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    size_t cut = what.find("] ");  // drop "[json.exception.parse_error.101] "
    if (cut != std::string::npos) what = what.substr(cut + 2);
    throw ApiError(400, "malformed JSON in the request body: " + what);
  }
  if (!j.is_object()) throw ApiError(400, "the request body must be a JSON object");
  return j;
}

Scenario ScenarioField(const nlohmann::json& body) {
  auto it = body.find("scenario");
  if (it == body.end() || !it->is_object()) {
    ValidationReport r;
    r.Add(Location{"", 0, 0, "scenario"}, "scenario", it == body.end() ? "" : it->dump(),
          "the request needs \"scenario\": a scenario JSON document (docs/formats.md)");
    throw ApiError(400, "the request has no scenario object", std::move(r));
  }
  return ReadScenario(it->dump(2), ScenarioFormat::kJson, "scenario");
}

nlohmann::json ScenarioDocument(const Scenario& s) {
  return nlohmann::json::parse(WriteScenario(s, ScenarioFormat::kJson));
}

const nlohmann::json* Fields::Get(const std::string& key) const {
  auto it = obj_.find(key);
  if (it == obj_.end() || it->is_null()) return nullptr;
  return &*it;
}

bool Fields::Has(const std::string& key) const { return Get(key) != nullptr; }

void Fields::Problem(const std::string& key, const std::string& value, const std::string& message) {
  report_.Add(Location{"", 0, 0, prefix_ + key}, key, value, message);
}

std::optional<std::string> Fields::String(const std::string& key) {
  const nlohmann::json* v = Get(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    Problem(key, v->dump(), "must be a string");
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<double> Fields::Number(const std::string& key, double min, double max) {
  const nlohmann::json* v = Get(key);
  if (!v) return std::nullopt;
  if (!v->is_number() || !std::isfinite(v->get<double>()) || v->get<double>() < min ||
      v->get<double>() > max) {
    Problem(key, v->dump(),
            "must be a number between " + nlohmann::json(min).dump() + " and " +
                nlohmann::json(max).dump());
    return std::nullopt;
  }
  return v->get<double>();
}

std::optional<int64_t> Fields::Integer(const std::string& key, int64_t min, int64_t max) {
  const nlohmann::json* v = Get(key);
  if (!v) return std::nullopt;
  if (!v->is_number_integer() || (v->is_number_unsigned() && v->get<uint64_t>() > INT64_MAX) ||
      v->get<int64_t>() < min || v->get<int64_t>() > max) {
    Problem(
        key, v->dump(),
        "must be a whole number between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return v->get<int64_t>();
}

std::optional<uint64_t> Fields::Seed(const std::string& key) {
  const nlohmann::json* v = Get(key);
  if (!v) return std::nullopt;
  if (v->is_number_unsigned()) return v->get<uint64_t>();
  if (v->is_string()) {  // seeds above 2^53 travel as strings from JavaScript
    const std::string s = v->get<std::string>();
    if (!s.empty() && s.size() <= 20 && s.find_first_not_of("0123456789") == std::string::npos) {
      try {
        return std::stoull(s);
      } catch (const std::exception&) {
      }
    }
  }
  Problem(key, v->dump(), "must be a whole number from 0 to 18446744073709551615");
  return std::nullopt;
}

std::optional<bool> Fields::Bool(const std::string& key) {
  const nlohmann::json* v = Get(key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    Problem(key, v->dump(), "must be true or false");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::vector<std::string> Fields::Strings(const std::string& key) {
  std::vector<std::string> out;
  const nlohmann::json* v = Get(key);
  if (!v) return out;
  if (v->is_string()) return {v->get<std::string>()};
  if (!v->is_array()) {
    Problem(key, v->dump(), "must be an array of strings");
    return out;
  }
  for (size_t k = 0; k < v->size(); ++k) {
    if (!(*v)[k].is_string()) {
      report_.Add(Location{"", 0, 0, prefix_ + key + "[" + std::to_string(k) + "]"}, key,
                  (*v)[k].dump(), "must be a string");
      continue;
    }
    out.push_back((*v)[k].get<std::string>());
  }
  return out;
}

std::optional<nlohmann::json> Fields::Object(const std::string& key) {
  const nlohmann::json* v = Get(key);
  if (!v) return std::nullopt;
  if (!v->is_object()) {
    Problem(key, v->dump(), "must be an object");
    return std::nullopt;
  }
  return *v;
}

void Fields::Check() {
  if (!report_.ok()) throw InvalidInput(report_);
}

}  // namespace entente::server
