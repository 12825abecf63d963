// SPDX-License-Identifier: MIT
// Textbook cases with known answers, and the bargaining solutions and zone analysis against the
// brute-force reference on seeded random spaces.
#include "entente/analysis/bargaining.h"

#include <gtest/gtest.h>

#include "entente/analysis/brute_force.h"
#include "entente/analysis/random_spaces.h"
#include "entente/analysis/zopa.h"

namespace entente {
namespace {

// Two parties, one divisible issue on 0..100 (step 5): A wants 0, B wants 100, linear loss,
// so u_A = 1 - x/100 and u_B = x/100. No deal leaves the issue at `no_deal`; A and B also pay
// the given costs of no agreement.
Scenario Divide(double no_deal) {
  Scenario s;
  s.id = "divide";
  s.actors = {{"A", "A", "", {1, {}}, std::nullopt}, {"B", "B", "", {1, {}}, std::nullopt}};
  s.issues = {Issue{.id = "X",
                    .name = "share",
                    .anchors = {{0, "all to A"}, {100, "all to B"}},
                    .no_deal = Quantity{no_deal, {}}}};
  s.ResizeCells();
  s.At(0, 0) = Cell{Quantity{0, {}}, Quantity{70, {}}, std::nullopt, {}};
  s.At(1, 0) = Cell{Quantity{100, {}}, Quantity{30, {}}, std::nullopt, {}};
  return s;
}

const Solution& Get(const BargainingResult& r, const std::string& key) {
  for (const Solution& s : r.solutions)
    if (s.key == key) return s;
  throw std::runtime_error("no solution " + key);
}

TEST(Textbook, NashSplitsTheSurplusEvenly) {
  // d_A = u_A(50) - 0.3 = 0.2, d_B = u_B(50) - 0.5 = 0: the surplus 0.8 is split 0.4 / 0.4.
  AgreementSpace s = BuildSpace(Divide(50), {.no_agreement_cost = {{"A", 0.3}, {"B", 0.5}}});
  ASSERT_EQ(s.Exact(s.disagreement[0]), (Rational{1, 5}));
  ASSERT_EQ(s.Exact(s.disagreement[1]), (Rational{0, 1}));
  BargainingResult r = Bargain(s, {}, RunContext{});
  for (const char* key : {"nash", "kalai_smorodinsky", "egalitarian"}) {
    const Solution& sol = Get(r, key);
    SCOPED_TRACE(key);
    ASSERT_TRUE(sol.exists);
    EXPECT_EQ(s.issues[0].values[sol.package[0]], 40);
    EXPECT_EQ(s.Exact(sol.utility[0] - s.disagreement[0]), (Rational{2, 5}));
    EXPECT_EQ(s.Exact(sol.utility[1] - s.disagreement[1]), (Rational{2, 5}));
    EXPECT_EQ(CountToString(*sol.ties), "1");
  }
  EXPECT_DOUBLE_EQ(Get(r, "nash").value, 0.16);
  EXPECT_EQ(s.Exact(r.ideal[0]), (Rational{1, 1}));  // x = 0
  EXPECT_EQ(s.Exact(r.ideal[1]), (Rational{4, 5}));  // x = 80, where A is back at d_A
  // u_A + u_B = 1 everywhere: every one of the 21 packages is utilitarian, 17 of them rational.
  EXPECT_EQ(CountToString(*Get(r, "utilitarian").ties), "21");
  EXPECT_EQ(CountToString(*Get(r, "utilitarian_rational").ties), "17");
  ZoneResult z = AnalyseZone(s, {}, RunContext{});
  EXPECT_FALSE(z.empty);
  EXPECT_TRUE(z.exact);
  EXPECT_EQ(CountToString(z.size), "17");  // x = 0, 5, ..., 80
}

TEST(Textbook, EmptyZoneAndItsExactOpeningCost) {
  // No deal at 52, off the grid: d = (0.48, 0.52). On the grid, 50 gives (0.5, 0.5) and 55
  // gives (0.45, 0.55): each fails one party, so the zone is empty.
  AgreementSpace s = BuildSpace(Divide(52));
  ZoneResult z = AnalyseZone(s, {}, RunContext{});
  ASSERT_TRUE(z.empty);
  EXPECT_EQ(CountToString(z.size), "0");
  ASSERT_TRUE(z.ripeness.has_value());
  const Ripeness& rp = *z.ripeness;
  // Charging both parties 0.02 opens the zone at x = 50 (B reaches 0.5 = 0.52 - 0.02).
  EXPECT_EQ(s.Exact(rp.uniform_cost), (Rational{1, 50}));
  EXPECT_EQ(s.issues[0].values[rp.opening_package[0]], 50);
  // Alone, A must give up 0.03 (x = 55 is the best A gets with B content); B must give up 0.02.
  ASSERT_EQ(rp.single_shift.size(), 2u);
  EXPECT_EQ(s.Exact(*rp.single_shift[0]), (Rational{3, 100}));
  EXPECT_EQ(s.Exact(*rp.single_shift[1]), (Rational{1, 50}));
  ASSERT_EQ(rp.binding.size(), 1u);
  EXPECT_EQ(rp.binding[0], (std::vector<int>{0, 1}));
  BargainingResult r = Bargain(s, {}, RunContext{});
  EXPECT_FALSE(Get(r, "nash").exists);
  EXPECT_EQ(Get(r, "nash").note, "no package is rational: the zone of possible agreement is empty");
  EXPECT_FALSE(Get(r, "kalai_smorodinsky").exists);
  EXPECT_TRUE(Get(r, "utilitarian").exists);
  EXPECT_FALSE(Get(r, "utilitarian").rational);
}

TEST(Textbook, APartyNoDealBeatsEveryPackageBindsAlone) {
  AgreementSpace s = BuildSpace(Divide(50));
  s.disagreement[0] = s.denominator + 1;  // above A's best utility, 1
  ZoneResult z = AnalyseZone(s, {}, RunContext{});
  ASSERT_TRUE(z.empty);
  ASSERT_EQ(z.ripeness->binding.size(), 1u);
  EXPECT_EQ(z.ripeness->binding[0], (std::vector<int>{0}));
  // Alone, A must come down to 0.5, its best with B content (x = 50).
  EXPECT_EQ(NumToString(*z.ripeness->single_shift[0]), NumToString(s.denominator / 2 + 1));
  EXPECT_FALSE(z.ripeness->single_shift[1].has_value());  // B cannot open it alone
}

TEST(Textbook, DegenerateNashWhenNoPackageGainsEveryone) {
  AgreementSpace s = BuildSpace(Divide(50));  // d = (0.5, 0.5): only x = 50 is rational
  BargainingResult r = Bargain(s, {}, RunContext{});
  const Solution& nash = Get(r, "nash");
  ASSERT_TRUE(nash.exists);
  EXPECT_EQ(nash.note.substr(0, 11), "degenerate:");
  EXPECT_EQ(s.issues[0].values[nash.package[0]], 50);
}

class RandomBargaining : public ::testing::TestWithParam<int> {};

TEST_P(RandomBargaining, MatchesBruteForce) {
  const RunContext ctx{.seed = 11};
  struct Shape {
    int parties;
    std::vector<int> options;
    int levels;
    double lo, hi;
  };
  const std::vector<Shape> shapes = {
      {2, {4, 4, 4, 4}, 5, 0.3, 0.7},       {2, {8, 8, 8, 8, 8}, 7, 0.4, 0.9},
      {3, {5, 5, 5, 5, 5, 5}, 4, 0.3, 0.6}, {4, {6, 6, 6, 6, 6}, 6, 0.2, 0.6},
      {5, {3, 4, 5, 3, 4, 5}, 5, 0.3, 0.8}, {6, {4, 4, 4, 4, 4, 4}, 3, 0.1, 0.5},
      {2, {6, 6, 6}, 5, 0.6, 0.9},          {3, {5, 5, 5, 5}, 4, 0.7, 0.95},
      {4, {4, 4, 4, 4, 4}, 5, 0.65, 0.9},   {3, {5, 5, 5, 5}, 5, 0.9, 1.0}};
  int empty = 0;
  for (const Shape& sh : shapes) {
    Rng rng(DeriveSeed(99, GetParam() * 31 + sh.parties));
    AgreementSpace s = testing::RandomSpace(rng, sh.parties, sh.options, sh.levels, sh.lo, sh.hi);
    SCOPED_TRACE("parties " + std::to_string(sh.parties));
    brute::Result ref = brute::Solve(s);
    BargainingResult r = Bargain(s, {}, ctx);
    ZoneResult z = AnalyseZone(s, {.samples = 4}, ctx);
    EXPECT_EQ(z.empty, ref.zone == 0);
    EXPECT_EQ(CountToString(z.size), CountToString(ref.zone));
    EXPECT_EQ(z.samples.size(), ref.zone == 0 ? 0u : 4u);
    for (const auto& p : z.samples) EXPECT_TRUE(s.IsRational(s.Utilities(p)));
    auto in = [](const brute::Optimum& o, const std::vector<int>& p) {
      return std::find(o.all.begin(), o.all.end(), p) != o.all.end();
    };
    const Solution& util = Get(r, "utilitarian");
    EXPECT_TRUE(in(*ref.utilitarian, util.package));
    EXPECT_EQ(CountToString(*util.ties), CountToString(ref.utilitarian->ties));
    if (ref.zone == 0) {
      ++empty;
      ASSERT_TRUE(z.ripeness.has_value());
      // Binding sets: each conflicts, and every set without one of its parties does not.
      auto all = brute::Enumerate(s);
      auto feasible = [&](const std::vector<int>& set) {
        for (const auto& p : all) {
          bool ok = true;
          for (int a : set) ok &= p.u[a] >= s.disagreement[a];
          if (ok) return true;
        }
        return false;
      };
      ASSERT_FALSE(z.ripeness->binding.empty());
      for (const auto& set : z.ripeness->binding) {
        EXPECT_FALSE(feasible(set));
        for (size_t k = 0; k < set.size(); ++k) {
          auto smaller = set;
          smaller.erase(smaller.begin() + k);
          EXPECT_TRUE(feasible(smaller));
        }
      }
      EXPECT_EQ(NumToString(z.ripeness->uniform_cost), NumToString(-ref.max_min_gain));
      for (int b = 0; b < s.NumParties(); ++b) {
        ASSERT_EQ(z.ripeness->single_shift[b].has_value(), ref.best_without[b].has_value());
        if (ref.best_without[b]) {
          EXPECT_EQ(NumToString(*z.ripeness->single_shift[b]),
                    NumToString(s.disagreement[b] - *ref.best_without[b]));
        }
      }
      EXPECT_FALSE(Get(r, "egalitarian").exists);
      continue;
    }
    EXPECT_EQ(r.ideal, ref.ideal);
    const Solution& nash = Get(r, "nash");
    const Solution& ks = Get(r, "kalai_smorodinsky");
    const Solution& egal = Get(r, "egalitarian");
    const Solution& util_r = Get(r, "utilitarian_rational");
    if (nash.note.empty()) {
      EXPECT_TRUE(in(*ref.nash, nash.package));
      EXPECT_EQ(CountToString(*nash.ties), CountToString(ref.nash->ties));
    }
    EXPECT_TRUE(in(*ref.ks, ks.package));
    EXPECT_EQ(CountToString(*ks.ties), CountToString(ref.ks->ties));
    EXPECT_TRUE(in(*ref.egalitarian, egal.package));
    EXPECT_EQ(CountToString(*egal.ties), CountToString(ref.egalitarian->ties));
    EXPECT_TRUE(in(*ref.utilitarian_rational, util_r.package));
    EXPECT_EQ(CountToString(*util_r.ties), CountToString(ref.utilitarian_rational->ties));
  }
  EXPECT_GE(empty, 1);  // the shapes cover empty zones too
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomBargaining, ::testing::Range(0, 8));

}  // namespace
}  // namespace entente
