// SPDX-License-Identifier: MIT
// The `entente` binary on good input: version, help, listings, known forecasts, output
// formats, --out, colour, conversion round trips and traces.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "entente/core/version.h"
#include "entente/models/registry.h"
#include "run_binary.h"

namespace entente::testing {
namespace {

const std::string kData = ENTENTE_CLI_DATA;
const std::string kValid = kData + "/valid.json";

TEST(Cli, Version) {
  auto r = RunEntente({"--version"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, std::string("entente ") + kVersion + "\n");
}

TEST(Cli, HelpListsEveryCommandAndEachCommandHasHelp) {
  auto r = RunEntente({"--help"});
  EXPECT_EQ(r.code, 0);
  for (const char* cmd : {"run", "trace", "validate", "convert", "models", "scenarios"}) {
    EXPECT_NE(r.out.find(std::string("\n  ") + cmd + " "), std::string::npos) << cmd;
    auto sub = RunEntente({cmd, "--help"});
    EXPECT_EQ(sub.code, 0) << cmd;
    EXPECT_NE(sub.out.find(std::string("Usage: entente ") + cmd), std::string::npos) << sub.out;
  }
  auto run = RunEntente({"run", "--help"});
  for (const char* opt : {"--model", "--format", "--out", "--color", "--from", "--seed"}) {
    EXPECT_NE(run.out.find(opt), std::string::npos) << opt;
  }
  EXPECT_NE(run.out.find("scenario TEXT=ukraine-2025"), std::string::npos) << run.out;
}

TEST(Cli, ModelsListsTheRegistryInOrder) {
  auto r = RunEntente({"models"});
  EXPECT_EQ(r.code, 0);
  // Each model starts a line with its default spec (long specs wrap after a comma).
  std::string text = "\n" + r.out;
  size_t at = 0;
  for (const auto& m : BuiltinModels().models()) {
    std::string spec = BuiltinModels().Canonical(m.name);
    size_t next = text.find("\n" + spec.substr(0, spec.find(',')), at);
    ASSERT_NE(next, std::string::npos) << m.name;
    at = next + 1;
  }
  auto j = nlohmann::json::parse(RunEntente({"models", "--format", "json"}).out);
  EXPECT_EQ(j["entente_json"], 1);
  EXPECT_EQ(j["kind"], "models");
  ASSERT_EQ(j["models"].size(), BuiltinModels().models().size());
  EXPECT_EQ(j["models"][0]["name"], BuiltinModels().models()[0].name);
  EXPECT_EQ(j["models"][1]["params"][0]["name"], "weight");
}

// valid.json: weights capability x salience are a 3200 @ 10, b 3600 @ 90, c 800 @ 50.
// Median: cumulative 3200, 4000 >= 7600 / 2 at c -> 50. Mean: 396000 / 7600 = 52.105...
TEST(Cli, RunGivesKnownForecastsInEveryFormat) {
  auto csv = RunEntente({"run", kValid, "-m", "median", "-m", "compromise", "--format", "csv"});
  EXPECT_EQ(csv.code, 0) << csv.err;
  EXPECT_EQ(csv.out,
            "model,spec,issue,ok,value,label,why,extra\n"
            "median,median(weight=capability*salience),x,true,50,none,,\n"
            "compromise,compromise(weight=capability*salience),x,true,52.10526315789474,all,,\n");
  auto json = RunEntente({"run", kValid, "-m", "median", "-m", "compromise", "-f", "json"});
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["entente_json"], 1);
  EXPECT_EQ(j["kind"], "run");
  EXPECT_EQ(j["version"], kVersion);
  EXPECT_EQ(j["scenario"]["id"], "cli-valid");
  EXPECT_EQ(j["models"][0]["forecasts"][0]["value"], 50.0);
  EXPECT_NEAR(j["models"][1]["forecasts"][0]["value"].get<double>(), 396000.0 / 7600, 1e-12);
  auto table = RunEntente({"run", kValid, "-m", "median"});
  EXPECT_NE(table.out.find("\n  median  50.0  none\n"), std::string::npos) << table.out;
  EXPECT_TRUE(table.out.ends_with(std::string("\nentente ") + kVersion + "\ninput " +
                                  j["scenario"]["hash"].get<std::string>() + "\n"));
}

TEST(Cli, RunWithoutModelsUsesEveryRegisteredModel) {
  auto j = nlohmann::json::parse(RunEntente({"run", kValid, "-f", "json"}).out);
  ASSERT_EQ(j["models"].size(), BuiltinModels().models().size());
  for (size_t m = 0; m < j["models"].size(); ++m) {
    EXPECT_EQ(j["models"][m]["spec"], BuiltinModels().Canonical(BuiltinModels().models()[m].name));
  }
}

TEST(Cli, OutWritesTheSameBytesAsStdout) {
  TempDir tmp;
  auto to_stdout = RunEntente({"run", kValid, "-f", "json"});
  auto to_file = RunEntente({"run", kValid, "-f", "json", "--out", tmp.Path("r.json")});
  EXPECT_EQ(to_file.code, 0);
  EXPECT_EQ(to_file.out, "");
  EXPECT_EQ(ReadFile(tmp.Path("r.json")), to_stdout.out);
}

TEST(Cli, ColourOnlyWhenAskedOrOnATerminal) {
  auto always = RunEntente({"run", kValid, "-m", "median", "--color", "always"});
  EXPECT_NE(always.out.find("\x1b[1m"), std::string::npos);
  auto never = RunEntente({"run", kValid, "-m", "median", "--color", "never"});
  EXPECT_EQ(never.out.find('\x1b'), std::string::npos);
  auto piped = RunEntente({"run", kValid, "-m", "median"});  // stdout is a file: no colour
  EXPECT_EQ(piped.out, never.out);
  auto json = RunEntente({"run", kValid, "-m", "median", "-f", "json", "--color", "always"});
  EXPECT_EQ(json.out.find('\x1b'), std::string::npos);
}

TEST(Cli, AutoColourOnATerminalUnlessNoColorIsSet) {
  auto tty = RunEntenteOnTerminal({"run", kValid, "-m", "median"});
  EXPECT_EQ(tty.code, 0) << tty.err;
  EXPECT_NE(tty.out.find("\x1b[1m"), std::string::npos) << tty.out;
  auto no_color = RunEntenteOnTerminal({"run", kValid, "-m", "median"}, {"NO_COLOR=1"});
  EXPECT_EQ(no_color.code, 0);
  EXPECT_FALSE(no_color.out.empty());
  EXPECT_EQ(no_color.out.find('\x1b'), std::string::npos) << no_color.out;
  auto always =
      RunEntenteOnTerminal({"run", kValid, "-m", "median", "--color", "always"}, {"NO_COLOR=1"});
  EXPECT_NE(always.out.find("\x1b[1m"), std::string::npos);
}

// Columns of a UTF-8 line (code points; the reports use no wide characters).
size_t Columns(const std::string& line) {
  size_t n = 0;
  for (unsigned char c : line) n += (c & 0xC0) != 0x80;
  return n;
}

TEST(Cli, TextOutputFitsEightyColumns) {
  const std::vector<std::vector<std::string>> commands = {
      {"run"},
      {"run", "bdm1994-eu-emissions"},
      {"models"},
      {"scenarios"},
      {"trace", "ukraine-2025", "-m", "smp"},
      {"trace", "bdm1994-eu-emissions", "-m", "eum"}};
  for (const auto& args : commands) {
    auto r = RunEntente(args);
    ASSERT_EQ(r.code, 0) << args[0] << ": " << r.err;
    size_t start = 0;
    while (start < r.out.size()) {
      size_t end = r.out.find('\n', start);
      std::string line = r.out.substr(start, end - start);
      EXPECT_LE(Columns(line), 80u) << ::testing::PrintToString(args) << "\n" << line;
      start = end + 1;
    }
  }
}

std::string HashOf(const std::string& path) {
  auto r = RunEntente({"run", path, "-m", "median", "-f", "json"});
  EXPECT_EQ(r.code, 0) << r.err;
  return nlohmann::json::parse(r.out)["scenario"]["hash"];
}

TEST(Cli, ConvertRoundTripsThroughEveryFormat) {
  TempDir tmp;
  std::string yaml = tmp.Path("s.yaml"), json = tmp.Path("s.json"), csv = tmp.Path("s.csv");
  EXPECT_EQ(RunEntente({"convert", kValid, yaml}).code, 0);
  EXPECT_EQ(RunEntente({"convert", yaml, json}).code, 0);
  EXPECT_EQ(HashOf(yaml), HashOf(kValid));  // nothing lost: same canonical scenario
  EXPECT_EQ(HashOf(json), HashOf(kValid));
  // The long CSV holds actors, issues and cells only: the conversion is refused, naming what
  // would be lost, unless --lossy; the forecasts survive it.
  auto refused = RunEntente({"convert", json, csv});
  EXPECT_EQ(refused.code, 2);
  EXPECT_NE(refused.err.find("error: csv cannot hold: anchors of issue 'x'\n"), std::string::npos)
      << refused.err;
  EXPECT_FALSE(FileExists(csv));
  auto to_csv = RunEntente({"convert", json, csv, "--lossy"});
  EXPECT_EQ(to_csv.code, 0) << to_csv.err;
  auto a = nlohmann::json::parse(
      RunEntente({"run", kValid, "-m", "median", "-m", "compromise", "-f", "json"}).out);
  auto b = nlohmann::json::parse(
      RunEntente({"run", csv, "-m", "median", "-m", "compromise", "-f", "json"}).out);
  for (int m = 0; m < 2; ++m) {
    EXPECT_EQ(a["models"][m]["forecasts"][0]["value"], b["models"][m]["forecasts"][0]["value"]);
  }
  auto to_stdout = RunEntente({"convert", kValid, "-", "--to", "yaml"});
  EXPECT_EQ(to_stdout.code, 0);
  EXPECT_EQ(to_stdout.out, ReadFile(yaml));
  auto unknown = RunEntente({"convert", kValid, tmp.Path("s.xyz")});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_FALSE(FileExists(tmp.Path("s.xyz")));
}

TEST(Cli, ScenariosListShowAndExport) {
  auto list = RunEntente({"scenarios"});
  EXPECT_EQ(list.code, 0);
  EXPECT_TRUE(list.out.starts_with("ukraine-2025  ")) << list.out;
  EXPECT_NE(list.out.find("\nbdm1994-eu-emissions  "), std::string::npos);
  EXPECT_EQ(RunEntente({"scenarios", "list"}).out, list.out);
  auto j = nlohmann::json::parse(RunEntente({"scenarios", "list", "-f", "json"}).out);
  EXPECT_EQ(j["kind"], "scenarios");
  EXPECT_EQ(j["scenarios"][1]["name"], "bdm1994-eu-emissions");
  auto show = RunEntente({"scenarios", "show", "bdm1994-eu-emissions"});
  EXPECT_EQ(show.code, 0);
  EXPECT_NE(show.out.find("\nid: bdm1994-eu-emissions\n"), std::string::npos);
  TempDir tmp;
  EXPECT_EQ(RunEntente({"scenarios", "export", "bdm1994-eu-emissions", tmp.Path("b.yaml")}).code,
            0);
  EXPECT_EQ(ReadFile(tmp.Path("b.yaml")), show.out);
  EXPECT_EQ(RunEntente({"scenarios", "export", "bdm1994-eu-emissions", tmp.Path("b.json")}).code,
            0);
  EXPECT_EQ(HashOf(tmp.Path("b.json")), HashOf("bdm1994-eu-emissions"));
  auto bad = RunEntente({"scenarios", "show", "nope"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(bad.err,
            "error: scenario = 'nope': not a built-in scenario; built-in scenarios: "
            "ukraine-2025, bdm1994-eu-emissions\n1 problem found\n");
}

// BDM 1994, first round of the expected-utility model: Belgium moves from 7 toward France
// (Scholz et al. 2011 report the round-1 median 8.4).
TEST(Cli, TraceShowsTheRoundsAndTheMovesInWords) {
  auto r = RunEntente({"trace", "bdm1994-eu-emissions", "-m", "eum"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("== trace 1/1: emissions ==")) << r.out;
  EXPECT_NE(r.out.find("\n  round 1: Belgium compromises toward France, 7.00 -> 8.42\n"),
            std::string::npos)
      << r.out;
  auto j = nlohmann::json::parse(RunEntente({"trace", "bdm1994-eu-emissions", "-m", "eum",
                                             "--issue", "emissions", "-f", "json"})
                                     .out);
  EXPECT_EQ(j["kind"], "trace");
  EXPECT_EQ(j["traces"][0]["dims"][0], "emissions");
  EXPECT_EQ(j["traces"][0]["rounds"][0]["stats"]["median"], 7.0);
  auto run = nlohmann::json::parse(
      RunEntente({"run", "bdm1994-eu-emissions", "-m", "eum", "-f", "json", "--traces"}).out);
  EXPECT_EQ(run["models"][0]["traces"][0], j["traces"][0]);
  auto csv = RunEntente({"trace", "bdm1994-eu-emissions", "-m", "eum", "-f", "csv"});
  EXPECT_TRUE(
      csv.out.starts_with("trace,round,record,name,actor,counterpart,dim,from,to,value\n"
                          "1,0,stat,median,,,,,,7\n"))
      << csv.out.substr(0, 200);
}

}  // namespace
}  // namespace entente::testing
