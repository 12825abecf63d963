// SPDX-License-Identifier: MIT
#include "entente/sweep/sweep.h"

#include <cmath>
#include <cstring>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "entente/models/test_scenarios.h"
#include "entente/sweep/progress.h"
#include "entente/sweep/render.h"
#include "entente/sweep/summary.h"

namespace entente {
namespace {

// Two actors on [0, 100] with equal weight: A's position ~ Uniform(20, 60), B at 0, so the
// compromise forecast is A/2 ~ Uniform(10, 30) and the median is B's 0 or A's (the lower one
// wins a tie): exactly 0 for every draw.
Scenario OneUniformInput() {
  Scenario s;
  s.id = "one-uniform";
  s.actors = {{"A", "A", "", {1.0, {}}, std::nullopt}, {"B", "B", "", {1.0, {}}, std::nullopt}};
  s.issues = {Issue{
      .id = "X", .name = "X", .anchors = {{0, "none"}, {15, "some"}, {50, "half"}, {100, "all"}}}};
  s.ResizeCells();
  s.At(0, 0).position = Quantity{40, {}, Distribution{Distribution::Kind::kUniform, {20, 60}}};
  s.At(0, 0).salience = Quantity{50, {}};
  s.At(1, 0).position = Quantity{0, {}};
  s.At(1, 0).salience = Quantity{50, {}};
  return s;
}

SweepData RunAll(const DrawEvaluator& ev, int threads, const CancelToken* cancel = nullptr,
                 int64_t chunk = 0) {
  SweepData data(ev.plan().draws, ev.width());
  auto backend = MakeThreadBackend(threads);
  RunContext ctx;
  ctx.cancel = cancel;
  RunSweep(ev, *backend, ctx, data, {}, chunk);
  return data;
}

bool SameBits(const SweepData& a, const SweepData& b) {
  return a.values.size() == b.values.size() && a.done == b.done &&
         std::memcmp(a.values.data(), b.values.data(), a.values.size() * sizeof(double)) == 0;
}

TEST(Sweep, SameSeedSameBitsWhateverTheThreadCount) {
  Scenario s = testing::Random(4, 10, 8);
  SweepPlan plan{{"compromise", "median(weight=salience)"}, 3000, 42, Noise{10, 10, 20}};
  DrawEvaluator ev(s, plan);
  SweepData one = RunAll(ev, 1), two = RunAll(ev, 2), three = RunAll(ev, 3, nullptr, 7);
  EXPECT_EQ(one.completed, 3000);
  EXPECT_TRUE(SameBits(one, two));
  EXPECT_TRUE(SameBits(one, three));
  EXPECT_EQ(SweepSummaryJson(Summarize(ev, one)).dump(),
            SweepSummaryJson(Summarize(ev, three)).dump());
  // A different seed gives different draws.
  plan.seed = 43;
  DrawEvaluator other(s, plan);
  EXPECT_FALSE(SameBits(one, RunAll(other, 2)));
}

TEST(Sweep, RecoversTheDistributionOfAKnownFunctionOfOneInput) {
  SweepPlan plan{{"compromise", "median"}, 20000, 7, {}};
  DrawEvaluator ev(OneUniformInput(), plan);
  SweepSummary sum = Summarize(ev, RunAll(ev, 2));
  ASSERT_EQ(sum.models.size(), 2u);
  EXPECT_EQ(sum.uncertain_inputs, 1);
  const IssueSummary& c = sum.models[0].issues[0];
  EXPECT_EQ(c.n, 20000);
  EXPECT_EQ(c.failed, 0);
  // Uniform(10, 30): mean 20 (se 0.04), sd 5.774, quantile q at 10 + 20 q; the standard error
  // of a quantile is sqrt(q (1 - q) / n) * 20 <= 0.071: allow 4 of them.
  EXPECT_NEAR(c.mean, 20, 0.17);
  EXPECT_NEAR(c.sd, 20 / std::sqrt(12.0), 0.1);
  for (size_t k = 0; k < kQuantileLevels.size(); ++k) {
    EXPECT_NEAR(c.quantiles[k], 10 + 20 * kQuantileLevels[k], 0.28) << kQuantileLevels[k];
  }
  EXPECT_GE(c.min, 10);
  EXPECT_LE(c.max, 30);
  // Bands [0,15) [15,50) [50,100]: probabilities 1/4, 3/4, 0 (se 0.003).
  ASSERT_EQ(c.bands.size(), 3u);
  EXPECT_NEAR(c.bands[0].probability, 0.25, 0.013);
  EXPECT_NEAR(c.bands[1].probability, 0.75, 0.013);
  EXPECT_EQ(c.bands[2].count, 0);
  EXPECT_EQ(c.bands[1].lo_label, "some");
  // Histogram: bins of 10 over [0, 100]; the forecast fills [10, 20) and [20, 30) equally.
  EXPECT_EQ(c.histogram[0] + c.histogram[1] + c.histogram[2], 20000);
  EXPECT_NEAR(c.histogram[1] / 20000.0, 0.5, 0.015);
  const IssueSummary& m = sum.models[1].issues[0];
  EXPECT_EQ(m.mean, 0);
  EXPECT_EQ(m.sd, 0);
  EXPECT_EQ(m.bands[0].probability, 1);
}

TEST(Sweep, CountsDrawsWithoutAForecastAsFailed) {
  Scenario s = OneUniformInput();
  // Both saliences 0 or 50 with equal chance: a quarter of the draws have no weight at all.
  for (int a = 0; a < 2; ++a) {
    s.At(a, 0).salience->dist = Distribution{Distribution::Kind::kEstimates, {0, 50}};
  }
  SweepPlan plan{{"compromise"}, 8000, 3, {}};
  DrawEvaluator ev(s, plan);
  const IssueSummary r = Summarize(ev, RunAll(ev, 2)).models[0].issues[0];
  EXPECT_EQ(r.n + r.failed, 8000);
  EXPECT_NEAR(r.failed / 8000.0, 0.25, 0.02);  // se 0.005
}

TEST(Sweep, CancelKeepsFinishedBlocksAndResumeGivesTheUninterruptedResult) {
  Scenario s = testing::Random(8, 6, 3);
  SweepPlan plan{{"compromise"}, 2000, 5, Noise{5, 5, 5}};
  DrawEvaluator ev(s, plan);
  SweepData full = RunAll(ev, 2);
  CancelToken token;
  SweepData part(plan.draws, ev.width());
  auto backend = MakeThreadBackend(2);
  RunContext ctx;
  ctx.cancel = &token;
  int blocks = 0;
  bool all = RunSweep(
      ev, *backend, ctx, part,
      [&](const DrawBlock&) {
        if (++blocks == 5) token.Cancel();
      },
      100);
  EXPECT_FALSE(all);
  EXPECT_GE(part.completed, 500);
  EXPECT_LT(part.completed, 2000);
  EXPECT_EQ(part.completed % 100, 0);  // whole blocks only
  for (int64_t d = 0; d < part.draws; ++d) {
    if (part.done[d]) {
      ASSERT_EQ(std::memcmp(part.Row(d), full.Row(d), sizeof(double)), 0);
    }
  }
  RunContext fresh;
  EXPECT_TRUE(RunSweep(ev, *backend, fresh, part, {}, 64));
  EXPECT_TRUE(SameBits(part, full));
}

TEST(Sweep, DealsGiveTheChanceOfAZoneAndTheNashPackages) {
  // B sits at 0. With no deal at 0 only the package 0 is rational for B and it is rational for
  // A too (the zone is {0}); with no deal at 2.5 (off the grid of step 5) B accepts only 0,
  // which A likes less than no deal: the zone is empty. Each with probability 1/2.
  Scenario s = OneUniformInput();
  s.issues[0].no_deal = Quantity{0, {}, Distribution{Distribution::Kind::kEstimates, {0, 2.5}}};
  SweepPlan plan{{}, 2000, 4, {}};
  plan.deals = true;
  DrawEvaluator ev(s, plan);
  EXPECT_EQ(ev.width(), 2);
  ASSERT_NE(ev.base_space(), nullptr);
  SweepData one = RunAll(ev, 1), two = RunAll(ev, 2);
  EXPECT_TRUE(SameBits(one, two));
  SweepSummary sum = Summarize(ev, two);
  ASSERT_TRUE(sum.deals);
  const DealSummary& d = *sum.deals;
  EXPECT_EQ(d.n, 2000);
  EXPECT_EQ(d.failed, 0);
  EXPECT_NEAR(d.p_zone, 0.5, 0.045);  // 4 standard errors
  ASSERT_EQ(d.nash.size(), 1u);
  EXPECT_EQ(d.nash[0].package, std::vector<int>{0});
  EXPECT_EQ(d.nash[0].share, d.p_zone);
  EXPECT_EQ(PackageText(*ev.base_space(), d.nash[0].package), "X=0");
  std::string text = RenderSweepText(s, sum, "", ev.base_space());
  ASSERT_EQ(d.nash_by_issue.size(), 1u);
  EXPECT_EQ(d.nash_by_issue[0], (std::vector<std::pair<int, int64_t>>{{0, d.zone_nonempty}}));
  EXPECT_NE(text.find(fmt::format("  zone of agreement non-empty in {:.1f}% of draws\n  Nash "
                                  "solution on each issue, share of draws:\n    X               "
                                  " 0 {:.0f}%\n  Nash packages, share of draws:\n  {:>6.1f}%  "
                                  "X=0\n",
                                  100 * d.p_zone, 100 * d.p_zone, 100 * d.p_zone)),
            std::string::npos)
      << text;
  auto j = SweepSummaryJson(sum, ev.base_space());
  EXPECT_EQ(j["deals"]["nash"][0]["package"]["X"], 0.0);
  // Without no-deal points there is no agreement space: said at once.
  plan.deals = true;
  EXPECT_THROW(DrawEvaluator(OneUniformInput(), plan), InvalidInput);
}

TEST(Sweep, MissingRangesCoverTheGapsInOrder) {
  SweepData d(10, 1);
  d.Put(DrawBlock{2, 3, {0, 0, 0}});
  d.Put(DrawBlock{8, 1, {0}});
  EXPECT_EQ(d.completed, 4);
  std::vector<DrawRange> want = {{0, 2}, {5, 2}, {7, 1}, {9, 1}};
  EXPECT_EQ(MissingRanges(d, 2), want);
  EXPECT_EQ(DefaultChunk(1000000), 3906);
  EXPECT_EQ(DefaultChunk(100), 1);
  EXPECT_EQ(DefaultChunk(int64_t{1} << 40), 4096);
}

TEST(Sweep, RejectsEveryBadSpecAtOnce) {
  SweepPlan plan{{"nosuch", "median(weight=votes)"}, 10, 0, {}};
  try {
    DrawEvaluator ev(OneUniformInput(), plan);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.report().size(), 2u);
  }
}

TEST(Summary, QuantileIsType7) {
  std::vector<double> v = {4, 1, 3, 2, 5};
  EXPECT_EQ(QuantileOf(v, 0.5), 3);
  EXPECT_EQ(QuantileOf(v, 0.25), 2);
  EXPECT_DOUBLE_EQ(QuantileOf(v, 0.1), 1.4);
  EXPECT_EQ(QuantileOf(v, 1), 5);
  std::vector<double> one = {7};
  EXPECT_EQ(QuantileOf(one, 0.95), 7);
}

TEST(Summary, BandsRunBetweenAnchorsAndOutToTheScaleEnds) {
  Issue is{.id = "x", .min = 0, .max = 10, .anchors = {{8, "c"}, {2, "a"}, {5, "b"}}};
  std::vector<Band> b = IssueBands(is);
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(b[0].lo, 0);
  EXPECT_EQ(b[0].lo_label, "");
  EXPECT_EQ(b[0].hi_label, "a");
  EXPECT_EQ(b[2].lo, 5);
  EXPECT_EQ(b[2].hi, 8);
  EXPECT_EQ(b[3].hi_label, "");
  EXPECT_TRUE(IssueBands(Issue{.id = "y"}).empty());
}

TEST(Render, TextJsonAndCsvCarryTheFigures) {
  SweepPlan plan{{"compromise"}, 400, 1, {}};
  DrawEvaluator ev(OneUniformInput(), plan);
  SweepSummary sum = Summarize(ev, RunAll(ev, 1));
  std::string text = RenderSweepText(OneUniformInput(), sum, "1 thread");
  EXPECT_NE(text.find("400 of 400 draws, seed 1, 1 uncertain input\n1 thread\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("    bands between anchors\n       0.0-15.0  none .. some"),
            std::string::npos);
  EXPECT_NE(text.find("\n             0-10 |      "), std::string::npos) << text;
  auto j = SweepSummaryJson(sum);
  EXPECT_EQ(j["models"][0]["spec"], "compromise(weight=capability*salience)");
  EXPECT_EQ(j["models"][0]["issues"][0]["n"], 400);
  EXPECT_EQ(j["models"][0]["issues"][0]["quantiles"]["50"].get<double>(),
            sum.models[0].issues[0].quantiles[2]);
  std::string csv = SweepCsv(sum);
  EXPECT_EQ(csv.rfind("model,issue,statistic,value\ncompromise(weight=capability*salience),X,n,"
                      "400\n",
                      0),
            0u);
  sum.completed = 100;
  EXPECT_NE(RenderSweepText(OneUniformInput(), sum, "").find("STOPPED EARLY"), std::string::npos);
}

}  // namespace
}  // namespace entente

namespace entente {
namespace {

TEST(ProgressBar, ShowsShareCountRateAndTimeLeft) {
  EXPECT_EQ(ProgressBar::Line(250000, 1000000, 50000, "draws"),
            " 25% [#######                       ] 250000/1000000 draws  50k/s  0:15 left");
  EXPECT_EQ(ProgressBar::Line(10, 10, 0, "draws"),
            "100% [##############################] 10/10 draws  0.0/s  --:-- left");
  EXPECT_EQ(ProgressBar::Line(0, 4e6, 2.5e6, "draws"),
            "  0% [                              ] 0/4000000 draws  2.5M/s  0:02 left");
  // Disabled (stderr piped): nothing is written.
  std::FILE* f = std::tmpfile();
  {
    ProgressBar bar(f, "draws", false);
    bar.Update(1, 2);
    bar.Update(2, 2);
  }
  EXPECT_EQ(std::ftell(f), 0);
  std::fclose(f);
}

}  // namespace
}  // namespace entente
