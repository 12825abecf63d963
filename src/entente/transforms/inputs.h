// SPDX-License-Identifier: MIT
// The numeric inputs of a scenario, addressed one at a time: what sweeps draw, what sensitivity
// varies, and how each is labelled in tables ("Russia / territory / position").
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entente/core/scenario.h"

namespace entente {

enum class InputKind {
  kPosition,             // Cell::position of (actor, issue)
  kSalience,             // Cell::salience of (actor, issue)
  kCapability,           // capability of actor on issue: the cell override, else the actor's
  kActorCapability,      // Actor::capability
  kNoDeal,               // Issue::no_deal
  kNoDealAcceptability,  // Actor::no_deal_acceptability
};

std::string_view InputKindName(InputKind k);  // "position", "salience", "capability", ...

struct InputRef {
  InputKind kind = InputKind::kPosition;
  int actor = -1;  // -1 for kNoDeal
  int issue = -1;  // -1 for kActorCapability and kNoDealAcceptability

  friend bool operator==(const InputRef&, const InputRef&) = default;
};

// The quantity written in the scenario for `r`; nullptr when absent (no cell override, no
// position, ...).
const Quantity* FindQuantity(const Scenario& s, const InputRef& r);

// The value a model sees (kCapability falls back to the actor's capability).
double InputValue(const Scenario& s, const InputRef& r);

// Sets the value a model sees; kCapability creates the cell override when there is none.
// Fast enough for the inner loop of a sweep (no allocation when the quantity exists).
void SetInputValue(Scenario& s, const InputRef& r, double v);

// The valid range: the issue's scale for positions and no-deal points, [0, 100] for saliences
// and acceptabilities, [0, +inf) for capabilities.
std::pair<double, double> InputRange(const Scenario& s, const InputRef& r);

// "Russia / territory / position", using actor and issue ids.
std::string InputLabel(const Scenario& s, const InputRef& r);

// The inputs sensitivity varies one at a time: for every participating (actor, issue), its
// position, salience and capability on the issue, in actor-major order.
std::vector<InputRef> ParticipantInputs(const Scenario& s);

}  // namespace entente
