// SPDX-License-Identifier: MIT
// Long and wide CSV tables -> Scenario. Both share the header rules and the capability rule
// (docs/formats.md): an actor's capability is its value on the first issue (in issue order)
// where it gives one; rows with a different value keep it as a per-issue capability.
#include <algorithm>
#include <array>
#include <unordered_map>

#include <fmt/format.h>

#include "entente/io/csv.h"
#include "entente/io/formats.h"
#include "entente/io/number.h"
#include "entente/io/utf8.h"

namespace entente::io {

namespace {

enum Col { kActor, kIssue, kCapability, kPosition, kSalience, kSources, kNumCols };
constexpr std::array<const char*, kNumCols> kColName = {"actor",    "issue",    "capability",
                                                        "position", "salience", "sources"};

int ColumnOf(const std::string& lower) {
  if (lower == "actor" || lower == "stakeholder") return kActor;
  if (lower == "issue") return kIssue;
  if (lower == "capability" || lower == "clout" || lower == "power") return kCapability;
  if (lower == "position") return kPosition;
  if (lower == "salience") return kSalience;
  if (lower == "sources") return kSources;
  return -1;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return std::string(s.substr(b, e - b));
}

struct Header {
  std::array<int, kNumCols> index;  // field index of each column, -1 when absent
  size_t width = 0;                 // named columns (trailing empty names ignored)
};

struct Row {
  const CsvRecord* rec;
  int actor, issue;
  std::optional<double> capability, position, salience;
  std::vector<std::string> sources;
};

class TableReader {
 public:
  TableReader(bool long_form, const std::string& file, ValidationReport& report)
      : long_(long_form), file_(file), report_(report) {}

  // Returns false when the file could not be read as a table at all (invalid UTF-8, no or a
  // bad header); then there is no scenario to check further.
  bool Read(std::string_view text) {
    text = StripBom(text);
    if (!CheckUtf8(text, file_, report_)) return false;
    std::vector<CsvRecord> records = ReadCsv(text, file_, report_);
    size_t first = 0;
    while (first < records.size() && records[first].Blank()) ++first;
    if (first == records.size()) {
      Add(Location{file_, 1, 1, ""}, "", "",
          "the file is empty; expected a header row such as "
          "actor,issue,capability,position,salience");
      return false;
    }
    if (!ReadHeader(records[first])) return false;
    records_ = std::move(records);
    header_row_ = &records_[first];
    for (size_t r = first + 1; r < records_.size(); ++r) {
      if (!records_[r].Blank() && !records_[r].unterminated) ReadRow(records_[r]);
    }
    return true;
  }

  // Builds the scenario from the rows read; records locations when `where` is given and
  // reports duplicate rows when `report` (building twice must not report twice).
  Scenario Build(LocationMap* where, bool report);

 private:
  std::string Required() const {
    return long_ ? "actor, issue, position and salience" : "actor, position and salience";
  }

  void Add(Location loc, std::string field, std::string value, std::string message) {
    report_.Add(std::move(loc), std::move(field), std::move(value), std::move(message));
  }
  Location At(const CsvField& f, const CsvRecord& rec) const {
    return Location{file_, f.line, f.column, fmt::format("row {}", rec.row)};
  }

  bool ReadHeader(const CsvRecord& rec) {
    size_t before = report_.size();
    header_.index.fill(-1);
    header_.width = rec.fields.size();
    while (header_.width > 0 && rec.fields[header_.width - 1].text.empty()) --header_.width;
    if (header_.width == 1) {
      const std::string& only = rec.fields[0].text;
      char sep = only.find(';') != std::string::npos    ? ';'
                 : only.find('\t') != std::string::npos ? '\t'
                                                        : 0;
      if (sep) {
        Add(At(rec.fields[0], rec), "", "",
            fmt::format("the header has one column; entente reads comma-separated files and this "
                        "one looks separated by {}",
                        sep == ';' ? "';'" : "tabs"));
        return false;
      }
    }
    for (size_t k = 0; k < header_.width; ++k) {
      const CsvField& f = rec.fields[k];
      int col = ColumnOf(Lower(Trim(f.text)));
      if (f.text.empty()) {
        Add(At(f, rec), "column", "", "empty column name");
      } else if (col < 0 || (col == kIssue && !long_)) {
        Add(At(f, rec), "column", f.text,
            fmt::format("unknown column; allowed: actor (or stakeholder), {}capability (or clout, "
                        "power), position, salience, sources",
                        long_ ? "issue, " : ""));
      } else if (header_.index[col] >= 0) {
        Add(At(f, rec), "column", f.text,
            fmt::format("{} column given twice (first as '{}')", kColName[col],
                        rec.fields[header_.index[col]].text));
      } else {
        header_.index[col] = static_cast<int>(k);
      }
    }
    for (int col : {kActor, kIssue, kPosition, kSalience}) {
      if (col == kIssue && !long_) continue;
      if (header_.index[col] < 0) {
        Add(Location{file_, rec.fields[0].line, 1, fmt::format("row {}", rec.row)}, "", "",
            fmt::format("missing column '{}'; the header must name {}", kColName[col], Required()));
      }
    }
    return report_.size() == before;
  }

