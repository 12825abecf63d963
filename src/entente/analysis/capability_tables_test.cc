// SPDX-License-Identifier: MIT
#include "entente/analysis/capability_tables.h"

#include <gtest/gtest.h>

namespace entente {
namespace {

double Sum(const CapabilityTable& t, bool members_only) {
  double s = 0;
  for (const auto& r : t.rows) {
    if (members_only && (r.actor == "com" || r.actor == "ep")) continue;
    s += r.capability;
  }
  return s;
}

TEST(CapabilityTables, NiceVotesAddUpToTheTreatyTotals) {
  auto t = BuiltinCapabilityTable("nice");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->rows.size(), 30u);
  EXPECT_DOUBLE_EQ(Sum(*t, true), 352);  // EU-28: 345 for EU-27 plus Croatia's 7
  double without_hr = 0;
  for (const auto& r : t->rows) {
    if (r.actor != "com" && r.actor != "ep" && r.actor != "cr") without_hr += r.capability;
  }
  EXPECT_DOUBLE_EQ(without_hr, 345);
}

TEST(CapabilityTables, PopulationAddsUpToTheEu28Total) {
  auto t = BuiltinCapabilityTable("population");
  ASSERT_TRUE(t.has_value());
  EXPECT_NEAR(Sum(*t, true), 513.5, 1e-9);  // Eurostat: EU-28 on 1 January 2019, 513.5 million
  EXPECT_FALSE(BuiltinCapabilityTable("gdp").has_value());
}

CaseSet TwoCases() {
  CaseSet set;
  for (int k = 0; k < 2; ++k) {
    OutcomeCase c;
    c.id = k == 0 ? "c0" : "c1";
    c.year = 2000 + 10 * k;
    c.scenario.issues = {Issue{.id = "i"}};
    for (const char* id : {"DE", "mt", "com"}) {
      c.scenario.actors.push_back(Actor{id, id, "", {5, {}}, {}});
    }
    c.scenario.ResizeCells();
    c.scenario.At(0, 0).capability = Quantity{9, {}};
    set.cases.push_back(c);
  }
  return set;
}

TEST(CapabilityTables, ApplyMatchesIdsCaseInsensitivelyAndClearsOverrides) {
  CaseSet set = TwoCases();
  ApplyCapabilities(set, *BuiltinCapabilityTable("nice"));
  const Scenario& s = set.cases[1].scenario;
  EXPECT_EQ(s.actors[0].capability.value, 29);
  EXPECT_EQ(s.actors[1].capability.value, 3);
  EXPECT_EQ(s.actors[2].capability.value, 29);
  EXPECT_FALSE(s.At(0, 0).capability.has_value());
  ApplyEqualCapabilities(set);
  EXPECT_EQ(set.cases[0].scenario.actors[1].capability.value, 1);
}

TEST(CapabilityTables, PeriodRowsAreChosenByYearAndGapsAreReported) {
  CapabilityTable t{"caps.csv", "", {}};
  t.rows = {{"de", 10, 1990, 2004, Location{"caps.csv", 2, 1, ""}},
            {"de", 20, 2005, std::nullopt, Location{"caps.csv", 3, 1, ""}},
            {"mt", 1, std::nullopt, std::nullopt, Location{"caps.csv", 4, 1, ""}},
            {"com", 5, 2005, 2009, Location{"caps.csv", 5, 1, ""}}};
  CaseSet set = TwoCases();
  try {
    ApplyCapabilities(set, t);
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()),
              "caps.csv: actor = 'com': no row covers year 2000 (rows cover 2005-2009; cases: "
              "c0)\n"
              "caps.csv: actor = 'com': no row covers year 2010 (rows cover 2005-2009; cases: "
              "c1)\n"
              "2 problems found\n");
  }
  t.rows[3].to_year.reset();
  t.rows[3].from_year.reset();
  set = TwoCases();
  ApplyCapabilities(set, t);
  EXPECT_EQ(set.cases[0].scenario.actors[0].capability.value, 10);
  EXPECT_EQ(set.cases[1].scenario.actors[0].capability.value, 20);
}

TEST(CapabilityTables, MissingActorsAndOverlapsAreReportedTogether) {
  CapabilityTable t{"caps.csv", "", {}};
  t.rows = {{"de", 10, 1990, 2004, Location{"caps.csv", 2, 1, ""}},
            {"de", 20, 2000, std::nullopt, Location{"caps.csv", 3, 1, ""}}};
  CaseSet set = TwoCases();
  set.cases[1].year.reset();
  try {
    ApplyCapabilities(set, t);
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("caps.csv: actor = 'com': the capability table has no row for this actor "
                        "(cases: c0, c1)"),
              std::string::npos)
        << what;
    EXPECT_NE(what.find("actor = 'DE': every row for this actor is period-specific but these "
                        "cases have no year: c1"),
              std::string::npos)
        << what;
    EXPECT_NE(what.find("caps.csv:2:1: actor = 'DE': more than one row for this actor applies to "
                        "the same case (period 1990-2004; cases: c0)"),
              std::string::npos)
        << what;
    EXPECT_NE(what.find("5 problems found"), std::string::npos) << what;
  }
}

}  // namespace
}  // namespace entente
