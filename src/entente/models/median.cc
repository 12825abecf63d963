// SPDX-License-Identifier: MIT
#include "entente/models/median.h"

#include <cmath>
#include <limits>

#include "entente/models/issue_view.h"
#include "entente/models/weights.h"

namespace entente {

double WeightedMedian(const std::vector<double>& position, const std::vector<double>& weight) {
  thread_local std::vector<size_t> order;  // reused: no allocation per call in a sweep
  CanonicalOrder(position, weight, order);
  double total = 0;
  for (size_t i : order) total += weight[i];
  if (!(total > 0)) return std::numeric_limits<double>::quiet_NaN();
  double cum = 0;
  for (size_t k = 0; k < order.size(); ++k) {
    cum += weight[order[k]];
    // All actors at the same position count together before the test.
    if (k + 1 < order.size() && position[order[k + 1]] == position[order[k]]) continue;
    if (2 * cum >= total) return position[order[k]];
  }
  return position[order.back()];
}

namespace {

class Median final : public Model {
 public:
  Median(const ModelInfo& info, const Params& p, std::string spec)
      : info_(info),
        weight_(p.Str("weight")),
        rule_(ParseWeightRule(weight_)),
        spec_(std::move(spec)) {}
  const ModelInfo& info() const override { return info_; }

  ModelResult Run(const Scenario& s, const RunContext& ctx) const override {
    ModelResult out{spec_, info_.name, {}, {}};
    for (size_t i = 0; i < s.issues.size(); ++i) {
      ctx.CheckCancelled();
      thread_local IssueView v;  // reused across calls: sweeps run millions of them
      thread_local std::vector<double> w;
      FillIssueView(s, static_cast<int>(i), v);
      IssueForecast f{s.issues[i].id};
      if (v.size() < 2) {
        f.why = "fewer than 2 actors hold a position and a salience on this issue";
      } else {
        ActorWeights(v, rule_, w);
        double m = WeightedMedian(v.position, w);
        if (std::isnan(m)) {
          f.why = "every participating actor has weight 0 (" + weight_ + ")";
        } else {
          f.ok = true;
          f.value = m;
        }
      }
      out.forecasts.push_back(std::move(f));
    }
    return out;
  }

 private:
  ModelInfo info_;
  std::string weight_;
  WeightRule rule_;
  std::string spec_;
};

}  // namespace

void RegisterMedian(ModelRegistry& r) {
  r.Add(ModelInfo{.name = "median",
                  .summary = "weighted median of positions (the median voter; Condorcet winner "
                             "in one dimension)",
                  .citation = "Black (1948), J. Political Economy 56(1); Bueno de Mesquita (1994)",
                  .params = {WeightParam()}},
        [](const ModelInfo& info, const Params& p, std::string spec) -> std::unique_ptr<Model> {
          return std::make_unique<Median>(info, p, std::move(spec));
        });
}

}  // namespace entente