  const CsvField* Field(const CsvRecord& rec, int col) const {
    int k = header_.index[col];
    return k < 0 ? nullptr : &rec.fields[k];
  }

  std::optional<double> Number(const CsvRecord& rec, int col) {
    const CsvField* f = Field(rec, col);
    if (!f || f->text.empty()) return std::nullopt;
    double v = 0;
    NumberParse np = ParseNumber(f->text, v);
    if (np == NumberParse::kOk) return v;
    Add(At(*f, rec), kColName[col], f->text,
        np == NumberParse::kNotFinite ? kNotFiniteMessage : kNotANumberMessage);
    return 0.0;  // placeholder so one bad cell gives one message; the scenario is rejected
  }

  struct Ids {
    std::unordered_map<std::string, int> index;
    std::vector<std::string> names;  // in order of first appearance
    std::vector<Location> first;     // where each was first written
  };

  int Id(const CsvRecord& rec, int col, Ids& ids) {
    const CsvField* f = Field(rec, col);
    if (f->text.empty()) {
      Add(At(*f, rec), kColName[col], "", fmt::format("every row needs an {}", kColName[col]));
      return -1;
    }
    auto [it, fresh] = ids.index.emplace(f->text, static_cast<int>(ids.names.size()));
    if (fresh) {
      ids.names.push_back(f->text);
      ids.first.push_back(At(*f, rec));
    }
    return it->second;
  }

  void ReadRow(const CsvRecord& rec) {
    if (rec.fields.size() < header_.width) {
      const CsvField& last = rec.fields.back();
      Add(At(last, rec), "", "",
          fmt::format("the row has {} fields but the header names {} columns", rec.fields.size(),
                      header_.width));
      return;
    }
    for (size_t k = header_.width; k < rec.fields.size(); ++k) {
      if (!rec.fields[k].text.empty()) {
        Add(At(rec.fields[k], rec), "", "",
            fmt::format("the row has a field '{}' beyond the {} columns the header names",
                        rec.fields[k].text, header_.width));
        return;
      }
    }
    Row row{&rec, Id(rec, kActor, actors_), 0, {}, {}, {}, {}};
    if (long_) row.issue = Id(rec, kIssue, issues_);
    if (row.actor < 0 || row.issue < 0) return;
    row.capability = Number(rec, kCapability);
    row.position = Number(rec, kPosition);
    row.salience = Number(rec, kSalience);
    if (const CsvField* f = Field(rec, kSources)) {
      std::string_view rest = f->text;
      while (!rest.empty()) {
        size_t cut = rest.find(';');
        std::string id = Trim(rest.substr(0, cut));
        if (!id.empty()) row.sources.push_back(id);
        rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
      }
    }
    rows_.push_back(std::move(row));
  }

  void Note(LocationMap* where, const std::string& key, const CsvRecord& rec, int col) {
    if (const CsvField* f = Field(rec, col)) where->Set(key, At(*f, rec));
  }

