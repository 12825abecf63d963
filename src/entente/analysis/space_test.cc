// SPDX-License-Identifier: MIT
#include "entente/analysis/space.h"

#include <gtest/gtest.h>

#include "entente/core/errors.h"

namespace entente {
namespace {

Cell At(double pos, double sal) { return Cell{Quantity{pos, {}}, Quantity{sal, {}}, {}, {}}; }

// A (20 on X with salience 60, "low" on Y with 40), B (90 / 25, "high" / 75), C not a party.
Scenario Two() {
  Scenario s;
  s.id = "two";
  s.actors = {{"A", "Alpha", "", {1, {}}, std::nullopt},
              {"B", "", "", {1, {}}, std::nullopt},
              {"C", "C", "", {1, {}}, std::nullopt}};
  s.issues = {Issue{.id = "X",
                    .name = "Scale",
                    .min = 0,
                    .max = 100,
                    .anchors = {{0, "none"}, {50, "half"}, {100, "all"}},
                    .no_deal = Quantity{55, {}}},
              Issue{.id = "Y",
                    .min = 0,
                    .max = 2,
                    .options = {"low", "mid", "high"},
                    .no_deal = Quantity{1, {}}}};
  s.ResizeCells();
  s.At(0, 0) = At(20, 60);
  s.At(0, 1) = At(0, 40);
  s.At(1, 0) = At(90, 25);
  s.At(1, 1) = At(2, 75);
  s.At(2, 0) = At(50, 50);
  s.parties = {"A", "B"};
  return s;
}

TEST(Space, PositionalUtilitiesAreExact) {
  AgreementSpace sp = BuildSpace(Two(), {.step = 30});
  ASSERT_EQ(sp.NumParties(), 2);
  EXPECT_EQ(sp.parties[0].name, "Alpha");
  EXPECT_EQ(sp.parties[1].name, "B");  // no name: the id
  EXPECT_EQ(sp.utility_model, "positional(loss=linear,step=30)");
  EXPECT_TRUE(sp.notes.empty());
  // Grid 0, 30, 60, 90 and the maximum 100; labels from the nearest anchor.
  EXPECT_EQ(sp.issues[0].values, (std::vector<double>{0, 30, 60, 90, 100}));
  EXPECT_EQ(sp.issues[0].labels, (std::vector<std::string>{"none", "half", "half", "all", "all"}));
  EXPECT_TRUE(sp.issues[0].numeric);
  EXPECT_EQ(sp.issues[1].labels, (std::vector<std::string>{"low", "mid", "high"}));
  EXPECT_FALSE(sp.issues[1].numeric);
  EXPECT_EQ(sp.PackageCount(), 15u);
  // u_A(30, mid) = 0.6 (1 - 10/100) + 0.4 (1 - 1/2) = 0.74
  EXPECT_EQ(sp.Exact(sp.Utilities({1, 1})[0]), (Rational{37, 50}));
  // u_B(100, high) = 0.25 (1 - 10/100) + 0.75 = 0.975
  EXPECT_EQ(sp.Exact(sp.Utilities({4, 2})[1]), (Rational{39, 40}));
  // d_A at the no-deal point (55, mid): 0.6 (1 - 35/100) + 0.4 (1/2) = 0.59
  EXPECT_EQ(sp.Exact(sp.disagreement[0]), (Rational{59, 100}));
  // d_B = 0.25 (1 - 35/100) + 0.75 (1 - 1/2) = 0.5375
  EXPECT_EQ(sp.Exact(sp.disagreement[1]), MakeRational(5375, 10000));
}

TEST(Space, QuadraticLossAndCostOfNoAgreement) {
  AgreementSpace sp =
      BuildSpace(Two(), {.step = 30, .loss = Loss::kQuadratic, .no_agreement_cost = {{"A", 0.09}}});
  EXPECT_EQ(sp.utility_model, "positional(loss=quadratic,step=30)");
  // u_A(30, mid) = 0.6 (1 - 0.01) + 0.4 (1 - 0.25) = 0.894
  EXPECT_EQ(sp.Exact(sp.Utilities({1, 1})[0]), (Rational{447, 500}));
  // d_A = 0.6 (1 - 0.1225) + 0.4 * 0.75 - 0.09 = 0.7365
  EXPECT_EQ(sp.Exact(sp.disagreement[0]), (Rational{1473, 2000}));
}

TEST(Space, PartiesDefaultToTheScenarios) {
  Scenario s = Two();
  s.parties.clear();  // all actors; C holds no position on Y (weight 0 there)
  AgreementSpace sp = BuildSpace(s);
  ASSERT_EQ(sp.NumParties(), 3);
  EXPECT_EQ(sp.NumOptions(0), 21);  // default step 5 on 0..100
  EXPECT_EQ(sp.Exact(sp.util[2][1][0]), (Rational{0, 1}));
  EXPECT_EQ(sp.Exact(sp.util[2][0][10]), (Rational{1, 1}));  // C at 50 with all its salience
  AgreementSpace picked = BuildSpace(s, {.parties = {"B", "A"}});
  EXPECT_EQ(picked.parties[0].id, "B");
}

TEST(Space, ReportsEveryProblemWithTheOptions) {
  Scenario s = Two();
  s.issues[1].no_deal.reset();
  s.At(1, 0).salience->value = 0;
  s.At(1, 1).salience->value = 0;
  try {
    BuildSpace(s, {.parties = {"Z", "A", "A", "B"}, .step = -1, .no_agreement_cost = {{"C", -1}}});
    FAIL() << "no error";
  } catch (const InvalidInput& e) {
    std::vector<std::string> got;
    for (const Problem& p : e.report().problems())
      got.push_back(p.field + " = '" + p.value + "': " + p.message);
    EXPECT_EQ(got, (std::vector<std::string>{
                       "parties = 'Z': names no actor; actors are: A, B, C",
                       "parties = 'A': party listed twice", "step = '-1': must be a number > 0",
                       "no_agreement_cost = 'C': names no party of the deal",
                       "no_agreement_cost = '-1': must be a number >= 0 (utility units)",
                       "issues.Y.no_deal = '': the issue has no no-deal point (where it stands if "
                       "talks fail); the disagreement point needs one on every issue",
                       "parties = 'B': the party has no salience on any issue"}));
  }
}

TEST(Space, NeedsTwoPartiesAndASensibleGrid) {
  EXPECT_THROW(BuildSpace(Two(), {.parties = {"A"}}), InvalidInput);
  EXPECT_THROW(BuildSpace(Two(), {.step = 0.01}), InvalidInput);  // 10001 points on X
}

}  // namespace
}  // namespace entente
