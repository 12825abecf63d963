// SPDX-License-Identifier: MIT
#include "entente/models/smp_turn.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "entente/core/rng.h"

namespace entente::smp {

Perspective MakePerspective(const Assessment& s, RiskAdjust ra, int h, int i) {
  const int n = s.n;
  Perspective v{h, i, std::vector<double>(n), std::vector<double>(n), std::vector<double>(n)};
  for (int m = 0; m < n; ++m) {
    v.r[m] = EstRisk(s.risk[h], s.risk[m], ra);
    v.u_own[m] = Util(s.dist[static_cast<size_t>(m) * n + m], v.r[m]);
    v.u_init[m] = Util(s.dist[static_cast<size_t>(i) * n + m], v.r[m]);
  }
  return v;
}

namespace {

template <VotingRule VR, Commit C>
Estimate Kernel(const Actors& a, const Assessment& s, const Perspective& v, int j) {
  const int n = a.n, i = v.i;
  const double* dist_j = &s.dist[static_cast<size_t>(j) * n];
  const double uii = v.u_own[i], uij = Util(dist_j[i], v.r[i]);
  const double uji = v.u_init[j], ujj = v.u_own[j];
  // The principals' own contributions, frozen as what every third party sees.
  const double ci = VoteT<VR>(a.sc[i], uii, uij), cj = VoteT<VR>(a.sc[j], uji, ujj);
  double chij = kMinChallenge, chji = kMinChallenge;
  if (ci > 0) chij += ci;
  if (ci < 0) chji -= ci;
  if (cj > 0) chij += cj;
  if (cj < 0) chji -= cj;
  const double base_i = chij, base_j = chji;
  for (int m = 0; m < n; ++m) {
    if (m == i || m == j) continue;
    const double w = a.sc[m];
    const double umi = v.u_init[m], umj = Util(dist_j[m], v.r[m]), umm = v.u_own[m];
    // m's "little conflict" estimate [Actor::vProbLittle].
    // Branch-free forms of KTAB's "add v if positive" (x + 0.0 == x, so the sums are the same).
    const double v0 = VoteT<VR>(w, umi, umj);
    const double cni = base_i + std::max(v0, 0.0), cnj = base_j - std::min(v0, 0.0);
    const double pin = cni / (cni + cnj), pjn = 1.0 - pin;
    // Utilities of ik>j, j>ik, i>jk, jk>i [Actor::thirdPartyVoteSU].
    const double ikj = C == Commit::kFull ? umi + umi + umi : umi + umi + umm;
    const double jik = C == Commit::kNo ? umj + umj + umm : umj + umj + umj;
    const double ijk = C == Commit::kNo ? umi + umi + umm : umi + umi + umi;
    const double jki = C == Commit::kFull ? umj + umj + umj : umj + umj + umm;
    const double vn = VoteT<VR>(w, (pin * ikj) + (pjn * jik), (pin * ijk) + (pjn * jki));
    chij += std::max(vn, 0.0);
    chji -= std::min(vn, 0.0);
  }
  const double phi = chij / (chij + chji), phji = chji / (chij + chji);
  const double eu_sq = uii + uij, eu_vict = uii + uii, eu_lose = uij + uij;
  const double eu_contest = phi * eu_vict + phji * eu_lose;
  const double eu_chlg = (1 - a.sigma[j]) * eu_vict + a.sigma[j] * eu_contest;
  return Estimate{phi, eu_chlg - eu_sq};
}

}  // namespace

Estimate EstimateChallenge(const Actors& a, const Assessment& s, const Config& cfg,
                           const Perspective& view, int j) {
  return WithVotingRule(cfg.voting, [&](auto rule) {
    constexpr VotingRule kRule = decltype(rule)::value;
    switch (cfg.commit) {
      case Commit::kNo:
        return Kernel<kRule, Commit::kNo>(a, s, view, j);
      case Commit::kFull:
        return Kernel<kRule, Commit::kFull>(a, s, view, j);
      case Commit::kSemi:
        break;
    }
    return Kernel<kRule, Commit::kSemi>(a, s, view, j);
  });
}

namespace {

Bargain Interpolated(const Actors& a, const std::vector<double>& pos, const Config& cfg, int i,
                     int j, double pi) {
  const int d = a.d;
  Bargain b{i, j, std::vector<double>(d), std::vector<double>(d), pi};
  for (int k = 0; k < d; ++k) {
    const size_t ik = static_cast<size_t>(i) * d + k, jk = static_cast<size_t>(j) * d + k;
    Interpolate(cfg.interp, pos[ik], a.sal[ik], pi, pos[jk], a.sal[jk], 1 - pi, b.pos_init[k],
                b.pos_rcvr[k]);
  }
  return b;
}

// The bargains actor i's challenge produces [SMPState::doBCN(i)].
std::vector<Bargain> MakeBargains(const Actors& a, const std::vector<double>& pos,
                                  const Assessment& s, const Config& cfg, const Challenge& c) {
  const int i = c.init, j = c.rcvr;
  Bargain bi = Interpolated(a, pos, cfg, i, j, c.phi);
  if (cfg.bargain == BargainModel::kInitOnly) return {bi};
  // j's view: P_i = phi from probEduChlg(h = j, k = i, i, j).
  const double phi_j =
      EstimateChallenge(a, s, cfg, MakePerspective(s, cfg.risk_adjust, j, i), j).phi;
  Bargain bj = Interpolated(a, pos, cfg, i, j, phi_j);
  if (cfg.bargain == BargainModel::kInitRcvr) return {bi, bj};
  const double wi = a.cap[i] * a.sigma[i];
  const double wj = (cfg.pw_ktab_weight ? a.cap[i] : a.cap[j]) * a.sigma[j];
  Bargain mix{i, j, std::vector<double>(a.d), std::vector<double>(a.d), c.phi};
  for (int k = 0; k < a.d; ++k) {
    if (wi + wj > 0) {
      mix.pos_init[k] = (wi * bi.pos_init[k] + wj * bj.pos_init[k]) / (wi + wj);
      mix.pos_rcvr[k] = (wi * bi.pos_rcvr[k] + wj * bj.pos_rcvr[k]) / (wi + wj);
    } else {  // both weights 0: the plain mean (KTAB divides by zero)
      mix.pos_init[k] = (bi.pos_init[k] + bj.pos_init[k]) / 2;
      mix.pos_rcvr[k] = (bi.pos_rcvr[k] + bj.pos_rcvr[k]) / 2;
    }
  }
  return {mix};
}

}  // namespace

TurnResult Turn(const Actors& a, const std::vector<double>& pos, const Assessment& s,
                const Config& cfg, uint64_t seed, const Workers& workers) {
  const int n = a.n, d = a.d;
  // 1. Challenges and bargains, each actor from the same pre-turn state.
  std::vector<Challenge> best(n);
  std::vector<std::vector<Bargain>> made(n);
  workers.For(n, [&](int begin, int end) {
    for (int i = begin; i < end; ++i) {
      const Perspective view = MakePerspective(s, cfg.risk_adjust, i, i);
      Challenge c{i, -1, -1.0, 0.0};
      for (int j = 0; j < n; ++j) {
        if (j == i) continue;
        const Estimate e = EstimateChallenge(a, s, cfg, view, j);
        if (kMinGain < e.gain && c.gain < e.gain) c.rcvr = j, c.gain = e.gain, c.phi = e.phi;
      }
      best[i] = c;
      if (c.rcvr >= 0) made[i] = MakeBargains(a, pos, s, cfg, c);
    }
  });
  TurnResult out;
  for (int i = 0; i < n; ++i) {
    if (best[i].rcvr >= 0) out.challenges.push_back(best[i]);
    for (auto& b : made[i]) out.bargains.push_back(std::move(b));
  }
  const int nb = static_cast<int>(out.bargains.size());
  // 2. Each voter's value of each bargain: U_a(b) differs from U_a(SQ) = (1/n) sum_m aUtil[a](a,m)
  // only in the initiator's and receiver's terms, so n x (bargains) values cost O(n d) each.
  std::vector<double> own(static_cast<size_t>(n) * n), total(n);
  workers.For(n, [&](int begin, int end) {
    for (int x = begin; x < end; ++x) {
      const double r = EstRisk(s.risk[x], s.risk[x], cfg.risk_adjust);
      double sum = 0.0;
      for (int m = 0; m < n; ++m) {
        sum += own[static_cast<size_t>(x) * n + m] =
            Util(s.dist[static_cast<size_t>(m) * n + x], r);
      }
      total[x] = sum;
    }
  });
  Matrix value(nb, n);  // value(b, a) = U_a(b)
  workers.For(nb, [&](int begin, int end) {
    for (int b = begin; b < end; ++b) {
      const Bargain& g = out.bargains[b];
      for (int x = 0; x < n; ++x) {
        const double* ideal = &pos[static_cast<size_t>(x) * d];
        const double* sal = &a.sal[static_cast<size_t>(x) * d];
        const double ui = Util(Distance(ideal, g.pos_init.data(), sal, a.ssq[x], d), s.risk[x]);
        const double ur = Util(Distance(ideal, g.pos_rcvr.data(), sal, a.ssq[x], d), s.risk[x]);
        const double* ox = &own[static_cast<size_t>(x) * n];
        // Symmetric in (init, rcvr), so two bargains moving the same actors to the same places
        // get bit-identical values, as in KTAB's direct sum.
        value(b, x) = ((ui + ur) + (total[x] - (ox[g.init] + ox[g.rcvr]))) / n;
      }
    }
  });
  // 3. Each actor's queue: its status quo, then its bargains by initiator; a PCE among all actors.
  std::vector<std::vector<int>> queue(n);
  for (int b = 0; b < nb; ++b) {
    queue[out.bargains[b].init].push_back(b);
    queue[out.bargains[b].rcvr].push_back(b);
  }
  std::vector<std::vector<double>> prob(n);
  workers.For(n, [&](int begin, int end) {
    for (int k = begin; k < end; ++k) {
      const auto& q = queue[k];
      auto util = [&](int x, int opt) { return opt == 0 ? total[x] / n : value(q[opt - 1], x); };
      prob[k] = Pce(cfg.pce, cfg.victory,
                    Coalitions(cfg.voting, a.cap, static_cast<int>(q.size()) + 1, util));
    }
  });
  Rng rng(seed);
  out.pos = pos;
  out.picks.resize(n);
  for (int k = 0; k < n; ++k) {
    const int m = cfg.transitions == Transitions::kStochastic ? DrawIndex(prob[k], rng.Uniform())
                                                              : ArgMaxFirst(prob[k]);
    out.picks[k] = Pick{m == 0 ? -1 : queue[k][m - 1], prob[k][m]};
    if (m == 0) continue;
    const Bargain& g = out.bargains[queue[k][m - 1]];
    const auto& to = g.init == k ? g.pos_init : g.pos_rcvr;
    std::copy(to.begin(), to.end(), out.pos.begin() + static_cast<size_t>(k) * d);
  }
  return out;
}

}  // namespace entente::smp
