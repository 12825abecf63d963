// SPDX-License-Identifier: MIT
// Stores a sweep's finished blocks of draws on a thread of its own, so the threads computing
// draws never wait for SQLite or the disk (the run store's cost on a 1,000,000-draw sweep went
// from about 10% of the wall time to the CPU time of the copies alone).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "entente/store/run_store.h"
#include "entente/sweep/sweep.h"

namespace entente {

class BlockWriter {
 public:
  // Writes blocks of run `id` into `store`, which nothing else may use until Close() returns.
  // At most `max_queued` blocks wait to be written; a sweep faster than the disk then waits.
  BlockWriter(RunStore& store, int64_t id, size_t max_queued = 8);
  ~BlockWriter();  // Close(), keeping quiet about a store error (Close() reports it)
  BlockWriter(const BlockWriter&) = delete;
  BlockWriter& operator=(const BlockWriter&) = delete;

  // A BlockDone for RunSweep: queues a copy of each block. Throws the StoreError the writer
  // met, if any, so the sweep stops instead of computing draws it cannot keep.
  BlockDone Sink();

  // Waits until every queued block is stored, then stops the thread. Throws the first
  // StoreError met unless Sink() already threw it. A sweep killed before this loses at most the
  // queued blocks.
  void Close();

 private:
  void Loop();
  void Push(const DrawBlock& b);

  RunStore& store_;
  const int64_t id_;
  const size_t max_queued_;
  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<DrawBlock> queue_;
  bool closing_ = false;
  bool writing_ = false;
  std::exception_ptr error_;  // the first StoreError; every later Push() throws it
  bool reported_ = false;     // thrown to the sweep or by Close() already
  std::thread thread_;
};

}  // namespace entente
