// SPDX-License-Identifier: MIT
// Replays every input under tests/data/fuzz-regressions/<target>/ through the reader that
// target fuzzes (fuzz_json -> json, fuzz_wide_csv -> wide-csv, ...): each must read, or be
// rejected with InvalidInput, and a scenario that reads must survive a JSON round trip. fuzz/run.sh
// copies every crash it finds there, so a fixed bug stays fixed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <typeinfo>
#include <vector>

#include "check_input.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = fs::path(ENTENTE_TEST_DATA_DIR) / "fuzz-regressions";

// "fuzz_wide_csv" -> the reader named "wide_csv"; nullptr for a folder that names no target.
const fuzz::Reader* TargetReader(std::string_view target) {
  if (!target.starts_with("fuzz_")) return nullptr;
  return fuzz::FindReader(target.substr(5));
}

struct Input {
  fs::path path;
  std::string target;
};

std::vector<Input> Inputs() {
  std::vector<Input> out;
  if (!fs::is_directory(kRoot)) return out;
  for (const auto& dir : fs::directory_iterator(kRoot)) {
    if (!dir.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(dir.path())) {
      if (f.is_regular_file()) out.push_back({f.path(), dir.path().filename().string()});
    }
  }
  std::sort(out.begin(), out.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
  return out;
}

void PrintTo(const Input& in, std::ostream* os) { *os << in.path.string(); }

class FuzzRegression : public ::testing::TestWithParam<Input> {};

TEST_P(FuzzRegression, ReadsOrIsRejected) {
  const Input& in = GetParam();
  const fuzz::Reader* reader = TargetReader(in.target);
  ASSERT_NE(reader, nullptr) << "folder " << in.target << " names no fuzz target";
  std::ifstream file(in.path, std::ios::binary);
  ASSERT_TRUE(file) << in.path;
  std::ostringstream text;
  text << file.rdbuf();
  try {
    EXPECT_EQ(reader->Check(text.str()), "") << in.path;
    // The hand-written valid seeds must really read (else they test only the error path).
    if (in.path.filename().string().starts_with("minimal-valid") && reader->format) {
      EXPECT_EQ(ReadScenario(text.str(), *reader->format, in.path.string()).actors.size(), 2u);
    }
  } catch (const std::exception& e) {
    ADD_FAILURE() << in.path << ": threw " << typeid(e).name()
                  << " (not InvalidInput): " << e.what();
  }
}

std::string TestName(const ::testing::TestParamInfo<Input>& info) {
  std::string name = info.param.target + "_" + info.param.path.filename().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name + "_" + std::to_string(info.index);
}

INSTANTIATE_TEST_SUITE_P(Inputs, FuzzRegression, ::testing::ValuesIn(Inputs()), TestName);

TEST(FuzzRegressions, FolderHoldsInputsForKnownTargetsOnly) {
  ASSERT_TRUE(fs::is_directory(kRoot)) << kRoot;
  std::vector<Input> inputs = Inputs();
  EXPECT_FALSE(inputs.empty());
  for (const auto& dir : fs::directory_iterator(kRoot)) {
    if (dir.is_directory()) {
      EXPECT_NE(TargetReader(dir.path().filename().string()), nullptr) << dir.path();
    }
  }
  ASSERT_NE(TargetReader("fuzz_wide_csv"), nullptr);
  EXPECT_EQ(TargetReader("fuzz_wide_csv")->name, "wide_csv");
  EXPECT_EQ(TargetReader("json"), nullptr);
  EXPECT_EQ(TargetReader("fuzz_nonesuch"), nullptr);
}

}  // namespace
}  // namespace entente
