// SPDX-License-Identifier: MIT
// Uncertain numbers in scenario files (docs/uncertainty.md): {value, sd}, {min, max},
// {min, mode, max} and lists of estimates, read with their point values, written back
// exactly, and every mistake reported at its place.
#include <gtest/gtest.h>

#include "entente/io/scenario_io.h"

namespace entente {
namespace {

using K = Distribution::Kind;

constexpr const char* kYaml = R"(entente: 1
id: uncertain
sources:
  - {id: S1, citation: A report}
actors:
  - {id: A, capability: {value: 60, sd: 10}}
  - {id: B, capability: [40, 50, 90], no_deal_acceptability: {min: 10, max: 30}}
issues:
  - id: X
    scale: {min: 0, max: 100}
    no_deal: {estimates: [10, 20], sources: [S1]}
  - id: Y
    options: [kept, phased, lifted]
positions:
  - {actor: A, issue: X, position: {min: 40, max: 70}, salience: {min: 50, mode: 80, max: 90, sources: [S1]}}
  - {actor: B, issue: X, position: [30, 40, 65], salience: 50}
  - {actor: A, issue: Y, position: {value: phased, sd: 0.5}, salience: 40}
  - {actor: B, issue: Y, position: {min: 0, max: 2}, salience: 40}
)";

std::string ErrorOf(const std::string& yaml) {
  try {
    ReadScenario(yaml, ScenarioFormat::kYaml, "u.yaml");
  } catch (const InvalidInput& e) {
    return e.what();
  }
  return "no error";
}

TEST(UncertainNumbers, EveryFormReadsWithItsPointValue) {
  Scenario s = ReadScenario(kYaml, ScenarioFormat::kYaml, "u.yaml");
  EXPECT_EQ(s.actors[0].capability.value, 60);
  EXPECT_EQ(s.actors[0].capability.dist, (Distribution{K::kNormal, {60, 10}}));
  EXPECT_EQ(s.actors[1].capability.value, 60);  // the estimates' mean
  EXPECT_EQ(s.actors[1].capability.dist, (Distribution{K::kEstimates, {40, 50, 90}}));
  EXPECT_EQ(s.actors[1].no_deal_acceptability->value, 20);
  EXPECT_EQ(s.issues[0].no_deal->value, 15);
  EXPECT_EQ(s.issues[0].no_deal->sources, std::vector<std::string>{"S1"});
  const Cell& ax = s.At(0, 0);
  EXPECT_EQ(ax.position->value, 55);  // the midpoint
  EXPECT_EQ(ax.position->dist, (Distribution{K::kUniform, {40, 70}}));
  EXPECT_EQ(ax.salience->value, 80);  // the mode
  EXPECT_EQ(ax.salience->dist, (Distribution{K::kTriangular, {50, 80, 90}}));
  EXPECT_EQ(ax.salience->sources, std::vector<std::string>{"S1"});
  // On an option issue: an option name as the normal's value, or numbers on its 0..k-1 scale.
  EXPECT_EQ(s.At(0, 1).position->dist, (Distribution{K::kNormal, {1, 0.5}}));
  EXPECT_EQ(s.At(1, 1).position->value, 1);
  EXPECT_FALSE(s.At(1, 0).salience->dist.has_value());
}

TEST(UncertainNumbers, YamlAndJsonWriteThemBackExactly) {
  Scenario s = ReadScenario(kYaml, ScenarioFormat::kYaml, "u.yaml");
  for (auto f : {ScenarioFormat::kYaml, ScenarioFormat::kJson}) {
    std::string text = WriteScenario(s, f);
    EXPECT_EQ(ReadScenario(text, f, "w"), s) << text;
  }
  std::string yaml = WriteScenario(s, ScenarioFormat::kYaml);
  EXPECT_NE(yaml.find("capability: [40, 50, 90]"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("no_deal: {estimates: [10, 20], sources: [S1]}"), std::string::npos);
  // A CSV has no place for them: refused, never dropped silently.
  try {
    WriteScenario(s, ScenarioFormat::kLongCsv);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find("csv cannot hold: distributions of uncertain inputs (7)"),
              std::string::npos)
        << e.what();
  }
}

TEST(UncertainNumbers, MistakesAreReportedWhereTheyWereWritten) {
  auto with = [](const std::string& capability) {
    return std::string(kYaml).replace(std::string(kYaml).find("{value: 60, sd: 10}"), 19,
                                      capability);
  };
  EXPECT_EQ(ErrorOf(with("{value: 60, min: 1, max: 90}")),
            "u.yaml:6:25: actors[0].capability: give either {value, sd} (normal) or {min, max} / "
            "{min, mode, max}, not both\n1 problem found\n");
  EXPECT_EQ(ErrorOf(with("{min: 5}")),
            "u.yaml:6:25: actors[0].capability: a range needs max as well as min\n"
            "1 problem found\n");
  EXPECT_EQ(ErrorOf(with("{sd: 3}")),
            "u.yaml:6:25: actors[0].capability: value = '': required field is missing\n"
            "1 problem found\n");
  EXPECT_EQ(ErrorOf(with("{estimates: [1], value: 2}")),
            "u.yaml:6:25: actors[0].capability: estimates cannot be combined with value, sd, "
            "min, mode or max\n1 problem found\n");
  EXPECT_EQ(ErrorOf(with("{min: 80, max: 20}")),
            "u.yaml:6:25: actors[0].capability: capability = '{min: 80, max: 20}': min must be "
            "< max\n1 problem found\n");
  EXPECT_EQ(ErrorOf(with("{value: 60, sd: 0}")),
            "u.yaml:6:33: actors[0].capability: capability = '{value: 60, sd: 0}': sd must be > "
            "0\n1 problem found\n");
  EXPECT_EQ(ErrorOf(with("[-5, 10]")),
            "u.yaml:6:25: actors[0].capability: capability = '[-5, 10]': every estimate must be "
            ">= 0\n1 problem found\n");
  EXPECT_EQ(ErrorOf(with("{mean: 3}")),
            "u.yaml:6:26: actors[0].capability.mean: mean = '3': unknown field; allowed: value, "
            "sd, min, mode, max, estimates, sources\n1 problem found\n");
}

}  // namespace
}  // namespace entente
