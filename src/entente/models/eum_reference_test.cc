// SPDX-License-Identifier: MIT
// A deliberately simple reference implementation of the expected-utility model, written from
// the spec's formulas with no cleverness (input order, every sum written out, O(n^3) per pass),
// and the check that the fast implementation (eum_core.h) agrees with it on a few hundred
// random scenarios, every round, both variants.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "entente/core/rng.h"
#include "entente/models/eum_core.h"

namespace entente::eum {
namespace {

struct RefMove {
  int actor, counterpart;
  MoveKind kind;
  double to;
};

struct RefRound {
  double median = 0;
  std::vector<double> r, security, next;
  std::vector<RefMove> moves;
};

class Reference {
 public:
  Reference(const Actors& a, Variant v, double q, double range)
      : a_(a), scholz_(v == Variant::kScholz), q_(q), range_(range) {
    for (size_t i = 0; i < a.size(); ++i) w_.push_back(a.capability[i] * a.salience[i]);
  }

  // Lowest held position at which the weight at or below it reaches half the total.
  double Median(const std::vector<double>& x) const {
    double total = 0, best = 1e300;
    for (double w : w_) total += w;
    for (double y : x) {
      double below = 0;
      for (size_t k = 0; k < x.size(); ++k) below += x[k] <= y ? w_[k] : 0;
      if (2 * below >= total) best = std::min(best, y);
    }
    return best;
  }

  RefRound Round(const std::vector<double>& x) const {
    const int n = static_cast<int>(x.size());
    RefRound out;
    const double mu = out.median = Median(x);
    // First pass: r = 1 for everyone; S_i = sum_{j != i} E(U_ji).
    const std::vector<double> ones(n, 1.0);
    const auto p1 = Probabilities(x, ones);
    // The terms are summed in sorted order, so that identical actors get bit-identical S
    // (summed in input order, two copies of one actor would differ in the last bits, and so
    // would their moves: they would then stand 1e-14 apart and challenge each other).
    for (int i = 0; i < n; ++i) {
      std::vector<double> terms;
      for (int j = 0; j < n; ++j) {
        if (j != i) terms.push_back(E(x, j, i, 1.0, p1[j][i], mu));
      }
      std::sort(terms.begin(), terms.end());
      out.security.push_back(0.0);
      for (double e : terms) out.security.back() += e;
    }
    const double smax = *std::max_element(out.security.begin(), out.security.end());
    const double smin = *std::min_element(out.security.begin(), out.security.end());
    for (int i = 0; i < n; ++i) {
      double big_r = (2 * out.security[i] - smax - smin) / (smax - smin);
      if (smax - smin <= 1e-12 * (std::abs(smax) + std::abs(smin))) big_r = 0;
      out.r.push_back((1 - big_r / 3) / (1 + big_r / 3));
    }
    // Second pass with the new r; every view of every pair, the whole offer table.
    const auto p2 = scholz_ ? Probabilities(x, out.r) : p1;
    struct Offer {
      int viewer, other, toward;
      MoveKind kind;
      double to, key;
    };
    std::vector<std::vector<Offer>> offers(n);
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) {
        if (j == i || x[j] == x[i]) continue;
        const double a = E(x, i, j, out.r[i], p2[i][j], mu);
        const double b = E(x, j, i, scholz_ ? out.r[i] : out.r[j], p2[j][i], mu);
        const double key = (std::abs(a) * x[i] + std::abs(b) * x[j]) / (std::abs(a) + std::abs(b));
        const double ci = x[i] + (x[j] - x[i]) * std::abs(a / b);  // i compromises
        const double cj = x[j] + (x[i] - x[j]) * std::abs(b / a);  // j compromises
        auto add = [&](int mover, MoveKind kind, double to) {
          if (scholz_ && mover != i) return;  // scholz: only the viewer's own moves
          to = std::clamp(to, std::min(x[i], x[j]), std::max(x[i], x[j]));
          const int other = mover == i ? j : i;  // a compromise within 1e-9 R of x_other
          if (kind == MoveKind::kCompromise && std::abs(to - x[other]) <= 1e-9 * range_) {
            to = x[other];  // ends there (numerical hygiene, docs/models/eum.md)
          }
          offers[mover].push_back(Offer{i, j, mover == i ? j : i, kind, to, key});
        };
        if (a > 0 && b > 0 && b > a) add(i, MoveKind::kConfrontation, x[j]);
        if (a > 0 && b > 0 && a > b) add(j, MoveKind::kConfrontation, x[i]);
        if (a < 0 && b > 0 && b > std::abs(a)) add(i, MoveKind::kCompromise, ci);
        if (a < 0 && b > 0 && std::abs(a) > b) add(i, MoveKind::kCapitulation, x[j]);
        if (a > 0 && b < 0 && a > std::abs(b)) add(j, MoveKind::kCompromise, cj);
        if (a > 0 && b < 0 && std::abs(b) > a) add(j, MoveKind::kCapitulation, x[i]);
      }
    }
    out.next = x;
    for (int m = 0; m < n; ++m) {
      const Offer* pick = nullptr;
      auto move = [&](const Offer& o) { return std::abs(o.to - x[m]); };
      if (scholz_) {
        // Confrontations by smallest move, else compromises by lowest key, else capitulations
        // by smallest move; equal ranks go to the lower destination, then (offers being in
        // counterpart input order, `<` keeps the first) to the first counterpart.
        for (MoveKind kind :
             {MoveKind::kConfrontation, MoveKind::kCompromise, MoveKind::kCapitulation}) {
          for (const Offer& o : offers[m]) {
            if (o.kind != kind) continue;
            const double rank = kind == MoveKind::kCompromise ? o.key : move(o);
            const double best =
                pick ? (kind == MoveKind::kCompromise ? pick->key : move(*pick)) : 0;
            if (!pick || rank < best || (rank == best && o.to < pick->to)) {
              pick = &o;
            }
          }
          if (pick) break;
        }
      } else {
        for (const Offer& o : offers[m]) {  // smallest move; ties: lower viewer, lower other
          if (!pick || move(o) < move(*pick) ||
              (move(o) == move(*pick) &&
               (o.to < pick->to ||
                (o.to == pick->to && (o.viewer < pick->viewer ||
                                      (o.viewer == pick->viewer && o.other < pick->other)))))) {
            pick = &o;
          }
        }
      }
      if (!pick) continue;
      out.next[m] = pick->to;
      out.moves.push_back(RefMove{m, pick->toward, pick->kind, pick->to});
    }
    return out;
  }

