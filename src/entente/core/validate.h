// SPDX-License-Identifier: MIT
// Semantic validation of a Scenario, independent of the file format it came from.
// Readers record where each element was written (LocationMap); the validator reports every
// problem at once, each at the place the user wrote it.
#pragma once

#include <string>
#include <unordered_map>

#include "entente/core/errors.h"
#include "entente/core/scenario.h"

namespace entente {

// Canonical element keys (independent of the format):
//   "actors[3]", "actors[3].id", "actors[3].capability", "actors[3].no_deal_acceptability",
//   "issues[1]", "issues[1].id", "issues[1].min", "issues[1].max", "issues[1].anchors[2]",
//   "issues[1].no_deal", "cells[3][1].position" (.salience, .capability, .sources),
//   "parties[0]", "sources[4]", "sources[4].id".
class LocationMap {
 public:
  explicit LocationMap(std::string file = "") : file_(std::move(file)) {}
  void Set(const std::string& key, Location loc) { map_[key] = std::move(loc); }
  // The recorded location, else the closest recorded parent ("cells[3][1]" for
  // "cells[3][1].position"), else just the file with the canonical key as path.
  Location Find(const std::string& key) const;
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::unordered_map<std::string, Location> map_;
};

// Checks ids, ranges, finiteness, anchors, parties, cited sources and participation.
// Appends to `report`; returns true when nothing was added.
bool ValidateScenario(const Scenario& s, const LocationMap& where, ValidationReport& report);

// Formats a number as written for error messages ("nan", "inf", "120", "0.5").
std::string FormatValue(double v);

}  // namespace entente
