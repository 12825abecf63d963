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

std::string InlineForm(const Value& v, std::string (*scalar)(const Value&),
                       std::string (*key)(std::string_view)) {
  if (v.IsScalar()) return scalar(v);
  const bool object = v.kind == Value::Kind::kObject;
  std::string out = object ? "{" : "[";
  const size_t n = object ? v.members.size() : v.items.size();
  for (size_t k = 0; k < n; ++k) {
    if (k > 0) out += ", ";
    if (object) out += key(v.members[k].key) + ": ";
    out += InlineForm(object ? v.members[k].value : v.items[k], scalar, key);
  }
  return out + (object ? "}" : "]");
}

std::string Shown(const Value& v) {
  if (v.kind == Value::Kind::kArray) return "[...]";
  if (v.kind == Value::Kind::kObject) return "{...}";
  return v.text;
}

}  // namespace entente::io
