// SPDX-License-Identifier: MIT
#include "entente/io/canonical_json.h"

#include <array>
#include <stdexcept>

#include "entente/core/errors.h"

namespace entente {

namespace {

using json = nlohmann::json;

constexpr std::array<const char*, 4> kKindNames = {"normal", "uniform", "triangular",
                                                   "estimates"};  // Distribution::Kind order

json QuantityJson(const std::optional<Quantity>& q) {
  if (!q) return nullptr;
  json dist = nullptr;
  if (q->dist) {
    dist = {{"kind", kKindNames.at(static_cast<size_t>(q->dist->kind))},
            {"params", q->dist->params}};
  }
  return {{"value", q->value}, {"sources", q->sources}, {"dist", dist}};
}

std::optional<Quantity> ToQuantity(const json& j) {
  if (j.is_null()) return std::nullopt;
  Quantity q{j.at("value").get<double>(), j.at("sources").get<std::vector<std::string>>(), {}};
  const json& d = j.at("dist");
  if (!d.is_null()) {
    const std::string kind = d.at("kind").get<std::string>();
    size_t k = 0;
    while (k < kKindNames.size() && kind != kKindNames[k]) ++k;
    if (k == kKindNames.size()) throw std::out_of_range("distribution kind '" + kind + "'");
    q.dist =
        Distribution{static_cast<Distribution::Kind>(k), d.at("params").get<std::vector<double>>()};
  }
  return q;
}

Quantity Required(const json& j, const char* what) {
  std::optional<Quantity> q = ToQuantity(j);
  if (!q) throw std::out_of_range(std::string(what) + " is null");
  return *q;
}

}  // namespace

json CanonicalScenarioJson(const Scenario& s) {
  json j;
  j["canonical"] = kCanonicalJsonVersion;
  j["id"] = s.id;
  j["title"] = s.title;
  j["description"] = s.description;
  j["as_of"] = s.as_of;
  j["notes"] = s.notes;
  j["parties"] = s.parties;
  j["sources"] = json::array();
  for (const auto& src : s.sources) {
    j["sources"].push_back(
        {{"id", src.id}, {"citation", src.citation}, {"url", src.url}, {"date", src.date}});
  }
  j["actors"] = json::array();
  for (const auto& a : s.actors) {
    j["actors"].push_back({{"id", a.id},
                           {"name", a.name},
                           {"description", a.description},
                           {"capability", QuantityJson(a.capability)},
                           {"no_deal_acceptability", QuantityJson(a.no_deal_acceptability)}});
  }
  j["issues"] = json::array();
  for (const auto& is : s.issues) {
    json anchors = json::array();
    for (const auto& an : is.anchors) anchors.push_back({{"at", an.at}, {"label", an.label}});
    j["issues"].push_back({{"id", is.id},
                           {"name", is.name},
                           {"description", is.description},
                           {"min", is.min},
                           {"max", is.max},
                           {"anchors", anchors},
                           {"options", is.options},
                           {"no_deal", QuantityJson(is.no_deal)}});
  }
  j["cells"] = json::array();
  for (const auto& row : s.cells) {
    json r = json::array();
    for (const auto& c : row) {
      r.push_back({{"position", QuantityJson(c.position)},
                   {"salience", QuantityJson(c.salience)},
                   {"capability", QuantityJson(c.capability)},
                   {"sources", c.sources}});
    }
    j["cells"].push_back(std::move(r));
  }
  return j;
}

Scenario ScenarioFromCanonicalJson(const json& j) {
  try {
    if (j.at("canonical").get<int>() != kCanonicalJsonVersion) {
      throw std::out_of_range("canonical version " + j.at("canonical").dump());
    }
    Scenario s;
    s.id = j.at("id").get<std::string>();
    s.title = j.at("title").get<std::string>();
    s.description = j.at("description").get<std::string>();
    s.as_of = j.at("as_of").get<std::string>();
    s.notes = j.at("notes").get<std::string>();
    s.parties = j.at("parties").get<std::vector<std::string>>();
    for (const auto& x : j.at("sources")) {
      s.sources.push_back(Source{x.at("id"), x.at("citation"), x.at("url"), x.at("date")});
    }
    for (const auto& a : j.at("actors")) {
      s.actors.push_back(Actor{a.at("id"), a.at("name"), a.at("description"),
                               Required(a.at("capability"), "capability"),
                               ToQuantity(a.at("no_deal_acceptability"))});
    }
    for (const auto& x : j.at("issues")) {
      Issue is;
      is.id = x.at("id");
      is.name = x.at("name");
      is.description = x.at("description");
      is.min = x.at("min");
      is.max = x.at("max");
      for (const auto& an : x.at("anchors")) {
        is.anchors.push_back(Anchor{an.at("at"), an.at("label")});
      }
      is.options = x.at("options").get<std::vector<std::string>>();
      is.no_deal = ToQuantity(x.at("no_deal"));
      s.issues.push_back(std::move(is));
    }
    for (const auto& row : j.at("cells")) {
      std::vector<Cell> r;
      for (const auto& c : row) {
        r.push_back(Cell{ToQuantity(c.at("position")), ToQuantity(c.at("salience")),
                         ToQuantity(c.at("capability")),
                         c.at("sources").get<std::vector<std::string>>()});
      }
      s.cells.push_back(std::move(r));
    }
    if (s.cells.size() != s.actors.size()) throw std::out_of_range("cells: one row per actor");
    for (const auto& row : s.cells) {
      if (row.size() != s.issues.size()) throw std::out_of_range("cells: one per issue");
    }
    return s;
  } catch (const json::exception& e) {
    ValidationReport r;
    r.Add(Location{"", 0, 0, "stored scenario"}, "scenario", "", e.what());
    throw InvalidInput(std::move(r));
  } catch (const std::out_of_range& e) {
    ValidationReport r;
    r.Add(Location{"", 0, 0, "stored scenario"}, "scenario", e.what(),
          "not a canonical scenario this entente can read");
    throw InvalidInput(std::move(r));
  }
}

}  // namespace entente
