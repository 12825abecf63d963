// SPDX-License-Identifier: MIT
#include "entente/analysis/search.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "entente/analysis/relax.h"
#include "entente/core/errors.h"

namespace entente {
namespace {

using relax::kInf;

constexpr double kWiden = 1e-11;  // the bound's box is widened by this (utility units)

struct OptionClass {
  int option = 0;  // the first option of the class
  Count multiplicity = 1;
  std::vector<Num> vn;
  std::vector<double> vd;
  std::vector<double> hv;  // mu_h . vd
};

class Searcher {
 public:
  Searcher(const AgreementSpace& s, const SearchGoal& g, const RunContext& ctx)
      : s_(s), g_(g), ctx_(ctx), P_(s.NumParties()), n_(s.NumIssues()) {}

  SearchResult Run() {
    ctx_.CheckCancelled();
    Prepare();
    for (const auto& pkg : visited_) {
      Evaluate(pkg);
      if (stopped_) return res_;  // stop_at reached by a relaxation's package
    }
    std::fill(pu_[0].begin(), pu_[0].end(), 0.0);
    std::fill(pn_[0].begin(), pn_[0].end(), Num(0));
    std::fill(hp_[0].begin(), hp_[0].end(), 0.0);
    mult_[0] = 1;
    // The incumbent came from outside the tree walk: the walk counts every tie itself.
    res_.ties = 0;
    Node(0);
    res_.nodes = nodes_;
    if (!res_.feasible) res_.ties = 0;
    return res_;
  }

 private:
  void Prepare() {
    relax::Oracle oracle(s_);
    goal_d_.kind = static_cast<relax::Goal::Kind>(g_.kind);
    goal_d_.in_goal.assign(P_, false);
    goal_d_.base.assign(P_, 0.0);
    goal_d_.scale.assign(P_, 1.0);
    goal_d_.coef.assign(P_, 0.0);
    goal_d_.constrained = g_.constrained;
    goal_d_.threshold.assign(P_, 0.0);
    min_scale_ = 1;
    for (int a = 0; a < P_; ++a) {
      if (g_.constrained[a]) goal_d_.threshold[a] = s_.ToUtility(g_.threshold[a]);
      if (!g_.base.empty()) goal_d_.base[a] = s_.ToUtility(g_.base[a]);
      if (g_.kind == SearchGoal::kMaxMin && g_.scale[a] > 0) {
        goal_d_.in_goal[a] = true;
        goal_d_.scale[a] = s_.ToUtility(g_.scale[a]);
        min_scale_ = std::min(min_scale_, goal_d_.scale[a]);
      }
      if (g_.kind == SearchGoal::kLinear) goal_d_.coef[a] = NumToDouble(g_.coef[a]);
    }
    mus_ = relax::Multipliers(oracle, goal_d_, &visited_);
    const int H = static_cast<int>(mus_.size());
    // Option classes, sorted best-first by the first hyperplane.
    classes_.resize(n_);
    std::vector<double> spread(n_, 0.0);
    for (int i = 0; i < n_; ++i) {
      std::map<std::vector<Num>, int> seen;
      for (int o = 0; o < s_.NumOptions(i); ++o) {
        std::vector<Num> vn(P_);
        for (int a = 0; a < P_; ++a) vn[a] = s_.util[a][i][o];
        auto [it, fresh] = seen.emplace(vn, static_cast<int>(classes_[i].size()));
        if (!fresh) {
          ++classes_[i][it->second].multiplicity;
          continue;
        }
        OptionClass c{o, 1, vn, oracle.v()[i][o], std::vector<double>(H, 0.0)};
        for (int h = 0; h < H; ++h)
          for (int a = 0; a < P_; ++a) c.hv[h] += mus_[h][a] * c.vd[a];
        classes_[i].push_back(std::move(c));
      }
      auto key = [&](const OptionClass& c) { return H > 0 ? c.hv[0] : c.vd[0]; };
      std::stable_sort(classes_[i].begin(), classes_[i].end(),
                       [&](const OptionClass& x, const OptionClass& y) { return key(x) > key(y); });
      spread[i] = key(classes_[i].front()) - key(classes_[i].back());
    }
    order_.resize(n_);
    for (int i = 0; i < n_; ++i) order_[i] = i;
    std::stable_sort(order_.begin(), order_.end(),
                     [&](int x, int y) { return spread[x] > spread[y]; });
    // Suffix bounds over the issues in search order.
    sufmax_.assign(n_ + 1, std::vector<double>(P_, 0.0));
    sufmin_ = sufmax_;
    sufh_.assign(n_ + 1, std::vector<double>(H, 0.0));
    for (int j = n_ - 1; j >= 0; --j) {
      const auto& cl = classes_[order_[j]];
      for (int a = 0; a < P_; ++a) {
        double mx = -kInf, mn = kInf;
        for (const auto& c : cl) {
          mx = std::max(mx, c.vd[a]);
          mn = std::min(mn, c.vd[a]);
        }
        sufmax_[j][a] = sufmax_[j + 1][a] + mx;
        sufmin_[j][a] = sufmin_[j + 1][a] + mn;
      }
      for (int h = 0; h < H; ++h) {
        double mx = -kInf;
        for (const auto& c : cl) mx = std::max(mx, c.hv[h]);
        sufh_[j][h] = sufh_[j + 1][h] + mx;
      }
    }
    pu_.assign(n_ + 1, std::vector<double>(P_));
    pn_.assign(n_ + 1, std::vector<Num>(P_));
    hp_.assign(n_ + 1, std::vector<double>(H));
    mult_.assign(n_ + 1, 1);
    choice_.assign(n_, 0);
    lo_.resize(P_);
    hi_.resize(P_);
    caps_.resize(H);
  }

