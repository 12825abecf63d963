// SPDX-License-Identifier: MIT
// Reading, writing and reading again gives an equal Scenario, in every format: the example
// files, and seeded random scenarios full of awkward text (separators, quotes, line breaks,
// non-ASCII, leading blanks, YAML-looking words).

#include <fmt/format.h>
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

constexpr ScenarioFormat kFormats[] = {ScenarioFormat::kJson, ScenarioFormat::kYaml,
                                       ScenarioFormat::kLongCsv, ScenarioFormat::kWideCsv};

void ExpectRoundTrip(const Scenario& s, ScenarioFormat f) {
  SCOPED_TRACE(std::string(FormatName(f)));
  std::string text = WriteScenario(s, f);
  SCOPED_TRACE(text);
  Scenario back;
  try {
    back = ReadScenario(text, f, "written");
  } catch (const InvalidInput& e) {
    FAIL() << e.what();
  }
  EXPECT_EQ(back, s);
  EXPECT_EQ(WriteScenario(back, f), text);  // and the text is stable
}

TEST(RoundTrip, ExampleFiles) {
  for (auto [file, f] : {std::pair{"example.yaml", ScenarioFormat::kYaml},
                         std::pair{"example.json", ScenarioFormat::kJson},
                         std::pair{"example_long.csv", ScenarioFormat::kLongCsv},
                         std::pair{"eu_emissions.csv", ScenarioFormat::kWideCsv}}) {
    SCOPED_TRACE(file);
    ExpectRoundTrip(ReadScenario(Slurp(file), f, file), f);
  }
  // A scenario read from YAML also goes through JSON unchanged, and back.
  Scenario yaml = ReadScenario(Slurp("example.yaml"), ScenarioFormat::kYaml, "e.yaml");
  ExpectRoundTrip(yaml, ScenarioFormat::kJson);
}

const char* const kAwkward[] = {"plain",  "with, comma", "say \"hi\"", "two\nlines", "crlf\r\nline",
                                " lead",  "trail ",      "Київ",       "Zürich",     "yes",
                                "null",   "60",          "- dash",     "a: b",       "# hash",
                                "[x]",    "{y}",         "'q'",        "tab\there",  "é,\"ü\"\n",
                                "~",      "1e3",         ".inf",       "*star",      "&amp",
                                "!bang",  "%pct",        "@at",        "`tick",      "x #y",
                                "trail:", "?",           "|",          ">",          "\\back"};

std::string Pick(Rng& rng, int k) {
  std::string base = kAwkward[rng() % std::size(kAwkward)];
  return base + "#" + std::to_string(k);  // unique
}

double Num(Rng& rng, double lo, double hi) {
  switch (rng() % 3) {
    case 0:
      return std::min(hi, lo + static_cast<double>(rng() % 11) * (hi - lo) / 10);  // round
    default:
      return std::min(hi, lo + rng.Uniform() * (hi - lo));  // full precision
  }
}

std::vector<std::string> SomeSources(Rng& rng, const Scenario& s) {
  std::vector<std::string> ids;
  if (s.sources.empty()) return ids;
  for (int k = static_cast<int>(rng() % 3); k > 0; --k)
    ids.push_back(s.sources[rng() % s.sources.size()].id);
  return ids;
}

Quantity Q(Rng& rng, const Scenario& s, double lo, double hi) {
  return Quantity{Num(rng, lo, hi),
                  rng() % 3 == 0 ? SomeSources(rng, s) : std::vector<std::string>{}};
}

