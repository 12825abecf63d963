// SPDX-License-Identifier: MIT
// Value -> block YAML. Strings are written plain only when they are plainly text (ASCII
// letters first, then letters, digits, spaces, '_', '-', '.', '/'), never a word YAML could
// read as null or a boolean; everything else is double-quoted with escapes, so the text
// always reads back (ParseYaml) to the same values.
#include <cmath>

#include <fmt/format.h>

#include "entente/io/document.h"
#include "entente/io/number.h"

namespace entente::io {

namespace {

constexpr size_t kLineWidth = 100;

bool IsPlainSafe(std::string_view s) {
  if (s.empty() || s.back() == ' ') return false;
  char first = s[0];
  if (!((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') || first == '_')) {
    return false;
  }
  for (char c : s) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.' || c == ' ' || c == '/';
    if (!ok) return false;
  }
  std::string lower;
  for (char c : s) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (const char* word : {"null", "true", "false", "yes", "no", "on", "off", "y", "n"}) {
    if (lower == word) return false;
  }
  return true;
}

std::string Quoted(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    unsigned char c1 = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    unsigned char c2 = i + 2 < s.size() ? static_cast<unsigned char>(s[i + 2]) : 0;
    if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02X}", c);
    } else if (c == 0xC2 && c1 >= 0x80 && c1 <= 0x9F) {  // C1 controls, NEL
      out += fmt::format("\\u{:04X}", c1);
      ++i;
    } else if (c == 0xE2 && c1 == 0x80 && (c2 == 0xA8 || c2 == 0xA9)) {  // line/para separator
      out += fmt::format("\\u{:04X}", 0x2000 + c2 - 0x80);
      i += 2;
    } else if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) {  // byte-order mark
      out += "\\uFEFF";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string Text(std::string_view s) { return IsPlainSafe(s) ? std::string(s) : Quoted(s); }

std::string Scalar(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kNull:
      return "null";
    case Value::Kind::kBool:
      return v.boolean ? "true" : "false";
    case Value::Kind::kNumber:
      return FormatNumber(v.number);
    default:
      return Text(v.text);
  }
}

// Flow (one-line) form of any value.
std::string Flow(const Value& v) { return InlineForm(v, Scalar, Text); }

bool IsEmptyContainer(const Value& v) {
  return (v.kind == Value::Kind::kArray && v.items.empty()) ||
         (v.kind == Value::Kind::kObject && v.members.empty());
}

void Block(const Value& v, int indent, bool after_dash, std::string& out);

// Writes `v` after "key:" or "-" (already written, no trailing space yet).
void After(const Value& v, int indent, std::string& out, size_t used) {
  std::string flow = Flow(v);
  if (v.IsScalar() || IsEmptyContainer(v) ||
      (CanInline(v) && used + 1 + flow.size() <= kLineWidth)) {
    out += " " + flow + "\n";
    return;
  }
  out += "\n";
  Block(v, indent + 2, false, out);
}

// Block form of a container at `indent`. With `after_dash` the first line continues a "- ".
void Block(const Value& v, int indent, bool after_dash, std::string& out) {
  std::string pad(indent, ' ');
  if (v.kind == Value::Kind::kObject) {
    for (size_t k = 0; k < v.members.size(); ++k) {
      std::string line = (k == 0 && after_dash ? "" : pad) + Text(v.members[k].key) + ":";
      out += line;
      After(v.members[k].value, indent, out, indent + Text(v.members[k].key).size() + 1);
    }
  } else {
    for (size_t k = 0; k < v.items.size(); ++k) {
      const Value& item = v.items[k];
      out += (k == 0 && after_dash ? "" : pad) + "-";
      std::string flow = Flow(item);
      if (item.IsScalar() || IsEmptyContainer(item) ||
          (CanInline(item) && indent + 2 + flow.size() <= kLineWidth)) {
        out += " " + flow + "\n";
      } else if (item.kind == Value::Kind::kObject) {
        out += " ";
        Block(item, indent + 2, true, out);
      } else {
        out += "\n";
        Block(item, indent + 2, false, out);
      }
    }
  }
}

}  // namespace

std::string PrintYaml(const Value& v) {
  if (v.IsScalar() || IsEmptyContainer(v)) return Flow(v) + "\n";
  std::string out;
  Block(v, 0, false, out);
  return out;
}

}  // namespace entente::io
