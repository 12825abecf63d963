// SPDX-License-Identifier: MIT
// YAML text <-> Value. Parsing listens to yaml-cpp's events (which carry marks), types plain
// scalars by the YAML 1.2 core schema with the strict number syntax of number.h, expands
// aliases within a budget, and rejects duplicate keys, non-text keys and deep nesting.
#include <cmath>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "entente/io/document.h"
#include "entente/io/number.h"
#include "entente/io/utf8.h"

namespace entente::io {

namespace {

// yaml-cpp counts columns in bytes; the byte offset gives the character column.
Location MarkLocation(const YAML::Mark& mark, const TextPositions& pos, const std::string& file,
                      const std::string& path = "") {
  if (mark.is_null() || mark.pos < 0) return Location{file, 0, 0, path};
  return pos.Locate(static_cast<size_t>(mark.pos), file, path);
}

// Thrown from the event handler to stop parsing; the problem is already in the report.
struct Abort {};

class Handler : public YAML::EventHandler {
 public:
  Handler(std::string_view text, const TextPositions& pos, const std::string& file,
          ValidationReport& report, ValidationReport& soft)
      : text_(text),
        pos_(pos),
        file_(file),
        report_(report),
        soft_(soft),
        budget_(std::max<size_t>(100000, 4 * text.size())) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Value v = Scalar(mark, Value::Kind::kNull);
    v.plain = true;
    for (std::string_view word : {"null", "Null", "NULL", "~"}) {
      if (mark.pos >= 0 &&
          text_.substr(static_cast<size_t>(mark.pos)).substr(0, word.size()) == word) {
        v.text = word;
      }
    }
    Finish(std::move(v), anchor, mark);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) Fail(mark, "unknown alias");
    Count(mark, it->second.second);
    Finish(it->second.first, 0, mark);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& text) override {
    Value v = Scalar(mark, Value::Kind::kString);
    v.text = text;
    bool quoted = tag == "!" || tag == "tag:yaml.org,2002:str";
    if (!quoted) {
      v.plain = tag == "?";
      double x = 0;
      NumberParse np = ParseNumber(text, x);
      if (np != NumberParse::kNotANumber || IsYamlSpecialFloat(text, x)) {
        v.kind = Value::Kind::kNumber;
        v.number = np == NumberParse::kNotFinite ? (text[0] == '-' ? -1 : 1) * HUGE_VAL : x;
      } else if (text == "true" || text == "True" || text == "TRUE") {
        v.kind = Value::Kind::kBool;
        v.boolean = true;
      } else if (text == "false" || text == "False" || text == "FALSE") {
        v.kind = Value::Kind::kBool;
      }
    }
    Finish(std::move(v), anchor, mark);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(mark, Value::Kind::kArray, anchor);
  }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(mark, Value::Kind::kObject, anchor);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapEnd() override { Close(); }

  Value& root() { return root_; }
  bool has_root() const { return has_root_; }
  const ValidationReport& bad_keys() const { return bad_keys_; }

 private:
  struct Frame {
    Value value;
    std::string path;
    YAML::anchor_t anchor;
    size_t nodes_before;
    YAML::Mark mark;
    bool have_key = false;
    Member key;
    std::unordered_set<std::string> keys;
  };

  [[noreturn]] void Fail(const YAML::Mark& mark, const std::string& message,
                         const std::string& path = "") {
    report_.Add(Locate(mark, path), "", "", message);
    throw Abort{};
  }

  Location Locate(const YAML::Mark& mark, const std::string& path = "") const {
    return MarkLocation(mark, pos_, file_, path);
  }

  void Count(const YAML::Mark& mark, size_t n) {
    nodes_ += n;
    if (nodes_ > budget_) {
      Fail(mark, fmt::format("the document expands to more than {} values (aliases?)", budget_));
    }
  }

  Value Scalar(const YAML::Mark& mark, Value::Kind kind) {
    Count(mark, 1);
    Value v;
    v.kind = kind;
    Location loc = Locate(mark);
    v.line = loc.line;
    v.column = loc.column;
    return v;
  }

