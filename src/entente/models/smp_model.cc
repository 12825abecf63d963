// SPDX-License-Identifier: MIT
// The Model adapter of the Spatial Model of Politics: scenario -> scaled inputs -> run -> trace
// and forecasts (smp.h).
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "entente/models/smp.h"
#include "entente/models/smp_turn.h"

namespace entente {
namespace {

using smp::Config;

struct Space {
  std::vector<int> issues;    // scenario issue indices, the dimensions
  std::vector<int> actors;    // scenario actor indices taking part
  std::vector<int> excluded;  // scenario actor indices left out
  smp::Actors in;             // scaled inputs of `actors`
  std::vector<double> pos;    // n x d on [0,1]
};

std::vector<int> SelectIssues(const Scenario& s, const Config& cfg) {
  std::vector<int> out;
  if (cfg.issues.empty()) {
    for (size_t i = 0; i < s.issues.size(); ++i) out.push_back(static_cast<int>(i));
    return out;
  }
  ValidationReport report;
  std::string known;
  for (const auto& is : s.issues) known += (known.empty() ? "" : ", ") + is.id;
  Location where{"", 0, 0, "model spec 'smp'"};
  for (const auto& id : cfg.issues) {
    int k = s.IssueIndex(id);
    if (k < 0) {
      report.Add(where, "issues", id, fmt::format("unknown issue id; the scenario has: {}", known));
    } else if (std::find(out.begin(), out.end(), k) != out.end()) {
      report.Add(where, "issues", id, "issue listed twice");
    } else {
      out.push_back(k);
    }
  }
  if (!report.ok()) throw InvalidInput(std::move(report));
  return out;
}

Space MakeSpace(const Scenario& s, const Config& cfg) {
  Space sp;
  sp.issues = SelectIssues(s, cfg);
  const int d = static_cast<int>(sp.issues.size());
  for (size_t a = 0; a < s.actors.size(); ++a) {
    bool all = true;
    for (int k : sp.issues) all = all && s.Participates(static_cast<int>(a), k);
    (all ? sp.actors : sp.excluded).push_back(static_cast<int>(a));
  }
  auto& in = sp.in;
  in.n = static_cast<int>(sp.actors.size());
  in.d = d;
  for (int a : sp.actors) {
    // One capability per actor: the actor's, or the mean of per-issue overrides.
    double c0 = s.Capability(a, sp.issues[0]), csum = 0.0;
    bool same = true;
    for (int k : sp.issues) csum += s.Capability(a, k), same = same && s.Capability(a, k) == c0;
    in.cap.push_back(same ? c0 : csum / d);
    double ssum = 0.0;
    for (int k : sp.issues) ssum += s.At(a, k).salience->value;
    for (int k : sp.issues) {
      const Issue& is = s.issues[k];
      const double sal = s.At(a, k).salience->value;
      in.sal.push_back(ssum > 100.0 ? sal / ssum : sal / 100.0);
      sp.pos.push_back((s.At(a, k).position->value - is.min) / (is.max - is.min));
    }
  }
  in.Finish();
  return sp;
}

std::vector<double> OnScale(const Scenario& s, const Space& sp, const double* x) {
  std::vector<double> out(sp.issues.size());
  for (size_t k = 0; k < sp.issues.size(); ++k) {
    const Issue& is = s.issues[sp.issues[k]];
    out[k] = std::clamp(is.min + x[k] * (is.max - is.min), is.min, is.max);
  }
  return out;
}

Trace MakeTrace(const Scenario& s, const Space& sp, const smp::Run& run) {
  const int n = sp.in.n, d = sp.in.d;
  Trace tr;
  for (int k : sp.issues) tr.dims.push_back(s.issues[k].id);
  for (int a : sp.actors) tr.actors.push_back(s.actors[a].id);
  auto id = [&](int i) { return s.actors[sp.actors[i]].id; };
  for (size_t t = 0; t < run.states.size(); ++t) {
    const smp::State& st = run.states[t];
    const smp::State* prev = t > 0 ? &run.states[t - 1] : nullptr;
    auto at = [&](const smp::State& x, int i) { return OnScale(s, sp, &x.pos[size_t(i) * d]); };
    Trace::Round r;
    r.round = static_cast<int>(t);
    for (int i = 0; i < n; ++i) r.positions.push_back(at(st, i));
    r.actor_stats = {{"prob", st.prob}, {"risk", st.risk}};
    if (t == 0) {
      for (int a : sp.excluded) r.events.push_back({0, s.actors[a].id, "", "excluded", {}, {}, 0});
    } else {
      r.stats = {{"change", st.change}};
      for (const auto& c : st.challenges) {
        r.events.push_back({r.round, id(c.init), id(c.rcvr), "challenge", at(*prev, c.init),
                            at(*prev, c.rcvr), c.gain});
      }
      for (const auto& b : st.bargains) {
        r.events.push_back({r.round, id(b.init), id(b.rcvr), "bargain",
                            OnScale(s, sp, b.pos_init.data()), OnScale(s, sp, b.pos_rcvr.data()),
                            b.p_init});
      }
      for (int i = 0; i < n; ++i) {
        const smp::Pick& p = st.picks[i];
        if (p.bargain < 0 || at(*prev, i) == at(st, i)) continue;
        const smp::Bargain& b = st.bargains[p.bargain];
        r.events.push_back({r.round, id(i), id(b.init == i ? b.rcvr : b.init), "move", at(*prev, i),
                            at(st, i), p.prob});
      }
    }
    tr.rounds.push_back(std::move(r));
  }
  tr.stopped_by = run.stopped_by;
  return tr;
}

class Smp final : public Model {
 public:
  Smp(const ModelInfo& info, const Params& p, std::string spec)
      : info_(info), cfg_(smp::ConfigFromParams(p)), spec_(std::move(spec)) {}
  const ModelInfo& info() const override { return info_; }

