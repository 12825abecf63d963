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

std::vector<double> ActorWeights(const IssueView& view, const std::string& rule) {
  std::vector<double> w(view.size());
  for (size_t i = 0; i < view.size(); ++i) {
    if (rule == "capability*salience")
      w[i] = view.capability[i] * view.salience[i];
    else if (rule == "salience")
      w[i] = view.salience[i];
    else if (rule == "capability")
      w[i] = view.capability[i];
    else
      w[i] = 1.0;
  }
  return w;
}

std::vector<size_t> CanonicalOrder(const std::vector<double>& position,
                                   const std::vector<double>& weight) {
  std::vector<size_t> idx(position.size());
  std::iota(idx.begin(), idx.end(), size_t{0});
  std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    if (position[a] != position[b]) return position[a] < position[b];
    return weight[a] < weight[b];
  });
  return idx;
}

}  // namespace entente
