// SPDX-License-Identifier: MIT
#include "entente/sweep/evaluator.h"

#include <limits>

#include "entente/analysis/bargaining.h"
#include "entente/core/errors.h"
#include "entente/core/rng.h"
#include "entente/models/registry.h"

namespace entente {

namespace {

// FNV-1a: a stable stream index per model, so reordering --model flags changes nothing.
uint64_t Fnv1a(const std::string& s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

}  // namespace

DrawEvaluator::DrawEvaluator(const Scenario& s, const SweepPlan& plan, const CancelToken* cancel)
    : base_(s), plan_(plan), perturber_(s, plan.noise), cancel_(cancel) {
  ValidationReport report;
  for (const auto& spec : plan.models) {
    try {
      models_.push_back(BuiltinModels().Create(spec));
      specs_.push_back(BuiltinModels().Canonical(spec));
      model_streams_.push_back(Fnv1a(specs_.back()));
    } catch (const InvalidInput& e) {
      report.Merge(e.report());
    }
  }
  if (plan.deals) {
    deal_options_.step = plan.deal_step;
    try {
      base_space_ = std::make_unique<AgreementSpace>(BuildSpace(s, deal_options_));
    } catch (const InvalidInput& e) {
      report.Merge(e.report());
    }
  }
  if (plan.models.empty() && !plan.deals) {
    report.Add(Location{"", 0, 0, "--model"}, "model", "",
               "give at least one --model (e.g. --model compromise --model median) or --deals");
  }
  if (!report.ok()) throw InvalidInput(std::move(report));
}

void DrawEvaluator::Evaluate(int64_t draw, Workspace& w, double* out) const {
  const uint64_t draw_seed = DeriveSeed(plan_.seed, static_cast<uint64_t>(draw));
  Rng rng(draw_seed);
  perturber_.Draw(rng, w.scenario);
  const int n_issues = NumIssues();
  for (size_t m = 0; m < models_.size(); ++m) {
    double* row = out + m * n_issues;
    std::fill(row, row + n_issues, std::numeric_limits<double>::quiet_NaN());
    RunContext ctx;
    ctx.seed = DeriveSeed(draw_seed, model_streams_[m]);
    ctx.cancel = cancel_;
    ctx.threads = 1;
    try {
      ModelResult r = models_[m]->Run(w.scenario, ctx);
      for (int i = 0; i < n_issues && i < static_cast<int>(r.forecasts.size()); ++i) {
        if (r.forecasts[i].ok) row[i] = r.forecasts[i].value;
      }
    } catch (const ComputationError&) {
      // The model cannot forecast this input set: every issue stays NaN (counted as failed).
    }
  }
  if (plan_.deals) {
    RunContext ctx;
    ctx.seed = DeriveSeed(draw_seed, 0);
    ctx.cancel = cancel_;
    ctx.threads = 1;
    EvaluateDeals(w.scenario, ctx, out + DealsColumn());
  }
}

void DrawEvaluator::EvaluateDeals(const Scenario& s, const RunContext& ctx, double* out) const {
  std::fill(out, out + 1 + NumIssues(), std::numeric_limits<double>::quiet_NaN());
  try {
    AgreementSpace space = BuildSpace(s, deal_options_);
    Solution nash = NashSolution(space, BargainingOptions{}, ctx);
    out[0] = nash.exists ? 1.0 : 0.0;
    if (nash.exists) {
      for (size_t i = 0; i < nash.package.size(); ++i) out[1 + i] = nash.package[i];
    }
  } catch (const ComputationError&) {
    // The space of this draw is out of reach of exact arithmetic: no answer for it.
  } catch (const InvalidInput&) {
    // A drawn input made the space invalid: no answer for it.
  }
}

}  // namespace entente
