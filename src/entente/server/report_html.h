// SPDX-License-Identifier: MIT
// The self-contained HTML report (`entente report`, POST /api/report): one page holding the
// data, the chart code and print CSS, that opens offline in any browser and reads (as plain
// tables) without JavaScript too.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "entente/core/cancel.h"
#include "entente/core/scenario.h"

namespace entente::web {

// Each field is a JSON document string exactly as the CLI writes it with --format json;
// empty = absent.
struct ReportInput {
  std::string scenario;  // scenario JSON document (file format); required
  std::string run, deals, sweep, sensitivity;
  std::vector<std::string> traces;
  std::string title;  // page title; default the scenario's title
};

// One self-contained HTML page: the data as <script type="application/json" id="entente-data">
// (an object {scenario, run?, traces?, deals?, sweep?, sensitivity?} with every "</" written as
// "<\/"), the chart code (ReportScript()) inlined, print CSS, and text tables for every
// forecast, solution and quantile. Throws InvalidInput when a document is not valid JSON or
// when the binary was built without the web front end.
std::string HtmlReport(const ReportInput& in);

// What a report shows besides the scenario: the options of `entente report` and of
// POST /api/report.
struct ReportRequest {
  std::vector<std::string> models;        // forecast specs; empty = every registered model
  std::vector<std::string> trace_models;  // dynamic models whose rounds to show, e.g. "eum"
  bool deals = false;                     // the deals analysis (the scenario's parties, step 5)
  int64_t sweep_draws = 0;                // > 0: a sweep of that many draws over `models`
  std::string title;                      // "" = the scenario's title
};

// Computes the documents `req` asks for with the library calls behind `entente run`, `trace`,
// `deals` and `sweep` (seed ctx.seed; ctx.cancel and ctx.progress apply to the sweep) and
// returns them ready for HtmlReport. Throws InvalidInput for a bad spec, a model without a
// trace, a scenario the deals analysis cannot take, or a draw count outside 1..10^7.
ReportInput BuildReportInput(const Scenario& s, const ReportRequest& req,
                             const RunContext& ctx = {});

}  // namespace entente::web