 private:
  double Dist(double a, double b) const { return std::min(1.0, std::abs(a - b) / range_); }

  // P[i][j], the probability that i prevails over j, with voter exponents r.
  std::vector<std::vector<double>> Probabilities(const std::vector<double>& x,
                                                 const std::vector<double>& r) const {
    const size_t n = x.size();
    std::vector<std::vector<double>> f(n, std::vector<double>(n));  // d(x_k, x_a)^r_k
    for (size_t k = 0; k < n; ++k) {
      for (size_t a = 0; a < n; ++a) f[k][a] = std::pow(Dist(x[k], x[a]), r[k]);
    }
    double big_d = 0;  // scholz's D, over all ordered pairs of actors
    for (size_t k = 0; scholz_ && k < n; ++k) {
      const double* fk = f[k].data();
      for (size_t a = 0; a < n; ++a) {
        for (size_t b = 0; b < n; ++b) big_d += std::abs(w_[k] * (fk[b] - fk[a]));
      }
    }
    std::vector<std::vector<double>> p(n, std::vector<double>(n, 0.0));
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < n; ++j) {
        if (x[i] == x[j]) continue;
        double num = 0, den = 0;
        for (size_t k = 0; k < n; ++k) {
          if (scholz_) {
            const double* fk = f[k].data();
            num += std::max(0.0, w_[k] * (fk[j] - fk[i]));
          } else {
            const double ak = std::abs(x[k] - x[j]) - std::abs(x[k] - x[i]);
            if (ak > 0) num += w_[k] * ak;
            den += w_[k] * std::abs(ak);
          }
        }
        if (scholz_)
          p[i][j] = big_d > 0 ? num / big_d : 0.0;
        else
          p[i][j] = den > 0 ? num / den : 0.5;
      }
    }
    return p;
  }

  // E(U_ij): i challenges j, evaluated with exponent rho.
  double E(const std::vector<double>& x, int i, int j, double rho, double p, double mu) const {
    const double dij = Dist(x[i], x[j]), dim = Dist(x[i], mu);
    const double us = 2 - 4 * std::pow(0.5 - 0.5 * dij, rho);
    const double uf = 2 - 4 * std::pow(0.5 + 0.5 * dij, rho);
    const double usq = 2 - 4 * std::pow(0.5, rho);
    const double ub = 2 - 4 * std::pow(0.5 - 0.25 * (dim + dij), rho);
    const double uw = 2 - 4 * std::pow(0.5 + 0.25 * (dim + dij), rho);
    double t = 1;
    if (!scholz_) {
      const bool mu_between = std::min(x[i], x[j]) <= mu && mu <= std::max(x[i], x[j]);
      const bool i_between = std::min(x[j], mu) <= x[i] && x[i] <= std::max(x[j], mu);
      t = mu_between || (i_between && std::abs(x[i] - mu) < std::abs(x[i] - x[j])) ? 1 : 0;
    }
    const double sj = a_.salience[j];
    return sj * (p * us + (1 - p) * uf) + (1 - sj) * us - q_ * usq -
           (1 - q_) * (t * ub + (1 - t) * uw);
  }

  Actors a_;
  bool scholz_;
  double q_, range_;
  std::vector<double> w_;
};

