// SPDX-License-Identifier: MIT
// The actor weights the baseline models use: capability x salience (default), salience alone
// (the capability-free "compromise model" of the EU literature), capability alone, or equal.
#pragma once

#include <string>
#include <vector>

#include "entente/models/issue_view.h"
#include "entente/models/params.h"

namespace entente {

inline const std::vector<std::string> kWeightChoices = {"capability*salience", "salience",
                                                        "capability", "equal"};

ParamSpec WeightParam();

// The rules of kWeightChoices, in that order.
enum class WeightRule { kCapabilitySalience, kSalience, kCapability, kEqual };

// The rule named `rule` (one of kWeightChoices; anything else is kEqual, as the parameter's
// declared choices never let another name through).
WeightRule ParseWeightRule(const std::string& rule);

// One weight per participant of `view`, by the rule named in kWeightChoices.
std::vector<double> ActorWeights(const IssueView& view, const std::string& rule);

// The same into `w` (resized; keeps its capacity), for hot loops.
void ActorWeights(const IssueView& view, WeightRule rule, std::vector<double>& w);

// Indices of `view` sorted by (position, weight): an order that does not depend on the order
// actors were listed in, so sums taken in it are bit-identical under permutation.
std::vector<size_t> CanonicalOrder(const std::vector<double>& position,
                                   const std::vector<double>& weight);

// The same into `idx` (resized; keeps its capacity).
void CanonicalOrder(const std::vector<double>& position, const std::vector<double>& weight,
                    std::vector<size_t>& idx);

}  // namespace entente
