// SPDX-License-Identifier: MIT
#include "entente/core/validate.h"

#include <cmath>
#include <set>

#include <fmt/format.h>

#include "entente/core/distribution.h"

namespace entente {

Location LocationMap::Find(const std::string& key) const {
  std::string k = key;
  while (true) {
    auto it = map_.find(k);
    if (it != map_.end()) return it->second;
    size_t cut = k.find_last_of(".[");
    if (cut == std::string::npos || cut == 0) break;
    k.resize(cut);
  }
  return Location{file_, 0, 0, key};
}

std::string FormatValue(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  return fmt::format("{}", v);
}

namespace {

class Checker {
 public:
  Checker(const Scenario& s, const LocationMap& w, ValidationReport& r) : s_(s), w_(w), r_(r) {}

  void Add(const std::string& key, const std::string& field, const std::string& value,
           const std::string& msg) {
    r_.Add(w_.Find(key), field, value, msg);
  }

  void Range(const std::string& key, const std::string& field, double v, double lo, double hi) {
    if (!std::isfinite(v)) {
      Add(key, field, FormatValue(v),
          fmt::format("must be a finite number between {} and {}", FormatValue(lo),
                      FormatValue(hi)));
    } else if (v < lo || v > hi) {
      Add(key, field, FormatValue(v),
          fmt::format("must be between {} and {}", FormatValue(lo), FormatValue(hi)));
    }
  }

  void NonNegative(const std::string& key, const std::string& field, double v) {
    if (!std::isfinite(v) || v < 0) {
      Add(key, field, FormatValue(v), "must be a finite number >= 0");
    }
  }

  // An uncertain input's distribution must suit the quantity's range [lo, hi].
  void Dist(const std::string& key, const std::string& field, const Quantity& q, double lo,
            double hi) {
    if (!q.dist) return;
    std::string why = DistributionProblem(*q.dist, lo, hi);
    if (!why.empty()) Add(key, field, DistributionText(*q.dist), why);
  }

  void Sources(const std::string& key, const std::vector<std::string>& ids) {
    for (const auto& id : ids) {
      if (!source_ids_.count(id)) {
        Add(key, "sources", id,
            source_ids_.empty() ? "cites an unknown source id (the scenario lists no sources)"
                                : "cites an unknown source id");
      }
    }
  }

  void Id(const std::string& key, const std::string& kind, const std::string& id,
          std::set<std::string>& seen) {
    if (id.empty()) {
      Add(key + ".id", "id", "", fmt::format("every {} needs a non-empty id", kind));
    } else if (!seen.insert(id).second) {
      Add(key + ".id", "id", id, fmt::format("duplicate {} id; ids must be unique", kind));
    }
  }

  void Run() {
    std::set<std::string> seen;
    for (size_t k = 0; k < s_.sources.size(); ++k) {
      Id(fmt::format("sources[{}]", k), "source", s_.sources[k].id, seen);
    }
    source_ids_ = seen;
    if (s_.actors.empty()) Add("actors", "actors", "", "a scenario needs at least one actor");
    if (s_.issues.empty()) Add("issues", "issues", "", "a scenario needs at least one issue");
    seen.clear();
    for (size_t a = 0; a < s_.actors.size(); ++a) {
      const auto& act = s_.actors[a];
      std::string key = fmt::format("actors[{}]", a);
      Id(key, "actor", act.id, seen);
      NonNegative(key + ".capability", "capability", act.capability.value);
      Dist(key + ".capability", "capability", act.capability, 0, HUGE_VAL);
      Sources(key + ".capability", act.capability.sources);
      if (act.no_deal_acceptability) {
        Range(key + ".no_deal_acceptability", "no_deal_acceptability",
              act.no_deal_acceptability->value, 0, 100);
        Dist(key + ".no_deal_acceptability", "no_deal_acceptability", *act.no_deal_acceptability, 0,
             100);
        Sources(key + ".no_deal_acceptability", act.no_deal_acceptability->sources);
      }
    }
    seen.clear();
    for (size_t i = 0; i < s_.issues.size(); ++i) CheckIssue(i, seen);
    CheckCells();
    std::set<std::string> party_seen;
    for (size_t p = 0; p < s_.parties.size(); ++p) {
      std::string key = fmt::format("parties[{}]", p);
      if (s_.ActorIndex(s_.parties[p]) < 0) {
        Add(key, "parties", s_.parties[p], "names an unknown actor; parties must be actor ids");
      } else if (!party_seen.insert(s_.parties[p]).second) {
        Add(key, "parties", s_.parties[p], "actor listed twice as a party");
      }
    }
  }

