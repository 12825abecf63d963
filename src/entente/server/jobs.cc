// SPDX-License-Identifier: MIT
#include "entente/server/jobs.h"

#include <exception>

#include <nlohmann/json.hpp>

namespace entente::server {

using Clock = std::chrono::steady_clock;

struct JobManager::Job {
  JobSnapshot snap;
  std::shared_ptr<CancelToken> token;
  Clock::time_point started = Clock::now();
  Clock::time_point last_publish{};  // not min(): now - min() overflows, so nothing published
  std::thread thread;
};

JobManager::~JobManager() {
  Shutdown();
  std::map<std::string, std::shared_ptr<Job>> jobs;
  {
    std::lock_guard<std::mutex> lock(mu_);
    jobs.swap(jobs_);
  }
  for (auto& [id, job] : jobs) {
    if (job->thread.joinable()) job->thread.join();
  }
}

void JobManager::Publish(Job& job, bool force) {
  // Called with mu_ held.
  const auto now = Clock::now();
  if (!force && now - job.last_publish < std::chrono::milliseconds(100)) return;
  job.last_publish = now;
  const double secs = std::chrono::duration<double>(now - job.started).count();
  job.snap.rate = secs > 0 ? job.snap.done / secs : 0;
  job.snap.eta_s.reset();
  if (job.snap.rate > 0 && job.snap.total > 0) {
    job.snap.eta_s = (job.snap.total - job.snap.done) / job.snap.rate;
  }
  ++job.snap.version;
  changed_.notify_all();
}

std::string JobManager::Launch(const std::string& kind, const Pending& pending, JobWork work) {
  auto job = std::make_shared<Job>();
  job->token = pending.token;
  std::lock_guard<std::mutex> lock(mu_);
  job->snap.id = std::to_string(next_id_++);
  job->snap.kind = kind;
  job->snap.total = pending.total;
  if (shutdown_) job->token->Cancel();
  if (jobs_.size() >= keep_) {  // forget the oldest finished job (its thread has ended its work)
    auto oldest = jobs_.end();
    for (auto it = jobs_.begin(); it != jobs_.end(); ++it) {
      if (it->second->snap.finished() &&
          (oldest == jobs_.end() || std::stoll(it->first) < std::stoll(oldest->first))) {
        oldest = it;
      }
    }
    if (oldest != jobs_.end()) {
      if (oldest->second->thread.joinable()) oldest->second->thread.join();
      jobs_.erase(oldest);
    }
  }
  jobs_[job->snap.id] = job;
  Job* j = job.get();  // the map owns the job until the manager is destroyed
  job->thread = std::thread([this, j, work = std::move(work)] {
    RunContext ctx;
    ctx.cancel = j->token.get();
    ctx.progress = [this, j](double done, double total, std::string_view) {
      std::lock_guard<std::mutex> guard(mu_);
      j->snap.done = done;
      j->snap.total = total;
      Publish(*j, false);
    };
    std::string result, error;
    std::string status = "done";
    try {
      bool complete = true;
      result = work(ctx, complete);
      if (!complete) status = "cancelled";
    } catch (const Cancelled&) {
      status = "cancelled";
    } catch (const std::exception& e) {
      status = "failed";
      error = e.what();
    } catch (...) {
      status = "failed";
      error = "unknown error";
    }
    std::lock_guard<std::mutex> guard(mu_);
    j->snap.status = status;
    j->snap.result = std::move(result);
    j->snap.error = std::move(error);
    Publish(*j, true);
  });
  return job->snap.id;
}

std::optional<JobSnapshot> JobManager::Get(const std::string& id) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  return it->second->snap;
}

bool JobManager::Cancel(const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return false;
  it->second->token->Cancel();
  return true;
}

std::optional<JobSnapshot> JobManager::WaitChange(const std::string& id, int64_t after,
                                                  std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mu_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  std::shared_ptr<Job> job = it->second;
  changed_.wait_for(lock, timeout,
                    [&] { return shutdown_ || job->snap.version > after || job->snap.finished(); });
  return job->snap;
}

void JobManager::Shutdown() {
  std::lock_guard<std::mutex> lock(mu_);
  shutdown_ = true;
  for (auto& [id, job] : jobs_) job->token->Cancel();
  changed_.notify_all();
}

bool JobManager::shutting_down() const {
  std::lock_guard<std::mutex> lock(mu_);
  return shutdown_;
}

namespace {

std::string Event(const std::string& name, const std::string& data) {
  std::string out = "event: " + name + "\n";
  size_t start = 0;
  while (start < data.size()) {  // one "data:" line per line of the document
    size_t end = data.find('\n', start);
    if (end == std::string::npos) end = data.size();
    out += "data: " + data.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return out + "\n";
}

nlohmann::ordered_json DocOrNull(const std::string& text) {
  if (text.empty()) return nullptr;
  return nlohmann::ordered_json::parse(text, nullptr, false);
}

}  // namespace

std::string ProgressEvent(const JobSnapshot& j) {
  nlohmann::ordered_json d = {{"done", static_cast<int64_t>(j.done)},
                              {"total", static_cast<int64_t>(j.total)},
                              {"rate", j.rate}};
  d["eta_s"] = j.eta_s ? nlohmann::ordered_json(*j.eta_s) : nlohmann::ordered_json(nullptr);
  return Event("progress", d.dump());
}

std::string FinalEvent(const JobSnapshot& j) {
  if (j.status == "done") return Event("done", j.result);
  if (j.status == "cancelled") {
    nlohmann::ordered_json d = {{"done", static_cast<int64_t>(j.done)},
                                {"total", static_cast<int64_t>(j.total)}};
    d["partial"] = DocOrNull(j.result);
    return Event("cancelled", d.dump());
  }
  return Event("failed", nlohmann::ordered_json{{"error", j.error}}.dump());
}

}  // namespace entente::server
