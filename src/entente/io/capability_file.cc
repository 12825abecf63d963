// SPDX-License-Identifier: MIT
#include "entente/io/capability_file.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "entente/io/table_text.h"

namespace entente {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool Overlap(const CapabilityRow& a, const CapabilityRow& b) {
  const int lo_a = a.from_year.value_or(std::numeric_limits<int>::min()),
            hi_a = a.to_year.value_or(std::numeric_limits<int>::max());
  const int lo_b = b.from_year.value_or(std::numeric_limits<int>::min()),
            hi_b = b.to_year.value_or(std::numeric_limits<int>::max());
  return lo_a <= hi_b && lo_b <= hi_a;
}

}  // namespace

CapabilityTable ReadCapabilityTable(std::string_view text, const std::string& name) {
  ValidationReport report;
  std::vector<TableRecord> records = SplitTable(text, name, report);
  if (records.empty() && !report.ok()) throw InvalidInput(std::move(report));  // not UTF-8
  CapabilityTable table{name, "file " + name, {}};
  std::map<std::string, size_t> col;
  if (!records.empty()) {
    for (size_t c = 0; c < records[0].fields.size(); ++c) {
      col.emplace(Lower(Trim(records[0].fields[c])), c);
    }
  }
  for (const char* required : {"actor", "capability"}) {
    if (!col.count(required)) {
      report.Add(Location{name, 1, 1, "header"}, required, "",
                 fmt::format("no '{}' column: a capability table needs the columns actor and "
                             "capability (and optionally from, to)",
                             required));
    }
  }
  if (!report.ok()) throw InvalidInput(std::move(report));
  for (size_t r = 1; r < records.size(); ++r) {
    const TableRecord& rec = records[r];
    auto cell = [&](const std::string& c, Location& where) -> std::string {
      auto it = col.find(c);
      if (it == col.end() || it->second >= rec.fields.size()) {
        where = Location{name, rec.line, 1, fmt::format("row {}", rec.line)};
        return "";
      }
      where = Location{name, rec.line, rec.columns[it->second], fmt::format("row {}", rec.line)};
      return Trim(rec.fields[it->second]);
    };
    CapabilityRow row;
    Location where;
    row.actor = cell("actor", where);
    row.where = where;
    if (row.actor.empty()) report.Add(where, "actor", "", "every row needs an actor id");
    std::string cap = cell("capability", where);
    double v = 0;
    auto [p, ec] = std::from_chars(cap.data(), cap.data() + cap.size(), v);
    if (cap.empty() || ec != std::errc() || p != cap.data() + cap.size() || !std::isfinite(v) ||
        v < 0) {
      report.Add(where, "capability", cap, "must be a finite number >= 0");
    }
    row.capability = v;
    for (const char* bound : {"from", "to"}) {
      std::string y = cell(bound, where);
      if (y.empty()) continue;
      int year = 0;
      auto [q, yec] = std::from_chars(y.data(), y.data() + y.size(), year);
      if (yec != std::errc() || q != y.data() + y.size()) {
        report.Add(where, bound, y, "must be a year such as 2004 (blank = open)");
        continue;
      }
      (std::string_view(bound) == "from" ? row.from_year : row.to_year) = year;
    }
    if (row.from_year && row.to_year && *row.from_year > *row.to_year) {
      report.Add(row.where, "from", std::to_string(*row.from_year),
                 fmt::format("the period starts after it ends (to = {})", *row.to_year));
    }
    for (const auto& other : table.rows) {
      if (Lower(other.actor) == Lower(row.actor) && Overlap(other, row)) {
        report.Add(row.where, "actor", row.actor,
                   fmt::format("this row's period overlaps the row on line {}; periods of one "
                               "actor must not overlap",
                               other.where.line));
      }
    }
    table.rows.push_back(std::move(row));
  }
  if (table.rows.empty()) {
    report.Add(Location{name, 1, 1, ""}, "rows", "", "the capability table has no rows");
  }
  if (!report.ok()) throw InvalidInput(std::move(report));
  return table;
}

CapabilityTable ReadCapabilityTableFile(const std::string& path) {
  return ReadCapabilityTable(ReadTextFile(path), path);
}

}  // namespace entente
