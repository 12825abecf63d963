// SPDX-License-Identifier: MIT
// The fast algorithms (branch and bound, meet-in-the-middle counting, Minkowski frontier)
// against the brute-force reference on seeded random spaces: 2-6 parties, up to 10^5 packages.
#include <algorithm>

#include <gtest/gtest.h>

#include "entente/analysis/brute_force.h"
#include "entente/analysis/count.h"
#include "entente/analysis/pareto.h"
#include "entente/analysis/random_spaces.h"
#include "entente/analysis/search.h"

namespace entente {
namespace {

struct Shape {
  int parties;
  std::vector<int> options;
  int levels;
};

std::vector<Shape> Shapes() {
  return {
      {2, {3, 3, 3}, 4},
      {2, {5, 4, 3, 3, 5, 4}, 6},
      {2, {10, 10, 10, 10, 10}, 9},
      {3, {4, 3, 3, 4, 5, 2, 4}, 5},
      {3, {6, 6, 6, 6, 6}, 11},
      {4, {5, 5, 5, 5, 5}, 4},
      {4, {21, 21, 21}, 21},
      {5, {4, 4, 4, 4, 4, 4}, 3},
      {6, {5, 5, 5, 5, 5}, 5},
      {6, {3, 3, 3, 3, 3, 3, 3}, 3},
  };
}

std::string Str(const std::vector<Num>& v) {
  std::string s;
  for (Num x : v) s += NumToString(x) + " ";
  return s;
}

class Random : public ::testing::TestWithParam<int> {};

TEST_P(Random, FastAlgorithmsMatchBruteForce) {
  const RunContext ctx;
  for (const Shape& sh : Shapes()) {
    Rng rng(DeriveSeed(1234, GetParam() * 100 + sh.parties * 7 + sh.options.size()));
    AgreementSpace s = testing::RandomSpace(rng, sh.parties, sh.options, sh.levels);
    SCOPED_TRACE("parties=" + std::to_string(sh.parties) +
                 " issues=" + std::to_string(sh.options.size()) + " d=" + Str(s.disagreement));
    brute::Result ref = brute::Solve(s);
    // Pareto frontier over all packages and over the zone.
    ParetoResult pf = ParetoFrontier(s, {}, ctx);
    ASSERT_TRUE(pf.complete);
    EXPECT_EQ(CountToString(pf.packages), CountToString(ref.pareto_packages));
    EXPECT_EQ(pf.points, static_cast<uint64_t>(ref.pareto_points));
    EXPECT_EQ(CountToString(pf.rational_packages), CountToString(ref.pareto_rational_packages));
    for (const FrontierPoint& fp : pf.frontier) {
      EXPECT_TRUE(ref.pareto_set.count(fp.utility)) << Str(fp.utility);
      EXPECT_EQ(s.Utilities(fp.example), fp.utility);
    }
    ParetoResult pr = ParetoFrontier(s, {.threshold = s.disagreement}, ctx);
    EXPECT_EQ(CountToString(pr.packages), CountToString(ref.pareto_rational_packages));
    // Zone count.
    auto zc = CountAtLeast(s, s.disagreement, {.samples = 3, .seed = 7}, ctx);
    ASSERT_TRUE(zc.has_value());
    EXPECT_EQ(CountToString(zc->count), CountToString(ref.zone));
    for (const auto& p : zc->samples) EXPECT_TRUE(s.IsRational(s.Utilities(p)));
    auto cdq = CountAtLeast(s, s.disagreement, {.scan_pairs = 0}, ctx);
    EXPECT_EQ(CountToString(cdq->count), CountToString(ref.zone));
    // Max-min gain over all packages (ripeness) and over the zone (egalitarian).
    SearchGoal all = RationalGoal(s, SearchGoal::kMaxMin);
    all.constrained.assign(s.NumParties(), false);
    SearchResult mm = Search(s, all, ctx);
    EXPECT_EQ(NumToString(mm.value_num), NumToString(ref.max_min_gain));
    SearchResult eg = Search(s, RationalGoal(s, SearchGoal::kMaxMin), ctx);
    ASSERT_EQ(eg.feasible, ref.egalitarian.has_value());
    SearchResult na = Search(s, RationalGoal(s, SearchGoal::kNash), ctx);
    SearchResult ur = Search(s, RationalGoal(s, SearchGoal::kLinear), ctx);
    if (ref.egalitarian) {
      EXPECT_EQ(s.Utilities(eg.package), eg.utility);
      Num ref_min = ref.egalitarian->value_u[0] - s.disagreement[0];
      for (int a = 1; a < s.NumParties(); ++a)
        ref_min = std::min(ref_min, ref.egalitarian->value_u[a] - s.disagreement[a]);
      EXPECT_EQ(NumToString(eg.value_num), NumToString(ref_min));
      EXPECT_EQ(CountToString(eg.ties), CountToString(ref.egalitarian->ties));
      EXPECT_TRUE(na.feasible);
      EXPECT_TRUE(Compare(na.product, ref.nash_product) == 0);
      EXPECT_EQ(CountToString(na.ties), CountToString(ref.nash->ties));
      EXPECT_EQ(s.Utilities(na.package), na.utility);
      EXPECT_EQ(CountToString(ur.ties), CountToString(ref.utilitarian_rational->ties));
      Num sum = 0, ref_sum = 0;
      for (int a = 0; a < s.NumParties(); ++a) {
        sum += ur.utility[a];
        ref_sum += ref.utilitarian_rational->value_u[a];
      }
      EXPECT_EQ(NumToString(sum), NumToString(ref_sum));
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, Random, ::testing::Range(0, 6));

TEST(RunContext, CancellationAndProgress) {
  Rng rng(5);
  AgreementSpace s = testing::RandomSpace(rng, 3, {6, 6, 6, 6}, 5);
  CancelToken token;
  token.Cancel();
  RunContext cancelled{.cancel = &token};
  EXPECT_THROW(Search(s, RationalGoal(s, SearchGoal::kNash), cancelled), Cancelled);
  EXPECT_THROW(ParetoFrontier(s, {}, cancelled), Cancelled);
  EXPECT_THROW(CountAtLeast(s, s.disagreement, {}, cancelled), Cancelled);
  std::vector<std::string> stages;
  RunContext watched{
      .progress = [&](double, double, std::string_view stage) { stages.emplace_back(stage); }};
  ParetoFrontier(s, {}, watched);
  CountAtLeast(s, s.disagreement, {}, watched);
  EXPECT_EQ(std::count(stages.begin(), stages.end(), "pareto frontier"), 4);
  EXPECT_EQ(std::count(stages.begin(), stages.end(), "zone count"), 2);
}

}  // namespace
}  // namespace entente
