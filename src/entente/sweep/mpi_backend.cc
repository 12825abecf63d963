// SPDX-License-Identifier: MIT
#include "entente/sweep/mpi_backend.h"

#if ENTENTE_HAVE_MPI

#include <mpi.h>

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <thread>

#include <fmt/format.h>

#include "entente/core/errors.h"

namespace entente {

MpiSession::MpiSession(int* argc, char*** argv) {
  int provided = 0;
  MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided);
}

MpiSession::~MpiSession() { MPI_Finalize(); }

bool MpiSession::Launched() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "MPI_LOCALNRANKS"}) {
    if (std::getenv(v)) return true;
  }
  return false;
}

namespace {

int LocalRanks() {
  for (const char* v : {"OMPI_COMM_WORLD_LOCAL_SIZE", "MPI_LOCALNRANKS"}) {
    if (const char* s = std::getenv(v)) return std::max(1, std::atoi(s));
  }
  return 1;
}

class MpiBackend final : public SweepBackend {
 public:
  explicit MpiBackend(int threads) {
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks_);
    int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    threads_ = threads > 0 ? threads : std::max(1, cores / LocalRanks());
  }
  std::string Describe() const override {
    return fmt::format("{} MPI rank{} x {} thread{}", ranks_, ranks_ == 1 ? "" : "s", threads_,
                       threads_ == 1 ? "" : "s");
  }
  int Rank() const override { return rank_; }
  int Ranks() const override { return ranks_; }

  void Broadcast(std::string& text) override {
    unsigned long long n = text.size();
    MPI_Bcast(&n, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
    text.resize(n);
    if (n > 0) MPI_Bcast(text.data(), static_cast<int>(n), MPI_CHAR, 0, MPI_COMM_WORLD);
  }

  bool AnyRank(bool flag) override {
    int in = flag ? 1 : 0, out = 0;
    MPI_Allreduce(&in, &out, 1, MPI_INT, MPI_LOR, MPI_COMM_WORLD);
    return out != 0;
  }

  void Run(const DrawEvaluator& ev, const std::vector<DrawRange>& todo, const RunContext& ctx,
           const BlockSink& sink) override {
    const size_t n = todo.size();
    // Waves of `per_rank` ranges per rank: about 32 waves, each keeping every thread busy, each
    // rank's share at most 65,536 draws (a few MB to gather, so a cancelled sweep is gathered,
    // summarised and reported within the second mpirun grants before SIGKILL) and its message
    // under 2^27 doubles.
    int64_t max_count = 1;
    for (const auto& r : todo) max_count = std::max(max_count, r.count);
    size_t per_rank = std::max<size_t>(threads_, (n + 32 * ranks_ - 1) / (32 * ranks_));
    const int64_t by_draws = std::max<int64_t>(threads_, 65536 / max_count);
    const size_t cap = std::max<int64_t>(
        1, std::min<int64_t>(by_draws, (int64_t{1} << 27) / (max_count * (ev.width() + 2))));
    per_rank = std::clamp<size_t>(per_rank, 1, cap);
    const size_t wave = per_rank * ranks_;
    for (size_t start = 0; start < n; start += wave) {
      std::vector<DrawRange> mine;
      for (size_t k = start; k < std::min(n, start + wave); ++k) {
        if (static_cast<int>((k - start) % ranks_) == rank_) mine.push_back(todo[k]);
      }
      std::vector<double> packed;  // [first, count, values...] per block (exact below 2^53)
      std::exception_ptr error;
      try {
        RunOnThreads(ev, mine, threads_, ctx, [&](DrawBlock&& b) {
          if (rank_ == 0) return sink(std::move(b));
          packed.push_back(static_cast<double>(b.first));
          packed.push_back(static_cast<double>(b.count));
          packed.insert(packed.end(), b.values.begin(), b.values.end());
        });
      } catch (...) {
        error = std::current_exception();  // every rank must still reach the collectives
      }
      try {
        Gather(packed, ev.width(), sink);
      } catch (...) {
        if (!error) error = std::current_exception();
      }
      // flags[0]: some rank was cancelled; flags[1]: some rank failed.
      int flags[2] = {ctx.cancel && ctx.cancel->cancelled() ? 1 : 0, error ? 1 : 0};
      MPI_Allreduce(MPI_IN_PLACE, flags, 2, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
      if (error) std::rethrow_exception(error);
      if (flags[1]) throw ComputationError("the sweep failed on another MPI rank");
      if (flags[0]) return;
    }
  }

 private:
  void Gather(const std::vector<double>& packed, int width, const BlockSink& sink) {
    int len = static_cast<int>(packed.size());
    std::vector<int> lens(rank_ == 0 ? ranks_ : 0), offsets;
    MPI_Gather(&len, 1, MPI_INT, lens.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
    std::vector<double> all;
    if (rank_ == 0) {
      long long total = 0;
      for (int l : lens) {
        offsets.push_back(static_cast<int>(total));
        total += l;
      }
      all.resize(total);
    }
    MPI_Gatherv(packed.data(), len, MPI_DOUBLE, all.data(), lens.data(), offsets.data(), MPI_DOUBLE,
                0, MPI_COMM_WORLD);
    if (rank_ != 0) return;
    for (size_t pos = 0; pos < all.size();) {
      DrawBlock b{static_cast<int64_t>(all[pos]), static_cast<int64_t>(all[pos + 1]), {}};
      pos += 2;
      const size_t m = static_cast<size_t>(b.count) * width;
      b.values.assign(all.begin() + pos, all.begin() + pos + m);
      pos += m;
      sink(std::move(b));
    }
  }

  int rank_ = 0, ranks_ = 1, threads_ = 1;
};

}  // namespace

std::unique_ptr<SweepBackend> MakeMpiBackend(int threads) {
  return std::make_unique<MpiBackend>(threads);
}

}  // namespace entente

#endif  // ENTENTE_HAVE_MPI
