// SPDX-License-Identifier: MIT
#include "entente/analysis/exact.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "entente/core/errors.h"

namespace entente {
namespace {

[[noreturn]] void Overflow(const char* what) {
  throw ComputationError(fmt::format(
      "exact arithmetic overflow ({}): the inputs have too many significant digits to be "
      "compared exactly; round them",
      what));
}

UNum Abs(Num v) { return v < 0 ? UNum(0) - UNum(v) : UNum(v); }

Num Pow10(int k) {
  Num p = 1;
  for (int i = 0; i < k; ++i) p = CheckedMul(p, 10);
  return p;
}

}  // namespace

std::string CountToString(Count v) {
  if (v == 0) return "0";
  std::string s;
  while (v > 0) {
    s.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  std::reverse(s.begin(), s.end());
  return s;
}

std::string NumToString(Num v) {
  std::string s = CountToString(Abs(v));
  if (v < 0) s.insert(s.begin(), '-');
  return s;
}

Num CheckedAdd(Num a, Num b) {
  Num r;
  if (__builtin_add_overflow(a, b, &r)) Overflow("sum");
  return r;
}

Num CheckedMul(Num a, Num b) {
  Num r;
  if (__builtin_mul_overflow(a, b, &r)) Overflow("product");
  return r;
}

Count CheckedMulCount(Count a, Count b) {
  Count r;
  if (__builtin_mul_overflow(a, b, &r)) Overflow("package count");
  return r;
}

Num Gcd(Num a, Num b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    Num t = a % b;
    a = b;
    b = t;
  }
  return a;
}

Num CheckedLcm(Num a, Num b) { return CheckedMul(a / Gcd(a, b), b); }

Rational MakeRational(Num num, Num den) {
  if (den == 0) throw ComputationError("division by zero in exact arithmetic");
  if (den < 0) {
    num = -num;
    den = -den;
  }
  Num g = Gcd(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  return Rational{num, den};
}

Rational operator+(const Rational& a, const Rational& b) {
  Num g = Gcd(a.den, b.den);
  Num den = CheckedMul(a.den / g, b.den);
  Num num = CheckedAdd(CheckedMul(a.num, b.den / g), CheckedMul(b.num, a.den / g));
  return MakeRational(num, den);
}

Rational operator-(const Rational& a, const Rational& b) { return a + Rational{-b.num, b.den}; }

Rational operator*(const Rational& a, const Rational& b) {
  Num g1 = Gcd(a.num, b.den), g2 = Gcd(b.num, a.den);
  if (g1 == 0) g1 = 1;
  if (g2 == 0) g2 = 1;
  return MakeRational(CheckedMul(a.num / g1, b.num / g2), CheckedMul(a.den / g2, b.den / g1));
}

Rational operator/(const Rational& a, const Rational& b) {
  if (b.num == 0) throw ComputationError("division by zero in exact arithmetic");
  return a * MakeRational(b.den, b.num);
}

int Compare(const Rational& a, const Rational& b) {
  return CompareFractions(a.num, a.den, b.num, b.den);
}

double ToDouble(const Rational& r) {
  return static_cast<double>(static_cast<long double>(r.num) / static_cast<long double>(r.den));
}

std::string ToString(const Rational& r) {
  if (r.den == 1) return NumToString(r.num);
  return NumToString(r.num) + "/" + NumToString(r.den);
}

std::optional<Rational> ParseDecimal(std::string_view t) {
  size_t i = 0;
  bool neg = false;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) neg = t[i++] == '-';
  Num mant = 0;
  int digits = 0, frac = 0, significant = 0;
  bool dot = false;
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (c == '.' && !dot) {
      dot = true;
      continue;
    }
    if (c < '0' || c > '9') break;
    ++digits;
    if (dot) ++frac;
    if (mant != 0 || c != '0') ++significant;
    if (significant > 30) return std::nullopt;
    mant = mant * 10 + (c - '0');
  }
  if (digits == 0) return std::nullopt;
  int exp = 0;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) eneg = t[i++] == '-';
    int ed = 0;
    for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, ++ed) {
      exp = exp * 10 + (t[i] - '0');
      if (exp > 1000) return std::nullopt;
    }
    if (ed == 0) return std::nullopt;
    if (eneg) exp = -exp;
  }
  if (i != t.size()) return std::nullopt;
  int scale = exp - frac;  // value = mant * 10^scale
  if (neg) mant = -mant;
  if (mant == 0) return Rational{0, 1};
  try {
    if (scale >= 0) {
      if (scale > 38) return std::nullopt;
      return Rational{CheckedMul(mant, Pow10(scale)), 1};
    }
    if (-scale > 38) return std::nullopt;
    return MakeRational(mant, Pow10(-scale));
  } catch (const ComputationError&) {
    return std::nullopt;
  }
}

