// SPDX-License-Identifier: MIT
// A slow reference implementation of the Spatial Model of Politics, each formula written out as
// in the specification (KTAB's smp/kmodel code paths, the full aUtil[h](i,j) cube, bargain
// values summed term by term), checked against the fast engine on random scenarios with random
// parameters: the same positions every turn (1e-9) and the same number of turns.
#include <cmath>
#include <functional>

#include <gtest/gtest.h>

#include "entente/core/rng.h"
#include "entente/models/smp_turn.h"

namespace entente::smp {
namespace {

using Vec = std::vector<double>;
using Mat = std::vector<Vec>;

struct Ref {
  int n, d;
  Vec c;  // capabilities
  Mat s;  // saliences [i][k] on [0,1]
  Config cfg;

  double Sigma(int i) const {
    double t = 0;
    for (double v : s[i]) t += v;
    return t;
  }
  // delta_i(p) with ideal `x`.
  double Delta(int i, const Vec& x, const Vec& p) const {
    double num = 0, den = 0;
    for (int k = 0; k < d; ++k)
      num += std::pow(s[i][k] * (x[k] - p[k]), 2), den += s[i][k] * s[i][k];
    return den > 0 ? std::sqrt(num / den) : 0.0;
  }
  static double U(double delta, double r) {
    return delta <= 1 ? (1 - delta) * (1 + delta * r) : (1 - delta) * (1 + r);
  }
  double V(double w, double ua, double ub) const {
    const double du = ua - ub, bin = std::clamp(du / 1e-8, -1.0, 1.0);
    switch (cfg.voting) {
      case VotingRule::kBinary:
        return w * bin;
      case VotingRule::kPropBin:
        return w * (0.8 * du + 0.2 * bin);
      case VotingRule::kProp:
        return w * du;
      case VotingRule::kPropCbc:
        return w * (0.5 * du + 0.5 * du * du * du);
      case VotingRule::kCubic:
        return w * du * du * du;
      case VotingRule::kAsymProsp:
        return du < 0 ? w * du : (du > 0 ? 2 * w * du / 3 : 0.0);
    }
    return 0;
  }
  // PCE over `m` options; u(voter, option); voters weighted by capability.
  Vec Pce(int m, const std::function<double(int, int)>& u) const {
    Mat C(m, Vec(m, 1e-8)), P(m, Vec(m, 0.5));
    for (int i = 0; i < m; ++i) {
      for (int j = 0; j < i; ++j) {
        for (int k = 0; k < n; ++k) {
          const double v = V(c[k], u(k, i), u(k, j));
          if (v > 0) C[i][j] += v;
          if (v < 0) C[j][i] -= v;
        }
        const int e[] = {1, 2, 4, 8, 1};
        const double a = std::pow(C[i][j], e[int(cfg.victory)]);
        const double b = std::pow(C[j][i], e[int(cfg.victory)]);
        P[i][j] = a / (a + b), P[j][i] = b / (a + b);
        if (cfg.victory == VictoryModel::kBinary) {
          const double r = C[i][j] / (C[i][j] + C[j][i]), lin = (r * 2.1 - 1) / 0.1;
          const double x = C[i][j] >= 1.1 * C[j][i] ? 1 : (C[j][i] >= 1.1 * C[i][j] ? 1e-6 : lin);
          const double y =
              C[i][j] >= 1.1 * C[j][i] ? 1e-6 : (C[j][i] >= 1.1 * C[i][j] ? 1 : 1 - lin);
          P[i][j] = x / (x + y), P[j][i] = y / (x + y);
        }
      }
    }
    Vec p(m, 1.0 / m);
    if (cfg.pce == PceModel::kConditional) {
      double t = 0;
      for (int i = 0; i < m; ++i) {
        p[i] = 1;
        for (int j = 0; j < m; ++j) p[i] *= P[i][j];
        t += p[i];
      }
      for (double& x : p) x /= t;
      return p;
    }
    Mat cp(m, Vec(m));  // markov-incentive: P[i challenges j | j is favourite]
    for (int j = 0; j < m; ++j) {
      double t = 0;
      for (int k = 0; k < m; ++k) t += C[k][j] * P[k][j] + (k == j ? 1e-10 : 0);
      for (int i = 0; i < m; ++i) cp[i][j] = (C[i][j] * P[i][j] + (i == j ? 1e-10 : 0)) / t;
    }
    const bool uniform = cfg.pce == PceModel::kMarkovUniform;
    for (double change = 1; change > (uniform ? 1e-6 : 1e-8);) {
      Vec q(m, 0);
      change = 0;
      for (int i = 0; i < m; ++i) {
        for (int j = 0; j < m; ++j) {
          q[i] +=
              uniform ? P[i][j] * (p[i] + p[j]) / m : P[i][j] * (p[i] * cp[j][i] + p[j] * cp[i][j]);
        }
        change = std::max(change, std::fabs(q[i] - p[i]));
      }
      for (int i = 0; i < m; ++i) p[i] = (p[i] + q[i]) / 2;
    }
    return p;
  }
  double Est(double rh, double ri) const {
    const double w[] = {0, 1.0 / 3, 0.5, 2.0 / 3, 1};  // weight of ri
    return (1 - w[int(cfg.risk_adjust)]) * rh + w[int(cfg.risk_adjust)] * ri;
  }

