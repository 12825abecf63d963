// SPDX-License-Identifier: MIT
#include "entente/report/report.h"

#include <gtest/gtest.h>

#include "entente/core/version.h"
#include "entente/report/hash.h"
#include "entente/report/text.h"

namespace entente {
namespace {

// Three actors on a 0..100 issue with labelled anchors, and an option issue only two of them
// hold a position on.
Scenario Tiny() {
  Scenario s;
  s.id = "tiny";
  s.title = "A tiny test scenario";
  s.as_of = "2025-01-01";
  s.actors = {Actor{"a", "Alpha", "", {50, {}}, {}}, Actor{"b", "Beta", "", {30, {}}, {}},
              Actor{"c", "", "", {20, {}}, {}}};
  s.issues = {Issue{.id = "border",
                    .name = "Border",
                    .anchors = {{0, "Full withdrawal"},
                                {50,
                                 "Freeze on the current line of contact; occupation not "
                                 "legally recognised (de facto control only)"},
                                {100, "Annexation recognised"}},
                    .no_deal = Quantity{60, {}}},
              Issue{.id = "aid",
                    .name = "aid",
                    .max = 2,
                    .anchors = {{0, "none"}, {1, "some"}, {2, "all"}},
                    .options = {"none", "some", "all"}}};
  s.ResizeCells();
  auto set = [&](int a, int i, double p, double sal) {
    s.At(a, i).position = Quantity{p, {}};
    s.At(a, i).salience = Quantity{sal, {}};
  };
  set(0, 0, 10, 80);
  set(1, 0, 90, 60);
  set(2, 0, 50, 20);
  set(0, 1, 2, 50);
  set(1, 1, 0, 50);
  return s;
}

std::vector<ModelResult> Results() {
  ModelResult median{"median(weight=capability*salience)", "median", {}, {}};
  median.forecasts = {IssueForecast{"border", true, 50.0, "", {}},
                      IssueForecast{"aid", true, 2.0, "", {}}};
  ModelResult comp{"compromise(weight=salience)", "compromise", {}, {}};
  comp.forecasts = {IssueForecast{"border", true, 43.3333, "", {{"mean", 43.3333}}},
                    IssueForecast{"aid", false, 0, "every participating actor has weight 0", {}}};
  return {median, comp};
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

TEST(NearestAnchor, PicksClosestAndLowerOnTies) {
  Scenario s = Tiny();
  EXPECT_EQ(NearestAnchor(s.issues[0], 20)->label, "Full withdrawal");
  EXPECT_EQ(NearestAnchor(s.issues[0], 80)->label, "Annexation recognised");
  EXPECT_EQ(NearestAnchor(s.issues[0], 25)->at, 0);  // tie between 0 and 50
  Issue bare{.id = "x"};
  EXPECT_EQ(NearestAnchor(bare, 3), nullptr);
}

TEST(ModelLabels, NameUnlessTwoResultsShareIt) {
  auto r = Results();
  EXPECT_EQ(ModelLabels(r), (std::vector<std::string>{"median", "compromise"}));
  r[1].model = "median";
  r[1].spec = "median(weight=salience)";
  EXPECT_EQ(ModelLabels(r), (std::vector<std::string>{"median(weight=capability*salience)",
                                                      "median(weight=salience)"}));
}

TEST(RenderRunText, KnownLayout) {
  std::string text = RenderRunText(Tiny(), Results(), ReportOptions{});
  std::string expected =
      "A tiny test scenario\n"
      "scenario tiny, as of 2025-01-01, 3 actors, 2 issues\n"
      "models:  median(weight=capability*salience)\n"
      "         compromise(weight=salience)\n"
      "\n"
      "== 1/2 Border [border] =========================================================\n"
      "scale 0 to 100, anchors:\n"
      "    0  Full withdrawal\n"
      "   50  Freeze on the current line of contact; occupation not legally recognised\n"
      "       (de facto control only)\n"
      "  100  Annexation recognised\n"
      "if talks fail: 60.0  Freeze on the current line of contact; occupation not\n"
      "                     legally recognised (de facto control only)\n"
      "forecasts:\n"
      "  median      50.0  Freeze on the current line of contact; occupation not\n"
      "                    legally recognised (de facto control only)\n"
      "  compromise  43.3  Freeze on the current line of contact; occupation not\n"
      "                    legally recognised (de facto control only)\n"
      "who stands where (by position):\n"
      "  actor  position  salience  capability  nearest anchor\n"
      "  Alpha      10.0        80          50  Full withdrawal\n"
      "  c          50.0        20          20  Freeze on the current line of contact;…\n"
      "  Beta       90.0        60          30  Annexation recognised\n"
      "\n"
      "== 2/2 aid =====================================================================\n"
      "options:\n"
      "  0  none\n"
      "  1  some\n"
      "  2  all\n"
      "forecasts:\n"
      "  median      2.00  all\n"
      "  compromise   n/a  every participating actor has weight 0\n"
      "who stands where (by position):\n"
      "  actor  position  salience  capability  nearest anchor\n"
      "  Beta       0.00        50          30  none\n"
      "  Alpha      2.00        50          50  all\n"
      "\n"
      "entente " +
      std::string(kVersion) + "\ninput " + ScenarioHash(Tiny()) + "\n";
  EXPECT_EQ(text, expected);
}

TEST(RenderRunText, FitsTheWidthAndColoursOnlyWhenAsked) {
  Scenario s = Tiny();
  s.actors[2].name = "An actor with a name far too long for any table column";
  s.title = std::string(120, 'T');
  for (int width : {80, 60}) {
    ReportOptions opt;
    opt.width = width;
    std::string text = RenderRunText(s, Results(), opt);
    EXPECT_EQ(text.find('\x1b'), std::string::npos);
    for (const auto& line : Lines(text)) {
      if (line.starts_with("input sha256:")) continue;  // 77 columns: fits 80, not 60
      EXPECT_LE(report::DisplayWidth(line), width) << line;
    }
  }
  ReportOptions color;
  color.color = true;
  EXPECT_NE(RenderRunText(s, Results(), color).find("\x1b[1m"), std::string::npos);
}

TEST(RenderRunText, FindsForecastsByIssueIdAndMarksMissingOnes) {
  auto results = Results();
  std::swap(results[0].forecasts[0], results[0].forecasts[1]);  // order must not matter
  results[1].forecasts.pop_back();                              // no forecast for "aid"
  std::string text = RenderRunText(Tiny(), results, ReportOptions{});
  EXPECT_NE(text.find("  median      50.0  Freeze"), std::string::npos) << text;
  EXPECT_NE(text.find("  median      2.00  all\n  compromise   n/a  no forecast for this issue\n"),
            std::string::npos)
      << text;
}

TEST(RunJson, VersionedDocumentWithNullsForFailedForecasts) {
  auto j = RunJson(Tiny(), Results(), ReportOptions{});
  EXPECT_EQ(j.begin().key(), "entente_json");
  EXPECT_EQ(j["entente_json"], 1);
  EXPECT_EQ(j["kind"], "run");
  EXPECT_EQ(j["version"], kVersion);
  EXPECT_EQ(j["scenario"]["hash"], ScenarioHash(Tiny()));
  EXPECT_EQ(j["models"].size(), 2u);
  EXPECT_FALSE(j["models"][0].contains("traces"));
  const auto& ok = j["models"][1]["forecasts"][0];
  EXPECT_EQ(ok["value"], 43.3333);
  EXPECT_EQ(ok["label"], Tiny().issues[0].anchors[1].label);
  EXPECT_TRUE(ok["why"].is_null());
  EXPECT_EQ(ok["extra"]["mean"], 43.3333);
  const auto& bad = j["models"][1]["forecasts"][1];
  EXPECT_FALSE(bad["ok"]);
  EXPECT_TRUE(bad["value"].is_null());
  EXPECT_TRUE(bad["label"].is_null());
  EXPECT_EQ(bad["why"], "every participating actor has weight 0");
  ReportOptions with;
  with.traces = true;
  EXPECT_TRUE(RunJson(Tiny(), Results(), with)["models"][0]["traces"].is_array());
}

TEST(RunCsv, OneRowPerModelAndIssue) {
  EXPECT_EQ(RunCsv(Tiny(), Results()),
            "model,spec,issue,ok,value,label,why,extra\n"
            "median,median(weight=capability*salience),border,true,50,Freeze on the current "
            "line of contact; occupation not legally recognised (de facto control only),,\n"
            "median,median(weight=capability*salience),aid,true,2,all,,\n"
            "compromise,compromise(weight=salience),border,true,43.3333,Freeze on the current "
            "line of contact; occupation not legally recognised (de facto control only),,"
            "mean=43.3333\n"
            "compromise,compromise(weight=salience),aid,false,,,every participating actor has "
            "weight 0,\n");
}

}  // namespace
}  // namespace entente
