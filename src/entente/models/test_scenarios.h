// SPDX-License-Identifier: MIT
// Small scenarios built in code for model tests (no file reading, so models/ tests stand alone).
#pragma once

#include <string>
#include <vector>

#include "entente/core/rng.h"
#include "entente/core/scenario.h"

namespace entente::testing {

// BDM 1994 p.78, the car-emission standards case (Bueno de Mesquita 1994; Scholz et al. 2011).
inline Scenario Bdm1994() {
  struct Row {
    const char* name;
    double cap, pos, sal;
  };
  const Row rows[] = {{"Netherlands", 0.08, 4, 80}, {"Belgium", 0.08, 7, 40},
                      {"Luxembourg", 0.03, 4, 20},  {"Germany", 0.16, 4, 80},
                      {"France", 0.16, 10, 60},     {"Italy", 0.16, 10, 60},
                      {"UK", 0.16, 10, 90},         {"Ireland", 0.05, 7, 10},
                      {"Denmark", 0.05, 4, 100},    {"Greece", 0.08, 7, 70}};
  Scenario s;
  s.id = "bdm1994-eu-emissions";
  s.issues = {Issue{.id = "emissions", .name = "emissions", .min = 4, .max = 10}};
  for (const auto& r : rows) s.actors.push_back(Actor{r.name, r.name, "", {r.cap, {}}, {}});
  s.ResizeCells();
  for (size_t a = 0; a < std::size(rows); ++a) {
    s.At(a, 0).position = Quantity{rows[a].pos, {}};
    s.At(a, 0).salience = Quantity{rows[a].sal, {}};
  }
  return s;
}

// A random scenario: n actors, k issues on 0..100, positions rounded to `grid` (0 = continuous)
// so ties and shared positions occur; some cells left empty when `sparse`.
inline Scenario Random(uint64_t seed, int n, int k, double grid = 0, bool sparse = false) {
  Rng rng(seed);
  Scenario s;
  s.id = "random";
  for (int a = 0; a < n; ++a) {
    std::string id = std::to_string(a);
    id.insert(0, "A");  // not "A" + ...: GCC 12 warns falsely (-Wrestrict, PR 105329)
    s.actors.push_back(Actor{id, id, "", {1 + 99 * rng.Uniform(), {}}, {}});
  }
  for (int i = 0; i < k; ++i) {
    std::string id = std::to_string(i);
    id.insert(0, "I");
    s.issues.push_back(Issue{.id = id, .name = id});
  }
  s.ResizeCells();
  for (int a = 0; a < n; ++a) {
    for (int i = 0; i < k; ++i) {
      if (sparse && a >= 2 && rng.Uniform() < 0.2) continue;
      double p = 100 * rng.Uniform();
      if (grid > 0) p = grid * static_cast<int>(p / grid);
      s.At(a, i).position = Quantity{p, {}};
      s.At(a, i).salience = Quantity{1 + 99 * rng.Uniform(), {}};
    }
  }
  return s;
}

}  // namespace entente::testing
