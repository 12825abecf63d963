// SPDX-License-Identifier: MIT
// The compromise model: the weighted mean of the actors' positions.
//
// Assumes the outcome is a compromise in which each actor pulls in proportion to its weight
// (by default capability x salience). With weight=salience it is the capability-free
// "compromise model" that the EU decision-making literature uses as its benchmark
// (Achen 2006; Thomson et al. 2006, The European Union Decides, ch. 10): on the DEU data its
// mean absolute error is about 23-24 points, the figure other models are measured against.
//
// Parameters: weight (choice, default capability*salience).
// Cost: O(n log n) per issue (the sort that makes the sum independent of actor order).
#pragma once

#include "entente/models/registry.h"

namespace entente {

// The weighted mean of `position` under `weight`; NaN when the weights sum to zero.
double WeightedMean(const std::vector<double>& position, const std::vector<double>& weight);

void RegisterCompromise(ModelRegistry& r);

}  // namespace entente
