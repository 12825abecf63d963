// SPDX-License-Identifier: MIT
// The pieces of the Spatial Model of Politics with known answers (smp_core.h) and its
// parameters. Whole runs: smp_model_test.cc; KTAB's reference runs: io/ktab_smp_test.cc.
#include <cmath>

#include <gtest/gtest.h>

#include "entente/models/registry.h"
#include "entente/models/smp_core.h"

namespace entente::smp {
namespace {

TEST(SmpCore, UtilityIsKtabsBsUtil) {
  EXPECT_DOUBLE_EQ(Util(0.5, 1.0), 0.75);    // risk-averse: 1 - delta^2
  EXPECT_DOUBLE_EQ(Util(0.5, -0.5), 0.375);  // risk-seeking
  EXPECT_DOUBLE_EQ(Util(0.0, -1.0), 1.0);
  EXPECT_DOUBLE_EQ(Util(1.2, 0.5), -0.3);  // past delta = 1: (1 - delta)(1 + R)
}

TEST(SmpCore, DistanceWeightsBySalience) {
  const double ideal[] = {0.0, 0.0}, p[] = {0.3, 0.4};
  const double both[] = {1.0, 1.0}, first[] = {0.5, 0.0}, none[] = {0.0, 0.0};
  EXPECT_DOUBLE_EQ(Distance(ideal, p, both, SumSq(both, 2), 2), std::sqrt(0.125));
  EXPECT_DOUBLE_EQ(Distance(ideal, p, first, SumSq(first, 2), 2), 0.3);
  EXPECT_EQ(Distance(ideal, p, none, SumSq(none, 2), 2), 0.0);  // indifferent, not NaN
}

TEST(SmpCore, VotingRules) {
  EXPECT_DOUBLE_EQ(Vote(VotingRule::kProp, 2, 0.7, 0.4), 0.6);
  EXPECT_DOUBLE_EQ(Vote(VotingRule::kBinary, 2, 0.7, 0.4), 2.0);
  EXPECT_DOUBLE_EQ(Vote(VotingRule::kBinary, 2, 0.4, 0.7), -2.0);
  EXPECT_NEAR(Vote(VotingRule::kBinary, 2, 1e-9, 0.0), 0.2, 1e-12);  // linear inside 1e-8
  EXPECT_DOUBLE_EQ(Vote(VotingRule::kPropBin, 2, 0.7, 0.4), 2 * (0.8 * 0.3 + 0.2));
  EXPECT_NEAR(Vote(VotingRule::kPropCbc, 2, 0.7, 0.4), 2 * (0.15 + 0.5 * 0.027), 1e-15);
  EXPECT_NEAR(Vote(VotingRule::kCubic, 2, 0.7, 0.4), 0.054, 1e-15);
  EXPECT_NEAR(Vote(VotingRule::kAsymProsp, 2, 0.7, 0.4), 0.4, 1e-15);  // gains count 2/3
  EXPECT_NEAR(Vote(VotingRule::kAsymProsp, 2, 0.4, 0.7), -0.6, 1e-15);
  EXPECT_EQ(Vote(VotingRule::kProp, 0, 0.7, 0.4), 0.0);  // KTAB throws on weight 0
}

TEST(SmpCore, VictoryProbabilities) {
  double p1 = 0, p2 = 0;
  VictoryPair(VictoryModel::kLinear, 3, 1, p1, p2);
  EXPECT_DOUBLE_EQ(p1, 0.75);
  EXPECT_DOUBLE_EQ(p2, 0.25);
  VictoryPair(VictoryModel::kSquare, 3, 1, p1, p2);
  EXPECT_DOUBLE_EQ(p1, 0.9);
  VictoryPair(VictoryModel::kQuartic, 3, 1, p1, p2);
  EXPECT_DOUBLE_EQ(p1, 81.0 / 82.0);
  VictoryPair(VictoryModel::kOctic, 3, 1, p1, p2);
  EXPECT_DOUBLE_EQ(p1, 6561.0 / 6562.0);
  VictoryPair(VictoryModel::kBinary, 1.1, 1, p1, p2);  // a 10% advantage is decisive
  EXPECT_DOUBLE_EQ(p1, 1 / (1 + 1e-6));
  VictoryPair(VictoryModel::kBinary, 1.05, 1, p1, p2);  // linear in between
  EXPECT_NEAR(p1, 0.7560975609756, 1e-12);
  VictoryPair(VictoryModel::kBinary, 1, 1, p1, p2);
  EXPECT_NEAR(p1, 0.5, 1e-12);
}

TEST(SmpCore, PceModelsAgreeOnTwoOptions) {
  Matrix c(2, 2, kMinCoalition);
  c(0, 1) = 1, c(1, 0) = 3;  // option 1 has three times the support
  for (PceModel pm :
       {PceModel::kConditional, PceModel::kMarkovUniform, PceModel::kMarkovIncentive}) {
    const auto p = Pce(pm, VictoryModel::kLinear, c);
    ASSERT_EQ(p.size(), 2u);
    EXPECT_NEAR(p[0], 0.25, 1e-5) << static_cast<int>(pm);
    EXPECT_NEAR(p[1], 0.75, 1e-5) << static_cast<int>(pm);
  }
}

TEST(SmpCore, ConditionalPceSurvivesUnderflow) {
  // 300 options, each losing 1:1e6 to every later one: the products underflow to 0, the
  // normalised result must not be NaN and must favour the last option.
  const int n = 300;
  Matrix c(n, n, kMinCoalition);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      if (i != j) c(i, j) = i < j ? 1e-6 : 1.0;
    }
  }
  const auto p = Pce(PceModel::kConditional, VictoryModel::kLinear, c);
  double total = 0;
  for (double x : p) {
    ASSERT_FALSE(std::isnan(x));
    total += x;
  }
  EXPECT_NEAR(total, 1.0, 1e-12);
  EXPECT_GT(p[n - 1], 0.99);
}

