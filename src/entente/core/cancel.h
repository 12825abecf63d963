// SPDX-License-Identifier: MIT
// Cooperative cancellation and progress reporting for long computations.
#pragma once

#include <atomic>
#include <functional>
#include <string_view>

#include "entente/core/errors.h"

namespace entente {

class CancelToken {
 public:
  void Cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }
  // Throws Cancelled when cancellation was requested.
  void ThrowIfCancelled() const {
    if (cancelled()) throw Cancelled();
  }

 private:
  std::atomic<bool> cancelled_{false};
};

// Progress: `done` of `total` units of work (total 0 = unknown), with a short stage name.
using ProgressFn = std::function<void(double done, double total, std::string_view stage)>;

// What every computation receives besides its input and options.
struct RunContext {
  uint64_t seed = 0;
  ProgressFn progress;                  // may be empty
  const CancelToken* cancel = nullptr;  // may be null
  int threads = 0;                      // 0 = all cores

  void Report(double done, double total, std::string_view stage) const {
    if (progress) progress(done, total, stage);
  }
  void CheckCancelled() const {
    if (cancel) cancel->ThrowIfCancelled();
  }
};

}  // namespace entente
