// SPDX-License-Identifier: MIT
// The Spatial Model of Politics (SMP) of KTAB, the KAPSARC Toolkit for Behavioral Analysis
// (B. Wise; KTAB-SMP 1.4, 2019, MIT licence), reproducing KTAB's `smpc` runs turn by turn.
//
// Space. The scenario's issues (all, or those named by `issues`) are the dimensions of one
// space. Each issue's [min, max] is scaled to [0, 1]; saliences are divided by 100 (an actor
// whose saliences over the chosen issues sum above 100 has them rescaled to sum to 100, since
// KTAB requires sum <= 100); capabilities are used raw. An actor needs a position and a
// salience on every chosen issue; actors lacking one are left out of the run (trace event
// "excluded" in round 0). A run needs at least 2 actors.
//
// Assumptions (per turn; see docs/models/smp.md for every formula):
//  1. Distance delta_i(p) = sqrt(sum_k (s_ik (x_ik - p_k))^2 / sum_k s_ik^2); utility
//     u = (1 - delta)(1 + delta R). Risk attitudes R_i come from a risk-neutral PCE over the
//     actors' positions (capability-weighted votes): the likelier an actor's position, the more
//     risk-averse it is. Actors estimate one another's R (risk_adjust).
//  2. Each actor i weighs challenging every j: both principals vote with weight
//     salience-sum x capability, each third party joins the side its imagined three-actor
//     conflict favours (commit). i challenges the j of highest expected gain (> 1e-5; ties to
//     the lower index).
//  3. A challenge becomes a bargain: both move toward each other by salience^2 x probability^2
//     weights (interp), coordinates rounded to 4 decimals as KTAB does.
//  4. Each actor resolves its queue (status quo first, then its bargains by initiator) by a PCE
//     in which every actor votes, with capability, on the utility of the state each bargain
//     produces. Deterministic: the first most likely; stochastic: drawn with the run's seed.
//  5. Stop after turn t >= 2 when the turn moved less than stop_ratio of the first turn
//     (sum of Euclidean moves, + 1e-4), or at max_turns; `stop=cycle` also stops when a
//     (deterministic) state repeats an earlier one.
//
// Output. A trace over the chosen issues: each state's positions (issue scales), per actor the
// probability of its group of positions ("prob": positions within 1e-3 grouped, then a PCE over
// the groups) and its risk attitude ("risk"), per turn the total movement ("change") and the
// events "challenge" (value = expected gain), "bargain" (from = the initiator's proposed
// position, to = the receiver's, value = P[initiator wins] used) and "move" (value = the chosen
// bargain's probability). Forecast per chosen issue: the position of the most likely group in
// the final state (ties: the lexicographically smallest position), with extra {"mean", the
// probability-weighted mean of the groups' positions} and {"probability", that group's p}.
//
// Defined where KTAB is not: p_max = p_min gives R = 0 for all; an actor with all saliences 0
// is indifferent (delta = 0); votes of weight 0 are 0; markov PCEs stop after 10000 iterations.
//
// Parameters (type, default = KTAB's, choices):
//   victory      choice  linear   linear|square|quartic|octic|binary   (VictoryProbModel)
//   pce          choice  conditional   conditional|markov-uniform|markov-incentive (PCEModel)
//   transitions  choice  deterministic   deterministic|stochastic     (StateTransitions)
//   voting       choice  prop     binary|prop-bin|prop|prop-cbc|cubic|asym-prosp (VotingRule)
//   risk_adjust  choice  one-third   none|one-third|half|two-thirds|full  (BigRAdjust)
//   risk_range   choice  mid      min|mid|max                         (BigRRange)
//   commit       choice  semi     no|semi|full                        (ThirdPartyCommit)
//   interp       choice  s2p2     s1p1|s2p2|s2pmax                    (InterVecBrgn)
//   bargain      choice  init-only   init-only|init-rcvr|pw-comp      (BargnModel)
//   pw_weight    choice  ktab     ktab|receiver   pw-comp's receiver weight (KTAB: c_i sigma_j)
//   max_turns    int     100      1..100000
//   stop_ratio   number  0.02     0..1
//   stop         choice  ktab     ktab|cycle
//   issues       string  (all)    issue ids separated by ';'
//
// Cost: O(n^3 + n^2 d) time per turn (challenges: n^2 pairs x n third parties; resolution:
// O(n d) per bargain and voter plus the queue PCEs), O(n^2) memory; challenges, bargain values
// and queues are computed on RunContext::threads threads without changing the result.
//
// References: KTAB source, examples/smp (smp.cpp, smpbcn.cpp) and kmodel (kmodel.cpp);
// B. Wise, "Spatial Model of Politics" (KAPSARC, SMPTutorial.pdf); Bueno de Mesquita (1994).
#pragma once

#include "entente/models/registry.h"

namespace entente {

void RegisterSmp(ModelRegistry& r);

}  // namespace entente
