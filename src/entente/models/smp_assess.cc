// SPDX-License-Identifier: MIT
// The per-state assessment of the Spatial Model of Politics: distances, risk attitudes from the
// risk-neutral PCE [SMPState::setAllAUtil], and the probabilities of the distinct positions
// reported each turn [SMPState::pDist(-1)].
#include <algorithm>
#include <cmath>
#include <numeric>

#include "entente/models/smp_core.h"

namespace entente::smp {
namespace {

// Coalitions [Model::coalitions] from a table ut(option, voter), rows computed in parallel.
Matrix CoalitionsTable(VotingRule vr, const std::vector<double>& w, const Matrix& ut,
                       const Workers& workers) {
  const int n_opt = ut.rows, nv = ut.cols;
  Matrix c(n_opt, n_opt, kMinCoalition);
  WithVotingRule(vr, [&](auto rule) {
    constexpr VotingRule kRule = decltype(rule)::value;
    workers.For(n_opt, [&](int begin, int end) {
      for (int i = begin; i < end; ++i) {
        const double* ui = &ut.v[static_cast<size_t>(i) * nv];
        for (int j = 0; j < i; ++j) {
          const double* uj = &ut.v[static_cast<size_t>(j) * nv];
          double cij = kMinCoalition, cji = kMinCoalition;
          for (int k = 0; k < nv; ++k) {
            const double v = VoteT<kRule>(w[k], ui[k], uj[k]);
            cij += std::max(v, 0.0);  // KTAB's "add if positive", branch-free
            cji -= std::min(v, 0.0);
          }
          c(i, j) = cij;  // each (i, j) and (j, i) with j < i is written by row i's task only
          c(j, i) = cji;
        }
      }
    });
    return 0;
  });
  return c;
}

double Gap(const double* a, const double* b, int d) {
  double s = 0.0;
  for (int k = 0; k < d; ++k) s += (a[k] - b[k]) * (a[k] - b[k]);
  return std::sqrt(s);
}

// Groups positions within kSamePosition of a representative, scanning actors in lexicographic
// order of position (so the grouping does not depend on the order actors are listed in), and
// runs a PCE over the representatives with u(i, rep) = aUtil[i](i, rep).
void GroupProbabilities(const Actors& a, const std::vector<double>& pos, const Config& cfg,
                        const Workers& workers, Assessment& s) {
  const int n = a.n, d = a.d;
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    return std::lexicographical_compare(
        &pos[static_cast<size_t>(x) * d], &pos[static_cast<size_t>(x) * d] + d,
        &pos[static_cast<size_t>(y) * d], &pos[static_cast<size_t>(y) * d] + d);
  });
  std::vector<int> reps, gid(n);
  for (int x : order) {
    int g = -1;
    for (int r = 0; r < static_cast<int>(reps.size()) && g < 0; ++r) {
      if (Gap(&pos[static_cast<size_t>(x) * d], &pos[static_cast<size_t>(reps[r]) * d], d) <
          kSamePosition) {
        g = r;
      }
    }
    if (g < 0) g = static_cast<int>(reps.size()), reps.push_back(x);
    gid[x] = g;
  }
  const int ng = static_cast<int>(reps.size());
  Matrix ut(ng, n);
  for (int g = 0; g < ng; ++g) {
    for (int i = 0; i < n; ++i) ut(g, i) = s.AUtil(i, i, reps[g], cfg.risk_adjust);
  }
  const std::vector<double> p =
      Pce(cfg.pce, cfg.victory, CoalitionsTable(cfg.voting, a.cap, ut, workers));
  s.group.resize(n), s.prob.resize(n);
  for (int x = 0; x < n; ++x) s.group[x] = reps[gid[x]], s.prob[x] = p[gid[x]];
}

}  // namespace

Assessment Assess(const Actors& a, const std::vector<double>& pos, const Config& cfg,
                  const Workers& workers) {
  const int n = a.n, d = a.d;
  Assessment s;
  s.n = n;
  s.dist.resize(static_cast<size_t>(n) * n);
  workers.For(n, [&](int begin, int end) {
    for (int j = begin; j < end; ++j) {
      for (int i = 0; i < n; ++i) {
        s.dist[static_cast<size_t>(j) * n + i] =
            Distance(&pos[static_cast<size_t>(i) * d], &pos[static_cast<size_t>(j) * d],
                     &a.sal[static_cast<size_t>(i) * d], a.ssq[i], d);
      }
    }
  });
  // Risk-neutral utilities of every actor's position, a PCE over all n positions (duplicates
  // not merged) weighted by capability, and the risk attitudes it implies.
  Matrix ut(n, n);
  for (int j = 0; j < n; ++j) {
    for (int i = 0; i < n; ++i) ut(j, i) = Util(s.dist[static_cast<size_t>(j) * n + i], 0.0);
  }
  const std::vector<double> p =
      Pce(cfg.pce, cfg.victory, CoalitionsTable(cfg.voting, a.cap, ut, workers));
  s.risk = BigR(p, cfg.risk_range);
  GroupProbabilities(a, pos, cfg, workers, s);
  return s;
}

}  // namespace entente::smp
