// SPDX-License-Identifier: MIT
// Known answers for the two baseline models.
#include <cmath>

#include <gtest/gtest.h>

#include "entente/models/compromise.h"
#include "entente/models/median.h"
#include "entente/models/registry.h"
#include "test_scenarios.h"

namespace entente {
namespace {

TEST(Baseline, Bdm1994KnownAnswers) {
  // BDM 1994 p.78 (car-emission standards): capability x salience weighted mean 7.389956,
  // weighted median 7 (Scholz et al. 2011, round 0).
  Scenario s = testing::Bdm1994();
  ModelResult mean = RunModel(s, "compromise");
  ASSERT_TRUE(mean.forecasts[0].ok);
  EXPECT_NEAR(mean.forecasts[0].value, 7.389956, 5e-7);
  ModelResult med = RunModel(s, "median");
  ASSERT_TRUE(med.forecasts[0].ok);
  EXPECT_EQ(med.forecasts[0].value, 7.0);
  EXPECT_EQ(med.spec, "median(weight=capability*salience)");
}

TEST(Baseline, MedianTieTakesLowerPosition) {
  EXPECT_EQ(WeightedMedian({10, 90}, {1, 1}), 10);
  EXPECT_EQ(WeightedMedian({90, 10}, {1, 1}), 10);
  EXPECT_EQ(WeightedMedian({10, 50, 90}, {1, 1, 1}), 50);
  EXPECT_EQ(WeightedMedian({10, 50, 90}, {1, 0.5, 2}), 90);
  // Actors sharing a position count together.
  EXPECT_EQ(WeightedMedian({10, 20, 20, 30}, {3, 1, 1, 1.5}), 20);
}

TEST(Baseline, WeightedMeanIsExactOnSimpleCases) {
  EXPECT_DOUBLE_EQ(WeightedMean({0, 100}, {1, 3}), 75);
  EXPECT_TRUE(std::isnan(WeightedMean({0, 100}, {0, 0})));
}

TEST(Baseline, WeightOptions) {
  Scenario s = testing::Bdm1994();
  // Salience only: sum(s x) / sum(s) computed by hand from the CSV.
  double num = 0, den = 0;
  for (size_t a = 0; a < s.actors.size(); ++a) {
    num += s.At(a, 0).salience->value * s.At(a, 0).position->value;
    den += s.At(a, 0).salience->value;
  }
  EXPECT_NEAR(RunModel(s, "compromise(weight=salience)").forecasts[0].value, num / den, 1e-12);
  EXPECT_NEAR(RunModel(s, "compromise(weight=equal)").forecasts[0].value, 6.7, 1e-12);
}

TEST(Baseline, ZeroWeightsGiveAReasonNotNaN) {
  Scenario s = testing::Bdm1994();
  for (auto& row : s.cells) row[0].salience->value = 0;
  ModelResult r = RunModel(s, "compromise");
  EXPECT_FALSE(r.forecasts[0].ok);
  EXPECT_EQ(r.forecasts[0].why, "every participating actor has weight 0 (capability*salience)");
}

}  // namespace
}  // namespace entente