  bool long_;
  const std::string& file_;
  ValidationReport& report_;
  std::vector<CsvRecord> records_;
  const CsvRecord* header_row_ = nullptr;
  Header header_;
  Ids actors_, issues_;
  std::vector<Row> rows_;
};

Scenario TableReader::Build(LocationMap* where, bool report) {
  Scenario s;
  if (!long_) {
    const CsvRecord& header = *header_row_;
    issues_.names = {"issue"};
    issues_.first = {Location{file_, header.fields[0].line, 1, fmt::format("row {}", header.row)}};
  }
  for (size_t a = 0; a < actors_.names.size(); ++a) {
    s.actors.push_back(Actor{actors_.names[a], "", "", {}, std::nullopt});
    if (!where) continue;
    std::string key = fmt::format("actors[{}]", a);
    where->Set(key, actors_.first[a]);
    where->Set(key + ".id", actors_.first[a]);
  }
  for (size_t i = 0; i < issues_.names.size(); ++i) {
    s.issues.push_back(Issue{.id = issues_.names[i]});
    if (!where) continue;
    std::string key = fmt::format("issues[{}]", i);
    where->Set(key, issues_.first[i]);
    where->Set(key + ".id", issues_.first[i]);
  }
  s.ResizeCells();
  const size_t n_issues = s.issues.size();
  // The capability rule: base = the value on the lowest issue index that gives one.
  std::vector<const Row*> base(s.actors.size(), nullptr);
  std::vector<const Row*> seen(s.actors.size() * n_issues, nullptr);
  for (const Row& r : rows_) {
    const Row*& prior = seen[static_cast<size_t>(r.actor) * n_issues + r.issue];
    if (prior) {
      if (!report) continue;
      Add(At(*Field(*r.rec, kActor), *r.rec), "", "",
          long_ ? fmt::format("second row for actor '{}' on issue '{}' (the first is row {})",
                              s.actors[r.actor].id, s.issues[r.issue].id, prior->rec->row)
                : fmt::format("second row for actor '{}' (the first is row {})",
                              s.actors[r.actor].id, prior->rec->row));
      continue;
    }
    prior = &r;
    if (r.capability && (!base[r.actor] || r.issue < base[r.actor]->issue)) base[r.actor] = &r;
  }
  std::unordered_map<std::string, Location> cited;
  for (size_t a = 0; a < s.actors.size(); ++a) {
    if (!base[a]) continue;
    s.actors[a].capability.value = *base[a]->capability;
    if (where) Note(where, fmt::format("actors[{}].capability", a), *base[a]->rec, kCapability);
  }
  for (size_t k = 0; k < seen.size(); ++k) {
    const Row* r = seen[k];
    if (!r) continue;
    Cell& c = s.At(r->actor, r->issue);
    if (r->position) c.position = Quantity{*r->position, {}};
    if (r->salience) c.salience = Quantity{*r->salience, {}};
    bool override = r->capability && *r->capability != s.actors[r->actor].capability.value;
    if (override) c.capability = Quantity{*r->capability, {}};
    c.sources = r->sources;
    for (const auto& id : r->sources) cited.emplace(id, At(*Field(*r->rec, kSources), *r->rec));
    if (!where) continue;
    std::string key = fmt::format("cells[{}][{}]", r->actor, r->issue);
    where->Set(key, At(*Field(*r->rec, kActor), *r->rec));
    if (r->position) Note(where, key + ".position", *r->rec, kPosition);
    if (r->salience) Note(where, key + ".salience", *r->rec, kSalience);
    if (override) Note(where, key + ".capability", *r->rec, kCapability);
    if (!r->sources.empty()) Note(where, key + ".sources", *r->rec, kSources);
  }
  std::vector<std::string> ids;
  for (const auto& [id, loc] : cited) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  for (size_t k = 0; k < ids.size(); ++k) {
    s.sources.push_back(Source{ids[k], "", "", ""});
    if (!where) continue;
    where->Set(fmt::format("sources[{}]", k), cited.at(ids[k]));
    where->Set(fmt::format("sources[{}].id", k), cited.at(ids[k]));
  }
  return s;
}

// Locations cost more than reading (a map entry per number), so when the caller does not
// want them they are recorded only if the checks find a problem, and the checks run again.
Scenario ReadTable(bool long_form, std::string_view text, const std::string& file,
                   LocationMap* where) {
  ValidationReport report;
  TableReader reader(long_form, file, report);
  Scenario s;
  if (reader.Read(text)) {
    s = reader.Build(where, true);
    if (where) {
      ValidateScenario(s, *where, report);
    } else if (ValidationReport quiet; !ValidateScenario(s, LocationMap(file), quiet)) {
      LocationMap map(file);
      reader.Build(&map, false);
      ValidateScenario(s, map, report);
    }
  }
  if (!report.ok()) throw InvalidInput(std::move(report));
  return s;
}

}  // namespace

Scenario ReadLongCsv(std::string_view text, const std::string& file, LocationMap* where) {
  return ReadTable(true, text, file, where);
}

Scenario ReadWideCsv(std::string_view text, const std::string& file, LocationMap* where) {
  return ReadTable(false, text, file, where);
}

bool LooksLikeLongCsv(std::string_view text) {
  text = StripBom(text);
  size_t end = text.find_first_of("\r\n");
  std::string_view line = text.substr(0, end);
  std::string_view rest = line;
  while (true) {
    size_t cut = rest.find(',');
    std::string name = Lower(Trim(rest.substr(0, cut)));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
      name = Trim(name.substr(1, name.size() - 2));
    }
    if (name == "issue") return true;
    if (cut == std::string_view::npos) return false;
    rest = rest.substr(cut + 1);
  }
}

}  // namespace entente::io
