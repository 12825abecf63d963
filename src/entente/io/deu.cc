// SPDX-License-Identifier: MIT
#include "entente/io/deu.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "entente/io/table_text.h"

namespace entente {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const std::set<std::string>& MetadataColumns() {
  static const std::set<std::string> k = {
      "prnrnmc", "isnrnmc", "prnr",   "prname", "isnr",   "type", "council", "proc",
      "counvte", "proccde", "issues", "intro",  "finact", "rp",   "out",     "year"};
  return k;
}

std::string ProcedureLabel(const std::string& v) {
  std::string l = Lower(v);
  if (l == "cod") return "co-decision";
  if (l == "cns") return "consultation";
  return v;
}

std::string VotingLabel(const std::string& v) {
  std::string l = Lower(v);
  if (l == "qmv") return "QMV";
  if (l == "unan") return "unanimity";
  return v;
}

// The year from the last '-' or '/' separated field of a date: 2 digits -> 19yy (>= 50) or 20yy.
std::optional<int> YearOfDate(const std::string& date) {
  size_t cut = date.find_last_of("-/.");
  if (cut == std::string::npos) return std::nullopt;
  std::string_view last = std::string_view(date).substr(cut + 1);
  int y = 0;
  auto [p, ec] = std::from_chars(last.data(), last.data() + last.size(), y);
  if (ec != std::errc() || p != last.data() + last.size()) return std::nullopt;
  if (last.size() == 2) return y >= 50 ? 1900 + y : 2000 + y;
  if (last.size() == 4) return y;
  return std::nullopt;
}

struct ActorColumns {
  std::string id;
  size_t p = 0, s = 0;
};

class DeuReader {
 public:
  DeuReader(std::string_view text, const std::string& name) : name_(name) {
    records_ = SplitTable(text, name, report_);
  }

  DeuTable Read() {
    DeuTable out;
    out.set.name = name_;
    if (records_.empty() && !report_.ok()) throw InvalidInput(std::move(report_));
    if (records_.empty()) {
      report_.Add(Location{name_, 1, 1, ""}, "header", "",
                  "the table is empty; a DEU table needs "
                  "a header line with out and p<actor>/s<actor> columns");
      throw InvalidInput(std::move(report_));
    }
    Header(records_[0], out.set);
    std::set<std::string> ids;
    for (size_t r = 1; r < records_.size(); ++r) Row(records_[r], out, ids);
    if (!report_.ok()) throw InvalidInput(std::move(report_));
    Notes(out);
    return out;
  }

 private:
  void Header(const TableRecord& h, CaseSet& set) {
    std::map<std::string, size_t> pos;
    for (size_t c = 0; c < h.fields.size(); ++c) {
      std::string n = Lower(Trim(h.fields[c]));
      if (n.empty()) continue;
      if (!pos.emplace(n, c).second) {
        report_.Add(Location{name_, h.line, h.columns[c], "header"}, "column", h.fields[c],
                    "column name repeated; each column may appear once");
      }
    }
    columns_ = pos;
    for (const auto& [n, c] : pos) {
      if (MetadataColumns().count(n) || n.size() < 2 || (n[0] != 'p' && n[0] != 's')) continue;
      std::string id = n.substr(1);
      bool has_p = pos.count("p" + id), has_s = pos.count("s" + id);
      if (has_p && has_s) {
        if (n[0] == 'p') actors_.push_back({id, pos["p" + id], pos["s" + id]});
      } else {
        unpaired_.push_back(h.fields[c]);
      }
    }
    std::sort(actors_.begin(), actors_.end(),
              [](const ActorColumns& a, const ActorColumns& b) { return a.p < b.p; });
    if (!pos.count("out")) {
      report_.Add(Location{name_, h.line, 1, "header"}, "out", "",
                  "no 'out' column: a DEU table needs the recorded outcome of each issue");
    }
    if (actors_.empty()) {
      report_.Add(Location{name_, h.line, 1, "header"}, "p<actor>/s<actor>", "",
                  "no actor columns: expected pairs such as pcom/scom, pde/sde");
    }
    for (const auto& a : actors_) {
      if (a.id == "com") set.baseline_actor = "com";
    }
  }

