// SPDX-License-Identifier: MIT
// Strict number syntax shared by the CSV readers and YAML scalar typing, and the shortest
// exact number text every writer uses.
#pragma once

#include <string>
#include <string_view>

namespace entente::io {

enum class NumberParse {
  kOk,          // a finite number
  kNotANumber,  // "", "12abc", "nan", "0x10", "1,5", ...
  kNotFinite,   // well-formed but out of double range ("1e999"), or a YAML ".inf"/".nan"
};

// Decimal syntax only: [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?
// No surrounding spaces, no hex, no "nan"/"inf". On kOk `out` holds the value.
NumberParse ParseNumber(std::string_view text, double& out);

// YAML 1.2 core-schema special floats: .inf, +.inf, -.inf, .nan in any of their cases.
bool IsYamlSpecialFloat(std::string_view text, double& out);

// The shortest text that reads back to exactly `v` ("60", "0.1", "1e+20", "-0").
std::string FormatNumber(double v);

// The messages every reader uses for a value that is not a number / not finite.
inline constexpr const char* kNotANumberMessage = "must be a number (e.g. 60, -0.5 or 1e3)";
inline constexpr const char* kNotFiniteMessage = "must be a finite number";

}  // namespace entente::io
