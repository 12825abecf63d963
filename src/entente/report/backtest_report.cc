// SPDX-License-Identifier: MIT
#include "entente/report/backtest_report.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "entente/report/report.h"
#include "entente/report/text.h"

namespace entente {

namespace {

using report::Column;
using report::Fixed;

std::string ModelName(const std::string& spec) { return spec.substr(0, spec.find('(')); }

std::string Percent(double share) { return Fixed(100 * share, 0) + "%"; }

std::string Range(const Interval& i) { return Fixed(i.lo, 1) + " to " + Fixed(i.hi, 1); }

std::string Signed(double v) { return fmt::format("{}{}", v > 0 ? "+" : "", Fixed(v, 1)); }

// "prefix" + spec, broken after commas to fit `width`; continuation lines are indented.
std::string WrapSpec(const std::string& prefix, const std::string& spec, int width) {
  std::string out = prefix, line = prefix;
  size_t start = 0;
  while (start < spec.size()) {
    size_t comma = spec.find(',', start);
    size_t end = comma == std::string::npos ? spec.size() : comma + 1;
    std::string piece = spec.substr(start, end - start);
    if (line.size() > prefix.size() && static_cast<int>(line.size() + piece.size()) > width) {
      out += "\n    ";
      line = "    ";
    }
    out += piece;
    line += piece;
    start = end;
  }
  return out + "\n";
}

}  // namespace

std::vector<std::string> ForecasterLabels(const BacktestResult& r) {
  std::map<std::string, int> count;
  for (const auto& f : r.forecasters) {
    if (!f.baseline) ++count[ModelName(f.label)];
  }
  std::vector<std::string> out;
  for (const auto& f : r.forecasters) {
    if (f.baseline) {
      const std::string actor = "position:";
      out.push_back(f.label.rfind(actor, 0) == 0 ? f.label.substr(actor.size()) + " position"
                                                 : "status quo");
    } else {
      out.push_back(count[ModelName(f.label)] == 1 ? ModelName(f.label) : f.label);
    }
  }
  return out;
}

std::string RenderBacktestText(const BacktestResult& r, const BacktestReportOptions& opt) {
  const report::Style st(opt.color);
  const std::vector<std::string> labels = ForecasterLabels(r);
  std::string out;
  out += st.Bold(fmt::format("Backtest of {} issue{} ({} case{}) from {}", r.issues.size(),
                             r.issues.size() == 1 ? "" : "s", r.cases, r.cases == 1 ? "" : "s",
                             r.dataset)) +
         "\n";
  out += "Errors are distances from the recorded outcome, in points of a 0-100 scale.\n";
  const std::string setup =
      fmt::format("Capabilities: {}. Seed {}; {:.0f}% bootstrap intervals from {} resamples.",
                  opt.capability.empty() ? "as given" : opt.capability, r.options.seed,
                  100 * r.options.level, r.options.bootstrap_reps);
  for (const auto& line : report::Wrap(setup, opt.width)) out += line + "\n";
  for (const auto& n : r.notes) {
    for (const auto& line : report::Wrap("Data: " + n, opt.width)) out += st.Dim(line) + "\n";
  }
  for (size_t k = 0; k < r.forecasters.size(); ++k) {
    if (!r.forecasters[k].baseline && labels[k] != r.forecasters[k].label) {
      out += st.Dim(
          WrapSpec(fmt::format("Model {} = ", labels[k]), r.forecasters[k].label, opt.width));
    }
  }

  Column key{"", "forecaster", labels};
  std::vector<Column> cols = {
      {"", "n", {}},      {"", "failed", {}},
      {"", "MAE", {}},    {"", fmt::format("{:.0f}% interval", 100 * r.options.level), {}},
      {"", "median", {}}, {"", "RMSE", {}},
      {"", "<=10", {}},   {"", "<=20", {}}};
  for (const auto& f : r.forecasters) {
    const ErrorSummary& s = f.summary;
    const bool any = s.n > 0;
    cols[0].cells.push_back(std::to_string(s.n));
    cols[1].cells.push_back(std::to_string(f.failed));
    cols[2].cells.push_back(any ? Fixed(s.mean, 1) : "-");
    cols[3].cells.push_back(any ? Range(f.mean_interval) : "-");
    cols[4].cells.push_back(any ? Fixed(s.median, 1) : "-");
    cols[5].cells.push_back(any ? Fixed(s.rmse, 1) : "-");
    cols[6].cells.push_back(any ? Percent(s.within10) : "-");
    cols[7].cells.push_back(any ? Percent(s.within20) : "-");
  }
  out +=
      fmt::format("\n{}\n{}", st.Bold("Accuracy"), report::RenderColumns(key, cols, opt.width, 2));

  std::vector<std::string> keys;
  for (const auto& g : r.groups) {
    if (keys.empty() || keys.back() != g.key) keys.push_back(g.key);
  }
  for (const auto& gk : keys) {
    std::vector<Column> gcols;
    for (const auto& g : r.groups) {
      if (g.key != gk) continue;
      Column c{"", fmt::format("{} ({})", g.value, g.issues), {}};
      for (size_t f = 0; f < r.forecasters.size(); ++f) {
        const ErrorSummary& s = g.summaries[f];
        c.cells.push_back(s.n ? fmt::format("{} ({})", Fixed(s.mean, 1), s.n) : "-");
      }
      gcols.push_back(std::move(c));
    }
    out += fmt::format("\n{} (mean absolute error; issues forecast in brackets)\n{}",
                       st.Bold(fmt::format("By {}", gk)),
                       report::RenderColumns(key, gcols, opt.width, 2));
  }

  if (!r.pairs.empty()) {
    Column pk{"", "A vs B", {}};
    std::vector<Column> pc = {{"", "n", {}},
                              {"", "A - B", {}},
                              {"", fmt::format("{:.0f}% interval", 100 * r.options.level), {}},
                              {"", "A wins", {}},
                              {"", "B wins", {}},
                              {"", "ties", {}}};
    for (const auto& p : r.pairs) {
      const PairedComparison& c = p.comparison;
      pk.cells.push_back(labels[p.a] + " vs " + labels[p.b]);
      pc[0].cells.push_back(std::to_string(c.n));
      pc[1].cells.push_back(c.n ? Signed(c.mean_difference) : "-");
      pc[2].cells.push_back(c.n ? Range(c.interval) : "-");
      pc[3].cells.push_back(std::to_string(c.wins));
      pc[4].cells.push_back(std::to_string(c.losses));
      pc[5].cells.push_back(std::to_string(c.ties));
    }
    out += fmt::format(
        "\n{}\n{}\n{}", st.Bold("Paired comparisons"),
        st.Dim("  A - B: difference in mean absolute error on the issues both forecast;\n"
               "  negative = A is closer on average"),
        report::RenderColumns(pk, pc, opt.width, 2));
  }

  std::string missing;
  for (size_t k = 0; k < r.forecasters.size(); ++k) {
    for (const auto& [why, n] : r.forecasters[k].reasons) {
      missing += fmt::format("  {}: {} issue{}: {}\n", labels[k], n, n == 1 ? "" : "s", why);
    }
  }
  if (!missing.empty())
    out += fmt::format("\n{}\n{}", st.Bold("Why forecasts are missing"), missing);
  return out;
}

nlohmann::ordered_json BacktestJson(const BacktestResult& r, const BacktestReportOptions& opt) {
  using J = nlohmann::ordered_json;
  auto summary = [](const ErrorSummary& s) {
    return J{{"n", s.n},       {"mae", s.mean},          {"median", s.median},
             {"rmse", s.rmse}, {"within10", s.within10}, {"within20", s.within20}};
  };
  const std::vector<std::string> labels = ForecasterLabels(r);
  J j = JsonDocument("backtest");
  j["dataset"] = r.dataset;
  j["capability"] = opt.capability;
  j["seed"] = r.options.seed;
  j["bootstrap_reps"] = r.options.bootstrap_reps;
  j["level"] = r.options.level;
  j["cases"] = r.cases;
  j["notes"] = r.notes;
  j["forecasters"] = J::array();
  for (size_t k = 0; k < r.forecasters.size(); ++k) {
    const auto& f = r.forecasters[k];
    J fj = {{"label", labels[k]}, {"spec", f.label}, {"baseline", f.baseline}};
    fj.update(summary(f.summary));
    fj["failed"] = f.failed;
    fj["mae_interval"] = {f.mean_interval.lo, f.mean_interval.hi};
    fj["missing"] = J::array();
    for (const auto& [why, n] : f.reasons) fj["missing"].push_back({{"why", why}, {"issues", n}});
    j["forecasters"].push_back(std::move(fj));
  }
  j["groups"] = J::array();
  for (const auto& g : r.groups) {
    J gj = {{"key", g.key}, {"value", g.value}, {"issues", g.issues}, {"forecasters", J::array()}};
    for (size_t k = 0; k < g.summaries.size(); ++k) {
      J s = summary(g.summaries[k]);
      s["failed"] = g.failed[k];
      gj["forecasters"].push_back(std::move(s));
    }
    j["groups"].push_back(std::move(gj));
  }
  j["pairs"] = J::array();
  for (const auto& p : r.pairs) {
    const auto& c = p.comparison;
    j["pairs"].push_back({{"a", labels[p.a]},
                          {"b", labels[p.b]},
                          {"issues", c.n},
                          {"mean_difference", c.mean_difference},
                          {"interval", {c.interval.lo, c.interval.hi}},
                          {"a_closer", c.wins},
                          {"b_closer", c.losses},
                          {"ties", c.ties}});
  }
  j["issues"] = J::array();
  for (size_t i = 0; i < r.issues.size(); ++i) {
    const ScoredIssue& is = r.issues[i];
    J ij = {{"case", is.case_id},
            {"issue", is.issue_id},
            {"outcome", is.outcome},
            {"forecasts", J::array()}};
    for (const auto& f : r.forecasters) {
      const IssueScore& s = f.scores[i];
      ij["forecasts"].push_back(s.ok ? J{{"forecast", s.forecast}, {"error", s.error}}
                                     : J{{"why", s.why}});
    }
    j["issues"].push_back(std::move(ij));
  }
  return j;
}

std::string BacktestCsv(const BacktestResult& r) {
  std::vector<std::string> keys;
  for (const auto& g : r.groups) {
    if (std::find(keys.begin(), keys.end(), g.key) == keys.end()) keys.push_back(g.key);
  }
  std::vector<std::string> header = {"case", "issue",    "outcome", "forecaster", "spec",
                                     "ok",   "forecast", "error",   "why"};
  for (const auto& k : keys) header.push_back(k);
  std::string out = report::CsvRow(header);
  const std::vector<std::string> labels = ForecasterLabels(r);
  for (size_t f = 0; f < r.forecasters.size(); ++f) {
    for (size_t i = 0; i < r.issues.size(); ++i) {
      const ScoredIssue& is = r.issues[i];
      const IssueScore& s = r.forecasters[f].scores[i];
      std::vector<std::string> row = {is.case_id,
                                      is.issue_id,
                                      report::ExactNumber(is.outcome),
                                      labels[f],
                                      r.forecasters[f].label,
                                      s.ok ? "true" : "false",
                                      s.ok ? report::ExactNumber(s.forecast) : "",
                                      s.ok ? report::ExactNumber(s.error) : "",
                                      s.why};
      for (const auto& k : keys) {
        std::string v;
        for (const auto& [gk, gv] : is.groups) {
          if (gk == k) v = gv;
        }
        row.push_back(v);
      }
      out += report::CsvRow(row);
    }
  }
  return out;
}

}  // namespace entente
