// SPDX-License-Identifier: MIT
#include "entente/transforms/inputs.h"

#include <cmath>

#include "entente/core/errors.h"

namespace entente {

std::string_view InputKindName(InputKind k) {
  switch (k) {
    case InputKind::kPosition:
      return "position";
    case InputKind::kSalience:
      return "salience";
    case InputKind::kCapability:
      return "capability";
    case InputKind::kActorCapability:
      return "capability";
    case InputKind::kNoDeal:
      return "no_deal";
    case InputKind::kNoDealAcceptability:
      return "no_deal_acceptability";
  }
  return "?";
}

const Quantity* FindQuantity(const Scenario& s, const InputRef& r) {
  auto opt = [](const std::optional<Quantity>& q) { return q ? &*q : nullptr; };
  switch (r.kind) {
    case InputKind::kPosition:
      return opt(s.At(r.actor, r.issue).position);
    case InputKind::kSalience:
      return opt(s.At(r.actor, r.issue).salience);
    case InputKind::kCapability:
      return opt(s.At(r.actor, r.issue).capability);
    case InputKind::kActorCapability:
      return &s.actors[r.actor].capability;
    case InputKind::kNoDeal:
      return opt(s.issues[r.issue].no_deal);
    case InputKind::kNoDealAcceptability:
      return opt(s.actors[r.actor].no_deal_acceptability);
  }
  return nullptr;
}

double InputValue(const Scenario& s, const InputRef& r) {
  if (r.kind == InputKind::kCapability) return s.Capability(r.actor, r.issue);
  const Quantity* q = FindQuantity(s, r);
  ENTENTE_CHECK(q != nullptr);
  return q->value;
}

void SetInputValue(Scenario& s, const InputRef& r, double v) {
  auto set = [v](std::optional<Quantity>& q) {
    if (q) {
      q->value = v;
    } else {
      q = Quantity{v, {}, std::nullopt};
    }
  };
  switch (r.kind) {
    case InputKind::kPosition:
      return set(s.At(r.actor, r.issue).position);
    case InputKind::kSalience:
      return set(s.At(r.actor, r.issue).salience);
    case InputKind::kCapability:
      return set(s.At(r.actor, r.issue).capability);
    case InputKind::kActorCapability:
      s.actors[r.actor].capability.value = v;
      return;
    case InputKind::kNoDeal:
      return set(s.issues[r.issue].no_deal);
    case InputKind::kNoDealAcceptability:
      return set(s.actors[r.actor].no_deal_acceptability);
  }
}

std::pair<double, double> InputRange(const Scenario& s, const InputRef& r) {
  switch (r.kind) {
    case InputKind::kPosition:
    case InputKind::kNoDeal:
      return {s.issues[r.issue].min, s.issues[r.issue].max};
    case InputKind::kSalience:
    case InputKind::kNoDealAcceptability:
      return {0.0, 100.0};
    case InputKind::kCapability:
    case InputKind::kActorCapability:
      return {0.0, HUGE_VAL};
  }
  return {0.0, 0.0};
}

std::string InputLabel(const Scenario& s, const InputRef& r) {
  std::string out;
  if (r.actor >= 0) out += s.actors[r.actor].id + " / ";
  if (r.issue >= 0) out += s.issues[r.issue].id + " / ";
  return out + std::string(InputKindName(r.kind));
}

std::vector<InputRef> ParticipantInputs(const Scenario& s) {
  std::vector<InputRef> out;
  for (size_t a = 0; a < s.actors.size(); ++a) {
    for (size_t i = 0; i < s.issues.size(); ++i) {
      if (!s.Participates(static_cast<int>(a), static_cast<int>(i))) continue;
      for (InputKind k : {InputKind::kPosition, InputKind::kSalience, InputKind::kCapability}) {
        out.push_back(InputRef{k, static_cast<int>(a), static_cast<int>(i)});
      }
    }
  }
  return out;
}

}  // namespace entente
