// SPDX-License-Identifier: MIT
// The Model adapter of the expected-utility model: parameters, one run per issue over the
// actors taking part in it (IssueView), and the trace.
#include <fmt/format.h>

#include "entente/models/eum.h"
#include "entente/models/eum_core.h"
#include "entente/models/issue_view.h"

namespace entente {
namespace {

class Eum final : public Model {
 public:
  Eum(const ModelInfo& info, const Params& p, std::string spec)
      : info_(info), spec_(std::move(spec)) {
    opt_.variant = p.Str("variant") == "literal" ? eum::Variant::kLiteral : eum::Variant::kScholz;
    opt_.q = p.Double("q");
    stop_.rounds = static_cast<int>(p.Int("rounds"));
    stop_.stable = p.Str("stop") == "stable";
    ValidationReport report;
    const Location where{"", 0, 0, fmt::format("model spec '{}'", spec_)};
    for (const char* name : {"eps", "patience"}) {
      if (stop_.stable && !p.Has(name)) {
        report.Add(where, name, "", "required when stop=stable");
      } else if (!stop_.stable && p.Has(name)) {
        report.Add(where, name, p.Str(name), "applies only with stop=stable");
      }
    }
    if (stop_.stable && p.Has("eps")) stop_.eps = p.Double("eps");
    if (stop_.stable && p.Has("patience")) stop_.patience = static_cast<int>(p.Int("patience"));
    if (p.Has("range")) {
      opt_.range = p.Double("range");
      if (!(opt_.range > 0)) report.Add(where, "range", p.Str("range"), "must be greater than 0");
    }
    if (!report.ok()) throw InvalidInput(std::move(report));
  }
  const ModelInfo& info() const override { return info_; }

  ModelResult Run(const Scenario& s, const RunContext& ctx) const override {
    ModelResult out{spec_, info_.name, {}, {}};
    const double issues = static_cast<double>(s.issues.size());
    for (size_t i = 0; i < s.issues.size(); ++i) {
      ctx.CheckCancelled();
      const IssueView v = MakeIssueView(s, static_cast<int>(i));
      IssueForecast f{s.issues[i].id};
      Trace trace;
      trace.dims = {s.issues[i].id};
      for (int a : v.actors) trace.actors.push_back(s.actors[a].id);
      f.why = Skip(v);
      if (!f.why.empty()) {
        trace.stopped_by = "not run: " + f.why;
      } else {
        eum::Actors actors{v.position, v.capability, v.salience};
        for (double& x : actors.salience) x /= 100.0;
        RunContext sub = ctx;
        if (ctx.progress) {
          sub.progress = [&ctx, i, issues](double done, double total, std::string_view stage) {
            ctx.Report(static_cast<double>(i) + (total > 0 ? done / total : 0), issues, stage);
          };
        }
        eum::Trajectory t = eum::Run(actors, opt_, stop_, sub);
        f.ok = true;
        f.value = t.rounds.back().median;
        f.extra = {{"mean", t.rounds.back().mean}};
        Fill(t, &trace);
      }
      out.forecasts.push_back(std::move(f));
      out.traces.push_back(std::move(trace));
    }
    return out;
  }

 private:
  // Why an issue cannot be run ("" when it can).
  std::string Skip(const IssueView& v) const {
    if (v.size() < 2) return "fewer than 2 actors hold a position and a salience on this issue";
    double total = 0;
    for (size_t k = 0; k < v.size(); ++k) total += v.capability[k] * v.salience[k];
    if (!(total > 0)) return "every participating actor has weight 0 (capability x salience)";
    const double spread = eum::Spread(v.position);
    if (opt_.range > 0 && opt_.range < spread) {
      return fmt::format(
          "range={:g} is smaller than the spread of the positions on this issue ({:g}), so "
          "distances would exceed 1",
          opt_.range, spread);
    }
    return "";
  }

  static void Fill(const eum::Trajectory& t, Trace* trace) {
    const auto& ids = trace->actors;
    for (const auto& rec : t.rounds) {
      Trace::Round r;
      r.round = rec.round;
      for (double x : rec.position) r.positions.push_back({x});
      r.stats = {{"median", rec.median}, {"mean", rec.mean}};
      if (rec.round > 0) r.actor_stats = {{"r", rec.r}, {"S", rec.security}};
      for (const auto& m : rec.moves) {
        r.events.push_back(TraceEvent{rec.round,
                                      ids[m.actor],
                                      ids[m.counterpart],
                                      std::string(eum::MoveKindName(m.kind)),
                                      {m.from},
                                      {m.to},
                                      m.value});
      }
      trace->rounds.push_back(std::move(r));
    }
    trace->stopped_by = t.stopped_by;
  }

  ModelInfo info_;
  std::string spec_;
  eum::Options opt_;
  eum::Stopping stop_;
};

}  // namespace

void RegisterEum(ModelRegistry& r) {
  r.Add(
      ModelInfo{
          .name = "eum",
          .summary = "Bueno de Mesquita's expected-utility model: rounds of simulated "
                     "challenges; forecast = median voter position of the last round",
          .citation = "Bueno de Mesquita (1994) in European Community Decision Making, Yale UP, "
                      "ch. 4; Scholz, Calbert & Smith (2011), J. Theoretical Politics 23(4)",
          .params = {ParamSpec{.name = "variant",
                               .type = ParamType::kChoice,
                               .default_value = "scholz",
                               .help = "scholz: reproduces the published figures (Scholz et al.); "
                                       "literal: the printed equations with the typos corrected",
                               .choices = {"scholz", "literal"}},
                     ParamSpec{
                         .name = "q",
                         .type = ParamType::kDouble,
                         .default_value = "1.0",
                         .help = "probability the status quo persists if i does not challenge",
                         .min = 0,
                         .max = 1},
                     ParamSpec{.name = "rounds",
                               .type = ParamType::kInt,
                               .default_value = "10",
                               .help = "number of rounds (the limit when stop=stable)",
                               .min = 0,
                               .max = 100000},
                     ParamSpec{.name = "stop",
                               .type = ParamType::kChoice,
                               .default_value = "fixed",
                               .help = "fixed: run all rounds; stable: stop once |median change| < "
                                       "eps*R for `patience` rounds in a row",
                               .choices = {"fixed", "stable"}},
                     ParamSpec{.name = "eps",
                               .type = ParamType::kDouble,
                               .help = "stop=stable: median change threshold as a fraction of R",
                               .min = 0,
                               .max = 1},
                     ParamSpec{.name = "patience",
                               .type = ParamType::kInt,
                               .help = "stop=stable: rounds in a row the median must hold",
                               .min = 1,
                               .max = 100000},
                     ParamSpec{.name = "range",
                               .type = ParamType::kDouble,
                               .help = "R, the distance scale (> 0; default: spread of the initial "
                                       "positions on each issue)",
                               .min = 0}}},
      [](const ModelInfo& info, const Params& p, std::string spec) -> std::unique_ptr<Model> {
        return std::make_unique<Eum>(info, p, std::move(spec));
      });
}

}  // namespace entente
