// SPDX-License-Identifier: MIT
#include "entente/io/csv.h"

namespace entente::io {

bool CsvRecord::Blank() const {
  for (const auto& f : fields) {
    if (!f.text.empty()) return false;
  }
  return true;
}

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

class Tokenizer {
 public:
  Tokenizer(std::string_view text, const std::string& file, ValidationReport& report)
      : t_(text), file_(file), report_(report) {}

  std::vector<CsvRecord> Run() {
    std::vector<CsvRecord> records;
    int row = 0;
    while (i_ < t_.size()) {
      CsvRecord rec;
      rec.row = row_ = ++row;
      bool more = true;
      while (more) {
        rec.fields.push_back(Field());
        if (i_ >= t_.size()) {
          more = false;
        } else if (t_[i_] == ',') {
          Advance();
        } else {  // line end (Field stops only at ',', a line end or the end)
          EndLine();
          more = false;
        }
      }
      rec.unterminated = stop_;
      records.push_back(std::move(rec));
      if (stop_) break;
    }
    return records;
  }

 private:
  void Advance() {
    if ((static_cast<unsigned char>(t_[i_]) & 0xC0) != 0x80) ++col_;
    ++i_;
  }
  void EndLine() {
    if (t_[i_] == '\r' && i_ + 1 < t_.size() && t_[i_ + 1] == '\n') ++i_;
    ++i_;
    ++line_;
    col_ = 1;
  }
  bool AtLineEnd() const { return t_[i_] == '\n' || t_[i_] == '\r'; }

  void Problem(int line, int col, std::string value, const char* message) {
    report_.Add(Location{file_, line, col, "row " + std::to_string(row_)}, "", std::move(value),
                message);
  }

  CsvField Field() {
    CsvField f;
    while (i_ < t_.size() && IsBlank(t_[i_])) Advance();  // leading blanks are not data
    f.line = line_;
    f.column = col_;
    if (i_ < t_.size() && t_[i_] == '"') return Quoted(std::move(f));
    bool warned = false;
    while (i_ < t_.size() && t_[i_] != ',' && !AtLineEnd()) {
      if (t_[i_] == '"' && !warned) {
        Problem(line_, col_, "",
                "quote inside an unquoted field; quote the whole field and double the quote "
                "(\"a \"\"b\"\"\")");
        warned = true;
      }
      f.text += t_[i_];
      Advance();
    }
    while (!f.text.empty() && IsBlank(f.text.back())) f.text.pop_back();
    return f;
  }

  CsvField Quoted(CsvField f) {
    int open_line = line_, open_col = col_;
    f.quoted = true;
    Advance();  // the opening quote
    while (true) {
      if (i_ >= t_.size()) {
        Problem(open_line, open_col, "",
                "unterminated quoted field: the quote opened here is never closed");
        stop_ = true;
        return f;
      }
      char c = t_[i_];
      if (c == '"') {
        if (i_ + 1 < t_.size() && t_[i_ + 1] == '"') {
          f.text += '"';
          Advance();
          Advance();
          continue;
        }
        Advance();
        break;
      }
      if (c == '\n' || c == '\r') {
        f.text += c;
        if (c == '\r' && i_ + 1 < t_.size() && t_[i_ + 1] == '\n') {
          f.text += '\n';
          ++i_;
        }
        ++i_;
        ++line_;
        col_ = 1;
        continue;
      }
      f.text += c;
      Advance();
    }
    while (i_ < t_.size() && IsBlank(t_[i_])) Advance();
    if (i_ < t_.size() && t_[i_] != ',' && !AtLineEnd()) {
      Problem(line_, col_, "",
              "text after a closing quote; a quote inside a quoted field must be doubled (\"\")");
      while (i_ < t_.size() && t_[i_] != ',' && !AtLineEnd()) Advance();
    }
    return f;
  }

  std::string_view t_;
  const std::string& file_;
  ValidationReport& report_;
  size_t i_ = 0;
  int line_ = 1;
  int col_ = 1;
  int row_ = 0;
  bool stop_ = false;
};

}  // namespace

std::vector<CsvRecord> ReadCsv(std::string_view text, const std::string& file,
                               ValidationReport& report) {
  return Tokenizer(text, file, report).Run();
}

std::string CsvQuote(std::string_view field) {
  bool quote = !field.empty() && (IsBlank(field.front()) || IsBlank(field.back()));
  for (char c : field) quote = quote || c == ',' || c == '"' || c == '\n' || c == '\r';
  if (!quote) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t k = 0; k < fields.size(); ++k) {
    if (k) out += ',';
    out += CsvQuote(fields[k]);
  }
  return out + "\n";
}

}  // namespace entente::io
