// SPDX-License-Identifier: MIT
#include "entente/core/spec.h"

#include <cctype>

#include <fmt/format.h>

namespace entente {
namespace {

[[noreturn]] void Fail(std::string_view text, size_t pos, const std::string& msg) {
  ValidationReport r;
  r.Add(Location{"", 0, static_cast<int>(pos) + 1, "model spec"}, "spec", std::string(text),
        fmt::format("{} at column {}; expected name or name(key=value, ...)", msg, pos + 1));
  throw InvalidInput(std::move(r));
}

bool IsIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

}  // namespace

std::string Spec::ToString() const {
  if (args.empty()) return name;
  std::string out = name + "(";
  for (size_t i = 0; i < args.size(); ++i) {
    if (i) out += ",";
    out += args[i].first + "=" + args[i].second;
  }
  return out + ")";
}

Spec ParseSpec(std::string_view text) {
  Spec spec;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  size_t start = i;
  while (i < n && IsIdentChar(text[i])) ++i;
  spec.name = std::string(text.substr(start, i - start));
  if (spec.name.empty()) Fail(text, i, "missing model name");
  while (i < n && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  if (i == n) return spec;
  if (text[i] != '(') Fail(text, i, fmt::format("unexpected '{}'", text[i]));
  ++i;
  // Split the argument list on top-level commas; values may contain nested parentheses/quotes.
  while (true) {
    while (i < n && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i < n && text[i] == ')' && spec.args.empty()) {
      ++i;
      break;
    }
    size_t key_start = i;
    while (i < n && IsIdentChar(text[i])) ++i;
    std::string key = std::string(text.substr(key_start, i - key_start));
    if (key.empty()) Fail(text, i, "missing parameter name");
    while (i < n && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= n || text[i] != '=') Fail(text, i, fmt::format("expected '=' after '{}'", key));
    ++i;
    size_t val_start = i;
    int depth = 0;
    char quote = 0;
    for (; i < n; ++i) {
      char c = text[i];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '"' || c == '\'')
        quote = c;
      else if (c == '(')
        ++depth;
      else if (c == ')') {
        if (depth == 0) break;
        --depth;
      } else if (c == ',' && depth == 0)
        break;
    }
    if (quote) Fail(text, val_start, "unterminated quote");
    if (i >= n) Fail(text, i, "missing ')'");
    std::string value = Trim(text.substr(val_start, i - val_start));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    if (value.empty()) Fail(text, val_start, fmt::format("empty value for '{}'", key));
    for (const auto& [k, v] : spec.args) {
      if (k == key) Fail(text, key_start, fmt::format("parameter '{}' given twice", key));
    }
    spec.args.emplace_back(key, value);
    if (text[i] == ',') {
      ++i;
      continue;
    }
    ++i;  // ')'
    break;
  }
  while (i < n && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  if (i != n) Fail(text, i, "trailing text after ')'");
  return spec;
}

}  // namespace entente