  std::string Cell(const TableRecord& r, const std::string& col) const {
    auto it = columns_.find(col);
    if (it == columns_.end() || it->second >= r.fields.size()) return "";
    return Trim(r.fields[it->second]);
  }

  // A number in 0..100 from column index c; nullopt when blank or bad (bad ones are reported).
  std::optional<double> Number(const TableRecord& r, size_t c, const std::string& field) {
    if (c >= r.fields.size()) return std::nullopt;
    std::string v = Trim(r.fields[c]);
    if (v.empty()) return std::nullopt;
    double x = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
    const Location where{name_, r.line, r.columns[c], fmt::format("row {}", r.line)};
    if (ec != std::errc() || p != v.data() + v.size() || !std::isfinite(x)) {
      report_.Add(where, field, v, "must be a number between 0 and 100 (blank = missing)");
      return std::nullopt;
    }
    if (x < 0 || x > 100) {
      report_.Add(where, field, v, "must be between 0 and 100 (blank = missing)");
      return std::nullopt;
    }
    return x;
  }

  std::optional<double> NumberAt(const TableRecord& r, const std::string& col) {
    auto it = columns_.find(col);
    if (it == columns_.end()) return std::nullopt;
    return Number(r, it->second, col);
  }

  void Row(const TableRecord& r, DeuTable& out, std::set<std::string>& ids) {
    ++out.summary.rows;
    const size_t width = records_[0].fields.size();
    if (r.fields.size() != width) {
      report_.Add(Location{name_, r.line, 1, fmt::format("row {}", r.line)}, "cells",
                  std::to_string(r.fields.size()),
                  fmt::format("the row has {} cells; the header has {}", r.fields.size(), width));
      return;
    }
    const size_t problems_before = report_.size();
    OutcomeCase oc;
    oc.origin = fmt::format("{}:{}", name_, r.line);
    std::string isnr = Cell(r, "isnr"), prnr = Cell(r, "prnr");
    oc.id = !isnr.empty()   ? isnr
            : !prnr.empty() ? fmt::format("{}-{}", prnr, r.line)
                            : fmt::format("row-{}", r.line);
    std::optional<double> outcome = NumberAt(r, "out");
    std::optional<double> rp = NumberAt(r, "rp");
    Scenario& s = oc.scenario;
    s.id = oc.id;
    s.title = Cell(r, "prname");
    Issue issue{.id = oc.id, .name = s.title.empty() ? oc.id : s.title + " (" + oc.id + ")"};
    if (rp) issue.no_deal = Quantity{*rp, {}};
    s.issues.push_back(std::move(issue));
    int position_only = 0;
    for (const auto& a : actors_) {
      std::optional<double> p = Number(r, a.p, "p" + a.id);
      std::optional<double> sal = Number(r, a.s, "s" + a.id);
      if (p && !sal) ++position_only;
      if (!p || !sal) continue;
      s.actors.push_back(Actor{a.id, DeuActorName(a.id), "", Quantity{1.0, {}}, {}});
      s.cells.push_back({entente::Cell{Quantity{*p, {}}, Quantity{*sal, {}}, {}, {}}});
    }
    if (report_.size() != problems_before) return;
    if (!outcome) {
      ++out.summary.skipped_no_outcome;
      no_outcome_.push_back(oc.id);
      return;
    }
    if (s.actors.size() < 3) {
      ++out.summary.skipped_few_actors;
      few_actors_.push_back(fmt::format("{} ({})", oc.id, s.actors.size()));
      return;
    }
    if (!ids.insert(oc.id).second) {
      report_.Add(
          Location{name_, r.line, r.columns[columns_.at("isnr")], fmt::format("row {}", r.line)},
          "isnr", oc.id, "issue id repeated; each row needs its own isnr");
      return;
    }
    out.summary.positions_without_salience += position_only;
    oc.outcome = {outcome};
    oc.reference_point = {rp};
    if (std::string proc = Cell(r, "proc"); !proc.empty()) {
      oc.groups.emplace_back("procedure", ProcedureLabel(proc));
    }
    if (std::string vote = Cell(r, "counvte"); !vote.empty()) {
      oc.groups.emplace_back("voting rule", VotingLabel(vote));
    }
    std::string year = Cell(r, "year");
    int y = 0;
    if (!year.empty() &&
        std::from_chars(year.data(), year.data() + year.size(), y).ec == std::errc()) {
      oc.year = y;
    } else {
      oc.year = YearOfDate(Cell(r, "intro"));
    }
    s.notes = "DEU row " + std::to_string(r.line) + " of " + name_;
    out.set.cases.push_back(std::move(oc));
    ++out.summary.cases;
  }

