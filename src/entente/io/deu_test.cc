// SPDX-License-Identifier: MIT
// The DEU reader on the 46-issue DEU III sample and on small hand-written tables, and the
// backtest engine's compromise-model error checked against a hand computation from the file.
#include "entente/io/deu.h"

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "entente/analysis/backtest.h"

namespace entente {
namespace {

const std::string kSample = std::string(ENTENTE_TEST_DATA_DIR) + "/deu/deu_sample.tsv";

const OutcomeCase* FindCase(const CaseSet& set, const std::string& id) {
  for (const auto& c : set.cases) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

TEST(Deu, ReadsTheSampleAndCountsWhatItSkips) {
  DeuTable t = ReadDeuFile(kSample);
  EXPECT_EQ(t.summary.rows, 46);
  EXPECT_EQ(t.summary.cases, 44);
  EXPECT_EQ(t.summary.skipped_no_outcome, 2);  // d170245i1, d160397i3
  EXPECT_EQ(t.summary.skipped_few_actors, 0);
  EXPECT_EQ(t.summary.positions_without_salience, 22);  // d07249i1
  ASSERT_EQ(t.set.cases.size(), 44u);
  EXPECT_EQ(t.set.baseline_actor, "com");
  ASSERT_EQ(t.set.notes.size(), 2u);
  EXPECT_EQ(t.set.notes[0], "skipped 2 rows without an outcome: d170245i1, d160397i3");
  EXPECT_EQ(t.set.notes[1], "left out 22 positions without a salience");

  const OutcomeCase& first = t.set.cases[0];
  EXPECT_EQ(first.id, "d00032i4");
  EXPECT_EQ(first.origin, kSample + ":2");
  EXPECT_EQ(first.scenario.title, "documents");
  ASSERT_EQ(first.scenario.issues.size(), 1u);
  EXPECT_EQ(first.scenario.actors.size(), 17u);
  EXPECT_EQ(first.scenario.actors[0].id, "com");
  EXPECT_EQ(first.scenario.actors[0].name, "European Commission");
  EXPECT_EQ(first.scenario.At(0, 0).position->value, 100);
  EXPECT_EQ(first.scenario.At(0, 0).salience->value, 90);
  EXPECT_EQ(first.outcome[0], 50.0);
  EXPECT_EQ(first.reference_point[0], 0.0);
  EXPECT_EQ(first.scenario.issues[0].no_deal->value, 0);
  using G = std::pair<std::string, std::string>;
  EXPECT_EQ(first.groups, (std::vector<G>{{"procedure", "co-decision"}, {"voting rule", "QMV"}}));
  EXPECT_EQ(first.year, 2000);

  const OutcomeCase* blank_rp = FindCase(t.set, "d00184i1");
  ASSERT_NE(blank_rp, nullptr);
  EXPECT_FALSE(blank_rp->reference_point[0].has_value());
  EXPECT_FALSE(blank_rp->scenario.issues[0].no_deal.has_value());
  // intro "2022-09-04" is 22-09-04 with a century glued to the day; "14-09-2016" is dd-mm-yyyy.
  EXPECT_EQ(FindCase(t.set, "d04209i3")->year, 2004);
  EXPECT_EQ(FindCase(t.set, "d160280i1")->year, 2016);
  EXPECT_EQ(FindCase(t.set, "d180104i2")->year, 2018);
  EXPECT_EQ(FindCase(t.set, "n96115i2")->year, 1996);
  const OutcomeCase* cns = FindCase(t.set, "n98193i1");
  EXPECT_EQ(cns->groups,
            (std::vector<G>{{"procedure", "consultation"}, {"voting rule", "unanimity"}}));
  EXPECT_EQ(FindCase(t.set, "d07249i1")->scenario.actors.size(), 7u);
}

// The capability-free compromise model (salience-weighted mean of positions) computed by hand
// from the raw file, against the engine: the same mean absolute error to 1e-9.
TEST(Deu, CompromiseErrorMatchesAHandComputation) {
  std::ifstream in(kSample);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header;
  std::stringstream hs(line);
  for (std::string f; std::getline(hs, f, '\t');) header.push_back(f);
  double sum = 0;
  int n = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
      f.push_back(line.substr(start, tab - start));
    }
    f.push_back(line.substr(start));
    std::map<std::string, std::string> row;
    for (size_t k = 0; k < header.size(); ++k) row[header[k]] = f[k];
    if (row["out"].empty()) continue;
    double sw = 0, swx = 0;
    for (const auto& h : header) {
      if (h[0] != 'p' || !row.count("s" + h.substr(1))) continue;
      const std::string& p = row[h];
      const std::string& s = row["s" + h.substr(1)];
      if (p.empty() || s.empty()) continue;
      sw += std::stod(s);
      swx += std::stod(s) * std::stod(p);
    }
    sum += std::fabs(swx / sw - std::stod(row["out"]));
    ++n;
  }
  ASSERT_EQ(n, 44);
  const double hand_mae = sum / n;
  EXPECT_NEAR(hand_mae, 24.671, 5e-4);  // as documented in docs/backtest.md

