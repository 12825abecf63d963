// SPDX-License-Identifier: MIT
// One Monte Carlo draw: the input set drawn from the generator seeded with
// DeriveSeed(seed, draw), then every model run on it. A draw's results depend only on the seed
// and the draw's index, never on which thread or rank computes it or when.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "entente/analysis/space.h"
#include "entente/core/cancel.h"
#include "entente/core/scenario.h"
#include "entente/models/model.h"
#include "entente/transforms/perturb.h"

namespace entente {

// Everything that determines a sweep's per-draw results.
struct SweepPlan {
  std::vector<std::string> models;  // model specs, as given (canonicalised by the evaluator)
  int64_t draws = 1000;
  uint64_t seed = 0;
  Noise noise;
  // --deals: per draw, the agreement space of the drawn inputs (analysis/space.h, grid step
  // `deal_step`): whether its zone of agreement is non-empty and its Nash package.
  bool deals = false;
  double deal_step = 5;
};

class DrawEvaluator {
 public:
  // Builds every model (all spec problems reported together: throws InvalidInput). `s` must be
  // valid. `cancel` (may be null) reaches long model runs.
  DrawEvaluator(const Scenario& s, const SweepPlan& plan, const CancelToken* cancel = nullptr);

  const Scenario& scenario() const { return base_; }
  const SweepPlan& plan() const { return plan_; }
  const Perturber& perturber() const { return perturber_; }
  // Canonical spec of each model, in the order given.
  const std::vector<std::string>& specs() const { return specs_; }
  int NumModels() const { return static_cast<int>(models_.size()); }
  int NumIssues() const { return static_cast<int>(base_.issues.size()); }
  // Values per draw: one per (model, issue), model-major; then with deals: the zone flag (1
  // non-empty, 0 empty, NaN when the space could not be built) and the Nash package's option
  // index per issue (NaN without one), starting at DealsColumn().
  int width() const { return DealsColumn() + (plan_.deals ? 1 + NumIssues() : 0); }
  int DealsColumn() const { return NumModels() * NumIssues(); }
  // With deals: the agreement space of the point values (its issues' options are those of
  // every draw's space). Null without deals.
  const AgreementSpace* base_space() const { return base_space_.get(); }

  // Per-thread scratch: a copy of the scenario the draws overwrite.
  struct Workspace {
    Scenario scenario;
  };
  Workspace MakeWorkspace() const { return Workspace{base_}; }

  // Fills out[0..width()): model m's forecast of issue i at m * NumIssues() + i, NaN when the
  // model could not forecast it on this draw. Throws Cancelled.
  void Evaluate(int64_t draw, Workspace& w, double* out) const;

 private:
  Scenario base_;
  SweepPlan plan_;
  Perturber perturber_;
  std::vector<std::unique_ptr<Model>> models_;
  std::vector<std::string> specs_;
  std::vector<uint64_t> model_streams_;  // stream index of each model's seed (from its spec)
  const CancelToken* cancel_;
  std::unique_ptr<AgreementSpace> base_space_;
  PositionalOptions deal_options_;

  void EvaluateDeals(const Scenario& s, const RunContext& ctx, double* out) const;
};

}  // namespace entente
