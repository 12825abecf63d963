// SPDX-License-Identifier: MIT
#include "entente/io/capability_file.h"

#include <gtest/gtest.h>

namespace entente {
namespace {

TEST(CapabilityFile, ReadsPlainAndPeriodRows) {
  CapabilityTable t = ReadCapabilityTable(
      "\xEF\xBB\xBF"
      "actor,capability,from,to\r\nde,3.4,,\r\npl,27,2004,2014\r\npl,8,2015,\r\n",
      "gdp.csv");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].actor, "de");
  EXPECT_EQ(t.rows[0].capability, 3.4);
  EXPECT_FALSE(t.rows[0].from_year.has_value());
  EXPECT_EQ(t.rows[1].from_year, 2004);
  EXPECT_EQ(t.rows[1].to_year, 2014);
  EXPECT_EQ(t.rows[2].from_year, 2015);
  EXPECT_FALSE(t.rows[2].to_year.has_value());
  EXPECT_EQ(t.rows[2].where.line, 4);
  EXPECT_EQ(ReadCapabilityTable("actor\tcapability\nfr\t2.6\n", "t.tsv").rows[0].capability, 2.6);
}

TEST(CapabilityFile, ReportsEveryProblem) {
  try {
    ReadCapabilityTable(
        "actor,capability,from,to\nde,-1,,\nfr,x,20o4,\npl,1,2010,2000\n"
        "de,2,2000,\n",
        "c.csv");
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()),
              "c.csv:2:4: row 2: capability = '-1': must be a finite number >= 0\n"
              "c.csv:3:4: row 3: capability = 'x': must be a finite number >= 0\n"
              "c.csv:3:6: row 3: from = '20o4': must be a year such as 2004 (blank = open)\n"
              "c.csv:4:1: row 4: from = '2010': the period starts after it ends (to = 2000)\n"
              "c.csv:5:1: row 5: actor = 'de': this row's period overlaps the row on line 2; "
              "periods of one actor must not overlap\n"
              "5 problems found\n");
  }
  try {
    ReadCapabilityTable("name,weight\nde,1\n", "h.csv");
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.report().size(), 2u);
    EXPECT_EQ(e.report().problems()[0].message,
              "no 'actor' column: a capability table needs the columns actor and capability (and "
              "optionally from, to)");
  }
}

}  // namespace
}  // namespace entente
