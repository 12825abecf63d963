// SPDX-License-Identifier: MIT
#include "entente/sweep/progress.h"

#include <unistd.h>

#include <cmath>

#include <fmt/format.h>

namespace entente {

ProgressBar::ProgressBar(std::FILE* out, std::string unit, bool enabled)
    : out_(out), unit_(std::move(unit)), enabled_(enabled) {}

bool ProgressBar::StderrIsTty() { return isatty(STDERR_FILENO) == 1; }

namespace {

std::string Duration(double s) {
  if (!std::isfinite(s) || s < 0) return "--:--";
  long t = std::lround(s);
  if (t >= 3600) return fmt::format("{}:{:02}:{:02}", t / 3600, t / 60 % 60, t % 60);
  return fmt::format("{}:{:02}", t / 60, t % 60);
}

std::string Rate(double r) {
  if (r >= 1e6) return fmt::format("{:.1f}M", r / 1e6);
  if (r >= 1e4) return fmt::format("{:.0f}k", r / 1e3);
  if (r >= 100) return fmt::format("{:.0f}", r);
  return fmt::format("{:.1f}", r);
}

}  // namespace

std::string ProgressBar::Line(double done, double total, double rate, const std::string& unit) {
  const double frac = total > 0 ? std::clamp(done / total, 0.0, 1.0) : 0;
  const int filled = static_cast<int>(frac * 30);
  const double left = rate > 0 ? (total - done) / rate : NAN;
  return fmt::format("{:3.0f}% [{}{}] {:.0f}/{:.0f} {}  {}/s  {} left", 100 * frac,
                     std::string(filled, '#'), std::string(30 - filled, ' '), done, total, unit,
                     Rate(rate), Duration(left));
}

void ProgressBar::Update(double done, double total) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (!started_) {
    started_ = true;
    start_ = last_ = now;
    first_done_ = done;
    return;
  }
  if (now - last_ < std::chrono::milliseconds(100) && done < total) return;
  last_ = now;
  const double secs = std::chrono::duration<double>(now - start_).count();
  const double rate = secs > 0 ? (done - first_done_) / secs : 0;
  std::fprintf(out_, "\r%s\033[K", Line(done, total, rate, unit_).c_str());
  std::fflush(out_);
  drawn_ = true;
}

void ProgressBar::Finish() {
  if (drawn_) {
    std::fprintf(out_, "\r\033[K");
    std::fflush(out_);
  }
  drawn_ = false;
}

ProgressFn ProgressBar::Callback() {
  return [this](double done, double total, std::string_view) { Update(done, total); };
}

}  // namespace entente
