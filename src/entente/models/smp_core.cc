// SPDX-License-Identifier: MIT
#include "entente/models/smp_core.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numeric>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

namespace entente::smp {

double SumSq(const double* sal, int d) {
  double s = 0.0;
  for (int k = 0; k < d; ++k) s += sal[k] * sal[k];
  return s;
}

double Distance(const double* ideal, const double* p, const double* sal, double ssq, int d) {
  if (!(ssq > 0.0)) return 0.0;
  double ds = 0.0;
  for (int k = 0; k < d; ++k) {
    const double x = (ideal[k] - p[k]) * sal[k];
    ds += x * x;
  }
  return std::sqrt(ds / ssq);
}

void VictoryPair(VictoryModel vm, double s1, double s2, double& p1, double& p2) {
  double x1 = s1, x2 = s2;
  switch (vm) {
    case VictoryModel::kLinear:
      break;
    case VictoryModel::kSquare:
      x1 = s1 * s1, x2 = s2 * s2;
      break;
    case VictoryModel::kQuartic:
      x1 = (s1 * s1) * (s1 * s1), x2 = (s2 * s2) * (s2 * s2);
      break;
    case VictoryModel::kOctic: {
      const double q1 = (s1 * s1) * (s1 * s1), q2 = (s2 * s2) * (s2 * s2);
      x1 = q1 * q1, x2 = q2 * q2;
      break;
    }
    case VictoryModel::kBinary: {
      // Certain victory at a 10% advantage either way, linear in between [Model::vProb].
      const double thresh = 1.10, min_x = 1e-6;
      if (s1 >= thresh * s2) {
        x1 = 1.0, x2 = min_x;
      } else if (s2 >= thresh * s1) {
        x1 = min_x, x2 = 1.0;
      } else {
        const double r12 = s1 / (s1 + s2);
        const double p12 = (r12 * (thresh + 1.0) - 1.0) / (thresh - 1.0);
        x1 = p12, x2 = 1 - p12;
      }
      break;
    }
  }
  p1 = x1 / (x1 + x2);
  p2 = x2 / (x1 + x2);
}

Matrix VictoryMatrix(VictoryModel vm, const Matrix& c) {
  const int n = c.rows;
  Matrix p(n, n);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < i; ++j) VictoryPair(vm, c(i, j), c(j, i), p(i, j), p(j, i));
    p(i, i) = 0.5;
  }
  return p;
}

namespace {

constexpr int kMaxMarkovIterations = 10000;

std::vector<double> Conditional(const Matrix& pv) {
  const int n = pv.rows;
  std::vector<double> p(n, 1.0);
  double total = 0.0;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) p[i] *= pv(i, j);
    total += p[i];
  }
  if (total >= DBL_MIN) {
    for (double& x : p) x /= total;
    return p;
  }
  // Every product underflowed: the same normalisation in logs.
  std::vector<double> lp(n, 0.0);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) lp[i] += std::log(pv(i, j));
  }
  const double top = *std::max_element(lp.begin(), lp.end());
  total = 0.0;
  for (int i = 0; i < n; ++i) total += (p[i] = std::exp(lp[i] - top));
  for (double& x : p) x /= total;
  return p;
}

std::vector<double> MarkovUniform(const Matrix& pv) {
  const int n = pv.rows;
  std::vector<double> p(n, 1.0 / n), q(n);
  double change = 1.0;
  for (int iter = 0; change > 1e-6 && iter < kMaxMarkovIterations; ++iter) {
    change = 0.0;
    for (int i = 0; i < n; ++i) {
      double s = 0.0;
      for (int j = 0; j < n; ++j) s += pv(i, j) * (p[i] + p[j]);
      q[i] = s / n;
      change = std::max(change, std::fabs(q[i] - p[i]));
    }
    for (int i = 0; i < n; ++i) p[i] = (p[i] + q[i]) / 2.0;
  }
  return p;
}

std::vector<double> MarkovIncentive(const Matrix& c, const Matrix& pv) {
  const int n = c.rows;
  Matrix inc(n, n), cp(n, n);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) inc(i, j) = c(i, j) * pv(i, j) + (i == j ? 1e-10 : 0.0);
  }
  for (int j = 0; j < n; ++j) {
    double s = 0.0;
    for (int k = 0; k < n; ++k) s += inc(k, j);
    for (int i = 0; i < n; ++i) cp(i, j) = inc(i, j) / s;
  }
  std::vector<double> p(n, 1.0 / n), q(n);
  Matrix ct(n, n);
  double change = 1.0;
  for (int iter = 0; change > 1e-8 && iter < kMaxMarkovIterations; ++iter) {
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) ct(i, j) = p[i] * cp(j, i);
    }
    change = 0.0;
    for (int i = 0; i < n; ++i) {
      double s = 0.0;
      for (int j = 0; j < n; ++j) s += pv(i, j) * (ct(i, j) + ct(j, i));
      q[i] = s;
      change = std::max(change, std::fabs(q[i] - p[i]));
    }
    for (int i = 0; i < n; ++i) p[i] = (p[i] + q[i]) / 2.0;
  }
  return p;
}

}  // namespace

