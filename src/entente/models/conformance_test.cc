// SPDX-License-Identifier: MIT
// The conformance suite every registered model must pass: same input and seed -> same output;
// forecasts inside the issue's range; no NaN; actor order and actor renaming do not change the
// forecast; the result records its canonical spec string. It loops over the registry, so a new
// model is covered the moment it is registered.
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "entente/models/registry.h"
#include "test_scenarios.h"

namespace entente {
namespace {

class Conformance : public ::testing::TestWithParam<std::string> {};

std::vector<Scenario> Cases() {
  return {testing::Bdm1994(), testing::Random(1, 7, 3), testing::Random(2, 12, 2, 10, true),
          testing::Random(3, 5, 1, 25)};
}

void ExpectSameForecasts(const ModelResult& a, const ModelResult& b, double tol) {
  ASSERT_EQ(a.forecasts.size(), b.forecasts.size());
  for (size_t i = 0; i < a.forecasts.size(); ++i) {
    EXPECT_EQ(a.forecasts[i].ok, b.forecasts[i].ok) << a.forecasts[i].issue_id;
    if (tol == 0) {
      EXPECT_EQ(a.forecasts[i].value, b.forecasts[i].value) << a.forecasts[i].issue_id;
    } else {
      EXPECT_NEAR(a.forecasts[i].value, b.forecasts[i].value, tol) << a.forecasts[i].issue_id;
    }
  }
}

TEST_P(Conformance, DeterministicInRangeNoNaN) {
  const std::string name = GetParam();
  RunContext ctx;
  ctx.seed = 7;
  for (const Scenario& s : Cases()) {
    ModelResult a = RunModel(s, name, ctx);
    ModelResult b = RunModel(s, name, ctx);
    ExpectSameForecasts(a, b, 0);
    EXPECT_EQ(a.spec, BuiltinModels().Canonical(name));
    ASSERT_EQ(a.forecasts.size(), s.issues.size());
    for (size_t i = 0; i < s.issues.size(); ++i) {
      const auto& f = a.forecasts[i];
      EXPECT_EQ(f.issue_id, s.issues[i].id);
      if (!f.ok) {
        EXPECT_FALSE(f.why.empty());
        continue;
      }
      EXPECT_FALSE(std::isnan(f.value));
      EXPECT_GE(f.value, s.issues[i].min);
      EXPECT_LE(f.value, s.issues[i].max);
    }
  }
}

TEST_P(Conformance, ActorOrderAndNamesDoNotMatter) {
  const std::string name = GetParam();
  RunContext ctx;
  ctx.seed = 11;
  for (const Scenario& s : Cases()) {
    ModelResult base = RunModel(s, name, ctx);
    Scenario rev = s;
    std::reverse(rev.actors.begin(), rev.actors.end());
    std::reverse(rev.cells.begin(), rev.cells.end());
    ExpectSameForecasts(base, RunModel(rev, name, ctx), 1e-9);
    Scenario renamed = s;
    for (auto& a : renamed.actors) a.id = "x_" + a.id, a.name = "X " + a.name;
    ExpectSameForecasts(base, RunModel(renamed, name, ctx), 0);
  }
}

std::vector<std::string> ModelNames() {
  std::vector<std::string> out;
  for (const auto& m : BuiltinModels().models()) out.push_back(m.name);
  return out;
}

INSTANTIATE_TEST_SUITE_P(AllModels, Conformance, ::testing::ValuesIn(ModelNames()),
                         [](const auto& p) { return p.param; });

}  // namespace
}  // namespace entente
