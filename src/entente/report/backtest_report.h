// SPDX-License-Identifier: MIT
// Reports of a backtest (`entente backtest`): a terminal report, a versioned JSON document
// ({"entente_json": 1, "kind": "backtest", ...}) and a CSV table with one row per forecaster and
// issue. docs/backtest.md describes all three.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "entente/analysis/backtest.h"

namespace entente {

struct BacktestReportOptions {
  bool color = false;
  int width = 80;
  std::string capability;  // how capabilities were set ("equal", "nice", "file:caps.csv", ...)
};

// Short labels for the forecasters: a model's name when no other forecaster shares it, else its
// canonical spec; baselines as "status quo" (the reference point) and "<actor> position".
std::vector<std::string> ForecasterLabels(const BacktestResult& r);

// The terminal report: summary per forecaster (n, failed, MAE with its interval, median, RMSE,
// within 10 and 20), a breakdown per group key, the paired comparisons, why forecasts are
// missing, and the reader's notes.
std::string RenderBacktestText(const BacktestResult& r, const BacktestReportOptions& opt);

nlohmann::ordered_json BacktestJson(const BacktestResult& r, const BacktestReportOptions& opt);

// Header "case,issue,outcome,forecaster,spec,ok,forecast,error,why" plus one column per group
// key, then one row per forecaster and scored issue.
std::string BacktestCsv(const BacktestResult& r);

}  // namespace entente
