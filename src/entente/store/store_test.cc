// SPDX-License-Identifier: MIT
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "entente/core/errors.h"
#include "entente/io/canonical_json.h"
#include "entente/models/test_scenarios.h"
#include "entente/report/hash.h"
#include "entente/store/run_store.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

// A fresh directory under the test temp dir, removed at the end.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("entente_store_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

Scenario Rich() {
  Scenario s = testing::Random(3, 3, 2);
  s.title = "Rich \"quoted\" title — ü";
  s.sources = {Source{"s1", "A source", "https://example.org", "2025-02-18"}};
  s.actors[0].capability.sources = {"s1"};
  s.actors[1].no_deal_acceptability = Quantity{30, {}, std::nullopt};
  s.issues[0].anchors = {{0, "none"}, {100, "all"}};
  s.issues[1].options = {"a", "b"};
  s.issues[1].min = 0;
  s.issues[1].max = 1;
  s.issues[0].no_deal = Quantity{0.1 + 0.2, {"s1"}, std::nullopt};
  s.At(0, 0).position->dist = Distribution{Distribution::Kind::kTriangular, {1.0 / 3, 50, 99}};
  s.At(1, 0).salience->dist = Distribution{Distribution::Kind::kEstimates, {10, 20, 30}};
  s.At(2, 1).capability = Quantity{4, {}, Distribution{Distribution::Kind::kNormal, {4, 1e-3}}};
  s.At(2, 1).sources = {"s1"};
  s.parties = {"A0", "A2"};
  return s;
}

TEST(ScenarioJson, RoundTripsEveryFieldBitForBit) {
  Scenario s = Rich();
  std::string text = CanonicalScenarioJson(s).dump();
  EXPECT_EQ(ScenarioFromCanonicalJson(nlohmann::json::parse(text)), s);
  try {
    ScenarioFromCanonicalJson(nlohmann::json::parse(R"({"canonical": 2, "id": 3})"));
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.report().problems()[0].where.path, "stored scenario");
    EXPECT_EQ(e.report().problems()[0].value, "canonical version 2");
  }
  // The stored form is the hashed form: one encoder for both.
  EXPECT_EQ(ScenarioHash(s), "sha256:" + Sha256Hex(text));
}

TEST_F(StoreTest, RecordsAndReadsBackRuns) {
  RunStore store(Path("sub/dir/runs.sqlite"));  // creates the directories
  Scenario s = Rich();
  int64_t a = RecordRun(&store, "run", s, {"median(weight=salience)"}, 7, R"({"x":1})");
  int64_t b = store.Begin(NewRun{"sweep", &s, {"compromise", "median"}, ~0ULL, R"({"draws":3})"});
  EXPECT_EQ(b, a + 1);
  EXPECT_EQ(RecordRun(nullptr, "run", s, {"median"}, 0, "{}"), 0);
  std::vector<RunInfo> runs = store.List();
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].id, b);  // newest first
  EXPECT_EQ(runs[0].status, "running");
  EXPECT_EQ(runs[0].seed, ~0ULL);
  EXPECT_EQ(runs[0].specs, (std::vector<std::string>{"compromise", "median"}));
  EXPECT_EQ(runs[0].finished, "");
  EXPECT_FALSE(runs[0].Interrupted());  // this process is alive
  EXPECT_EQ(store.List(0, "run").size(), 1u);
  EXPECT_EQ(store.List(1).size(), 1u);
  std::optional<RunRecord> r = store.Get(a);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->kind, "run");
  EXPECT_EQ(r->status, "done");
  EXPECT_EQ(r->result_json, R"({"x":1})");
  EXPECT_EQ(r->scenario_id, s.id);
  EXPECT_EQ(r->scenario_hash.rfind("sha256:", 0), 0u);
  EXPECT_EQ(r->LoadScenario(), s);
  EXPECT_EQ(r->started.size(), 24u);  // 2025-02-18T12:00:00.123Z
  EXPECT_LE(r->started, r->finished);
  store.Finish(b, "cancelled", "{}", "stopped by the user");
  EXPECT_EQ(store.Get(b)->error, "stopped by the user");
  EXPECT_TRUE(store.Remove(a));
  EXPECT_FALSE(store.Remove(a));
  EXPECT_FALSE(store.Get(a));
  // Ids are never reused.
  EXPECT_GT(RecordRun(&store, "run", s, {"median"}, 0, "{}"), b);
  EXPECT_EQ(store.IntegrityCheck(), "ok");
}

