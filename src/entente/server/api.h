// SPDX-License-Identifier: MIT
// The JSON API of `entente serve` (docs/web.md, "HTTP API") as pure request -> response
// functions over the library: no sockets, so every endpoint is testable directly. Each document
// is the one the CLI writes with --format json, made by the same library calls.
//
// Errors are JSON {"error": "<one line>", "problems": [{file, line, column, path, field, value,
// message}]}: 400 malformed JSON or request, 422 invalid scenario or option, 404 unknown path or
// id, 405 wrong method, 503 time limit exceeded; never 500 on user input.
#pragma once

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "entente/core/errors.h"
#include "entente/server/jobs.h"

namespace entente::server {

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

struct ApiOptions {
  std::string store_path;    // the run store for /api/runs ("" = none: those answer 404)
  double time_limit_s = 60;  // per synchronous request; the library is cancelled after it
  int threads = 0;           // for sweeps and sensitivity jobs; 0 = every core
};

// An error with its HTTP status (thrown inside the API, turned into the JSON error body).
class ApiError : public std::runtime_error {
 public:
  ApiError(int status, const std::string& message, ValidationReport problems = {})
      : std::runtime_error(message), status_(status), problems_(std::move(problems)) {}
  int status() const { return status_; }
  const ValidationReport& problems() const { return problems_; }

 private:
  int status_;
  ValidationReport problems_;
};

// [{"file","line","column","path","field","value","message"}, ...] in the report's order.
nlohmann::ordered_json ProblemsJson(const ValidationReport& r);
// The error response: {"error": message, "problems": [...]}.
ApiResponse ErrorResponse(int status, const std::string& message,
                          const ValidationReport& problems = {});

class Api {
 public:
  explicit Api(ApiOptions options);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  // Every /api endpoint except the event stream (see HttpServer). `path` is the decoded path,
  // e.g. "/api/run"; `body` the request body. Never throws.
  ApiResponse Handle(const std::string& method, const std::string& path, const std::string& body);

  JobManager& jobs() { return jobs_; }
  const ApiOptions& options() const { return options_; }

 private:
  ApiOptions options_;
  JobManager jobs_;

  ApiResponse Route(const std::string& method, const std::string& path, const std::string& body,
                    const CancelToken& cancel);
};

}  // namespace entente::server
