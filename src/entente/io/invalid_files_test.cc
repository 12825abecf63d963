// SPDX-License-Identifier: MIT
// Every file in tests/data/io/invalid/ must be rejected with exactly the report in the
// matching .expected file. Files named wide_* are read as wide CSV; the others by extension.
// To see a report: ENTENTE_PRINT_REPORTS=1 io_test --gtest_filter=InvalidFiles.*
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <gtest/gtest.h>

#include "entente/io/scenario_io.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(InvalidFiles, EachGivesItsExactReport) {
  fs::path dir = fs::path(ENTENTE_TEST_DATA_DIR) / "io" / "invalid";
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".expected") inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  ASSERT_GE(inputs.size(), 15u);
  for (const auto& path : inputs) {
    SCOPED_TRACE(path.filename().string());
    std::string name = path.filename().string();
    auto format = name.rfind("wide_", 0) == 0 ? ScenarioFormat::kWideCsv : *FormatFromPath(name);
    std::string report = "no error";
    try {
      ReadScenario(Slurp(path), format, name);
    } catch (const InvalidInput& e) {
      report = e.what();
    }
    if (std::getenv("ENTENTE_PRINT_REPORTS")) std::cout << "== " << name << "\n" << report;
    fs::path expected = path;
    expected += ".expected";
    EXPECT_TRUE(fs::exists(expected)) << expected;
    EXPECT_EQ(report, Slurp(expected));
  }
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".expected") {
      fs::path input = entry.path();
      input.replace_extension();
      EXPECT_TRUE(fs::exists(input)) << "no input for " << entry.path();
    }
  }
}

}  // namespace
}  // namespace entente