  double Margin() const {
    if (g_.kind == SearchGoal::kNash) return 1e-9 * std::fabs(best_d_) + 1e-300;
    double m = 1e-9 * (1 + std::fabs(best_d_));
    return g_.kind == SearchGoal::kMaxMin ? m + 1e-12 / min_scale_ : m;
  }

  void Node(int j) {
    if ((++nodes_ & 0xFFFF) == 0) {
      ctx_.CheckCancelled();
      ctx_.Report(static_cast<double>(nodes_), 0, "branch and bound");
      if (nodes_ > g_.node_limit) {
        stopped_ = true;
        res_.complete = false;
      }
    }
    if (stopped_) return;
    if (j == n_) {
      Leaf(pn_[n_], mult_[n_]);
      return;
    }
    for (int a = 0; a < P_; ++a) {
      lo_[a] = pu_[j][a] + sufmin_[j][a] - kWiden;
      hi_[a] = pu_[j][a] + sufmax_[j][a] + kWiden;
      if (g_.constrained[a]) lo_[a] = std::max(lo_[a], goal_d_.threshold[a] - kWiden);
    }
    for (size_t h = 0; h < caps_.size(); ++h) caps_[h] = hp_[j][h] + sufh_[j][h] + kWiden;
    double b = relax::Bound(goal_d_, lo_, hi_, mus_, caps_);
    if (b == -kInf) return;
    if (res_.feasible && b < best_d_ - Margin()) return;
    const int issue = order_[j];
    for (size_t k = 0; k < classes_[issue].size(); ++k) {
      const OptionClass& c = classes_[issue][k];
      for (int a = 0; a < P_; ++a) {
        pu_[j + 1][a] = pu_[j][a] + c.vd[a];
        pn_[j + 1][a] = pn_[j][a] + c.vn[a];
      }
      for (size_t h = 0; h < caps_.size(); ++h) hp_[j + 1][h] = hp_[j][h] + c.hv[h];
      mult_[j + 1] = mult_[j] * c.multiplicity;
      choice_[j] = static_cast<int>(k);
      Node(j + 1);
      if (stopped_) return;
    }
  }

  // Exact value of a feasible utility vector; returns false when infeasible.
  bool Value(const std::vector<Num>& u, Num* num, Num* den, Wide* prod) const {
    for (int a = 0; a < P_; ++a)
      if (g_.constrained[a] && u[a] < g_.threshold[a]) return false;
    if (g_.kind == SearchGoal::kLinear) {
      *num = 0;
      for (int a = 0; a < P_; ++a) *num += g_.coef[a] * u[a];
    } else if (g_.kind == SearchGoal::kNash) {
      *prod = Wide(1);
      for (int a = 0; a < P_; ++a) prod->Mul(static_cast<UNum>(u[a] - g_.base[a]));
    } else {
      bool first = true;
      *num = 1;
      *den = 1;
      for (int a = 0; a < P_; ++a) {
        if (g_.scale[a] <= 0) continue;
        Num gain = u[a] - g_.base[a];
        if (first || CompareFractions(gain, g_.scale[a], *num, *den) < 0) {
          *num = gain;
          *den = g_.scale[a];
        }
        first = false;
      }
    }
    return true;
  }

  // Leximin comparison of two vectors' sorted ratios (kMaxMin tie-break).
  int Leximin(const std::vector<Num>& x, const std::vector<Num>& y) const {
    auto sorted = [&](const std::vector<Num>& u) {
      std::vector<std::pair<Num, Num>> r;
      for (int a = 0; a < P_; ++a)
        if (g_.scale[a] > 0) r.push_back({u[a] - g_.base[a], g_.scale[a]});
      std::sort(r.begin(), r.end(), [](const auto& p, const auto& q) {
        return CompareFractions(p.first, p.second, q.first, q.second) < 0;
      });
      return r;
    };
    auto rx = sorted(x), ry = sorted(y);
    for (size_t k = 0; k < rx.size(); ++k) {
      int c = CompareFractions(rx[k].first, rx[k].second, ry[k].first, ry[k].second);
      if (c != 0) return c;
    }
    return 0;
  }

