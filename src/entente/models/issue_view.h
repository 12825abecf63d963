// SPDX-License-Identifier: MIT
// The actors taking part in one issue, as plain arrays: what one-dimensional models compute on.
#pragma once

#include <string>
#include <vector>

#include "entente/core/scenario.h"

namespace entente {

struct IssueView {
  int issue = -1;
  double min = 0.0, max = 100.0;
  std::vector<int> actors;         // scenario actor indices, in scenario order
  std::vector<double> position;    // on the issue's scale
  std::vector<double> salience;    // 0..100 as written
  std::vector<double> capability;  // effective capability on this issue
  size_t size() const { return actors.size(); }
};

// Actors with both a position and a salience on `issue`.
IssueView MakeIssueView(const Scenario& s, int issue);

// The same, refilling `v` (its vectors keep their capacity): what hot loops such as sweeps use
// to build no new vectors per draw.
void FillIssueView(const Scenario& s, int issue, IssueView& v);

}  // namespace entente
