// SPDX-License-Identifier: MIT
// The expected-utility model's run loop: round 0, the rounds, the stopping rule.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "entente/core/errors.h"
#include "entente/models/compromise.h"
#include "entente/models/eum_core.h"
#include "entente/models/median.h"

namespace entente::eum {

std::string_view MoveKindName(MoveKind kind) {
  switch (kind) {
    case MoveKind::kConfrontation:
      return "confrontation";
    case MoveKind::kCompromise:
      return "compromise";
    case MoveKind::kCapitulation:
      return "capitulation";
  }
  return "?";
}

double Spread(const std::vector<double>& x) {
  if (x.size() < 2) return 0.0;
  const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
  return *hi - *lo;
}

Trajectory Run(const Actors& actors, const Options& options, const Stopping& stopping,
               const RunContext& ctx) {
  Options opt = options;
  const double spread = Spread(actors.position);
  if (!(opt.range > 0)) opt.range = spread > 0 ? spread : 1.0;
  ENTENTE_CHECK(opt.range >= spread);
  Engine engine(actors, opt);
  const auto& w = engine.weight();
  Trajectory tr;
  tr.range = opt.range;
  RoundRecord first;
  first.position = actors.position;
  first.median = WeightedMedian(first.position, w);
  first.mean = WeightedMean(first.position, w);
  ENTENTE_CHECK(!std::isnan(first.median));  // total weight > 0
  tr.rounds.push_back(std::move(first));
  RoundOutput out;
  int calm = 0;
  for (int t = 1; t <= stopping.rounds; ++t) {
    ctx.CheckCancelled();
    engine.Round(tr.rounds.back().position, out);
    RoundRecord rec;
    rec.round = t;
    rec.position = out.next;
    rec.median = WeightedMedian(rec.position, w);
    rec.mean = WeightedMean(rec.position, w);
    rec.r = out.r;
    rec.security = out.security;
    rec.moves = out.moves;
    const double change = std::abs(rec.median - tr.rounds.back().median);
    tr.rounds.push_back(std::move(rec));
    ctx.Report(t, stopping.rounds, "eum rounds");
    if (!stopping.stable) continue;
    calm = change < stopping.eps * opt.range ? calm + 1 : 0;
    if (calm >= stopping.patience) {
      tr.stopped_by = fmt::format("stable: |median change| < eps*R = {:g} for {} rounds (round {})",
                                  stopping.eps * opt.range, stopping.patience, t);
      return tr;
    }
  }
  tr.stopped_by = stopping.stable
                      ? fmt::format(
                            "fixed: {} rounds (limit reached before |median change| < eps*R = {:g} "
                            "for {} rounds)",
                            stopping.rounds, stopping.eps * opt.range, stopping.patience)
                      : fmt::format("fixed: {} rounds", stopping.rounds);
  return tr;
}

}  // namespace entente::eum