  std::string ChildPath() const {
    if (stack_.empty()) return "";
    const Frame& f = stack_.back();
    if (f.value.kind == Value::Kind::kArray)
      return fmt::format("{}[{}]", f.path, f.value.items.size());
    return f.path.empty() ? f.key.key : f.path + "." + f.key.key;
  }

  void Open(const YAML::Mark& mark, Value::Kind kind, YAML::anchor_t anchor) {
    std::string path = ChildPath();
    if (static_cast<int>(stack_.size()) >= kMaxDepth) {
      Fail(mark, fmt::format("nesting deeper than {} levels", kMaxDepth), path);
    }
    stack_.push_back(Frame{Scalar(mark, kind), std::move(path), anchor, nodes_, mark});
  }

  void Close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    Finish(std::move(f.value), f.anchor, f.mark, nodes_ - f.nodes_before + 1);
  }

  // Places a finished value in its parent (as a key, a member value or an item) or as the root.
  void Finish(Value v, YAML::anchor_t anchor, const YAML::Mark& mark, size_t size = 1) {
    if (anchor != 0) anchors_[anchor] = {v, size};
    if (stack_.empty()) {
      root_ = std::move(v);
      has_root_ = true;
      return;
    }
    Frame& f = stack_.back();
    if (f.value.kind == Value::Kind::kArray) {
      f.value.items.push_back(std::move(v));
    } else if (!f.have_key) {
      // Reported only if the text parses (a missing '}' often shows up as a list key first).
      if (!v.IsScalar())
        bad_keys_.Add(Locate(mark, f.path), "", "", "a key must be text, not a list or an object");
      f.key = Member{v.text, v.line, v.column, {}};
      f.have_key = true;
      if (!f.keys.insert(v.text).second) {
        soft_.Add(Locate(mark, ChildPath()), v.text, "",
                  "duplicate key; each key may appear once in an object");
      }
    } else {
      f.key.value = std::move(v);
      f.value.members.push_back(std::move(f.key));
      f.have_key = false;
    }
  }

  std::string_view text_;
  const TextPositions& pos_;
  const std::string& file_;
  ValidationReport& report_;
  ValidationReport& soft_;
  size_t budget_;
  size_t nodes_ = 0;
  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, std::pair<Value, size_t>> anchors_;
  Value root_;
  bool has_root_ = false;
  ValidationReport bad_keys_;
};

// Swallows the events of a second document.
class Ignore : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

}  // namespace

Value ParseYaml(std::string_view text, const std::string& file, ValidationReport& problems) {
  text = StripBom(text);
  ValidationReport report, soft;
  if (!CheckUtf8(text, file, report)) throw InvalidInput(std::move(report));
  TextPositions pos(text);
  Handler handler(text, pos, file, report, soft);
  try {
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    if (parser.HandleNextDocument(handler)) {
      Ignore ignore;
      if (parser.HandleNextDocument(ignore)) {
        report.Add(Location{file, 0, 0, ""}, "", "",
                   "the file holds more than one YAML document (separated by ---); expected one");
      }
    }
    report.Merge(handler.bad_keys());
  } catch (const YAML::Exception& e) {
    report.Add(MarkLocation(e.mark, pos, file), "", "", "YAML syntax error: " + e.msg);
  } catch (const Abort&) {
  }
  if (!report.ok()) {
    report.Merge(soft);
    throw InvalidInput(std::move(report));
  }
  problems.Merge(soft);
  if (!handler.has_root()) {
    Value empty;
    empty.line = 1;
    empty.column = 1;
    return empty;
  }
  return std::move(handler.root());
}

Value ParseYaml(std::string_view text, const std::string& file) {
  ValidationReport problems;
  Value v = ParseYaml(text, file, problems);
  if (!problems.ok()) throw InvalidInput(std::move(problems));
  return v;
}

}  // namespace entente::io