 private:
  void CheckIssue(size_t i, std::set<std::string>& seen) {
    const auto& is = s_.issues[i];
    std::string key = fmt::format("issues[{}]", i);
    Id(key, "issue", is.id, seen);
    bool scale_ok = std::isfinite(is.min) && std::isfinite(is.max) && is.min < is.max;
    if (!scale_ok) {
      Add(key + ".max", "max", FormatValue(is.max),
          fmt::format("the scale needs finite min < max (min is {})", FormatValue(is.min)));
    }
    for (size_t k = 0; k < is.anchors.size(); ++k) {
      if (scale_ok) {
        Range(fmt::format("{}.anchors[{}]", key, k), "anchor", is.anchors[k].at, is.min, is.max);
      }
    }
    if (is.no_deal) {
      if (scale_ok) Range(key + ".no_deal", "no_deal", is.no_deal->value, is.min, is.max);
      if (scale_ok) Dist(key + ".no_deal", "no_deal", *is.no_deal, is.min, is.max);
      Sources(key + ".no_deal", is.no_deal->sources);
    }
  }

  void CheckCells() {
    if (s_.cells.size() != s_.actors.size()) return;
    for (size_t i = 0; i < s_.issues.size(); ++i) {
      const auto& is = s_.issues[i];
      int participants = 0;
      for (size_t a = 0; a < s_.actors.size(); ++a) {
        if (s_.cells[a].size() != s_.issues.size()) return;
        const Cell& c = s_.cells[a][i];
        std::string key = fmt::format("cells[{}][{}]", a, i);
        if (c.position) {
          Range(key + ".position", "position", c.position->value, is.min, is.max);
          Dist(key + ".position", "position", *c.position, is.min, is.max);
          Sources(key + ".position", c.position->sources);
        }
        if (c.salience) {
          Range(key + ".salience", "salience", c.salience->value, 0, 100);
          Dist(key + ".salience", "salience", *c.salience, 0, 100);
          Sources(key + ".salience", c.salience->sources);
        }
        if (c.capability) {
          NonNegative(key + ".capability", "capability", c.capability->value);
          Dist(key + ".capability", "capability", *c.capability, 0, HUGE_VAL);
          Sources(key + ".capability", c.capability->sources);
        }
        Sources(key + ".sources", c.sources);
        if (c.position && !c.salience) {
          Add(key + ".salience", "salience", "",
              fmt::format("actor '{}' has a position on issue '{}' but no salience",
                          s_.actors[a].id, is.id));
        }
        if (c.position && c.salience) ++participants;
      }
      if (participants < 2) {
        Add(fmt::format("issues[{}]", i), "issue", is.id,
            fmt::format("has {} participating actor{}; an issue needs at least 2 actors with a "
                        "position and a salience",
                        participants, participants == 1 ? "" : "s"));
      }
    }
  }

  const Scenario& s_;
  const LocationMap& w_;
  ValidationReport& r_;
  std::set<std::string> source_ids_;
};

}  // namespace

bool ValidateScenario(const Scenario& s, const LocationMap& where, ValidationReport& report) {
  size_t before = report.size();
  Checker(s, where, report).Run();
  return report.size() == before;
}

}  // namespace entente
