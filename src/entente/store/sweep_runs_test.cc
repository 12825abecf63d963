// SPDX-License-Identifier: MIT
#include "entente/store/sweep_runs.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

#include "entente/models/test_scenarios.h"
#include "entente/sweep/render.h"
#include "entente/sweep/summary.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

Scenario Uncertain() {
  Scenario s = testing::Random(12, 6, 4);
  s.At(0, 0).position->dist = Distribution{Distribution::Kind::kTriangular, {10, 30, 90}};
  return s;
}

SweepData Uninterrupted(const DrawEvaluator& ev) {
  SweepData data(ev.plan().draws, ev.width());
  auto backend = MakeThreadBackend(2);
  RunSweep(ev, *backend, RunContext{}, data);
  return data;
}

TEST(SweepRuns, ResumeAfterSigkillEqualsAnUninterruptedRun) {
  const fs::path dir =
      fs::path(::testing::TempDir()) / ("entente_kill_" + std::to_string(getpid()));
  fs::remove_all(dir);
  const std::string path = (dir / "runs.sqlite").string();
  const SweepPlan plan{{"compromise", "median(weight=salience)"}, 20000, 99, Noise{8, 8, 8}};
  const int64_t id = 1;  // the first run of a new store
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    // The child sweeps slowly (5 ms per stored block) until it is killed.
    RunStore store(path);
    DrawEvaluator ev(Uncertain(), plan);
    if (BeginSweepRun(store, ev) != id) _exit(1);
    SweepData data(plan.draws, ev.width());
    auto backend = MakeThreadBackend(1);  // no TBB workers in a forked child
    BlockDone save = StoreBlocks(store, id);
    RunSweep(ev, *backend, RunContext{}, data, [&](const DrawBlock& b) {
      save(b);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    });
    _exit(0);
  }
  {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!fs::exists(path) && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    RunStore store(path);
    auto stored = [&] {
      auto r = store.Get(id);
      return r ? r->draws_stored : 0;
    };
    while (stored() < 2000 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));

  RunStore store(path);
  StoredSweep stored = LoadStoredSweep(store, id);
  EXPECT_EQ(stored.status, "running");
  EXPECT_TRUE(store.Get(id)->Interrupted());
  EXPECT_EQ(stored.scenario, Uncertain());
  DrawEvaluator ev(stored.scenario, stored.plan);
  SweepData data(stored.plan.draws, ev.width());
  LoadStoredDraws(store, id, data);
  EXPECT_GE(data.completed, 2000);
  EXPECT_LT(data.completed, plan.draws);
  auto backend = MakeThreadBackend(1);
  ASSERT_TRUE(RunSweep(ev, *backend, RunContext{}, data, StoreBlocks(store, id)));
  const SweepData full = Uninterrupted(ev);
  ASSERT_EQ(data.values.size(), full.values.size());
  EXPECT_EQ(std::memcmp(data.values.data(), full.values.data(), data.values.size() * 8), 0);
  EXPECT_EQ(SweepSummaryJson(Summarize(ev, data)).dump(),
            SweepSummaryJson(Summarize(ev, full)).dump());
  // Every draw is now in the store: a second resume reads the whole table back.
  SweepData again(stored.plan.draws, ev.width());
  LoadStoredDraws(store, id, again);
  EXPECT_EQ(again.completed, plan.draws);
  EXPECT_EQ(std::memcmp(again.values.data(), full.values.data(), full.values.size() * 8), 0);
  fs::remove_all(dir);
}

TEST(SweepRuns, ResumeRefusesWhatIsNotASweep) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("entente_nos_" + std::to_string(getpid()));
  fs::remove_all(dir);
  RunStore store((dir / "runs.sqlite").string());
  Scenario s = Uncertain();
  int64_t id = RecordRun(&store, "run", s, {"median"}, 0, "{}");
  try {
    LoadStoredSweep(store, id);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.report().problems()[0].message, "run 1 is a run, not a sweep");
  }
  try {
    LoadStoredSweep(store, 42);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.report().problems()[0].message,
              "no run 42 in the run store " + (dir / "runs.sqlite").string());
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace entente
