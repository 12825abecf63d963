// SPDX-License-Identifier: MIT
// The expected-utility model's algorithm on plain arrays (one issue, one dimension). eum.h
// describes the model; this file is the fast implementation the registered model and the
// benchmarks call. Each step follows docs/models/eum.md.
//
// Cost of one round with n actors holding m distinct positions: one sort, O(n m) risk-exponent
// powers and prefix sums, O(m^2) probabilities (each pair of distinct positions in O(1) from
// the prefix sums, with two pointers for the midpoint split), O(n m) expected utilities for the
// security levels and O(n^2) offer comparisons. So O(n^2) when positions are distinct.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "entente/core/cancel.h"

namespace entente::eum {

enum class Variant { kScholz, kLiteral };
enum class MoveKind { kConfrontation, kCompromise, kCapitulation };

std::string_view MoveKindName(MoveKind kind);  // "confrontation", "compromise", "capitulation"

// The participants of one issue, in input order.
struct Actors {
  std::vector<double> position;
  std::vector<double> capability;  // >= 0; only ratios matter
  std::vector<double> salience;    // in [0, 1] (tables give 0-100: divide by 100)
  size_t size() const { return position.size(); }
};

struct Options {
  Variant variant = Variant::kScholz;
  double q = 1.0;      // probability the status quo persists if i does not challenge
  double range = 0.0;  // R in d(a,b) = |a-b|/R; <= 0 = spread of the initial positions
};

// One move of one round: `actor` moved from `from` to `to`, toward `counterpart` (indices into
// Actors). `value` is the mover's expected utility of challenging the counterpart, E(U_ij), in
// the view that produced the move.
struct Move {
  int actor = 0;
  int counterpart = 0;
  MoveKind kind = MoveKind::kConfrontation;
  double from = 0.0, to = 0.0;
  double value = 0.0;
};

// What one round computes from the start-of-round positions.
struct RoundOutput {
  double median = 0.0;           // mu of the start-of-round positions (used by U_b, U_w, T)
  std::vector<double> r;         // risk exponents r_i (input order)
  std::vector<double> security;  // S_i from the first pass
  std::vector<Move> moves;       // in actor order
  std::vector<double> next;      // positions after the simultaneous update
};

// The fast algorithm. Holds the actors and reusable work space, so repeated rounds allocate
// nothing once the buffers have grown.
class Engine {
 public:
  // `options.range` must be > 0 and at least the spread of every position passed to Round().
  Engine(Actors actors, Options options);
  const Actors& actors() const { return actors_; }
  const std::vector<double>& weight() const { return w_; }  // w_i = c_i s_i
  const Options& options() const { return opt_; }

  // One round from positions `x` (input order): both passes, offers, choice, update.
  void Round(const std::vector<double>& x, RoundOutput& out);

 private:
  void SortPositions(const std::vector<double>& x);
  // P for every pair of distinct positions, with the voters' exponents rs_ (sorted order).
  void ComputeProbabilities();
  // Utilities of a challenge with exponent rho between position xi and every distinct
  // position: us, uf, fwd (the Q terms when xi challenges), rev (when u_q challenges xi).
  void FillRow(double rho, double xi, bool need_rev);

  Actors actors_;
  Options opt_;
  std::vector<double> w_;
  double mu_ = 0.0;
  // Sorted view of the current round: order_ maps sorted index -> input index.
  size_t n_ = 0, m_ = 0;
  std::vector<size_t> order_;
  std::vector<double> xs_, ws_, ss_, rs_;
  std::vector<double> u_;       // distinct positions, ascending
  std::vector<size_t> block_;   // block_[q] = sorted index of the first actor at u_[q]; m+1
  std::vector<size_t> sid_;     // sorted index -> distinct position index
  std::vector<double> g_, pf_;  // one voter's d^r row; prefix sums by block [b * m + q]
  std::vector<double> pt_;      // (P(p,q), P(q,p)) at 2 (p m + q): u_p prevails over u_q
  std::vector<double> us_, uf_, fwd_, rev_;  // FillRow output (length m)
  std::vector<double> alpha_, beta_, bq_;    // scholz: one viewer's E terms by position
  std::vector<double> lt_, ltt_;             // literal: (alpha, beta) [k m + q], transposed
};

// The stopping rule: `rounds` rounds, or (stable) stop once |mu_t - mu_{t-1}| < eps * R for
// `patience` rounds in a row, with `rounds` as the limit.
struct Stopping {
  int rounds = 10;
  bool stable = false;
  double eps = 0.0;
  int patience = 1;
};

struct RoundRecord {
  int round = 0;
  std::vector<double> position;  // input order
  double median = 0.0, mean = 0.0;
  std::vector<double> r, security;  // those that drove the moves into this round; empty for 0
  std::vector<Move> moves;          // the moves that produced this round
};

struct Trajectory {
  double range = 0.0;               // the R used
  std::vector<RoundRecord> rounds;  // round 0 (input) to the last
  std::string stopped_by;
};

// max - min of `x` (0 for fewer than two values).
double Spread(const std::vector<double>& x);

// Runs the model to the stopping rule. Checks ctx's cancel token each round and reports
// progress (rounds done of the limit). Requires total weight > 0 and range >= Spread.
Trajectory Run(const Actors& actors, const Options& options, const Stopping& stopping,
               const RunContext& ctx = {});

}  // namespace entente::eum
