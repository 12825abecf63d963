// SPDX-License-Identifier: MIT
#include "entente/store/block_writer.h"

namespace entente {

BlockWriter::BlockWriter(RunStore& store, int64_t id, size_t max_queued)
    : store_(store), id_(id), max_queued_(max_queued == 0 ? 1 : max_queued) {
  thread_ = std::thread([this] { Loop(); });
}

BlockWriter::~BlockWriter() {
  try {
    Close();
  } catch (const std::exception&) {
    // Reported by Close() when the owner calls it; a destructor must not throw.
  }
}

BlockDone BlockWriter::Sink() {
  return [this](const DrawBlock& b) { Push(b); };
}

void BlockWriter::Push(const DrawBlock& b) {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [this] { return queue_.size() < max_queued_ || error_ || closing_; });
  if (error_) {
    reported_ = true;  // the sweep stops with it; Close() need not report it again
    std::rethrow_exception(error_);
  }
  queue_.push_back(b);
  changed_.notify_all();
}

void BlockWriter::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    changed_.wait(lock, [this] { return !queue_.empty() || closing_; });
    if (queue_.empty()) return;  // closing, and everything is written
    DrawBlock b = std::move(queue_.front());
    queue_.pop_front();
    writing_ = true;
    changed_.notify_all();  // room in the queue
    lock.unlock();
    std::exception_ptr failed;
    try {
      const int width = b.count ? static_cast<int>(b.values.size() / b.count) : 0;
      store_.AddDraws(id_, b.first, b.count, width, b.values.data());
    } catch (...) {
      failed = std::current_exception();
    }
    lock.lock();
    writing_ = false;
    if (failed && !error_) {
      error_ = failed;
      queue_.clear();  // the store cannot take them; Close() and Push() report why
    }
    changed_.notify_all();
  }
}

void BlockWriter::Close() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    closing_ = true;
    changed_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
  std::lock_guard<std::mutex> lock(mu_);
  if (error_ && !reported_) {
    reported_ = true;  // reported once
    std::rethrow_exception(error_);
  }
}

}  // namespace entente
