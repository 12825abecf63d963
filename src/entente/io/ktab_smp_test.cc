// SPDX-License-Identifier: MIT
// KTAB's reference runs: with the defaults, the SMP position history equals what KTAB's `smpc`
// produced (tests/data/ktab/<name>.history.csv) at every turn, to 0.01 on the 0-100 scale, and
// the run stops after the same number of turns.
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "entente/io/ktab_csv.h"
#include "entente/models/registry.h"

namespace entente {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  EXPECT_TRUE(f.good()) << path;
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// (turn, actor, dimension) -> position, from KTAB's history CSV.
std::map<std::tuple<int, std::string, std::string>, double> History(const std::string& text) {
  std::map<std::tuple<int, std::string, std::string>, double> out;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    size_t a = line.find(','), b = line.find(',', a + 1), c = line.rfind(',');
    std::string dim = line.substr(b + 1, c - b - 1);
    if (dim.size() >= 2 && dim.front() == '"') dim = dim.substr(1, dim.size() - 2);
    out[{std::stoi(line.substr(0, a)), line.substr(a + 1, b - a - 1), dim}] =
        std::stod(line.substr(c + 1));
  }
  return out;
}

void CheckReferenceRun(const std::string& name, int turns) {
  const std::string dir = std::string(ENTENTE_TEST_DATA_DIR) + "/ktab/";
  const Scenario s = ReadKtabCsv(Slurp(dir + name + ".csv"), name + ".csv");
  const auto want = History(Slurp(dir + name + ".history.csv"));
  const ModelResult r = RunModel(s, "smp");
  ASSERT_EQ(r.traces.size(), 1u);
  const Trace& tr = r.traces[0];
  ASSERT_EQ(tr.rounds.size(), static_cast<size_t>(turns + 1)) << tr.stopped_by;
  EXPECT_EQ(tr.stopped_by.rfind("ktab:", 0), 0u) << tr.stopped_by;
  size_t compared = 0;
  for (const auto& round : tr.rounds) {
    for (size_t i = 0; i < tr.actors.size(); ++i) {
      for (size_t k = 0; k < tr.dims.size(); ++k) {
        auto it = want.find({round.round, tr.actors[i], tr.dims[k]});
        ASSERT_NE(it, want.end()) << round.round << " " << tr.actors[i] << " " << tr.dims[k];
        EXPECT_NEAR(round.positions[i][k], it->second, 0.01)
            << name << " turn " << round.round << " actor " << tr.actors[i] << " " << tr.dims[k];
        ++compared;
      }
    }
  }
  EXPECT_EQ(compared, want.size());
}

TEST(KtabReference, DummyData3Dim) { CheckReferenceRun("dummyData_3Dim", 10); }

TEST(KtabReference, SoePolComp) { CheckReferenceRun("SOE-Pol-Comp", 27); }

}  // namespace
}  // namespace entente
