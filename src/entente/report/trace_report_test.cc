// SPDX-License-Identifier: MIT
#include "entente/report/trace_report.h"

#include <gtest/gtest.h>

#include "entente/models/test_scenarios.h"
#include "entente/report/text.h"

namespace entente {
namespace {

// Two rounds of a made-up expected-utility run on the BDM 1994 case (scale 4..10).
Trace HandMadeTrace() {
  Trace t;
  t.dims = {"emissions"};
  t.actors = {"Belgium", "France", "Denmark"};
  t.stopped_by = "rounds: reached 1 round";
  Trace::Round r0{0, {{7}, {10}, {4}}, {{"median", 7}, {"mean", 7.2}}, {{"r", {0.5, -1, 1}}}, {}};
  Trace::Round r1{1, {{8.42}, {10}, {4}}, {{"median", 8.42}, {"mean", 7.5}}, {}, {}};
  r1.events = {TraceEvent{1, "Belgium", "France", "compromise", {7}, {8.42}, 0},
               TraceEvent{1, "Denmark", "France", "challenge", {}, {}, 0.0123},
               TraceEvent{1, "France", "Denmark", "confrontation", {10}, {4}, 0},
               TraceEvent{1, "Denmark", "Belgium", "capitulation", {4}, {7}, 0}};
  t.rounds = {r0, r1};
  return t;
}

TEST(DescribeEvent, VerbsPerKind) {
  Scenario s = testing::Bdm1994();
  auto t = HandMadeTrace();
  const auto& ev = t.rounds[1].events;
  EXPECT_EQ(DescribeEvent(ev[0], s, 2), "Belgium compromises toward France, 7.00 -> 8.42");
  EXPECT_EQ(DescribeEvent(ev[1], s, 2), "Denmark challenges France (gain 0.0123)");
  EXPECT_EQ(DescribeEvent(ev[2], s, 2), "France confronts Denmark, 10.00 -> 4.00");
  EXPECT_EQ(DescribeEvent(ev[3], s, 2), "Denmark capitulates to Belgium, 4.00 -> 7.00");
  TraceEvent multi{2, "Belgium", "UK", "compromise", {1, 2}, {1.5, 2.25}, 0};
  EXPECT_EQ(DescribeEvent(multi, s, 2),
            "Belgium compromises toward UK, (1.00, 2.00) -> "
            "(1.50, 2.25)");
  TraceEvent other{3, "Belgium", "", "stays", {}, {}, 0};
  EXPECT_EQ(DescribeEvent(other, s, 2), "Belgium: stays");
}

TEST(DescribeEvent, UsesScenarioNamesForIds) {
  Scenario s = testing::Bdm1994();
  s.actors[1].name = "Kingdom of Belgium";
  TraceEvent e{1, "Belgium", "France", "compromise", {7}, {8}, 0};
  EXPECT_EQ(DescribeEvent(e, s, 1), "Kingdom of Belgium compromises toward France, 7.0 -> 8.0");
}

TEST(RenderTraceText, TableThenMoves) {
  std::string text =
      RenderTraceText(testing::Bdm1994(), "eum(rounds=1)", {HandMadeTrace()}, ReportOptions{});
  EXPECT_EQ(text,
            "== trace 1/1: emissions ========================================================\n"
            "model: eum(rounds=1)\n"
            "3 actors, 2 rounds\n"
            "stopped: rounds: reached 1 round\n"
            "\n"
            "                     positions                 r\n"
            "round  median  mean  Belgium  France  Denmark  Belgium  France  Denmark\n"
            "0        7.00  7.20     7.00   10.00     4.00    0.500  -1.000    1.000\n"
            "1        8.42  7.50     8.42   10.00     4.00\n"
            "\n"
            "moves:\n"
            "  round 1: Belgium compromises toward France, 7.00 -> 8.42\n"
            "  round 1: Denmark challenges France (gain 0.0123)\n"
            "  round 1: France confronts Denmark, 10.00 -> 4.00\n"
            "  round 1: Denmark capitulates to Belgium, 4.00 -> 7.00\n");
}

TEST(RenderTraceText, ManyActorsAndDimensionsStayWithinTheWidth) {
  Scenario s = testing::Random(7, 10, 3);
  Trace t;
  t.dims = {"I0", "I1", "I2"};
  for (const auto& a : s.actors) t.actors.push_back(a.id);
  for (int r = 0; r < 4; ++r) {
    Trace::Round round;
    round.round = r;
    round.positions.assign(t.actors.size(), std::vector<double>{12.5, 50, 99.25});
    round.stats = {{"median", 50}};
    round.events = {TraceEvent{r, "A1", "A2", "compromise", {1, 2, 3}, {4, 5, 6}, 0}};
    t.rounds.push_back(round);
  }
  std::string text = RenderTraceText(s, "smp", {t}, ReportOptions{});
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    std::string line = text.substr(start, end - start);
    EXPECT_LE(report::DisplayWidth(line), 80) << line;
    start = end + 1;
  }
  // 10 actors x 6 columns fit one block per issue: each group starts its own block.
  EXPECT_NE(text.find("\n               positions on I0\nround  median"), std::string::npos);
  EXPECT_NE(text.find("\n\n       positions on I1\nround    A0"), std::string::npos);
  EXPECT_NE(text.find("\n\n       positions on I2\nround    A0"), std::string::npos);
  EXPECT_NE(text.find("== trace 1/1: 3 issues ==="), std::string::npos);
  EXPECT_NE(text.find("\nissues: I0, I1, I2\n"), std::string::npos);
  EXPECT_NE(text.find("round 3: A1 compromises toward A2, (1.00, 2.00, 3.00) -> (4.00, 5.00, "
                      "6.00)"),
            std::string::npos);
}

TEST(TraceCsv, LongFormRows) {
  Trace t = HandMadeTrace();
  t.rounds.resize(1);
  t.rounds[0].events = {HandMadeTrace().rounds[1].events[0], HandMadeTrace().rounds[1].events[1]};
  EXPECT_EQ(TraceCsv({t}),
            "trace,round,record,name,actor,counterpart,dim,from,to,value\n"
            "1,0,stat,median,,,,,,7\n"
            "1,0,stat,mean,,,,,,7.2\n"
            "1,0,position,,Belgium,,emissions,,,7\n"
            "1,0,position,,France,,emissions,,,10\n"
            "1,0,position,,Denmark,,emissions,,,4\n"
            "1,0,actor_stat,r,Belgium,,,,,0.5\n"
            "1,0,actor_stat,r,France,,,,,-1\n"
            "1,0,actor_stat,r,Denmark,,,,,1\n"
            "1,1,event,compromise,Belgium,France,emissions,7,8.42,0\n"
            "1,1,event,challenge,Denmark,France,,,,0.0123\n");
}

TEST(TraceJson, DocumentShape) {
  ModelResult r{"eum(rounds=1)", "eum", {}, {HandMadeTrace()}};
  auto j = TraceDocumentJson(testing::Bdm1994(), r, r.traces, ReportOptions{});
  EXPECT_EQ(j["entente_json"], 1);
  EXPECT_EQ(j["kind"], "trace");
  EXPECT_EQ(j["spec"], "eum(rounds=1)");
  const auto& t = j["traces"][0];
  EXPECT_EQ(t["dims"][0], "emissions");
  EXPECT_EQ(t["rounds"][1]["positions"][0][0], 8.42);
  EXPECT_EQ(t["rounds"][0]["stats"]["mean"], 7.2);
  EXPECT_EQ(t["rounds"][0]["actor_stats"]["r"][1], -1);
  EXPECT_EQ(t["rounds"][1]["events"][1]["kind"], "challenge");
  EXPECT_EQ(t["rounds"][1]["events"][1]["value"], 0.0123);
}

}  // namespace
}  // namespace entente
