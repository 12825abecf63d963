// SPDX-License-Identifier: MIT
#include "entente/sweep/summary.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include <tbb/parallel_for.h>

namespace entente {

std::vector<Band> IssueBands(const Issue& issue) {
  std::vector<Anchor> anchors = issue.anchors;
  std::stable_sort(anchors.begin(), anchors.end(),
                   [](const Anchor& a, const Anchor& b) { return a.at < b.at; });
  std::vector<Band> out;
  if (anchors.empty()) return out;
  if (issue.min < anchors.front().at) {
    out.push_back(Band{issue.min, anchors.front().at, "", anchors.front().label});
  }
  for (size_t k = 0; k + 1 < anchors.size(); ++k) {
    if (anchors[k + 1].at <= anchors[k].at) continue;
    out.push_back(Band{anchors[k].at, anchors[k + 1].at, anchors[k].label, anchors[k + 1].label});
  }
  if (anchors.back().at < issue.max) {
    out.push_back(Band{anchors.back().at, issue.max, anchors.back().label, ""});
  }
  return out;
}

double QuantileOf(std::vector<double>& v, double p) {
  if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
  const double h = p * static_cast<double>(v.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(h));
  std::nth_element(v.begin(), v.begin() + lo, v.end());
  const double x_lo = v[lo];
  if (lo + 1 >= v.size()) return x_lo;
  const double x_hi = *std::min_element(v.begin() + lo + 1, v.end());
  return x_lo + (h - static_cast<double>(lo)) * (x_hi - x_lo);
}

namespace {

IssueSummary SummarizeColumn(const Issue& issue, const SweepData& data, int column) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  IssueSummary out;
  out.issue_id = issue.id;
  out.hist_lo = issue.min;
  out.hist_hi = issue.max;
  out.histogram.assign(kHistogramBins, 0);
  out.bands = IssueBands(issue);
  std::vector<double> v;
  v.reserve(static_cast<size_t>(data.completed));
  for (int64_t d = 0; d < data.draws; ++d) {
    if (!data.done[d]) continue;
    double x = data.Row(d)[column];
    if (std::isnan(x)) {
      ++out.failed;
    } else {
      v.push_back(x);
    }
  }
  out.n = static_cast<int64_t>(v.size());
  out.mean = out.sd = out.min = out.max = nan;
  out.quantiles.fill(nan);
  if (v.empty()) return out;
  // Sums in draw order: the same draws give the same bits.
  double sum = 0;
  for (double x : v) sum += x;
  out.mean = sum / static_cast<double>(v.size());
  double ss = 0;
  for (double x : v) ss += (x - out.mean) * (x - out.mean);
  out.sd = v.size() > 1 ? std::sqrt(ss / static_cast<double>(v.size() - 1)) : 0.0;
  const double width = issue.max - issue.min;
  std::vector<double> edges;
  for (const Band& b : out.bands) edges.push_back(b.lo);
  for (double x : v) {
    int bin = width > 0 ? static_cast<int>((x - issue.min) / width * kHistogramBins) : 0;
    ++out.histogram[std::clamp(bin, 0, kHistogramBins - 1)];
    if (!edges.empty()) {
      auto it = std::upper_bound(edges.begin(), edges.end(), x);
      size_t k = it == edges.begin() ? 0 : static_cast<size_t>(it - edges.begin()) - 1;
      ++out.bands[k].count;
    }
  }
  for (Band& b : out.bands) b.probability = static_cast<double>(b.count) / v.size();
  auto [mn, mx] = std::minmax_element(v.begin(), v.end());
  out.min = *mn;
  out.max = *mx;
  for (size_t q = 0; q < kQuantileLevels.size(); ++q) {
    out.quantiles[q] = QuantileOf(v, kQuantileLevels[q]);
  }
  return out;
}

DealSummary SummarizeDeals(const DrawEvaluator& ev, const SweepData& data) {
  DealSummary out;
  const int col = ev.DealsColumn(), n_issues = ev.NumIssues();
  std::map<std::vector<int>, int64_t> counts;
  for (int64_t d = 0; d < data.draws; ++d) {
    if (!data.done[d]) continue;
    const double* row = data.Row(d) + col;
    if (std::isnan(row[0])) {
      ++out.failed;
      continue;
    }
    ++out.n;
    if (row[0] != 1) continue;
    ++out.zone_nonempty;
    std::vector<int> package(n_issues);
    for (int i = 0; i < n_issues; ++i) package[i] = static_cast<int>(row[1 + i]);
    ++counts[package];
  }
  out.p_zone = out.n ? static_cast<double>(out.zone_nonempty) / out.n
                     : std::numeric_limits<double>::quiet_NaN();
  std::vector<std::map<int, int64_t>> by_issue(n_issues);
  for (auto& [package, count] : counts) {
    out.nash.push_back(DealPackage{package, count, static_cast<double>(count) / out.n});
    for (int i = 0; i < n_issues; ++i) by_issue[i][package[i]] += count;
  }
  for (const auto& m : by_issue) {
    out.nash_by_issue.emplace_back(m.begin(), m.end());
    std::stable_sort(out.nash_by_issue.back().begin(), out.nash_by_issue.back().end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
  }
  std::stable_sort(out.nash.begin(), out.nash.end(),
                   [](const DealPackage& a, const DealPackage& b) { return a.count > b.count; });
  return out;
}

}  // namespace

SweepSummary Summarize(const DrawEvaluator& ev, const SweepData& data) {
  SweepSummary s;
  s.draws = data.draws;
  s.completed = data.completed;
  s.seed = ev.plan().seed;
  s.noise = ev.plan().noise.ToString();
  s.uncertain_inputs = static_cast<int>(ev.perturber().size());
  const int n_issues = ev.NumIssues();
  s.models.resize(ev.NumModels());
  for (int m = 0; m < ev.NumModels(); ++m) {
    s.models[m].spec = ev.specs()[m];
    s.models[m].issues.resize(n_issues);
  }
  // Columns are independent: summarise them in parallel (each one sequentially, in draw order).
  if (ev.plan().deals) s.deals = SummarizeDeals(ev, data);
  tbb::parallel_for(0, ev.DealsColumn(), [&](int col) {
    s.models[col / n_issues].issues[col % n_issues] =
        SummarizeColumn(ev.scenario().issues[col % n_issues], data, col);
  });
  return s;
}

}  // namespace entente
