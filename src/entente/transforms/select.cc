// SPDX-License-Identifier: MIT
#include "entente/transforms/select.h"

#include <set>

#include "entente/core/errors.h"

namespace entente {

Scenario SelectIssues(const Scenario& s, const std::vector<std::string>& ids) {
  if (ids.empty()) return s;
  std::string known;
  for (const auto& is : s.issues) known += (known.empty() ? "" : ", ") + is.id;
  ValidationReport report;
  std::vector<int> chosen;
  std::set<std::string> seen;
  for (const auto& id : ids) {
    if (!seen.insert(id).second) {
      report.Add(Location{"", 0, 0, "--issues"}, "issues", id, "named twice; name each issue once");
      continue;
    }
    const int found = s.IssueIndex(id);
    if (found < 0) {
      report.Add(Location{"", 0, 0, "--issues"}, "issues", id,
                 "no such issue in scenario '" + s.id + "'; its issues are: " + known);
    } else {
      chosen.push_back(found);
    }
  }
  if (!report.ok()) throw InvalidInput(std::move(report));
  Scenario out = s;
  out.issues.clear();
  for (int i : chosen) out.issues.push_back(s.issues[i]);
  for (size_t a = 0; a < s.actors.size(); ++a) {
    out.cells[a].clear();
    for (int i : chosen) out.cells[a].push_back(s.cells[a][i]);
  }
  return out;
}

}  // namespace entente
