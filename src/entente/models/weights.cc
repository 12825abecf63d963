// SPDX-License-Identifier: MIT
#include "entente/models/weights.h"

#include <algorithm>
#include <numeric>

namespace entente {

ParamSpec WeightParam() {
  return ParamSpec{.name = "weight",
                   .type = ParamType::kChoice,
                   .default_value = "capability*salience",
                   .help = "actor weight: capability*salience, salience, capability or equal",
                   .choices = kWeightChoices};
}

WeightRule ParseWeightRule(const std::string& rule) {
  if (rule == "capability*salience") return WeightRule::kCapabilitySalience;
  if (rule == "salience") return WeightRule::kSalience;
  if (rule == "capability") return WeightRule::kCapability;
  return WeightRule::kEqual;
}

std::vector<double> ActorWeights(const IssueView& view, const std::string& rule) {
  std::vector<double> w;
  ActorWeights(view, ParseWeightRule(rule), w);
  return w;
}

void ActorWeights(const IssueView& view, WeightRule rule, std::vector<double>& w) {
  w.resize(view.size());
  for (size_t i = 0; i < view.size(); ++i) {
    switch (rule) {
      case WeightRule::kCapabilitySalience:
        w[i] = view.capability[i] * view.salience[i];
        break;
      case WeightRule::kSalience:
        w[i] = view.salience[i];
        break;
      case WeightRule::kCapability:
        w[i] = view.capability[i];
        break;
      case WeightRule::kEqual:
        w[i] = 1.0;
        break;
    }
  }
}

std::vector<size_t> CanonicalOrder(const std::vector<double>& position,
                                   const std::vector<double>& weight) {
  std::vector<size_t> idx;
  CanonicalOrder(position, weight, idx);
  return idx;
}

void CanonicalOrder(const std::vector<double>& position, const std::vector<double>& weight,
                    std::vector<size_t>& idx) {
  idx.resize(position.size());
  std::iota(idx.begin(), idx.end(), size_t{0});
  std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    if (position[a] != position[b]) return position[a] < position[b];
    return weight[a] < weight[b];
  });
}

}  // namespace entente
