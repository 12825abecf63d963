// SPDX-License-Identifier: MIT
// Plain-text building blocks for terminal reports: display width of UTF-8 text, truncation and
// word wrapping to a column budget, number formatting, optional ANSI colour, and CSV quoting.
// Width is counted in code points (every code point one column), which is right for the
// Latin, Cyrillic and punctuation text of the scenarios; invalid UTF-8 counts one per byte.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace entente::report {

// Terminal columns taken by `s` (code points).
int DisplayWidth(std::string_view s);

// `s` cut to at most `width` columns, ending in "…" when cut. Never splits a code point.
std::string Truncate(std::string_view s, int width);

// `s` padded with spaces to `width` columns (left-aligned, or right-aligned when `right`).
std::string Pad(std::string_view s, int width, bool right = false);

// Greedy word wrap to lines of at most `width` columns. Words longer than `width` are
// truncated. Runs of spaces and newlines count as one space. Empty text gives no lines.
std::vector<std::string> Wrap(std::string_view s, int width);

// A spec string ("smp(a=1,b=2,...)") split after commas into lines of at most `width` columns;
// a part longer than the width is truncated.
std::vector<std::string> WrapSpec(std::string_view spec, int width);

// A number with `decimals` digits after the point ("-0.00" is printed as "0.00").
std::string Fixed(double v, int decimals);

// A short form for judged inputs: at most 3 significant digits, no exponent below 1e6
// (0.08 -> "0.08", 95 -> "95", 12.46 -> "12.5", 1234 -> "1234").
std::string Compact(double v);

// Digits after the point that suit a scale of width `range`: 100 -> 1, 6 -> 2, 1 -> 3.
int DecimalsForRange(double range);

// ANSI styling that is a no-op when colour is off.
class Style {
 public:
  explicit Style(bool color) : color_(color) {}
  bool color() const { return color_; }
  std::string Bold(std::string_view s) const { return Wrap("1", s); }
  std::string Dim(std::string_view s) const { return Wrap("2", s); }
  std::string Cyan(std::string_view s) const { return Wrap("36", s); }
  std::string Yellow(std::string_view s) const { return Wrap("33", s); }
  std::string Red(std::string_view s) const { return Wrap("31", s); }

 private:
  std::string Wrap(std::string_view code, std::string_view s) const;
  bool color_;
};

// A column of a wide table: its group label (shown over the group's first column; "" = none),
// its header and one cell per row.
struct Column {
  std::string group;
  std::string header;
  std::vector<std::string> cells;
};

// Renders a wide table in blocks that each fit `width` columns: the key column (left-aligned)
// is repeated at the left of every block, the other columns are right-aligned and separated by
// two spaces, blocks are separated by a blank line. Lines start with `indent` spaces.
std::string RenderColumns(const Column& key, const std::vector<Column>& cols, int width,
                          int indent = 0);

// One CSV field, quoted per RFC 4180 when it holds a comma, quote, CR or LF.
std::string CsvField(std::string_view s);
// Fields joined by commas, ending in "\n".
std::string CsvRow(const std::vector<std::string>& fields);
// The shortest text that reads back to the same double ("nan", "inf" for non-finite).
std::string ExactNumber(double v);

}  // namespace entente::report
