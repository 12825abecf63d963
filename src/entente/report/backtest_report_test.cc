// SPDX-License-Identifier: MIT
#include "entente/report/backtest_report.h"

#include <gtest/gtest.h>

#include "entente/report/text.h"

namespace entente {
namespace {

// One case, issue 0-100, outcome 50, reference point 0; X 0 (sal 50), Y 60 (100), Z 100 (50):
// compromise (0*50 + 60*100 + 100*50) / 200 = 55 (error 5), median(weight=salience) 60 (10), status
// quo 0 (50), X's position 0 (50).
BacktestResult Small() {
  OutcomeCase c;
  c.id = "A";
  c.scenario.issues = {Issue{.id = "a1"}};
  const double cells[3][2] = {{0, 50}, {60, 100}, {100, 50}};
  for (const char* id : {"X", "Y", "Z"})
    c.scenario.actors.push_back(Actor{id, id, "", {1, {}}, {}});
  c.scenario.ResizeCells();
  for (int a = 0; a < 3; ++a) {
    c.scenario.At(a, 0).position = Quantity{cells[a][0], {}};
    c.scenario.At(a, 0).salience = Quantity{cells[a][1], {}};
  }
  c.outcome = {50.0};
  c.reference_point = {0.0};
  c.groups = {{"procedure", "co-decision"}};
  CaseSet set{"small", {c}, "X", {"skipped 1 row without an outcome: B"}};
  return RunBacktest(set, BacktestOptions{.models = {"compromise", "median(weight=salience)"}});
}

TEST(BacktestReport, LabelsAreShortUnlessAmbiguous) {
  EXPECT_EQ(ForecasterLabels(Small()),
            (std::vector<std::string>{"compromise", "median", "status quo", "X position"}));
  BacktestResult r = Small();
  r.forecasters[0].label = "median(weight=capability*salience)";
  EXPECT_EQ(ForecasterLabels(r)[0], "median(weight=capability*salience)");
  EXPECT_EQ(ForecasterLabels(r)[1], "median(weight=salience)");
}

TEST(BacktestReport, CsvHasOneRowPerForecasterAndIssue) {
  EXPECT_EQ(BacktestCsv(Small()),
            "case,issue,outcome,forecaster,spec,ok,forecast,error,why,procedure\n"
            "A,a1,50,compromise,compromise(weight=capability*salience),true,55,5,,co-decision\n"
            "A,a1,50,median,median(weight=salience),true,60,10,,co-decision\n"
            "A,a1,50,status quo,reference-point,true,0,50,,co-decision\n"
            "A,a1,50,X position,position:X,true,0,50,,co-decision\n");
}

TEST(BacktestReport, JsonCarriesSummariesPairsAndIssues) {
  nlohmann::ordered_json j = BacktestJson(Small(), BacktestReportOptions{.capability = "equal"});
  EXPECT_EQ(j["kind"], "backtest");
  EXPECT_EQ(j["capability"], "equal");
  EXPECT_EQ(j["forecasters"].size(), 4u);
  EXPECT_EQ(j["forecasters"][0]["mae"], 5.0);
  EXPECT_EQ(j["forecasters"][1]["label"], "median");
  EXPECT_EQ(j["pairs"].size(), 6u);
  EXPECT_EQ(j["pairs"][0]["mean_difference"], -5.0);
  EXPECT_EQ(j["issues"][0]["forecasts"][1]["forecast"], 60.0);
  EXPECT_EQ(j["groups"][0]["value"], "co-decision");
  EXPECT_EQ(j["notes"][0], "skipped 1 row without an outcome: B");
}

TEST(BacktestReport, TextFitsEightyColumns) {
  std::string text = RenderBacktestText(Small(), BacktestReportOptions{.capability = "equal"});
  EXPECT_NE(text.find("Backtest of 1 issue (1 case) from small\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  compromise  1       0   5.0    5.0 to 5.0     5.0   5.0  100%  100%\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Data: skipped 1 row without an outcome: B\n"), std::string::npos);
  EXPECT_NE(text.find("Model median = median(weight=salience)\n"), std::string::npos);
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    EXPECT_LE(report::DisplayWidth(text.substr(start, end - start)), 80)
        << text.substr(start, end - start);
    start = end + 1;
  }
}

}  // namespace
}  // namespace entente
