// SPDX-License-Identifier: MIT
#include "entente/io/schema.h"

#include <cmath>
#include <set>

#include <fmt/format.h>

#include "entente/io/number.h"
#include "entente/io/utf8.h"

namespace entente::io {

namespace {

const std::set<std::string, std::less<>> kKeywords = {
    "type",      "properties", "required", "additionalProperties",
    "items",     "enum",       "minimum",  "maximum",
    "minLength", "minItems",   "anyOf",    "oneOf",
    "$ref",      "$defs",      "title",    "description",
    "$schema",   "$id",        "$comment"};

bool TypeMatches(std::string_view type, const Value& v, bool require_finite) {
  using K = Value::Kind;
  if (type == "number") return v.kind == K::kNumber && (!require_finite || std::isfinite(v.number));
  if (type == "integer") {
    return v.kind == K::kNumber && std::isfinite(v.number) && v.number == std::floor(v.number);
  }
  if (type == "string") return v.IsStringLike();
  if (type == "boolean") return v.kind == K::kBool;
  if (type == "object") return v.kind == K::kObject;
  if (type == "array") return v.kind == K::kArray;
  if (type == "null") return v.kind == K::kNull;
  return false;
}

std::string_view Article(std::string_view type) {
  if (type == "object") return "an object";
  if (type == "array") return "a list";
  if (type == "integer") return "an integer";
  if (type == "number") return "a number";
  if (type == "string") return "a string";
  if (type == "boolean") return "true or false";
  return "null";
}

std::vector<std::string> Types(const Value& s) {
  std::vector<std::string> out;
  const Value* t = s.Find("type");
  if (!t) return out;
  if (t->kind == Value::Kind::kArray) {
    for (const auto& x : t->items) out.push_back(x.text);
  } else {
    out.push_back(t->text);
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t k = 0; k < parts.size(); ++k) out += (k ? std::string(sep) : "") + parts[k];
  return out;
}

bool SameValue(const Value& a, const Value& b) {
  if (a.kind == Value::Kind::kNumber || b.kind == Value::Kind::kNumber) {
    return a.kind == b.kind && a.number == b.number;
  }
  if (a.IsStringLike() && b.IsStringLike()) return a.text == b.text;
  return a.kind == b.kind && a.boolean == b.boolean;
}

void Walk(const Value& s, const std::string& path, std::vector<std::string>& out) {
  if (s.kind != Value::Kind::kObject) return;
  for (const auto& m : s.members) {
    if (!kKeywords.count(m.key)) out.push_back(path + ": " + m.key);
    std::string sub = path + "/" + m.key;
    if (m.key == "properties" || m.key == "$defs") {
      for (const auto& p : m.value.members) Walk(p.value, sub + "/" + p.key, out);
    } else if (m.key == "anyOf" || m.key == "oneOf") {
      for (size_t k = 0; k < m.value.items.size(); ++k) {
        Walk(m.value.items[k], fmt::format("{}/{}", sub, k), out);
      }
    } else if (m.key == "items" || m.key == "additionalProperties") {
      Walk(m.value, sub, out);
    }
  }
}

}  // namespace

struct Schema::Context {
  const std::string& file;
  ValidationReport& report;
  void Add(const Value& v, const std::string& path, const std::string& field, std::string message) {
    report.Add(Location{file, v.line, v.column, path}, field, field.empty() ? "" : Shown(v),
               std::move(message));
  }
};

Schema::Schema(Value root) : root_(std::move(root)) {
  std::vector<std::string> bad = UnsupportedKeywords(root_);
  ENTENTE_CHECK(bad.empty());
}

std::vector<std::string> Schema::UnsupportedKeywords(const Value& schema) {
  std::vector<std::string> out;
  Walk(schema, "#", out);
  return out;
}

const Value& Schema::Resolve(const Value& s) const {
  const Value* cur = &s;
  for (int hops = 0; hops < 32; ++hops) {
    const Value* ref = cur->Find("$ref");
    if (!ref) return *cur;
    constexpr std::string_view kPrefix = "#/$defs/";
    ENTENTE_CHECK(ref->text.rfind(kPrefix, 0) == 0);
    const Value* defs = root_.Find("$defs");
    ENTENTE_CHECK(defs != nullptr);
    const Value* target = defs->Find(std::string_view(ref->text).substr(kPrefix.size()));
    ENTENTE_CHECK(target != nullptr);
    cur = target;
  }
  ENTENTE_CHECK(false);
  return s;
}

bool Schema::Validate(const Value& doc, const std::string& file, ValidationReport& report) const {
  size_t before = report.size();
  Context cx{file, report};
  Check(root_, doc, "", "", cx);
  return report.size() == before;
}

bool Schema::CheckType(const Value& s, const Value& v, const std::string& path,
                       const std::string& field, Context& cx) const {
  std::vector<std::string> types = Types(s);
  if (types.empty()) return true;
  for (const auto& t : types) {
    if (TypeMatches(t, v, true)) return true;
  }
  for (const auto& t : types) {
    if (TypeMatches(t, v, false)) {
      cx.Add(v, path, field, kNotFiniteMessage);
      return false;
    }
  }
  if (const Value* title = s.Find("title")) {
    cx.Add(v, path, field, "must be " + title->text);
  } else {
    std::vector<std::string> names;
    for (const auto& t : types) names.emplace_back(Article(t));
    cx.Add(v, path, field, "must be " + Join(names, " or "));
  }
  return false;
}

void Schema::Check(const Value& schema, const Value& v, const std::string& path,
                   const std::string& field, Context& cx) const {
  const Value& s = Resolve(schema);
  if (!CheckType(s, v, path, field, cx)) return;
  if (const Value* e = s.Find("enum")) {
    bool found = false;
    std::vector<std::string> allowed;
    for (const auto& x : e->items) {
      found = found || SameValue(x, v);
      allowed.push_back(x.text);
    }
    if (!found) cx.Add(v, path, field, "must be one of: " + Join(allowed, ", "));
  }
  if (v.kind == Value::Kind::kNumber) {
    const Value* lo = s.Find("minimum");
    const Value* hi = s.Find("maximum");
    if ((lo && v.number < lo->number) || (hi && v.number > hi->number)) {
      if (lo && hi) {
        cx.Add(v, path, field, fmt::format("must be between {} and {}", lo->text, hi->text));
      } else {
        cx.Add(
            v, path, field,
            lo ? fmt::format("must be >= {}", lo->text) : fmt::format("must be <= {}", hi->text));
      }
    }
  }
  if (v.IsStringLike()) {
    if (const Value* n = s.Find("minLength"); n && CountChars(v.text) < n->number) {
      cx.Add(v, path, field,
             n->number == 1 ? "must not be empty"
                            : fmt::format("must be at least {} characters long", n->text));
    }
  }
  if (v.kind == Value::Kind::kArray) {
    if (const Value* n = s.Find("minItems"); n && static_cast<double>(v.items.size()) < n->number) {
      cx.Add(v, path, field, fmt::format("must list at least {} items", n->text));
    }
    if (const Value* items = s.Find("items")) {
      for (size_t k = 0; k < v.items.size(); ++k) {
        Check(*items, v.items[k], fmt::format("{}[{}]", path, k), field, cx);
      }
    }
  }
  if (v.kind == Value::Kind::kObject) CheckObject(s, v, path, cx);
  if (const Value* any = s.Find("anyOf")) CheckAnyOf(s, *any, false, v, path, field, cx);
  if (const Value* one = s.Find("oneOf")) CheckAnyOf(s, *one, true, v, path, field, cx);
}

void Schema::CheckObject(const Value& s, const Value& v, const std::string& path,
                         Context& cx) const {
  const Value* props = s.Find("properties");
  const Value* extra = s.Find("additionalProperties");
  for (const auto& m : v.members) {
    std::string sub = path.empty() ? m.key : path + "." + m.key;
    if (const Value* p = props ? props->Find(m.key) : nullptr) {
      Check(*p, m.value, sub, m.key, cx);
    } else if (extra && extra->kind == Value::Kind::kBool && !extra->boolean) {
      std::vector<std::string> allowed;
      if (props) {
        for (const auto& p2 : props->members) allowed.push_back(p2.key);
      }
      cx.report.Add(Location{cx.file, m.line, m.column, sub}, m.key, Shown(m.value),
                    allowed.empty() ? "unknown field; no fields are allowed here"
                                    : "unknown field; allowed: " + Join(allowed, ", "));
    } else if (extra && extra->kind == Value::Kind::kObject) {
      Check(*extra, m.value, sub, m.key, cx);
    }
  }
  if (const Value* req = s.Find("required")) {
    for (const auto& r : req->items) {
      if (!v.Find(r.text)) {
        cx.report.Add(Location{cx.file, v.line, v.column, path}, r.text, "",
                      "required field is missing");
      }
    }
  }
}

void Schema::CheckAnyOf(const Value& s, const Value& branches, bool one_of, const Value& v,
                        const std::string& path, const std::string& field, Context& cx) const {
  std::vector<ValidationReport> results(branches.items.size());
  int passed = 0;
  int typed = -1, typed_count = 0;
  std::vector<std::string> names;
  for (size_t k = 0; k < branches.items.size(); ++k) {
    const Value& b = Resolve(branches.items[k]);
    Context sub{cx.file, results[k]};
    Check(b, v, path, field, sub);
    if (results[k].ok()) ++passed;
    std::vector<std::string> types = Types(b);
    bool matches = types.empty();
    for (const auto& t : types) {
      matches = matches || TypeMatches(t, v, false);
      names.emplace_back(Article(t));
    }
    if (matches) {
      if (typed < 0) typed = static_cast<int>(k);
      ++typed_count;
    }
  }
  if (one_of && passed > 1) {
    cx.Add(v, path, field, "matches more than one of the allowed forms");
    return;
  }
  if (passed > 0) return;
  if (typed >= 0) {
    cx.report.Merge(results[typed]);
    return;
  }
  const Value* title = s.Find("title");
  cx.Add(v, path, field, "must be " + (title ? title->text : Join(names, " or ")));
}

}  // namespace entente::io

namespace entente::io {

std::string_view ScenarioSchemaText() {
  for (const auto& f : IoEmbeddedFiles()) {
    if (f.name == "scenario.schema.json") return f.data;
  }
  ENTENTE_CHECK(false);
  return {};
}

const Schema& ScenarioSchema() {
  static const Schema schema(ParseJson(ScenarioSchemaText(), "scenario.schema.json"));
  return schema;
}

}  // namespace entente::io
