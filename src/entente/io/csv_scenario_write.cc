// SPDX-License-Identifier: MIT
// Scenario -> long and wide CSV. A CSV holds ids, numbers and row sources only; everything
// else is listed in `lost`. Rows are written actor by actor in issue order, with an empty row
// wherever one is needed so that actors and issues read back in the same order, and every row
// carries the effective capability, so the capability rule (csv_scenario.cc) reads back the
// same actor capabilities and per-issue overrides.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "entente/io/csv.h"
#include "entente/io/formats.h"
#include "entente/io/number.h"

namespace entente::io {

namespace {

struct PlannedRow {
  int actor, issue;
};

// Long tables: non-empty cells actor-major, plus empty rows so that issue i first appears
// after issues 0..i-1 and every actor and issue appears at all.
std::vector<PlannedRow> PlanLong(const Scenario& s) {
  std::vector<PlannedRow> rows;
  int n_actors = static_cast<int>(s.actors.size()), n_issues = static_cast<int>(s.issues.size());
  if (n_issues == 0) return rows;
  int next = 0;  // issues 0..next-1 have appeared
  for (int a = 0; a < n_actors; ++a) {
    bool any = false;
    for (int i = 0; i < n_issues; ++i) {
      if (s.At(a, i).Empty()) continue;
      for (; next < i; ++next) rows.push_back({a, next});
      next = std::max(next, i + 1);
      rows.push_back({a, i});
      any = true;
    }
    if (!any) {
      rows.push_back({a, 0});
      next = std::max(next, 1);
    }
  }
  for (; next < n_issues && n_actors > 0; ++next) rows.push_back({n_actors - 1, next});
  return rows;
}

std::vector<PlannedRow> PlanWide(const Scenario& s) {
  std::vector<PlannedRow> rows;
  if (s.issues.empty()) return rows;
  for (int a = 0; a < static_cast<int>(s.actors.size()); ++a) rows.push_back({a, 0});
  return rows;
}

bool HasQuantitySources(const std::optional<Quantity>& q) { return q && !q->sources.empty(); }

void Count(std::vector<std::string>& lost, size_t n, const char* what) {
  if (n > 0) lost.push_back(fmt::format("{} ({})", what, n));
}

void Losses(const Scenario& s, bool wide, const std::vector<PlannedRow>& rows,
            std::vector<std::string>& lost) {
  std::vector<std::string> meta;
  if (!s.id.empty()) meta.push_back("id");
  if (!s.title.empty()) meta.push_back("title");
  if (!s.description.empty()) meta.push_back("description");
  if (!s.as_of.empty()) meta.push_back("as_of");
  if (!s.notes.empty()) meta.push_back("notes");
  if (!meta.empty()) lost.push_back("scenario " + ListIds(meta));
  size_t named = 0, nda = 0, quantity_sources = 0, equal_override = 0, non_finite = 0;
  size_t distributions = 0;
  for (const auto& a : s.actors) {
    non_finite += !std::isfinite(a.capability.value);
    distributions += a.capability.dist.has_value();
    named += !a.name.empty() || !a.description.empty();
    nda += a.no_deal_acceptability.has_value();
    quantity_sources += !a.capability.sources.empty();
  }
  Count(lost, named, "actor names and descriptions");
  Count(lost, nda, "actor no_deal_acceptability");
  if (wide && s.issues.size() != 1) {
    lost.push_back(fmt::format("{} issues (a wide CSV holds exactly one)", s.issues.size()));
  }
  if (s.issues.empty() && !s.actors.empty()) lost.push_back("actors (a CSV row needs an issue)");
  if (s.actors.empty() && !s.issues.empty()) lost.push_back("issues (a CSV row needs an actor)");
  for (size_t i = 0; i < s.issues.size(); ++i) {
    const Issue& is = s.issues[i];
    if (wide && is.id != "issue") lost.push_back(fmt::format("issue id '{}'", is.id));
    if (!is.name.empty() || !is.description.empty()) {
      lost.push_back(fmt::format("name and description of issue '{}'", is.id));
    }
    if (is.HasOptions()) {
      lost.push_back(fmt::format("options of issue '{}'", is.id));
    } else if (is.min != 0 || is.max != 100) {
      lost.push_back(fmt::format("scale {}..{} of issue '{}' (CSV issues are 0..100)",
                                 FormatNumber(is.min), FormatNumber(is.max), is.id));
    }
    if (!is.anchors.empty() && !is.HasOptions()) {
      lost.push_back(fmt::format("anchors of issue '{}'", is.id));
    }
    if (is.no_deal) lost.push_back(fmt::format("no_deal of issue '{}'", is.id));
    for (size_t a = 0; a < s.actors.size(); ++a) {
      const Cell& c = s.At(static_cast<int>(a), static_cast<int>(i));
      quantity_sources += HasQuantitySources(c.position) + HasQuantitySources(c.salience) +
                          HasQuantitySources(c.capability);
      equal_override += c.capability && c.capability->value == s.actors[a].capability.value;
      for (const auto& id : c.sources) {
        bool blank_edge = !id.empty() && (id.front() == ' ' || id.front() == '\t' ||
                                          id.back() == ' ' || id.back() == '\t');
        if (id.find(';') != std::string::npos || blank_edge) {
          lost.push_back(fmt::format("source id '{}' (holds ';' or surrounding blanks)", id));
        }
      }
      for (const auto* q : {&c.position, &c.salience, &c.capability}) {
        non_finite += *q && !std::isfinite((*q)->value);
        distributions += *q && (*q)->dist;
      }
    }
  }
  if (!s.parties.empty()) lost.push_back("parties");
  Count(lost, non_finite, "numbers that are not finite");
  Count(lost, distributions, "distributions of uncertain inputs");
  Count(lost, quantity_sources, "sources cited on single numbers (a CSV cites sources per row)");
  Count(lost, equal_override,
        "per-issue capabilities equal to the actor's capability (they read back as none)");
  std::vector<int> first_issue(s.actors.size(), -1);
  for (const auto& r : rows) {
    if (first_issue[r.actor] < 0) first_issue[r.actor] = r.issue;
  }
  for (size_t a = 0; a < s.actors.size(); ++a) {
    int i = first_issue[a];
    const auto& cap = i >= 0 ? s.At(static_cast<int>(a), i).capability : std::nullopt;
    if (cap && cap->value != s.actors[a].capability.value) {
      lost.push_back(fmt::format(
          "capability {} of actor '{}' (a CSV gives an actor's capability as its value on its "
          "first issue, '{}', which has its own capability {})",
          FormatNumber(s.actors[a].capability.value), s.actors[a].id, s.issues[i].id,
          FormatNumber(cap->value)));
    }
  }
  std::vector<std::string> cited;
  for (const auto& row : s.cells) {
    for (const auto& c : row) cited.insert(cited.end(), c.sources.begin(), c.sources.end());
  }
  std::sort(cited.begin(), cited.end());
  cited.erase(std::unique(cited.begin(), cited.end()), cited.end());
  bool same = s.sources.size() == cited.size();
  for (size_t k = 0; same && k < cited.size(); ++k) {
    const Source& src = s.sources[k];
    same = src.id == cited[k] && src.citation.empty() && src.url.empty() && src.date.empty();
  }
  if (!same) {
    lost.push_back(
        "the sources list (a CSV keeps only the ids its rows cite, sorted, "
        "without citations)");
  }
}

std::string Num(const std::optional<Quantity>& q) { return q ? FormatNumber(q->value) : ""; }

std::string RowSources(const Cell& c) {
  std::vector<std::string> ids = c.sources;
  for (const auto* q : {&c.position, &c.salience, &c.capability}) {
    if (*q) {
      for (const auto& id : (*q)->sources) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
      }
    }
  }
  std::string out;
  for (size_t k = 0; k < ids.size(); ++k) out += (k ? ";" : "") + ids[k];
  return out;
}

std::string Write(const Scenario& s, bool wide, std::vector<std::string>& lost) {
  std::vector<PlannedRow> rows = wide ? PlanWide(s) : PlanLong(s);
  Losses(s, wide, rows, lost);
  bool any_sources = false;
  for (const auto& r : rows)
    any_sources = any_sources || !RowSources(s.At(r.actor, r.issue)).empty();
  std::vector<std::string> header = {"actor", "issue", "capability", "position", "salience"};
  if (wide) header.erase(header.begin() + 1);
  if (any_sources) header.push_back("sources");
  std::string out = CsvLine(header);
  for (const auto& r : rows) {
    const Cell& c = s.At(r.actor, r.issue);
    std::vector<std::string> f = {s.actors[r.actor].id, s.issues[r.issue].id,
                                  FormatNumber(s.Capability(r.actor, r.issue)), Num(c.position),
                                  Num(c.salience)};
    if (wide) f.erase(f.begin() + 1);
    if (any_sources) f.push_back(RowSources(c));
    out += CsvLine(f);
  }
  return out;
}

}  // namespace

std::string WriteLongCsv(const Scenario& s, std::vector<std::string>& lost) {
  return Write(s, false, lost);
}

std::string WriteWideCsv(const Scenario& s, std::vector<std::string>& lost) {
  return Write(s, true, lost);
}

}  // namespace entente::io
