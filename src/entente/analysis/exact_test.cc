// SPDX-License-Identifier: MIT
#include "entente/analysis/exact.h"

#include <gtest/gtest.h>

#include "entente/core/errors.h"

namespace entente {
namespace {

TEST(Exact, ParsesDecimalsAsWritten) {
  EXPECT_EQ(*ParseDecimal("12"), (Rational{12, 1}));
  EXPECT_EQ(*ParseDecimal("-0.5"), (Rational{-1, 2}));
  EXPECT_EQ(*ParseDecimal("+7."), (Rational{7, 1}));
  EXPECT_EQ(*ParseDecimal("1.5e-3"), (Rational{3, 2000}));
  EXPECT_EQ(*ParseDecimal("2E2"), (Rational{200, 1}));
  // A GENIUS weight written with 18 decimals is kept exactly.
  Rational w = *ParseDecimal("0.049028952379678074");
  EXPECT_EQ(NumToString(w.num), "24514476189839037");
  EXPECT_EQ(NumToString(w.den), "500000000000000000");
  for (const char* bad : {"", "-", ".", "1e", "abc", "1.2.3", "1 ", "0x10", "1e5000"})
    EXPECT_FALSE(ParseDecimal(bad).has_value()) << bad;
}

TEST(Exact, DecimalSumsTieWhereDoublesDoNot) {
  // 0.1 + 0.2 == 0.3 exactly, as the inputs intend; the doubles differ.
  EXPECT_EQ(*ParseDecimal("0.1") + *ParseDecimal("0.2"), *ParseDecimal("0.3"));
  EXPECT_NE(0.1 + 0.2, 0.3);
}

TEST(Exact, ReadsDoublesAsTheirShortestDecimal) {
  EXPECT_EQ(RationalFromDouble(0.1), (Rational{1, 10}));
  EXPECT_EQ(RationalFromDouble(55), (Rational{55, 1}));
  EXPECT_EQ(RationalFromDouble(1e-5), (Rational{1, 100000}));
  // 100/3 as a double has 16 decimals: rounded to 12, then to 3 on request.
  EXPECT_EQ(RationalFromDouble(100.0 / 3), (Rational{33333333333333, 1000000000000}));
  EXPECT_EQ(RationalFromDouble(100.0 / 3, 3), (Rational{33333, 1000}));
  EXPECT_EQ(RationalFromDouble(-2.0 / 3, 2), (Rational{-67, 100}));
}

TEST(Exact, RationalArithmeticReduces) {
  Rational a{1, 6}, b{1, 3};
  EXPECT_EQ(a + b, (Rational{1, 2}));
  EXPECT_EQ(a - b, (Rational{-1, 6}));
  EXPECT_EQ(a * b, (Rational{1, 18}));
  EXPECT_EQ(a / b, (Rational{1, 2}));
  EXPECT_EQ(Compare(a, b), -1);
  EXPECT_EQ(Compare(b, a), 1);
  EXPECT_EQ(Compare(Rational{2, 4}, Rational{1, 2}), 0);
  EXPECT_EQ(ToString(Rational{-3, 4}), "-3/4");
  EXPECT_EQ(MakeRational(6, -4), (Rational{-3, 2}));
  EXPECT_THROW(MakeRational(1, 0), ComputationError);
}

TEST(Exact, OverflowIsAnErrorNotAWrongAnswer) {
  Num big = Num(1) << 120;
  EXPECT_THROW(CheckedMul(big, big), ComputationError);
  EXPECT_THROW(CheckedAdd(big * 64, big * 64), ComputationError);  // 2^127
  try {
    CheckedMul(big, 1 << 10);
    FAIL();
  } catch (const ComputationError& e) {
    EXPECT_EQ(std::string(e.what()).substr(0, 34), "exact arithmetic overflow (product");
  }
}

TEST(Exact, ComparesFractionsBeyond128Bits) {
  Num big = (Num(1) << 100) + 1;
  // big/(big-1) > (big-1)/(big-2)? No: x/(x-1) decreases in x.
  EXPECT_EQ(CompareFractions(big, big - 1, big - 1, big - 2), -1);
  EXPECT_EQ(CompareFractions(big, big - 1, big, big - 1), 0);
  EXPECT_EQ(CompareFractions(-big, 3, big, 3), -1);
  EXPECT_EQ(CompareFractions(0, 5, 0, 7), 0);
}

TEST(Exact, CeilMulDivIsExact) {
  EXPECT_EQ(CeilMulDiv(7, 3, 2), 11);  // 21/2 = 10.5
  EXPECT_EQ(CeilMulDiv(8, 3, 2), 12);
  EXPECT_EQ(CeilMulDiv(0, 3, 2), 0);
  Num x = (Num(1) << 90) + 12345, y = (Num(1) << 80) + 7, z = (Num(1) << 85) + 3;
  Num c = CeilMulDiv(x, y, z);
  EXPECT_GE(CompareFractions(c, x, y, z), 0);      // c * z >= x * y
  EXPECT_LT(CompareFractions(c - 1, x, y, z), 0);  // (c - 1) * z < x * y
}

TEST(Exact, WideProductsCompareExactly) {
  Wide a(1), b(1);
  for (int k = 0; k < 8; ++k) a.Mul((UNum(1) << 100) + 3);
  for (int k = 0; k < 8; ++k) b.Mul((UNum(1) << 100) + 2);
  EXPECT_EQ(Compare(a, b), 1);
  EXPECT_EQ(Compare(b, a), -1);
  Wide c(6), d(2);
  d.Mul(3);
  EXPECT_TRUE(c == d);
  EXPECT_DOUBLE_EQ(c.ToDouble(), 6.0);
  Wide e(UNum(1) << 127);
  for (int k = 0; k < 7; ++k) e.Mul(UNum(1) << 127);
  EXPECT_THROW(e.Mul(UNum(1) << 127), ComputationError);
}

TEST(Exact, PrintsWideCounts) {
  EXPECT_EQ(CountToString(0), "0");
  EXPECT_EQ(CountToString(Count(1) << 70), "1180591620717411303424");
  EXPECT_EQ(NumToString(-42), "-42");
}

}  // namespace
}  // namespace entente
