// SPDX-License-Identifier: MIT
#include "entente/io/scenario_io.h"

#include <gtest/gtest.h>

#include "entente/io/table_text.h"

namespace entente {
namespace {

// A file of tests/data/io, read by the library's own reader.
std::string Slurp(const std::string& name) {
  return ReadTextFile(std::string(ENTENTE_TEST_DATA_DIR) + "/io/" + name);
}

template <typename Fn>
std::string ErrorOf(Fn fn) {
  try {
    fn();
  } catch (const InvalidInput& e) {
    return e.what();
  }
  return "no error";
}

Quantity Q(double v, std::vector<std::string> src = {}) { return Quantity{v, std::move(src)}; }

// tests/data/io/example.yaml, built by hand.
Scenario Example() {
  Scenario s;
  s.id = "example";
  s.title = "Example talks: every field";
  s.description =
      "Three actors, a numeric issue with anchors and an option issue.\n"
      "Numbers are invented for tests.\n";
  s.as_of = "2025-02-12";
  s.notes = "Judgments, not data.";
  s.sources = {{"S1", "Doe, J. (2025). A report, p. 3.", "https://example.org/r", "2025-02-12"},
               {"S2", "Interview, 2025", "", ""}};
  s.actors = {{"USA", "United States", "Mediator, \"honest broker\"", Q(80, {"S1"}), Q(35)},
              {"RUS", "Russia", "", Q(90), Q(60, {"S2"})},
              {"UKR", "Україна", "", Q(70), std::nullopt}};
  Issue territory{.id = "TERRITORY", .name = "Territory", .description = "Where the line is drawn"};
  territory.anchors = {{0, "1991 borders"},
                       {50, "Freeze on the current line"},
                       {100, "Crimea + 4 oblasts recognised as Russian"}};
  territory.no_deal = Q(55, {"S1", "S2"});
  Issue sanctions{.id = "SANCTIONS", .min = 0, .max = 2};
  sanctions.options = {"kept", "phased", "lifted"};
  sanctions.anchors = {{0, "kept"}, {1, "phased"}, {2, "lifted"}};
  sanctions.no_deal = Q(0);
  s.issues = {territory, sanctions};
  s.parties = {"RUS", "UKR"};
  s.ResizeCells();
  s.At(0, 0) = Cell{Q(60), Q(50), std::nullopt, {}};
  s.At(1, 0) = Cell{Q(100, {"S2"}), Q(95), std::nullopt, {"S1"}};
  s.At(2, 0) = Cell{Q(30), Q(75.5), std::nullopt, {}};
  s.At(0, 1) = Cell{Q(1), Q(45), Q(85), {}};
  s.At(1, 1) = Cell{Q(2), Q(70), std::nullopt, {}};
  s.At(2, 1) = Cell{Q(0.5), Q(60), Q(25, {"S2"}), {}};
  return s;
}

TEST(FormatNames, NamesExtensionsAndParsing) {
  EXPECT_EQ(FormatName(ScenarioFormat::kWideCsv), "wide-csv");
  EXPECT_EQ(ParseFormatName("ktab-csv"), ScenarioFormat::kKtabCsv);
  EXPECT_EQ(ParseFormatName("yml"), ScenarioFormat::kYaml);
  EXPECT_EQ(ParseFormatName("xml"), std::nullopt);
  EXPECT_EQ(FormatFromPath("a/b.YML"), ScenarioFormat::kYaml);
  EXPECT_EQ(FormatFromPath("x.json"), ScenarioFormat::kJson);
  EXPECT_EQ(FormatFromPath("x.csv"), ScenarioFormat::kLongCsv);
  EXPECT_EQ(FormatFromPath("dir.d/file"), std::nullopt);
  EXPECT_EQ(FormatFromPath("x.txt"), std::nullopt);
}

TEST(ReadYaml, ReadsEveryField) {
  EXPECT_EQ(ReadScenario(Slurp("example.yaml"), ScenarioFormat::kYaml, "example.yaml"), Example());
}

TEST(ReadJson, ReadsTheSameScenarioAsYaml) {
  EXPECT_EQ(ReadScenario(Slurp("example.json"), ScenarioFormat::kJson, "example.json"), Example());
}

TEST(ReadYaml, RecordsWhereThingsWereWritten) {
  LocationMap where;
  ReadScenario(Slurp("example.yaml"), ScenarioFormat::kYaml, "e.yaml", where);
  auto at = [&](const char* key) {
    Location l = where.Find(key);
    return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column) + " " + l.path;
  };
  EXPECT_EQ(at("actors[1].no_deal_acceptability"), "e.yaml:20:76 actors[1].no_deal_acceptability");
  EXPECT_EQ(at("cells[1][0].position"), "e.yaml:38:54 positions[1].position");
  EXPECT_EQ(at("cells[1][0].salience"), "e.yaml:38:85 positions[1].salience");
  EXPECT_EQ(at("cells[1][0]"), "e.yaml:38:5 positions[1]");
  // Anchors are sorted by `at`; each keeps the place it was written.
  EXPECT_EQ(at("issues[0].anchors[0]"), "e.yaml:29:14 issues[0].anchors[1].at");
  EXPECT_EQ(at("issues[1].anchors[2]"), "e.yaml:33:29 issues[1].options[2]");
  EXPECT_EQ(at("parties[1]"), "e.yaml:35:16 parties[1]");
}

TEST(ReadJson, RecordsWhereThingsWereWritten) {
  LocationMap where;
  ReadScenario(Slurp("example.json"), ScenarioFormat::kJson, "e.json", where);
  Location l = where.Find("cells[2][1].capability");
  EXPECT_EQ(l.path, "positions[5].capability");
  EXPECT_GT(l.line, 100);
}

TEST(ReadLongCsv, AppliesTheCapabilityRule) {
  Scenario s = ReadScenario(Slurp("example_long.csv"), ScenarioFormat::kLongCsv, "l.csv");
  ASSERT_EQ(s.actors.size(), 4u);
  EXPECT_EQ(s.actors[0].id, "Smith, J.");
  EXPECT_EQ(s.actors[1].id, "O\"Brien");
  EXPECT_EQ(s.actors[2].id, "Zürich");
  EXPECT_EQ(s.actors[3].id, "Multi\nline");
  EXPECT_EQ(s.actors[0].name, "");
  ASSERT_EQ(s.issues.size(), 2u);
  EXPECT_EQ(s.issues[0].id, "TAX");
  EXPECT_EQ(s.issues[1].min, 0);
  EXPECT_EQ(s.issues[1].max, 100);
  // Smith: 10 on both issues -> the actor's capability, no per-issue values.
  EXPECT_EQ(s.actors[0].capability, Q(10));
  EXPECT_FALSE(s.At(0, 1).capability);
  // O"Brien: 5 on TAX (the first issue), 8 on SPEND -> 5, with SPEND overridden.
  EXPECT_EQ(s.actors[1].capability, Q(5));
  EXPECT_FALSE(s.At(1, 0).capability);
  EXPECT_EQ(s.At(1, 1).capability, Q(8));
  EXPECT_EQ(s.Capability(1, 1), 8);
  // Zürich gives only a capability: it takes part in nothing.
  EXPECT_EQ(s.actors[2].capability, Q(3));
  EXPECT_TRUE(s.At(2, 0).Empty());
  EXPECT_FALSE(s.Participates(2, 0));
  // Sources: per row, split on ';'; the scenario lists the cited ids, sorted.
  EXPECT_EQ(s.At(0, 1).sources, (std::vector<std::string>{"S2", "S1"}));
  ASSERT_EQ(s.sources.size(), 2u);
  EXPECT_EQ(s.sources[0].id, "S1");
  EXPECT_EQ(s.sources[1].id, "S2");
}

TEST(ReadLongCsv, EmptyCapabilityTakesTheActorsValue) {
  Scenario s = ReadScenario(
      "actor,issue,capability,position,salience\nA,X,,10,50\nA,Y,7,20,50\n"
      "B,X,3,90,50\nB,Y,3,80,50\n",
      ScenarioFormat::kLongCsv, "c.csv");
  EXPECT_EQ(s.actors[0].capability, Q(7));
  EXPECT_FALSE(s.At(0, 0).capability);
  EXPECT_EQ(s.Capability(0, 0), 7);
  Scenario none = ReadScenario("actor,issue,position,salience\nA,X,10,50\nB,X,20,50\n",
                               ScenarioFormat::kLongCsv, "n.csv");
  EXPECT_EQ(none.actors[1].capability, Q(0));
}

TEST(ReadCsv, BomCrlfBlankLinesAndTrailingSeparatorsAreAccepted) {
  std::string plain = Slurp("example_long.csv");
  Scenario expected = ReadScenario(plain, ScenarioFormat::kLongCsv, "l.csv");
  expected.actors[3].id = "Multi\r\nline";  // a line break inside quotes is data
  std::string crlf;
  for (char c : plain) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_EQ(
      ReadScenario("\xEF\xBB\xBF" + crlf + "\r\n,,,,,\r\n", ScenarioFormat::kLongCsv, "l.csv"),
      expected);
  std::string trailing = "actor,issue,position,salience,\nA,X,10,50,\nB,X,20,50,,\n\n";
  EXPECT_EQ(ReadScenario(trailing, ScenarioFormat::kLongCsv, "t.csv").actors.size(), 2u);
}

TEST(ReadCsv, SniffsAWideTable) {
  std::string text = Slurp("eu_emissions.csv");
  Scenario s = ReadScenario(text, ScenarioFormat::kLongCsv, "eu_emissions.csv");
  EXPECT_EQ(s, ReadScenario(text, ScenarioFormat::kWideCsv, "eu_emissions.csv"));
  ASSERT_EQ(s.actors.size(), 10u);
  ASSERT_EQ(s.issues.size(), 1u);
  EXPECT_EQ(s.issues[0].id, "issue");
  EXPECT_EQ(s.actors[3].id, "Germany");
  EXPECT_EQ(s.actors[3].capability, Q(0.16));
  EXPECT_EQ(s.At(3, 0).position, Q(4));
  EXPECT_EQ(s.At(9, 0).salience, Q(70));
  // Header names are case-insensitive, in any order, with aliases.
  Scenario alias =
      ReadScenario(" Salience ,POSITION,Clout,Stakeholder\n80,4,0.08,NL\n40,7,0.08,BE\n",
                   ScenarioFormat::kLongCsv, "a.csv");
  EXPECT_EQ(alias.actors[1].id, "BE");
  EXPECT_EQ(alias.At(1, 0).position, Q(7));
  EXPECT_EQ(alias.actors[0].capability, Q(0.08));
}

TEST(ReadScenarioFile, ReportsUnreadableFilesAndUnknownExtensions) {
  EXPECT_EQ(ErrorOf([] { ReadScenarioFile("/nonexistent/x.yaml"); }),
            "/nonexistent/x.yaml: cannot open the file: No such file or directory\n"
            "1 problem found\n");
  EXPECT_EQ(ErrorOf([] { ReadScenarioFile("notes.txt"); }),
            "notes.txt: unknown file extension; use .json, .yaml, .yml or .csv, or name the format "
            "(json, yaml, csv, wide-csv, ktab-csv)\n1 problem found\n");
  EXPECT_EQ(ErrorOf([&] { ReadScenarioFile(std::string(ENTENTE_TEST_DATA_DIR) + "/io"); }),
            std::string(ENTENTE_TEST_DATA_DIR) +
                "/io: unknown file extension; use .json, .yaml, .yml or .csv, or name the format "
                "(json, yaml, csv, wide-csv, ktab-csv)\n1 problem found\n");
  EXPECT_EQ(ErrorOf([&] {
              ReadScenarioFile(std::string(ENTENTE_TEST_DATA_DIR) + "/io/invalid",
                               ScenarioFormat::kYaml);
            }),
            std::string(ENTENTE_TEST_DATA_DIR) +
                "/io/invalid: is a directory, not a scenario file\n1 problem found\n");
  std::string path = std::string(ENTENTE_TEST_DATA_DIR) + "/io/example.yaml";
  EXPECT_EQ(ReadScenarioFile(path), Example());
}

TEST(WriteScenario, NamesWhatAFormatCannotHold) {
  EXPECT_EQ(
      ErrorOf([] { WriteScenario(Example(), ScenarioFormat::kWideCsv); }),
      "wide-csv cannot hold: scenario id, title, description, as_of, notes\n"
      "wide-csv cannot hold: actor names and descriptions (3)\n"
      "wide-csv cannot hold: actor no_deal_acceptability (2)\n"
      "wide-csv cannot hold: 2 issues (a wide CSV holds exactly one)\n"
      "wide-csv cannot hold: issue id 'TERRITORY'\n"
      "wide-csv cannot hold: name and description of issue 'TERRITORY'\n"
      "wide-csv cannot hold: anchors of issue 'TERRITORY'\n"
      "wide-csv cannot hold: no_deal of issue 'TERRITORY'\n"
      "wide-csv cannot hold: issue id 'SANCTIONS'\n"
      "wide-csv cannot hold: options of issue 'SANCTIONS'\n"
      "wide-csv cannot hold: no_deal of issue 'SANCTIONS'\n"
      "wide-csv cannot hold: parties\n"
      "wide-csv cannot hold: sources cited on single numbers (a CSV cites sources per row) (3)\n"
      "wide-csv cannot hold: the sources list (a CSV keeps only the ids its rows cite, sorted, "
      "without citations)\n"
      "14 problems found\n");
  Scenario s = ReadScenario(Slurp("example_long.csv"), ScenarioFormat::kLongCsv, "l.csv");
  s.At(0, 0).capability = Q(10);  // equal to the actor's: would read back as no override
  s.At(3, 0).capability = Q(2);   // on the actor's first issue: would become its capability
  EXPECT_EQ(ErrorOf([&] { WriteScenario(s, ScenarioFormat::kLongCsv); }),
            "csv cannot hold: per-issue capabilities equal to the actor's capability (they read "
            "back as none) (1)\n"
            "csv cannot hold: capability 1 of actor 'Multi\nline' (a CSV gives an actor's "
            "capability as its value on its first issue, 'TAX', which has its own capability 2)\n"
            "2 problems found\n");
  // Distributions (Monte Carlo inputs) have file forms that imply the point value: another
  // point value is never dropped silently (uncertain_test.cc covers the forms).
  Scenario uncertain = Example();
  uncertain.At(0, 0).salience->dist = Distribution{Distribution::Kind::kUniform, {40, 70}};
  EXPECT_EQ(ErrorOf([&] { WriteScenario(uncertain, ScenarioFormat::kYaml); }),
            "yaml cannot hold: salience of actor 'USA' on issue 'TERRITORY' (point value 50 "
            "differs from the 55 its distribution {min: 40, max: 70} implies)\n1 problem found\n");
  std::string lossy = WriteScenario(Example(), ScenarioFormat::kLongCsv, {.allow_loss = true});
  EXPECT_EQ(lossy.substr(0, lossy.find('\n')), "actor,issue,capability,position,salience,sources");
}

TEST(WriteScenario, KeepsActorAndIssueOrderWithEmptyRows) {
  Scenario s = ReadScenario(
      "actor,issue,position,salience\nA,Y,10,50\nB,X,20,50\nB,Y,30,50\n"
      "C,X,40,50\n",
      ScenarioFormat::kLongCsv, "o.csv");
  // Issue order is Y, X: actor by actor in issue order keeps it without empty rows.
  EXPECT_EQ(WriteScenario(s, ScenarioFormat::kLongCsv),
            "actor,issue,capability,position,salience\nA,Y,0,10,50\nB,Y,0,30,50\nB,X,0,20,50\n"
            "C,X,0,40,50\n");
  // A holds only Y and B only X: X must appear first, so A gets an empty X row; E holds
  // nothing, so it gets an empty row too.
  Scenario gaps = ReadScenario(
      "actor,issue,position,salience\nA,X,,\nB,X,20,50\nA,Y,10,50\n"
      "C,Y,30,50\nD,X,40,50\nE,X,,\n",
      ScenarioFormat::kLongCsv, "g.csv");
  ASSERT_TRUE(gaps.At(0, 0).Empty());
  std::string text = WriteScenario(gaps, ScenarioFormat::kLongCsv);
  EXPECT_EQ(text,
            "actor,issue,capability,position,salience\nA,X,0,,\nA,Y,0,10,50\nB,X,0,20,50\n"
            "C,Y,0,30,50\nD,X,0,40,50\nE,X,0,,\n");
  EXPECT_EQ(ReadScenario(text, ScenarioFormat::kLongCsv, "g.csv"), gaps);
  // An issue nobody holds still gets a row (the scenario is invalid, but written faithfully).
  gaps.issues.push_back(Issue{.id = "Z"});
  gaps.ResizeCells();
  EXPECT_EQ(WriteScenario(gaps, ScenarioFormat::kLongCsv), text + "E,Z,0,,\n");
}

}  // namespace
}  // namespace entente
