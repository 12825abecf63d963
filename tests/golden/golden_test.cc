// SPDX-License-Identifier: MIT
// Golden transcripts: each case of cases.txt is run with the built binary and its standard
// output compared byte for byte with the stored file. When a change is intended, rewrite the
// files with tests/golden/regenerate.sh and review the diff.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "../cli/run_binary.h"

namespace entente::testing {
namespace {

const std::string kDir = ENTENTE_GOLDEN_DIR;

struct Case {
  std::string file;
  std::vector<std::string> args;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.file; }

std::vector<Case> ReadCases() {
  std::vector<Case> cases;
  std::ifstream in(kDir + "/cases.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    Case c;
    words >> c.file;
    for (std::string w; words >> w;) c.args.push_back(w);
    cases.push_back(std::move(c));
  }
  return cases;
}

// "line N: expected '...' got '...'" for the first line that differs.
std::string FirstDifference(const std::string& want, const std::string& got) {
  std::istringstream a(want), b(got);
  std::string la, lb;
  for (int n = 1;; ++n) {
    bool ha = static_cast<bool>(std::getline(a, la)), hb = static_cast<bool>(std::getline(b, lb));
    if (!ha && !hb) return "the files differ only in their final newline";
    if (!ha || !hb || la != lb) {
      return "line " + std::to_string(n) + ":\n  golden: " + (ha ? la : "<end of file>") +
             "\n  actual: " + (hb ? lb : "<end of output>");
    }
  }
}

class GoldenTest : public ::testing::TestWithParam<Case> {};

TEST_P(GoldenTest, OutputMatchesTheStoredTranscript) {
  const Case& c = GetParam();
  auto r = RunEntente(c.args);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::string want = ReadFile(kDir + "/" + c.file);
  ASSERT_FALSE(want.empty()) << c.file << " is missing or empty; run tests/golden/regenerate.sh";
  EXPECT_TRUE(r.out == want) << c.file << " differs from the output of `entente "
                             << ::testing::PrintToString(c.args) << "`\n"
                             << FirstDifference(want, r.out)
                             << "\nIf the change is intended, run tests/golden/regenerate.sh "
                                "and review the diff.";
}

TEST(Golden, RunsAreReproducible) {
  // The transcripts must not vary from run to run (no timestamps, seeded randomness).
  for (const auto& c : ReadCases()) {
    EXPECT_EQ(RunEntente(c.args).out, RunEntente(c.args).out) << c.file;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenTest, ::testing::ValuesIn(ReadCases()),
                         [](const auto& param_info) {
                           std::string name = param_info.param.file;
                           for (char& ch : name) {
                             if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace entente::testing
