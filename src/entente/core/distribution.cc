// SPDX-License-Identifier: MIT
#include "entente/core/distribution.h"

#include <cmath>

#include <fmt/format.h>

#include "entente/core/validate.h"

namespace entente {

namespace {

std::string Range(double lo, double hi) {
  return std::isinf(hi) ? fmt::format(">= {}", FormatValue(lo))
                        : fmt::format("between {} and {}", FormatValue(lo), FormatValue(hi));
}

}  // namespace

std::string DistributionProblem(const Distribution& d, double lo, double hi) {
  const auto& p = d.params;
  for (double v : p) {
    if (!std::isfinite(v)) return "every number of a distribution must be finite";
  }
  auto inside = [&](double v) { return v >= lo && v <= hi; };
  switch (d.kind) {
    case Distribution::Kind::kNormal:
      if (p.size() != 2) return "a normal distribution needs {value, sd}";
      if (!(p[1] > 0)) return "sd must be > 0";
      if (!inside(p[0])) return "value must be " + Range(lo, hi);
      return "";
    case Distribution::Kind::kUniform:
      if (p.size() != 2) return "a uniform distribution needs {min, max}";
      if (!(p[0] < p[1])) return "min must be < max";
      if (!inside(p[0]) || !inside(p[1])) return "min and max must be " + Range(lo, hi);
      return "";
    case Distribution::Kind::kTriangular:
      if (p.size() != 3) return "a triangular distribution needs {min, mode, max}";
      if (!(p[0] < p[2]) || p[1] < p[0] || p[1] > p[2]) {
        return "need min <= mode <= max with min < max";
      }
      if (!inside(p[0]) || !inside(p[2])) return "min, mode and max must be " + Range(lo, hi);
      return "";
    case Distribution::Kind::kEstimates:
      if (p.empty()) return "a list of estimates needs at least one value";
      for (double v : p) {
        if (!inside(v)) return "every estimate must be " + Range(lo, hi);
      }
      return "";
  }
  return "unknown distribution kind";
}

double PointValue(const Distribution& d) {
  const auto& p = d.params;
  switch (d.kind) {
    case Distribution::Kind::kNormal:
      return p.empty() ? NAN : p[0];
    case Distribution::Kind::kUniform:
      return p.size() < 2 ? NAN : p[0] + (p[1] - p[0]) / 2;
    case Distribution::Kind::kTriangular:
      return p.size() < 3 ? NAN : p[1];
    case Distribution::Kind::kEstimates: {
      if (p.empty()) return NAN;
      double sum = 0;
      for (double v : p) sum += v;
      return sum / static_cast<double>(p.size());
    }
  }
  return NAN;
}

std::string DistributionText(const Distribution& d) {
  const auto& p = d.params;
  auto at = [&](size_t i) { return i < p.size() ? FormatValue(p[i]) : std::string("?"); };
  switch (d.kind) {
    case Distribution::Kind::kNormal:
      return fmt::format("{{value: {}, sd: {}}}", at(0), at(1));
    case Distribution::Kind::kUniform:
      return fmt::format("{{min: {}, max: {}}}", at(0), at(1));
    case Distribution::Kind::kTriangular:
      return fmt::format("{{min: {}, mode: {}, max: {}}}", at(0), at(1), at(2));
    case Distribution::Kind::kEstimates: {
      std::string out = "[";
      for (size_t i = 0; i < p.size(); ++i) out += (i ? ", " : "") + FormatValue(p[i]);
      return out + "]";
    }
  }
  return "?";
}

}  // namespace entente
