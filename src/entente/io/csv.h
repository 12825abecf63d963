// SPDX-License-Identifier: MIT
// A strict RFC 4180 CSV tokenizer that remembers where every field was written, and the
// matching field quoting for writers. Accepts LF, CRLF or CR line ends, a missing final line
// end, quoted fields with separators, doubled quotes and line breaks, and blanks around
// unquoted fields (trimmed). Reports an unterminated quote, text after a closing quote and a
// quote inside an unquoted field.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "entente/core/errors.h"

namespace entente::io {

struct CsvField {
  std::string text;  // unquoted, unescaped; trimmed when it was not quoted
  bool quoted = false;
  int line = 0;  // where the field starts (1-based)
  int column = 0;
};

struct CsvRecord {
  std::vector<CsvField> fields;
  int row = 0;                // 1-based record number, counting the header and blank lines
  bool unterminated = false;  // ends in a quote never closed (already reported)
  bool Blank() const;         // every field empty
};

// `text` must be valid UTF-8 without a byte-order mark. Problems go to `report` (with `file`);
// the records read so far are returned either way.
std::vector<CsvRecord> ReadCsv(std::string_view text, const std::string& file,
                               ValidationReport& report);

// Quotes a field when it holds a separator, a quote, a line break or surrounding blanks.
std::string CsvQuote(std::string_view field);
// Joins quoted fields with ',' and ends the line with '\n'.
std::string CsvLine(const std::vector<std::string>& fields);

}  // namespace entente::io