  // One turn from positions x; returns the new positions.
  Mat Turn(const Mat& x, uint64_t seed) const {
    Mat vd(n, Vec(n));
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) vd[i][j] = Delta(i, x[i], x[j]);
    Vec p = Pce(n, [&](int k, int i) { return U(vd[k][i], 0); });
    const double lo = *std::min_element(p.begin(), p.end()),
                 hi = *std::max_element(p.begin(), p.end());
    Vec R(n, 0);
    for (int i = 0; i < n && hi - lo > 1e-12; ++i) {
      const double lows[] = {0, -0.5, -1};
      R[i] = lows[int(cfg.risk_range)] + (1 - lows[int(cfg.risk_range)]) * (p[i] - lo) / (hi - lo);
    }
    std::vector<Mat> au(n, Mat(n, Vec(n)));  // aUtil[h](i, j)
    for (int h = 0; h < n; ++h)
      for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) au[h][i][j] = U(vd[i][j], Est(R[h], R[i]));
    // probEduChlg(h, k, i, j): (phi, gain to k).
    auto chlg = [&](int h, int k, int i, int j) {
      const Mat& A = au[h];
      const double pi = V(Sigma(i) * c[i], A[i][i], A[i][j]),
                   pj = V(Sigma(j) * c[j], A[j][i], A[j][j]);
      const double ai = 1e-10 + std::max(pi, 0.0) + std::max(pj, 0.0);
      const double aj = 1e-10 + std::max(-pi, 0.0) + std::max(-pj, 0.0);
      double cij = ai, cji = aj;
      for (int m = 0; m < n; ++m) {
        if (m == i || m == j) continue;
        const double w = Sigma(m) * c[m], v0 = V(w, A[m][i], A[m][j]);
        const double pin =
            (ai + std::max(v0, 0.0)) / (ai + std::max(v0, 0.0) + aj + std::max(-v0, 0.0));
        const double mi = A[m][i], mj = A[m][j], mm = A[m][m];
        double ikj = 2 * mi + mm, jik = 3 * mj, ijk = 3 * mi, jki = 2 * mj + mm;  // semi
        if (cfg.commit == Commit::kFull) ikj = 3 * mi, jki = 3 * mj;
        if (cfg.commit == Commit::kNo) jik = 2 * mj + mm, ijk = 2 * mi + mm;
        const double v = V(w, pin * ikj + (1 - pin) * jik, pin * ijk + (1 - pin) * jki);
        cij += std::max(v, 0.0), cji += std::max(-v, 0.0);
      }
      const double phi = cij / (cij + cji), sj = Sigma(j);
      const double ch = (1 - sj) * 2 * A[k][i] + sj * (phi * 2 * A[k][i] + (1 - phi) * 2 * A[k][j]);
      return std::pair<double, double>(phi, ch - (A[k][i] + A[k][j]));
    };
    struct B {
      int i, j;
      Mat pos;
    };  // pos[0] = initiator's, pos[1] = receiver's
    auto interp = [&](int i, int j, double pi) {
      B b{i, j, Mat(2, Vec(d))};
      for (int k = 0; k < d; ++k) {
        const double ti = x[i][k], tj = x[j][k], si = s[i][k], sj = s[j][k], pj = 1 - pi;
        if (cfg.interp == Interp::kS2PMax) {
          const double di = std::max(pj - pi, 0.0), dj = std::max(pi - pj, 0.0);
          b.pos[0][k] = ti + di * sj * sj / (di * sj * sj + 1e-6 + (1 - di) * si * si) * (tj - ti);
          b.pos[1][k] = tj + dj * si * si / (dj * si * si + 1e-6 + (1 - dj) * sj * sj) * (ti - tj);
          continue;
        }
        const double e = cfg.interp == Interp::kS1P1 ? 1 : 2;
        const double wi = std::pow(si * pi, e), wj = std::pow(sj * pj, e);
        b.pos[0][k] = std::floor(((wi + 1e-6) * ti + wj * tj) / (wi + 1e-6 + wj) * 1e4 + 0.5) / 1e4;
        b.pos[1][k] = std::floor((wi * ti + (wj + 1e-6) * tj) / (wi + 1e-6 + wj) * 1e4 + 0.5) / 1e4;
      }
      return b;
    };
    std::vector<B> bargains;
    for (int i = 0; i < n; ++i) {
      int best = -1;
      double best_gain = -1, best_phi = 0;
      for (int j = 0; j < n; ++j) {
        if (j == i) continue;
        auto [phi, gain] = chlg(i, i, i, j);
        if (gain > 1e-5 && gain > best_gain) best = j, best_gain = gain, best_phi = phi;
      }
      if (best < 0) continue;
      B bi = interp(i, best, best_phi);
      if (cfg.bargain == BargainModel::kInitOnly) {
        bargains.push_back(bi);
        continue;
      }
      B bj = interp(i, best, chlg(best, i, i, best).first);
      if (cfg.bargain == BargainModel::kInitRcvr) {
        bargains.push_back(bi), bargains.push_back(bj);
        continue;
      }
      const double wi = c[i] * Sigma(i), wj = (cfg.pw_ktab_weight ? c[i] : c[best]) * Sigma(best);
      for (int side = 0; side < 2; ++side)
        for (int k = 0; k < d; ++k)
          bi.pos[side][k] = (wi * bi.pos[side][k] + wj * bj.pos[side][k]) / (wi + wj);
      bargains.push_back(bi);
    }
    Rng rng(seed);
    Mat next = x;
    for (int k = 0; k < n; ++k) {
      std::vector<int> q = {-1};
      for (int b = 0; b < int(bargains.size()); ++b)
        if (bargains[b].i == k || bargains[b].j == k) q.push_back(b);
      // U_a(b): the mean over the n positions of the state the bargain produces.
      auto value = [&](int a, int opt) {
        double sum = 0;
        for (int m = 0; m < n; ++m) {
          if (q[opt] >= 0 && (m == bargains[q[opt]].i || m == bargains[q[opt]].j)) continue;
          sum += au[a][a][m];
        }
        if (q[opt] >= 0) {
          for (int side = 0; side < 2; ++side)
            sum += U(Delta(a, x[a], bargains[q[opt]].pos[side]), R[a]);
        }
        return sum / n;
      };
      Vec pk = Pce(int(q.size()), value);
      int pick = 0;
      if (cfg.transitions == Transitions::kStochastic) {
        const double u = rng.Uniform();
        double cum = 0, tot = 0;
        for (double v : pk) tot += v;
        for (pick = 0; pick + 1 < int(pk.size()) && !(u * tot < (cum += pk[pick])); ++pick) {
        }
      } else {
        for (int m = 1; m < int(pk.size()); ++m)
          if (pk[m] > pk[pick]) pick = m;
      }
      if (q[pick] >= 0) next[k] = bargains[q[pick]].pos[bargains[q[pick]].i == k ? 0 : 1];
    }
    return next;
  }