  DeuTable t = ReadDeuFile(kSample);
  BacktestResult r = RunBacktest(t.set, BacktestOptions{.models = {"compromise"}, .seed = 1});
  ASSERT_EQ(r.issues.size(), 44u);
  ASSERT_EQ(r.forecasters.size(), 3u);
  EXPECT_EQ(r.forecasters[0].label, "compromise(weight=capability*salience)");
  EXPECT_EQ(r.forecasters[0].failed, 0u);
  EXPECT_NEAR(r.forecasters[0].summary.mean, hand_mae, 1e-9);
}

TEST(Deu, ReadsCommaSeparatedQuotedTextWithBomAndCrlf) {
  const std::string text =
      "\xEF\xBB\xBF\"isnr\",prname,proc,counvte,pa,sa,pb,sb,pc,sc,pd,sd,rp,out\r\n"
      "i1,\"a, quoted \"\"name\"\"\",COD,QMV,0,50,100,50,40,100,,,0,30\r\n"
      "\r\n"
      "i2,two,CNS,Unan,10,50,,80,20,50,,,,\r\n"
      "i3,three,SYN,Unan,10,50,20,,30,50,40,,50,45\r\n";
  DeuTable t = ReadDeu(text, "t.csv");
  EXPECT_EQ(t.summary.rows, 3);
  EXPECT_EQ(t.summary.cases, 1);
  EXPECT_EQ(t.summary.skipped_no_outcome, 1);
  EXPECT_EQ(t.summary.skipped_few_actors, 1);
  EXPECT_EQ(t.summary.positions_without_salience, 0);  // counted only in rows kept
  ASSERT_EQ(t.set.cases.size(), 1u);
  const OutcomeCase& c = t.set.cases[0];
  EXPECT_EQ(c.scenario.title, "a, quoted \"name\"");
  EXPECT_EQ(c.scenario.actors.size(), 3u);
  EXPECT_EQ(c.outcome[0], 30.0);
  EXPECT_EQ(c.origin, "t.csv:2");
  EXPECT_EQ(t.set.baseline_actor, "");
  EXPECT_EQ(t.set.notes[1],
            "skipped 1 row with fewer than 3 actors holding a position and a "
            "salience: i3 (2)");
}

TEST(Deu, ReportsEveryBadCellWithItsPlace) {
  const std::string text =
      "isnr\tpx\tsx\tpy\tsy\tpz\tsz\trp\tout\n"
      "i1\t10\t50\t120\t50\tabc\t50\t0\t30\n"
      "i2\t10\t50\t20\t50\t30\t50\t0\n"
      "i1\t10\t50\t20\t-1\t30\t50\t0\tnan\n";
  try {
    ReadDeu(text, "bad.tsv");
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()),
              "bad.tsv:2:10: row 2: py = '120': must be between 0 and 100 (blank = missing)\n"
              "bad.tsv:2:17: row 2: pz = 'abc': must be a number between 0 and 100 (blank = "
              "missing)\n"
              "bad.tsv:3:1: row 3: cells = '8': the row has 8 cells; the header has 9\n"
              "bad.tsv:4:13: row 4: sy = '-1': must be between 0 and 100 (blank = missing)\n"
              "bad.tsv:4:24: row 4: out = 'nan': must be a number between 0 and 100 (blank = "
              "missing)\n"
              "5 problems found\n");
  }
}

TEST(Deu, ReportsAMissingOutcomeColumnAndRepeatedNames) {
  try {
    ReadDeu("isnr,pa,sa,pa,rp\ni1,1,2,3,4\n", "h.csv");
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()),
              "h.csv:1:1: header: out = '': no 'out' column: a DEU table needs the recorded "
              "outcome of each issue\n"
              "h.csv:1:12: header: column = 'pa': column name repeated; each column may appear "
              "once\n"
              "2 problems found\n");
  }
  try {
    ReadDeu("isnr,x,out\ni1,1,2\n", "h.csv");
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find("no actor columns: expected pairs such as pcom/scom"),
              std::string::npos);
  }
}

TEST(Deu, RepeatedIssueIdsAreProblems) {
  const std::string text = "isnr,pa,sa,pb,sb,pc,sc,out\ni1,1,1,2,2,3,3,4\ni1,1,1,2,2,3,3,4\n";
  try {
    ReadDeu(text, "d.csv");
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()),
              "d.csv:3:1: row 3: isnr = 'i1': issue id repeated; each row needs its own isnr\n"
              "1 problem found\n");
  }
}

// Found by fuzz_deu: an issue id with a byte that is not UTF-8 was accepted and then written
// into JSON its own reader rejects. The reader now refuses such a table, naming the place.
TEST(Deu, RefusesTextThatIsNotUtf8) {
  const std::string text =
      "isnr,pa,sa,pb,sb,pc,sc,out\ni\xFF"
      "1,1,1,2,2,3,3,4\n";
  try {
    ReadDeu(text, "u.csv");
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()),
              "u.csv:2:2: byte = '\\xFF': is not valid UTF-8; save the file as UTF-8\n"
              "1 problem found\n");
  }
}

// Columns in problem locations count characters, as an editor shows them, not bytes (the
// outcome cell starts at byte 19 but character 17).
TEST(Deu, ProblemColumnsCountCharacters) {
  const std::string text = "isnr,pa,sa,pb,sb,pc,sc,out\n\xC3\xA9t\xC3\xA9,1,1,2,2,3,3,x\n";
  try {
    ReadDeu(text, "c.csv");
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find("c.csv:2:17: row 2: out = 'x'"), std::string::npos)
        << e.what();
  }
}

TEST(Deu, UnreadableFileIsAProblem) {
  EXPECT_THROW(ReadDeuFile("/nonexistent/deu.tsv"), InvalidInput);
}

}  // namespace
}  // namespace entente
