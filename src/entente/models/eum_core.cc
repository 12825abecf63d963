// SPDX-License-Identifier: MIT
#include "entente/models/eum_core.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "entente/core/errors.h"

namespace entente::eum {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Positions closer than kSnap * R are one position. Near the median a run of compromises can
// approach a counterpart geometrically (distance 1e-3, 1e-6, 1e-9, ... of R); expected
// utilities there are differences of O(1) terms of size O(distance), so below about 1e-12 R
// they are rounding noise, and so would be the offers (and the whole trajectory after them).
// A compromise ending within kSnap * R of the counterpart therefore ends at its position.
constexpr double kSnap = 1e-9;

// base^rho; pow(base, 1) is exactly base, so the first pass (rho = 1) skips the call.
inline double Pw(double base, double rho) { return rho == 1.0 ? base : std::pow(base, rho); }

// BDM's T for challenger i at xi against j at xj: 1 when the median lies between them, or
// when xi lies between xj and mu (ends included) and is nearer mu than xj.
inline double LiteralT(double xi, double xj, double mu) {
  if (std::min(xi, xj) <= mu && mu <= std::max(xi, xj)) return 1.0;
  const bool between = std::min(xj, mu) <= xi && xi <= std::max(xj, mu);
  return between && std::abs(xi - mu) < std::abs(xi - xj) ? 1.0 : 0.0;
}

// T U_b + (1-T) U_w for distances dm = d(x_i, mu) and d = d(x_i, x_j).
inline double QuoTerm(double dm, double d, double t, double rho) {
  const double ub = t != 0.0 ? 2 - 4 * Pw(0.5 - 0.25 * (dm + d), rho) : 0.0;
  const double uw = t != 1.0 ? 2 - 4 * Pw(0.5 + 0.25 * (dm + d), rho) : 0.0;
  return t == 1.0 ? ub : (t == 0.0 ? uw : t * ub + (1 - t) * uw);
}

// The offer in which viewer i (at xi) moves, from i's own view of the pair (i, j), where
// a = E(U_ij) and b = E(U_ji). Returns false when the table gives i no move. A compromise
// that would leave i within `snap` of x_j puts it at x_j (see kSnap).
inline bool OfferToMover(double a, double b, double xi, double xj, double snap, MoveKind* kind,
                         double* to) {
  if (!(b > 0)) return false;  // every row in which i moves has b > 0
  if (a > 0) {
    if (!(b > a)) return false;
    *kind = MoveKind::kConfrontation;
    *to = xj;
    return true;
  }
  if (!(a < 0)) return false;
  if (b > -a) {
    *kind = MoveKind::kCompromise;
    *to = std::clamp(xi + (xj - xi) * std::abs(a / b), std::min(xi, xj), std::max(xi, xj));
    if (std::abs(*to - xj) <= snap) *to = xj;
    return true;
  }
  if (-a > b) {
    *kind = MoveKind::kCapitulation;
    *to = xj;
    return true;
  }
  return false;
}

// The best offer so far for one mover: lowest rank (move size or compromise key); equal ranks
// go to the lower destination, so the choice does not depend on the order actors are listed
// in; input order only decides which of several counterparts at one destination is recorded.
struct Best {
  double rank = kInf;
  int counterpart = -1;
  MoveKind kind = MoveKind::kConfrontation;
  double to = 0.0, value = 0.0;
  void Offer(double r, int j, MoveKind k, double t, double v) {
    if (r < rank || (r == rank && (t < to || (t == to && j < counterpart)))) {
      rank = r, counterpart = j, kind = k, to = t, value = v;
    }
  }
};

// out[(c * rows + r) * 2 + h] = in[(r * cols + c) * 2 + h]: a blocked transpose of pairs.
void TransposePairs(const std::vector<double>& in, size_t rows, size_t cols,
                    std::vector<double>& out) {
  constexpr size_t kBlock = 32;
  out.resize(in.size());
  for (size_t r0 = 0; r0 < rows; r0 += kBlock) {
    for (size_t c0 = 0; c0 < cols; c0 += kBlock) {
      for (size_t r = r0; r < std::min(rows, r0 + kBlock); ++r) {
        for (size_t c = c0; c < std::min(cols, c0 + kBlock); ++c) {
          out[(c * rows + r) * 2] = in[(r * cols + c) * 2];
          out[(c * rows + r) * 2 + 1] = in[(r * cols + c) * 2 + 1];
        }
      }
    }
  }
}

}  // namespace