TEST(SmpCore, RiskAttitudeRanges) {
  const std::vector<double> p = {0.1, 0.3, 0.6};
  const auto min = BigR(p, RiskRange::kMin);
  EXPECT_DOUBLE_EQ(min[0], 0.0);
  EXPECT_NEAR(min[1], 0.4, 1e-15);
  EXPECT_DOUBLE_EQ(min[2], 1.0);
  const auto mid = BigR(p, RiskRange::kMid);
  EXPECT_DOUBLE_EQ(mid[0], -0.5);
  EXPECT_NEAR(mid[1], 0.1, 1e-15);
  EXPECT_DOUBLE_EQ(mid[2], 1.0);
  const auto max = BigR(p, RiskRange::kMax);
  EXPECT_DOUBLE_EQ(max[0], -1.0);
  EXPECT_NEAR(max[1], -0.2, 1e-15);
  // p_max = p_min: KTAB divides by zero; here everyone is risk-neutral.
  EXPECT_EQ(BigR({0.25, 0.25, 0.25, 0.25}, RiskRange::kMid), (std::vector<double>(4, 0.0)));
}

TEST(SmpCore, RiskEstimates) {
  EXPECT_DOUBLE_EQ(EstRisk(0.9, 0.3, RiskAdjust::kNone), 0.9);
  EXPECT_DOUBLE_EQ(EstRisk(0.9, 0.3, RiskAdjust::kOneThird), 0.7);
  EXPECT_DOUBLE_EQ(EstRisk(0.9, 0.3, RiskAdjust::kHalf), 0.6);
  EXPECT_DOUBLE_EQ(EstRisk(0.9, 0.3, RiskAdjust::kTwoThirds), 0.5);
  EXPECT_DOUBLE_EQ(EstRisk(0.9, 0.3, RiskAdjust::kFull), 0.3);
}

TEST(SmpCore, BargainInterpolation) {
  EXPECT_DOUBLE_EQ(Round4(0.56784), 0.5678);
  EXPECT_DOUBLE_EQ(Round4(0.56786), 0.5679);
  EXPECT_DOUBLE_EQ(Round4(1.0), 1.0);
  double bi = 0, bj = 0;
  Interpolate(Interp::kS2P2, 0.2, 0.5, 0.6, 0.8, 0.4, 0.4, bi, bj);  // 0.33287, 0.33288
  EXPECT_DOUBLE_EQ(bi, 0.3329);
  EXPECT_DOUBLE_EQ(bj, 0.3329);
  Interpolate(Interp::kS1P1, 0.2, 0.5, 0.6, 0.8, 0.4, 0.4, bi, bj);
  EXPECT_DOUBLE_EQ(bi, 0.4087);
  EXPECT_DOUBLE_EQ(bj, 0.4087);
  Interpolate(Interp::kS2PMax, 0.2, 0.5, 0.6, 0.8, 0.4, 0.4, bi, bj);  // only the loser moves
  EXPECT_DOUBLE_EQ(bi, 0.2);
  EXPECT_NEAR(bj, 0.6314616210021292, 1e-15);
  // Neither cares: the 1e-6 keeps each where it is instead of 0/0.
  Interpolate(Interp::kS2P2, 0.2, 0.0, 0.6, 0.8, 0.0, 0.4, bi, bj);
  EXPECT_DOUBLE_EQ(bi, 0.2);
  EXPECT_DOUBLE_EQ(bj, 0.8);
}

TEST(SmpCore, SelectionRules) {
  EXPECT_EQ(ArgMaxFirst({0.2, 0.4, 0.4}), 1);  // ties go to the first
  EXPECT_EQ(DrawIndex({0.2, 0.3, 0.5}, 0.0), 0);
  EXPECT_EQ(DrawIndex({0.2, 0.3, 0.5}, 0.25), 1);
  EXPECT_EQ(DrawIndex({0.2, 0.3, 0.5}, 0.999), 2);
}

TEST(SmpParams, DefaultsAreKtabs) {
  EXPECT_EQ(BuiltinModels().Canonical("smp"),
            "smp(victory=linear,pce=conditional,transitions=deterministic,voting=prop,"
            "risk_adjust=one-third,risk_range=mid,commit=semi,interp=s2p2,bargain=init-only,"
            "pw_weight=ktab,max_turns=100,stop_ratio=0.02,stop=ktab)");
  const ModelInfo* info = BuiltinModels().Find("smp");
  ASSERT_NE(info, nullptr);
  EXPECT_TRUE(info->multi_issue);
}

TEST(SmpParams, BadChoiceListsTheChoices) {
  try {
    BuiltinModels().Create("smp(voting=majority)");
    FAIL() << "accepted an unknown voting rule";
  } catch (const InvalidInput& e) {
    ASSERT_EQ(e.report().size(), 1u);
    EXPECT_EQ(e.report().problems()[0].field, "voting");
    EXPECT_EQ(e.report().problems()[0].message,
              "must be one of: binary, prop-bin, prop, prop-cbc, cubic, asym-prosp");
  }
}

}  // namespace
}  // namespace entente::smp
