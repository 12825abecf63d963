// SPDX-License-Identifier: MIT
// A whole run of the Spatial Model of Politics: turns until KTAB's stopping rule [smpStopFn].
#include <cmath>

#include <fmt/format.h>

#include "entente/core/rng.h"
#include "entente/models/smp_turn.h"

namespace entente::smp {
namespace {

// D(s, s') = sum_i ||x_i - x'_i||_2 on [0,1] [SMPModel::stateDist].
double StateDistance(const std::vector<double>& x, const std::vector<double>& y, int n, int d) {
  double sum = 0.0;
  for (int i = 0; i < n; ++i) {
    double s = 0.0;
    for (int k = 0; k < d; ++k) {
      const double g = x[static_cast<size_t>(i) * d + k] - y[static_cast<size_t>(i) * d + k];
      s += g * g;
    }
    sum += std::sqrt(s);
  }
  return sum;
}

void Record(State& st, Assessment&& s) {
  st.risk = std::move(s.risk);
  st.prob = std::move(s.prob);
  st.group = std::move(s.group);
}

}  // namespace

Run Simulate(const Actors& a, const std::vector<double>& pos0, const Config& cfg,
             const RunContext& ctx) {
  const int n = a.n, d = a.d;
  const Workers workers(ctx.threads);
  Run run;
  run.states.push_back(State{.pos = pos0});
  Assessment now = Assess(a, pos0, cfg, workers);
  for (int t = 1;; ++t) {
    ctx.CheckCancelled();
    ctx.Report(t - 1, cfg.max_turns, "smp turns");
    TurnResult turn = Turn(a, run.states.back().pos, now, cfg, DeriveSeed(ctx.seed, t), workers);
    Record(run.states.back(), std::move(now));
    State next;
    next.change = StateDistance(run.states.back().pos, turn.pos, n, d);
    next.pos = std::move(turn.pos);
    next.challenges = std::move(turn.challenges);
    next.bargains = std::move(turn.bargains);
    next.picks = std::move(turn.picks);
    run.states.push_back(std::move(next));
    now = Assess(a, run.states.back().pos, cfg, workers);

    const double first = run.states[1].change + 1e-4;
    const double ratio = run.states.back().change / first;
    if (t >= 2 && ratio < cfg.stop_ratio) {
      run.stopped_by = fmt::format(
          "ktab: turn {} moved {:.6g} of the first turn's movement (below stop_ratio={})", t, ratio,
          cfg.stop_ratio);
      break;
    }
    if (t >= cfg.max_turns) {
      run.stopped_by = fmt::format("max_turns: reached {} turns", cfg.max_turns);
      break;
    }
    if (cfg.stop == StopRule::kCycle && cfg.transitions == Transitions::kDeterministic) {
      int same = -1;
      for (int s = t - 1; s >= 0 && same < 0; --s) {
        if (run.states[s].pos == run.states.back().pos) same = s;
      }
      if (same >= 0) {
        run.stopped_by = fmt::format(
            "cycle: the state after turn {} repeats the state after turn {} (a cycle of {} "
            "turn{})",
            t, same, t - same, t - same == 1 ? "" : "s");
        break;
      }
    }
  }
  Record(run.states.back(), std::move(now));
  ctx.Report(cfg.max_turns, cfg.max_turns, "smp turns");
  return run;
}

}  // namespace entente::smp
