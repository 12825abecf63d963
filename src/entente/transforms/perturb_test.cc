// SPDX-License-Identifier: MIT
#include "entente/transforms/perturb.h"

#include <cmath>

#include <gtest/gtest.h>

#include "entente/core/errors.h"
#include "entente/models/test_scenarios.h"

namespace entente {
namespace {

TEST(ParseNoise, ReadsAnySubset) {
  Noise n = ParseNoise("position=10, salience=2.5,capability=20");
  EXPECT_EQ(n, (Noise{10, 2.5, 20}));
  EXPECT_EQ(ParseNoise("salience=5"), (Noise{0, 5, 0}));
  EXPECT_EQ(ParseNoise("salience=5").ToString(), "salience=5");
  EXPECT_EQ(n.ToString(), "position=10,salience=2.5,capability=20");
  EXPECT_FALSE(ParseNoise("").Any());
}

TEST(ParseNoise, ListsEveryBadPart) {
  try {
    ParseNoise("position=ten,power=3,salience=-1");
    FAIL() << "no throw";
  } catch (const InvalidInput& e) {
    const auto& p = e.report().problems();
    ASSERT_EQ(p.size(), 3u);
    EXPECT_EQ(p[0].ToString(),
              "--noise: position = 'ten': must be a number: the standard deviation in the "
              "input's own units, e.g. position=10");
    EXPECT_EQ(p[1].ToString(),
              "--noise: noise = 'power=3': unknown input kind; allowed: position, salience, "
              "capability");
    EXPECT_EQ(p[2].ToString(), "--noise: salience = '-1': must be >= 0");
  }
}

Scenario WithDistributions() {
  Scenario s = testing::Random(5, 4, 2);
  s.At(0, 0).position->dist = Distribution{Distribution::Kind::kUniform, {20, 40}};
  s.At(1, 1).salience->dist = Distribution{Distribution::Kind::kEstimates, {10, 90}};
  s.At(2, 0).capability = Quantity{5, {}, Distribution{Distribution::Kind::kTriangular, {1, 5, 9}}};
  return s;
}

TEST(Perturber, OnlyDistributionsWithoutNoise) {
  Scenario s = WithDistributions();
  Perturber p(s, Noise{});
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p.inputs()[0], (InputRef{InputKind::kPosition, 0, 0}));
  EXPECT_EQ(p.inputs()[1], (InputRef{InputKind::kSalience, 1, 1}));
  EXPECT_EQ(p.inputs()[2], (InputRef{InputKind::kCapability, 2, 0}));
  Scenario t = s;
  Rng rng(9);
  for (int k = 0; k < 1000; ++k) {
    p.Draw(rng, t);
    double x = t.At(0, 0).position->value;
    ASSERT_TRUE(x >= 20 && x <= 40);
    double y = t.At(1, 1).salience->value;
    ASSERT_TRUE(y == 10 || y == 90);
    double c = t.Capability(2, 0);
    ASSERT_TRUE(c >= 1 && c <= 9);
    ASSERT_EQ(t.Capability(2, 1), s.Capability(2, 1));  // no override there: actor's value
    ASSERT_EQ(t.At(3, 1).position->value, s.At(3, 1).position->value);
  }
}

TEST(Perturber, NoiseCoversEveryInputAndIsReproducible) {
  Scenario s = WithDistributions();
  Perturber p(s, Noise{10, 10, 20});
  // 4 actor capabilities + 8 positions + 8 saliences + 1 capability override.
  EXPECT_EQ(p.size(), 21u);
  Scenario a = s, b = s;
  Rng ra(DeriveSeed(1, 7)), rb(DeriveSeed(1, 7));
  p.Draw(ra, a);
  p.Draw(rb, b);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, s);
  for (int k = 0; k < 200; ++k) {
    p.Draw(ra, a);
    for (int x = 0; x < 4; ++x) {
      ASSERT_GE(a.actors[x].capability.value, 0);
      for (int i = 0; i < 2; ++i) {
        ASSERT_TRUE(a.At(x, i).position->value >= 0 && a.At(x, i).position->value <= 100);
        ASSERT_TRUE(a.At(x, i).salience->value >= 0 && a.At(x, i).salience->value <= 100);
      }
    }
  }
}

TEST(Perturber, DrawsMatchTheStatedDistribution) {
  Scenario s = WithDistributions();
  Perturber p(s, Noise{});
  Scenario t = s;
  Rng rng(11);
  const int kN = 40000;
  double sum = 0;
  int high = 0;
  for (int k = 0; k < kN; ++k) {
    p.Draw(rng, t);
    sum += t.At(0, 0).position->value;
    high += t.At(1, 1).salience->value == 90;
  }
  // Uniform(20, 40): mean 30, sd 5.77, so the mean of 40000 is within 4 * 0.029.
  EXPECT_NEAR(sum / kN, 30, 0.12);
  // Two estimates drawn from uniformly: 0.5 +- 4 * 0.0025.
  EXPECT_NEAR(high / double(kN), 0.5, 0.01);
}

}  // namespace
}  // namespace entente
