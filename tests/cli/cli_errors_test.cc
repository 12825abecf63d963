// SPDX-License-Identifier: MIT
// The `entente` binary on bad input: exit code 2, every problem on stderr exactly as the user
// sees it, nothing on stdout, and no --out file written.
#include <fstream>

#include <gtest/gtest.h>

#include "entente/models/registry.h"
#include "run_binary.h"

namespace entente::testing {
namespace {

const std::string kData = ENTENTE_CLI_DATA;

struct BadInput {
  const char* file;
  const char* expected_err;  // after "<data dir>/" is removed from it
};

// One file per kind of mistake; the messages are the ones the user reads.
const BadInput kBadInputs[] = {
    {"unknown_ids.json",
     "error: unknown_ids.json:23:5: issues[0]: issue = 'x': has 1 participating actor; an issue "
     "needs at least 2 actors with a position and a salience\n"
     "error: unknown_ids.json:50:16: positions[1].actor: actor = 'z': unknown actor id; known "
     "actors: a, b, c\n"
     "error: unknown_ids.json:57:16: positions[2].issue: issue = 'q': unknown issue id; known "
     "issues: x\n"
     "3 problems found\n"},
    {"duplicate_ids.json",
     "error: duplicate_ids.json:17:13: actors[2].id: id = 'a': duplicate actor id; ids must be "
     "unique\n"
     "error: duplicate_ids.json:56:16: positions[2].actor: actor = 'c': unknown actor id; known "
     "actors: a, b\n"
     "2 problems found\n"},
    {"salience_range.json",
     "error: salience_range.json:47:19: positions[0].salience: salience = '120': must be between "
     "0 and 100\n"
     "1 problem found\n"},
    {"capability_negative.json",
     "error: capability_negative.json:14:21: actors[1].capability: capability = '-5': must be a "
     "finite number >= 0\n"
     "1 problem found\n"},
    {"capability_nan.csv",
     "error: capability_nan.csv:3:5: row 3: capability = 'nan': must be a number (e.g. 60, -0.5 "
     "or 1e3)\n"
     "1 problem found\n"},
    {"capability_nan.yaml",
     "error: capability_nan.yaml:4:25: actors[1].capability: capability = '.nan': must be a "
     "finite number\n"
     "1 problem found\n"},
    {"empty_number.csv",
     "error: empty_number.csv:3:1: row 3: salience = '': actor 'b' has a position on issue 'x' "
     "but no salience\n"
     "1 problem found\n"},
    {"one_actor.json",
     "error: one_actor.json:23:5: issues[0]: issue = 'x': has 1 participating actor; an issue "
     "needs at least 2 actors with a position and a salience\n"
     "1 problem found\n"},
    {"anchor_outside.json",
     "error: anchor_outside.json:36:17: issues[0].anchors[1].at: anchor = '150': must be between "
     "0 and 100\n"
     "1 problem found\n"},
    {"unknown_party.json",
     "error: unknown_party.json:64:5: parties[1]: parties = 'z': names an unknown actor; parties "
     "must be actor ids\n"
     "1 problem found\n"},
    {"malformed_row.csv",
     "error: malformed_row.csv:3:8: row 3: the row has 4 fields but the header names 5 columns\n"
     "1 problem found\n"},
    {"invalid_utf8.csv",
     "error: invalid_utf8.csv:3:2: byte = '\\xFF': is not valid UTF-8; save the file as UTF-8\n"
     "1 problem found\n"},
};

void PrintTo(const BadInput& b, std::ostream* os) { *os << b.file; }

std::string StripDataDir(std::string s) {
  const std::string prefix = kData + "/";
  for (size_t at; (at = s.find(prefix)) != std::string::npos;) s.erase(at, prefix.size());
  return s;
}

class BadInputTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(BadInputTest, ValidateListsEveryProblemAndExits2) {
  auto r = RunEntente({"validate", kData + "/" + GetParam().file});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(StripDataDir(r.err), GetParam().expected_err);
}

TEST_P(BadInputTest, RunWritesNothingToOut) {
  TempDir tmp;
  std::string out = tmp.Path("report.txt");
  auto r = RunEntente({"run", kData + "/" + GetParam().file, "--out", out});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(StripDataDir(r.err), GetParam().expected_err);
  EXPECT_FALSE(FileExists(out));
}

INSTANTIATE_TEST_SUITE_P(Files, BadInputTest, ::testing::ValuesIn(kBadInputs),
                         [](const auto& param_info) {
                           std::string name = param_info.param.file;
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(Cli, InvalidInputLeavesAnExistingOutFileAlone) {
  TempDir tmp;
  std::string out = tmp.Path("report.txt");
  { std::ofstream(out) << "previous report\n"; }
  auto r = RunEntente({"run", kData + "/salience_range.json", "--out", out});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(ReadFile(out), "previous report\n");
}

std::string KnownModels() {
  std::string names;
  for (const auto& m : BuiltinModels().models()) names += (names.empty() ? "" : ", ") + m.name;
  return names;
}

TEST(Cli, UnknownModelListsTheKnownOnes) {
  auto r = RunEntente({"run", kData + "/valid.json", "--model", "foo"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "error: model spec: model = 'foo': unknown model; known models: " +
                       KnownModels() + "\n1 problem found\n");
}

TEST(Cli, UnknownParameterListsTheValidOnes) {
  auto r = RunEntente({"run", kData + "/valid.json", "-m", "median(wieght=salience)"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "error: model spec 'median(wieght=salience)': wieght = 'salience': unknown parameter; "
            "valid parameters of 'median': weight\n1 problem found\n");
}

TEST(Cli, EveryBadSpecIsReportedAtOnce) {
  auto r = RunEntente({"run", kData + "/valid.json", "-m", "median(wieght=salience)", "-m", "foo",
                       "-m", "compromise(weight=votes)"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("wieght = 'salience'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("model = 'foo'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("weight = 'votes': must be one of"), std::string::npos) << r.err;
  EXPECT_TRUE(r.err.ends_with("\n3 problems found\n")) << r.err;
}

TEST(Cli, UnknownScenarioNameListsTheBuiltIns) {
  auto r = RunEntente({"run", "no-such-scenario"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "error: scenario = 'no-such-scenario': no such file, and not a built-in scenario; "
            "built-in scenarios: ukraine-2025, bdm1994-eu-emissions\n1 problem found\n");
}

TEST(Cli, UsageErrorsExit2) {
  auto none = RunEntente({});
  EXPECT_EQ(none.code, 2);
  EXPECT_EQ(none.err, "A subcommand is required\nRun with --help for more information.\n");
  auto bogus = RunEntente({"run", "--bogus"});
  EXPECT_EQ(bogus.code, 2);
  EXPECT_EQ(bogus.err,
            "The following argument was not expected: --bogus\nRun with --help for more "
            "information.\n");
  auto format = RunEntente({"run", "--format", "xml"});
  EXPECT_EQ(format.code, 2);
  EXPECT_EQ(format.err,
            "--format: xml not in {table,json,csv}\nRun with --help for more "
            "information.\n");
  auto from = RunEntente({"validate", kData + "/valid.json", "--from", "xml"});
  EXPECT_EQ(from.code, 2);
  EXPECT_EQ(from.err,
            "error: --from = 'xml': unknown format; formats: json, yaml, csv, "
            "wide-csv, ktab-csv\n1 problem found\n");
  auto trace = RunEntente({"trace", "bdm1994-eu-emissions"});
  EXPECT_EQ(trace.code, 2);
  EXPECT_EQ(trace.err, "--model is required\nRun with --help for more information.\n");
}

TEST(Cli, StdinNeedsAFormat) {
  auto r = RunEntente({"validate", "-"}, kData + "/valid.json");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "error: scenario = '-': reading standard input needs --from FORMAT\n"
            "1 problem found\n");
  auto ok = RunEntente({"validate", "-", "--from", "json"}, kData + "/valid.json");
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_EQ(ok.out, "-: ok: 3 actors, 1 issue, 3 positions, 0 sources\n");
}

TEST(Cli, UnwritableOutIsAnEnvironmentErrorExit1) {
  auto r = RunEntente({"run", kData + "/valid.json", "--out", "/nonexistent-dir/report.txt"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(r.err.starts_with("entente: error: cannot write '/nonexistent-dir/report.txt'"))
      << r.err;
}

TEST(Cli, TraceOfAStaticModelOrUnknownIssueIsAnInputError) {
  auto r = RunEntente({"trace", kData + "/valid.json", "-m", "median"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "error: --model = 'median': this model records no trace (only dynamic models "
            "do)\n1 problem found\n");
  auto issue = RunEntente({"trace", kData + "/valid.json", "-m", "eum", "--issue", "q"});
  EXPECT_EQ(issue.code, 2);
  EXPECT_EQ(issue.err, "error: --issue = 'q': unknown issue; issues: x\n1 problem found\n");
}

}  // namespace
}  // namespace entente::testing
