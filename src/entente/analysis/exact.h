// SPDX-License-Identifier: MIT
// Exact arithmetic for agreement spaces.
//
// Utilities built from decimal inputs (saliences, positions, GENIUS weights written with 16-18
// digits) produce exact ties that doubles break in arbitrary ways: the ANAC Energy domain has
// 205 Pareto packages in exact arithmetic and 211 with naive double comparisons. So every input
// number is read as the decimal it was written as (a double is read as its shortest round-trip
// decimal), every utility becomes an integer numerator over one common denominator per space,
// and every comparison that decides a result is made on integers:
//   - one party's utilities, gains, sums of utilities, min gains: 128-bit integers;
//   - ratios (Kalai-Smorodinsky) by cross-multiplication into 256 bits;
//   - products (Nash) in Wide, a fixed 1024-bit unsigned integer.
// Doubles are used only for branch-and-bound pruning, with a margin far above their rounding
// error, so they never change a result. Overflow is detected, never silent: it throws
// ComputationError and the callers retry with inputs rounded (and say so).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace entente {

__extension__ typedef __int128 Num;             // exact utility numerator
__extension__ typedef unsigned __int128 UNum;   // exact nonnegative value
__extension__ typedef unsigned __int128 Count;  // number of packages (spaces reach 21^15 > 2^64)

std::string NumToString(Num v);
std::string CountToString(Count v);
inline double NumToDouble(Num v) { return static_cast<double>(v); }
inline double CountToDouble(Count v) { return static_cast<double>(v); }

// Checked arithmetic: throws ComputationError("exact arithmetic overflow ...") on overflow.
Num CheckedAdd(Num a, Num b);
Num CheckedMul(Num a, Num b);
Count CheckedMulCount(Count a, Count b);
Num Gcd(Num a, Num b);         // >= 0; Gcd(0, 0) = 0
Num CheckedLcm(Num a, Num b);  // a, b > 0

// A reduced fraction with a positive denominator.
struct Rational {
  Num num = 0;
  Num den = 1;
  friend bool operator==(const Rational&, const Rational&) = default;
};

Rational MakeRational(Num num, Num den);  // reduces; den != 0
Rational operator+(const Rational& a, const Rational& b);
Rational operator-(const Rational& a, const Rational& b);
Rational operator*(const Rational& a, const Rational& b);
Rational operator/(const Rational& a, const Rational& b);  // b != 0
int Compare(const Rational& a, const Rational& b);         // -1, 0, 1
double ToDouble(const Rational& r);
std::string ToString(const Rational& r);                   // "3/4", "-2", "0"
inline void PrintTo(const Rational& r, std::ostream* os);  // for test failure messages

// Parses a decimal as written ("12", "-0.5", "0.049028952379678074", "1.5e-3", "+7.") into the
// exact rational it denotes. nullopt when the text is not a plain decimal number or needs more
// than 30 significant digits.
std::optional<Rational> ParseDecimal(std::string_view text);

// The shortest decimal that reads back to `x` (what a person typed into a file), rounded to at
// most `max_decimals` digits after the point, as an exact rational. x must be finite.
Rational RationalFromDouble(double x, int max_decimals = 12);

// Rounds r to the nearest multiple of 10^-decimals (ties away from zero).
Rational RoundToDecimals(const Rational& r, int decimals);

// Sign of a*d - c*b for b, d > 0 (i.e. compares a/b with c/d) without overflow.
int CompareFractions(Num a, Num b, Num c, Num d);

// ceil(x * y / z) for x, y >= 0 and z > 0, exactly (the product may exceed 128 bits).
Num CeilMulDiv(Num x, Num y, Num z);

// An unsigned integer of up to 1024 bits: enough for the product of 8 numerators of 128 bits.
class Wide {
 public:
  Wide() = default;
  explicit Wide(UNum v);
  // *this *= v; throws ComputationError when the product needs more than 1024 bits.
  void Mul(UNum v);
  double ToDouble() const;
  bool IsZero() const;
  friend int Compare(const Wide& a, const Wide& b);
  friend bool operator==(const Wide& a, const Wide& b) { return Compare(a, b) == 0; }
  friend bool operator<(const Wide& a, const Wide& b) { return Compare(a, b) < 0; }

 private:
  static constexpr int kLimbs = 16;
  std::array<uint64_t, kLimbs> limb_{};
};

inline void PrintTo(const Rational& r, std::ostream* os) { *os << ToString(r); }

}  // namespace entente
