// SPDX-License-Identifier: MIT
#include "entente/core/errors.h"

#include <algorithm>

#include <fmt/format.h>

namespace entente {

std::string Problem::ToString() const {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line > 0) out += fmt::format(":{}", where.line);
    if (where.column > 0) out += fmt::format(":{}", where.column);
    out += ": ";
  } else if (where.line > 0) {
    out += fmt::format("line {}: ", where.line);
  }
  if (!where.path.empty()) out += fmt::format("{}: ", where.path);
  if (!field.empty()) out += fmt::format("{} ", field);
  if (!field.empty() || !value.empty()) out += fmt::format("= '{}': ", value);
  out += message;
  return out;
}

std::string ValidationReport::ToString() const {
  std::vector<const Problem*> sorted;
  sorted.reserve(problems_.size());
  for (const auto& p : problems_) sorted.push_back(&p);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Problem* a, const Problem* b) {
    if (a->where.file != b->where.file) return a->where.file < b->where.file;
    if (a->where.line != b->where.line) return a->where.line < b->where.line;
    return a->where.column < b->where.column;
  });
  std::string out;
  for (const auto* p : sorted) out += p->ToString() + "\n";
  out += fmt::format("{} problem{} found\n", problems_.size(), problems_.size() == 1 ? "" : "s");
  return out;
}

void CheckFailed(const char* file, int line, const char* expr, const std::string& lhs,
                 const std::string& rhs) {
  std::fprintf(stderr, "internal error: %s:%d: check failed: %s", file, line, expr);
  if (!lhs.empty() || !rhs.empty()) std::fprintf(stderr, " (%s vs %s)", lhs.c_str(), rhs.c_str());
  std::fprintf(stderr, "\n");
  std::abort();
}

}  // namespace entente
