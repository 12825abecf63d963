// SPDX-License-Identifier: MIT
#include "entente/sweep/sensitivity.h"

#include <cmath>

#include <gtest/gtest.h>

#include "entente/models/test_scenarios.h"
#include "entente/sweep/sensitivity_render.h"
#include "entente/transforms/sample.h"

namespace entente {
namespace {

// A at 20 (capability 1), B at 80 (capability 3), saliences 50: compromise = (20 + 240) / 4 = 65.
Scenario TwoActors() {
  Scenario s;
  s.id = "two";
  s.actors = {{"A", "A", "", {1.0, {}}, std::nullopt}, {"B", "B", "", {3.0, {}}, std::nullopt}};
  s.issues = {Issue{
      .id = "X", .name = "X", .anchors = {{0, "none"}, {50, "half"}, {70, "most"}, {100, "all"}}}};
  s.ResizeCells();
  s.At(0, 0).position = Quantity{20, {}};
  s.At(0, 0).salience = Quantity{50, {}};
  s.At(1, 0).position = Quantity{80, {}};
  s.At(1, 0).salience = Quantity{50, {}};
  return s;
}

TEST(Sensitivity, RanksAPlantedDominantInputFirst) {
  Scenario s = testing::Random(21, 8, 3);
  s.actors[5].capability.value = 2000;  // actor A5 outweighs everyone else together
  SensitivityOptions opt;
  opt.flip_steps = 0;
  SensitivityResult r = RunSensitivity(s, opt, RunContext{});
  ASSERT_EQ(r.ranking.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    const InputEffect& top = r.effects[r.ranking[i][0]];
    EXPECT_EQ(top.label, "A5 / I" + std::to_string(i) + " / position") << i;
    // Only the issue's own inputs move a one-dimensional model's forecast.
    for (int k : r.ranking[i]) EXPECT_EQ(r.effects[k].input.issue, i);
    for (size_t k = 1; k < r.ranking[i].size(); ++k) {
      EXPECT_GE(Swing(r, r.ranking[i][k - 1], i), Swing(r, r.ranking[i][k], i));
    }
  }
}

TEST(Sensitivity, DeltaMovesEachKindOnItsScaleWithKnownEffects) {
  SensitivityOptions opt;
  opt.flip_steps = 0;
  SensitivityResult r = RunSensitivity(TwoActors(), opt, RunContext{});
  EXPECT_EQ(r.spec, "compromise(weight=capability*salience)");
  EXPECT_EQ(r.base[0], 65);
  ASSERT_EQ(r.effects.size(), 6u);  // 2 actors x position, salience, capability
  const InputEffect& bpos = r.effects[3];
  EXPECT_EQ(bpos.label, "B / X / position");
  EXPECT_EQ(bpos.low, 70);
  EXPECT_EQ(bpos.high, 90);
  // d forecast / d x_B = w_B / sum w = 3/4.
  EXPECT_DOUBLE_EQ(bpos.at_high[0], 65 + 7.5);
  EXPECT_DOUBLE_EQ(bpos.at_low[0], 65 - 7.5);
  const InputEffect& acap = r.effects[2];
  EXPECT_EQ(acap.label, "A / X / capability");
  EXPECT_DOUBLE_EQ(acap.low, 0.9);
  EXPECT_DOUBLE_EQ(acap.high, 1.1);
  EXPECT_EQ(r.effects[r.ranking[0][0]].label, "B / X / position");
}

TEST(Sensitivity, DistributionModeUsesThe5And95PercentPoints) {
  Scenario s = TwoActors();
  s.At(0, 0).position->dist = Distribution{Distribution::Kind::kUniform, {10, 30}};
  SensitivityOptions opt;
  opt.distribution = true;
  opt.noise.salience = 10;
  opt.flip_steps = 0;
  SensitivityResult r = RunSensitivity(s, opt, RunContext{});
  EXPECT_EQ(r.effects[0].how, "5-95%");
  EXPECT_DOUBLE_EQ(r.effects[0].low, 11);
  EXPECT_DOUBLE_EQ(r.effects[0].high, 29);
  EXPECT_EQ(r.effects[1].how, "5-95%");  // salience: the noise's normal(50, 10)
  // The 95% point of normal(50, 10) truncated to [0, 100].
  const double p95 = NormalCdf(-5) + 0.95 * (NormalCdf(5) - NormalCdf(-5));
  EXPECT_NEAR(r.effects[1].high, 50 + 10 * NormalQuantile(p95), 1e-12);
  EXPECT_EQ(r.effects[2].how, "delta");  // capability: neither
}

TEST(Sensitivity, FindsTheSmallestChangeThatFlipsTheForecast) {
  SensitivityOptions opt;
  opt.thresholds = {{"X", 66}};
  SensitivityResult r = RunSensitivity(TwoActors(), opt, RunContext{});
  ASSERT_EQ(r.flips.size(), 3u);
  // Up to 70 "most": B's position to 86.67 (+6.67) beats A's salience 50 -> 30 (-20).
  const Flip& up = r.flips[0];
  EXPECT_TRUE(up.found && up.up);
  EXPECT_EQ(up.target, 70);
  EXPECT_EQ(up.target_label, "most");
  EXPECT_EQ(r.effects[up.effect].label, "B / X / position");
  EXPECT_NEAR(up.to, 80 + 20.0 / 3, 1e-3);
  EXPECT_GE(up.forecast_after, 70);
  // Down to 50 "half": B's position to 60 (-20); A cannot get there by position.
  const Flip& down = r.flips[1];
  EXPECT_FALSE(down.up);
  EXPECT_EQ(r.effects[down.effect].label, "B / X / position");
  EXPECT_NEAR(down.to, 60, 1e-3);
  EXPECT_NEAR(down.relative, 0.2, 1e-5);
  const Flip& th = r.flips[2];
  EXPECT_EQ(th.target_label, "threshold");
  EXPECT_NEAR(th.to, 80 + 4.0 / 3, 1e-3);
  std::string text = RenderSensitivityText(TwoActors(), opt, r, 3);
  EXPECT_NE(text.find("    up to 70.0 \"most\": B / X / position 80.0 -> 86.7 (+6.7, 7% of its "
                      "scale; forecast 70.0)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\n    1  B / X / position               70.0-90.0    57.5..72.5  "
                      "#######|#######\n"),
            std::string::npos)
      << text;
  auto j = SensitivityJson(TwoActors(), opt, r);
  EXPECT_EQ(j["issues"][0]["inputs"][0]["input"], "B / X / position");
  EXPECT_EQ(j["issues"][0]["flips"][1]["direction"], "down");
  std::string csv = SensitivityCsv(TwoActors(), r);
  EXPECT_EQ(csv.substr(0, csv.find('\n', csv.find('\n') + 1) + 1),
            "issue,rank,input,actor,input_issue,kind,how,base,low,high,forecast_low,"
            "forecast_high,swing\nX,1,B / X / position,B,X,position,delta,80,70,90,57.5,72.5,"
            "7.5\n");
}

TEST(Sensitivity, ReportsEveryBadOptionAtOnce) {
  SensitivityOptions opt;
  opt.model = "median(weight=votes)";
  opt.delta = -1;
  opt.thresholds = {{"Y", 5}, {"X", 500}};
  try {
    RunSensitivity(TwoActors(), opt, RunContext{});
    FAIL();
  } catch (const InvalidInput& e) {
    ASSERT_EQ(e.report().size(), 4u);
    EXPECT_EQ(e.report().problems()[1].ToString(),
              "--delta: delta = '-1': must be a number > 0 (percent of the input's scale)");
    EXPECT_EQ(e.report().problems()[2].ToString(),
              "--threshold: issue = 'Y': unknown issue; issues: X");
    EXPECT_EQ(e.report().problems()[3].ToString(),
              "--threshold: X = '500': must be on the issue's scale, 0 to 100");
  }
}

TEST(Sensitivity, SameAnswerWhateverTheThreadCount) {
  Scenario s = testing::Random(30, 7, 2);
  SensitivityOptions opt;
  opt.model = "median";
  RunContext one, two;
  one.threads = 1;
  two.threads = 2;
  auto a = SensitivityJson(s, opt, RunSensitivity(s, opt, one)).dump();
  auto b = SensitivityJson(s, opt, RunSensitivity(s, opt, two)).dump();
  EXPECT_EQ(a, b);
}

// Progress counts the inputs varied, one report per input, in order, up to all of them.
TEST(Sensitivity, ReportsProgressPerInput) {
  Scenario s = testing::Random(31, 6, 2);
  SensitivityOptions opt;
  opt.flip_steps = 0;
  std::vector<double> seen;
  double total = -1;
  RunContext ctx;
  ctx.threads = 2;
  ctx.progress = [&](double done, double of, std::string_view stage) {
    EXPECT_EQ(stage, "inputs");
    seen.push_back(done);
    total = of;
  };
  SensitivityResult r = RunSensitivity(s, opt, ctx);
  ASSERT_EQ(total, static_cast<double>(r.effects.size()));
  ASSERT_EQ(seen.size(), r.effects.size() + 1);
  for (size_t k = 0; k < seen.size(); ++k) EXPECT_EQ(seen[k], static_cast<double>(k));
}

}  // namespace
}  // namespace entente
