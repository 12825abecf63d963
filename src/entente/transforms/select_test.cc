// SPDX-License-Identifier: MIT
#include "entente/transforms/select.h"

#include <gtest/gtest.h>

#include "entente/core/errors.h"
#include "entente/models/registry.h"
#include "entente/models/test_scenarios.h"

namespace entente {
namespace {

TEST(SelectIssues, KeepsTheNamedIssuesInTheGivenOrder) {
  const Scenario s = testing::Random(7, 5, 4);
  const Scenario t = SelectIssues(s, {"I2", "I0"});
  ASSERT_EQ(t.issues.size(), 2u);
  EXPECT_EQ(t.issues[0].id, "I2");
  EXPECT_EQ(t.issues[1].id, "I0");
  ASSERT_EQ(t.actors, s.actors);
  for (size_t a = 0; a < s.actors.size(); ++a) {
    ASSERT_EQ(t.cells[a].size(), 2u);
    EXPECT_EQ(t.cells[a][0], s.cells[a][2]);
    EXPECT_EQ(t.cells[a][1], s.cells[a][0]);
  }
  // A one-dimensional model forecasts the selected issue exactly as on the whole scenario.
  const ModelResult all = RunModel(s, "median");
  const ModelResult some = RunModel(t, "median");
  EXPECT_EQ(some.forecasts[0].value, all.forecasts[2].value);
  EXPECT_EQ(some.forecasts[1].value, all.forecasts[0].value);
  EXPECT_EQ(SelectIssues(s, {}), s);
}

TEST(SelectIssues, ListsEveryUnknownOrRepeatedId) {
  const Scenario s = testing::Random(7, 3, 2);
  try {
    SelectIssues(s, {"I1", "X", "I1", "Y"});
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()),
              "--issues: issues = 'X': no such issue in scenario 'random'; its issues are: I0, "
              "I1\n"
              "--issues: issues = 'I1': named twice; name each issue once\n"
              "--issues: issues = 'Y': no such issue in scenario 'random'; its issues are: I0, "
              "I1\n"
              "3 problems found\n");
  }
}

}  // namespace
}  // namespace entente
