// SPDX-License-Identifier: MIT
// Declared model parameters and their parsed values. A model declares each parameter once
// (name, type, default, range or choices, help); the CLI help, the server's model list and the
// Python docstrings are generated from the same declaration, and spec strings are checked
// against it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "entente/core/errors.h"
#include "entente/core/spec.h"

namespace entente {

enum class ParamType { kInt, kDouble, kBool, kString, kChoice };

std::string_view ParamTypeName(ParamType t);

struct ParamSpec {
  std::string name;
  ParamType type = ParamType::kDouble;
  std::string default_value;  // as written in a spec string; "" = no default (optional)
  std::string help;
  double min = -1e300;  // for kInt/kDouble
  double max = 1e300;
  std::vector<std::string> choices;  // for kChoice
};

// Parameter values after checking against the declarations (defaults filled in).
class Params {
 public:
  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  const std::string& Str(const std::string& name) const;
  double Double(const std::string& name) const;
  long long Int(const std::string& name) const;
  bool Bool(const std::string& name) const;
  void Set(const std::string& name, std::string value) { values_[name] = std::move(value); }
  const std::map<std::string, std::string>& values() const { return values_; }

 private:
  std::map<std::string, std::string> values_;
};

// Checks `spec.args` against `declared`: unknown names (with the valid list), bad types, values
// out of range or not among the choices. Every problem is collected; throws InvalidInput.
Params ResolveParams(const Spec& spec, const std::vector<ParamSpec>& declared);

}  // namespace entente