Engine::Engine(Actors actors, Options options) : actors_(std::move(actors)), opt_(options) {
  const size_t n = actors_.size();
  ENTENTE_CHECK_EQ(actors_.capability.size(), n);
  ENTENTE_CHECK_EQ(actors_.salience.size(), n);
  ENTENTE_CHECK(opt_.range > 0);
  w_.resize(n);
  for (size_t i = 0; i < n; ++i) w_[i] = actors_.capability[i] * actors_.salience[i];
}

void Engine::SortPositions(const std::vector<double>& x) {
  n_ = x.size();
  const auto& s = actors_.salience;
  order_.resize(n_);
  std::iota(order_.begin(), order_.end(), size_t{0});
  // Canonical order: actors equal in (x, w, s) behave identically, so every sum taken in this
  // order is the same bit for bit whatever order the actors were listed in.
  std::sort(order_.begin(), order_.end(), [&](size_t a, size_t b) {
    if (x[a] != x[b]) return x[a] < x[b];
    if (w_[a] != w_[b]) return w_[a] < w_[b];
    return s[a] < s[b];
  });
  xs_.resize(n_);
  ws_.resize(n_);
  ss_.resize(n_);
  sid_.resize(n_);
  u_.clear();
  block_.clear();
  for (size_t k = 0; k < n_; ++k) {
    xs_[k] = x[order_[k]];
    ws_[k] = w_[order_[k]];
    ss_[k] = s[order_[k]];
    if (k == 0 || xs_[k] != xs_[k - 1]) {
      u_.push_back(xs_[k]);
      block_.push_back(k);
    }
    sid_[k] = u_.size() - 1;
  }
  block_.push_back(n_);
  m_ = u_.size();
  // The median voter: lowest held position where the cumulative weight reaches half the total
  // (the rule of WeightedMedian, summed in the same order).
  double total = 0, cum = 0;
  for (size_t k = 0; k < n_; ++k) total += ws_[k];
  mu_ = u_.back();
  for (size_t k = 0; k < n_; ++k) {
    cum += ws_[k];
    if (k + 1 < n_ && xs_[k + 1] == xs_[k]) continue;
    if (2 * cum >= total) {
      mu_ = xs_[k];
      break;
    }
  }
}

void Engine::ComputeProbabilities() {
  const size_t n = n_, m = m_;
  const double range = opt_.range;
  const bool scholz = opt_.variant == Variant::kScholz;
  // pf_ row b (b = 0..m): sum over the voters before block b of w_k d(x_k, u_q)^r_k, for each q.
  g_.resize(m);
  pf_.resize((m + 1) * m);
  std::fill(pf_.begin(), pf_.begin() + m, 0.0);
  double denom = 0;  // scholz D
  for (size_t b = 0; b < m; ++b) {
    double* row = &pf_[(b + 1) * m];
    std::copy(row - m, row, row);
    for (size_t k = block_[b]; k < block_[b + 1]; ++k) {
      const double xk = xs_[k], wk = ws_[k], rho = rs_[k];
      for (size_t q = 0; q < m; ++q) {
        g_[q] = Pw(std::min(1.0, std::abs(xk - u_[q]) / range), rho);
        row[q] += wk * g_[q];
      }
      if (!scholz || wk == 0) continue;
      // Voter k's share of D: w_k sum over ordered pairs of actors |f_a - f_b|, f = d(x_k,.)^r_k.
      // Visit the distinct positions in increasing f (merge outward from x_k); a block of c
      // actors at sorted ranks s..s+c-1 contributes f c (2s + c - n) to the sum over a < b.
      double acc = 0;
      size_t seen = block_[b + 1] - block_[b];
      size_t lo = b, hi = b + 1;
      while (lo > 0 || hi < m) {
        const size_t q = (hi >= m || (lo > 0 && g_[lo - 1] <= g_[hi])) ? --lo : hi++;
        const double c = static_cast<double>(block_[q + 1] - block_[q]);
        acc += g_[q] * c * (2.0 * static_cast<double>(seen) + c - static_cast<double>(n));
        seen += block_[q + 1] - block_[q];
      }
      denom += wk * (2 * acc);
    }
  }
  // P for every ordered pair of distinct positions from the prefix sums. For u_p < u_q the
  // voters strictly nearer u_p are the blocks before r1, those strictly nearer u_q the blocks
  // from r2 on; both split points only move right as q grows. pt_ holds (P(p,q), P(q,p)).
  pt_.assign(2 * m * m, 0.0);
  const double* at_n = &pf_[m * m];
  for (size_t p = 0; p < m; ++p) {
    size_t r1 = p + 1, r2 = p + 1;
    for (size_t q = p + 1; q < m; ++q) {
      while (r1 < q && u_[r1] - u_[p] < u_[q] - u_[r1]) ++r1;
      r2 = std::max(r2, r1);
      while (r2 < q && !(u_[q] - u_[r2] < u_[r2] - u_[p])) ++r2;
      const double* at_t = &pf_[r1 * m];
      const double* at_tu = &pf_[r2 * m];
      const double np = std::max(0.0, at_t[q] - at_t[p]);
      const double nq = std::max(0.0, (at_n[p] - at_tu[p]) - (at_n[q] - at_tu[q]));
      double ppq, pqp;
      if (scholz) {
        ppq = denom > 0 ? np / denom : 0.0;
        pqp = denom > 0 ? nq / denom : 0.0;
      } else {
        const double den = np + nq;  // sum_k w_k |a_k|
        ppq = den > 0 ? np / den : 0.5;
        pqp = den > 0 ? nq / den : 0.5;
      }
      pt_[2 * (p * m + q)] = pt_[2 * (q * m + p) + 1] = ppq;
      pt_[2 * (p * m + q) + 1] = pt_[2 * (q * m + p)] = pqp;
    }
  }
}

