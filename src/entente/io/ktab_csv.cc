// SPDX-License-Identifier: MIT
#include "entente/io/ktab_csv.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "entente/core/errors.h"
#include "entente/core/validate.h"
#include "entente/io/utf8.h"

namespace entente {
namespace {

constexpr int kMinActors = 3, kMaxActors = 250;
constexpr double kMaxCapability = 1e8;

struct Field {
  std::string text;
  int column = 1;  // 1-based column of the field's first character
};

struct Line {
  int number = 0;
  std::vector<Field> fields;
};

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}

class Reader {
 public:
  Reader(std::string_view text, const std::string& name) : text_(text), where_(name), name_(name) {}
  Scenario Read();

 private:
  Location At(int line, int column, std::string path) const {
    return Location{name_, line, column, std::move(path)};
  }
  void Problem(const Location& loc, std::string field, std::string value, std::string msg) {
    report_.Add(loc, std::move(field), std::move(value), std::move(msg));
  }
  std::vector<Line> SplitLines();
  Line ParseLine(std::string_view s, int number);
  std::optional<double> Number(const Line& l, size_t f, const std::string& field,
                               const std::string& path);
  std::optional<long long> Count(const Line& l, size_t f, const std::string& field);
  void ReadActor(const Line& l, int index, int d, Scenario& s);

