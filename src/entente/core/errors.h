// SPDX-License-Identifier: MIT
// The three tiers of errors:
//  1. user mistakes come back as a ValidationReport listing every problem with its place;
//  2. failures during a computation throw one of the typed exceptions below;
//  3. programmer errors hit ENTENTE_CHECK, which prints both sides and aborts.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

namespace entente {

// Where a problem is: file and line/column for text formats, a JSON/YAML path, or both.
struct Location {
  std::string file;  // may be empty (in-memory input)
  int line = 0;      // 1-based; 0 = unknown
  int column = 0;    // 1-based; 0 = unknown
  std::string path;  // e.g. "actors[2].capability" or "row 7, column salience"
};

struct Problem {
  Location where;
  std::string field;    // the field at fault, e.g. "salience"
  std::string value;    // the bad value as written ("" when missing)
  std::string message;  // what is wrong and what is allowed

  // "file:line:col: field 'salience' = '120': must be between 0 and 100 (at cells[3])"
  std::string ToString() const;
};

class ValidationReport {
 public:
  void Add(Problem p) { problems_.push_back(std::move(p)); }
  void Add(const Location& where, std::string field, std::string value, std::string message) {
    problems_.push_back(Problem{where, std::move(field), std::move(value), std::move(message)});
  }
  void Merge(const ValidationReport& other) {
    problems_.insert(problems_.end(), other.problems_.begin(), other.problems_.end());
  }
  bool ok() const { return problems_.empty(); }
  size_t size() const { return problems_.size(); }
  const std::vector<Problem>& problems() const { return problems_; }
  // Sorted by file, line, column; one problem per line; ends with a count line.
  std::string ToString() const;

 private:
  std::vector<Problem> problems_;
};

// Thrown by readers and by the spec parser when input is invalid; carries the whole report.
class InvalidInput : public std::runtime_error {
 public:
  explicit InvalidInput(ValidationReport report)
      : std::runtime_error(report.ToString()), report_(std::move(report)) {}
  const ValidationReport& report() const { return report_; }

 private:
  ValidationReport report_;
};

// A computation could not be carried out on valid input (e.g. an issue with too few actors).
class ComputationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The user cancelled a long computation (Ctrl-C, a server cancel button, KeyboardInterrupt).
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("cancelled") {}
};

[[noreturn]] void CheckFailed(const char* file, int line, const char* expr, const std::string& lhs,
                              const std::string& rhs);

}  // namespace entente

#define ENTENTE_CHECK(cond)                                                 \
  do {                                                                      \
    if (!(cond)) ::entente::CheckFailed(__FILE__, __LINE__, #cond, "", ""); \
  } while (0)

#define ENTENTE_CHECK_OP(a, op, b)                                                              \
  do {                                                                                          \
    const auto& entente_a_ = (a);                                                               \
    const auto& entente_b_ = (b);                                                               \
    if (!(entente_a_ op entente_b_))                                                            \
      ::entente::CheckFailed(__FILE__, __LINE__, #a " " #op " " #b, std::to_string(entente_a_), \
                             std::to_string(entente_b_));                                       \
  } while (0)
#define ENTENTE_CHECK_EQ(a, b) ENTENTE_CHECK_OP(a, ==, b)
#define ENTENTE_CHECK_LT(a, b) ENTENTE_CHECK_OP(a, <, b)
#define ENTENTE_CHECK_LE(a, b) ENTENTE_CHECK_OP(a, <=, b)
#define ENTENTE_CHECK_GE(a, b) ENTENTE_CHECK_OP(a, >=, b)
