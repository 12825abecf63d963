// SPDX-License-Identifier: MIT
// A one-line progress bar for terminals: percentage, bar, count, rate and time left, redrawn
// at most ten times a second on stderr. Disabled (prints nothing) when stderr is not a TTY.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

#include "entente/core/cancel.h"

namespace entente {

class ProgressBar {
 public:
  // `unit` names what is counted ("draws"); enabled = draw at all.
  ProgressBar(std::FILE* out, std::string unit, bool enabled);
  ~ProgressBar() { Finish(); }
  // True when stderr is a terminal.
  static bool StderrIsTty();
  // Records progress; the rate counts only work done since the first call (a resumed sweep
  // starts part-way).
  void Update(double done, double total);
  // Clears the line (once).
  void Finish();
  // A ProgressFn that forwards to Update().
  ProgressFn Callback();
  // The line drawn for `done` of `total` after `seconds` at `rate` per second (for tests).
  static std::string Line(double done, double total, double rate, const std::string& unit);

 private:
  std::FILE* out_;
  std::string unit_;
  bool enabled_;
  bool started_ = false, drawn_ = false;
  double first_done_ = 0;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace entente
