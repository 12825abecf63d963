// SPDX-License-Identifier: MIT
#include "entente/io/utf8.h"

#include <algorithm>

#include <fmt/format.h>

namespace entente::io {

std::string_view StripBom(std::string_view text) {
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
      static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF) {
    text.remove_prefix(3);
  }
  return text;
}

namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 when it is invalid
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
size_t SequenceLength(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b = byte(i);
  if (b < 0x80) return 1;
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    n = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    n = 3;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    n = 4;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return n;
}

}  // namespace

bool CheckUtf8(std::string_view text, const std::string& file, ValidationReport& report,
               int max_listed) {
  int line = 1, column = 1, bad = 0;
  for (size_t i = 0; i < text.size();) {
    size_t n = SequenceLength(text, i);
    if (n == 0) {
      if (++bad <= max_listed) {
        report.Add(Location{file, line, column, ""}, "byte",
                   fmt::format("\\x{:02X}", static_cast<unsigned char>(text[i])),
                   "is not valid UTF-8; save the file as UTF-8");
      }
      ++i;
      ++column;
      continue;
    }
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += n;
  }
  if (bad > max_listed) {
    report.Add(Location{file, line, 0, ""}, "", "",
               fmt::format("{} more invalid UTF-8 bytes not listed", bad - max_listed));
  }
  return bad == 0;
}

int CountChars(std::string_view text) {
  int n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

TextPositions::TextPositions(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
}

TextPositions::LineCol TextPositions::At(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = static_cast<size_t>(it - line_starts_.begin());  // >= 1
  size_t start = line_starts_[line - 1];
  return {static_cast<int>(line), CountChars(text_.substr(start, offset - start)) + 1};
}

Location TextPositions::Locate(size_t offset, const std::string& file, std::string path) const {
  LineCol lc = At(offset);
  return Location{file, lc.line, lc.column, std::move(path)};
}

}  // namespace entente::io
