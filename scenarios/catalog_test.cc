// SPDX-License-Identifier: MIT
// The built-in catalog: both files read through the real YAML reader, with the counts, sources
// and known answers of their data (fact sheet §3 for ukraine-2025; BDM 1994 p. 78).
#include "scenarios/catalog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "entente/io/scenario_io.h"
#include "entente/models/registry.h"

namespace entente {
namespace {

Scenario Load(std::string_view name) {
  std::optional<Scenario> s = LoadBuiltinScenario(name);
  EXPECT_TRUE(s.has_value()) << name;
  return s.value_or(Scenario{});
}

double Forecast(const Scenario& s, std::string_view spec, int issue) {
  return RunModel(s, spec).forecasts.at(issue).value;
}

TEST(Catalog, ListsBothBuiltinsDefaultFirst) {
  const auto& list = BuiltinScenarioList();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].name, "ukraine-2025");
  EXPECT_EQ(list[1].name, "bdm1994-eu-emissions");
  for (const auto& b : list) {
    Scenario s = Load(b.name);
    EXPECT_EQ(s.id, b.name);
    EXPECT_EQ(s.title, b.title);
    EXPECT_FALSE(b.title.empty());
  }
}

TEST(Catalog, UnknownNameGivesNothing) {
  EXPECT_FALSE(LoadBuiltinScenario("no-such-scenario").has_value());
  EXPECT_FALSE(LoadBuiltinScenario("ukraine-2025.yaml").has_value());
  EXPECT_EQ(BuiltinScenarioText("no-such-scenario"), "");
}

TEST(Catalog, TextIsTheShippedYaml) {
  std::string text = BuiltinScenarioText("ukraine-2025");
  EXPECT_EQ(text.rfind("# SPDX-License-Identifier: MIT\n", 0), 0u);
  EXPECT_NE(text.find("\nid: ukraine-2025\n"), std::string::npos);
  EXPECT_EQ(ReadScenario(text, ScenarioFormat::kYaml, "copy"), Load("ukraine-2025"));
}

TEST(Ukraine2025, ShapeAndParties) {
  Scenario s = Load("ukraine-2025");
  EXPECT_EQ(s.as_of, "2025-02-12");
  ASSERT_EQ(s.actors.size(), 10u);
  ASSERT_EQ(s.issues.size(), 8u);
  EXPECT_EQ(s.parties, (std::vector<std::string>{"USA", "RUS", "UKR", "EU"}));
  EXPECT_EQ(s.sources.size(), 91u);
  EXPECT_EQ(s.sources.front().id, "S1");
  EXPECT_EQ(s.sources.back().id, "S91");
  EXPECT_EQ(s.notes.rfind("ALL NUMBERS IN THIS FILE ARE ANALYST JUDGMENTS read off the cited", 0),
            0u);
  EXPECT_NE(s.notes.find("PARTIES."), std::string::npos);
  for (const Issue& is : s.issues) {
    EXPECT_EQ(is.min, 0);
    EXPECT_EQ(is.max, 100);
    // 0/25/50/75/100 from the fact sheet, except AID_BURDEN which has no 25/75 labels.
    EXPECT_EQ(is.anchors.size(), is.id == "AID_BURDEN" ? 3u : 5u) << is.id;
    ASSERT_TRUE(is.no_deal.has_value()) << is.id;
  }
}

TEST(Ukraine2025, EveryNumberCitesSources) {
  Scenario s = Load("ukraine-2025");
  std::set<std::string> ids;
  for (const Source& src : s.sources) ids.insert(src.id);
  auto cited = [&](const Quantity& q, const std::string& what) {
    EXPECT_FALSE(q.sources.empty()) << what;
    for (const auto& id : q.sources) EXPECT_TRUE(ids.count(id)) << what << " cites " << id;
  };
  for (const Actor& a : s.actors) {
    cited(a.capability, a.id + ".capability");
    ASSERT_TRUE(a.no_deal_acceptability.has_value()) << a.id;
    cited(*a.no_deal_acceptability, a.id + ".no_deal_acceptability");
  }
  for (const Issue& is : s.issues) cited(*is.no_deal, is.id + ".no_deal");
  for (size_t a = 0; a < s.actors.size(); ++a) {
    for (size_t i = 0; i < s.issues.size(); ++i) {
      const Cell& c = s.At(a, i);
      std::string where = s.actors[a].id + "/" + s.issues[i].id;
      ASSERT_TRUE(c.position && c.salience && c.capability) << where;
      cited(*c.position, where + ".position");
      cited(*c.salience, where + ".salience");
      cited(*c.capability, where + ".capability");
    }
  }
}

