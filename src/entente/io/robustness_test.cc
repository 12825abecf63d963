// SPDX-License-Identifier: MIT
// Readers must reject bad input with InvalidInput and nothing else: seeded random mutations of
// the example files (and a few hostile inputs) go through every reader.
#include <cstdlib>

#include <gtest/gtest.h>

#include "entente/core/rng.h"
#include "entente/io/scenario_io.h"
#include "entente/io/table_text.h"

namespace entente {
namespace {

// A file of tests/data/io, read by the library's own reader.
std::string Slurp(const std::string& name) {
  return ReadTextFile(std::string(ENTENTE_TEST_DATA_DIR) + "/io/" + name);
}

constexpr ScenarioFormat kReaders[] = {ScenarioFormat::kJson, ScenarioFormat::kYaml,
                                       ScenarioFormat::kLongCsv, ScenarioFormat::kWideCsv};

// Returns "" when the input was read or rejected properly, else what went wrong.
std::string Outcome(const std::string& text, ScenarioFormat f) {
  try {
    ReadScenario(text, f, "fuzz");
  } catch (const InvalidInput& e) {
    if (e.report().ok()) return "InvalidInput with no problems";
  } catch (const std::exception& e) {
    return std::string("unexpected exception: ") + e.what();
  }
  return "";
}

std::string Mutate(Rng& rng, std::string text) {
  static const char kBytes[] = "\"',:;{}[]-#&*!|>\n\r\t \\0123456789.eE+-";
  int edits = 1 + static_cast<int>(rng() % 4);
  for (int k = 0; k < edits && !text.empty(); ++k) {
    size_t at = rng() % text.size();
    switch (rng() % 6) {
      case 0:
        text[at] = kBytes[rng() % (sizeof(kBytes) - 1)];
        break;
      case 1:
        text.insert(at, 1, kBytes[rng() % (sizeof(kBytes) - 1)]);
        break;
      case 2:
        text.erase(at, rng() % 16);
        break;
      case 3:
        text.insert(at, text.substr(rng() % text.size(), rng() % 64));
        break;
      case 4:
        text[at] = static_cast<char>(rng() % 256);
        break;
      default:
        text.resize(at);
    }
  }
  return text;
}

// ENTENTE_IO_FUZZ_TRIALS=N runs N mutations per file instead of 150 (for long sanitizer runs).
TEST(Robustness, MutatedFilesOnlyEverThrowInvalidInput) {
  const char* env = std::getenv("ENTENTE_IO_FUZZ_TRIALS");
  const int trials = env ? std::atoi(env) : 150;
  Rng rng(20250212);
  for (const char* file :
       {"example.yaml", "example.json", "example_long.csv", "eu_emissions.csv"}) {
    std::string original = Slurp(file);
    for (int trial = 0; trial < trials; ++trial) {
      std::string text = Mutate(rng, original);
      for (auto f : kReaders) {
        std::string outcome = Outcome(text, f);
        ASSERT_EQ(outcome, "") << file << " trial " << trial << "\n" << text;
      }
    }
  }
}

TEST(Robustness, HostileInputs) {
  std::vector<std::string> inputs = {
      "",
      std::string(1, '\0'),
      std::string(200000, '['),
      std::string(200000, '{'),
      std::string(100000, '"'),
      "a: &a [*a]",
      "- &a\n  - *a\n",
      "\xEF\xBB\xBF",
      "actor,issue,position,salience\n" + std::string(5000, ','),
      "entente: 1\nactors: !!binary aGVsbG8=\nissues: []\n",
      "entente: 1\nactors: [{id: A, capability: 1e-400}]\nissues: []\n",
      "%YAML 1.2\n---\nentente: 1\n",
      "{\"entente\": 1e400}",
      "{\"a\":\"\\ud800\"}",
      std::string("\xFF\xFE") + "a",
  };
  for (const auto& text : inputs) {
    for (auto f : kReaders) EXPECT_EQ(Outcome(text, f), "") << text.substr(0, 80);
  }
}

}  // namespace
}  // namespace entente
