// SPDX-License-Identifier: MIT
#include "entente/server/api.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <regex>
#include <thread>

#include <fmt/format.h>

#include "entente/report/report.h"
#include "entente/server/endpoints.h"
#include "entente/server/request.h"

namespace entente::server {

namespace {

// Cancels `token` when `seconds` pass, unless destroyed first.
class Deadline {
 public:
  Deadline(CancelToken& token, double seconds)
      : thread_([this, &token, seconds] {
          std::unique_lock<std::mutex> lock(mu_);
          auto limit = std::chrono::duration<double>(seconds);
          if (!cv_.wait_for(lock, limit, [this] { return finished_; })) {
            expired_ = true;
            token.Cancel();
          }
        }) {}
  ~Deadline() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      finished_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  bool expired() {
    std::lock_guard<std::mutex> lock(mu_);
    return expired_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool finished_ = false, expired_ = false;
  std::thread thread_;
};

}  // namespace

nlohmann::ordered_json ProblemsJson(const ValidationReport& r) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& p : r.problems()) {
    out.push_back({{"file", p.where.file},
                   {"line", p.where.line},
                   {"column", p.where.column},
                   {"path", p.where.path},
                   {"field", p.field},
                   {"value", p.value},
                   {"message", p.message}});
  }
  return out;
}

ApiResponse ErrorResponse(int status, const std::string& message,
                          const ValidationReport& problems) {
  nlohmann::ordered_json j;
  j["error"] = message;
  j["problems"] = ProblemsJson(problems);
  return ApiResponse{status, "application/json", j.dump(2) + "\n"};
}

Api::Api(ApiOptions options) : options_(std::move(options)) {}

Api::~Api() { jobs_.Shutdown(); }

ApiResponse Api::Handle(const std::string& method, const std::string& path,
                        const std::string& body) {
  CancelToken cancel;
  try {
    Deadline deadline(cancel, options_.time_limit_s);
    try {
      return Route(method, path, body, cancel);
    } catch (const Cancelled&) {
      if (!deadline.expired()) throw;
      return ErrorResponse(503, fmt::format("the request took longer than the time limit of {} s "
                                            "and was stopped (start the server with a larger "
                                            "--time-limit, or run it as a job)",
                                            options_.time_limit_s));
    }
  } catch (const ApiError& e) {
    return ErrorResponse(e.status(), e.what(), e.problems());
  } catch (const InvalidInput& e) {
    const size_t n = e.report().size();
    return ErrorResponse(422, fmt::format("invalid input: {} problem{}", n, n == 1 ? "" : "s"),
                         e.report());
  } catch (const ComputationError& e) {
    return ErrorResponse(422, std::string("the computation failed: ") + e.what());
  } catch (const Cancelled&) {
    return ErrorResponse(503, "the request was cancelled");
  } catch (const std::exception& e) {
    return ErrorResponse(500, std::string("internal error: ") + e.what());
  }
}

ApiResponse Api::Route(const std::string& method, const std::string& path, const std::string& body,
                       const CancelToken& cancel) {
  using namespace endpoints;  // NOLINT(google-build-using-namespace)
  const Context c{options_, jobs_, cancel};
  auto need = [&](const char* allowed) {
    if (method != allowed) {
      throw ApiError(405, fmt::format("{} does not accept {}; use {}", path, method, allowed));
    }
  };
  // GET endpoints.
  if (path == "/api/version") return need("GET"), Version();
  if (path == "/api/models") return need("GET"), Models();
  if (path == "/api/scenarios") return need("GET"), Scenarios(c);
  if (path == "/api/runs") return need("GET"), ListRuns(c);
  static const std::regex scenario_re("/api/scenarios/([^/]+)");
  static const std::regex run_re("/api/runs/([^/]+)");
  static const std::regex diff_re("/api/runs/([^/]+)/diff/([^/]+)");
  static const std::regex job_re("/api/jobs/([^/]+)");
  std::smatch m;
  if (std::regex_match(path, m, scenario_re)) return need("GET"), ScenarioByName(m[1]);
  if (std::regex_match(path, m, diff_re)) return need("GET"), DiffRuns(m[1], m[2], c);
  if (std::regex_match(path, m, run_re)) return need("GET"), GetRun(m[1], c);
  if (std::regex_match(path, m, job_re)) {
    if (method == "DELETE") return CancelJob(m[1], c);
    return need("GET"), JobStatus(m[1], c);
  }
  // POST endpoints (JSON bodies).
  using Endpoint = ApiResponse (*)(const nlohmann::json&, const Context&);
  static const std::pair<const char*, Endpoint> kPost[] = {
      {"/api/validate", [](const nlohmann::json& b, const Context&) { return Validate(b); }},
      {"/api/import", [](const nlohmann::json& b, const Context&) { return Import(b); }},
      {"/api/export", [](const nlohmann::json& b, const Context&) { return Export(b); }},
      {"/api/run", Run},
      {"/api/trace", Trace},
      {"/api/deals", Deals},
      {"/api/report", Report},
      {"/api/jobs", StartJob},
  };
  for (const auto& [p, f] : kPost) {
    if (path == p) {
      need("POST");
      return f(ParseBody(body), c);
    }
  }
  throw ApiError(404, "no such API endpoint: " + path + " (docs/web.md lists them)");
}

namespace endpoints {

ApiResponse Json(const nlohmann::ordered_json& doc, int status) {
  return ApiResponse{status, "application/json", DumpJson(doc)};
}

}  // namespace endpoints

}  // namespace entente::server
