// SPDX-License-Identifier: MIT
// `entente backtest` end to end: the DEU sample's known scores, reproducible bootstrap
// intervals, a case library, and every bad argument reported at once with nothing written.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_binary.h"

namespace entente::testing {
namespace {

const std::string kDeu = std::string(ENTENTE_TEST_DATA_DIR) + "/deu/deu_sample.tsv";
const std::string kCases = std::string(ENTENTE_TEST_DATA_DIR) + "/backtest/bdm1994-cases.yaml";

TEST(BacktestCli, ScoresTheDeuSample) {
  auto r = RunEntente({"backtest", kDeu, "-m", "compromise", "-m", "median", "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["kind"], "backtest");
  EXPECT_EQ(j["cases"], 44);  // 46 rows, 2 without an outcome
  EXPECT_EQ(j["capability"], "equal");
  EXPECT_EQ(j["notes"][0], "skipped 2 rows without an outcome: d170245i1, d160397i3");
  const auto& f = j["forecasters"];
  ASSERT_GE(f.size(), 2u);
  EXPECT_EQ(f[0]["spec"], "compromise(weight=capability*salience)");
  EXPECT_EQ(f[0]["n"], 44);
  // The mean absolute error io/deu_test.cc checks by hand on the same rows.
  EXPECT_NEAR(f[0]["mae"].get<double>(), 24.670968254105116, 1e-9);
  EXPECT_EQ(f[1]["spec"], "median(weight=capability*salience)");
  EXPECT_NEAR(f[1]["mae"].get<double>(), 29.0, 0.05);
  const double lo = f[0]["mae_interval"][0], hi = f[0]["mae_interval"][1];
  EXPECT_LT(lo, f[0]["mae"].get<double>());
  EXPECT_GT(hi, f[0]["mae"].get<double>());

  auto text = RunEntente({"backtest", kDeu, "-m", "compromise"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("Backtest of 44 issues (44 cases)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("compromise    44       0  24.7"), std::string::npos) << text.out;
}

TEST(BacktestCli, SameSeedSameIntervalsOtherSeedOthers) {
  const std::vector<std::string> base = {"backtest", kDeu, "-m", "compromise", "--format", "json"};
  auto with = [&](const std::string& seed) {
    auto args = base;
    args.insert(args.end(), {"--seed", seed, "--bootstrap", "500"});
    auto r = RunEntente(args);
    EXPECT_EQ(r.code, 0) << r.err;
    return nlohmann::json::parse(r.out)["forecasters"][0]["mae_interval"];
  };
  EXPECT_EQ(with("3"), with("3"));
  EXPECT_NE(with("3"), with("4"));
}

TEST(BacktestCli, ScoresACaseLibrary) {
  auto r = RunEntente({"backtest", kCases, "-m", "median", "--format", "csv"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "case,issue,outcome,forecaster,spec,ok,forecast,error,why,procedure");
  // BDM 1994's emissions case: the weighted median is 7, the recorded outcome 8.833.
  EXPECT_NE(r.out.find("emissions-1994,emissions,8.833,median,median(weight=capability*salience),"
                       "true,7,"),
            std::string::npos)
      << r.out;
}

TEST(BacktestCli, ReportsEveryBadArgumentAtOnceAndWritesNothing) {
  TempDir dir;
  auto r = RunEntente({"backtest", kDeu, "-m", "nosuch", "-m", "median(weight=x)", "--capability",
                       "bogus", "-o", dir.Path("out.txt")});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("--capability = 'bogus': unknown capability option; use equal, nice, "
                       "population or file:PATH"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("'nosuch'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("weight"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("3 problems found"), std::string::npos) << r.err;
  EXPECT_FALSE(FileExists(dir.Path("out.txt")));

  auto missing = RunEntente({"backtest", dir.Path("none.tsv")});
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("none.tsv"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace entente::testing
