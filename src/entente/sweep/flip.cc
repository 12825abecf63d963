// SPDX-License-Identifier: MIT
// "What would flip it": the smallest single-input change that brings an issue's forecast to a
// target (sensitivity.h describes the search).
#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include <tbb/parallel_for.h>

#include "entente/sweep/sensitivity_detail.h"

namespace entente::sensitivity_detail {

namespace {

constexpr int kBisections = 12;

struct Target {
  int issue = 0;
  double value = 0;
  std::string label;
  bool up = true;
  bool Met(double f) const { return up ? f >= value : f <= value; }  // false for NaN
};

// The forecasts along one input's scan, outward from its value: dir 0 down, dir 1 up.
struct Scan {
  std::vector<double> values[2];
  std::vector<std::vector<double>> forecasts[2];
};

std::vector<Target> Targets(const Scenario& s, const SensitivityOptions& opt,
                            const std::vector<double>& base) {
  std::vector<Target> out;
  for (size_t i = 0; i < s.issues.size(); ++i) {
    const double f = base[i];
    if (std::isnan(f)) continue;
    const Anchor *above = nullptr, *below = nullptr;
    for (const Anchor& a : s.issues[i].anchors) {
      if (a.at > f && (!above || a.at < above->at)) above = &a;
      if (a.at < f && (!below || a.at > below->at)) below = &a;
    }
    const int ii = static_cast<int>(i);
    if (above) out.push_back(Target{ii, above->at, above->label, true});
    if (below) out.push_back(Target{ii, below->at, below->label, false});
    for (const auto& t : opt.thresholds) {
      if (t.issue == s.issues[i].id && t.value != f) {
        out.push_back(Target{ii, t.value, "threshold", t.value > f});
      }
    }
  }
  return out;
}

Flip Search(const Scenario& s, const Evaluator& eval, const SensitivityResult& r,
            const std::vector<Scan>& scans, const Target& t) {
  Flip best;
  best.issue_id = s.issues[t.issue].id;
  best.base_forecast = r.base[t.issue];
  best.target = t.value;
  best.target_label = t.label;
  best.up = t.up;
  best.relative = std::numeric_limits<double>::infinity();
  // Candidates: the first grid step of each (input, direction) that meets the target.
  struct Candidate {
    double lb;  // relative change at the last step that did not meet it
    int effect, dir, step;
  };
  std::vector<Candidate> cands;
  for (size_t k = 0; k < scans.size(); ++k) {
    const InputEffect& e = r.effects[k];
    const double scale = InputScale(s, e.input, e.base);
    for (int d = 0; d < 2; ++d) {
      const auto& f = scans[k].forecasts[d];
      for (size_t st = 0; st < f.size(); ++st) {
        if (!t.Met(f[st][t.issue])) continue;
        double prev = st == 0 ? e.base : scans[k].values[d][st - 1];
        cands.push_back({std::fabs(prev - e.base) / scale, static_cast<int>(k), d, (int)st});
        break;
      }
    }
  }
  std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.lb, a.effect, a.dir) < std::tie(b.lb, b.effect, b.dir);
  });
  for (const Candidate& c : cands) {
    if (c.lb >= best.relative) break;  // cannot beat the best: its change exceeds lb
    const InputEffect& e = r.effects[c.effect];
    const Scan& sc = scans[c.effect];
    double a = c.step == 0 ? e.base : sc.values[c.dir][c.step - 1];
    double b = sc.values[c.dir][c.step];
    double fb = sc.forecasts[c.dir][c.step][t.issue];
    Scenario work = s;
    for (int it = 0; it < kBisections; ++it) {
      const double m = 0.5 * (a + b);
      SetInputValue(work, e.input, m);
      const double fm = eval(work)[t.issue];
      if (t.Met(fm)) {
        b = m;
        fb = fm;
      } else {
        a = m;
      }
    }
    const double rel = std::fabs(b - e.base) / InputScale(s, e.input, e.base);
    if (rel < best.relative) {
      best.found = true;
      best.effect = c.effect;
      best.from = e.base;
      best.to = b;
      best.relative = rel;
      best.forecast_after = fb;
    }
  }
  if (!best.found) best.relative = 0;
  return best;
}

}  // namespace

std::vector<Flip> FindFlips(const Scenario& s, const SensitivityOptions& opt, const Evaluator& eval,
                            const SensitivityResult& r) {
  const std::vector<Target> targets = Targets(s, opt, r.base);
  if (targets.empty()) return {};
  const int steps = opt.flip_steps;
  std::vector<Scan> scans(r.effects.size());
  tbb::parallel_for(size_t{0}, r.effects.size(), [&](size_t k) {
    const InputEffect& e = r.effects[k];
    auto [lo, hi] = ScanRange(s, e.input, e.base);
    Scenario work = s;
    for (int d = 0; d < 2; ++d) {
      const double end = d == 0 ? lo : hi;
      if (end == e.base) continue;
      for (int st = 1; st <= steps; ++st) {
        const double v = e.base + (end - e.base) * st / steps;
        SetInputValue(work, e.input, v);
        scans[k].values[d].push_back(v);
        scans[k].forecasts[d].push_back(eval(work));
      }
    }
  });
  std::vector<Flip> out(targets.size());
  tbb::parallel_for(size_t{0}, targets.size(),
                    [&](size_t k) { out[k] = Search(s, eval, r, scans, targets[k]); });
  return out;
}

}  // namespace entente::sensitivity_detail
