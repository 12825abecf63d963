// SPDX-License-Identifier: MIT
// The backtest engine on a hand-made three-case set whose errors are worked out by hand for each
// model and baseline (see the comments), plus spec checking, failures, groups and every
// registered model.
#include "entente/analysis/backtest.h"

#include <cmath>

#include <gtest/gtest.h>

#include "entente/models/registry.h"

namespace entente {
namespace {

struct A {
  const char* id;
  double cap;
  std::vector<std::optional<std::pair<double, double>>> cells;  // (position, salience) per issue
};

Scenario Make(const std::string& id, std::vector<Issue> issues, const std::vector<A>& actors) {
  Scenario s;
  s.id = id;
  s.issues = std::move(issues);
  for (const auto& a : actors) s.actors.push_back(Actor{a.id, a.id, "", {a.cap, {}}, {}});
  s.ResizeCells();
  for (size_t a = 0; a < actors.size(); ++a) {
    for (size_t i = 0; i < actors[a].cells.size(); ++i) {
      if (!actors[a].cells[i]) continue;
      s.At(a, i).position = Quantity{actors[a].cells[i]->first, {}};
      s.At(a, i).salience = Quantity{actors[a].cells[i]->second, {}};
    }
  }
  return s;
}

// Case A (0-100, outcome 50, rp 0): X 0 (sal 50, cap 1), Y 60 (100, 1), Z 100 (50, 2).
//   compromise: (0*50 + 60*100 + 100*100) / 250 = 64 -> error 14
//   median: cumulative weight 50, 150 >= 125 at 60 -> error 10; rp 0 -> 50; X 0 -> 50
// Case B (0-10, outcome 4, no rp): X 2 (100), Y 8 (50), Z 4 (50), all cap 1.
//   compromise: (200 + 400 + 200) / 200 = 4 -> error 0
//   median: cumulative 100 >= 100 at 2 -> |2 - 4| / 10 * 100 = 20; rp: none; X 2 -> 20
// Case C, issue c1 (0-100, outcome 30, rp 100): X 10 (sal 0), Y 90 (sal 0): every weight is 0,
//   so compromise and median fail; rp 100 -> 70; X 10 -> 20. Issue c2 has no outcome (unscored).
CaseSet HandMade() {
  CaseSet set;
  set.name = "hand-made";
  set.baseline_actor = "X";
  OutcomeCase a{
      .id = "A",
      .scenario = Make("A", {Issue{.id = "a1"}},
                       {{"X", 1, {{{0, 50}}}}, {"Y", 1, {{{60, 100}}}}, {"Z", 2, {{{100, 50}}}}}),
      .outcome = {50.0},
      .reference_point = {0.0},
      .groups = {{"procedure", "p1"}}};
  OutcomeCase b{
      .id = "B",
      .scenario = Make("B", {Issue{.id = "b1", .min = 0, .max = 10}},
                       {{"X", 1, {{{2, 100}}}}, {"Y", 1, {{{8, 50}}}}, {"Z", 1, {{{4, 50}}}}}),
      .outcome = {4.0},
      .reference_point = {std::nullopt},
      .groups = {{"procedure", "p2"}}};
  OutcomeCase c{
      .id = "C",
      .scenario = Make("C", {Issue{.id = "c1"}, Issue{.id = "c2"}},
                       {{"X", 1, {{{10, 0}}, {{20, 50}}}}, {"Y", 1, {{{90, 0}}, {{40, 50}}}}}),
      .outcome = {30.0, std::nullopt},
      .reference_point = {100.0, 0.0},
      .groups = {{"procedure", "p1"}}};
  set.cases = {a, b, c};
  return set;
}

std::vector<double> Errors(const ForecasterResult& f) {
  std::vector<double> e;
  for (const auto& s : f.scores) e.push_back(s.ok ? s.error : -1);
  return e;
}

TEST(Backtest, HandMadeCasesHaveKnownErrors) {
  BacktestResult r =
      RunBacktest(HandMade(), BacktestOptions{.models = {"compromise", "median"}, .seed = 3});
  ASSERT_EQ(r.issues.size(), 3u);  // c2 has no outcome
  EXPECT_EQ(r.issues[2].issue_id, "c1");
  ASSERT_EQ(r.forecasters.size(), 4u);
  EXPECT_EQ(r.forecasters[0].label, "compromise(weight=capability*salience)");
  EXPECT_EQ(r.forecasters[1].label, "median(weight=capability*salience)");
  EXPECT_EQ(r.forecasters[2].label, "reference-point");
  EXPECT_EQ(r.forecasters[3].label, "position:X");

  const auto& comp = r.forecasters[0];
  EXPECT_EQ(Errors(comp), (std::vector<double>{14, 0, -1}));
  EXPECT_EQ(comp.failed, 1u);
  EXPECT_EQ(comp.scores[2].why, "every participating actor has weight 0 (capability*salience)");
  EXPECT_DOUBLE_EQ(comp.summary.mean, 7);
  EXPECT_DOUBLE_EQ(comp.summary.median, 7);
  EXPECT_DOUBLE_EQ(comp.summary.rmse, std::sqrt(98.0));
  EXPECT_DOUBLE_EQ(comp.summary.within10, 0.5);
  EXPECT_DOUBLE_EQ(comp.summary.within20, 1.0);
  EXPECT_GE(comp.summary.mean, comp.mean_interval.lo);
  EXPECT_LE(comp.summary.mean, comp.mean_interval.hi);

  const auto& med = r.forecasters[1];
  EXPECT_EQ(Errors(med), (std::vector<double>{10, 20, -1}));
  EXPECT_DOUBLE_EQ(med.summary.mean, 15);
  EXPECT_DOUBLE_EQ(med.summary.rmse, std::sqrt(250.0));

  const auto& rp = r.forecasters[2];
  EXPECT_EQ(Errors(rp), (std::vector<double>{50, -1, 70}));
  EXPECT_EQ(rp.scores[1].why, "no reference point is recorded for this issue");
  EXPECT_DOUBLE_EQ(rp.summary.mean, 60);
  EXPECT_DOUBLE_EQ(rp.summary.within20, 0);

  const auto& x = r.forecasters[3];
  EXPECT_EQ(Errors(x), (std::vector<double>{50, 20, 20}));
  EXPECT_EQ(x.failed, 0u);
  EXPECT_DOUBLE_EQ(x.summary.mean, 30);
  EXPECT_DOUBLE_EQ(x.summary.median, 20);
  EXPECT_DOUBLE_EQ(x.summary.rmse, std::sqrt(1100.0));
  EXPECT_DOUBLE_EQ(x.summary.within20, 2.0 / 3);

  // compromise vs median on A and B: 14 - 10 = 4, 0 - 20 = -20.
  ASSERT_EQ(r.pairs.size(), 6u);
  const PairResult& p = r.pairs[0];
  EXPECT_EQ(p.a, 0u);
  EXPECT_EQ(p.b, 1u);
  EXPECT_EQ(p.comparison.n, 2u);
  EXPECT_DOUBLE_EQ(p.comparison.mean_difference, -8);
  EXPECT_EQ(p.comparison.wins, 1u);
  EXPECT_EQ(p.comparison.losses, 1u);
  EXPECT_GE(p.comparison.interval.lo, -20);
  EXPECT_LE(p.comparison.interval.hi, 4 + 1e-12);

  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[0].value, "p1");
  EXPECT_EQ(r.groups[0].issues, 2u);  // a1 and c1
  EXPECT_EQ(r.groups[0].summaries[0].n, 1u);
  EXPECT_EQ(r.groups[0].failed[0], 1u);
  EXPECT_DOUBLE_EQ(r.groups[0].summaries[0].mean, 14);
  EXPECT_DOUBLE_EQ(r.groups[0].summaries[2].mean, 60);  // rp: 50 and 70
  EXPECT_DOUBLE_EQ(r.groups[1].summaries[1].mean, 20);
}

TEST(Backtest, SameSeedSameIntervalsAndIntervalsDoNotDependOnOtherModels) {
  CaseSet set = HandMade();
  BacktestResult a = RunBacktest(set, BacktestOptions{.models = {"compromise"}, .seed = 9});
  BacktestResult b =
      RunBacktest(set, BacktestOptions{.models = {"median", "compromise"}, .seed = 9});
  BacktestResult c = RunBacktest(set, BacktestOptions{.models = {"compromise"}, .seed = 10});
  EXPECT_EQ(a.forecasters[0].mean_interval.lo, b.forecasters[1].mean_interval.lo);
  EXPECT_EQ(a.forecasters[0].mean_interval.hi, b.forecasters[1].mean_interval.hi);
  // With errors {14, 0} the resampled means are 0, 7 or 14; the interval is [0, 14] for any seed.
  EXPECT_EQ(a.forecasters[0].mean_interval.lo, 0);
  EXPECT_EQ(c.forecasters[0].mean_interval.hi, 14);
}

TEST(Backtest, EveryBadSpecIsReportedBeforeAnythingRuns) {
  try {
    RunBacktest(HandMade(),
                BacktestOptions{.models = {"nosuch", "compromise(weight=bogus)", "compromise",
                                           "compromise(weight=capability*salience)"}});
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    const auto& ps = e.report().problems();
    ASSERT_EQ(ps.size(), 3u);
    EXPECT_EQ(ps[0].where.path, "--model #1");
    EXPECT_EQ(ps[0].value, "nosuch");
    EXPECT_EQ(ps[2].where.path, "--model #4");
    EXPECT_EQ(ps[2].message,
              "listed twice (as compromise(weight=capability*salience)); list each model once");
  }
}

TEST(Backtest, NoOutcomesIsAnError) {
  CaseSet set = HandMade();
  for (auto& c : set.cases) {
    for (auto& o : c.outcome) o.reset();
  }
  EXPECT_THROW(RunBacktest(set, BacktestOptions{.models = {"median"}}), InvalidInput);
}

TEST(Backtest, CancellationStopsTheRun) {
  CancelToken token;
  token.Cancel();
  RunContext ctx;
  ctx.cancel = &token;
  EXPECT_THROW(RunBacktest(HandMade(), BacktestOptions{.models = {"median"}}, ctx), Cancelled);
}

// Every registered model, whatever it is (static, dynamic, multi-issue), runs on every case:
// each scored issue gets a forecast or a reason, and nothing is dropped.
TEST(Backtest, EveryRegisteredModelScoresOrExplainsEveryIssue) {
  std::vector<std::string> specs;
  for (const auto& m : BuiltinModels().models()) specs.push_back(m.name);
  BacktestResult r = RunBacktest(HandMade(), BacktestOptions{.models = specs, .seed = 5});
  ASSERT_EQ(r.forecasters.size(), specs.size() + 2);
  for (const auto& f : r.forecasters) {
    ASSERT_EQ(f.scores.size(), 3u) << f.label;
    size_t failed = 0;
    for (const auto& s : f.scores) {
      if (s.ok) {
        EXPECT_TRUE(std::isfinite(s.error)) << f.label;
        EXPECT_GE(s.error, 0) << f.label;
        EXPECT_LE(s.error, 100) << f.label;
      } else {
        EXPECT_FALSE(s.why.empty()) << f.label;
        ++failed;
      }
    }
    EXPECT_EQ(f.failed, failed) << f.label;
    EXPECT_EQ(f.summary.n + f.failed, 3u) << f.label;
  }
}

}  // namespace
}  // namespace entente
