// SPDX-License-Identifier: MIT
#include "entente/core/scenario.h"

namespace entente {

int Scenario::ActorIndex(std::string_view key) const {
  for (size_t i = 0; i < actors.size(); ++i) {
    if (actors[i].id == key) return static_cast<int>(i);
  }
  return -1;
}

int Scenario::IssueIndex(std::string_view key) const {
  for (size_t i = 0; i < issues.size(); ++i) {
    if (issues[i].id == key) return static_cast<int>(i);
  }
  return -1;
}

void Scenario::ResizeCells() {
  cells.resize(actors.size());
  for (auto& row : cells) row.resize(issues.size());
}

double Scenario::Capability(int actor, int issue) const {
  const Cell& c = cells[actor][issue];
  return c.capability ? c.capability->value : actors[actor].capability.value;
}

bool Scenario::Participates(int actor, int issue) const {
  const Cell& c = cells[actor][issue];
  return c.position.has_value() && c.salience.has_value();
}

std::vector<int> Scenario::PartyIndices() const {
  std::vector<int> out;
  if (parties.empty()) {
    for (size_t i = 0; i < actors.size(); ++i) out.push_back(static_cast<int>(i));
    return out;
  }
  for (const auto& p : parties) {
    int i = ActorIndex(p);
    if (i >= 0) out.push_back(i);
  }
  return out;
}

}  // namespace entente
