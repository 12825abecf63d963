// SPDX-License-Identifier: MIT
#include "entente/sweep/sensitivity.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <mutex>

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "entente/models/registry.h"
#include "entente/sweep/backend.h"
#include "entente/sweep/sensitivity_detail.h"

namespace entente {

namespace sensitivity_detail {

std::vector<double> Evaluator::operator()(const Scenario& s) const {
  if (cancel) cancel->ThrowIfCancelled();
  RunContext ctx;
  ctx.seed = seed;
  ctx.cancel = cancel;
  ctx.threads = 1;
  std::vector<double> out(s.issues.size(), std::numeric_limits<double>::quiet_NaN());
  try {
    ModelResult r = model->Run(s, ctx);
    for (size_t i = 0; i < out.size() && i < r.forecasts.size(); ++i) {
      if (r.forecasts[i].ok) out[i] = r.forecasts[i].value;
    }
  } catch (const ComputationError&) {
    // No forecast for this input set.
  }
  return out;
}

double InputScale(const Scenario& s, const InputRef& r, double base) {
  switch (r.kind) {
    case InputKind::kPosition:
    case InputKind::kNoDeal:
      return s.issues[r.issue].Range();
    case InputKind::kCapability:
    case InputKind::kActorCapability:
      return base > 0 ? base : 1.0;
    default:
      return 100.0;
  }
}

std::pair<double, double> ScanRange(const Scenario& s, const InputRef& r, double base) {
  if (r.kind != InputKind::kCapability && r.kind != InputKind::kActorCapability) {
    return InputRange(s, r);
  }
  double top = 4 * base;
  for (size_t a = 0; a < s.actors.size() && r.issue >= 0; ++a) {
    top = std::max(top, s.Capability(static_cast<int>(a), r.issue));
  }
  return {0.0, top > 0 ? top : 1.0};
}

}  // namespace sensitivity_detail

using sensitivity_detail::Evaluator;

double Swing(const SensitivityResult& r, int effect, int issue) {
  const InputEffect& e = r.effects[effect];
  const double b = r.base[issue];
  double lo = std::fabs(e.at_low[issue] - b), hi = std::fabs(e.at_high[issue] - b);
  if (std::isnan(lo)) lo = 0;
  if (std::isnan(hi)) hi = 0;
  return std::max(lo, hi);
}

namespace {

void CheckOptions(const Scenario& s, const SensitivityOptions& o, ValidationReport& report) {
  if (!(o.delta > 0) || !std::isfinite(o.delta)) {
    report.Add(Location{"", 0, 0, "--delta"}, "delta", fmt::format("{}", o.delta),
               "must be a number > 0 (percent of the input's scale)");
  }
  if (o.flip_steps < 0 || o.flip_steps > 1000) {
    report.Add(Location{"", 0, 0, "--flip-steps"}, "flip-steps", std::to_string(o.flip_steps),
               "must be between 0 and 1000");
  }
  for (const auto& t : o.thresholds) {
    int i = s.IssueIndex(t.issue);
    if (i < 0) {
      std::string ids;
      for (const auto& is : s.issues) ids += (ids.empty() ? "" : ", ") + is.id;
      report.Add(Location{"", 0, 0, "--threshold"}, "issue", t.issue,
                 "unknown issue; issues: " + ids);
    } else if (!(t.value >= s.issues[i].min && t.value <= s.issues[i].max)) {
      report.Add(
          Location{"", 0, 0, "--threshold"}, t.issue, fmt::format("{}", t.value),
          fmt::format("must be on the issue's scale, {} to {}", s.issues[i].min, s.issues[i].max));
    }
  }
}

// The low and high values of input r in the chosen mode.
void Bounds(const Scenario& s, const SensitivityOptions& o, const Perturber* p, InputEffect& e) {
  const InputRef& r = e.input;
  if (p) {
    int k = p->Find(r);
    if (k < 0 && r.kind == InputKind::kCapability && !s.At(r.actor, r.issue).capability) {
      k = p->Find(InputRef{InputKind::kActorCapability, r.actor, -1});
    }
    if (k >= 0) {
      e.how = "5-95%";
      e.low = p->Quantile(k, 0.05);
      e.high = p->Quantile(k, 0.95);
      return;
    }
  }
  e.how = "delta";
  auto [lo, hi] = InputRange(s, r);
  double step = r.kind == InputKind::kCapability ? e.base * o.delta / 100
                : r.kind == InputKind::kPosition ? s.issues[r.issue].Range() * o.delta / 100
                                                 : o.delta;
  e.low = std::clamp(e.base - step, lo, hi);
  e.high = std::clamp(e.base + step, lo, hi);
}

}  // namespace

SensitivityResult RunSensitivity(const Scenario& s, const SensitivityOptions& opt,
                                 const RunContext& ctx) {
  ValidationReport report;
  std::unique_ptr<Model> model;
  SensitivityResult out;
  try {
    model = BuiltinModels().Create(opt.model);
    out.spec = BuiltinModels().Canonical(opt.model);
  } catch (const InvalidInput& e) {
    report.Merge(e.report());
  }
  CheckOptions(s, opt, report);
  if (!report.ok()) throw InvalidInput(std::move(report));

  const Evaluator eval{model.get(), opt.seed, ctx.cancel};
  out.base = eval(s);
  std::unique_ptr<Perturber> perturber;
  if (opt.distribution) perturber = std::make_unique<Perturber>(s, opt.noise);
  for (const InputRef& r : ParticipantInputs(s)) {
    InputEffect e;
    e.input = r;
    e.label = InputLabel(s, r);
    e.base = InputValue(s, r);
    Bounds(s, opt, perturber.get(), e);
    out.effects.push_back(std::move(e));
  }
  tbb::task_arena arena(ResolveThreads(ctx.threads));
  std::mutex progress_mu;  // ctx.Report is called from one thread at a time
  size_t done = 0;
  const double total = static_cast<double>(out.effects.size());
  ctx.Report(0, total, "inputs");
  arena.execute([&] {
    tbb::parallel_for(size_t{0}, out.effects.size(), [&](size_t k) {
      InputEffect& e = out.effects[k];
      Scenario t = s;
      SetInputValue(t, e.input, e.low);
      e.at_low = eval(t);
      SetInputValue(t, e.input, e.high);
      e.at_high = eval(t);
      std::lock_guard<std::mutex> lock(progress_mu);
      ctx.Report(static_cast<double>(++done), total, "inputs");
    });
  });
  const int n_issues = static_cast<int>(s.issues.size());
  out.ranking.resize(n_issues);
  for (int i = 0; i < n_issues; ++i) {
    auto& rank = out.ranking[i];
    for (size_t k = 0; k < out.effects.size(); ++k) {
      if (out.effects[k].input.issue == i || Swing(out, static_cast<int>(k), i) > 0) {
        rank.push_back(static_cast<int>(k));
      }
    }
    std::stable_sort(rank.begin(), rank.end(),
                     [&](int a, int b) { return Swing(out, a, i) > Swing(out, b, i); });
  }
  if (opt.flip_steps > 0) {
    arena.execute([&] { out.flips = sensitivity_detail::FindFlips(s, opt, eval, out); });
  }
  return out;
}

std::vector<Threshold> ParseThresholds(const std::vector<std::string>& items,
                                       const std::string& where) {
  std::vector<Threshold> out;
  ValidationReport report;
  for (const auto& item : items) {
    size_t eq = item.find('=');
    double v = 0;
    const char* end = item.data() + item.size();
    auto res = eq == std::string::npos
                   ? std::from_chars_result{item.data(), std::errc::invalid_argument}
                   : std::from_chars(item.data() + eq + 1, end, v);
    if (eq == std::string::npos || eq == 0 || res.ec != std::errc() || res.ptr != end) {
      report.Add(Location{"", 0, 0, where}, "threshold", item,
                 "must be ISSUE=VALUE, e.g. territory=50");
      continue;
    }
    out.push_back(Threshold{item.substr(0, eq), v});
  }
  if (!report.ok()) throw InvalidInput(std::move(report));
  return out;
}

}  // namespace entente
