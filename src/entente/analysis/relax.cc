// SPDX-License-Identifier: MIT
#include "entente/analysis/relax.h"

#include <algorithm>
#include <cmath>

namespace entente::relax {
namespace {

constexpr double kSlack = 1e-9;  // far above double rounding on utilities of order 1
constexpr int kDualIterations = 250;
constexpr int kFrankWolfeIterations = 300;

void ProjectSimplex(std::vector<double>& x, const std::vector<bool>& on) {
  std::vector<double> v;
  for (size_t a = 0; a < x.size(); ++a)
    if (on[a]) v.push_back(x[a]);
  if (v.empty()) return;
  std::sort(v.rbegin(), v.rend());
  double cum = 0, tau = 0;
  for (size_t k = 0; k < v.size(); ++k) {
    cum += v[k];
    double t = (cum - 1) / static_cast<double>(k + 1);
    if (v[k] - t > 0) tau = t;
  }
  for (size_t a = 0; a < x.size(); ++a) x[a] = on[a] ? std::max(0.0, x[a] - tau) : 0.0;
}

// Projected subgradient on the Lagrangian dual of a max-min or linear goal. Returns the best
// weight vector found and the ergodic average of the oracle's points (a primal estimate).
std::vector<double> Dual(const Oracle& o, const Goal& g, std::vector<std::vector<int>>* visited,
                         std::vector<double>* primal) {
  const int P = o.parties();
  std::vector<double> lam(P, 0.0), nu(P, 0.0), mu(P), u, best_mu;
  int goal_count = 0;
  for (int a = 0; a < P; ++a) goal_count += g.kind == Goal::kMaxMin && g.in_goal[a];
  for (int a = 0; a < P; ++a)
    if (g.kind == Goal::kMaxMin && g.in_goal[a]) lam[a] = 1.0 / goal_count;
  double best = kInf, weight_sum = 0;
  primal->assign(P, 0.0);
  std::vector<int> pkg;
  for (int k = 0; k < kDualIterations; ++k) {
    for (int a = 0; a < P; ++a) {
      mu[a] = nu[a] + (g.kind == Goal::kLinear ? g.coef[a] : 0.0);
      if (g.kind == Goal::kMaxMin && g.in_goal[a]) mu[a] += lam[a] / g.scale[a];
    }
    double val = o.Max(mu, &u, &pkg);
    if (k % 5 == 0 || k + 1 == kDualIterations) visited->push_back(pkg);
    for (int a = 0; a < P; ++a) {
      if (g.constrained[a]) val -= nu[a] * g.threshold[a];
      if (g.kind == Goal::kMaxMin && g.in_goal[a]) val -= lam[a] * g.base[a] / g.scale[a];
    }
    if (val < best) {
      best = val;
      best_mu = mu;
    }
    double step = 0.5 / std::sqrt(k + 1.0);
    weight_sum += step;
    for (int a = 0; a < P; ++a) (*primal)[a] += step * u[a];
    for (int a = 0; a < P; ++a) {
      if (g.constrained[a]) nu[a] = std::max(0.0, nu[a] - step * (u[a] - g.threshold[a]));
      if (g.kind == Goal::kMaxMin && g.in_goal[a]) lam[a] -= step * (u[a] - g.base[a]) / g.scale[a];
    }
    if (g.kind == Goal::kMaxMin) ProjectSimplex(lam, g.in_goal);
  }
  for (double& x : *primal) x /= weight_sum;
  return best_mu;
}

// Frank-Wolfe on sum_a log(u_a - base_a) over the convex hull of the packages, from y.
std::vector<double> NashWeights(const Oracle& o, const Goal& g, std::vector<double> y,
                                std::vector<std::vector<int>>* visited) {
  const int P = o.parties();
  std::vector<double> grad(P), s;
  std::vector<int> pkg;
  for (int k = 0; k < kFrankWolfeIterations; ++k) {
    for (int a = 0; a < P; ++a) grad[a] = 1.0 / (y[a] - g.base[a]);
    o.Max(grad, &s, &pkg);
    if (k % 5 == 0 || k + 1 == kFrankWolfeIterations) visited->push_back(pkg);
    // maximise f(t) = sum log(y + t (s - y) - base) on [0, 1]: bisection on f'.
    auto deriv = [&](double t) {
      double d = 0;
      for (int a = 0; a < P; ++a) d += (s[a] - y[a]) / (y[a] + t * (s[a] - y[a]) - g.base[a]);
      return d;
    };
    double lo = 0, hi = 1;
    if (deriv(1.0) >= 0) {
      lo = 1;
    } else {
      for (int it = 0; it < 40; ++it) {
        double mid = 0.5 * (lo + hi);
        (deriv(mid) > 0 ? lo : hi) = mid;
      }
    }
    bool ok = true;
    for (int a = 0; a < P; ++a) ok &= y[a] + lo * (s[a] - y[a]) - g.base[a] > 0;
    if (!ok) break;
    for (int a = 0; a < P; ++a) y[a] += lo * (s[a] - y[a]);
  }
  for (int a = 0; a < P; ++a) grad[a] = 1.0 / (y[a] - g.base[a]);
  return grad;
}

double MaxMinOne(const Goal& g, const std::vector<double>& lo, const std::vector<double>& mu,
                 double cap) {
  const int P = static_cast<int>(lo.size());
  std::vector<std::pair<double, int>> bp;
  double phi = 0, slope = 0;
  for (int a = 0; a < P; ++a) {
    phi += mu[a] * lo[a];
    if (g.in_goal[a] && mu[a] > 0) bp.push_back({(lo[a] - g.base[a]) / g.scale[a], a});
  }
  if (phi > cap + kSlack * (1 + std::fabs(cap))) return -kInf;
  std::sort(bp.begin(), bp.end());
  double z = bp.empty() ? kInf : bp[0].first;
  for (size_t k = 0; k < bp.size(); ++k) {
    double next = bp[k].first;
    double phi_next = phi + slope * (next - z);
    if (phi_next > cap) return z + (cap - phi) / slope;
    phi = phi_next;
    z = next;
    slope += mu[bp[k].second] * g.scale[bp[k].second];
  }
  return slope > 0 ? z + (cap - phi) / slope : kInf;
}

double NashOne(const std::vector<double>& glo, const std::vector<double>& ghi,
               const std::vector<double>& mu, double cap) {
  const int P = static_cast<int>(glo.size());
  double at_lo = 0, at_hi = 0;
  std::vector<double> pts;
  for (int a = 0; a < P; ++a) {
    at_lo += mu[a] * glo[a];
    at_hi += mu[a] * ghi[a];
    if (mu[a] > 0) {
      pts.push_back(mu[a] * glo[a]);
      pts.push_back(mu[a] * ghi[a]);
    }
  }
  if (at_lo > cap + kSlack * (1 + std::fabs(cap))) return -kInf;
  double prod = 1;
  if (at_hi <= cap) {
    for (int a = 0; a < P; ++a) prod *= ghi[a];
    return prod;
  }
  auto h = [&](double theta) {
    double s = 0;
    for (int a = 0; a < P; ++a)
      s += mu[a] > 0 ? std::clamp(theta, mu[a] * glo[a], mu[a] * ghi[a]) : 0.0;
    return s;
  };
  std::sort(pts.begin(), pts.end());
  double theta = pts.front();
  for (size_t k = 1; k < pts.size(); ++k) {
    double h0 = h(pts[k - 1]), h1 = h(pts[k]);
    if (h1 >= cap) {  // the crossing lies in [pts[k-1], pts[k]]
      theta = h1 > h0 ? pts[k - 1] + (cap - h0) * (pts[k] - pts[k - 1]) / (h1 - h0) : pts[k];
      break;
    }
    theta = pts[k];
  }
  for (int a = 0; a < P; ++a)
    prod *= mu[a] > 0 ? std::clamp(theta / mu[a], glo[a], ghi[a]) : ghi[a];
  return prod;
}

}  // namespace

Oracle::Oracle(const AgreementSpace& s) : parties_(s.NumParties()) {
  v_.resize(s.NumIssues());
  for (int i = 0; i < s.NumIssues(); ++i) {
    v_[i].assign(s.NumOptions(i), std::vector<double>(parties_));
    for (int o = 0; o < s.NumOptions(i); ++o)
      for (int a = 0; a < parties_; ++a) v_[i][o][a] = s.ToUtility(s.util[a][i][o]);
  }
}

double Oracle::Max(const std::vector<double>& mu, std::vector<double>* u,
                   std::vector<int>* package) const {
  u->assign(parties_, 0.0);
  if (package) package->assign(v_.size(), 0);
  double total = 0;
  for (size_t i = 0; i < v_.size(); ++i) {
    int best = 0;
    double best_val = -kInf;
    for (size_t o = 0; o < v_[i].size(); ++o) {
      double val = 0;
      for (int a = 0; a < parties_; ++a) val += mu[a] * v_[i][o][a];
      if (val > best_val) {
        best_val = val;
        best = static_cast<int>(o);
      }
    }
    total += best_val;
    for (int a = 0; a < parties_; ++a) (*u)[a] += v_[i][best][a];
    if (package) (*package)[i] = best;
  }
  return total;
}

std::vector<std::vector<double>> Multipliers(const Oracle& o, const Goal& g,
                                             std::vector<std::vector<int>>* visited) {
  std::vector<std::vector<double>> out;
  std::vector<double> primal;
  if (g.kind != Goal::kNash) {
    out.push_back(Dual(o, g, visited, &primal));
    return out;
  }
  // Nash: start Frank-Wolfe from the relaxed egalitarian point, when it has positive gains.
  Goal eg = g;
  eg.kind = Goal::kMaxMin;
  eg.in_goal.assign(o.parties(), true);
  eg.scale.assign(o.parties(), 1.0);
  out.push_back(Dual(o, eg, visited, &primal));
  bool interior = true;
  for (int a = 0; a < o.parties(); ++a) interior &= primal[a] - g.base[a] > 1e-9;
  if (interior) out.push_back(NashWeights(o, g, primal, visited));
  return out;
}

double Bound(const Goal& g, const std::vector<double>& lo, const std::vector<double>& hi,
             const std::vector<std::vector<double>>& mus, const std::vector<double>& caps) {
  const int P = static_cast<int>(lo.size());
  for (int a = 0; a < P; ++a)
    if (lo[a] > hi[a] + kSlack * (1 + std::fabs(hi[a]))) return -kInf;
  double best = kInf;
  if (g.kind == Goal::kMaxMin) {
    for (int a = 0; a < P; ++a)
      if (g.in_goal[a]) best = std::min(best, (hi[a] - g.base[a]) / g.scale[a]);
    for (size_t h = 0; h < mus.size(); ++h)
      best = std::min(best, MaxMinOne(g, lo, mus[h], caps[h]));
    return best;
  }
  if (g.kind == Goal::kLinear) {
    best = 0;
    for (int a = 0; a < P; ++a) best += g.coef[a] * hi[a];
    for (size_t h = 0; h < mus.size(); ++h) {
      double b = caps[h];
      bool ok = true;
      for (int a = 0; a < P && ok; ++a) {
        double lam = mus[h][a] - g.coef[a];
        ok = lam >= 0;
        b -= lam * lo[a];
      }
      if (ok) best = std::min(best, b);
    }
    for (size_t h = 0; h < mus.size(); ++h) {
      double need = 0;
      for (int a = 0; a < P; ++a) need += mus[h][a] * lo[a];
      if (need > caps[h] + kSlack * (1 + std::fabs(caps[h]))) return -kInf;
    }
    return best;
  }
  std::vector<double> glo(P), ghi(P), shifted(mus.size());
  for (int a = 0; a < P; ++a) {
    glo[a] = std::max(0.0, lo[a] - g.base[a]);
    ghi[a] = hi[a] - g.base[a];
    if (ghi[a] < -kSlack) return -kInf;
    ghi[a] = std::max(ghi[a], glo[a]);
  }
  best = 1;
  for (int a = 0; a < P; ++a) best *= ghi[a];
  for (size_t h = 0; h < mus.size(); ++h) {
    double cap = caps[h];
    for (int a = 0; a < P; ++a) cap -= mus[h][a] * g.base[a];
    best = std::min(best, NashOne(glo, ghi, mus[h], cap));
  }
  return best;
}

}  // namespace entente::relax
