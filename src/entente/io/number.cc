// SPDX-License-Identifier: MIT
#include "entente/io/number.h"

#include <charconv>
#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace entente::io {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Length of the longest prefix of digits.
size_t Digits(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && IsDigit(s[j])) ++j;
  return j - i;
}

// Roughly log10 of a well-formed unsigned decimal: > 0 for huge values, <= 0 for tiny ones.
long DecimalMagnitude(std::string_view s) {
  size_t i = 0;
  long mag = 0;
  bool seen_nonzero = false;
  while (i < s.size() && IsDigit(s[i])) {
    if (s[i] != '0') seen_nonzero = true;
    if (seen_nonzero) ++mag;
    ++i;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (!seen_nonzero && i < s.size() && s[i] == '0') {
      --mag;
      ++i;
    }
    while (i < s.size() && IsDigit(s[i])) ++i;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool neg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    long e = 0;
    while (i < s.size() && IsDigit(s[i])) {
      if (e < 100000000) e = e * 10 + (s[i] - '0');
      ++i;
    }
    mag += neg ? -e : e;
  }
  return mag;
}

}  // namespace

NumberParse ParseNumber(std::string_view text, double& out) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  size_t body = i;
  size_t int_digits = Digits(text, i);
  i += int_digits;
  size_t frac_digits = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    frac_digits = Digits(text, i);
    i += frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return NumberParse::kNotANumber;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    size_t exp_digits = Digits(text, i);
    if (exp_digits == 0) return NumberParse::kNotANumber;
    i += exp_digits;
  }
  if (i != text.size()) return NumberParse::kNotANumber;
  double v = 0;
  auto [ptr, ec] =
      std::from_chars(text.data() + body, text.data() + text.size(), v, std::chars_format::general);
  if (ec == std::errc::result_out_of_range) {
    // Overflow is not finite; underflow is a tiny number, read as zero.
    if (DecimalMagnitude(text.substr(body)) > 0) return NumberParse::kNotFinite;
    v = 0;
  } else if (ec != std::errc() || ptr != text.data() + text.size()) {
    return NumberParse::kNotANumber;
  }
  out = negative ? -v : v;
  return NumberParse::kOk;
}

bool IsYamlSpecialFloat(std::string_view t, double& out) {
  std::string_view body = t;
  double sign = 1;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    sign = body[0] == '-' ? -1 : 1;
    body.remove_prefix(1);
  }
  if (body == ".inf" || body == ".Inf" || body == ".INF") {
    out = sign * std::numeric_limits<double>::infinity();
    return true;
  }
  if (t == ".nan" || t == ".NaN" || t == ".NAN") {
    out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  return false;
}

std::string FormatNumber(double v) {
  if (std::isnan(v)) return ".nan";
  if (std::isinf(v)) return v > 0 ? ".inf" : "-.inf";
  return fmt::format("{}", v);
}

}  // namespace entente::io
