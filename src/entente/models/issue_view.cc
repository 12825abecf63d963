// SPDX-License-Identifier: MIT
#include "entente/models/issue_view.h"

namespace entente {

IssueView MakeIssueView(const Scenario& s, int issue) {
  IssueView v;
  FillIssueView(s, issue, v);
  return v;
}

void FillIssueView(const Scenario& s, int issue, IssueView& v) {
  v.actors.clear();
  v.position.clear();
  v.salience.clear();
  v.capability.clear();
  v.issue = issue;
  v.min = s.issues[issue].min;
  v.max = s.issues[issue].max;
  for (size_t a = 0; a < s.actors.size(); ++a) {
    if (!s.Participates(static_cast<int>(a), issue)) continue;
    const Cell& c = s.At(static_cast<int>(a), issue);
    v.actors.push_back(static_cast<int>(a));
    v.position.push_back(c.position->value);
    v.salience.push_back(c.salience->value);
    v.capability.push_back(s.Capability(static_cast<int>(a), issue));
  }
}

}  // namespace entente
