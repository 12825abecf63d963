// SPDX-License-Identifier: MIT
// The distributed backend gives the aggregate one process gives: MpiSweep starts this test
// binary under mpirun with 2 ranks, running MpiWorker.Run (which is skipped when run directly),
// and compares rank 0's draw table and summary with a threaded run here.
#if ENTENTE_HAVE_MPI

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "entente/models/test_scenarios.h"
#include "entente/sweep/mpi_backend.h"
#include "entente/sweep/render.h"
#include "entente/sweep/summary.h"

namespace entente {
namespace {

const SweepPlan kPlan{{"compromise", "median(weight=salience)"}, 5000, 2024, Noise{10, 10, 20}};

Scenario Case() { return testing::Random(77, 10, 8); }

// The draw table's bytes as hex-encoded FNV-1a, then the summary JSON.
std::string Fingerprint(const DrawEvaluator& ev, const SweepData& data) {
  uint64_t h = 0xcbf29ce484222325ULL;
  const auto* p = reinterpret_cast<const unsigned char*>(data.values.data());
  for (size_t k = 0; k < data.values.size() * sizeof(double); ++k)
    h = (h ^ p[k]) * 0x100000001b3ULL;
  return fmt::format("{:016x} {}\n{}", h, data.completed,
                     SweepSummaryJson(Summarize(ev, data)).dump());
}

TEST(MpiWorker, Run) {
  const char* out = std::getenv("ENTENTE_MPI_WORKER_OUT");
  if (!out) GTEST_SKIP() << "runs only under mpirun, started by MpiSweep.TwoRanks...";
  MpiSession session(nullptr, nullptr);
  auto backend = MakeMpiBackend(1);
  ASSERT_EQ(backend->Ranks(), 2);
  DrawEvaluator ev(Case(), kPlan);
  SweepData data(kPlan.draws, ev.width());
  int blocks = 0;
  ASSERT_TRUE(RunSweep(
      ev, *backend, RunContext{}, data, [&](const DrawBlock&) { ++blocks; }, 50));
  std::string text = backend->IsRoot() ? "hello" : "";
  backend->Broadcast(text);
  EXPECT_EQ(text, "hello");
  if (backend->IsRoot()) {
    EXPECT_EQ(blocks, 100);  // every block reaches the root's sink, its own and rank 1's
    std::ofstream(out) << Fingerprint(ev, data);
  }
}

TEST(MpiSweep, TwoRanksGiveTheSingleProcessAggregate) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(::testing::TempDir()) / ("entente_mpi_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string out = (dir / "rank0.txt").string(), log = (dir / "log.txt").string();
  const std::string self = fs::read_symlink("/proc/self/exe").string();
  const std::string cmd = fmt::format(
      "ENTENTE_MPI_WORKER_OUT='{}' OMPI_MCA_rmaps_base_oversubscribe=1 "
      "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 "
      "timeout 300 '{}' -n 2 '{}' --gtest_filter=MpiWorker.Run >'{}' 2>&1",
      out, ENTENTE_MPIEXEC, self, log);
  const int rc = std::system(cmd.c_str());
  std::ifstream logf(log);
  std::stringstream log_text;
  log_text << logf.rdbuf();
  ASSERT_EQ(rc, 0) << cmd << "\n" << log_text.str();
  std::ifstream f(out);
  std::stringstream got;
  got << f.rdbuf();

  DrawEvaluator ev(Case(), kPlan);
  SweepData data(kPlan.draws, ev.width());
  auto backend = MakeThreadBackend(2);
  ASSERT_TRUE(RunSweep(ev, *backend, RunContext{}, data));
  EXPECT_EQ(got.str(), Fingerprint(ev, data));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace entente

#endif  // ENTENTE_HAVE_MPI
