// SPDX-License-Identifier: MIT
#include "entente/io/number.h"

#include <cmath>

#include <gtest/gtest.h>

namespace entente::io {
namespace {

TEST(ParseNumber, AcceptsDecimalSyntaxOnly) {
  struct Case {
    const char* text;
    double value;
  };
  for (const Case& c :
       {Case{"60", 60}, Case{"-0.5", -0.5}, Case{"+3", 3}, Case{".5", 0.5}, Case{"5.", 5},
        Case{"1e3", 1000}, Case{"1E-2", 0.01}, Case{"0", 0}, Case{"007", 7}, Case{"1e-400", 0},
        Case{"123456789012345678901234567890", 1.2345678901234568e29}}) {
    double v = -1;
    EXPECT_EQ(ParseNumber(c.text, v), NumberParse::kOk) << c.text;
    EXPECT_EQ(v, c.value) << c.text;
  }
}

TEST(ParseNumber, RejectsEverythingElse) {
  for (const char* text : {"",         " 1",   "1 ",  "12abc", "nan",  "NaN", "inf", "-inf",
                           "infinity", "0x10", "1,5", "1.2.3", "e3",   "1e",  "1e+", "+",
                           "-",        ".",    "--1", "1_000", ".inf", "1d",  "١"}) {
    double v = 7;
    EXPECT_EQ(ParseNumber(text, v), NumberParse::kNotANumber) << text;
    EXPECT_EQ(v, 7) << text;
  }
}

TEST(ParseNumber, OverflowIsNotFinite) {
  double v = 0;
  EXPECT_EQ(ParseNumber("1e999", v), NumberParse::kNotFinite);
  EXPECT_EQ(ParseNumber("-1e309", v), NumberParse::kNotFinite);
  EXPECT_EQ(ParseNumber("0.001e312", v), NumberParse::kNotFinite);
  EXPECT_EQ(ParseNumber("0.00001e300", v), NumberParse::kOk);
  EXPECT_DOUBLE_EQ(v, 1e295);
}

TEST(YamlSpecialFloat, CoreSchemaForms) {
  double v = 0;
  EXPECT_TRUE(IsYamlSpecialFloat(".inf", v));
  EXPECT_EQ(v, INFINITY);
  EXPECT_TRUE(IsYamlSpecialFloat("-.Inf", v));
  EXPECT_EQ(v, -INFINITY);
  EXPECT_TRUE(IsYamlSpecialFloat(".NaN", v));
  EXPECT_TRUE(std::isnan(v));
  EXPECT_FALSE(IsYamlSpecialFloat("inf", v));
  EXPECT_FALSE(IsYamlSpecialFloat("-.nan", v));
}

TEST(FormatNumber, ShortestTextThatReadsBack) {
  EXPECT_EQ(FormatNumber(60), "60");
  EXPECT_EQ(FormatNumber(0.1), "0.1");
  EXPECT_EQ(FormatNumber(-0.0), "-0");
  EXPECT_EQ(FormatNumber(1e20), "1e+20");
  EXPECT_EQ(FormatNumber(NAN), ".nan");
  for (double x : {0.1 + 0.2, 1.0 / 3, 1e-300, 5e-324, 1.7976931348623157e308, 123456.789}) {
    double back = 0;
    ASSERT_EQ(ParseNumber(FormatNumber(x), back), NumberParse::kOk) << FormatNumber(x);
    EXPECT_EQ(back, x);
  }
}

}  // namespace
}  // namespace entente::io
