// SPDX-License-Identifier: MIT
// The API's endpoints, one function each (internal to the server layer; api.cc routes to them).
// Each returns the response or throws ApiError / InvalidInput (-> 422) / Cancelled.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "entente/core/cancel.h"
#include "entente/server/api.h"

namespace entente::server::endpoints {

struct Context {
  const ApiOptions& options;
  JobManager& jobs;
  const CancelToken& cancel;  // fires at the time limit
};

ApiResponse Json(const nlohmann::ordered_json& doc, int status = 200);

// api_catalog.cc
ApiResponse Version();
ApiResponse Models();
ApiResponse Scenarios(const Context& c);
ApiResponse ScenarioByName(const std::string& name);
ApiResponse Validate(const nlohmann::json& body);
ApiResponse Import(const nlohmann::json& body);
ApiResponse Export(const nlohmann::json& body);

// api_compute.cc
ApiResponse Run(const nlohmann::json& body, const Context& c);
ApiResponse Trace(const nlohmann::json& body, const Context& c);
ApiResponse Deals(const nlohmann::json& body, const Context& c);
ApiResponse Report(const nlohmann::json& body, const Context& c);

// api_jobs.cc
ApiResponse StartJob(const nlohmann::json& body, const Context& c);
ApiResponse JobStatus(const std::string& id, const Context& c);
ApiResponse CancelJob(const std::string& id, const Context& c);
// The JSON of a job snapshot (GET /api/jobs/<id>).
nlohmann::ordered_json JobJson(const JobSnapshot& j);

// api_runs.cc
ApiResponse ListRuns(const Context& c);
ApiResponse GetRun(const std::string& id, const Context& c);
ApiResponse DiffRuns(const std::string& a, const std::string& b, const Context& c);

}  // namespace entente::server::endpoints
