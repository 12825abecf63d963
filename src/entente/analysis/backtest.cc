// SPDX-License-Identifier: MIT
#include "entente/analysis/backtest.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "entente/core/errors.h"
#include "entente/core/rng.h"
#include "entente/models/registry.h"

namespace entente {

namespace {

constexpr uint64_t kBootstrapStream = 0xb0075754ULL;

// Builds every model first, so a bad spec is reported before anything runs.
std::vector<std::unique_ptr<Model>> BuildModels(const std::vector<std::string>& specs) {
  ValidationReport report;
  std::vector<std::unique_ptr<Model>> models;
  std::set<std::string> seen;
  for (size_t k = 0; k < specs.size(); ++k) {
    const Location where{"", 0, 0, fmt::format("--model #{}", k + 1)};
    try {
      auto m = BuiltinModels().Create(specs[k]);
      std::string canonical = BuiltinModels().Canonical(specs[k]);
      if (!seen.insert(canonical).second) {
        report.Add(where, "model", specs[k],
                   fmt::format("listed twice (as {}); list each model once", canonical));
      }
      models.push_back(std::move(m));
    } catch (const InvalidInput& e) {
      for (Problem p : e.report().problems()) {
        if (p.where.path.empty() || p.where.path == "model spec") p.where.path = where.path;
        report.Add(std::move(p));
      }
    }
  }
  if (!report.ok()) throw InvalidInput(std::move(report));
  return models;
}

std::vector<ScoredIssue> ScoredIssues(const CaseSet& set) {
  std::vector<ScoredIssue> out;
  for (size_t c = 0; c < set.cases.size(); ++c) {
    const OutcomeCase& oc = set.cases[c];
    ENTENTE_CHECK_EQ(oc.outcome.size(), oc.scenario.issues.size());
    for (size_t i = 0; i < oc.outcome.size(); ++i) {
      if (!oc.outcome[i]) continue;
      const Issue& is = oc.scenario.issues[i];
      out.push_back(ScoredIssue{static_cast<int>(c), static_cast<int>(i), oc.id, is.id,
                                *oc.outcome[i], is.Range(), oc.groups});
    }
  }
  return out;
}

void Score(IssueScore& s, const ScoredIssue& is) {
  s.error = std::fabs(s.forecast - is.outcome) * (100.0 / is.range);  // exact when range is 100
}

// Runs one model on every case; fills one score per scored issue.
void RunOneModel(const Model& model, const CaseSet& set, const std::vector<ScoredIssue>& issues,
                 const BacktestOptions& opt, const RunContext& ctx, ForecasterResult& fr) {
  size_t next = 0;
  for (size_t c = 0; c < set.cases.size(); ++c) {
    if (next >= issues.size() || issues[next].case_index != static_cast<int>(c)) continue;
    ctx.CheckCancelled();
    RunContext run;
    run.seed = DeriveSeed(opt.seed, c);
    run.cancel = ctx.cancel;
    run.threads = 1;
    ModelResult result;
    std::string failure;
    try {
      result = model.Run(set.cases[c].scenario, run);
    } catch (const ComputationError& e) {
      failure = fmt::format("the model failed on this case: {}", e.what());
    }
    for (; next < issues.size() && issues[next].case_index == static_cast<int>(c); ++next) {
      const ScoredIssue& is = issues[next];
      IssueScore& s = fr.scores[next];
      if (!failure.empty()) {
        s.why = failure;
        continue;
      }
      const IssueForecast* f = nullptr;
      for (const auto& g : result.forecasts) {
        if (g.issue_id == is.issue_id) f = &g;
      }
      if (!f) {
        s.why = "the model returned no forecast for this issue";
      } else if (!f->ok) {
        s.why = f->why.empty() ? "the model gave no reason" : f->why;
      } else if (!std::isfinite(f->value)) {
        s.why = "the model's forecast is not a finite number";
      } else {
        s.ok = true;
        s.forecast = f->value;
        Score(s, is);
      }
    }
  }
}

void RunReferencePoint(const CaseSet& set, const std::vector<ScoredIssue>& issues,
                       ForecasterResult& fr) {
  for (size_t k = 0; k < issues.size(); ++k) {
    const ScoredIssue& is = issues[k];
    const auto& rp = set.cases[is.case_index].reference_point;
    IssueScore& s = fr.scores[k];
    if (static_cast<size_t>(is.issue_index) < rp.size() && rp[is.issue_index]) {
      s.ok = true;
      s.forecast = *rp[is.issue_index];
      Score(s, is);
    } else {
      s.why = "no reference point is recorded for this issue";
    }
  }
}

void RunActorPosition(const CaseSet& set, const std::vector<ScoredIssue>& issues,
                      ForecasterResult& fr) {
  for (size_t k = 0; k < issues.size(); ++k) {
    const ScoredIssue& is = issues[k];
    const Scenario& sc = set.cases[is.case_index].scenario;
    IssueScore& s = fr.scores[k];
    int a = sc.ActorIndex(set.baseline_actor);
    if (a >= 0 && sc.At(a, is.issue_index).position) {
      s.ok = true;
      s.forecast = sc.At(a, is.issue_index).position->value;
      Score(s, is);
    } else {
      s.why = fmt::format("actor '{}' holds no position on this issue", set.baseline_actor);
    }
  }
}

std::vector<double> Errors(const ForecasterResult& fr, const std::vector<size_t>& subset) {
  std::vector<double> e;
  for (size_t k : subset) {
    if (fr.scores[k].ok) e.push_back(fr.scores[k].error);
  }
  return e;
}

void Summarize(ForecasterResult& fr, const BacktestOptions& opt) {
  std::vector<double> errors;
  std::map<std::string, size_t> reasons;
  for (const auto& s : fr.scores) {
    if (s.ok) {
      errors.push_back(s.error);
    } else {
      ++fr.failed;
      ++reasons[s.why];
    }
  }
  fr.summary = entente::Summarize(errors);
  Rng rng(DeriveSeed(DeriveSeed(opt.seed, kBootstrapStream), StableHash(fr.label)));
  fr.mean_interval = BootstrapMeanInterval(errors, opt.bootstrap_reps, opt.level, rng);
  fr.reasons.assign(reasons.begin(), reasons.end());
  std::stable_sort(fr.reasons.begin(), fr.reasons.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
}

std::vector<GroupResult> Groups(const CaseSet& set, const std::vector<ScoredIssue>& issues,
                                const std::vector<ForecasterResult>& fs) {
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> members;
  for (size_t k = 0; k < issues.size(); ++k) {
    for (const auto& g : set.cases[issues[k].case_index].groups) members[g].push_back(k);
  }
  std::vector<GroupResult> out;
  for (const auto& [kv, subset] : members) {
    GroupResult g{kv.first, kv.second, subset.size(), {}, {}};
    for (const auto& fr : fs) {
      std::vector<double> e = Errors(fr, subset);
      g.failed.push_back(subset.size() - e.size());
      g.summaries.push_back(entente::Summarize(e));
    }
    out.push_back(std::move(g));
  }
  return out;
}

PairResult Compare(const std::vector<ForecasterResult>& fs, size_t a, size_t b,
                   const BacktestOptions& opt) {
  std::vector<double> ea, eb;
  for (size_t k = 0; k < fs[a].scores.size(); ++k) {
    if (fs[a].scores[k].ok && fs[b].scores[k].ok) {
      ea.push_back(fs[a].scores[k].error);
      eb.push_back(fs[b].scores[k].error);
    }
  }
  Rng rng(DeriveSeed(DeriveSeed(opt.seed, kBootstrapStream),
                     StableHash(fs[a].label + "|" + fs[b].label)));
  return PairResult{a, b, ComparePaired(ea, eb, opt.bootstrap_reps, opt.level, rng)};
}

}  // namespace

BacktestResult RunBacktest(const CaseSet& set, const BacktestOptions& opt, const RunContext& ctx) {
  std::vector<std::unique_ptr<Model>> models = BuildModels(opt.models);
  BacktestResult r;
  r.dataset = set.name;
  r.options = opt;
  r.cases = set.cases.size();
  r.notes = set.notes;
  r.issues = ScoredIssues(set);
  if (r.issues.empty()) {
    ValidationReport report;
    report.Add(Location{set.name, 0, 0, ""}, "outcome", "",
               "no issue has a recorded outcome; a backtest needs at least one");
    throw InvalidInput(std::move(report));
  }
  for (const auto& spec : opt.models) {
    r.forecasters.push_back(ForecasterResult{.label = BuiltinModels().Canonical(spec)});
  }
  if (opt.baselines) {
    r.forecasters.push_back(ForecasterResult{.label = "reference-point", .baseline = true});
    if (!set.baseline_actor.empty()) {
      r.forecasters.push_back(
          ForecasterResult{.label = "position:" + set.baseline_actor, .baseline = true});
    }
  }
  for (auto& fr : r.forecasters) fr.scores.resize(r.issues.size());
  const double total = static_cast<double>(models.size() * set.cases.size());
  for (size_t k = 0; k < models.size(); ++k) {
    RunOneModel(*models[k], set, r.issues, opt, ctx, r.forecasters[k]);
    ctx.Report(static_cast<double>((k + 1) * set.cases.size()), total, "backtest");
  }
  if (opt.baselines) {
    RunReferencePoint(set, r.issues, r.forecasters[models.size()]);
    if (!set.baseline_actor.empty()) {
      RunActorPosition(set, r.issues, r.forecasters[models.size() + 1]);
    }
  }
  for (auto& fr : r.forecasters) Summarize(fr, opt);
  r.groups = Groups(set, r.issues, r.forecasters);
  for (size_t a = 0; a < r.forecasters.size(); ++a) {
    for (size_t b = a + 1; b < r.forecasters.size(); ++b) {
      r.pairs.push_back(Compare(r.forecasters, a, b, opt));
    }
  }
  return r;
}

}  // namespace entente