  // A feasible package with exact value (num/den or prod): from the tree walk (counted, with its
  // multiplicity) or a candidate from the relaxation (`pkg`, not counted).
  void Accept(const std::vector<Num>& u, Num num, Num den, const Wide& prod, Count mult,
              const std::vector<int>* pkg) {
    const bool from_walk = pkg == nullptr;
    int c = 1;
    if (res_.feasible) {
      if (g_.kind == SearchGoal::kNash)
        c = Compare(prod, res_.product);
      else if (g_.kind == SearchGoal::kLinear)
        c = num < res_.value_num ? -1 : num > res_.value_num;
      else
        c = CompareFractions(num, den, res_.value_num, res_.value_den);
    }
    if (c < 0) return;
    bool replace = c > 0 || (g_.kind == SearchGoal::kMaxMin && Leximin(u, res_.utility) > 0);
    if (c > 0) res_.ties = 0;
    if (from_walk) res_.ties += mult;
    res_.feasible = true;
    if (replace) {
      res_.value_num = num;
      res_.value_den = den;
      res_.product = prod;
      res_.utility = u;
      if (from_walk) {
        res_.package.assign(n_, 0);
        for (int j = 0; j < n_; ++j)
          res_.package[order_[j]] = classes_[order_[j]][choice_[j]].option;
      } else {
        res_.package = *pkg;
      }
      if (g_.kind == SearchGoal::kNash) {
        best_d_ = 1;
        for (int a = 0; a < P_; ++a) best_d_ *= s_.ToUtility(u[a] - g_.base[a]);
      } else {
        best_d_ = g_.kind == SearchGoal::kLinear ? s_.ToUtility(num)
                                                 : NumToDouble(num) / NumToDouble(den);
      }
    }
    if (g_.stop_at && c >= 0) {
      bool reached = g_.kind == SearchGoal::kLinear
                         ? num >= *g_.stop_at
                         : CompareFractions(num, den, *g_.stop_at, 1) >= 0;
      if (reached) {
        stopped_ = true;
        res_.complete = false;
      }
    }
  }

  void Leaf(const std::vector<Num>& u, Count mult) {
    Num num = 0, den = 1;
    Wide prod;
    if (!Value(u, &num, &den, &prod)) return;
    Accept(u, num, den, prod, mult, nullptr);
  }

  void Evaluate(const std::vector<int>& pkg) {
    std::vector<Num> u = s_.Utilities(pkg);
    Num num = 0, den = 1;
    Wide prod;
    if (!Value(u, &num, &den, &prod)) return;
    Accept(u, num, den, prod, 0, &pkg);
  }

  const AgreementSpace& s_;
  const SearchGoal& g_;
  const RunContext& ctx_;
  const int P_, n_;
  relax::Goal goal_d_;
  double min_scale_ = 1;
  std::vector<std::vector<double>> mus_;
  std::vector<std::vector<int>> visited_;
  std::vector<std::vector<OptionClass>> classes_;
  std::vector<int> order_;
  std::vector<std::vector<double>> sufmax_, sufmin_, sufh_, pu_, hp_;
  std::vector<std::vector<Num>> pn_;
  std::vector<Count> mult_;
  std::vector<int> choice_;
  std::vector<double> lo_, hi_, caps_;
  SearchResult res_;
  double best_d_ = -kInf;
  uint64_t nodes_ = 0;
  bool stopped_ = false;
};

}  // namespace

SearchResult Search(const AgreementSpace& s, const SearchGoal& g, const RunContext& ctx) {
  const int P = s.NumParties();
  ENTENTE_CHECK_EQ(static_cast<int>(g.constrained.size()), P);
  ENTENTE_CHECK_EQ(static_cast<int>(g.threshold.size()), P);
  if (g.kind == SearchGoal::kNash) {
    ENTENTE_CHECK_EQ(static_cast<int>(g.base.size()), P);
    for (int a = 0; a < P; ++a) ENTENTE_CHECK(g.constrained[a] && g.threshold[a] >= g.base[a]);
  }
  if (g.kind == SearchGoal::kMaxMin) ENTENTE_CHECK_EQ(static_cast<int>(g.scale.size()), P);
  if (g.kind == SearchGoal::kLinear) ENTENTE_CHECK_EQ(static_cast<int>(g.coef.size()), P);
  return Searcher(s, g, ctx).Run();
}

SearchGoal RationalGoal(const AgreementSpace& s, SearchGoal::Kind kind) {
  SearchGoal g;
  g.kind = kind;
  const int P = s.NumParties();
  g.constrained.assign(P, true);
  g.threshold = s.disagreement;
  g.base = s.disagreement;
  g.scale.assign(P, kind == SearchGoal::kMaxMin ? 1 : 0);
  g.coef.assign(P, kind == SearchGoal::kLinear ? 1 : 0);
  return g;
}

}  // namespace entente