TEST(Ukraine2025, NumbersFromTheFactSheet) {
  Scenario s = Load("ukraine-2025");
  int usa = s.ActorIndex("USA"), rus = s.ActorIndex("RUS"), hun = s.ActorIndex("HUN");
  int territory = s.IssueIndex("TERRITORY"), sanctions = s.IssueIndex("SANCTIONS");
  ASSERT_TRUE(usa >= 0 && rus >= 0 && hun >= 0 && territory >= 0 && sanctions >= 0);
  EXPECT_EQ(s.actors[usa].capability.value, 90);  // §2.1 headline
  EXPECT_EQ(s.Capability(usa, territory), 80);    // ukraine-2025.csv, per issue
  EXPECT_EQ(s.At(usa, territory).position->value, 60);
  EXPECT_EQ(s.At(usa, territory).salience->value, 50);
  EXPECT_EQ(s.At(rus, territory).position->value, 100);
  EXPECT_EQ(s.Capability(hun, sanctions), 60);
  EXPECT_EQ(s.actors[hun].no_deal_acceptability->value, 25);
  EXPECT_EQ(s.issues[territory].no_deal->value, 55);
}

// Fact sheet §3: the capability x salience weighted mean per issue, to two decimals.
TEST(Ukraine2025, WeightedMeansMatchTheFactSheetCheck) {
  Scenario s = Load("ukraine-2025");
  const std::pair<const char*, double> expected[] = {
      {"TERRITORY", 60.34},  {"NATO", 61.75},
      {"GUARANTEES", 30.08}, {"ARMY_CAP", 23.17},
      {"SANCTIONS", 42.38},  {"FROZEN_ASSETS", 44.74},
      {"AID_BURDEN", 66.53}, {"EU_DEFENCE_SPEND", 59.52}};
  ModelResult r = RunModel(s, "compromise");
  for (const auto& [id, mean] : expected) {
    int i = s.IssueIndex(id);
    ASSERT_GE(i, 0) << id;
    EXPECT_NEAR(r.forecasts[i].value, mean, 0.005) << id;
  }
}

TEST(Bdm1994, ReferenceCase) {
  Scenario s = Load("bdm1994-eu-emissions");
  ASSERT_EQ(s.actors.size(), 10u);
  ASSERT_EQ(s.issues.size(), 1u);
  EXPECT_EQ(s.issues[0].min, 4);
  EXPECT_EQ(s.issues[0].max, 10);
  EXPECT_TRUE(s.parties.empty());
  for (size_t a = 0; a < s.actors.size(); ++a) {
    EXPECT_FALSE(s.actors[a].capability.sources.empty());
    EXPECT_FALSE(s.At(a, 0).position->sources.empty());
    EXPECT_FALSE(s.At(a, 0).salience->sources.empty());
  }
  EXPECT_NEAR(Forecast(s, "compromise", 0), 7.389956, 5e-7);  // Scholz et al. round 0 mean
  EXPECT_EQ(Forecast(s, "median", 0), 7);                     // round 0 median
}

TEST(Catalog, BuiltinsRoundTripThroughYaml) {
  for (const auto& b : BuiltinScenarioList()) {
    Scenario s = Load(b.name);
    std::string text = WriteScenario(s, ScenarioFormat::kYaml);
    EXPECT_EQ(ReadScenario(text, ScenarioFormat::kYaml, "roundtrip"), s) << b.name;
  }
}

}  // namespace
}  // namespace entente
