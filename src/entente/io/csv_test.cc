// SPDX-License-Identifier: MIT
#include "entente/io/csv.h"

#include <gtest/gtest.h>

namespace entente::io {
namespace {

std::vector<std::vector<std::string>> Texts(const std::vector<CsvRecord>& records) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : records) {
    out.emplace_back();
    for (const auto& f : r.fields) out.back().push_back(f.text);
  }
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(ReadCsv, QuotesSeparatorsAndLineEnds) {
  ValidationReport r;
  auto recs = ReadCsv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\nline\", x ,\r\n\nlast", "f", r);
  EXPECT_TRUE(r.ok()) << r.ToString();
  EXPECT_EQ(Texts(recs),
            (Rows{{"a", "b,c", "say \"hi\""}, {"multi\nline", "x", ""}, {""}, {"last"}}));
  EXPECT_EQ(recs[1].row, 2);
  EXPECT_EQ(recs[2].row, 3);
  EXPECT_TRUE(recs[2].Blank());
  EXPECT_EQ(recs[3].row, 4);
  EXPECT_EQ(recs[3].fields[0].line, 5);  // the quoted line break counts as a line
  EXPECT_TRUE(recs[1].fields[0].quoted);
  EXPECT_EQ(recs[1].fields[1].column, 8);
}

TEST(ReadCsv, KeepsBlanksInsideQuotesAndTrimsOutside) {
  ValidationReport r;
  auto recs = ReadCsv("  \" a \" ,\tb\t, c d \r", "f", r);
  EXPECT_TRUE(r.ok()) << r.ToString();
  EXPECT_EQ(Texts(recs), (Rows{{" a ", "b", "c d"}}));
}

TEST(ReadCsv, LoneCrEndsALineAndColumnsCountCharacters) {
  ValidationReport r;
  auto recs = ReadCsv("é,x\ry,\"z", "f", r);
  EXPECT_EQ(Texts(recs), (Rows{{"é", "x"}, {"y", "z"}}));
  EXPECT_EQ(recs[0].fields[1].column, 3);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.problems()[0].ToString(),
            "f:2:3: row 2: unterminated quoted field: the quote opened here is never closed");
}

TEST(ReadCsv, ReportsMisplacedQuotes) {
  ValidationReport r;
  auto recs = ReadCsv("ab\"c,d\n\"x\"y,z\n", "f", r);
  EXPECT_EQ(Texts(recs), (Rows{{"ab\"c", "d"}, {"x", "z"}}));
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(
      r.problems()[0].ToString(),
      "f:1:3: row 1: quote inside an unquoted field; quote the whole field and double the quote "
      "(\"a \"\"b\"\"\")");
  EXPECT_EQ(
      r.problems()[1].ToString(),
      "f:2:4: row 2: text after a closing quote; a quote inside a quoted field must be doubled "
      "(\"\")");
}

TEST(ReadCsv, EmptyInputHasNoRecords) {
  ValidationReport r;
  EXPECT_TRUE(ReadCsv("", "f", r).empty());
  EXPECT_EQ(ReadCsv("\n", "f", r).size(), 1u);
}

TEST(CsvQuote, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvQuote("USA"), "USA");
  EXPECT_EQ(CsvQuote(""), "");
  EXPECT_EQ(CsvQuote("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvQuote("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvQuote(" x"), "\" x\"");
  EXPECT_EQ(CsvQuote("a\nb"), "\"a\nb\"");
  EXPECT_EQ(CsvLine({"a", "b c", "d,e"}), "a,b c,\"d,e\"\n");
}

TEST(ReadCsv, WhatIsWrittenReadsBack) {
  std::vector<std::string> fields = {"", " lead", "trail ", "q\"q", "a,b", "x\r\ny", "\r", "Київ"};
  ValidationReport r;
  auto recs = ReadCsv(CsvLine(fields) + CsvLine({"end"}), "f", r);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(Texts(recs), (Rows{fields, {"end"}}));
}

}  // namespace
}  // namespace entente::io