Rational RoundToDecimals(const Rational& r, int decimals) {
  Num p = Pow10(decimals);
  if (p % r.den == 0) return r;
  // nearest integer to r * p, ties away from zero
  UNum a = Abs(r.num);
  UNum q = a / UNum(r.den), rem = a % UNum(r.den);
  Num whole = CheckedMul(static_cast<Num>(q), p);
  Num part = CheckedMul(static_cast<Num>(rem), p);
  Num scaled = CheckedAdd(whole, (2 * (part % r.den) >= r.den) + part / r.den);
  return MakeRational(r.num < 0 ? -scaled : scaled, p);
}

Rational RationalFromDouble(double x, int max_decimals) {
  if (!std::isfinite(x)) throw ComputationError("non-finite number in exact arithmetic");
  if (std::fabs(x) < 0.5 * std::pow(10.0, -max_decimals)) return Rational{0, 1};
  auto r = ParseDecimal(fmt::format("{}", x));
  if (!r) Overflow("number too large");
  return RoundToDecimals(*r, max_decimals);
}

int CompareFractions(Num a, Num b, Num c, Num d) {
  int sa = (a > 0) - (a < 0), sc = (c > 0) - (c < 0);
  if (sa != sc) return sa < sc ? -1 : 1;
  if (sa == 0) return 0;
  Wide l(Abs(a)), r(Abs(c));
  l.Mul(UNum(d));
  r.Mul(UNum(b));
  int cmp = Compare(l, r);
  return sa > 0 ? cmp : -cmp;
}

Num CeilMulDiv(Num x, Num y, Num z) {
  if (x == 0 || y == 0) return 0;
  // The smallest c with c * z >= x * y, i.e. c / x >= y / z: bisection around a long double
  // estimate (64-bit mantissa), checked exactly.
  long double est =
      static_cast<long double>(x) * static_cast<long double>(y) / static_cast<long double>(z);
  if (est > 1.6e38L) Overflow("scaled threshold");
  Num guess = static_cast<Num>(est);
  Num span = guess / (Num(1) << 50) + 4;
  Num lo = guess - span, hi = guess + span;  // invariant: lo fails, hi succeeds
  auto ok = [&](Num c) { return CompareFractions(c, x, y, z) >= 0; };
  while (ok(lo)) lo -= span, span *= 2;
  while (!ok(hi)) hi += span, span *= 2;
  while (hi - lo > 1) {
    Num mid = lo + (hi - lo) / 2;
    (ok(mid) ? hi : lo) = mid;
  }
  return hi;
}

Wide::Wide(UNum v) {
  limb_[0] = static_cast<uint64_t>(v);
  limb_[1] = static_cast<uint64_t>(v >> 64);
}

void Wide::Mul(UNum v) {
  const uint64_t parts[2] = {static_cast<uint64_t>(v), static_cast<uint64_t>(v >> 64)};
  std::array<uint64_t, kLimbs + 2> out{};
  for (int j = 0; j < 2; ++j) {
    if (parts[j] == 0) continue;
    UNum carry = 0;
    for (int i = 0; i < kLimbs; ++i) {
      UNum cur = UNum(limb_[i]) * parts[j] + out[i + j] + carry;
      out[i + j] = static_cast<uint64_t>(cur);
      carry = cur >> 64;
    }
    for (int k = kLimbs + j; carry != 0; ++k) {
      UNum cur = UNum(out[k]) + carry;
      out[k] = static_cast<uint64_t>(cur);
      carry = cur >> 64;
    }
  }
  if (out[kLimbs] != 0 || out[kLimbs + 1] != 0) Overflow("product of many utilities");
  std::copy(out.begin(), out.begin() + kLimbs, limb_.begin());
}

double Wide::ToDouble() const {
  double r = 0;
  for (int i = kLimbs - 1; i >= 0; --i)
    r = r * 18446744073709551616.0 + static_cast<double>(limb_[i]);
  return r;
}

bool Wide::IsZero() const {
  return std::all_of(limb_.begin(), limb_.end(), [](uint64_t x) { return x == 0; });
}

int Compare(const Wide& a, const Wide& b) {
  for (int i = Wide::kLimbs - 1; i >= 0; --i) {
    if (a.limb_[i] != b.limb_[i]) return a.limb_[i] < b.limb_[i] ? -1 : 1;
  }
  return 0;
}

}  // namespace entente
