// SPDX-License-Identifier: MIT
#include "entente/server/jobs.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace entente::server {
namespace {

using std::chrono::milliseconds;

// Waits (bounded) for the job to finish.
JobSnapshot Finish(JobManager& jobs, const std::string& id) {
  JobSnapshot j = *jobs.Get(id);
  for (int k = 0; k < 600 && !j.finished(); ++k)
    j = *jobs.WaitChange(id, j.version, milliseconds(100));
  return j;
}

TEST(Jobs, DoneWithTheDocumentAndProgress) {
  JobManager jobs;
  std::string id = jobs.Launch("sweep", {}, [](const RunContext& ctx, bool& complete) {
    for (int k = 1; k <= 4; ++k) ctx.Report(k, 4, "draws");
    complete = true;
    return std::string("{\"kind\": \"x\"}");
  });
  JobSnapshot j = Finish(jobs, id);
  EXPECT_EQ(j.status, "done");
  EXPECT_EQ(j.result, "{\"kind\": \"x\"}");
  EXPECT_EQ(j.done, 4);
  EXPECT_EQ(j.total, 4);
  EXPECT_EQ(FinalEvent(j), "event: done\ndata: {\"kind\": \"x\"}\n\n");
  EXPECT_FALSE(jobs.Get("nope"));
  EXPECT_FALSE(jobs.Cancel("nope"));
}

// Progress reaches watchers while the job runs (throttled to about every 100 ms; the first version
// compared against time_point::min(), overflowed, and published nothing until the end).
TEST(Jobs, PublishesProgressWhileRunning) {
  JobManager jobs;
  std::atomic<bool> seen{false};
  std::string id = jobs.Launch("sweep", {}, [&](const RunContext& ctx, bool& complete) {
    for (int k = 1; k <= 1000 && !seen; ++k) {
      ctx.Report(k, 1000, "draws");
      std::this_thread::sleep_for(milliseconds(2));
    }
    complete = true;
    return std::string("{}");
  });
  JobSnapshot first = *jobs.Get(id);
  int updates = 0;
  std::optional<JobSnapshot> j = jobs.WaitChange(id, first.version, milliseconds(3000));
  while (j && !j->finished() && j->done < 1000) {
    ++updates;
    if (updates == 3) seen = true;  // three progress updates while running: enough
    j = jobs.WaitChange(id, j->version, milliseconds(3000));
  }
  EXPECT_GE(updates, 3);
  EXPECT_EQ(Finish(jobs, id).status, "done");
}

TEST(Jobs, CancelStopsTheWorkAndKeepsThePartialDocument) {
  JobManager jobs;
  std::atomic<bool> started{false};
  std::string id = jobs.Launch("sweep", {}, [&](const RunContext& ctx, bool& complete) {
    started = true;
    while (!ctx.cancel->cancelled()) std::this_thread::sleep_for(milliseconds(1));
    complete = false;
    return std::string("{\"partial\": 1}");
  });
  while (!started) std::this_thread::sleep_for(milliseconds(1));
  EXPECT_TRUE(jobs.Cancel(id));
  EXPECT_TRUE(jobs.Cancel(id));  // idempotent
  JobSnapshot j = Finish(jobs, id);
  EXPECT_EQ(j.status, "cancelled");
  EXPECT_EQ(FinalEvent(j),
            "event: cancelled\ndata: {\"done\":0,\"total\":0,\"partial\":{\"partial\":1}}\n\n");
}

TEST(Jobs, FailuresAndCancelledExceptions) {
  JobManager jobs;
  std::string bad = jobs.Launch("sensitivity", {}, [](const RunContext&, bool&) -> std::string {
    throw std::runtime_error("no such issue 'x'");
  });
  std::string stop = jobs.Launch(
      "sensitivity", {}, [](const RunContext&, bool&) -> std::string { throw Cancelled(); });
  JobSnapshot b = Finish(jobs, bad), s = Finish(jobs, stop);
  EXPECT_EQ(b.status, "failed");
  EXPECT_EQ(FinalEvent(b), "event: failed\ndata: {\"error\":\"no such issue 'x'\"}\n\n");
  EXPECT_EQ(s.status, "cancelled");
  EXPECT_EQ(FinalEvent(s), "event: cancelled\ndata: {\"done\":0,\"total\":0,\"partial\":null}\n\n");
}

TEST(Jobs, MultiLineDocumentsBecomeSeveralDataLines) {
  JobSnapshot j;
  j.status = "done";
  j.result = "{\n  \"a\": 1\n}\n";
  EXPECT_EQ(FinalEvent(j), "event: done\ndata: {\ndata:   \"a\": 1\ndata: }\n\n");
}

TEST(Jobs, ForgetsTheOldestFinishedJobBeyondItsLimit) {
  JobManager jobs(2);
  auto quick = [](const RunContext&, bool&) { return std::string("{}"); };
  std::string a = jobs.Launch("sweep", {}, quick);
  std::string b = jobs.Launch("sweep", {}, quick);
  Finish(jobs, a);
  Finish(jobs, b);
  std::string c = jobs.Launch("sweep", {}, quick);
  EXPECT_FALSE(jobs.Get(a));
  EXPECT_TRUE(jobs.Get(b));
  EXPECT_TRUE(jobs.Get(c));
  EXPECT_EQ(Finish(jobs, c).status, "done");
}

TEST(Jobs, DestructorCancelsRunningJobs) {
  std::atomic<bool> saw_cancel{false};
  {
    JobManager jobs;
    jobs.Launch("sweep", {}, [&](const RunContext& ctx, bool&) {
      while (!ctx.cancel->cancelled()) std::this_thread::sleep_for(milliseconds(1));
      saw_cancel = true;
      return std::string();
    });
  }
  EXPECT_TRUE(saw_cancel);
}

}  // namespace
}  // namespace entente::server
