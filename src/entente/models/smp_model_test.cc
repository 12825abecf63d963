// SPDX-License-Identifier: MIT
// Whole runs of the Spatial Model of Politics through the model registry: the trace and
// forecasts, the scenario mapping (issue selection, scales, saliences, missing cells), edge
// cases, stopping rules, seeds and threads.
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "entente/models/registry.h"
#include "test_scenarios.h"

namespace entente {
namespace {

// n actors on `k` issues with the given positions (same on every issue) and saliences.
Scenario Flat(const std::vector<double>& pos, const std::vector<double>& sal, int k = 2,
              std::vector<double> cap = {}) {
  Scenario s;
  s.id = "flat";
  for (size_t a = 0; a < pos.size(); ++a) {
    const std::string id = "A" + std::to_string(a);
    s.actors.push_back(Actor{id, id, "", {cap.empty() ? 10.0 + a : cap[a], {}}, {}});
  }
  for (int i = 0; i < k; ++i) s.issues.push_back(Issue{.id = "I" + std::to_string(i)});
  s.ResizeCells();
  for (size_t a = 0; a < pos.size(); ++a) {
    for (int i = 0; i < k; ++i) {
      s.At(a, i).position = Quantity{pos[a] + 5.0 * i * (a % 2), {}};
      s.At(a, i).salience = Quantity{sal[a], {}};
    }
  }
  return s;
}

void ExpectFinite(const ModelResult& r) {
  for (const auto& f : r.forecasts) {
    EXPECT_FALSE(std::isnan(f.value)) << f.issue_id;
    for (const auto& [name, v] : f.extra) EXPECT_FALSE(std::isnan(v)) << name;
  }
  for (const auto& t : r.traces) {
    for (const auto& round : t.rounds) {
      for (const auto& p : round.positions)
        for (double x : p) ASSERT_FALSE(std::isnan(x));
      for (const auto& [name, v] : round.actor_stats)
        for (double x : v) ASSERT_FALSE(std::isnan(x)) << name;
    }
  }
}

std::vector<std::vector<std::vector<double>>> Positions(const ModelResult& r) {
  std::vector<std::vector<std::vector<double>>> out;
  for (const auto& round : r.traces.at(0).rounds) out.push_back(round.positions);
  return out;
}

TEST(SmpModel, TraceAndForecast) {
  const Scenario s = testing::Random(5, 8, 2);
  const ModelResult r = RunModel(s, "smp");
  ASSERT_EQ(r.traces.size(), 1u);
  const Trace& t = r.traces[0];
  EXPECT_EQ(t.dims, (std::vector<std::string>{"I0", "I1"}));
  EXPECT_EQ(t.actors.size(), 8u);
  EXPECT_FALSE(t.stopped_by.empty());
  ASSERT_GE(t.rounds.size(), 3u);
  int challenges = 0, moves = 0;
  for (size_t k = 0; k < t.rounds.size(); ++k) {
    const auto& round = t.rounds[k];
    EXPECT_EQ(round.round, static_cast<int>(k));
    ASSERT_EQ(round.positions.size(), 8u);
    ASSERT_EQ(round.actor_stats.size(), 2u);
    EXPECT_EQ(round.actor_stats[0].first, "prob");
    for (double p : round.actor_stats[0].second) EXPECT_TRUE(p > 0 && p <= 1) << p;
    for (const auto& e : round.events) {
      if (e.kind == "challenge") {
        ++challenges;
        EXPECT_GT(e.value, 1e-5);
        EXPECT_NE(e.actor, e.counterpart);
      } else if (e.kind == "move") {
        ++moves;
        const int i = static_cast<int>(std::find(t.actors.begin(), t.actors.end(), e.actor) -
                                       t.actors.begin());
        EXPECT_EQ(e.from, t.rounds[k - 1].positions[i]);
        EXPECT_EQ(e.to, round.positions[i]);
      }
    }
  }
  EXPECT_GT(challenges, 0);
  EXPECT_GT(moves, 0);
  // The forecast is the position of a most likely actor; the mean lies inside the positions.
  const auto& last = t.rounds.back();
  const auto& prob = last.actor_stats[0].second;
  const double top = *std::max_element(prob.begin(), prob.end());
  for (size_t k = 0; k < 2; ++k) {
    const IssueForecast& f = r.forecasts[k];
    ASSERT_TRUE(f.ok);
    bool found = false;
    double lo = 100, hi = 0;
    for (size_t i = 0; i < 8; ++i) {
      found = found || (prob[i] == top && last.positions[i][k] == f.value);
      lo = std::min(lo, last.positions[i][k]), hi = std::max(hi, last.positions[i][k]);
    }
    EXPECT_TRUE(found) << f.issue_id;
    ASSERT_EQ(f.extra.size(), 2u);
    EXPECT_EQ(f.extra[0].first, "mean");
    EXPECT_GE(f.extra[0].second, lo - 1e-9);
    EXPECT_LE(f.extra[0].second, hi + 1e-9);
    EXPECT_EQ(f.extra[1], (std::pair<std::string, double>("probability", top)));
  }
}

TEST(SmpModel, EveryoneAtOnePlaceIsDefined) {
  // p_max = p_min: KTAB divides by zero. Here R = 0, nobody challenges, the run stops at turn 2.
  const ModelResult r = RunModel(Flat({50, 50, 50, 50}, {30, 40, 50, 20}, 1), "smp");
  ExpectFinite(r);
  const Trace& t = r.traces[0];
  ASSERT_EQ(t.rounds.size(), 3u);
  EXPECT_EQ(t.rounds[0].actor_stats[1].second, std::vector<double>(4, 0.0));  // risk
  EXPECT_EQ(t.rounds[0].actor_stats[0].second, std::vector<double>(4, 1.0));  // one group
  EXPECT_TRUE(t.rounds[1].events.empty());
  EXPECT_EQ(r.forecasts[0].value, 50);
}

TEST(SmpModel, ZeroSaliencesAndCapabilitiesAreDefined) {
  ExpectFinite(RunModel(Flat({10, 40, 70, 90}, {0, 40, 30, 20}), "smp"));
  ExpectFinite(RunModel(Flat({10, 40, 70, 90}, {30, 40, 30, 20}, 2, {0, 5, 0, 7}), "smp"));
  const ModelResult none = RunModel(Flat({10, 40, 70, 90}, {0, 0, 0, 0}), "smp");
  ExpectFinite(none);
  EXPECT_EQ(none.traces[0].rounds.size(), 3u);  // all indifferent: nothing happens
  for (const auto& f : none.forecasts) EXPECT_TRUE(f.ok);
}

TEST(SmpModel, ActorsMissingACellAreLeftOut) {
  Scenario s = Flat({10, 40, 70, 90}, {30, 40, 30, 20});
  s.At(2, 1).position.reset();
  s.At(2, 1).salience.reset();
  const ModelResult r = RunModel(s, "smp");
  const Trace& t = r.traces[0];
  EXPECT_EQ(t.actors, (std::vector<std::string>{"A0", "A1", "A3"}));
  ASSERT_EQ(t.rounds[0].events.size(), 1u);
  EXPECT_EQ(t.rounds[0].events[0].kind, "excluded");
  EXPECT_EQ(t.rounds[0].events[0].actor, "A2");
  s.At(1, 0).salience.reset();
  s.At(1, 0).position.reset();
  s.At(3, 0).position.reset();
  s.At(3, 0).salience.reset();
  const ModelResult few = RunModel(s, "smp");
  EXPECT_TRUE(few.traces.empty());
  for (const auto& f : few.forecasts) {
    EXPECT_FALSE(f.ok);
    EXPECT_EQ(f.why,
              "SMP needs at least 2 actors with a position and a salience on every selected "
              "issue; 1 found");
  }
}

TEST(SmpModel, IssueSelection) {
  const Scenario s = testing::Random(3, 6, 3);
  const ModelResult r = RunModel(s, "smp(issues=I2;I0)");
  EXPECT_EQ(r.traces[0].dims, (std::vector<std::string>{"I2", "I0"}));
  EXPECT_TRUE(r.forecasts[0].ok);
  EXPECT_FALSE(r.forecasts[1].ok);
  EXPECT_EQ(r.forecasts[1].why, "not among the issues selected by issues=I2;I0");
  EXPECT_TRUE(r.forecasts[2].ok);
  try {
    RunModel(s, "smp(issues=I0;I9)");
    FAIL() << "accepted an unknown issue";
  } catch (const InvalidInput& e) {
    ASSERT_EQ(e.report().size(), 1u);
    EXPECT_EQ(e.report().problems()[0].field, "issues");
    EXPECT_EQ(e.report().problems()[0].value, "I9");
    EXPECT_EQ(e.report().problems()[0].message, "unknown issue id; the scenario has: I0, I1, I2");
  }
}

TEST(SmpModel, SaliencesAbove100AreRescaledPerActor) {
  // (80, 80) sums to 160 > 100 and is used as (50, 50); (30, 30) is used as given.
  const ModelResult over = RunModel(Flat({10, 40, 70, 90}, {80, 40, 30, 20}), "smp");
  const ModelResult same = RunModel(Flat({10, 40, 70, 90}, {50, 40, 30, 20}), "smp");
  EXPECT_EQ(Positions(over), Positions(same));
}

TEST(SmpModel, IssueScalesMapTo01) {
  Scenario wide = testing::Random(9, 7, 2);
  for (auto& is : wide.issues) is.min = -100, is.max = 300;  // 4x the scale, shifted
  for (size_t a = 0; a < wide.actors.size(); ++a) {
    for (int k = 0; k < 2; ++k)
      wide.At(a, k).position->value = 4 * wide.At(a, k).position->value - 100;
  }
  const ModelResult base = RunModel(testing::Random(9, 7, 2), "smp");
  const ModelResult r = RunModel(wide, "smp");
  ASSERT_EQ(r.traces[0].rounds.size(), base.traces[0].rounds.size());
  for (int k = 0; k < 2; ++k) {
    EXPECT_NEAR(r.forecasts[k].value, 4 * base.forecasts[k].value - 100, 1e-9);
  }
}

TEST(SmpModel, ThreadsDoNotChangeTheRun) {
  const Scenario s = testing::Random(17, 40, 3);  // large enough for the parallel paths
  for (const char* spec : {"smp(max_turns=6)", "smp(max_turns=6,transitions=stochastic)"}) {
    RunContext one, many;
    one.threads = 1, many.threads = 0;
    one.seed = many.seed = 99;
    const ModelResult a = RunModel(s, spec, one), b = RunModel(s, spec, many);
    EXPECT_EQ(Positions(a), Positions(b)) << spec;
    EXPECT_EQ(a.traces[0].rounds.back().actor_stats, b.traces[0].rounds.back().actor_stats);
  }
}

TEST(SmpModel, StochasticTransitionsFollowTheSeed) {
  const Scenario s = testing::Random(21, 9, 2);
  RunContext ctx;
  ctx.seed = 5;
  const auto first = Positions(RunModel(s, "smp(transitions=stochastic)", ctx));
  EXPECT_EQ(first, Positions(RunModel(s, "smp(transitions=stochastic)", ctx)));
  int differ = 0;
  for (uint64_t seed = 6; seed < 10; ++seed) {
    ctx.seed = seed;
    differ += Positions(RunModel(s, "smp(transitions=stochastic)", ctx)) != first;
  }
  EXPECT_GT(differ, 0);
  ctx.seed = 6;  // the deterministic model ignores the seed
  EXPECT_EQ(Positions(RunModel(s, "smp", ctx)), Positions(RunModel(s, "smp")));
}

TEST(SmpModel, StoppingRules) {
  const Scenario s = testing::Random(6, 4, 1);  // cycles between two states until turn 100
  const ModelResult ktab = RunModel(s, "smp");
  const Trace& t = ktab.traces[0];
  ASSERT_EQ(t.rounds.size(), 101u);
  EXPECT_EQ(t.stopped_by, "max_turns: reached 100 turns");
  EXPECT_EQ(t.rounds[3].positions, t.rounds[1].positions);
  EXPECT_NE(t.rounds[2].positions, t.rounds[1].positions);
  const ModelResult cycle = RunModel(s, "smp(stop=cycle)");
  ASSERT_EQ(cycle.traces[0].rounds.size(), 4u);
  EXPECT_EQ(cycle.traces[0].stopped_by,
            "cycle: the state after turn 3 repeats the state after turn 1 (a cycle of 2 turns)");
  EXPECT_EQ(RunModel(s, "smp(max_turns=1)").traces[0].rounds.size(), 2u);
}

TEST(SmpModel, Cancellation) {
  CancelToken token;
  token.Cancel();
  RunContext ctx;
  ctx.cancel = &token;
  EXPECT_THROW(RunModel(testing::Random(4, 6, 2), "smp", ctx), Cancelled);
}

}  // namespace
}  // namespace entente