// A valid scenario using every feature of the JSON/YAML schema.
Scenario RandomDocumentScenario(uint64_t seed) {
  Rng rng(seed);
  Scenario s;
  s.id = Pick(rng, 0);
  s.title = rng() % 2 ? Pick(rng, 1) : "";
  s.description = Pick(rng, 2) + "\n" + Pick(rng, 3) + "\n";
  s.as_of = "2025-02-12";
  s.notes = rng() % 2 ? Pick(rng, 4) : "";
  int n_sources = static_cast<int>(rng() % 4);
  for (int k = 0; k < n_sources; ++k) {
    s.sources.push_back({Pick(rng, 10 + k), Pick(rng, 20 + k), rng() % 2 ? "https://x.org/" : "",
                         rng() % 2 ? "2024" : ""});
  }
  int n_actors = 2 + static_cast<int>(rng() % 5);
  for (int a = 0; a < n_actors; ++a) {
    Actor act{Pick(rng, 100 + a), rng() % 2 ? Pick(rng, 200 + a) : "", "", Q(rng, s, 0, 1000), {}};
    if (rng() % 2) act.no_deal_acceptability = Q(rng, s, 0, 100);
    s.actors.push_back(act);
  }
  int n_issues = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < n_issues; ++i) {
    Issue is{.id = Pick(rng, 300 + i), .name = rng() % 2 ? Pick(rng, 400 + i) : ""};
    if (rng() % 3 == 0) {
      int k = 2 + static_cast<int>(rng() % 4);
      for (int o = 0; o < k; ++o) {
        is.options.push_back(Pick(rng, 500 + 10 * i + o));
        is.anchors.push_back({static_cast<double>(o), is.options.back()});
      }
      is.min = 0;
      is.max = k - 1;
    } else {
      is.min = rng() % 2 ? 0 : -Num(rng, 0, 50);
      is.max = is.min + 1 + Num(rng, 0, 200);
      for (int k = static_cast<int>(rng() % 3); k > 0; --k) {
        is.anchors.push_back({Num(rng, is.min, is.max), Pick(rng, 600 + k)});
      }
      std::stable_sort(is.anchors.begin(), is.anchors.end(),
                       [](const Anchor& x, const Anchor& y) { return x.at < y.at; });
    }
    if (rng() % 2) is.no_deal = Q(rng, s, is.min, is.max);
    s.issues.push_back(is);
  }
  if (rng() % 2) s.parties = {s.actors[1].id, s.actors[0].id};
  s.ResizeCells();
  for (int i = 0; i < n_issues; ++i) {
    for (int a = 0; a < n_actors; ++a) {
      if (a >= 2 && rng() % 3 == 0) continue;  // actors 0 and 1 always take part
      Cell& c = s.At(a, i);
      const Issue& is = s.issues[i];
      c.position = Q(rng, s, is.min, is.max);
      if (is.HasOptions() && rng() % 2) c.position->value = std::floor(c.position->value);
      c.salience = Q(rng, s, 0, 100);
      if (rng() % 3 == 0) c.capability = Q(rng, s, 0, 50);
      if (rng() % 4 == 0) c.sources = SomeSources(rng, s);
    }
  }
  return s;
}

TEST(RoundTrip, RandomScenariosInJsonAndYaml) {
  for (uint64_t seed = 1; seed <= 60; ++seed) {
    SCOPED_TRACE(seed);
    Scenario s = RandomDocumentScenario(seed);
    ExpectRoundTrip(s, ScenarioFormat::kJson);
    ExpectRoundTrip(s, ScenarioFormat::kYaml);
  }
}

TEST(RoundTrip, RandomScenariosInCsv) {
  // What a CSV can hold is what a CSV reads; so: write lossily, read, then round-trip that.
  for (uint64_t seed = 1; seed <= 60; ++seed) {
    SCOPED_TRACE(seed);
    Scenario s = RandomDocumentScenario(seed);
    for (auto& is : s.issues) {  // CSV issues are 0..100
      is.options.clear();
      is.anchors.clear();
      is.min = 0;
      is.max = 100;
      for (auto& row : s.cells) {
        for (auto& c : row) {
          if (c.position) c.position->value = std::min(100.0, std::max(0.0, c.position->value));
        }
      }
    }
    for (auto f : {ScenarioFormat::kLongCsv, ScenarioFormat::kWideCsv}) {
      Scenario one = s;
      if (f == ScenarioFormat::kWideCsv) {
        one.issues.resize(1);
        for (auto& row : one.cells) row.resize(1);
      }
      std::string text = WriteScenario(one, f, {.allow_loss = true});
      Scenario csv;
      try {
        csv = ReadScenario(text, f, "lossy");
      } catch (const InvalidInput& e) {
        FAIL() << text << e.what();
      }
      ExpectRoundTrip(csv, f);
    }
  }
}

}  // namespace
}  // namespace entente
