// SPDX-License-Identifier: MIT
// A JSON/YAML document as a tree of values that remember where they were written. JSON and YAML
// text both become this tree, the schema validator checks it, and the scenario builder reads
// it; the writers build one and print it as JSON or YAML.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entente/core/errors.h"

namespace entente::io {

struct Member;

struct Value {
  enum class Kind : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  // A YAML plain (unquoted) scalar: its type was guessed from its text, so where the schema wants
  // a string its text is taken as the string ("as_of: 2025" is the string "2025").
  bool plain = false;
  bool boolean = false;
  double number = 0;
  std::string text;  // a string's content, or the scalar exactly as written
  int line = 0;      // where the value starts; 0 when built in memory
  int column = 0;
  std::vector<Value> items;     // kArray
  std::vector<Member> members;  // kObject, in written order

  bool IsScalar() const { return kind != Kind::kArray && kind != Kind::kObject; }
  // True for strings, and for plain YAML scalars (whose text then is the string).
  bool IsStringLike() const { return kind == Kind::kString || (plain && IsScalar()); }
  // The member's value, or nullptr.
  const Value* Find(std::string_view key) const;

  // Builders for writers.
  static Value String(std::string s);
  static Value Number(double v);
  static Value Array();
  static Value Object();
  Value& Add(std::string key, Value v);  // appends a member; returns it
  Value& Push(Value v);                  // appends an item; returns it
};

struct Member {
  std::string key;
  int line = 0;  // where the key is written
  int column = 0;
  Value value;
};

// The value as it reads in a message: a scalar's text, "{...}" or "[...]".
std::string Shown(const Value& v);

// Deepest nesting the readers accept; deeper documents are rejected, not recursed into.
inline constexpr int kMaxDepth = 64;

// Parsing. Both strip a byte-order mark, check UTF-8, and throw InvalidInput (with line and
// column) on a syntax error, too deep nesting or invalid UTF-8. A duplicate key does not stop
// parsing: it goes to `problems` (the value keeps both members), so it is reported together
// with what the schema finds. The two-argument forms throw on duplicate keys too.
Value ParseJson(std::string_view text, const std::string& file, ValidationReport& problems);
Value ParseYaml(std::string_view text, const std::string& file, ValidationReport& problems);
Value ParseJson(std::string_view text, const std::string& file);
Value ParseYaml(std::string_view text, const std::string& file);

// True for scalars, lists of scalars and objects whose members are such: what printers may put
// on one line (a list of containers, like actors or positions, stays one item per line).
bool CanInline(const Value& v);

// The one-line form both printers share: "[a, b]" and "{k: v}" (", " between items), with
// scalars written by `scalar` and member keys by `key` (each printer's own quoting rules).
std::string InlineForm(const Value& v, std::string (*scalar)(const Value&),
                       std::string (*key)(std::string_view));

// Printing: JSON (2-space indent) and block YAML; small all-scalar objects and arrays go on one
// line. Both read back (ParseJson/ParseYaml) to the same values.
std::string PrintJson(const Value& v);
std::string PrintYaml(const Value& v);

}  // namespace entente::io
