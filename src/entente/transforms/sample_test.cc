// SPDX-License-Identifier: MIT
#include "entente/transforms/sample.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "entente/core/rng.h"

namespace entente {
namespace {

using K = Distribution::Kind;

TEST(NormalQuantile, KnownValues) {
  EXPECT_EQ(NormalQuantile(0.5), 0.0);
  EXPECT_NEAR(NormalQuantile(0.975), 1.959963984540054, 1e-14);
  EXPECT_NEAR(NormalQuantile(0.01), -2.326347874040841, 1e-14);
  EXPECT_NEAR(NormalQuantile(1e-10), -6.361340902404056, 1e-12);
  EXPECT_TRUE(std::isinf(NormalQuantile(0)) && NormalQuantile(0) < 0);
  EXPECT_TRUE(std::isinf(NormalQuantile(1)) && NormalQuantile(1) > 0);
}

TEST(NormalQuantile, InvertsTheCdf) {
  for (double p = 0.001; p < 1; p += 0.0137) {
    EXPECT_NEAR(NormalCdf(NormalQuantile(p)), p, 1e-14) << p;
  }
}

TEST(Sampler, ClosedFormQuantiles) {
  Sampler u({K::kUniform, {10, 30}}, 0, 100);
  EXPECT_EQ(u.Quantile(0), 10);
  EXPECT_EQ(u.Quantile(0.25), 15);
  EXPECT_EQ(u.Quantile(1), 30);
  Sampler t({K::kTriangular, {0, 20, 100}}, 0, 100);
  EXPECT_DOUBLE_EQ(t.Quantile(0.2), 20);  // F(mode) = (mode - min) / (max - min)
  EXPECT_DOUBLE_EQ(t.Quantile(0.05), std::sqrt(0.05 * 100 * 20));
  EXPECT_DOUBLE_EQ(t.Quantile(0.9), 100 - std::sqrt(0.1 * 100 * 80));
  Sampler e({K::kEstimates, {70, 10, 40}}, 0, 100);
  EXPECT_EQ(e.Quantile(0.0), 10);
  EXPECT_EQ(e.Quantile(0.34), 40);
  EXPECT_EQ(e.Quantile(0.999), 70);
  EXPECT_EQ(e.Quantile(1.0), 70);
}

TEST(Sampler, TruncatedNormalStaysInRangeWithTheRightShape) {
  // Mean 95, sd 10 on [0, 100]: the right tail is cut at 100.
  Sampler n({K::kNormal, {95, 10}}, 0, 100);
  EXPECT_EQ(n.Quantile(1.0), 100);
  EXPECT_GE(n.Quantile(0.0), 0);
  // P(X <= 95 | X <= 100) = 0.5 / Phi(0.5).
  EXPECT_NEAR(n.Quantile(0.5 / NormalCdf(0.5)), 95, 1e-9);
  Rng rng(3);
  int above = 0;
  const int kN = 100000;
  for (int k = 0; k < kN; ++k) {
    double x = n.Quantile(rng.Uniform());
    ASSERT_TRUE(x >= 0 && x <= 100);
    above += x > 95;
  }
  // Expected share above the mean: (Phi(0.5) - 0.5) / Phi(0.5) = 0.2779; 4 sigma = 0.0057.
  EXPECT_NEAR(above / double(kN), (NormalCdf(0.5) - 0.5) / NormalCdf(0.5), 0.0057);
}

TEST(Sampler, CapabilityNoiseIsCutAtZero) {
  Sampler c = Sampler::Normal(1, 5, 0, HUGE_VAL);
  EXPECT_NEAR(c.Quantile(0), 0, 1e-12);
  EXPECT_GT(c.Quantile(0.01), 0);
  EXPECT_TRUE(std::isfinite(c.Quantile(0.999999)));
}

}  // namespace
}  // namespace entente
