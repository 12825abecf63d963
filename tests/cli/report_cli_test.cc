// SPDX-License-Identifier: MIT
// `entente report`: the self-contained HTML file, from computed documents or a stored run, and
// its input errors (exit 2, nothing written).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_binary.h"

namespace entente::testing {
namespace {

constexpr const char* kDataOpen = "<script type=\"application/json\" id=\"entente-data\">";

nlohmann::json DataOf(const std::string& html) {
  size_t start = html.find(kDataOpen);
  if (start == std::string::npos) return nullptr;
  start += std::string(kDataOpen).size();
  return nlohmann::json::parse(html.substr(start, html.find("</script>", start) - start));
}

#if ENTENTE_WEB_ON

TEST(ReportCli, WritesOneFileWithTheDataAndTheChartCode) {
  TempDir dir;
  std::string path = dir.Path("report.html");
  auto r = RunEntente({"report", "ukraine-2025", "-m", "median", "-m", "compromise", "--trace",
                       "eum", "--deals", "--sweep", "10", "--seed", "3", "-o", path});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  std::string html = ReadFile(path);
  EXPECT_EQ(html.rfind("<!doctype html>", 0), 0u);
  EXPECT_NE(html.find("EntenteReport"), std::string::npos);  // the chart code, inlined
  EXPECT_EQ(html.find("<script src"), std::string::npos);
  nlohmann::json data = DataOf(html);
  ASSERT_TRUE(data.is_object());
  EXPECT_EQ(data["scenario"]["id"], "ukraine-2025");
  EXPECT_EQ(data["run"]["kind"], "run");
  EXPECT_EQ(data["run"]["seed"], 3);
  ASSERT_EQ(data["run"]["models"].size(), 2u);
  EXPECT_EQ(data["run"]["models"][1]["model"], "compromise");
  EXPECT_EQ(data["traces"][0]["model"], "eum");
  EXPECT_EQ(data["deals"]["kind"], "deals");
  EXPECT_EQ(data["sweep"]["completed"], 10);
  // The same run as `entente run --format json`.
  auto run = RunEntente({"run", "ukraine-2025", "-m", "median", "-m", "compromise", "--seed", "3",
                         "--format", "json"});
  EXPECT_EQ(data["run"], nlohmann::json::parse(run.out));
}

TEST(ReportCli, DashWritesToStandardOutputAndModelsDefaultToAll) {
  auto r = RunEntente({"report", "-o", "-"});
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json data = DataOf(r.out);
  ASSERT_TRUE(data.is_object());
  auto models = nlohmann::json::parse(RunEntente({"models", "--format", "json"}).out);
  EXPECT_EQ(data["run"]["models"].size(), models["models"].size());
  EXPECT_FALSE(data.contains("deals"));
}

TEST(ReportCli, ReportsAStoredRun) {
  TempDir dir;
  std::string store = dir.Path("runs.sqlite"), path = dir.Path("stored.html");
  auto run = RunEntente({"run", "-m", "median", "--format", "json", "--store", store});
  ASSERT_EQ(run.code, 0) << run.err;
  auto list =
      nlohmann::json::parse(RunEntente({"runs", "list", "--format", "json", "--store", store}).out);
  std::string id = std::to_string(list["runs"][0]["id"].get<int64_t>());
  auto r = RunEntente({"report", "--run", id, "--store", store, "-o", path});
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json data = DataOf(ReadFile(path));
  EXPECT_EQ(data["run"], nlohmann::json::parse(run.out));
  auto missing = RunEntente({"report", "--run", "999", "--store", store, "-o", dir.Path("x")});
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("no such run"), std::string::npos) << missing.err;
  auto both = RunEntente({"report", "--run", id, "--deals", "--store", store, "-o", dir.Path("x")});
  EXPECT_EQ(both.code, 2);
  EXPECT_FALSE(FileExists(dir.Path("x")));
}

TEST(ReportCli, BadInputExitsTwoAndWritesNothing) {
  TempDir dir;
  std::string path = dir.Path("bad.html");
  struct Case {
    std::vector<std::string> args;
    std::string message;
  } cases[] = {
      {{"report", "no-such-scenario"}, "not a built-in scenario"},
      {{"report", "-m", "no-such-model"}, "no-such-model"},
      {{"report", "--trace", "median"}, "records no trace"},
      {{"report", "--sweep", "0"}, "must be between 1 and"},
  };
  for (auto& c : cases) {
    c.args.insert(c.args.end(), {"-o", path});
    auto r = RunEntente(c.args);
    EXPECT_EQ(r.code, 2) << c.args[1];
    EXPECT_EQ(r.err.rfind("error: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_FALSE(FileExists(path)) << c.args[1];
  }
  auto no_out = RunEntente({"report"});
  EXPECT_EQ(no_out.code, 2);
  EXPECT_NE(no_out.err.find("--out"), std::string::npos) << no_out.err;
}

#else  // built with -DENTENTE_WEB=OFF

TEST(ReportCli, WithoutTheWebFrontEndExitsTwo) {
  TempDir dir;
  auto r = RunEntente({"report", "-o", dir.Path("r.html")});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("built without the web front end (configure with -DENTENTE_WEB=ON)"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(FileExists(dir.Path("r.html")));
}

#endif

}  // namespace
}  // namespace entente::testing