// Random actors: positions continuous, on a grid of 10, or on a few shared values; some exact
// duplicate actors; now and then a zero capability or salience.
Actors RandomActors(Rng& rng, int n, int kind) {
  Actors a;
  for (int i = 0; i < n; ++i) {
    if (kind == 3 && i > 0 && rng.Uniform() < 0.3) {  // an exact copy of an earlier actor
      const size_t k = static_cast<size_t>(rng.Uniform() * i);
      a.position.push_back(a.position[k]);
      a.capability.push_back(a.capability[k]);
      a.salience.push_back(a.salience[k]);
      continue;
    }
    double x = 100 * rng.Uniform();
    if (kind == 1 || kind == 3) x = 10 * std::floor(x / 10);
    if (kind == 2) x = 25 * std::floor(x / 25);
    a.position.push_back(x);
    a.capability.push_back(rng.Uniform() < 0.03 ? 0.0 : 1 + 99 * rng.Uniform());
    a.salience.push_back(rng.Uniform() < 0.03 ? 0.0 : (1 + 99 * rng.Uniform()) / 100);
  }
  if (a.position.front() == a.position.back()) a.position.back() += 10;  // never all equal
  if (a.capability[0] * a.salience[0] == 0) a.capability[0] = a.salience[0] = 0.5;
  return a;
}

void CompareOnRandomScenarios(uint64_t first_seed, int count) {
  constexpr int kRounds = 8;
  constexpr double kTol = 1e-9;
  for (int c = 0; c < count; ++c) {
    const uint64_t seed = first_seed + static_cast<uint64_t>(c);
    Rng rng(DeriveSeed(20240601, seed));
    const double u = rng.Uniform();
    const int n = 3 + static_cast<int>(u * u * 58);  // 3..60, more small than large
    const Actors actors = RandomActors(rng, n, static_cast<int>(seed % 4));
    const double q = seed % 3 == 0 ? rng.Uniform() : 1.0;
    const double range = Spread(actors.position) * (seed % 5 == 0 ? 1.5 : 1.0);
    for (Variant v : {Variant::kScholz, Variant::kLiteral}) {
      SCOPED_TRACE(::testing::Message()
                   << "seed " << seed << " n " << n << " q " << q << " variant "
                   << (v == Variant::kScholz ? "scholz" : "literal"));
      Reference ref(actors, v, q, range);
      Engine fast(actors, Options{v, q, range});
      std::vector<double> xr = actors.position, xf = actors.position;
      RoundOutput out;
      for (int t = 1; t <= kRounds; ++t) {
        SCOPED_TRACE(::testing::Message() << "round " << t);
        const RefRound want = ref.Round(xr);
        fast.Round(xf, out);
        ASSERT_NEAR(out.median, want.median, kTol);
        for (int i = 0; i < n; ++i) {
          ASSERT_NEAR(out.security[i], want.security[i], kTol) << "S of actor " << i;
          ASSERT_NEAR(out.r[i], want.r[i], kTol) << "r of actor " << i;
          ASSERT_NEAR(out.next[i], want.next[i], kTol) << "position of actor " << i;
        }
        ASSERT_EQ(out.moves.size(), want.moves.size());
        for (size_t k = 0; k < want.moves.size(); ++k) {
          EXPECT_EQ(out.moves[k].actor, want.moves[k].actor);
          EXPECT_EQ(out.moves[k].counterpart, want.moves[k].counterpart);
          EXPECT_EQ(out.moves[k].kind, want.moves[k].kind);
        }
        xr = want.next;
        xf = out.next;
      }
    }
  }
}

// 4 x 75 = 300 scenarios, in parts so ctest can run them side by side.
TEST(EumReference, FastMatchesReferenceSeeds0To74) { CompareOnRandomScenarios(0, 75); }
TEST(EumReference, FastMatchesReferenceSeeds75To149) { CompareOnRandomScenarios(75, 75); }
TEST(EumReference, FastMatchesReferenceSeeds150To224) { CompareOnRandomScenarios(150, 75); }
TEST(EumReference, FastMatchesReferenceSeeds225To299) { CompareOnRandomScenarios(225, 75); }

// The reference itself reproduces the published case, so agreement with it means something.
TEST(EumReference, ReferenceReproducesBdm1994) {
  const Actors a{{4, 7, 4, 4, 10, 10, 10, 7, 4, 7},
                 {0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08},
                 {0.8, 0.4, 0.2, 0.8, 0.6, 0.6, 0.9, 0.1, 1.0, 0.7}};
  Reference ref(a, Variant::kScholz, 1.0, 6.0);
  std::vector<double> x = a.position;
  std::vector<int> tenths;
  for (int t = 1; t <= 8; ++t) {
    x = ref.Round(x).next;
    tenths.push_back(static_cast<int>(10 * ref.Median(x)));
  }
  EXPECT_EQ(tenths, (std::vector<int>{84, 96, 99, 99, 99, 74, 88, 96}));
}

}  // namespace
}  // namespace entente::eum
