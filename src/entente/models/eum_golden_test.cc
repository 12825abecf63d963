// SPDX-License-Identifier: MIT
// The whole scholz trajectory of the reference case (BDM 1994 p.78), at full precision, against
// tests/golden/eum/bdm1994_scholz.csv. Regenerate after a deliberate change with
//   ENTENTE_REGENERATE_GOLDEN=1 models_test --gtest_filter='EumGolden.*'
// and explain the difference in the commit.
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "entente/models/registry.h"
#include "test_scenarios.h"

namespace entente {
namespace {

const char* const kSpec = "eum(variant=scholz,q=1.0,rounds=10,stop=fixed)";
const char* const kHeader = "round,record,actor,counterpart,kind,from,to,value";

std::string GoldenPath() {
  return std::string(ENTENTE_TEST_DATA_DIR) + "/../golden/eum/bdm1994_scholz.csv";
}

std::string Num(double v) { return fmt::format("{:.17g}", v); }

// One line per record: median, mean, each position, each r and S, each move.
std::vector<std::string> Rows(const ModelResult& res) {
  std::vector<std::string> rows;
  const Trace& t = res.traces.at(0);
  for (const auto& r : t.rounds) {
    for (const auto& [name, v] : r.stats)
      rows.push_back(fmt::format("{},{},,,,,,{}", r.round, name, Num(v)));
    for (size_t i = 0; i < t.actors.size(); ++i) {
      rows.push_back(
          fmt::format("{},position,{},,,,,{}", r.round, t.actors[i], Num(r.positions[i][0])));
    }
    for (const auto& [name, values] : r.actor_stats) {
      for (size_t i = 0; i < t.actors.size(); ++i) {
        rows.push_back(fmt::format("{},{},{},,,,,{}", r.round, name, t.actors[i], Num(values[i])));
      }
    }
    for (const auto& e : r.events) {
      rows.push_back(fmt::format("{},move,{},{},{},{},{},{}", r.round, e.actor, e.counterpart,
                                 e.kind, Num(e.from[0]), Num(e.to[0]), Num(e.value)));
    }
  }
  return rows;
}

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string field;
  while (std::getline(ss, field, ',')) out.push_back(field);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

// Fields equal as text, or as numbers to 1e-12 relative (libm may differ in the last bits).
bool SameRow(const std::string& want, const std::string& got) {
  const auto a = Split(want), b = Split(got);
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    char* ea = nullptr;
    char* eb = nullptr;
    const double x = std::strtod(a[i].c_str(), &ea), y = std::strtod(b[i].c_str(), &eb);
    if (a[i].empty() || b[i].empty() || *ea || *eb) return false;
    if (std::abs(x - y) > 1e-12 * std::max(1.0, std::abs(x))) return false;
  }
  return true;
}

TEST(EumGolden, Bdm1994ScholzTrajectory) {
  const ModelResult res = RunModel(testing::Bdm1994(), kSpec);
  ASSERT_EQ(res.spec, kSpec);
  const std::vector<std::string> rows = Rows(res);
  const char* regen = std::getenv("ENTENTE_REGENERATE_GOLDEN");
  if (regen && std::string(regen) == "1") {
    std::ofstream out(GoldenPath());
    ASSERT_TRUE(out) << "cannot write " << GoldenPath();
    out << "# " << kSpec << " on BDM 1994 p.78 (car-emission standards; see docs/models/eum.md)\n"
        << "# Written by eum_golden_test.cc (ENTENTE_REGENERATE_GOLDEN=1); values %.17g.\n"
        << kHeader << "\n";
    for (const auto& r : rows) out << r << "\n";
    GTEST_SKIP() << "regenerated " << GoldenPath();
  }
  std::ifstream in(GoldenPath());
  ASSERT_TRUE(in) << "missing " << GoldenPath() << "; regenerate with ENTENTE_REGENERATE_GOLDEN=1";
  std::vector<std::string> want;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != '#') want.push_back(line);
  }
  ASSERT_FALSE(want.empty());
  EXPECT_EQ(want[0], kHeader);
  want.erase(want.begin());
  ASSERT_EQ(want.size(), rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    ASSERT_TRUE(SameRow(want[i], rows[i]))
        << "line " << i + 4 << "\n want: " << want[i] << "\n  got: " << rows[i];
  }
}

}  // namespace
}  // namespace entente
