// SPDX-License-Identifier: MIT
// Spec strings name a computation and its parameters everywhere (CLI, Python, stored runs):
//   median
//   compromise(weight=capability*salience)
//   eum(variant=scholz, q=1.0, rounds=10)
//   perturb(salience_sd=5, model=eum(rounds=4))   -- values may nest
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "entente/core/errors.h"

namespace entente {

struct Spec {
  std::string name;
  std::vector<std::pair<std::string, std::string>> args;  // in written order, values unquoted

  // Canonical text: name(k=v,...) with no spaces, args in written order; "name" when no args.
  std::string ToString() const;
};

// Parses a spec string. Throws InvalidInput (one problem, with the column) when malformed.
Spec ParseSpec(std::string_view text);

}  // namespace entente
