// SPDX-License-Identifier: MIT
#include "entente/analysis/capability_tables.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

namespace entente {

namespace {

struct Entry {
  const char* id;
  double value;
};

// Treaty of Nice weights (see the header for the legal sources); com and ep by convention.
constexpr Entry kNice[] = {{"com", 29}, {"ep", 29}, {"at", 10}, {"be", 12}, {"bu", 10}, {"cr", 7},
                           {"cy", 4},   {"cz", 12}, {"dk", 7},  {"ee", 4},  {"fi", 7},  {"fr", 29},
                           {"de", 29},  {"el", 12}, {"hu", 12}, {"ie", 7},  {"it", 29}, {"lv", 4},
                           {"lt", 7},   {"lu", 4},  {"mt", 3},  {"nl", 13}, {"pl", 27}, {"pt", 12},
                           {"ro", 14},  {"si", 4},  {"sk", 7},  {"es", 27}, {"se", 10}, {"uk", 29}};

// Eurostat population on 1 January 2019, millions, rounded to 0.1; com and ep by convention.
constexpr Entry kPopulation2019[] = {
    {"com", 83.0}, {"ep", 83.0}, {"at", 8.9}, {"be", 11.5}, {"bu", 7.0},  {"cr", 4.1},
    {"cy", 0.9},   {"cz", 10.6}, {"dk", 5.8}, {"ee", 1.3},  {"fi", 5.5},  {"fr", 67.0},
    {"de", 83.0},  {"el", 10.7}, {"hu", 9.8}, {"ie", 4.9},  {"it", 60.4}, {"lv", 1.9},
    {"lt", 2.8},   {"lu", 0.6},  {"mt", 0.5}, {"nl", 17.3}, {"pl", 38.0}, {"pt", 10.3},
    {"ro", 19.4},  {"si", 2.1},  {"sk", 5.5}, {"es", 46.9}, {"se", 10.2}, {"uk", 66.6}};

template <size_t N>
CapabilityTable MakeTable(std::string name, std::string source, const Entry (&entries)[N]) {
  CapabilityTable t{std::move(name), std::move(source), {}};
  for (const auto& e : entries) {
    t.rows.push_back(CapabilityRow{e.id, e.value, {}, {}, Location{t.name, 0, 0, e.id}});
  }
  return t;
}

// Lower case, with the ISO codes DEU spells differently mapped to DEU's.
std::string Canonical(std::string_view id) {
  std::string s(id);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::map<std::string, std::string> kAliases = {
      {"bg", "bu"}, {"hr", "cr"}, {"gr", "el"}, {"gb", "uk"}};
  auto it = kAliases.find(s);
  return it == kAliases.end() ? s : it->second;
}

bool Covers(const CapabilityRow& r, int year) {
  return (!r.from_year || *r.from_year <= year) && (!r.to_year || year <= *r.to_year);
}

std::string Period(const CapabilityRow& r) {
  if (!r.from_year && !r.to_year) return "all years";
  return fmt::format("{}-{}", r.from_year ? std::to_string(*r.from_year) : "",
                     r.to_year ? std::to_string(*r.to_year) : "");
}

void ClearOverrides(Scenario& s) {
  for (auto& row : s.cells) {
    for (auto& c : row) c.capability.reset();
  }
}

}  // namespace

const std::vector<std::string>& BuiltinCapabilityTableNames() {
  static const std::vector<std::string> kNames = {"nice", "population"};
  return kNames;
}

std::optional<CapabilityTable> BuiltinCapabilityTable(std::string_view name) {
  if (name == "nice") {
    return MakeTable("nice",
                     "Council votes under the Treaty of Nice (Protocol on enlargement, Art. 3; "
                     "Acts of Accession 2003, 2005, 2012); com and ep = 29 by convention",
                     kNice);
  }
  if (name == "population") {
    return MakeTable("population",
                     "Eurostat, population on 1 January 2019 (news release STAT/19/4010), "
                     "millions rounded to 0.1; com and ep = 83.0 by convention",
                     kPopulation2019);
  }
  return std::nullopt;
}

void ApplyEqualCapabilities(CaseSet& set) {
  for (auto& c : set.cases) {
    for (auto& a : c.scenario.actors) a.capability = Quantity{1.0, {}};
    ClearOverrides(c.scenario);
  }
}

void ApplyCapabilities(CaseSet& set, const CapabilityTable& table) {
  std::map<std::string, std::vector<const CapabilityRow*>> rows;
  for (const auto& r : table.rows) rows[Canonical(r.actor)].push_back(&r);
  // Problems are gathered per actor (and year) with the cases concerned, not once per case.
  std::map<std::string, std::vector<std::string>> missing;  // actor -> case ids
  std::map<std::pair<std::string, int>, std::vector<std::string>> uncovered;
  std::map<std::string, std::pair<std::vector<const CapabilityRow*>, std::vector<std::string>>>
      ambiguous;  // actor -> (rows, case ids)
  std::map<std::string, std::vector<std::string>> no_year;
  for (auto& c : set.cases) {
    for (auto& a : c.scenario.actors) {
      auto it = rows.find(Canonical(a.id));
      if (it == rows.end()) {
        missing[a.id].push_back(c.id);
        continue;
      }
      std::vector<const CapabilityRow*> match;
      for (const CapabilityRow* r : it->second) {
        bool timeless = !r->from_year && !r->to_year;
        if (timeless || (c.year && Covers(*r, *c.year))) match.push_back(r);
      }
      if (match.size() == 1) {
        a.capability = Quantity{match[0]->capability, {}};
      } else if (match.empty() && !c.year) {
        no_year[a.id].push_back(c.id);
      } else if (match.empty()) {
        uncovered[{a.id, *c.year}].push_back(c.id);
      } else {
        auto& [amb_rows, amb_ids] = ambiguous[a.id];
        for (const CapabilityRow* r : match) {
          if (std::find(amb_rows.begin(), amb_rows.end(), r) == amb_rows.end()) {
            amb_rows.push_back(r);
          }
        }
        amb_ids.push_back(c.id);
      }
    }
    ClearOverrides(c.scenario);
  }
  auto list = [](const std::vector<std::string>& ids) {
    std::string s;
    for (size_t k = 0; k < ids.size() && k < 5; ++k) s += (k ? ", " : "") + ids[k];
    if (ids.size() > 5) s += fmt::format(" and {} more", ids.size() - 5);
    return s;
  };
  ValidationReport report;
  const Location here{table.name, 0, 0, ""};
  for (const auto& [actor, ids] : missing) {
    report.Add(
        here, "actor", actor,
        fmt::format("the capability table has no row for this actor (cases: {})", list(ids)));
  }
  for (const auto& [actor, ids] : no_year) {
    report.Add(here, "actor", actor,
               fmt::format("every row for this actor is period-specific but these cases have no "
                           "year: {}",
                           list(ids)));
  }
  for (const auto& [key, ids] : uncovered) {
    std::string periods;
    for (const CapabilityRow* r : rows[Canonical(key.first)]) {
      periods += (periods.empty() ? "" : ", ") + Period(*r);
    }
    report.Add(here, "actor", key.first,
               fmt::format("no row covers year {} (rows cover {}; cases: {})", key.second, periods,
                           list(ids)));
  }
  for (const auto& [actor, amb] : ambiguous) {
    for (const CapabilityRow* r : amb.first) {
      report.Add(r->where, "actor", actor,
                 fmt::format("more than one row for this actor applies to the same case (period "
                             "{}; cases: {}); periods must not overlap",
                             Period(*r), list(amb.second)));
    }
  }
  if (!report.ok()) throw InvalidInput(std::move(report));
}

}  // namespace entente
