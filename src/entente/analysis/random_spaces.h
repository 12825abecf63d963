// SPDX-License-Identifier: MIT
// Seeded random agreement spaces for tests and benchmarks (header-only). Utilities take few
// integer levels, so exact ties in utility are common, as they are in real domains.
#pragma once

#include <string>
#include <vector>

#include <fmt/format.h>

#include "entente/analysis/space.h"
#include "entente/core/rng.h"

namespace entente::testing {

inline int UniformInt(Rng& rng, int lo, int hi) {  // in [lo, hi]
  return lo + static_cast<int>(rng() % static_cast<uint64_t>(hi - lo + 1));
}

// `parties` parties, issue i with options[i] options, utility numerators in [0, levels) times a
// per-(party, issue) weight in [1, 4]; d_a = round(frac_a * max_a) with frac_a in
// [frac_lo, frac_hi] of the party's best possible utility.
inline AgreementSpace RandomSpace(Rng& rng, int parties, const std::vector<int>& options,
                                  int levels, double frac_lo = 0.3, double frac_hi = 0.8) {
  AgreementSpace s;
  s.title = "random";
  s.utility_model = "random";
  for (size_t i = 0; i < options.size(); ++i) {
    SpaceIssue is{fmt::format("I{}", i), fmt::format("issue {}", i), false, {}, {}};
    for (int o = 0; o < options[i]; ++o) {
      is.values.push_back(o);
      is.labels.push_back(fmt::format("o{}", o));
    }
    s.issues.push_back(std::move(is));
  }
  s.denominator = 1000;
  for (int a = 0; a < parties; ++a) {
    s.parties.push_back({fmt::format("P{}", a), fmt::format("party {}", a)});
    std::vector<std::vector<Num>> u;
    Num max_total = 0;
    for (int opts : options) {
      Num w = UniformInt(rng, 1, 4), mx = 0;
      std::vector<Num> row;
      for (int o = 0; o < opts; ++o) {
        row.push_back(w * UniformInt(rng, 0, levels - 1));
        mx = std::max(mx, row.back());
      }
      max_total += mx;
      u.push_back(std::move(row));
    }
    s.util.push_back(std::move(u));
    double frac = frac_lo + (frac_hi - frac_lo) * rng.Uniform();
    s.disagreement.push_back(static_cast<Num>(frac * static_cast<double>(max_total) + 0.5));
  }
  return s;
}

}  // namespace entente::testing
