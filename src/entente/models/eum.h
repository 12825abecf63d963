// SPDX-License-Identifier: MIT
// Bueno de Mesquita's expected-utility model ("eum"): a forecast of one issue from the
// actors' positions, capabilities and saliences, by rounds of simulated challenges.
//
// Assumptions. One issue, one dimension; each actor i holds a position x_i, a capability
// c_i >= 0 and a salience s_i (0-100 in the scenario, used as a probability s_i/100); its
// weight is w_i = c_i s_i. The outcome a vote would pick is the median voter position (the
// Condorcet winner under linear-distance preferences; the lower one on an exact tie). Each
// round every actor estimates, for every other actor j, the expected utility of challenging j
// (eq. 25: win, lose, or j gives in, against the status quo), from a probability of prevailing
// that sums the third parties' support, and a risk attitude r_i derived from how exposed i is
// to others' challenges (its security S_i). From the pair (E(U_ij), E(U_ji)) each side reads
// a confrontation, a compromise, a capitulation or a stalemate; each actor takes one of the
// offers in which it moves, and all move at once. The forecast is the median voter position
// of the last round. The model need not converge: on the reference case it cycles, and the
// trajectory is part of the output (ModelResult::traces, one per issue).
//
// Variants. BDM never published code, and his printed equations do not reproduce his own
// figures. `scholz` (default) is the reading of Scholz et al. that does: a probability
// normalised by one all-pairs sum D, both utilities of a pair evaluated with the viewer's risk
// exponent, T = 1, and offers chosen confrontation > compromise (lowest point) > capitulation.
// `literal` follows the printed equations with their typos corrected (pairwise-normalised
// probability, each challenger's own exponent, BDM's T, smallest move). docs/models/eum.md
// gives every formula, the reference numbers beside ours, and where the model cycles.
//
// References.
//   B. Bueno de Mesquita, "Political forecasting: an expected utility method", in
//   B. Bueno de Mesquita & F. N. Stokman (eds.), European Community Decision Making, Yale UP
//   1994, ch. 4.
//   J. B. Scholz, G. J. Calbert & G. A. Smith, "Unravelling Bueno de Mesquita's group decision
//   model", J. Theoretical Politics 23(4), 2011 (also Proc. ICAART 2011, pp. 18-30).
//
// Parameters (spec string eum(variant=scholz,q=1.0,rounds=10,stop=fixed)):
//   variant   choice  scholz | literal           default scholz
//   q         number  [0, 1]                     default 1.0  probability the status quo
//                                                             persists if i does not challenge
//   rounds    int     [0, 100000]                default 10   rounds (the limit with stable)
//   stop      choice  fixed | stable             default fixed
//   eps       number  [0, 1]        required with stop=stable: stop when |median change| <
//   patience  int     [1, 100000]   eps * R for `patience` rounds in a row
//   range     number  > 0           default: max - min of the initial positions on the issue;
//                                   R in d(a,b) = |a-b|/R; must be at least that spread
//
// An issue is skipped (IssueForecast::ok false, with the reason; its trace has no rounds)
// when fewer than two actors hold a position and a salience on it, when every weight is 0, or
// when `range` is below the spread of its positions.
//
// Cost per round: O(n^2) for n actors at distinct positions (eum_core.h); the benchmarks are
// in bench/eum_bench.cc.
#pragma once

#include "entente/models/registry.h"

namespace entente {

void RegisterEum(ModelRegistry& r);

}  // namespace entente
