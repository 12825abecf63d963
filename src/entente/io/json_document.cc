// SPDX-License-Identifier: MIT
// JSON text <-> Value. Parsing runs nlohmann's SAX parser over an iterator that counts the
// bytes it has handed out; every callback comes right after its token, so the token starts at
// the first character after the previous callback that is not blank, ',' or ':'.
#include <cmath>
#include <cstdint>
#include <iterator>
#include <unordered_set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "entente/io/document.h"
#include "entente/io/number.h"
#include "entente/io/utf8.h"

namespace entente::io {

namespace {

class CountingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator(const char* p, size_t* consumed) : p_(p), consumed_(consumed) {}
  reference operator*() const { return *p_; }
  CountingIterator& operator++() {
    ++p_;
    ++*consumed_;
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const CountingIterator& o) const { return p_ == o.p_; }
  bool operator!=(const CountingIterator& o) const { return p_ != o.p_; }

 private:
  const char* p_;
  size_t* consumed_;
};

class Handler : public nlohmann::json_sax<nlohmann::json> {
 public:
  Handler(std::string_view text, const std::string& file, const size_t* consumed,
          ValidationReport& report, ValidationReport& soft)
      : text_(text), file_(file), pos_(text), consumed_(consumed), report_(report), soft_(soft) {}

  bool null() override { return Scalar(Value::Kind::kNull, "null"); }
  bool boolean(bool b) override {
    Value& v = Place(Value::Kind::kBool);
    v.boolean = b;
    v.text = b ? "true" : "false";
    return true;
  }
  bool number_integer(number_integer_t n) override { return Number(static_cast<double>(n)); }
  bool number_unsigned(number_unsigned_t n) override { return Number(static_cast<double>(n)); }
  bool number_float(number_float_t x, const string_t&) override { return Number(x); }
  bool string(string_t& s) override {
    Place(Value::Kind::kString).text = std::move(s);
    return true;
  }
  bool binary(binary_t&) override { return false; }  // never produced from JSON text
  bool start_object(std::size_t) override { return Open(Value::Kind::kObject); }
  bool start_array(std::size_t) override { return Open(Value::Kind::kArray); }
  bool end_object() override { return Close(); }
  bool end_array() override { return Close(); }
  bool key(string_t& k) override {
    size_t start = TokenStart();
    Frame& f = stack_.back();
    if (!f.keys.insert(k).second) {
      soft_.Add(pos_.Locate(start, file_, PathOf(k)), k, "",
                "duplicate key; each key may appear once in an object");
    }
    pending_key_ = std::move(k);
    key_start_ = start;
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: ".
    std::string msg = ex.what();
    if (!msg.empty() && msg[0] == '[') msg = msg.substr(std::min(msg.size(), msg.find("] ") + 2));
    if (msg.rfind("parse error at line", 0) == 0) {
      size_t colon = msg.find(": ");
      if (colon != std::string::npos) msg = msg.substr(colon + 2);
    }
    report_.Add(pos_.Locate(position > 0 ? position - 1 : 0, file_), "", "",
                "JSON syntax error: " + msg);
    return false;
  }

  Value& root() { return root_; }

 private:
  struct Frame {
    Value* value;
    std::string path;  // "issues[2].anchors"
    std::unordered_set<std::string> keys;
  };