TEST_F(StoreTest, DrawBlocksRoundTripBitForBit) {
  RunStore store(Path("runs.sqlite"));
  Scenario s = Rich();
  int64_t id = store.Begin(NewRun{"sweep", &s, {"median"}, 1, "{}"});
  std::vector<double> b1 = {1.5, NAN, -0.0, 1e-300}, b0 = {0.1, 0.2};
  store.AddDraws(id, 2, 2, 2, b1.data());
  store.AddDraws(id, 0, 1, 2, b0.data());
  store.AddDraws(id, 0, 1, 2, b0.data());  // stored twice: replaced, not duplicated
  EXPECT_EQ(store.Get(id)->draws_stored, 3);
  std::vector<std::pair<int64_t, std::vector<double>>> seen;
  store.ForEachDrawBlock(id, [&](int64_t first, int64_t count, int width, const double* v) {
    seen.emplace_back(first, std::vector<double>(v, v + count * width));
  });
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].first, 0);
  EXPECT_EQ(std::memcmp(seen[1].second.data(), b1.data(), 4 * sizeof(double)), 0);
  EXPECT_TRUE(store.Remove(id));
  int blocks = 0;
  store.ForEachDrawBlock(id, [&](int64_t, int64_t, int, const double*) { ++blocks; });
  EXPECT_EQ(blocks, 0);
}

std::string OpenError(const std::string& path) {
  try {
    RunStore store(path);
  } catch (const InvalidInput& e) {
    return e.report().problems().at(0).ToString();
  } catch (const StoreError& e) {
    return std::string("StoreError: ") + e.what();
  }
  return "";
}

TEST_F(StoreTest, RefusesFilesThatAreNotAStore) {
  const std::string text = Path("notes.txt");
  std::ofstream(text) << "these are my notes, not a database\n" << std::string(5000, 'x');
  const auto text_size = fs::file_size(text);
  EXPECT_EQ(OpenError(text),
            text + ": run store: store = '" + text +
                "': not an entente run store (not an SQLite database); choose another file "
                "with --store PATH, or run without one with --no-store");
  const std::string foreign = Path("other.sqlite");
  {
    SQLite::Database db(foreign, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE photos (id INTEGER)");
  }
  EXPECT_NE(OpenError(foreign).find(
                "not an entente run store (an SQLite database of another application)"),
            std::string::npos);
  const std::string newer = Path("newer.sqlite");
  { RunStore store(newer); }
  {
    SQLite::Database db(newer, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 99");
  }
  EXPECT_NE(OpenError(newer).find("was written by a newer entente (schema 99;"), std::string::npos);
  // The files were left as they were.
  EXPECT_EQ(fs::file_size(text), text_size);
}

TEST_F(StoreTest, DamagedStoreGivesAnErrorNotACrash) {
  const std::string path = Path("runs.sqlite");
  Scenario s = Rich();
  {
    RunStore store(path);
    for (int k = 0; k < 50; ++k) RecordRun(&store, "run", s, {"median"}, k, "{}");
  }  // closing the last connection checkpoints the WAL into the file
  const auto size = fs::file_size(path);
  ASSERT_GT(size, 3 * 4096u);
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096);
    std::string junk(size - 4096, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  std::string error;
  try {
    RunStore store(path);
    store.List();
    store.Get(1);
  } catch (const InvalidInput& e) {
    error = e.what();
  } catch (const StoreError& e) {
    error = e.what();
  }
  EXPECT_NE(error.find("malformed"), std::string::npos) << error;
  // A damaged header is "not an SQLite database".
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.write("garbage garbage!", 16);
  }
  EXPECT_NE(OpenError(path).find("not an SQLite database"), std::string::npos);
}

TEST_F(StoreTest, ConcurrentProcessesWritingOneStoreDoNotCorruptIt) {
  const std::string path = Path("runs.sqlite");
  Scenario s = Rich();
  const int kProcs = 4, kRuns = 20;
  std::vector<pid_t> kids;
  for (int p = 0; p < kProcs; ++p) {
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      int code = 0;
      try {
        RunStore store(path);  // several processes may create it at once
        std::vector<double> v(512, p);
        for (int k = 0; k < kRuns; ++k) {
          int64_t id = store.Begin(NewRun{"sweep", &s, {"median"}, uint64_t(p), "{}"});
          store.AddDraws(id, 0, 256, 2, v.data());
          store.Finish(id, "done", "{}");
        }
      } catch (const std::exception& e) {
        std::fprintf(stderr, "child %d: %s\n", p, e.what());
        code = 1;
      }
      _exit(code);
    }
    kids.push_back(pid);
  }
  for (pid_t pid : kids) {
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  RunStore store(path);
  std::vector<RunInfo> runs = store.List();
  EXPECT_EQ(runs.size(), size_t{kProcs * kRuns});
  for (const auto& r : runs) {
    EXPECT_EQ(r.status, "done");
    EXPECT_EQ(r.draws_stored, 256);
  }
  EXPECT_EQ(store.IntegrityCheck(), "ok");
}

TEST(RunStorePath, FollowsXdg) {
  const char* old = std::getenv("XDG_DATA_HOME");
  std::string saved = old ? old : "";
  setenv("XDG_DATA_HOME", "/tmp/xdg", 1);
  EXPECT_EQ(RunStore::DefaultPath(), "/tmp/xdg/entente/runs.sqlite");
  unsetenv("XDG_DATA_HOME");
  EXPECT_EQ(RunStore::DefaultPath(),
            std::string(std::getenv("HOME")) + "/.local/share/entente/runs.sqlite");
  if (old) setenv("XDG_DATA_HOME", saved.c_str(), 1);
}

}  // namespace
}  // namespace entente
