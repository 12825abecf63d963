// SPDX-License-Identifier: MIT
#include "entente/store/scenario_json.h"

#include "entente/core/errors.h"

namespace entente {

namespace {

using json = nlohmann::json;

json Q(const Quantity& q) {
  json j = {{"value", q.value}, {"sources", q.sources}};
  if (q.dist) {
    j["dist"] = {{"kind", static_cast<int>(q.dist->kind)}, {"params", q.dist->params}};
  }
  return j;
}

json Q(const std::optional<Quantity>& q) { return q ? Q(*q) : json(nullptr); }

Quantity ToQ(const json& j) {
  Quantity q{j.at("value").get<double>(), j.at("sources").get<std::vector<std::string>>(), {}};
  if (j.contains("dist")) {
    int kind = j["dist"].at("kind").get<int>();
    if (kind < 0 || kind > static_cast<int>(Distribution::Kind::kEstimates)) {
      throw std::out_of_range("distribution kind");
    }
    q.dist = Distribution{static_cast<Distribution::Kind>(kind),
                          j["dist"].at("params").get<std::vector<double>>()};
  }
  return q;
}

std::optional<Quantity> ToOptQ(const json& j) {
  if (j.is_null()) return std::nullopt;
  return ToQ(j);
}

}  // namespace

json ScenarioToStoreJson(const Scenario& s) {
  json j = {{"store_scenario", kStoreScenarioVersion},
            {"id", s.id},
            {"title", s.title},
            {"description", s.description},
            {"as_of", s.as_of},
            {"notes", s.notes},
            {"parties", s.parties}};
  j["sources"] = json::array();
  for (const auto& x : s.sources) {
    j["sources"].push_back({x.id, x.citation, x.url, x.date});
  }
  j["actors"] = json::array();
  for (const auto& a : s.actors) {
    j["actors"].push_back({{"id", a.id},
                           {"name", a.name},
                           {"description", a.description},
                           {"capability", Q(a.capability)},
                           {"no_deal_acceptability", Q(a.no_deal_acceptability)}});
  }
  j["issues"] = json::array();
  for (const auto& is : s.issues) {
    json anchors = json::array();
    for (const auto& an : is.anchors) anchors.push_back({an.at, an.label});
    j["issues"].push_back({{"id", is.id},
                           {"name", is.name},
                           {"description", is.description},
                           {"min", is.min},
                           {"max", is.max},
                           {"anchors", anchors},
                           {"options", is.options},
                           {"no_deal", Q(is.no_deal)}});
  }
  j["cells"] = json::array();
  for (const auto& row : s.cells) {
    json r = json::array();
    for (const auto& c : row) {
      r.push_back({Q(c.position), Q(c.salience), Q(c.capability), c.sources});
    }
    j["cells"].push_back(std::move(r));
  }
  return j;
}

Scenario ScenarioFromStoreJson(const json& j) {
  try {
    if (j.at("store_scenario").get<int>() != kStoreScenarioVersion) {
      throw std::out_of_range("store_scenario version");
    }
    Scenario s;
    s.id = j.at("id").get<std::string>();
    s.title = j.at("title").get<std::string>();
    s.description = j.at("description").get<std::string>();
    s.as_of = j.at("as_of").get<std::string>();
    s.notes = j.at("notes").get<std::string>();
    s.parties = j.at("parties").get<std::vector<std::string>>();
    for (const auto& x : j.at("sources")) {
      s.sources.push_back(Source{x.at(0), x.at(1), x.at(2), x.at(3)});
    }
    for (const auto& a : j.at("actors")) {
      s.actors.push_back(Actor{a.at("id"), a.at("name"), a.at("description"),
                               ToQ(a.at("capability")), ToOptQ(a.at("no_deal_acceptability"))});
    }
    for (const auto& x : j.at("issues")) {
      Issue is;
      is.id = x.at("id");
      is.name = x.at("name");
      is.description = x.at("description");
      is.min = x.at("min");
      is.max = x.at("max");
      for (const auto& an : x.at("anchors")) is.anchors.push_back(Anchor{an.at(0), an.at(1)});
      is.options = x.at("options").get<std::vector<std::string>>();
      is.no_deal = ToOptQ(x.at("no_deal"));
      s.issues.push_back(std::move(is));
    }
    for (const auto& row : j.at("cells")) {
      std::vector<Cell> r;
      for (const auto& c : row) {
        r.push_back(Cell{ToOptQ(c.at(0)), ToOptQ(c.at(1)), ToOptQ(c.at(2)),
                         c.at(3).get<std::vector<std::string>>()});
      }
      s.cells.push_back(std::move(r));
    }
    if (s.cells.size() != s.actors.size()) throw std::out_of_range("cells");
    for (const auto& row : s.cells) {
      if (row.size() != s.issues.size()) throw std::out_of_range("cells");
    }
    return s;
  } catch (const nlohmann::json::exception& e) {
    ValidationReport r;
    r.Add(Location{"", 0, 0, "stored scenario"}, "scenario", "", e.what());
    throw InvalidInput(std::move(r));
  } catch (const std::out_of_range& e) {
    ValidationReport r;
    r.Add(Location{"", 0, 0, "stored scenario"}, "scenario", e.what(), "unreadable");
    throw InvalidInput(std::move(r));
  }
}

}  // namespace entente
