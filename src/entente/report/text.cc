// SPDX-License-Identifier: MIT
#include "entente/report/text.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace entente::report {

namespace {

// Length in bytes of the UTF-8 sequence starting at s[i]; 1 for an invalid lead or a sequence
// cut short, so any byte string walks forward.
size_t SequenceLength(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (i + n > s.size()) return 1;
  for (size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 1;
  }
  return n;
}

}  // namespace

int DisplayWidth(std::string_view s) {
  int w = 0;
  for (size_t i = 0; i < s.size(); i += SequenceLength(s, i)) ++w;
  return w;
}

std::string Truncate(std::string_view s, int width) {
  if (DisplayWidth(s) <= width) return std::string(s);
  if (width <= 0) return "";
  std::string out;
  int w = 0;
  for (size_t i = 0; i < s.size() && w < width - 1; ++w) {
    size_t n = SequenceLength(s, i);
    out.append(s.substr(i, n));
    i += n;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "…";
}

std::string Pad(std::string_view s, int width, bool right) {
  int w = DisplayWidth(s);
  if (w >= width) return std::string(s);
  std::string fill(static_cast<size_t>(width - w), ' ');
  return right ? fill + std::string(s) : std::string(s) + fill;
}

std::vector<std::string> Wrap(std::string_view s, int width) {
  std::vector<std::string> lines;
  std::string line;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
    size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r') ++i;
    if (start == i) break;
    std::string word = Truncate(s.substr(start, i - start), width);
    if (line.empty()) {
      line = word;
    } else if (DisplayWidth(line) + 1 + DisplayWidth(word) <= width) {
      line += " " + word;
    } else {
      lines.push_back(line);
      line = word;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::vector<std::string> WrapSpec(std::string_view spec, int width) {
  std::vector<std::string> lines;
  std::string line;
  size_t start = 0;
  while (start < spec.size()) {
    size_t comma = spec.find(',', start);
    size_t end = comma == std::string_view::npos ? spec.size() : comma + 1;
    std::string_view part = spec.substr(start, end - start);
    if (!line.empty() && DisplayWidth(line) + DisplayWidth(part) > width) {
      lines.push_back(line);
      line.clear();
    }
    line += part;
    start = end;
  }
  if (!line.empty()) lines.push_back(line);
  for (auto& l : lines) l = Truncate(l, width);
  return lines;
}

std::string Fixed(double v, int decimals) {
  if (!std::isfinite(v)) return ExactNumber(v);
  std::string out = fmt::format("{:.{}f}", v, decimals);
  if (out.front() == '-' && out.find_first_not_of("-0.") == std::string::npos) out.erase(0, 1);
  return out;
}

std::string Compact(double v) {
  if (!std::isfinite(v)) return ExactNumber(v);
  if (std::fabs(v) >= 1000 && std::fabs(v) < 1e6) return Fixed(v, 0);
  return fmt::format("{:.3g}", v);
}

int DecimalsForRange(double range) {
  if (!(range > 0) || !std::isfinite(range)) return 2;
  int d = 3 - static_cast<int>(std::ceil(std::log10(range) - 1e-9));
  return std::clamp(d, 0, 6);
}

std::string RenderColumns(const Column& key, const std::vector<Column>& cols, int width,
                          int indent) {
  auto col_width = [](const Column& c) {
    int w = DisplayWidth(c.header);
    for (const auto& cell : c.cells) w = std::max(w, DisplayWidth(cell));
    return w;
  };
  const int kw = col_width(key);
  const size_t rows = key.cells.size();
  const std::string pad(static_cast<size_t>(indent), ' ');
  std::string out;
  size_t next = 0;
  do {
    // Greedy: as many columns as fit (at least one).
    size_t end = next;
    int used = indent + kw;
    while (end < cols.size() && (end == next || used + 2 + col_width(cols[end]) <= width)) {
      if (end > next && cols[end].group != cols[end - 1].group) {
        // A group that fits in a block of its own is not split across two.
        int group = 0;
        for (size_t g = end; g < cols.size() && cols[g].group == cols[end].group; ++g) {
          group += 2 + col_width(cols[g]);
        }
        if (used + group > width && indent + kw + group <= width) break;
      }
      used += 2 + col_width(cols[end]);
      ++end;
    }
    if (next > 0) out += "\n";
    bool groups = false;
    for (size_t c = next; c < end; ++c) groups = groups || !cols[c].group.empty();
    if (groups) {
      std::string line = pad + std::string(static_cast<size_t>(kw), ' ');
      for (size_t c = next; c < end;) {
        size_t g = c;
        int span = col_width(cols[c]);
        while (g + 1 < end && cols[g + 1].group == cols[c].group) span += 2 + col_width(cols[++g]);
        // The last group's label may run on to the width; others stop before the next group.
        int room = g + 1 == end ? width - DisplayWidth(line) - 2 : span;
        line += "  " + Pad(Truncate(cols[c].group, std::max(span, room)), span);
        c = g + 1;
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
    auto emit = [&](const std::string& k, auto cell) {
      std::string line = pad + Pad(k, kw);
      for (size_t c = next; c < end; ++c)
        line += "  " + Pad(cell(cols[c]), col_width(cols[c]), true);
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    };
    emit(key.header, [](const Column& c) { return c.header; });
    for (size_t r = 0; r < rows; ++r) {
      emit(key.cells[r], [r](const Column& c) { return r < c.cells.size() ? c.cells[r] : ""; });
    }
    next = end;
  } while (next < cols.size());
  return out;
}

std::string Style::Wrap(std::string_view code, std::string_view s) const {
  if (!color_ || s.empty()) return std::string(s);
  return fmt::format("\x1b[{}m{}\x1b[0m", code, s);
}

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += CsvField(fields[i]);
  }
  return out + "\n";
}

std::string ExactNumber(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  return fmt::format("{}", v);
}

}  // namespace entente::report