void Engine::FillRow(double rho, double xi, bool need_rev) {
  const size_t m = m_;
  const double range = opt_.range, q_sq = opt_.q, mu = mu_;
  const bool scholz = opt_.variant == Variant::kScholz;
  us_.resize(m);
  uf_.resize(m);
  fwd_.resize(m);
  rev_.resize(m);
  const double usq = 2 - 4 * Pw(0.5, rho);
  const double dim = std::min(1.0, std::abs(xi - mu) / range);
  for (size_t q = 0; q < m; ++q) {
    const double d = std::min(1.0, std::abs(xi - u_[q]) / range);
    us_[q] = 2 - 4 * Pw(0.5 - 0.5 * d, rho);
    uf_[q] = 2 - 4 * Pw(0.5 + 0.5 * d, rho);
    if (q_sq == 1.0) {
      fwd_[q] = rev_[q] = -usq;
      continue;
    }
    const double tf = scholz ? 1.0 : LiteralT(xi, u_[q], mu);
    fwd_[q] = -q_sq * usq - (1 - q_sq) * QuoTerm(dim, d, tf, rho);
    if (need_rev) {
      const double djm = std::min(1.0, std::abs(u_[q] - mu) / range);
      const double tr = scholz ? 1.0 : LiteralT(u_[q], xi, mu);
      rev_[q] = -q_sq * usq - (1 - q_sq) * QuoTerm(djm, d, tr, rho);
    }
  }
}

