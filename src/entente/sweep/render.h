// SPDX-License-Identifier: MIT
// A sweep's summary as a terminal report (80 columns, issue by issue: statistics, quantiles, a
// text histogram and the band probabilities of each model), as the body of the versioned JSON
// document {"entente_json": 1, "kind": "sweep", ...} (docs/uncertainty.md), and as long CSV.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "entente/analysis/space.h"
#include "entente/core/scenario.h"
#include "entente/sweep/summary.h"

namespace entente {

// `how` is a line saying where the sweep ran (e.g. "2 threads"); may be empty. `space` (needed
// when sum.deals is set) names the options of the Nash packages.
std::string RenderSweepText(const Scenario& s, const SweepSummary& sum, const std::string& how,
                            const AgreementSpace* space = nullptr);

// A package as "issue=option, ...": numeric options as their point, named options by name.
std::string PackageText(const AgreementSpace& space, const std::vector<int>& package);

// {draws, completed, seed, noise, uncertain_inputs, models: [{spec, issues: [{issue, n, failed,
// mean, sd, min, max, quantiles: {"5": .., ...}, histogram: {lo, hi, counts}, bands: [{lo, hi,
// lo_label, hi_label, count, probability}]}]}], deals: {n, failed, zone_nonempty, p_zone,
// nash: [{package: {issue: value}, count, share}]}}; NaN as null. `space` as for the text.
nlohmann::ordered_json SweepSummaryJson(const SweepSummary& sum,
                                        const AgreementSpace* space = nullptr);

// Header "model,issue,statistic,value"; statistics n, failed, mean, sd, min, max, q5, q25, q50,
// q75, q95, then "hist[lo,hi)" counts and "band[lo,hi)" probabilities.
std::string SweepCsv(const SweepSummary& sum);

// Shared by the sweep and sensitivity reports.
namespace render {
// Digits after the point that suit a scale of width `range` (100 -> 1, 6 -> 2, 1 -> 3).
int Decimals(double range);
// `v` with `decimals` digits ("n/a" for NaN; "-0.0" printed as "0.0").
std::string Fmt(double v, int decimals);
// `s` cut to `width` code points, ending in "…" when cut.
std::string Cut(const std::string& s, size_t width);
// Space-separated words; display width in code points.
std::vector<std::string> Words(const std::string& s);
size_t Width(const std::string& s);
// The shortest text that reads back to `v` ("" for NaN).
std::string Exact(double v);
// A CSV field, quoted when needed.
std::string Csv(const std::string& s);
}  // namespace render

}  // namespace entente
