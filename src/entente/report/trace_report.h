// SPDX-License-Identifier: MIT
// Reports of model traces (`entente trace`): the round-by-round history of a dynamic model as a
// table (rounds down, round statistics and each actor's position across; split into blocks that
// fit the width when there are many actors or dimensions), then the moves in words; and the
// same data as JSON and CSV (docs/json-output.md).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "entente/core/scenario.h"
#include "entente/models/model.h"
#include "entente/report/report.h"

namespace entente {

// One event in words, without the round: "Belgium compromises toward France, 7.00 -> 8.42",
// "UK challenges Ireland (gain 0.0123)", multi-dimensional moves as "(1.00, 2.00) -> (...)".
// Actor ids are shown by their scenario names; positions with `decimals` digits.
std::string DescribeEvent(const TraceEvent& e, const Scenario& s, int decimals);

// The text report of `traces` (from the model run `spec` on `s`).
std::string RenderTraceText(const Scenario& s, const std::string& spec,
                            const std::vector<Trace>& traces, const ReportOptions& opt);

// One trace: {dims, actors, stopped_by, rounds: [{round, stats, positions, actor_stats,
// events}]}.
nlohmann::ordered_json TraceJson(const Trace& t);

// The traces that involve issue `issue` ("" = all): `entente trace --issue`, POST /api/trace.
std::vector<Trace> TracesInvolving(const std::vector<Trace>& traces, const std::string& issue);

// {"entente_json": 1, "kind": "trace", "version", "scenario", "seed", "spec", "model",
//  "traces": [...]}.
nlohmann::ordered_json TraceDocumentJson(const Scenario& s, const ModelResult& r,
                                         const std::vector<Trace>& traces,
                                         const ReportOptions& opt);

// Long-form CSV, header "trace,round,record,name,actor,counterpart,dim,from,to,value"; one row
// per round statistic (record "stat"), position (record "position", one per actor x dim),
// actor statistic ("actor_stat") and event ("event"; one row per dimension with from/to, or
// one row with empty dim for events without positions). `trace` is the 1-based trace number.
std::string TraceCsv(const std::vector<Trace>& traces);

}  // namespace entente
