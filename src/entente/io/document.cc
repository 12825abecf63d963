// SPDX-License-Identifier: MIT
#include "entente/io/document.h"

#include "entente/io/number.h"

namespace entente::io {

const Value* Value::Find(std::string_view key) const {
  for (const auto& m : members) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

Value Value::String(std::string s) {
  Value v;
  v.kind = Kind::kString;
  v.text = std::move(s);
  return v;
}

Value Value::Number(double x) {
  Value v;
  v.kind = Kind::kNumber;
  v.number = x;
  v.text = FormatNumber(x);
  return v;
}

Value Value::Array() {
  Value v;
  v.kind = Kind::kArray;
  return v;
}

Value Value::Object() {
  Value v;
  v.kind = Kind::kObject;
  return v;
}

Value& Value::Add(std::string key, Value v) {
  members.push_back(Member{std::move(key), 0, 0, std::move(v)});
  return members.back().value;
}

Value& Value::Push(Value v) {
  items.push_back(std::move(v));
  return items.back();
}

bool CanInline(const Value& v) {
  for (const auto& item : v.items) {
    if (!item.IsScalar()) return false;
  }
  for (const auto& m : v.members) {
    if (!CanInline(m.value)) return false;
  }
  return true;
}

std::string Shown(const Value& v) {
  if (v.kind == Value::Kind::kArray) return "[...]";
  if (v.kind == Value::Kind::kObject) return "{...}";
  return v.text;
}

}  // namespace entente::io
