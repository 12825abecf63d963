// SPDX-License-Identifier: MIT
// Backtesting: run forecasting models on cases whose outcomes are on record and score them.
//
// A case is a Scenario plus the recorded outcome of some of its issues (io/deu.h reads the DEU
// tables, one case per issue; io/cases.h reads a user's own case library). Every model runs on
// every case (RunContext::seed of case k is DeriveSeed(seed, k), so stochastic models are
// reproducible); a model that cannot forecast an issue says why, and the issue is counted as
// failed for that model, never dropped. Two naive baselines run beside the models: the issue's
// reference point (the status quo) and the position of a baseline actor (the Commission in DEU).
//
// Scoring: the error on an issue is |forecast - outcome| as a share of the issue's scale, times
// 100 (points on a 0-100 scale; DEU issues already are 0-100). Summaries (analysis/accuracy.h) are
// taken over the issues a forecaster did forecast: mean, median and root mean square error,
// the share within 10 and 20 points, and a bootstrap interval for the mean (seeded per forecaster
// from its label, so adding a model does not move another's interval). Each pair of forecasters
// is compared on the issues both forecast. Breakdowns by every group key the cases carry
// (DEU: procedure and voting rule) give point summaries per group.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "entente/analysis/accuracy.h"
#include "entente/core/cancel.h"
#include "entente/core/scenario.h"

namespace entente {

struct OutcomeCase {
  std::string id;  // unique within its set
  Scenario scenario;
  std::vector<std::optional<double>> outcome;          // per scenario issue; nullopt = not scored
  std::vector<std::optional<double>> reference_point;  // per scenario issue; nullopt = unknown
  std::vector<std::pair<std::string, std::string>> groups;  // e.g. {"procedure", "co-decision"}
  std::optional<int> year;  // selects rows of period-specific capability tables
  std::string origin;       // where it was written, for messages ("deu.tsv:7", "cases.yaml:12")
};

struct CaseSet {
  std::string name;
  std::vector<OutcomeCase> cases;
  std::string baseline_actor;      // whose position is a naive forecast ("com"); "" = none
  std::vector<std::string> notes;  // what the reader skipped or left out, and why
};

struct BacktestOptions {
  std::vector<std::string> models;  // spec strings, e.g. {"compromise", "median(weight=salience)"}
  bool baselines = true;            // add the reference point and the baseline actor's position
  int bootstrap_reps = 2000;
  double level = 0.95;
  uint64_t seed = 0;
};

// One scored issue: a case's issue with a recorded outcome.
struct ScoredIssue {
  int case_index = -1;
  int issue_index = -1;  // within the case's scenario
  std::string case_id;
  std::string issue_id;
  double outcome = 0.0;
  double range = 100.0;                                     // the issue's max - min
  std::vector<std::pair<std::string, std::string>> groups;  // the case's groups
};

struct IssueScore {
  bool ok = false;
  double forecast = 0.0;  // on the issue's scale
  double error = 0.0;     // |forecast - outcome| in points of 0-100
  std::string why;        // when !ok
};

struct ForecasterResult {
  std::string label;  // canonical model spec, or "reference-point", "position:com"
  bool baseline = false;
  std::vector<IssueScore> scores;                       // one per BacktestResult::issues
  ErrorSummary summary;                                 // over the issues forecast
  Interval mean_interval;                               // bootstrap interval of summary.mean
  size_t failed = 0;                                    // issues not forecast
  std::vector<std::pair<std::string, size_t>> reasons;  // distinct reasons for failing, counted
};

struct GroupResult {
  std::string key;    // "procedure"
  std::string value;  // "co-decision"
  size_t issues = 0;
  std::vector<ErrorSummary> summaries;  // one per forecaster
  std::vector<size_t> failed;           // one per forecaster
};

struct PairResult {
  size_t a = 0, b = 0;  // forecaster indices
  PairedComparison comparison;
};

struct BacktestResult {
  std::string dataset;
  BacktestOptions options;
  size_t cases = 0;
  std::vector<ScoredIssue> issues;
  std::vector<ForecasterResult> forecasters;  // models in the order given, then baselines
  std::vector<GroupResult> groups;            // sorted by key, then value
  std::vector<PairResult> pairs;              // every pair a < b
  std::vector<std::string> notes;             // the case set's notes
};

// Runs and scores. Throws InvalidInput listing every bad or repeated model spec (before running
// anything), or when the set has no issue with an outcome; Cancelled when ctx.cancel fires.
// Reports progress as cases done of cases total.
BacktestResult RunBacktest(const CaseSet& set, const BacktestOptions& options,
                           const RunContext& ctx = {});

}  // namespace entente