std::vector<double> Pce(PceModel pm, VictoryModel vm, const Matrix& c) {
  const Matrix pv = VictoryMatrix(vm, c);
  switch (pm) {
    case PceModel::kConditional:
      return Conditional(pv);
    case PceModel::kMarkovUniform:
      return MarkovUniform(pv);
    case PceModel::kMarkovIncentive:
      return MarkovIncentive(c, pv);
  }
  return Conditional(pv);
}

std::vector<double> BigR(const std::vector<double>& p, RiskRange rr) {
  double lo = 1.0, hi = 0.0;
  for (double x : p) lo = std::min(lo, x), hi = std::max(hi, x);
  std::vector<double> r(p.size(), 0.0);
  if (!(hi - lo > 1e-12)) return r;
  for (size_t i = 0; i < p.size(); ++i) {
    switch (rr) {
      case RiskRange::kMin:
        r[i] = (p[i] - lo) / (hi - lo);
        break;
      case RiskRange::kMid:
        r[i] = (3 * p[i] - (hi + 2 * lo)) / (2 * (hi - lo));
        break;
      case RiskRange::kMax:
        r[i] = (2 * p[i] - (hi + lo)) / (hi - lo);
        break;
    }
  }
  return r;
}

double EstRisk(double rh, double ri, RiskAdjust ra) {
  switch (ra) {
    case RiskAdjust::kFull:
      return ri;
    case RiskAdjust::kTwoThirds:
      return (rh + (2.0 * ri)) / 3.0;
    case RiskAdjust::kHalf:
      return (rh + ri) / 2;
    case RiskAdjust::kOneThird:
      return ((2.0 * rh) + ri) / 3.0;
    case RiskAdjust::kNone:
      return rh;
  }
  return rh;
}

double Round4(double x) { return std::floor(0.5 + x * 10000.0) / 10000.0; }

void Interpolate(Interp ip, double ti, double si, double pi, double tj, double sj, double pj,
                 double& bi, double& bj) {
  if (ip == Interp::kS2PMax) {
    const double di = pj > pi ? pj - pi : 0.0, dj = pi > pj ? pi - pj : 0.0;
    const double si2 = si * si, sj2 = sj * sj;
    const double dik = (di * sj2) / ((di * sj2) + kMinBargainW + ((1 - di) * si2));
    const double djk = (dj * si2) / ((dj * si2) + kMinBargainW + ((1 - dj) * sj2));
    bi = ti + dik * (tj - ti);
    bj = tj + djk * (ti - tj);
    return;
  }
  const double e = ip == Interp::kS1P1 ? 1.0 : 2.0;
  const double wi = std::pow(si, e) * std::pow(pi, e);
  const double wj = std::pow(sj, e) * std::pow(pj, e);
  bi = Round4(((wi + kMinBargainW) * ti + wj * tj) / (wi + kMinBargainW + wj));
  bj = Round4((wi * ti + (kMinBargainW + wj) * tj) / (wi + kMinBargainW + wj));
}

int ArgMaxFirst(const std::vector<double>& p) {
  int best = 0;
  for (int i = 1; i < static_cast<int>(p.size()); ++i) {
    if (p[i] > p[best]) best = i;
  }
  return best;
}

int DrawIndex(const std::vector<double>& p, double u) {
  double total = std::accumulate(p.begin(), p.end(), 0.0), cum = 0.0;
  for (int i = 0; i < static_cast<int>(p.size()); ++i) {
    cum += p[i];
    if (u * total < cum) return i;
  }
  return static_cast<int>(p.size()) - 1;
}

struct Workers::Arena {
  tbb::task_arena arena;
  explicit Arena(int threads) : arena(threads > 0 ? threads : tbb::task_arena::automatic) {}
};

Workers::Workers(int threads) {
  if (threads != 1) arena_ = std::make_unique<Arena>(threads);
}

Workers::~Workers() = default;

void Workers::For(int n, const std::function<void(int, int)>& body) const {
  if (n <= 0) return;
  if (!arena_ || n < 16) {
    body(0, n);
    return;
  }
  arena_->arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<int>(0, n),
                      [&](const tbb::blocked_range<int>& r) { body(r.begin(), r.end()); });
  });
}

void Actors::Finish() {
  sigma.assign(n, 0.0), ssq.assign(n, 0.0), sc.assign(n, 0.0);
  for (int i = 0; i < n; ++i) {
    for (int k = 0; k < d; ++k) sigma[i] += sal[static_cast<size_t>(i) * d + k];
    ssq[i] = SumSq(&sal[static_cast<size_t>(i) * d], d);
    sc[i] = sigma[i] * cap[i];
  }
}

}  // namespace entente::smp
