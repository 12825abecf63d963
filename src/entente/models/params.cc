// SPDX-License-Identifier: MIT
#include "entente/models/params.h"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace entente {

std::string_view ParamTypeName(ParamType t) {
  switch (t) {
    case ParamType::kInt:
      return "int";
    case ParamType::kDouble:
      return "number";
    case ParamType::kBool:
      return "bool";
    case ParamType::kString:
      return "string";
    case ParamType::kChoice:
      return "choice";
  }
  return "?";
}

namespace {

std::optional<double> ParseDouble(const std::string& s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<long long> ParseInt(const std::string& s) {
  long long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<bool> ParseBool(const std::string& s) {
  if (s == "true" || s == "1" || s == "yes" || s == "on") return true;
  if (s == "false" || s == "0" || s == "no" || s == "off") return false;
  return std::nullopt;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + v[i];
  return out;
}

// Returns an error message, or "" when `value` fits `p`.
std::string Check(const ParamSpec& p, const std::string& value) {
  switch (p.type) {
    case ParamType::kInt: {
      auto v = ParseInt(value);
      if (!v) return "must be an integer";
      if (*v < p.min || *v > p.max) {
        return fmt::format("must be an integer between {} and {}", p.min, p.max);
      }
      return "";
    }
    case ParamType::kDouble: {
      auto v = ParseDouble(value);
      if (!v) return "must be a finite number";
      if (*v < p.min || *v > p.max) {
        return fmt::format("must be a number between {} and {}", p.min, p.max);
      }
      return "";
    }
    case ParamType::kBool:
      return ParseBool(value) ? "" : "must be true or false";
    case ParamType::kChoice:
      for (const auto& c : p.choices) {
        if (c == value) return "";
      }
      return fmt::format("must be one of: {}", Join(p.choices));
    case ParamType::kString:
      return "";
  }
  return "";
}

}  // namespace

const std::string& Params::Str(const std::string& name) const {
  auto it = values_.find(name);
  ENTENTE_CHECK(it != values_.end());
  return it->second;
}

double Params::Double(const std::string& name) const {
  auto v = ParseDouble(Str(name));
  ENTENTE_CHECK(v.has_value());
  return *v;
}

long long Params::Int(const std::string& name) const {
  auto v = ParseInt(Str(name));
  ENTENTE_CHECK(v.has_value());
  return *v;
}

bool Params::Bool(const std::string& name) const {
  auto v = ParseBool(Str(name));
  ENTENTE_CHECK(v.has_value());
  return *v;
}

Params ResolveParams(const Spec& spec, const std::vector<ParamSpec>& declared) {
  ValidationReport report;
  Params out;
  Location where{"", 0, 0, fmt::format("model spec '{}'", spec.ToString())};
  std::vector<std::string> names;
  for (const auto& p : declared) names.push_back(p.name);
  for (const auto& [key, value] : spec.args) {
    const ParamSpec* found = nullptr;
    for (const auto& p : declared) {
      if (p.name == key) found = &p;
    }
    if (!found) {
      report.Add(where, key, value,
                 names.empty()
                     ? fmt::format("unknown parameter; model '{}' takes no parameters", spec.name)
                     : fmt::format("unknown parameter; valid parameters of '{}': {}", spec.name,
                                   Join(names)));
      continue;
    }
    std::string err = Check(*found, value);
    if (!err.empty()) {
      report.Add(where, key, value, err);
      continue;
    }
    out.Set(key, value);
  }
  if (!report.ok()) throw InvalidInput(std::move(report));
  for (const auto& p : declared) {
    if (!out.Has(p.name) && !p.default_value.empty()) out.Set(p.name, p.default_value);
  }
  return out;
}

}  // namespace entente