  std::string_view text_;
  LocationMap where_;
  std::string name_;
  ValidationReport report_;
};

Line Reader::ParseLine(std::string_view s, int number) {
  Line line{number, {}};
  size_t i = 0;
  while (true) {
    const size_t start = i;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    Field f{"", static_cast<int>(i) + 1};
    if (i < s.size() && s[i] == '"') {
      size_t j = i + 1;
      bool closed = false;
      for (; j < s.size(); ++j) {
        if (s[j] != '"') {
          f.text += s[j];
        } else if (j + 1 < s.size() && s[j + 1] == '"') {
          f.text += '"', ++j;
        } else {
          closed = true;
          break;
        }
      }
      if (!closed) {
        Problem(At(number, static_cast<int>(i) + 1, "quoted field"), "quote",
                std::string(s.substr(i)), "unterminated quote: a quoted field must end with \"");
      }
      i = std::min(j + 1, s.size());
      size_t end = s.find(',', i);
      if (end == std::string_view::npos) end = s.size();
      f.text += Trim(s.substr(i, end - i));  // text after the closing quote, if any
      i = end;
    } else {
      size_t end = s.find(',', start);
      if (end == std::string_view::npos) end = s.size();
      f.text = Trim(s.substr(start, end - start));
      i = end;
    }
    line.fields.push_back(std::move(f));
    if (i >= s.size()) break;
    ++i;  // the comma
  }
  while (!line.fields.empty() && line.fields.back().text.empty()) line.fields.pop_back();
  return line;
}

std::vector<Line> Reader::SplitLines() {
  std::vector<Line> lines;
  size_t pos = text_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // UTF-8 byte-order mark
  int number = 0;
  while (pos < text_.size()) {
    size_t end = text_.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text_.size();
    Line l = ParseLine(text_.substr(pos, end - pos), ++number);
    if (!l.fields.empty()) lines.push_back(std::move(l));
    pos = end;
    if (pos < text_.size() && text_[pos] == '\r') ++pos;
    if (pos < text_.size() && text_[pos] == '\n') ++pos;
  }
  return lines;
}

std::optional<double> Reader::Number(const Line& l, size_t f, const std::string& field,
                                     const std::string& path) {
  const Field& fd = l.fields[f];
  std::string_view t = fd.text;
  if (!t.empty() && t.front() == '+') t.remove_prefix(1);
  double v = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (t.empty() || ec != std::errc() || p != t.data() + t.size() || !std::isfinite(v)) {
    Problem(At(l.number, fd.column, path), field, fd.text, "must be a number");
    return std::nullopt;
  }
  return v;
}

std::optional<long long> Reader::Count(const Line& l, size_t f, const std::string& field) {
  if (f >= l.fields.size()) {
    Problem(At(l.number, 0, "first line"), field, "",
            "missing; the first line is <name>,<description>,<numActors>,<numDims>");
    return std::nullopt;
  }
  const Field& fd = l.fields[f];
  long long v = 0;
  auto [p, ec] = std::from_chars(fd.text.data(), fd.text.data() + fd.text.size(), v);
  if (fd.text.empty() || ec != std::errc() || p != fd.text.data() + fd.text.size()) {
    Problem(At(l.number, fd.column, "first line"), field, fd.text, "must be a whole number");
    return std::nullopt;
  }
  return v;
}

void Reader::ReadActor(const Line& l, int a, int d, Scenario& s) {
  const size_t want = 3 + 2 * static_cast<size_t>(d);
  const std::string who = l.fields[0].text;
  where_.Set(fmt::format("actors[{}]", a), At(l.number, 1, fmt::format("actor '{}'", who)));
  where_.Set(fmt::format("actors[{}].id", a), At(l.number, l.fields[0].column, "actor name"));
  if (l.fields.size() != want) {
    Problem(At(l.number, 0, fmt::format("actor '{}'", who)), "fields",
            std::to_string(l.fields.size()),
            fmt::format("an actor row needs {} fields (actor, description, capability, then "
                        "position and salience for each of the {} dimensions)",
                        want, d));
  }
  Actor act{who, who, l.fields.size() > 1 ? l.fields[1].text : "", {}, {}};
  if (l.fields.size() > 2) {
    const std::string path = fmt::format("actor '{}' capability", who);
    where_.Set(fmt::format("actors[{}].capability", a), At(l.number, l.fields[2].column, path));
    if (auto v = Number(l, 2, "capability", path)) {
      act.capability.value = *v;
      if (*v > kMaxCapability) {
        Problem(At(l.number, l.fields[2].column, path), "capability", l.fields[2].text,
                "must be between 0 and 1e8 (KTAB's limit)");
      }
    }
  }
  s.actors.push_back(std::move(act));
  s.cells.emplace_back(s.issues.size());
  double total = 0.0;
  for (int k = 0; k < d && k < static_cast<int>(s.issues.size()); ++k) {
    for (int part = 0; part < 2; ++part) {
      const size_t f = 3 + 2 * static_cast<size_t>(k) + part;
      if (f >= l.fields.size()) continue;
      const char* field = part == 0 ? "position" : "salience";
      const std::string path = fmt::format("actor '{}' {} on '{}'", who, field, s.issues[k].id);
      where_.Set(fmt::format("cells[{}][{}].{}", a, k, field),
                 At(l.number, l.fields[f].column, path));
      auto v = Number(l, f, field, path);
      // A value that is not a number is reported above; 0 stands in so nothing else cascades.
      (part == 0 ? s.cells.back()[k].position : s.cells.back()[k].salience) =
          Quantity{v.value_or(0.0), {}};
      if (part == 1 && v && *v >= 0) total += *v;
    }
  }
  if (total > 100.0 + 1e-9) {
    Problem(At(l.number, 1, fmt::format("actor '{}' saliences", who)), "salience",
            FormatValue(total),
            "the actor's saliences sum to more than 100; KTAB allows at most 100 in total");
  }
}

Scenario Reader::Read() {
  std::vector<Line> lines = SplitLines();
  Scenario s;
  if (lines.size() < 2) {
    Problem(At(lines.empty() ? 1 : lines[0].number, 0, "file"), "file", "",
            "a KTAB CSV needs a first line (name, description, numActors, numDims), a line of "
            "dimension names and one row per actor");
    throw InvalidInput(std::move(report_));
  }
  const Line& head = lines[0];
  s.id = s.title = head.fields[0].text;
  s.description = head.fields.size() > 1 ? head.fields[1].text : "";
  auto num_actors = Count(head, 2, "numActors");
  auto num_dims = Count(head, 3, "numDims");
  if (num_actors && (*num_actors < kMinActors || *num_actors > kMaxActors)) {
    Problem(At(head.number, head.fields[2].column, "first line"), "numActors", head.fields[2].text,
            "must be between 3 and 250 (KTAB's limits)");
  }
  if (num_dims && *num_dims < 1) {
    Problem(At(head.number, head.fields[3].column, "first line"), "numDims", head.fields[3].text,
            "must be at least 1");
    num_dims.reset();
  }
  const Line& dims = lines[1];
  const int named = dims.fields.size() > 3 ? static_cast<int>(dims.fields.size() - 2) / 2 : 0;
  const int d = num_dims ? static_cast<int>(std::min<long long>(*num_dims, 100000)) : named;
  if (num_dims && named < d) {
    Problem(At(dims.number, 0, "dimension names"), "numDims", head.fields[3].text,
            fmt::format("the first line says {} dimensions but line {} names {}", d, dims.number,
                        named));
  }
  for (int k = 0; k < d && k < named; ++k) {
    const Field& f = dims.fields[3 + 2 * static_cast<size_t>(k)];
    s.issues.push_back(Issue{.id = f.text, .name = f.text, .min = 0, .max = 100});
    where_.Set(fmt::format("issues[{}]", k), At(dims.number, f.column, "dimension name"));
  }
  const int rows = static_cast<int>(lines.size()) - 2;
  if (num_actors && rows != *num_actors) {
    Problem(At(head.number, head.fields[2].column, "first line"), "numActors", head.fields[2].text,
            fmt::format("the first line says {} actors but the file has {} actor rows", *num_actors,
                        rows));
  }
  for (int a = 0; a < rows; ++a) ReadActor(lines[2 + a], a, d, s);
  s.ResizeCells();
  ValidateScenario(s, where_, report_);
  if (!report_.ok()) throw InvalidInput(std::move(report_));
  return s;
}

std::string Quote(const std::string& t) {
  const bool plain = t.find_first_of(",\"") == std::string::npos &&
                     (t.empty() || (t.front() != ' ' && t.back() != ' '));
  if (plain) return t;
  std::string out = "\"";
  for (char c : t) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

Scenario ReadKtabCsv(std::string_view text, const std::string& name) {
  // Like every text reader: invalid UTF-8 is reported (with line and column) before parsing, so
  // nothing unreadable reaches a scenario (found by fuzz_ktab_csv; regression files kept).
  ValidationReport utf8;
  if (!io::CheckUtf8(io::StripBom(text), name, utf8)) throw InvalidInput(std::move(utf8));
  return Reader(text, name).Read();
}

std::string WriteKtabCsv(const Scenario& s) {
  ValidationReport r;
  auto lost = [&](std::string path, std::string field, std::string value, std::string msg) {
    r.Add(Location{"", 0, 0, std::move(path)}, std::move(field), std::move(value),
          "cannot be written as KTAB CSV: " + std::move(msg));
  };
  auto text_ok = [&](const std::string& t, const std::string& what) {
    if (t.find_first_of("\r\n") != std::string::npos)
      lost(what, "text", t, "contains a line break");
  };
  const size_t n = s.actors.size();
  if (n < kMinActors || n > kMaxActors) {
    lost("actors", "actors", std::to_string(n), "KTAB needs 3 to 250 actors");
  }
  text_ok(s.id, "scenario id");
  text_ok(s.description, "scenario description");
  std::string out =
      fmt::format("{},{},{},{}\n", Quote(s.id), Quote(s.description), n, s.issues.size());
  out += "Actor,Description,Capability";
  for (const auto& is : s.issues) {
    if (is.min != 0 || is.max != 100) {
      lost("issue '" + is.id + "'", "scale", fmt::format("[{}, {}]", is.min, is.max),
           "KTAB positions are on 0-100; rescale the issue first");
    }
    text_ok(is.id, "issue id");
    out += fmt::format(",{},{}", Quote(is.id), Quote(is.id + " salience"));
  }
  out += "\n";
  for (size_t a = 0; a < n; ++a) {
    const Actor& act = s.actors[a];
    text_ok(act.id, "actor id");
    text_ok(act.description, "actor description");
    if (act.capability.value > kMaxCapability) {
      lost("actor '" + act.id + "'", "capability", FormatValue(act.capability.value),
           "KTAB allows at most 1e8");
    }
    out += fmt::format("{},{},{}", Quote(act.id), Quote(act.description), act.capability.value);
    double total = 0.0;
    for (size_t k = 0; k < s.issues.size(); ++k) {
      const Cell& c = s.At(static_cast<int>(a), static_cast<int>(k));
      const std::string where = "actor '" + act.id + "' on issue '" + s.issues[k].id + "'";
      if (!c.position || !c.salience) {
        lost(where, c.position ? "salience" : "position", "", "KTAB needs every cell");
      }
      if (c.capability) lost(where, "capability", "", "KTAB has no per-issue capability");
      const double p = c.position ? c.position->value : 0, sal = c.salience ? c.salience->value : 0;
      total += sal;
      out += fmt::format(",{},{}", p, sal);
    }
    if (total > 100.0 + 1e-9) {
      lost("actor '" + act.id + "'", "salience", FormatValue(total),
           "KTAB allows saliences summing to at most 100 per actor");
    }
    out += "\n";
  }
  if (!r.ok()) throw InvalidInput(std::move(r));
  return out;
}

}  // namespace entente
