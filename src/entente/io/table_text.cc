// SPDX-License-Identifier: MIT
#include "entente/io/table_text.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "entente/io/utf8.h"

namespace entente {

std::string Trim(std::string_view s) {
  size_t a = s.find_first_not_of(" \t");
  if (a == std::string_view::npos) return "";
  size_t b = s.find_last_not_of(" \t");
  return std::string(s.substr(a, b - a + 1));
}

std::vector<TableRecord> SplitTable(std::string_view text, const std::string& name,
                                    ValidationReport& report) {
  text = io::StripBom(text);
  // Invalid UTF-8 is reported (with line and column) and nothing is split: a name or id
  // carrying it would end up in output other readers reject.
  if (!io::CheckUtf8(text, name, report)) return {};
  size_t first_end = text.find_first_of("\r\n");
  std::string_view first = text.substr(0, first_end);
  const char delim = first.find('\t') != std::string_view::npos ? '\t' : ',';
  std::vector<TableRecord> out;
  int line = 1, col = 1;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    TableRecord rec;
    rec.line = line;
    bool blank = true;
    while (true) {  // one field per iteration
      std::string field;
      rec.columns.push_back(col);
      if (i < n && text[i] == '"') {
        const int open_line = line, open_col = col;
        ++i, ++col;
        bool closed = false;
        while (i < n) {
          char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field += '"';
              i += 2, col += 2;
              continue;
            }
            ++i, ++col;
            closed = true;
            break;
          }
          if (c == '\n' || (c == '\r' && (i + 1 >= n || text[i + 1] != '\n'))) ++line, col = 0;
          field += c;
          if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++col;
          ++i;
        }
        if (!closed) {
          report.Add(Location{name, open_line, open_col, ""}, "quote", "",
                     "a quoted field is not closed; close it with \"");
        }
        blank = false;
      }
      while (i < n && text[i] != delim && text[i] != '\n' && text[i] != '\r') {
        field += text[i];
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
        ++i;
      }
      if (!Trim(field).empty()) blank = false;
      rec.fields.push_back(std::move(field));
      if (i < n && text[i] == delim) {
        blank = false;
        ++i, ++col;
        continue;
      }
      break;
    }
    if (i < n && text[i] == '\r') ++i;
    if (i < n && text[i] == '\n') ++i;
    ++line, col = 1;
    if (!blank) out.push_back(std::move(rec));
  }
  return out;
}

std::string ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ValidationReport r;
    r.Add(Location{path, 0, 0, ""}, "file", path,
          std::string("cannot be read: ") + std::strerror(errno));
    throw InvalidInput(std::move(r));
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace entente
