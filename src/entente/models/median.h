// SPDX-License-Identifier: MIT
// The weighted median: the position of the median voter.
//
// In one dimension, with single-peaked preferences that fall off linearly with distance, the
// weighted median is the Condorcet winner: no other position beats it in a weighted pairwise
// vote (Black 1948). It is the forecast of Bueno de Mesquita's expected-utility model before
// anyone moves.
//
// Tie rule: actors are sorted by position; the median is the lowest position at which the
// cumulative weight reaches half the total (2 * cumulative >= total). On an exact tie at half
// the total weight (two blocs of equal weight) this takes the lower of the two positions — the
// same rule as the expected-utility model's median voter.
//
// Parameters: weight (choice, default capability*salience). Cost: O(n log n) per issue.
#pragma once

#include "entente/models/registry.h"

namespace entente {

// The weighted median of `position` under `weight` by the rule above; NaN if weights sum to 0.
double WeightedMedian(const std::vector<double>& position, const std::vector<double>& weight);

void RegisterMedian(ModelRegistry& r);

}  // namespace entente