// Everything below runs in sorted order (k indexes xs_, ss_, rs_; order_[k] is the actor).
// E(U_ij) = s_j [P us + (1-P) uf] + (1-s_j) us + Q-terms = s_j alpha + beta, with alpha and
// beta depending on j only through its position.
void Engine::Round(const std::vector<double>& x, RoundOutput& out) {
  const size_t n = actors_.size();
  ENTENTE_CHECK_EQ(x.size(), n);
  const bool scholz = opt_.variant == Variant::kScholz;
  const double snap = kSnap * opt_.range;
  SortPositions(x);
  const size_t m = m_;
  out.median = mu_;

  // First pass, every r = 1: S_i = sum_{j != i} E(U_ji), summed by the challengers' positions.
  rs_.assign(n, 1.0);
  ComputeProbabilities();
  out.security.assign(n, 0.0);
  for (size_t p = 0; p < m; ++p) {
    FillRow(1.0, u_[p], true);
    double sum_alpha = 0, sum_beta = 0;
    for (size_t q = 0; q < m; ++q) {
      const size_t c = block_[q + 1] - block_[q] - (q == p ? 1 : 0);
      const double pr = pt_[2 * (p * m + q) + 1];  // P(q, p): the challenger at u_q prevails
      sum_alpha += static_cast<double>(c) * (pr * us_[q] + (1 - pr) * uf_[q] - us_[q]);
      sum_beta += static_cast<double>(c) * (us_[q] + rev_[q]);
    }
    for (size_t k = block_[p]; k < block_[p + 1]; ++k) {
      out.security[order_[k]] = ss_[k] * sum_alpha + sum_beta;
    }
  }

  // Risk exponents. Differences of S at rounding level are not risk attitudes: treat them as 0.
  const auto [lo_it, hi_it] = std::minmax_element(out.security.begin(), out.security.end());
  const double smin = *lo_it, smax = *hi_it;
  const bool flat = smax - smin <= 1e-12 * (std::abs(smax) + std::abs(smin));
  out.r.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const double rr = flat ? 0.0 : (2 * out.security[i] - smax - smin) / (smax - smin);
    out.r[i] = (1 - rr / 3) / (1 + rr / 3);
  }
  for (size_t k = 0; k < n; ++k) rs_[k] = out.r[order_[k]];

  // Second pass with the new exponents (literal P has no exponent: it is unchanged).
  if (scholz) ComputeProbabilities();
  if (!scholz) {
    // Literal: E(U_ji) uses j's own exponent; tabulate (alpha, beta) per challenger and
    // position, and its transpose for the responder's side.
    lt_.resize(2 * n * m);
    for (size_t k = 0; k < n; ++k) {
      FillRow(rs_[k], xs_[k], false);
      const size_t p = sid_[k];
      for (size_t q = 0; q < m; ++q) {
        const double pr = pt_[2 * (p * m + q)];
        lt_[2 * (k * m + q)] = pr * us_[q] + (1 - pr) * uf_[q] - us_[q];
        lt_[2 * (k * m + q) + 1] = us_[q] + fwd_[q];
      }
    }
    TransposePairs(lt_, n, m, ltt_);
  }
  alpha_.resize(m);
  beta_.resize(m);
  bq_.resize(m);
  out.next = x;
  out.moves.clear();
  for (size_t ki = 0; ki < n; ++ki) {
    const size_t p = sid_[ki];
    const double xi = xs_[ki], si = ss_[ki];
    if (scholz) {  // both E of a pair with the viewer's exponent r_i
      FillRow(rs_[ki], xi, opt_.q != 1.0);
      for (size_t q = 0; q < m; ++q) {
        const double pij = pt_[2 * (p * m + q)], pji = pt_[2 * (p * m + q) + 1];
        alpha_[q] = pij * us_[q] + (1 - pij) * uf_[q] - us_[q];
        beta_[q] = us_[q] + fwd_[q];
        bq_[q] = si * (pji * us_[q] + (1 - pji) * uf_[q] - us_[q]) + us_[q] + rev_[q];
      }
    }
    // scholz: confrontations (smallest move) before compromises (lowest key) before
    // capitulations (smallest move). literal: smallest move of any kind, all kept in `conf`.
    Best conf, comp, cap;
    for (size_t kj = 0; kj < n; ++kj) {
      const size_t q = sid_[kj];
      if (q == p) continue;
      double a, b;
      if (scholz) {
        a = ss_[kj] * alpha_[q] + beta_[q];
        b = bq_[q];
      } else {
        const size_t iq = 2 * (ki * m + q), pj = 2 * (p * n + kj);
        a = ss_[kj] * lt_[iq] + lt_[iq + 1];
        b = si * ltt_[pj] + ltt_[pj + 1];
      }
      const double xj = xs_[kj];
      MoveKind kind;
      double to;
      if (!OfferToMover(a, b, xi, xj, snap, &kind, &to)) continue;
      const int j = static_cast<int>(order_[kj]);
      if (!scholz) {
        conf.Offer(std::abs(to - xi), j, kind, to, a);
      } else if (kind == MoveKind::kConfrontation) {
        conf.Offer(std::abs(xj - xi), j, kind, to, a);
      } else if (kind == MoveKind::kCapitulation) {
        cap.Offer(std::abs(xj - xi), j, kind, to, a);
      } else {
        const double key = (std::abs(a) * xi + std::abs(b) * xj) / (std::abs(a) + std::abs(b));
        comp.Offer(key, j, kind, to, a);
      }
    }
    const Best& pick = conf.counterpart >= 0 ? conf : (comp.counterpart >= 0 ? comp : cap);
    if (pick.counterpart < 0) continue;
    const size_t i = order_[ki];
    out.next[i] = pick.to;
    out.moves.push_back(
        Move{static_cast<int>(i), pick.counterpart, pick.kind, xi, pick.to, pick.value});
  }
  std::sort(out.moves.begin(), out.moves.end(),
            [](const Move& u, const Move& v) { return u.actor < v.actor; });
}

}  // namespace entente::eum
