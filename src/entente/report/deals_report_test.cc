// SPDX-License-Identifier: MIT
#include "entente/report/deals_report.h"

#include <gtest/gtest.h>

namespace entente {
namespace {

// Two parties dividing 0..100 (A wants 0, B wants 100); no deal at `no_deal`.
Scenario Divide(double no_deal) {
  Scenario s;
  s.id = "divide";
  s.title = "Divide";
  s.actors = {{"A", "A", "", {1, {}}, std::nullopt}, {"B", "B", "", {1, {}}, std::nullopt}};
  s.issues = {Issue{.id = "X",
                    .name = "share",
                    .anchors = {{0, "all to A"}, {100, "all to B"}},
                    .no_deal = Quantity{no_deal, {}}}};
  s.ResizeCells();
  s.At(0, 0) = Cell{Quantity{0, {}}, Quantity{50, {}}, std::nullopt, {}};
  s.At(1, 0) = Cell{Quantity{100, {}}, Quantity{50, {}}, std::nullopt, {}};
  return s;
}

TEST(DealsReport, OptionText) {
  SpaceIssue numeric{"X", "X", true, {40, 60}, {"all to A", "a rather long anchor label here"}};
  EXPECT_EQ(OptionText(numeric, 0), "40 all to A");
  EXPECT_EQ(OptionText(numeric, 1, 10), "60 a rather…");
  SpaceIssue named{"Y", "Y", false, {0, 1}, {"red", "blue"}};
  EXPECT_EQ(OptionText(named, 1), "blue");
}

TEST(DealsReport, TextJsonAndCsvOfANonEmptyZone) {
  Scenario sc = Divide(50);
  AgreementSpace s = BuildSpace(sc, {.no_agreement_cost = {{"A", 0.3}, {"B", 0.5}}});
  DealsAnalysis d = AnalyseDeals(s, {}, RunContext{});
  std::string text = RenderDealsText(s, d, {&sc, nullptr});
  EXPECT_NE(text.find("Zone of possible agreement: 17 of 21 packages (81%), exact count\n"),
            std::string::npos)
      << text;
  EXPECT_NE(
      text.find("Nash bargaining solution     1  40 all to A  0.600 (+0.400)  0.400 (+0.400)"),
      std::string::npos)
      << text;
  auto j = DealsJson(s, d, {&sc, nullptr});
  EXPECT_EQ(j["kind"], "deals");
  EXPECT_EQ(j["zone"]["size"], 17);
  EXPECT_EQ(j["solutions"][0]["key"], "nash");
  EXPECT_EQ(j["solutions"][0]["utilities"][0]["exact"], "3/5");
  EXPECT_EQ(j["space"]["parties"][0]["disagreement_exact"], "1/5");
  // The frontier's points for charts: every one of the 21 packages (u_A + u_B = 1), by A's
  // utility descending; in the zone the 17 whose utilities beat no deal.
  ASSERT_EQ(j["pareto"]["frontier"].size(), 21u);
  EXPECT_EQ(j["pareto"]["frontier"][0], nlohmann::ordered_json::parse("[1.0, 0.0]"));
  EXPECT_EQ(j["pareto"]["frontier"][20], nlohmann::ordered_json::parse("[0.0, 1.0]"));
  EXPECT_EQ(j["pareto_zone"]["frontier"].size(), j["pareto_zone"]["points"].get<size_t>());
  EXPECT_EQ(j["pareto_zone"]["frontier"].size(), 17u);
  std::string csv = DealsCsv(s, d);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "row,exists,ties,X,X_label,A_utility,A_gain,B_utility,B_gain");
  EXPECT_NE(csv.find("\nNash bargaining solution,true,1,40,all to A,0.6,0.4,0.4,0.4\n"),
            std::string::npos)
      << csv;
}

TEST(DealsReport, EmptyZoneSaysHowFarFromRipe) {
  Scenario sc = Divide(52);
  AgreementSpace s = BuildSpace(sc);
  DealsAnalysis d = AnalyseDeals(s, {}, RunContext{});
  std::string text = RenderDealsText(s, d, {&sc, nullptr});
  EXPECT_NE(text.find("Zone of possible agreement: EMPTY"), std::string::npos) << text;
  EXPECT_NE(text.find("  Conflicting no-deal constraints (minimal sets): {A, B}\n"),
            std::string::npos);
  EXPECT_NE(text.find("falls by 0.020 (uniform cost"), std::string::npos) << text;
  EXPECT_EQ(text.find("no package is rational"), std::string::npos);  // said once, above
  EXPECT_NE(text.find("lowers its no-deal utility by: A 0.030, B 0.020"), std::string::npos);
  auto j = DealsJson(s, d, {&sc, nullptr});
  EXPECT_EQ(j["zone"]["ripeness"]["uniform_cost_exact"], "1/50");
  EXPECT_EQ(j["solutions"][0]["exists"], false);
}

}  // namespace
}  // namespace entente