  std::vector<Mat> Run(const Mat& x0, uint64_t seed) const {
    std::vector<Mat> st = {x0};
    auto dist = [&](const Mat& a, const Mat& b) {
      double t = 0;
      for (int i = 0; i < n; ++i) {
        double q = 0;
        for (int k = 0; k < d; ++k) q += (a[i][k] - b[i][k]) * (a[i][k] - b[i][k]);
        t += std::sqrt(q);
      }
      return t;
    };
    for (int t = 1;; ++t) {
      st.push_back(Turn(st.back(), DeriveSeed(seed, t)));
      if (t >= 2 && dist(st[t - 1], st[t]) / (dist(st[0], st[1]) + 1e-4) < cfg.stop_ratio) break;
      if (t >= cfg.max_turns) break;
    }
    return st;
  }
};

TEST(SmpReference, FastEngineMatchesTheFormulas) {
  Rng rng(20240601);
  int runs = 0, turns = 0;
  for (int trial = 0; trial < 60; ++trial) {
    const int n = 3 + static_cast<int>(rng() % 9), d = 1 + static_cast<int>(rng() % 3);
    Ref ref{n, d, Vec(n), Mat(n, Vec(d)), Config{}};
    Config& cfg = ref.cfg;
    // Binary-like voting rules turn 1e-16 rounding differences into votes comparable with the
    // 1e-8 coalition floor, so two correct evaluation orders may part ways; they are left out.
    const VotingRule rules[] = {VotingRule::kProp, VotingRule::kPropCbc, VotingRule::kCubic,
                                VotingRule::kAsymProsp};
    cfg.voting = rules[rng() % 4];
    cfg.victory = static_cast<VictoryModel>(rng() % 5);
    cfg.pce = static_cast<PceModel>(rng() % 3);
    cfg.transitions = static_cast<Transitions>(rng() % 2);
    cfg.risk_adjust = static_cast<RiskAdjust>(rng() % 5);
    cfg.risk_range = static_cast<RiskRange>(rng() % 3);
    cfg.commit = static_cast<Commit>(rng() % 3);
    cfg.interp = static_cast<Interp>(rng() % 3);
    cfg.bargain = static_cast<BargainModel>(rng() % 3);
    cfg.pw_ktab_weight = rng() % 2 == 0;
    cfg.max_turns = 25;
    Actors a;
    a.n = n, a.d = d;
    Mat x0(n, Vec(d));
    Vec pos;
    for (int i = 0; i < n; ++i) {
      ref.c[i] = 10 + 190 * rng.Uniform();
      const double total = 0.75 + 0.24 * rng.Uniform();
      Vec raw(d);
      double sum = 0;
      for (double& r : raw) sum += (r = 0.1 + 0.9 * rng.Uniform());
      for (int k = 0; k < d; ++k) {
        ref.s[i][k] = total * raw[k] / sum;
        x0[i][k] = std::round(100 * rng.Uniform()) / 100;
        a.sal.push_back(ref.s[i][k]), pos.push_back(x0[i][k]);
      }
    }
    a.cap = ref.c;
    a.Finish();
    RunContext ctx;
    ctx.seed = 1000 + trial;
    const smp::Run fast = Simulate(a, pos, cfg, ctx);
    const std::vector<Mat> slow = ref.Run(x0, ctx.seed);
    ASSERT_EQ(fast.states.size(), slow.size()) << "trial " << trial;
    for (size_t t = 0; t < slow.size(); ++t) {
      for (int i = 0; i < n; ++i) {
        for (int k = 0; k < d; ++k) {
          ASSERT_NEAR(fast.states[t].pos[size_t(i) * d + k], slow[t][i][k], 1e-9)
              << "trial " << trial << " turn " << t << " actor " << i << " dim " << k;
        }
      }
    }
    ++runs, turns += static_cast<int>(slow.size()) - 1;
  }
  EXPECT_EQ(runs, 60);
  EXPECT_GT(turns, 100);  // the comparison covered real dynamics, not just stopped runs
}

}  // namespace
}  // namespace entente::smp
