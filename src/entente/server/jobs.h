// SPDX-License-Identifier: MIT
// Background jobs of the server (sweeps, sensitivity): each runs on its own thread with its own
// CancelToken, reports progress (done/total, rate, ETA) and ends in exactly one of done,
// cancelled (with the document of the draws completed, when there is one) or failed.
// Watchers (GET /api/jobs/<id>, the event stream) read snapshots and wait for changes; changes
// are published at most ~10 times a second.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "entente/core/cancel.h"

namespace entente::server {

struct JobSnapshot {
  std::string id, kind;
  std::string status = "running";  // running, done, cancelled, failed
  double done = 0, total = 0;
  double rate = 0;              // units of work per second so far
  std::optional<double> eta_s;  // seconds left; nullopt when unknown
  std::string result;           // the document (JSON text) when done; the partial one when
                                // cancelled ("" = none)
  std::string error;            // when failed
  int64_t version = 0;          // rises with every published change
  bool finished() const { return status != "running"; }
};

// What a job computes: returns the document (JSON text); sets `complete` false when it stopped
// early on cancellation with a partial document. May throw (Cancelled -> cancelled without a
// document; anything else -> failed with its message).
using JobWork = std::function<std::string(const RunContext& ctx, bool& complete)>;

class JobManager {
 public:
  // At most `keep` jobs are remembered: launching one more forgets the oldest finished job.
  explicit JobManager(size_t keep = 100) : keep_(keep) {}
  ~JobManager();  // cancels every job and waits for their threads
  JobManager(const JobManager&) = delete;
  JobManager& operator=(const JobManager&) = delete;

  // A new job's token, to hand to what must be built before the job starts (e.g. a sweep's
  // evaluator). The job exists (and gets an id) only once Launch is called.
  struct Pending {
    std::shared_ptr<CancelToken> token = std::make_shared<CancelToken>();
    double total = 0;  // units of work, when known before it starts (a sweep's draws)
  };
  // Starts `work` on its own thread; returns the job id.
  std::string Launch(const std::string& kind, const Pending& pending, JobWork work);

  std::optional<JobSnapshot> Get(const std::string& id) const;
  // Requests cancellation; false when there is no such job. Idempotent.
  bool Cancel(const std::string& id);
  // Waits until job `id` has a version above `after` (or is finished), or `timeout` passes, or
  // Shutdown is called. nullopt when there is no such job.
  std::optional<JobSnapshot> WaitChange(const std::string& id, int64_t after,
                                        std::chrono::milliseconds timeout) const;
  // Cancels every job and wakes every watcher (the server is stopping).
  void Shutdown();
  bool shutting_down() const;

 private:
  struct Job;
  mutable std::mutex mu_;
  mutable std::condition_variable changed_;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  size_t keep_;
  int64_t next_id_ = 1;
  bool shutdown_ = false;

  void Publish(Job& job, bool force);
};

// Server-sent events of a job: "event: progress" with {"done","total","rate","eta_s"}, and the
// final one: "event: done" with the document, "event: cancelled" with {"done","total",
// "partial": document or null}, or "event: failed" with {"error"}. Each ends with a blank line.
std::string ProgressEvent(const JobSnapshot& j);
std::string FinalEvent(const JobSnapshot& j);

}  // namespace entente::server
