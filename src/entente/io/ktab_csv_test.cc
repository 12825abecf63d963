// SPDX-License-Identifier: MIT
// KTAB's CSV input format: reading KTAB's own files, the quirks real files have, every limit as
// a located problem, and writing back to an equal scenario.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "entente/core/errors.h"
#include "entente/io/ktab_csv.h"

namespace entente {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  EXPECT_TRUE(f.good()) << path;
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string Data(const std::string& name) {
  return Slurp(std::string(ENTENTE_TEST_DATA_DIR) + "/ktab/" + name);
}

std::string Problems(std::string_view text) {
  try {
    ReadKtabCsv(text, "t.csv");
  } catch (const InvalidInput& e) {
    return e.what();
  }
  return "no problem";
}

TEST(KtabCsv, ReadsKtabsDummyData) {
  const Scenario s = ReadKtabCsv(Data("dummyData_3Dim.csv"), "dummyData_3Dim.csv");
  EXPECT_EQ(s.id, "DummyData_3Dim");
  EXPECT_EQ(s.title, "DummyData_3Dim");
  EXPECT_EQ(s.description, "Dummy scenario to test reading format");
  ASSERT_EQ(s.issues.size(), 3u);
  EXPECT_EQ(s.issues[0].id, "Pstn1");
  EXPECT_EQ(s.issues[2].id, "Pstn3");
  EXPECT_EQ(s.issues[1].min, 0);
  EXPECT_EQ(s.issues[1].max, 100);
  ASSERT_EQ(s.actors.size(), 7u);
  EXPECT_EQ(s.actors[0].id, "SActor-00");
  EXPECT_EQ(s.actors[0].description, "Random Spatial Actor");
  EXPECT_EQ(s.actors[0].capability.value, 102.543);
  EXPECT_EQ(s.At(0, 1).position->value, 6.37);
  EXPECT_EQ(s.At(0, 1).salience->value, 5.91);
  EXPECT_EQ(s.At(6, 2).position->value, 90.36);
  EXPECT_EQ(s.At(6, 2).salience->value, 26.03);
}

TEST(KtabCsv, ReadsSoeWithSemicolonsAndSpaces) {
  const Scenario s = ReadKtabCsv(Data("SOE-Pol-Comp.csv"), "SOE-Pol-Comp.csv");
  EXPECT_EQ(s.id, "China Policy/Competitive; scen 2");
  EXPECT_EQ(s.description, "Scenario-0002;Combined Policy and Competitive");
  ASSERT_EQ(s.issues.size(), 2u);
  EXPECT_EQ(s.issues[0].id, "Policy Position");
  EXPECT_EQ(s.issues[1].id, "Competitive Position");
  ASSERT_EQ(s.actors.size(), 13u);
  EXPECT_EQ(s.actors[4].id, "LH");
  EXPECT_EQ(s.actors[4].description, "Liu He - Deputy Director of DRC");
  EXPECT_EQ(s.actors[12].capability.value, 40.0);
  EXPECT_EQ(s.At(12, 1).position->value, 60);
  EXPECT_EQ(s.At(12, 1).salience->value, 46);
}

TEST(KtabCsv, QuotesCrlfBlankLinesAndBom) {
  const std::string text =
      "\xEF\xBB\xBF\"Name, with comma\",\"say \"\"hi\"\"\", 3 , 1 ,,\r\n"
      "Actor,Desc,Cap,\"Dim, one\",Sal,\r\n"
      "\r\n"
      "  \"A, Inc\" , x , 10 , 20 , 30 ,\r\n"
      "B,y,+5,40,50\r\n"
      "C,z,1e1,60,70\r\n\r\n";
  const Scenario s = ReadKtabCsv(text, "q.csv");
  EXPECT_EQ(s.id, "Name, with comma");
  EXPECT_EQ(s.description, "say \"hi\"");
  ASSERT_EQ(s.issues.size(), 1u);
  EXPECT_EQ(s.issues[0].id, "Dim, one");
  ASSERT_EQ(s.actors.size(), 3u);
  EXPECT_EQ(s.actors[0].id, "A, Inc");
  EXPECT_EQ(s.actors[0].description, "x");
  EXPECT_EQ(s.actors[1].capability.value, 5);
  EXPECT_EQ(s.actors[2].capability.value, 10);
  EXPECT_EQ(s.At(2, 0).salience->value, 70);
}

TEST(KtabCsv, EveryLimitIsALocatedProblem) {
  const std::string text =
      "Bad,\"desc, with comma\",2,2,\n"
      "Actor,Description,Power,P1,S1,P2,S2\n"
      "A,one,2e8,50,60,50,50\n"
      "B,two,abc,120,10,50,-5\n"
      "C,three,1,50,10\n";
  EXPECT_EQ(Problems(text),
            "t.csv:1:24: first line: numActors = '2': must be between 3 and 250 (KTAB's limits)\n"
            "t.csv:1:24: first line: numActors = '2': the first line says 2 actors but the file "
            "has 3 actor rows\n"
            "t.csv:3:1: actor 'A' saliences: salience = '110': the actor's saliences sum to more "
            "than 100; KTAB allows at most 100 in total\n"
            "t.csv:3:7: actor 'A' capability: capability = '2e8': must be between 0 and 1e8 "
            "(KTAB's limit)\n"
            "t.csv:4:7: actor 'B' capability: capability = 'abc': must be a number\n"
            "t.csv:4:11: actor 'B' position on 'P1': position = '120': must be between 0 and 100\n"
            "t.csv:4:21: actor 'B' salience on 'P2': salience = '-5': must be between 0 and 100\n"
            "t.csv:5: actor 'C': fields = '5': an actor row needs 7 fields (actor, description, "
            "capability, then position and salience for each of the 2 dimensions)\n"
            "8 problems found\n");
}

TEST(KtabCsv, HeaderProblems) {
  EXPECT_EQ(Problems("only one line\n"),
            "t.csv:1: file: file = '': a KTAB CSV needs a first line (name, description, "
            "numActors, numDims), a line of dimension names and one row per actor\n"
            "1 problem found\n");
  EXPECT_EQ(Problems("S,d,3,x\nA,B,C,D1,S1\nA,a,1,1,1\nB,b,1,2,2\nC,c,1,3,3\n"),
            "t.csv:1:7: first line: numDims = 'x': must be a whole number\n1 problem found\n");
  EXPECT_EQ(Problems("S,d,3,0\nA,B,C,D1,S1\nA,a,1,1,1\nB,b,1,2,2\nC,c,1,3,3\n"),
            "t.csv:1:7: first line: numDims = '0': must be at least 1\n1 problem found\n");
  EXPECT_EQ(Problems("S,d,3,2\nA,B,C,D1,S1\nA,a,1,1,1\nB,b,1,2,2\nC,c,1,3,3\n"),
            "t.csv:2: dimension names: numDims = '2': the first line says 2 dimensions but line "
            "2 names 1\n"
            "t.csv:3: actor 'A': fields = '5': an actor row needs 7 fields (actor, description, "
            "capability, then position and salience for each of the 2 dimensions)\n"
            "t.csv:4: actor 'B': fields = '5': an actor row needs 7 fields (actor, description, "
            "capability, then position and salience for each of the 2 dimensions)\n"
            "t.csv:5: actor 'C': fields = '5': an actor row needs 7 fields (actor, description, "
            "capability, then position and salience for each of the 2 dimensions)\n"
            "4 problems found\n");
}

TEST(KtabCsv, UnterminatedQuoteAndDuplicateNames) {
  EXPECT_EQ(Problems("S,d,3,1\nA,B,C,D1,S1\n\"A,a,1,1,1\nA,b,1,2,2\nA,c,1,3,3\n"),
            "t.csv:3: actor 'A,a,1,1,1': fields = '1': an actor row needs 5 fields (actor, "
            "description, capability, then position and salience for each of the 1 dimensions)\n"
            "t.csv:3:1: quoted field: quote = '\"A,a,1,1,1': unterminated quote: a quoted field "
            "must end with \"\n"
            "t.csv:5:1: actor name: id = 'A': duplicate actor id; ids must be unique\n"
            "3 problems found\n");
}

TEST(KtabCsv, WritesWhatReadsBackEqual) {
  for (const char* name : {"dummyData_3Dim.csv", "SOE-Pol-Comp.csv"}) {
    const Scenario s = ReadKtabCsv(Data(name), name);
    const std::string text = WriteKtabCsv(s);
    EXPECT_EQ(ReadKtabCsv(text, "written"), s) << text;
    EXPECT_EQ(WriteKtabCsv(ReadKtabCsv(text, "written")), text);
  }
  Scenario q = ReadKtabCsv(
      "\"a, \"\"b\"\"\",d,3,1\nA,D,C,\" X \",S\nA,a,1,1,1\nB,b,1,2,2\nC,c,1,3,3\n", "q");
  EXPECT_EQ(ReadKtabCsv(WriteKtabCsv(q), "q"), q);
}

TEST(KtabCsv, WriterNamesWhatKtabCannotHold) {
  Scenario s = ReadKtabCsv(Data("dummyData_3Dim.csv"), "d");
  s.issues[1].max = 10;
  s.At(2, 0).salience.reset();
  s.At(3, 2).capability = Quantity{4, {}};
  try {
    WriteKtabCsv(s);
    FAIL() << "wrote an unwritable scenario";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()),
              "issue 'Pstn2': scale = '[0, 10]': cannot be written as KTAB CSV: KTAB positions "
              "are on 0-100; rescale the issue first\n"
              "actor 'SActor-02' on issue 'Pstn1': salience = '': cannot be written as KTAB CSV: "
              "KTAB needs every cell\n"
              "actor 'SActor-03' on issue 'Pstn3': capability = '': cannot be written as KTAB "
              "CSV: KTAB has no per-issue capability\n"
              "3 problems found\n");
  }
}

}  // namespace
}  // namespace entente
