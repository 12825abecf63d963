// SPDX-License-Identifier: MIT
// Minimal delimited-text splitting for the backtest readers (DEU tables, capability files):
// tab-separated when the first non-blank line holds a tab, else comma-separated; RFC 4180
// quoting ("..." with "" for a quote, newlines allowed inside quotes); a UTF-8 byte-order mark and
// CRLF or CR line ends accepted; blank lines skipped. Each record keeps its line and the 1-based
// character column where each field starts, for problem locations.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "entente/core/errors.h"

namespace entente {

struct TableRecord {
  int line = 0;                     // 1-based line where the record starts
  std::vector<std::string> fields;  // unquoted
  std::vector<int> columns;         // 1-based column of each field's first character
};

// Splits `text`; an unterminated quote is added to `report` (with `name` as the file).
std::vector<TableRecord> SplitTable(std::string_view text, const std::string& name,
                                    ValidationReport& report);

// `s` without leading and trailing spaces and tabs.
std::string Trim(std::string_view s);

// The whole file as text. Throws InvalidInput naming the path and the OS error.
std::string ReadTextFile(const std::string& path);

}  // namespace entente
