// SPDX-License-Identifier: MIT
#include "entente/store/block_writer.h"

#include <cstring>
#include <filesystem>

#include <gtest/gtest.h>

#include "entente/models/test_scenarios.h"
#include "entente/store/sweep_runs.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

class BlockWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("entente_block_writer_" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path() const { return (dir_ / "runs.sqlite").string(); }
  fs::path dir_;
};

// Every block handed over is in the store after Close(), bit for bit, whatever the order the
// threads finished them in; a small queue only makes the sweep wait.
TEST_F(BlockWriterTest, StoresEveryBlockBeforeCloseReturns) {
  const SweepPlan plan{{"compromise", "median"}, 5000, 7, Noise{10, 10, 10}};
  DrawEvaluator ev(testing::Random(3, 7, 3), plan);
  RunStore store(Path());
  const int64_t id = BeginSweepRun(store, ev);
  SweepData data(plan.draws, ev.width());
  BlockWriter writer(store, id, /*max_queued=*/2);
  auto backend = MakeThreadBackend(2);
  ASSERT_TRUE(RunSweep(ev, *backend, RunContext{}, data, writer.Sink(), /*chunk=*/64));
  writer.Close();
  SweepData back(plan.draws, ev.width());
  LoadStoredDraws(store, id, back);
  EXPECT_EQ(back.completed, plan.draws);
  ASSERT_EQ(back.values.size(), data.values.size());
  EXPECT_EQ(std::memcmp(back.values.data(), data.values.data(), data.values.size() * 8), 0);
  writer.Close();  // closing twice is harmless
}

// A block the store refuses (here: a run that does not exist) stops the sweep with the store's
// error instead of computing draws that cannot be kept, and Close() reports it once.
TEST_F(BlockWriterTest, AStoreErrorStopsTheSweepAndIsReported) {
  const SweepPlan plan{{"compromise"}, 4000, 7, Noise{10, 10, 10}};
  DrawEvaluator ev(testing::Random(3, 5, 2), plan);
  RunStore store(Path());
  SweepData data(plan.draws, ev.width());
  BlockWriter writer(store, /*id=*/999, /*max_queued=*/1);
  auto backend = MakeThreadBackend(1);
  EXPECT_THROW(RunSweep(ev, *backend, RunContext{}, data, writer.Sink(), /*chunk=*/16), StoreError);
  EXPECT_LT(data.completed, plan.draws);
  writer.Close();  // the error was already reported by the sweep: once only
}

}  // namespace
}  // namespace entente