  size_t TokenStart() {
    size_t i = std::min(last_, text_.size());
    while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' ||
                                text_[i] == '\r' || text_[i] == ',' || text_[i] == ':')) {
      ++i;
    }
    last_ = *consumed_;
    return i;
  }

  std::string PathOf(const std::string& key) const {
    const std::string& path = stack_.back().path;
    return path.empty() ? key : path + "." + key;
  }

  // Creates the value for the token that just ended, in the current container.
  Value& Place(Value::Kind kind) {
    size_t start = TokenStart();
    Value* v;
    if (stack_.empty()) {
      v = &root_;
    } else if (stack_.back().value->kind == Value::Kind::kArray) {
      v = &stack_.back().value->Push(Value());
    } else {
      auto lc = pos_.At(key_start_);
      stack_.back().value->members.push_back(
          Member{std::move(pending_key_), lc.line, lc.column, {}});
      v = &stack_.back().value->members.back().value;
    }
    auto lc = pos_.At(start);
    v->kind = kind;
    v->line = lc.line;
    v->column = lc.column;
    start_ = start;
    return *v;
  }

  bool Scalar(Value::Kind kind, const char* text) {
    Place(kind).text = text;
    return true;
  }

  bool Number(double x) {
    Value& v = Place(Value::Kind::kNumber);
    v.number = x;
    size_t end = start_;
    while (end < text_.size() &&
           std::string_view("0123456789+-.eE").find(text_[end]) != std::string_view::npos) {
      ++end;
    }
    v.text = std::string(text_.substr(start_, end - start_));
    double exact = 0;  // integers come without their sign of zero; read the text itself
    if (ParseNumber(v.text, exact) == NumberParse::kOk) v.number = exact;
    return true;
  }

  bool Open(Value::Kind kind) {
    std::string path;
    if (!stack_.empty()) {
      const Frame& parent = stack_.back();
      path = parent.value->kind == Value::Kind::kArray
                 ? fmt::format("{}[{}]", parent.path, parent.value->items.size())
                 : PathOf(pending_key_);
    }
    Value& v = Place(kind);
    if (static_cast<int>(stack_.size()) >= kMaxDepth) {
      report_.Add(pos_.Locate(start_, file_, path), "", "",
                  fmt::format("nesting deeper than {} levels", kMaxDepth));
      return false;
    }
    stack_.push_back(Frame{&v, std::move(path), {}});
    return true;
  }

  bool Close() {
    TokenStart();
    stack_.pop_back();
    return true;
  }

  std::string_view text_;
  const std::string& file_;
  TextPositions pos_;
  const size_t* consumed_;
  ValidationReport& report_;
  ValidationReport& soft_;
  Value root_;
  std::vector<Frame> stack_;
  std::string pending_key_;
  size_t key_start_ = 0;
  size_t last_ = 0;
  size_t start_ = 0;
};

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string JsonScalar(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kNull:
      return "null";
    case Value::Kind::kBool:
      return v.boolean ? "true" : "false";
    case Value::Kind::kNumber:
      return std::isfinite(v.number) ? FormatNumber(v.number) : "null";
    default:
      return JsonString(v.text);
  }
}

// One-line form of any value.
std::string JsonInline(const Value& v) { return InlineForm(v, JsonScalar, JsonString); }

constexpr size_t kLineWidth = 100;

void PrintJsonTo(const Value& v, int indent, std::string& out) {
  std::string flat = JsonInline(v);
  if (v.IsScalar() || (CanInline(v) && indent + flat.size() <= kLineWidth)) {
    out += flat;
    return;
  }
  bool object = v.kind == Value::Kind::kObject;
  size_t n = object ? v.members.size() : v.items.size();
  out += object ? "{\n" : "[\n";
  std::string pad(indent + 2, ' ');
  for (size_t k = 0; k < n; ++k) {
    out += pad;
    if (object) out += JsonString(v.members[k].key) + ": ";
    PrintJsonTo(object ? v.members[k].value : v.items[k], indent + 2, out);
    out += k + 1 < n ? ",\n" : "\n";
  }
  out += std::string(indent, ' ') + (object ? "}" : "]");
}

}  // namespace

std::string PrintJson(const Value& v) {
  std::string out;
  PrintJsonTo(v, 0, out);
  return out + "\n";
}

Value ParseJson(std::string_view text, const std::string& file, ValidationReport& problems) {
  text = StripBom(text);
  ValidationReport hard, soft;
  if (!CheckUtf8(text, file, hard)) throw InvalidInput(std::move(hard));
  size_t consumed = 0;
  Handler handler(text, file, &consumed, hard, soft);
  CountingIterator first(text.data(), &consumed), last(text.data() + text.size(), &consumed);
  nlohmann::json::sax_parse(first, last, &handler);
  if (!hard.ok()) {
    hard.Merge(soft);
    throw InvalidInput(std::move(hard));
  }
  problems.Merge(soft);
  return std::move(handler.root());
}

Value ParseJson(std::string_view text, const std::string& file) {
  ValidationReport problems;
  Value v = ParseJson(text, file, problems);
  if (!problems.ok()) throw InvalidInput(std::move(problems));
  return v;
}

}  // namespace entente::io