  void Notes(DeuTable& out) {
    auto join = [](const std::vector<std::string>& v) {
      std::string s;
      for (size_t k = 0; k < v.size() && k < 10; ++k) s += (k ? ", " : "") + v[k];
      if (v.size() > 10) s += fmt::format(", ... ({} in all)", v.size());
      return s;
    };
    auto& notes = out.set.notes;
    if (!no_outcome_.empty()) {
      notes.push_back(fmt::format("skipped {} row{} without an outcome: {}", no_outcome_.size(),
                                  no_outcome_.size() == 1 ? "" : "s", join(no_outcome_)));
    }
    if (!few_actors_.empty()) {
      notes.push_back(
          fmt::format("skipped {} row{} with fewer than 3 actors holding a position "
                      "and a salience: {}",
                      few_actors_.size(), few_actors_.size() == 1 ? "" : "s", join(few_actors_)));
    }
    if (out.summary.positions_without_salience > 0) {
      notes.push_back(fmt::format("left out {} position{} without a salience",
                                  out.summary.positions_without_salience,
                                  out.summary.positions_without_salience == 1 ? "" : "s"));
    }
    if (!unpaired_.empty()) {
      notes.push_back("ignored columns without a p/s partner: " + join(unpaired_));
    }
  }

  std::string name_;
  ValidationReport report_;
  std::vector<TableRecord> records_;
  std::map<std::string, size_t> columns_;
  std::vector<ActorColumns> actors_;
  std::vector<std::string> unpaired_, no_outcome_, few_actors_;
};

}  // namespace

DeuTable ReadDeu(std::string_view text, const std::string& name) {
  return DeuReader(text, name).Read();
}

DeuTable ReadDeuFile(const std::string& path) { return ReadDeu(ReadTextFile(path), path); }

std::string DeuActorName(std::string_view code) {
  static const std::map<std::string, std::string, std::less<>> kNames = {
      {"com", "European Commission"},
      {"ep", "European Parliament"},
      {"at", "Austria"},
      {"be", "Belgium"},
      {"bu", "Bulgaria"},
      {"cr", "Croatia"},
      {"cy", "Cyprus"},
      {"cz", "Czechia"},
      {"dk", "Denmark"},
      {"ee", "Estonia"},
      {"fi", "Finland"},
      {"fr", "France"},
      {"de", "Germany"},
      {"el", "Greece"},
      {"hu", "Hungary"},
      {"ie", "Ireland"},
      {"it", "Italy"},
      {"lv", "Latvia"},
      {"lt", "Lithuania"},
      {"lu", "Luxembourg"},
      {"mt", "Malta"},
      {"nl", "Netherlands"},
      {"pl", "Poland"},
      {"pt", "Portugal"},
      {"ro", "Romania"},
      {"si", "Slovenia"},
      {"sk", "Slovakia"},
      {"es", "Spain"},
      {"se", "Sweden"},
      {"uk", "United Kingdom"}};
  auto it = kNames.find(code);
  return it == kNames.end() ? std::string(code) : it->second;
}

}  // namespace entente
