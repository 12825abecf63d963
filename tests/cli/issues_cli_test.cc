// SPDX-License-Identifier: MIT
// `--issues`: every command that forecasts can be restricted to chosen issues, in a chosen
// order (for smp, the dimensions of its space); unknown ids are all reported.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_binary.h"

namespace entente::testing {
namespace {

std::vector<std::pair<std::string, double>> Forecasts(const std::string& out, int model = 0) {
  std::vector<std::pair<std::string, double>> v;
  const auto doc = nlohmann::json::parse(out);  // kept alive for the loop
  for (const auto& f : doc["models"][model]["forecasts"]) {
    v.emplace_back(f["issue"], f["value"]);
  }
  return v;
}

TEST(IssuesCli, RunForecastsOnlyTheChosenIssuesInOrder) {
  auto all = RunEntente({"run", "ukraine-2025", "-m", "median", "--format", "json"});
  auto two = RunEntente(
      {"run", "ukraine-2025", "-m", "median", "--issues", "NATO,TERRITORY", "--format", "json"});
  ASSERT_EQ(all.code, 0) << all.err;
  ASSERT_EQ(two.code, 0) << two.err;
  const auto a = Forecasts(all.out), t = Forecasts(two.out);
  ASSERT_EQ(a.size(), 8u);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0], a[1]);  // NATO: a one-dimensional model gives the same answer
  EXPECT_EQ(t[1], a[0]);  // TERRITORY
}

TEST(IssuesCli, SmpBargainsOverTheChosenDimensions) {
  auto r = RunEntente(
      {"run", "ukraine-2025", "-m", "smp", "--issues", "TERRITORY,NATO", "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto f = Forecasts(r.out);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].first, "TERRITORY");
  EXPECT_EQ(f[1].first, "NATO");
}

TEST(IssuesCli, UnknownIdsAreAllReported) {
  auto r = RunEntente({"run", "ukraine-2025", "-m", "median", "--issues", "NATO,LAND,NATO,SEA"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("issues = 'LAND': no such issue in scenario 'ukraine-2025'; its issues "
                       "are: TERRITORY, NATO, GUARANTEES"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("issues = 'NATO': named twice"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("issues = 'SEA'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("3 problems found"), std::string::npos) << r.err;
}

TEST(IssuesCli, SweepAndTraceTakeItToo) {
  auto s = RunEntente({"sweep", "ukraine-2025", "-m", "median", "-n", "200", "--noise",
                       "position=5", "--issues", "SANCTIONS", "--format", "json", "--no-store"});
  ASSERT_EQ(s.code, 0) << s.err;
  const auto j = nlohmann::json::parse(s.out);
  ASSERT_EQ(j["models"][0]["issues"].size(), 1u);
  EXPECT_EQ(j["models"][0]["issues"][0]["issue"], "SANCTIONS");
  auto t = RunEntente(
      {"trace", "ukraine-2025", "-m", "eum", "--issues", "ARMY_CAP", "--format", "json"});
  ASSERT_EQ(t.code, 0) << t.err;
  const auto tj = nlohmann::json::parse(t.out);
  ASSERT_EQ(tj["traces"].size(), 1u);  // eum runs each issue on its own: one trace per issue
  EXPECT_EQ(tj["traces"][0]["dims"][0], "ARMY_CAP");
}

}  // namespace
}  // namespace entente::testing
