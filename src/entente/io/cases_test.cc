// SPDX-License-Identifier: MIT
#include "entente/io/cases.h"

#include <cmath>
#include <fstream>

#include <gtest/gtest.h>

namespace entente {
namespace {

const std::string kDir = std::string(ENTENTE_TEST_DATA_DIR);

TEST(Cases, ReadsACaseLibraryAndBacktestsIt) {
  CaseSet set = ReadCasesFile(kDir + "/backtest/bdm1994-cases.yaml");
  EXPECT_EQ(set.name, "bdm1994");
  ASSERT_EQ(set.cases.size(), 1u);
  const OutcomeCase& c = set.cases[0];
  EXPECT_EQ(c.id, "emissions-1994");
  EXPECT_EQ(c.year, 1989);
  EXPECT_EQ(c.scenario.actors.size(), 10u);
  EXPECT_EQ(c.outcome, (std::vector<std::optional<double>>{8.833}));
  EXPECT_FALSE(c.reference_point[0].has_value());
  // The capability x salience weighted mean is 7.389956 (BDM 1994; scenarios/bdm1994-...);
  // the scale is 4..10, so the error is (8.833 - 7.389956) / 6 * 100 points.
  BacktestResult r = RunBacktest(set, BacktestOptions{.models = {"compromise", "median"}});
  ASSERT_EQ(r.forecasters.size(), 3u);  // no baseline actor: only the reference point
  EXPECT_NEAR(r.forecasters[0].scores[0].error, (8.833 - 7.389956) / 6 * 100, 1e-4);
  EXPECT_NEAR(r.forecasters[1].scores[0].error, (8.833 - 7) / 6 * 100, 1e-9);
  EXPECT_EQ(r.forecasters[2].scores[0].why, "no reference point is recorded for this issue");
}

constexpr const char* kScenario =
    R"({"entente": 1, "actors": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
        "issues": [{"id": "x"}, {"id": "y", "options": ["no", "maybe", "yes"], "no_deal": "no"}],
        "positions": [{"actor": "a", "issue": "x", "position": 10, "salience": 50},
                      {"actor": "b", "issue": "x", "position": 30, "salience": 50},
                      {"actor": "c", "issue": "x", "position": 80, "salience": 50},
                      {"actor": "a", "issue": "y", "position": "no", "salience": 50},
                      {"actor": "b", "issue": "y", "position": "yes", "salience": 50}]})";

TEST(Cases, JsonWithOptionOutcomesReferencePointsAndGroups) {
  std::string text = std::string(R"({"entente_cases": 1, "baseline_actor": "c", "cases": [
      {"id": "k1", "groups": {"rule": "QMV"}, "scenario": )") +
                     kScenario +
                     R"(, "outcomes": {"x": 40, "y": "maybe"}, "reference_points": {"x": 0}}]})";
  CaseSet set = ReadCases(text, CasesFormat::kJson, "c.json");
  EXPECT_EQ(set.name, "c.json");
  EXPECT_EQ(set.baseline_actor, "c");
  const OutcomeCase& c = set.cases[0];
  EXPECT_EQ(c.outcome, (std::vector<std::optional<double>>{40.0, 1.0}));
  EXPECT_EQ(c.reference_point, (std::vector<std::optional<double>>{0.0, 0.0}));  // y: no_deal
  using G = std::pair<std::string, std::string>;
  EXPECT_EQ(c.groups, (std::vector<G>{{"rule", "QMV"}}));
}

TEST(Cases, ReportsEveryProblemWithItsPlace) {
  const std::string text =
      "entente_cases: 2\n"
      "colour: red\n"
      "cases:\n"
      "  - id: k1\n"
      "    year: 2004.5\n"
      "    scenario:\n"
      "      entente: 1\n"
      "      actors: [{id: a, capability: -1}, {id: b}]\n"
      "      issues: [{id: x}]\n"
      "      positions: [{actor: a, issue: x, position: 10, salience: 50},\n"
      "                  {actor: b, issue: x, position: 20, salience: 50}]\n"
      "    outcomes: {x: 140, z: 3}\n"
      "  - id: k1\n"
      "    scenario_file: nowhere.yaml\n"
      "    scenario: {}\n"
      "    outcomes: {}\n";
  try {
    ReadCases(text, CasesFormat::kYaml, "bad.yaml");
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()),
              "bad.yaml:1:16: entente_cases: entente_cases = '2': must be 1 (the format "
              "version)\n"
              "bad.yaml:2:1: colour: colour = '': unknown key; allowed: entente_cases, name, "
              "baseline_actor, cases\n"
              "bad.yaml:5:11: cases[0].year: year = '2004.5': must be an integer year such as "
              "2004\n"
              "bad.yaml:8:36: cases[0].scenario.actors[0].capability: capability = '-1': must be "
              "a finite number >= 0\n"
              "bad.yaml:12:19: cases[0].outcomes.x: x = '140': must be between 0 and 100 (the "
              "issue's scale)\n"
              "bad.yaml:12:24: cases[0].outcomes.z: issue = 'z': unknown issue id; the "
              "scenario's issues: x\n"
              "bad.yaml:13:9: cases[1].id: id = 'k1': case id repeated; each case needs its own "
              "id\n"
              "bad.yaml:14:20: cases[1].scenario_file: scenario_file = 'nowhere.yaml': give "
              "either scenario or scenario_file, not both\n"
              "8 problems found\n");
  }
}

TEST(Cases, ScenarioFilesAreReadRelativeToTheLibrary) {
  const std::string dir = ::testing::TempDir();
  {
    std::ofstream f(dir + "/entente_cases_scenario.json");
    f << kScenario;
  }
  const std::string text =
      "entente_cases: 1\ncases:\n  - id: k\n    scenario_file: entente_cases_scenario.json\n"
      "    outcomes: {x: 35}\n";
  CaseSet set = ReadCases(text, CasesFormat::kYaml, "lib.yaml", dir);
  ASSERT_EQ(set.cases.size(), 1u);
  EXPECT_EQ(set.cases[0].scenario.actors.size(), 3u);
  EXPECT_EQ(set.cases[0].outcome[0], 35.0);
  try {
    ReadCases("entente_cases: 1\ncases:\n  - {id: k, scenario_file: nope.json, outcomes: {x: 1}}\n",
              CasesFormat::kYaml, "lib.yaml", dir);
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    ASSERT_EQ(e.report().size(), 1u);
    EXPECT_NE(e.report().problems()[0].where.file.find("nope.json"), std::string::npos);
  }
}

TEST(Cases, OutcomeDataIsReadByExtension) {
  OutcomeData deu = ReadOutcomeDataFile(kDir + "/deu/deu_sample.tsv");
  ASSERT_TRUE(deu.deu.has_value());
  EXPECT_EQ(deu.deu->cases, 44);
  OutcomeData lib = ReadOutcomeDataFile(kDir + "/backtest/bdm1994-cases.yaml");
  EXPECT_FALSE(lib.deu.has_value());
  try {
    ReadOutcomeDataFile("cases.xlsx");
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()),
              "cases.xlsx: dataset = 'cases.xlsx': unknown extension; a case library is .json, "
              ".yaml or .yml, a DEU table .tsv, .csv, .tab or .txt\n1 problem found\n");
  }
}

}  // namespace
}  // namespace entente
