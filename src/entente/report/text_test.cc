// SPDX-License-Identifier: MIT
#include "entente/report/text.h"

#include <cmath>

#include <gtest/gtest.h>

namespace entente::report {
namespace {

TEST(DisplayWidth, CountsCodePointsNotBytes) {
  EXPECT_EQ(DisplayWidth(""), 0);
  EXPECT_EQ(DisplayWidth("abc"), 3);
  EXPECT_EQ(DisplayWidth("Russia–Ukraine"), 14);  // en dash is 3 bytes, 1 column
  EXPECT_EQ(DisplayWidth("Україна"), 7);
  EXPECT_EQ(DisplayWidth("\xff\xfe"), 2);  // invalid bytes count one each
}

TEST(Truncate, CutsAtCodePointsAndMarksTheCut) {
  EXPECT_EQ(Truncate("abcdef", 6), "abcdef");
  EXPECT_EQ(Truncate("abcdef", 4), "abc…");
  EXPECT_EQ(Truncate("ab def", 4), "ab…");  // no space before the ellipsis
  EXPECT_EQ(Truncate("Україна", 3), "Ук…");
  EXPECT_EQ(DisplayWidth(Truncate("Україна", 3)), 3);
  EXPECT_EQ(Truncate("abc", 0), "");
}

TEST(Pad, PadsByDisplayWidth) {
  EXPECT_EQ(Pad("ab", 4), "ab  ");
  EXPECT_EQ(Pad("ab", 4, true), "  ab");
  EXPECT_EQ(Pad("–", 3), "–  ");
  EXPECT_EQ(Pad("abcdef", 3), "abcdef");
}

TEST(Wrap, GreedyLinesWithinWidth) {
  auto lines = Wrap("Freeze on the current line of contact; occupation not recognised", 20);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "Freeze on the");
  EXPECT_EQ(lines[1], "current line of");
  EXPECT_EQ(lines[2], "contact; occupation");
  EXPECT_EQ(lines[3], "not recognised");
  EXPECT_TRUE(Wrap("   ", 10).empty());
  EXPECT_EQ(Wrap("a\n\n  b", 10), std::vector<std::string>{"a b"});
  EXPECT_EQ(Wrap("abcdefghijkl", 5), std::vector<std::string>{"abcd…"});
}

TEST(Numbers, FixedCompactAndDecimals) {
  EXPECT_EQ(Fixed(8.416, 2), "8.42");
  EXPECT_EQ(Fixed(-0.001, 2), "0.00");
  EXPECT_EQ(Fixed(-1.5, 1), "-1.5");
  EXPECT_EQ(Compact(0.08), "0.08");
  EXPECT_EQ(Compact(95), "95");
  EXPECT_EQ(Compact(12.46), "12.5");
  EXPECT_EQ(Compact(1234), "1234");
  EXPECT_EQ(DecimalsForRange(100), 1);
  EXPECT_EQ(DecimalsForRange(6), 2);
  EXPECT_EQ(DecimalsForRange(10), 2);
  EXPECT_EQ(DecimalsForRange(1), 3);
  EXPECT_EQ(ExactNumber(0.1), "0.1");
  EXPECT_EQ(ExactNumber(std::nan("")), "nan");
}

TEST(Style, ColourOnlyWhenOn) {
  EXPECT_EQ(Style(false).Bold("x"), "x");
  EXPECT_EQ(Style(true).Bold("x"), "\x1b[1mx\x1b[0m");
  EXPECT_EQ(Style(true).Cyan(""), "");
}

TEST(Csv, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"no\""), "\"say \"\"no\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvRow({"a", "b,c", ""}), "a,\"b,c\",\n");
}

TEST(RenderColumns, SplitsWideTablesIntoBlocksThatFit) {
  Column key{"", "round", {"0", "1"}};
  std::vector<Column> cols;
  for (int a = 0; a < 12; ++a) {
    cols.push_back(Column{"positions", "actor" + std::to_string(a), {"10.00", "12.50"}});
  }
  std::string out = RenderColumns(key, cols, 40);
  // Key 5 wide, columns 6 wide plus a 2-space gap: 5 + 4 * 8 = 37 <= 40, so 4 per block.
  size_t start = 0;
  int blocks = 1;
  while (start < out.size()) {
    size_t end = out.find('\n', start);
    std::string line = out.substr(start, end - start);
    EXPECT_LE(DisplayWidth(line), 40) << line;
    if (line.empty()) ++blocks;
    start = end + 1;
  }
  EXPECT_EQ(blocks, 3);
  EXPECT_EQ(out.substr(0, out.find("\n\n") + 1),
            "       positions\n"
            "round  actor0  actor1  actor2  actor3\n"
            "0       10.00   10.00   10.00   10.00\n"
            "1       12.50   12.50   12.50   12.50\n");
  EXPECT_NE(out.find("round  actor8  actor9  actor10  actor11\n"), std::string::npos);
}

}  // namespace
}  // namespace entente::report
