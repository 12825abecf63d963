// SPDX-License-Identifier: MIT
// UTF-8 checks and text positions shared by every text reader: strip a byte-order mark, report
// invalid UTF-8 with line and column, and turn byte offsets into 1-based line/column (columns
// count characters, not bytes, so they match what an editor shows).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "entente/core/errors.h"

namespace entente::io {

// `text` without a leading UTF-8 byte-order mark (EF BB BF).
std::string_view StripBom(std::string_view text);

// Appends one problem per invalid UTF-8 sequence (at most `max_listed`, then one summary
// problem). Returns true when the text is valid UTF-8.
bool CheckUtf8(std::string_view text, const std::string& file, ValidationReport& report,
               int max_listed = 20);

// Number of characters (code points) in valid UTF-8 `text`.
int CountChars(std::string_view text);

// Maps byte offsets in one text to line/column. Builds a line index once: O(size).
class TextPositions {
 public:
  explicit TextPositions(std::string_view text);
  struct LineCol {
    int line;    // 1-based
    int column;  // 1-based, in characters
  };
  LineCol At(size_t offset) const;
  Location Locate(size_t offset, const std::string& file, std::string path = "") const;

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
};

}  // namespace entente::io
