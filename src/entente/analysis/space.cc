// SPDX-License-Identifier: MIT
#include "entente/analysis/space.h"

#include <cmath>
#include <set>

#include <fmt/format.h>

#include "entente/core/errors.h"

namespace entente {
namespace {

constexpr int kMaxGridPoints = 1001;
const Num kNumLimit = Num(1) << 100;

Rational Abs(const Rational& r) { return r.num < 0 ? Rational{-r.num, r.den} : r; }

// The label of the anchor nearest to `at` (the lower one on a tie), "" without anchors.
std::string NearestLabel(const Issue& issue, double at) {
  const Anchor* best = nullptr;
  for (const Anchor& a : issue.anchors) {
    if (!best || std::fabs(a.at - at) < std::fabs(best->at - at) ||
        (std::fabs(a.at - at) == std::fabs(best->at - at) && a.at < best->at)) {
      best = &a;
    }
  }
  return best ? best->label : std::string();
}

// Grid points of an issue as exact rationals.
std::vector<Rational> Grid(const Issue& issue, double step, int decimals) {
  std::vector<Rational> pts;
  if (issue.HasOptions()) {
    for (size_t o = 0; o < issue.options.size(); ++o) pts.push_back({static_cast<Num>(o), 1});
    return pts;
  }
  Rational lo = RationalFromDouble(issue.min, decimals),
           hi = RationalFromDouble(issue.max, decimals);
  Rational st = RationalFromDouble(step, decimals);
  if (st.num <= 0) st = RationalFromDouble(step, 12);  // a step finer than the rounding
  for (Rational x = lo; Compare(x, hi) <= 0; x = x + st) {
    pts.push_back(x);
    if (static_cast<int>(pts.size()) > kMaxGridPoints) break;
  }
  if (Compare(pts.back(), hi) != 0) pts.push_back(hi);
  return pts;
}

Rational Value(const Rational& position, const Rational& at, const Rational& range, Loss loss) {
  if (range.num == 0) return {1, 1};
  Rational dist = Abs(position - at) / range;
  return loss == Loss::kLinear ? Rational{1, 1} - dist : Rational{1, 1} - dist * dist;
}

AgreementSpace Build(const Scenario& s, const std::vector<int>& party_idx,
                     const PositionalOptions& opt, int decimals) {
  AgreementSpace sp;
  sp.title = s.title.empty() ? s.id : s.title;
  sp.utility_model = fmt::format("positional(loss={},step={})", LossName(opt.loss), opt.step);
  const int n = static_cast<int>(s.issues.size());
  std::vector<std::vector<Rational>> grids(n);
  std::vector<Rational> ranges(n), no_deal(n);
  for (int i = 0; i < n; ++i) {
    const Issue& is = s.issues[i];
    grids[i] = Grid(is, opt.step, decimals);
    ranges[i] = RationalFromDouble(is.Range(), decimals);
    no_deal[i] = RationalFromDouble(is.no_deal->value, decimals);
    SpaceIssue si{is.id, is.name.empty() ? is.id : is.name, !is.HasOptions(), {}, {}};
    for (size_t o = 0; o < grids[i].size(); ++o) {
      double v = ToDouble(grids[i][o]);
      si.values.push_back(v);
      si.labels.push_back(is.HasOptions() ? is.options[o] : NearestLabel(is, v));
    }
    sp.issues.push_back(std::move(si));
  }
  std::vector<std::vector<std::vector<Rational>>> terms;
  std::vector<Rational> d;
  for (int a : party_idx) {
    const Actor& actor = s.actors[a];
    sp.parties.push_back({actor.id, actor.name.empty() ? actor.id : actor.name});
    Rational total{0, 1};
    std::vector<Rational> sal(n, Rational{0, 1}), pos(n, Rational{0, 1});
    for (int i = 0; i < n; ++i) {
      if (!s.Participates(a, i)) continue;
      sal[i] = RationalFromDouble(s.At(a, i).salience->value, decimals);
      pos[i] = RationalFromDouble(s.At(a, i).position->value, decimals);
      total = total + sal[i];
    }
    std::vector<std::vector<Rational>> t(n);
    Rational da{0, 1};
    for (int i = 0; i < n; ++i) {
      Rational w = sal[i] / total;
      for (const Rational& g : grids[i]) t[i].push_back(w * Value(pos[i], g, ranges[i], opt.loss));
      da = da + w * Value(pos[i], no_deal[i], ranges[i], opt.loss);
    }
    auto cost = opt.no_agreement_cost.find(actor.id);
    if (cost != opt.no_agreement_cost.end()) da = da - RationalFromDouble(cost->second, decimals);
    terms.push_back(std::move(t));
    d.push_back(da);
  }
  SetExactUtilities(sp, terms, d);
  return sp;
}

}  // namespace

std::string_view LossName(Loss loss) { return loss == Loss::kLinear ? "linear" : "quadratic"; }

Count AgreementSpace::PackageCount() const {
  Count c = 1;
  for (int i = 0; i < NumIssues(); ++i) c = CheckedMulCount(c, static_cast<Count>(NumOptions(i)));
  return c;
}

std::vector<Num> AgreementSpace::Utilities(const std::vector<int>& package) const {
  std::vector<Num> u(parties.size(), 0);
  for (size_t a = 0; a < parties.size(); ++a) {
    for (size_t i = 0; i < issues.size(); ++i) u[a] += util[a][i][package[i]];
  }
  return u;
}

bool AgreementSpace::IsRational(const std::vector<Num>& utility) const {
  for (size_t a = 0; a < parties.size(); ++a) {
    if (utility[a] < disagreement[a]) return false;
  }
  return true;
}

void SetExactUtilities(AgreementSpace& sp,
                       const std::vector<std::vector<std::vector<Rational>>>& terms,
                       const std::vector<Rational>& d) {
  Num den = 1;
  auto take = [&](const Rational& r) {
    den = CheckedLcm(den, r.den);
    if (den > kNumLimit) throw ComputationError("exact arithmetic overflow (common denominator)");
  };
  for (const auto& party : terms)
    for (const auto& issue : party)
      for (const Rational& r : issue) take(r);
  for (const Rational& r : d) take(r);
  sp.denominator = den;
  sp.util.assign(terms.size(), {});
  sp.disagreement.clear();
  for (size_t a = 0; a < terms.size(); ++a) {
    Num hi = 0, lo = 0;
    for (const auto& issue : terms[a]) {
      std::vector<Num> row;
      Num mx = 0, mn = 0;
      for (size_t o = 0; o < issue.size(); ++o) {
        Num v = CheckedMul(issue[o].num, den / issue[o].den);
        row.push_back(v);
        if (o == 0 || v > mx) mx = v;
        if (o == 0 || v < mn) mn = v;
      }
      hi = CheckedAdd(hi, mx);
      lo = CheckedAdd(lo, mn);
      sp.util[a].push_back(std::move(row));
    }
    Num da = CheckedMul(d[a].num, den / d[a].den);
    if (hi > kNumLimit || -lo > kNumLimit || da > kNumLimit || -da > kNumLimit)
      throw ComputationError("exact arithmetic overflow (utility numerators)");
    sp.disagreement.push_back(da);
  }
  CheckSpace(sp);
}

void CheckSpace(const AgreementSpace& sp) {
  ENTENTE_CHECK_EQ(sp.util.size(), sp.parties.size());
  ENTENTE_CHECK_EQ(sp.disagreement.size(), sp.parties.size());
  ENTENTE_CHECK(sp.denominator > 0);
  for (const auto& party : sp.util) {
    ENTENTE_CHECK_EQ(party.size(), sp.issues.size());
    for (size_t i = 0; i < party.size(); ++i) {
      ENTENTE_CHECK_EQ(party[i].size(), sp.issues[i].values.size());
      ENTENTE_CHECK_EQ(sp.issues[i].labels.size(), sp.issues[i].values.size());
      ENTENTE_CHECK(!party[i].empty());
    }
  }
}

AgreementSpace BuildSpace(const Scenario& s, const PositionalOptions& opt) {
  ValidationReport report;
  const Location where{"", 0, 0, "deals options"};
  std::vector<int> party_idx;
  std::string known;
  for (const Actor& a : s.actors) known += (known.empty() ? "" : ", ") + a.id;
  if (opt.parties.empty()) {
    party_idx = s.PartyIndices();
  } else {
    std::set<std::string> seen;
    for (const std::string& id : opt.parties) {
      int idx = s.ActorIndex(id);
      if (idx < 0) {
        report.Add(where, "parties", id, "names no actor; actors are: " + known);
      } else if (!seen.insert(id).second) {
        report.Add(where, "parties", id, "party listed twice");
      } else {
        party_idx.push_back(idx);
      }
    }
  }
  if (report.ok() && party_idx.size() < 2)
    report.Add(where, "parties", fmt::format("{}", party_idx.size()),
               "a deal needs at least two parties");
  if (!(opt.step > 0) || !std::isfinite(opt.step))
    report.Add(where, "step", fmt::format("{}", opt.step), "must be a number > 0");
  for (const auto& [id, cost] : opt.no_agreement_cost) {
    bool is_party = false;
    for (int a : party_idx) is_party |= s.actors[a].id == id;
    if (!is_party) report.Add(where, "no_agreement_cost", id, "names no party of the deal");
    if (!(cost >= 0) || !std::isfinite(cost))
      report.Add(where, "no_agreement_cost", fmt::format("{}", cost),
                 "must be a number >= 0 (utility units)");
  }
  for (const Issue& is : s.issues) {
    if (!is.no_deal)
      report.Add(where, "issues." + is.id + ".no_deal", "",
                 "the issue has no no-deal point (where it stands if talks fail); the "
                 "disagreement point needs one on every issue");
  }
  if (s.issues.empty()) report.Add(where, "issues", "", "the scenario has no issues");
  for (int a : party_idx) {
    double total = 0;
    for (size_t i = 0; i < s.issues.size(); ++i)
      if (s.Participates(a, static_cast<int>(i)))
        total += s.At(a, static_cast<int>(i)).salience->value;
    if (!(total > 0))
      report.Add(where, "parties", s.actors[a].id, "the party has no salience on any issue");
  }
  if (!s.issues.empty() && opt.step > 0) {
    for (const Issue& is : s.issues) {
      if (!is.HasOptions() && is.Range() / opt.step + 1 > kMaxGridPoints)
        report.Add(where, "step", fmt::format("{}", opt.step),
                   fmt::format("gives more than {} points on issue {}", kMaxGridPoints, is.id));
    }
  }
  if (!report.ok()) throw InvalidInput(report);
  const int kDecimals[] = {12, 6, 3};
  for (int k = 0; k < 3; ++k) {
    try {
      AgreementSpace sp = Build(s, party_idx, opt, kDecimals[k]);
      if (k > 0)
        sp.notes.push_back(fmt::format(
            "inputs rounded to {} decimal places to keep the arithmetic exact", kDecimals[k]));
      return sp;
    } catch (const ComputationError&) {
      if (k == 2) throw;
    }
  }
  return {};
}

}  // namespace entente