  ModelResult Run(const Scenario& s, const RunContext& ctx) const override {
    ModelResult out{spec_, info_.name, {}, {}};
    const Space sp = MakeSpace(s, cfg_);
    for (const auto& is : s.issues) out.forecasts.push_back(IssueForecast{is.id});
    std::string chosen;
    for (const auto& id : cfg_.issues) chosen += (chosen.empty() ? "" : ";") + id;
    for (auto& f : out.forecasts) f.why = "not among the issues selected by issues=" + chosen;
    if (sp.in.n < 2) {
      for (int k : sp.issues) {
        out.forecasts[k].why = fmt::format(
            "SMP needs at least 2 actors with a position and a salience on every selected issue; "
            "{} found",
            sp.in.n);
      }
      return out;
    }
    const smp::Run run = smp::Simulate(sp.in, sp.pos, cfg_, ctx);
    // Forecast: the most likely group of positions in the final state, and the mean over groups.
    const smp::State& last = run.states.back();
    const int n = sp.in.n, d = sp.in.d;
    std::vector<int> reps;
    for (int i = 0; i < n; ++i) {
      if (last.group[i] == i) reps.push_back(i);
    }
    double top = 0.0;
    for (int r : reps) top = std::max(top, last.prob[r]);
    int pick = -1;
    std::vector<double> mean(d, 0.0);
    for (int r : reps) {
      const double* x = &last.pos[size_t(r) * d];
      if (last.prob[r] >= top * (1 - 1e-12) &&
          (pick < 0 || std::lexicographical_compare(x, x + d, &last.pos[size_t(pick) * d],
                                                    &last.pos[size_t(pick) * d] + d))) {
        pick = r;
      }
      for (int k = 0; k < d; ++k) mean[k] += last.prob[r] * x[k];
    }
    const auto value = OnScale(s, sp, &last.pos[size_t(pick) * d]);
    const auto avg = OnScale(s, sp, mean.data());
    for (int k = 0; k < d; ++k) {
      IssueForecast& f = out.forecasts[sp.issues[k]];
      f.ok = true;
      f.why.clear();
      f.value = value[k];
      f.extra = {{"mean", avg[k]}, {"probability", last.prob[pick]}};
    }
    out.traces.push_back(MakeTrace(s, sp, run));
    return out;
  }

 private:
  ModelInfo info_;
  Config cfg_;
  std::string spec_;
};

}  // namespace

void RegisterSmp(ModelRegistry& r) {
  r.Add(ModelInfo{.name = "smp",
                  .summary = "KTAB's Spatial Model of Politics: challenges, bargains and "
                             "probabilistic Condorcet elections over all issues at once",
                  .citation = "Wise, B., KTAB Spatial Model of Politics (KAPSARC, KTAB-SMP 1.4, "
                              "2019); Bueno de Mesquita (1994)",
                  .params = smp::ParamSpecs(),
                  .stochastic = true,
                  .multi_issue = true},
        [](const ModelInfo& info, const Params& p, std::string spec) -> std::unique_ptr<Model> {
          return std::make_unique<Smp>(info, p, std::move(spec));
        });
}

}  // namespace entente
