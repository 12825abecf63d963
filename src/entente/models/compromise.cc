// SPDX-License-Identifier: MIT
#include "entente/models/compromise.h"

#include <cmath>
#include <limits>

#include "entente/models/issue_view.h"
#include "entente/models/weights.h"

namespace entente {

double WeightedMean(const std::vector<double>& position, const std::vector<double>& weight) {
  thread_local std::vector<size_t> order;  // reused: no allocation per call in a sweep
  CanonicalOrder(position, weight, order);
  double sw = 0, swx = 0;
  for (size_t i : order) {
    sw += weight[i];
    swx += weight[i] * position[i];
  }
  if (!(sw > 0)) return std::numeric_limits<double>::quiet_NaN();
  return swx / sw;
}

namespace {

class Compromise final : public Model {
 public:
  Compromise(const ModelInfo& info, const Params& p, std::string spec)
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
        double m = WeightedMean(v.position, w);
        if (std::isnan(m)) {
          f.why = "every participating actor has weight 0 (" + weight_ + ")";
        } else {
          f.ok = true;
          f.value = std::clamp(m, v.min, v.max);
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

void RegisterCompromise(ModelRegistry& r) {
  r.Add(ModelInfo{.name = "compromise",
                  .summary = "weighted mean of positions (weights capability x salience)",
                  .citation = "Achen (2006) in Thomson et al., The European Union Decides, CUP; "
                              "Stokman & van Oosten (1994)",
                  .params = {WeightParam()}},
        [](const ModelInfo& info, const Params& p, std::string spec) -> std::unique_ptr<Model> {
          return std::make_unique<Compromise>(info, p, std::move(spec));
        });
}

}  // namespace entente
