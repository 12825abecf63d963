// SPDX-License-Identifier: MIT
// The server over real sockets (port 0, in-process): security checks, limits, path traversal,
// and the job event streams.
#include "entente/server/http_server.h"

#include <httplib.h>

#include <gtest/gtest.h>

#include <thread>

#include "entente/io/scenario_io.h"
#include "entente/report/report.h"
#include "entente/server/assets.h"
#include "entente/server/security.h"
#include "entente/store/sweep_runs.h"
#include "entente/sweep/backend.h"
#include "scenarios/catalog.h"

namespace entente::server {
namespace {

using nlohmann::json;

json ScenarioDoc() {
  return json::parse(WriteScenario(*LoadBuiltinScenario("ukraine-2025"), ScenarioFormat::kJson));
}

struct Event {
  std::string name, data;
};

std::vector<Event> ParseEvents(const std::string& stream) {
  std::vector<Event> out;
  size_t start = 0;
  while (start < stream.size()) {
    size_t end = stream.find("\n\n", start);
    if (end == std::string::npos) break;
    std::string block = stream.substr(start, end - start);
    start = end + 2;
    Event e;
    size_t p = 0;
    while (p < block.size()) {
      size_t nl = block.find('\n', p);
      if (nl == std::string::npos) nl = block.size();
      std::string line = block.substr(p, nl - p);
      p = nl + 1;
      if (line.rfind("event: ", 0) == 0) e.name = line.substr(7);
      if (line.rfind("data: ", 0) == 0) e.data += (e.data.empty() ? "" : "\n") + line.substr(6);
    }
    if (!e.name.empty()) out.push_back(e);
  }
  return out;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions o;
    o.api.threads = 2;
    server_ = std::make_unique<HttpServer>(o);
    port_ = server_->Bind();
    thread_ = std::thread([this] { server_->Run(); });
  }
  void TearDown() override {
    server_->Stop();
    thread_.join();
  }
  httplib::Client Client() {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(60, 0);
    c.set_url_encode(false);
    return c;
  }
  httplib::Result Post(const std::string& path, const json& body,
                       httplib::Headers headers = {{"X-Entente", "1"}}) {
    return Client().Post(path.c_str(), headers, body.dump(), "application/json");
  }
  std::string Host() const { return "127.0.0.1:" + std::to_string(port_); }
  // The whole event stream of a job (the server ends it after the final event).
  std::vector<Event> Events(const std::string& id) {
    std::string stream;
    auto res =
        Client().Get(("/api/jobs/" + id + "/events").c_str(), [&](const char* data, size_t n) {
          stream.append(data, n);
          return true;
        });
    EXPECT_TRUE(res);
    if (res) {
      EXPECT_EQ(res->get_header_value("Content-Type"), "text/event-stream");
    }
    return ParseEvents(stream);
  }

  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(ServerTest, VersionWithTheSecurityHeaders) {
  auto res = Client().Get("/api/version");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(json::parse(res->body)["kind"], "version");
  EXPECT_EQ(res->get_header_value("Content-Security-Policy"), kContentSecurityPolicy);
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer");
  auto local = Client().Get("/api/version", {{"Host", "localhost:" + std::to_string(port_)}});
  ASSERT_TRUE(local);
  EXPECT_EQ(local->status, 200);
}

// Browsers offer "br" first; httplib would then brotli-compress at its slowest setting (15 s for
// the app's script). The server answers such a request with gzip instead.
TEST_F(ServerTest, AnswersBrotliOffersWithGzip) {
  httplib::Client c = Client();
  c.set_decompress(false);
  auto res = c.Get("/api/models", {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Encoding"), "gzip");
  auto only_br = c.Get("/api/models", {{"Accept-Encoding", "br"}});
  ASSERT_TRUE(only_br);
  EXPECT_EQ(only_br->get_header_value("Content-Encoding"), "");
  EXPECT_EQ(json::parse(only_br->body)["kind"], "models");
}

TEST_F(ServerTest, RunOverHttpEqualsTheApi) {
  json body = {{"scenario", ScenarioDoc()}, {"models", {"median", "eum"}}};
  auto res = Post("/api/run", body);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->body, server_->api().Handle("POST", "/api/run", body.dump()).body);
}

TEST_F(ServerTest, ForeignOriginHostAndMissingHeaderAre403) {
  auto origin = Client().Get("/api/version", {{"Origin", "http://evil.example"}});
  ASSERT_TRUE(origin);
  EXPECT_EQ(origin->status, 403);
  EXPECT_NE(json::parse(origin->body)["error"].get<std::string>().find("Origin"),
            std::string::npos);
  auto post_origin = Post("/api/run", {{"scenario", ScenarioDoc()}},
                          {{"X-Entente", "1"}, {"Origin", "http://evil.example"}});
  ASSERT_TRUE(post_origin);
  EXPECT_EQ(post_origin->status, 403);
  // DNS rebinding: the browser sends the attacker's name as Host.
  auto host = Client().Get("/api/version", {{"Host", "rebind.example:" + std::to_string(port_)}});
  ASSERT_TRUE(host);
  EXPECT_EQ(host->status, 403);
  EXPECT_NE(host->body.find("is not this server"), std::string::npos);
  auto index = Client().Get("/", {{"Host", "rebind.example"}});
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 403);
  auto no_header = Post("/api/run", {{"scenario", ScenarioDoc()}}, {});
  ASSERT_TRUE(no_header);
  EXPECT_EQ(no_header->status, 403);
  EXPECT_NE(no_header->body.find("X-Entente: 1"), std::string::npos);
  auto del = Client().Delete("/api/jobs/1");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 403);
  auto same = Client().Get("/api/version", {{"Origin", "http://" + Host()}});
  ASSERT_TRUE(same);
  EXPECT_EQ(same->status, 200);
}

TEST_F(ServerTest, ServesOnlyTheEmbeddedFrontEnd) {
  auto index = Client().Get("/");
  ASSERT_TRUE(index);
  auto missing = Client().Get("/no-such-file.js");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  if (web::HasWebAssets()) {
    EXPECT_EQ(index->status, 200);
    EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(index->body, std::string(web::FindAsset("index.html")->bytes));
    EXPECT_EQ(index->get_header_value("Content-Security-Policy"), kContentSecurityPolicy);
  } else {
    EXPECT_EQ(index->status, 404);
    EXPECT_EQ(json::parse(index->body)["error"],
              "this entente was built without the web front end (configure with "
              "-DENTENTE_WEB=ON)");
  }
  auto post = Client().Post("/", {{"X-Entente", "1"}}, "", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
}

TEST_F(ServerTest, CrossOriginPreflightIsRefused) {
  httplib::Headers h = {{"Origin", "http://evil.example"},
                        {"Access-Control-Request-Method", "POST"},
                        {"Access-Control-Request-Headers", "x-entente"}};
  auto res = Client().Options("/api/run", h);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin"));
}

TEST_F(ServerTest, OversizedBodyIs413) {
  std::string big(9u << 20, ' ');
  auto res = Client().Post("/api/run", {{"X-Entente", "1"}}, big, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
}

TEST_F(ServerTest, MalformedJsonIs400) {
  auto res =
      Client().Post("/api/validate", {{"X-Entente", "1"}}, "{\"scenario\": {", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(json::parse(res->body)["error"].get<std::string>().rfind("malformed JSON", 0), 0u);
}

TEST_F(ServerTest, PathTraversalIs404AndNeverAFile) {
  for (const char* path :
       {"/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2fCMakeLists.txt",
        "/..%2f..%2fetc%2fpasswd", "/assets/../../CMakeLists.txt", "/etc/passwd", "//etc/passwd"}) {
    auto res = Client().Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(res->body.find("root:"), std::string::npos) << path;
    EXPECT_EQ(res->body.find("cmake_minimum_required"), std::string::npos) << path;
  }
}

TEST_F(ServerTest, SweepJobStreamsProgressThenDone) {
  json body = {
      {"kind", "sweep"}, {"scenario", ScenarioDoc()}, {"models", {"compromise"}}, {"draws", 20000},
      {"seed", 3},       {"noise", {{"position", 5}}}};
  auto res = Post("/api/jobs", body);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 202) << res->body;
  std::string id = json::parse(res->body)["job"];
  std::vector<Event> events = Events(id);
  ASSERT_GE(events.size(), 2u);
  double last_done = -1;
  for (size_t k = 0; k + 1 < events.size(); ++k) {
    ASSERT_EQ(events[k].name, "progress") << k;
    json p = json::parse(events[k].data);
    EXPECT_GE(p["done"].get<double>(), last_done);
    EXPECT_EQ(p["total"], 20000);
    last_done = p["done"];
  }
  ASSERT_EQ(events.back().name, "done");
  json doc = json::parse(events.back().data);
  EXPECT_EQ(doc["kind"], "sweep");
  EXPECT_EQ(doc["draws"], 20000) << events.back().data.substr(0, 400);
  // What `entente sweep --model compromise --draws 20000 --seed 3 --noise position=5
  // --format json --no-store` writes (one thread here: the result does not depend on it).
  SweepPlan plan{{"compromise"}, 20000, 3, ParseNoise("position=5"), false, 5};
  DrawEvaluator ev(*LoadBuiltinScenario("ukraine-2025"), plan);
  SweepData data(plan.draws, ev.width());
  ASSERT_TRUE(RunSweep(ev, *MakeThreadBackend(1), RunContext{}, data));
  EXPECT_EQ(doc, json::parse(DumpJson(SweepDocument(ev, Summarize(ev, data), 0))));
  auto status = Client().Get(("/api/jobs/" + id).c_str());
  ASSERT_TRUE(status);
  json st = json::parse(status->body);
  EXPECT_EQ(st["status"], "done");
  EXPECT_EQ(st["done"], 20000);
  EXPECT_EQ(st["result"], doc);
}

TEST_F(ServerTest, CancellingALongSweepEndsItPromptly) {
  json body = {
      {"kind", "sweep"}, {"scenario", ScenarioDoc()}, {"models", {"eum"}}, {"draws", 1000000}};
  auto res = Post("/api/jobs", body);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 202) << res->body;
  std::string id = json::parse(res->body)["job"];
  std::chrono::steady_clock::time_point cancelled_at;
  std::thread cancel([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    cancelled_at = std::chrono::steady_clock::now();
    auto del = Client().Delete(("/api/jobs/" + id).c_str(), {{"X-Entente", "1"}});
    EXPECT_TRUE(del);
    if (del) {
      EXPECT_EQ(del->status, 202);
    }
  });
  std::vector<Event> events = Events(id);
  const auto ended = std::chrono::steady_clock::now();
  cancel.join();
  // The whole sweep takes minutes; the cancelled stream ends within seconds of the DELETE.
  EXPECT_LT(ended - cancelled_at, std::chrono::seconds(10));
  ASSERT_FALSE(events.empty());
  ASSERT_EQ(events.back().name, "cancelled");
  json c = json::parse(events.back().data);
  EXPECT_EQ(c["total"], 1000000);
  EXPECT_LT(c["done"].get<int64_t>(), 1000000);
  if (c["done"].get<int64_t>() > 0) {
    EXPECT_EQ(c["partial"]["kind"], "sweep");
  } else {
    EXPECT_TRUE(c["partial"].is_null());
  }
  auto again = Client().Delete(("/api/jobs/" + id).c_str(), {{"X-Entente", "1"}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 202);  // idempotent
  EXPECT_EQ(json::parse(again->body)["status"], "cancelled");
}

TEST_F(ServerTest, BadJobsAndUnknownJobs) {
  auto bad =
      Post("/api/jobs",
           {{"kind", "sweep"}, {"scenario", ScenarioDoc()}, {"models", {"nosuch"}}, {"draws", 0}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 422);
  EXPECT_EQ(json::parse(bad->body)["problems"][0]["path"], "draws") << bad->body;
  auto huge =
      Post("/api/jobs", {{"kind", "sweep"}, {"scenario", ScenarioDoc()}, {"draws", 10000000}});
  ASSERT_TRUE(huge);
  EXPECT_EQ(huge->status, 422);
  EXPECT_NE(huge->body.find("too many draws"), std::string::npos) << huge->body;
  auto kind = Post("/api/jobs", {{"kind", "bake"}, {"scenario", ScenarioDoc()}});
  ASSERT_TRUE(kind);
  EXPECT_EQ(kind->status, 422);
  auto status = Client().Get("/api/jobs/999");
  ASSERT_TRUE(status);
  EXPECT_EQ(status->status, 404);
  auto events = Client().Get("/api/jobs/999/events");
  ASSERT_TRUE(events);
  EXPECT_EQ(events->status, 404);
}

TEST_F(ServerTest, SensitivityJob) {
  auto res = Post("/api/jobs", {{"kind", "sensitivity"},
                                {"scenario", ScenarioDoc()},
                                {"model", "compromise"},
                                {"delta", 10}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 202) << res->body;
  std::vector<Event> events = Events(json::parse(res->body)["job"]);
  ASSERT_FALSE(events.empty());
  ASSERT_EQ(events.back().name, "done") << events.back().data;
  EXPECT_EQ(json::parse(events.back().data)["kind"], "sensitivity");
}

}  // namespace
}  // namespace entente::server
