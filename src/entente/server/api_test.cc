// SPDX-License-Identifier: MIT
// The API without sockets: each endpoint's document equals the one the CLI writes (the same
// library calls), and bad requests get their status and every problem with its path.
#include "entente/server/api.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "entente/io/scenario_io.h"
#include "entente/models/registry.h"
#include "entente/report/listing.h"
#include "entente/report/report.h"
#include "entente/report/trace_report.h"
#include "entente/server/assets.h"
#include "entente/store/run_export.h"
#include "entente/store/run_store.h"
#include "scenarios/catalog.h"

namespace entente::server {
namespace {

using nlohmann::json;

json ScenarioDoc(const std::string& name = "ukraine-2025") {
  return json::parse(WriteScenario(*LoadBuiltinScenario(name), ScenarioFormat::kJson));
}

json Body(const ApiResponse& r) { return json::parse(r.body); }

class ApiTest : public ::testing::Test {
 protected:
  Api api_{ApiOptions{}};
  ApiResponse Post(const std::string& path, const json& body) {
    return api_.Handle("POST", path, body.dump());
  }
};

TEST_F(ApiTest, VersionAndModels) {
  ApiResponse v = api_.Handle("GET", "/api/version", "");
  EXPECT_EQ(v.status, 200);
  EXPECT_EQ(Body(v), json::parse(DumpJson(JsonDocument("version"))));
  EXPECT_EQ(Body(v)["kind"], "version");
  ApiResponse m = api_.Handle("GET", "/api/models", "");
  EXPECT_EQ(m.body, DumpJson(ModelsJson(BuiltinModels())));
}

TEST_F(ApiTest, ScenariosCatalogAndOne) {
  json list = Body(api_.Handle("GET", "/api/scenarios", ""));
  ASSERT_EQ(list["scenarios"].size(), BuiltinScenarioList().size());
  EXPECT_EQ(list["scenarios"][0]["name"], "ukraine-2025");
  EXPECT_FALSE(list.contains("stored"));  // no store open
  ApiResponse one = api_.Handle("GET", "/api/scenarios/ukraine-2025", "");
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(Body(one)["scenario"], ScenarioDoc());
  ApiResponse missing = api_.Handle("GET", "/api/scenarios/atlantis", "");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(Body(missing)["error"], "no built-in scenario named 'atlantis'");
}

TEST_F(ApiTest, RunEqualsTheCliDocument) {
  for (const std::string name : {"ukraine-2025", "bdm1994-eu-emissions"}) {
    ApiResponse r = Post("/api/run", {{"scenario", ScenarioDoc(name)}, {"seed", 7}});
    ASSERT_EQ(r.status, 200) << r.body;
    // What `entente run NAME --seed 7 --format json` writes.
    Scenario s = *LoadBuiltinScenario(name);
    RunContext ctx;
    ctx.seed = 7;
    ReportOptions ropt;
    ropt.seed = 7;
    EXPECT_EQ(r.body, DumpJson(RunJson(s, RunModelSpecs(s, {}, ctx), ropt))) << name;
  }
  ApiResponse one = Post("/api/run", {{"scenario", ScenarioDoc()}, {"models", {"median"}}});
  ASSERT_EQ(Body(one)["models"].size(), 1u);
}

TEST_F(ApiTest, TraceEqualsTheCliDocument) {
  ApiResponse r = Post("/api/trace", {{"scenario", ScenarioDoc()}, {"model", "eum"}});
  ASSERT_EQ(r.status, 200) << r.body;
  Scenario s = *LoadBuiltinScenario("ukraine-2025");
  ModelResult m = RunModelSpecs(s, {"eum"}).front();
  EXPECT_EQ(r.body, DumpJson(TraceDocumentJson(s, m, m.traces, ReportOptions{})));
  ApiResponse flat = Post("/api/trace", {{"scenario", ScenarioDoc()}, {"model", "median"}});
  EXPECT_EQ(flat.status, 422);
  EXPECT_EQ(Body(flat)["problems"][0]["message"],
            "this model records no trace (only dynamic models do)");
  ApiResponse issue =
      Post("/api/trace", {{"scenario", ScenarioDoc()}, {"model", "eum"}, {"issue", "nope"}});
  EXPECT_EQ(issue.status, 422);
  EXPECT_EQ(Body(issue)["problems"][0]["path"], "issue");
}

TEST_F(ApiTest, DealsDocument) {
  ApiResponse r = Post("/api/deals", {{"scenario", ScenarioDoc()}, {"step", 10}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["kind"], "deals");
  ApiResponse bad =
      Post("/api/deals",
           {{"scenario", ScenarioDoc()}, {"parties", {"ZZZ"}}, {"loss", "cubic"}, {"samples", -1}});
  ASSERT_EQ(bad.status, 422);
  std::set<std::string> paths;
  const json problems = Body(bad)["problems"];
  for (const auto& p : problems) paths.insert(p["path"].get<std::string>());
  EXPECT_TRUE(paths.count("loss")) << bad.body;
  EXPECT_TRUE(paths.count("samples")) << bad.body;
}

TEST_F(ApiTest, ValidateListsEveryProblemWithItsPath) {
  json s = ScenarioDoc();
  ApiResponse ok = Post("/api/validate", {{"scenario", s}});
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(Body(ok), json::parse(R"({"ok": true, "problems": []})"));
  s["actors"][0]["capability"] = -5;
  ApiResponse bad = Post("/api/validate", {{"scenario", s}});
  EXPECT_EQ(bad.status, 200);
  json b = Body(bad);
  EXPECT_EQ(b["ok"], false);
  ASSERT_GE(b["problems"].size(), 1u);
  EXPECT_NE(b["problems"][0]["path"].get<std::string>().find("actors[0]"), std::string::npos)
      << b.dump();
  // The same scenario run: 422 with the same problems.
  ApiResponse run = Post("/api/run", {{"scenario", s}});
  EXPECT_EQ(run.status, 422);
  EXPECT_EQ(Body(run)["problems"], b["problems"]);
}

TEST_F(ApiTest, OptionErrorsAre422WithPaths) {
  ApiResponse r =
      Post("/api/run",
           {{"scenario", ScenarioDoc()}, {"models", {"median", 3, "nosuchmodel"}}, {"seed", -1}});
  ASSERT_EQ(r.status, 422);
  std::set<std::string> paths;
  const json problems = Body(r)["problems"];
  for (const auto& p : problems) paths.insert(p["path"].get<std::string>());
  EXPECT_TRUE(paths.count("models[1]")) << r.body;
  EXPECT_TRUE(paths.count("seed")) << r.body;
}

TEST_F(ApiTest, MalformedRequestsAre400) {
  ApiResponse bad = api_.Handle("POST", "/api/run", "{\"scenario\": ");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Body(bad)["error"].get<std::string>().rfind("malformed JSON in the request body: ", 0),
            0u)
      << bad.body;
  EXPECT_EQ(Body(api_.Handle("POST", "/api/run", "[1, 2]"))["error"],
            "the request body must be a JSON object");
  ApiResponse none = Post("/api/run", json::object());
  EXPECT_EQ(none.status, 400);
  EXPECT_EQ(Body(none)["problems"][0]["path"], "scenario");
}

TEST_F(ApiTest, UnknownPathsAndMethods) {
  EXPECT_EQ(api_.Handle("GET", "/api/nothing", "").status, 404);
  EXPECT_EQ(api_.Handle("GET", "/api/run", "").status, 405);
  EXPECT_EQ(api_.Handle("POST", "/api/version", "{}").status, 405);
  EXPECT_EQ(api_.Handle("GET", "/api/jobs/42", "").status, 404);
  EXPECT_EQ(api_.Handle("DELETE", "/api/jobs/42", "").status, 404);
  ApiResponse runs = api_.Handle("GET", "/api/runs", "");
  EXPECT_EQ(runs.status, 404);
  EXPECT_EQ(Body(runs)["error"], "no run store is open (start the server with --store PATH)");
}

TEST_F(ApiTest, ImportAndExportRoundTrip) {
  Scenario s = *LoadBuiltinScenario("ukraine-2025");
  for (const std::string format : {"yaml", "json"}) {
    ApiResponse ex = Post("/api/export", {{"scenario", ScenarioDoc()}, {"format", format}});
    ASSERT_EQ(ex.status, 200) << ex.body;
    EXPECT_EQ(Body(ex)["text"], WriteScenario(s, *ParseFormatName(format)));
    EXPECT_EQ(Body(ex)["filename"], "ukraine-2025." + format);
    ApiResponse im = Post("/api/import", {{"format", format}, {"text", Body(ex)["text"]}});
    ASSERT_EQ(im.status, 200) << im.body;
    EXPECT_EQ(Body(im)["scenario"], ScenarioDoc());
  }
  ApiResponse bad =
      Post("/api/import", {{"format", "yaml"}, {"text", "actors: [\n"}, {"name", "x.yaml"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(Body(bad)["problems"][0]["file"], "x.yaml");
  EXPECT_EQ(Post("/api/import", {{"format", "docx"}, {"text", ""}}).status, 422);
  EXPECT_EQ(Post("/api/import", {{"format", "genius"}, {"text", ""}}).status, 422);
}

TEST(ApiStore, RunsListRecordAndDiff) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("entente-api-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "runs.sqlite").string();
  Scenario s = *LoadBuiltinScenario("ukraine-2025");
  {
    RunStore store(path);
    RecordRun(&store, "run", s, {"median"}, 0, R"({"kind": "run", "x": 1})");
    RecordRun(&store, "run", s, {"median"}, 1, R"({"kind": "run", "x": 2})");
  }
  ApiOptions o;
  o.store_path = path;
  Api api(o);
  ApiResponse list = api.Handle("GET", "/api/runs", "");
  ASSERT_EQ(list.status, 200) << list.body;
  RunStore store(path);
  EXPECT_EQ(list.body, DumpJson(RunsListJson(path, store.List(0, ""))));
  EXPECT_EQ(Body(list)["runs"].size(), 2u);
  ApiResponse one = api.Handle("GET", "/api/runs/1", "");
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.body, DumpJson(RunRecordJson(store, *store.Get(1), false)));
  ApiResponse diff = api.Handle("GET", "/api/runs/1/diff/2", "");
  ASSERT_EQ(diff.status, 200) << diff.body;
  const json differences = Body(diff)["differences"];
  EXPECT_EQ(differences, json(DiffRuns(*store.Get(1), *store.Get(2), 200)));
  EXPECT_FALSE(differences.empty());
  EXPECT_EQ(api.Handle("GET", "/api/runs/99", "").status, 404);
  EXPECT_EQ(api.Handle("GET", "/api/runs/1x", "").status, 404);
  json scenarios = Body(api.Handle("GET", "/api/scenarios", ""));
  ASSERT_EQ(scenarios["stored"].size(), 1u);
  EXPECT_EQ(scenarios["stored"][0]["name"], "ukraine-2025");
  std::filesystem::remove_all(dir);
}

TEST_F(ApiTest, ReportIsHtmlOrSaysTheBuildHasNoFrontEnd) {
  ApiResponse r = Post("/api/report", {{"scenario", ScenarioDoc()}, {"models", {"median"}}});
  if (web::HasWebAssets()) {
    ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
    EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
    EXPECT_NE(r.body.find("id=\"entente-data\""), std::string::npos);
  } else {
    ASSERT_EQ(r.status, 422) << r.body;
    EXPECT_NE(r.body.find("without the web front end"), std::string::npos) << r.body;
  }
  ApiResponse none = Post("/api/report", {{"run", 1}});
  EXPECT_EQ(none.status, 404);
}

TEST(ApiLimits, TheTimeLimitCancelsTheComputationWith503) {
  ApiOptions o;
  o.time_limit_s = 0.001;
  Api api(o);
  json body = {{"scenario", ScenarioDoc()}, {"models", {"eum(rounds=100000)"}}};
  ApiResponse r = api.Handle("POST", "/api/run", body.dump());
  ASSERT_EQ(r.status, 503) << r.body.substr(0, 300);
  EXPECT_NE(Body(r)["error"].get<std::string>().find("time limit of 0.001 s"), std::string::npos);
}

}  // namespace
}  // namespace entente::server
