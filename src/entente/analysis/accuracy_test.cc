// SPDX-License-Identifier: MIT
#include "entente/analysis/accuracy.h"

#include <cmath>

#include <gtest/gtest.h>

namespace entente {
namespace {

TEST(Accuracy, SummaryOfKnownErrors) {
  ErrorSummary s = Summarize({30, 5, 10, 20, 0});
  EXPECT_EQ(s.n, 5u);
  EXPECT_DOUBLE_EQ(s.mean, 13);
  EXPECT_DOUBLE_EQ(s.median, 10);
  EXPECT_DOUBLE_EQ(s.rmse, std::sqrt((900 + 25 + 100 + 400 + 0) / 5.0));
  EXPECT_DOUBLE_EQ(s.within10, 0.6);  // 10 itself counts as within 10
  EXPECT_DOUBLE_EQ(s.within20, 0.8);
  EXPECT_DOUBLE_EQ(Summarize({4, 1, 3, 2}).median, 2.5);
  EXPECT_EQ(Summarize({}).n, 0u);
  EXPECT_EQ(Summarize({}).mean, 0);
}

TEST(Accuracy, QuantilesInterpolateBetweenOrderStatistics) {
  std::vector<double> v = {1, 2, 3, 4, 5};
  EXPECT_DOUBLE_EQ(QuantileSorted(v, 0), 1);
  EXPECT_DOUBLE_EQ(QuantileSorted(v, 1), 5);
  EXPECT_DOUBLE_EQ(QuantileSorted(v, 0.5), 3);
  EXPECT_DOUBLE_EQ(QuantileSorted(v, 0.1), 1.4);
  EXPECT_DOUBLE_EQ(QuantileSorted({7}, 0.975), 7);
}

TEST(Accuracy, BootstrapIsSeededAndBracketsTheMean) {
  std::vector<double> v;
  for (int i = 0; i < 100; ++i) v.push_back(i);  // mean 49.5, standard deviation 28.87
  Rng a(1), b(1), c(2);
  Interval ia = BootstrapMeanInterval(v, 2000, 0.95, a);
  Interval ib = BootstrapMeanInterval(v, 2000, 0.95, b);
  Interval ic = BootstrapMeanInterval(v, 2000, 0.95, c);
  EXPECT_EQ(ia.lo, ib.lo);
  EXPECT_EQ(ia.hi, ib.hi);
  EXPECT_TRUE(ia.lo != ic.lo || ia.hi != ic.hi);
  // The mean of 100 draws has standard error 28.87 / 10: the 95% interval is about
  // 49.5 +- 1.96 * 2.887 = [43.84, 55.16].
  EXPECT_NEAR(ia.lo, 43.84, 0.6);
  EXPECT_NEAR(ia.hi, 55.16, 0.6);
  Rng d(3);
  Interval constant = BootstrapMeanInterval({5, 5, 5}, 100, 0.95, d);
  EXPECT_EQ(constant.lo, 5);
  EXPECT_EQ(constant.hi, 5);
}

TEST(Accuracy, PairedComparisonCountsWinsAndLosses) {
  Rng rng(4);
  PairedComparison c = ComparePaired({1, 5, 3, 8}, {2, 5, 1, 4}, 500, 0.95, rng);
  EXPECT_EQ(c.n, 4u);
  EXPECT_DOUBLE_EQ(c.mean_difference, (-1 + 0 + 2 + 4) / 4.0);
  EXPECT_EQ(c.wins, 1u);
  EXPECT_EQ(c.losses, 2u);
  EXPECT_EQ(c.ties, 1u);
  EXPECT_LE(c.interval.lo, c.mean_difference);
  EXPECT_GE(c.interval.hi, c.mean_difference);
  EXPECT_GE(c.interval.lo, -1);
  EXPECT_LE(c.interval.hi, 4);
}

TEST(Accuracy, StableHashIsFnv1a) {
  EXPECT_EQ(StableHash(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(StableHash("a"), 0xaf63dc4c8601ec8cULL);
}

}  // namespace
}  // namespace entente
