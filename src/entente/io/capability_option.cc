// SPDX-License-Identifier: MIT
#include "entente/io/capability_option.h"

#include "entente/analysis/capability_tables.h"
#include "entente/core/errors.h"
#include "entente/io/capability_file.h"

namespace entente {

namespace {

[[noreturn]] void Throw(const std::string& where, const std::string& value,
                        const std::string& message) {
  ValidationReport r;
  r.Add(Location{}, where, value, message);
  throw InvalidInput(std::move(r));
}

}  // namespace

std::string ApplyCapabilityOption(const std::string& option, OutcomeData& data,
                                  const std::string& where) {
  const std::string choice = option.empty() ? (data.deu ? "equal" : "") : option;
  if (choice.empty()) return "as given in the case library";
  if (choice == "equal") {
    ApplyEqualCapabilities(data.set);
    return "equal";
  }
  if (choice.rfind("file:", 0) == 0) {
    const std::string path = choice.substr(5);
    if (path.empty()) Throw(where, option, "file: needs a path, e.g. file:gdp.csv");
    ApplyCapabilities(data.set, ReadCapabilityTableFile(path));
    return "from " + path;
  }
  if (auto table = BuiltinCapabilityTable(choice)) {
    ApplyCapabilities(data.set, *table);
    return choice + " (" + table->source + ")";
  }
  std::string names = "equal";
  for (const auto& n : BuiltinCapabilityTableNames()) names += ", " + n;
  Throw(where, option, "unknown capability option; use " + names + " or file:PATH");
}

}  // namespace entente
