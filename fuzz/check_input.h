// SPDX-License-Identifier: MIT
// The property every reader must have, shared by the libFuzzer targets (read_fuzzer.cc) and the
// replay test (regression_test.cc): any input either reads or is rejected with InvalidInput.
// Any other exception, a crash, a hang or a sanitizer report is a finding. What reads must also
// be usable: every scenario it yields survives a JSON round trip (writing it and reading it back
// gives an equal scenario, as scenario_io.h promises of every writer).
//
// Readers() is the one list of fuzzed readers: target fuzz_<name>, regression folder
// tests/data/fuzz-regressions/fuzz_<name>/. Adding a reader is one line there and its name in
// fuzz/CMakeLists.txt.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/io/deu.h"
#include "entente/io/genius.h"
#include "entente/io/scenario_io.h"

namespace entente::fuzz {

// "" when `s` survives a JSON write and read, else what went wrong.
inline std::string CheckRoundTrip(const Scenario& s) {
  std::string json;
  try {
    json = WriteScenario(s, ScenarioFormat::kJson);
  } catch (const InvalidInput& e) {
    return std::string("a scenario that reads cannot be written as JSON: ") + e.what();
  }
  try {
    if (!(ReadScenario(json, ScenarioFormat::kJson, "fuzz-roundtrip") == s)) {
      return "JSON round trip changed the scenario; written text:\n" + json;
    }
  } catch (const InvalidInput& e) {
    return std::string("the JSON writer produced text its reader rejects: ") + e.what() +
           "\nwritten text:\n" + json;
  }
  return "";
}

// Returns "" when the input behaves, else the finding. Exceptions other than InvalidInput
// propagate (libFuzzer reports them as crashes; the replay test as failures).
inline std::string CheckScenario(std::string_view text, ScenarioFormat format) {
  try {
    return CheckRoundTrip(ReadScenario(text, format, "fuzz"));
  } catch (const InvalidInput&) {
    return "";  // rejected with a report: the expected outcome for most inputs
  }
}

inline std::string CheckDeu(std::string_view text) {
  DeuTable t;
  try {
    t = ReadDeu(text, "fuzz");
  } catch (const InvalidInput&) {
    return "";
  }
  for (const OutcomeCase& c : t.set.cases) {
    if (std::string why = CheckRoundTrip(c.scenario); !why.empty()) return c.id + ": " + why;
  }
  return "";
}

// GENIUS takes several documents: the input is the domain, then up to 4 profiles, separated by
// NUL bytes (which XML cannot contain). fuzz/run.sh builds its seeds that way.
inline std::string CheckGenius(std::string_view text) {
  std::vector<NamedXml> docs;
  while (docs.size() < 5) {
    size_t cut = docs.size() == 4 ? std::string_view::npos : text.find('\0');
    std::string name = docs.empty() ? "domain.xml" : "profile" + std::to_string(docs.size());
    docs.push_back(NamedXml{name, std::string(text.substr(0, cut))});
    if (cut == std::string_view::npos) break;
    text.remove_prefix(cut + 1);
  }
  NamedXml domain = docs.front();
  docs.erase(docs.begin());
  try {
    ReadGeniusXml(domain, docs);
  } catch (const InvalidInput&) {
  }
  return "";
}

struct Reader {
  std::string_view name;                                  // the target is fuzz_<name>
  std::optional<ScenarioFormat> format;                   // a ReadScenario format, or
  std::string (*other)(std::string_view text) = nullptr;  // another reader's check

  std::string Check(std::string_view text) const {
    return format ? CheckScenario(text, *format) : other(text);
  }
};

inline const std::vector<Reader>& Readers() {
  static const std::vector<Reader> readers = {
      {"json", ScenarioFormat::kJson},        {"yaml", ScenarioFormat::kYaml},
      {"csv", ScenarioFormat::kLongCsv},      {"wide_csv", ScenarioFormat::kWideCsv},
      {"ktab_csv", ScenarioFormat::kKtabCsv}, {"deu", std::nullopt, CheckDeu},
      {"genius", std::nullopt, CheckGenius},
  };
  return readers;
}

inline const Reader* FindReader(std::string_view name) {
  for (const Reader& r : Readers()) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

}  // namespace entente::fuzz
