// SPDX-License-Identifier: MIT
// The forecasting-model interface. A model is created from a spec string by the registry
// (registry.h) and run on a Scenario; its result records the spec that produced it, a forecast
// per issue and, for dynamic models, a round-by-round trace.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "entente/core/cancel.h"
#include "entente/core/scenario.h"
#include "entente/models/params.h"

namespace entente {

struct ModelInfo {
  std::string name;
  std::string summary;   // one line
  std::string citation;  // the publication the model follows
  std::vector<ParamSpec> params;
  bool stochastic = false;   // uses RunContext::seed
  bool multi_issue = false;  // treats issues as dimensions of one space (SMP)
};

// The forecast of one model on one issue. When a model cannot forecast an issue, `ok` is false
// and `why` says so; the issue is still listed.
struct IssueForecast {
  std::string issue_id;
  bool ok = false;
  double value = 0.0;                                 // on the issue's scale
  std::string why;                                    // when !ok
  std::vector<std::pair<std::string, double>> extra;  // e.g. {"mean", 7.39} for trace models
};

// One move in a trace: who moved, toward whom, why, from where to where.
struct TraceEvent {
  int round = 0;
  std::string actor;         // the mover / challenger (actor id)
  std::string counterpart;   // toward whom / whom challenged (actor id); may be empty
  std::string kind;          // "confrontation", "compromise", "capitulation", "challenge", ...
  std::vector<double> from;  // one value per dimension
  std::vector<double> to;
  double value = 0.0;  // a kind-specific number (e.g. the challenge's expected gain)
};

// Round-by-round history of a dynamic model over one space (one issue for EUM; all chosen
// issues for SMP). positions[round][actor][dim]; per-round series (median, mean, ...) and
// per-actor series (risk exponent r, security S, probability, ...).
struct Trace {
  std::vector<std::string> dims;    // issue ids
  std::vector<std::string> actors;  // actor ids, in the order of positions
  struct Round {
    int round = 0;
    std::vector<std::vector<double>> positions;                            // [actor][dim]
    std::vector<std::pair<std::string, double>> stats;                     // e.g. median, mean
    std::vector<std::pair<std::string, std::vector<double>>> actor_stats;  // e.g. r, S
    std::vector<TraceEvent> events;  // moves that produced this round
  };
  std::vector<Round> rounds;
  std::string stopped_by;  // which stopping rule ended the run and why
};

struct ModelResult {
  std::string spec;                      // canonical spec with every parameter (defaults filled in)
  std::string model;                     // model name
  std::vector<IssueForecast> forecasts;  // one per scenario issue, in scenario order
  std::vector<Trace> traces;             // empty for static models
};

class Model {
 public:
  virtual ~Model() = default;
  virtual const ModelInfo& info() const = 0;
  // Runs on a validated scenario. Throws Cancelled when ctx.cancel fires, ComputationError on
  // failures that valid input can still cause.
  virtual ModelResult Run(const Scenario& scenario, const RunContext& ctx) const = 0;
};

}  // namespace entente
