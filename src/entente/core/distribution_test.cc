// SPDX-License-Identifier: MIT
#include "entente/core/distribution.h"

#include <cmath>

#include <gtest/gtest.h>

#include "entente/core/validate.h"

namespace entente {
namespace {

using K = Distribution::Kind;

TEST(Distribution, AcceptsWellFormedForms) {
  EXPECT_EQ(DistributionProblem({K::kNormal, {50, 5}}, 0, 100), "");
  EXPECT_EQ(DistributionProblem({K::kUniform, {10, 20}}, 0, 100), "");
  EXPECT_EQ(DistributionProblem({K::kTriangular, {10, 10, 20}}, 0, 100), "");
  EXPECT_EQ(DistributionProblem({K::kEstimates, {3}}, 0, 100), "");
  EXPECT_EQ(DistributionProblem({K::kUniform, {1, 1e9}}, 0, HUGE_VAL), "");
}

TEST(Distribution, NamesWhatIsWrong) {
  EXPECT_EQ(DistributionProblem({K::kNormal, {50, 0}}, 0, 100), "sd must be > 0");
  EXPECT_EQ(DistributionProblem({K::kNormal, {150, 3}}, 0, 100), "value must be between 0 and 100");
  EXPECT_EQ(DistributionProblem({K::kUniform, {20, 10}}, 0, 100), "min must be < max");
  EXPECT_EQ(DistributionProblem({K::kUniform, {-1, 10}}, 0, HUGE_VAL), "min and max must be >= 0");
  EXPECT_EQ(DistributionProblem({K::kTriangular, {10, 30, 20}}, 0, 100),
            "need min <= mode <= max with min < max");
  EXPECT_EQ(DistributionProblem({K::kEstimates, {}}, 0, 100),
            "a list of estimates needs at least one value");
  EXPECT_EQ(DistributionProblem({K::kEstimates, {5, 101}}, 0, 100),
            "every estimate must be between 0 and 100");
  EXPECT_EQ(DistributionProblem({K::kNormal, {NAN, 1}}, 0, 100),
            "every number of a distribution must be finite");
  EXPECT_EQ(DistributionProblem({K::kNormal, {1}}, 0, 100),
            "a normal distribution needs {value, sd}");
}

TEST(Distribution, PointValueIsWhatDeterministicRunsUse) {
  EXPECT_EQ(PointValue({K::kNormal, {50, 5}}), 50);
  EXPECT_EQ(PointValue({K::kUniform, {10, 20}}), 15);
  EXPECT_EQ(PointValue({K::kTriangular, {10, 12, 20}}), 12);
  EXPECT_EQ(PointValue({K::kEstimates, {10, 20, 60}}), 30);
  EXPECT_TRUE(std::isnan(PointValue({K::kUniform, {10}})));
}

TEST(Distribution, TextIsTheWrittenForm) {
  EXPECT_EQ(DistributionText({K::kNormal, {50, 2.5}}), "{value: 50, sd: 2.5}");
  EXPECT_EQ(DistributionText({K::kTriangular, {1, 2, 3}}), "{min: 1, mode: 2, max: 3}");
  EXPECT_EQ(DistributionText({K::kEstimates, {10, 20}}), "[10, 20]");
}

TEST(Distribution, ValidateScenarioReportsBadDistributionsAtTheirPlace) {
  Scenario s;
  s.id = "t";
  s.actors = {{"A", "A", "", {1.0, {}}, std::nullopt}, {"B", "B", "", {2.0, {}}, std::nullopt}};
  s.actors[1].capability.dist = Distribution{K::kUniform, {3, 1}};
  s.issues = {Issue{.id = "X", .name = "X", .min = 0, .max = 10}};
  s.ResizeCells();
  s.At(0, 0).position = Quantity{5, {}, Distribution{K::kEstimates, {4, 12}}};
  s.At(0, 0).salience = Quantity{50, {}, Distribution{K::kNormal, {50, 10}}};
  s.At(1, 0).position = Quantity{9, {}};
  s.At(1, 0).salience = Quantity{50, {}, Distribution{K::kNormal, {50, -1}}};
  ValidationReport r;
  EXPECT_FALSE(ValidateScenario(s, LocationMap("f.json"), r));
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r.problems()[0].ToString(),
            "f.json: actors[1].capability: capability = '{min: 3, max: 1}': min must be < max");
  EXPECT_EQ(r.problems()[1].ToString(),
            "f.json: cells[0][0].position: position = '[4, 12]': every estimate must be between "
            "0 and 10");
  EXPECT_EQ(r.problems()[2].ToString(),
            "f.json: cells[1][0].salience: salience = '{value: 50, sd: -1}': sd must be > 0");
}

}  // namespace
}  // namespace entente
