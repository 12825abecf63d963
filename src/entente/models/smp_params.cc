// SPDX-License-Identifier: MIT
#include "entente/models/smp_params.h"

#include <algorithm>

namespace entente::smp {
namespace {

const std::vector<std::string> kVictory = {"linear", "square", "quartic", "octic", "binary"};
const std::vector<std::string> kPce = {"conditional", "markov-uniform", "markov-incentive"};
const std::vector<std::string> kTransitions = {"deterministic", "stochastic"};
const std::vector<std::string> kVoting = {"binary",   "prop-bin", "prop",
                                          "prop-cbc", "cubic",    "asym-prosp"};
const std::vector<std::string> kRiskAdjust = {"none", "one-third", "half", "two-thirds", "full"};
const std::vector<std::string> kRiskRange = {"min", "mid", "max"};
const std::vector<std::string> kCommit = {"no", "semi", "full"};
const std::vector<std::string> kInterp = {"s1p1", "s2p2", "s2pmax"};
const std::vector<std::string> kBargain = {"init-only", "init-rcvr", "pw-comp"};
const std::vector<std::string> kStop = {"ktab", "cycle"};
const std::vector<std::string> kPwWeight = {"ktab", "receiver"};

ParamSpec Choice(std::string name, const std::vector<std::string>& choices, std::string def,
                 std::string help) {
  return ParamSpec{.name = std::move(name),
                   .type = ParamType::kChoice,
                   .default_value = std::move(def),
                   .help = std::move(help),
                   .choices = choices};
}

template <class E>
E Pick(const Params& p, const std::string& name, const std::vector<std::string>& choices) {
  auto it = std::find(choices.begin(), choices.end(), p.Str(name));
  ENTENTE_CHECK(it != choices.end());
  return static_cast<E>(it - choices.begin());
}

std::vector<std::string> SplitIssues(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    std::string id = text.substr(start, end - start);
    size_t b = id.find_first_not_of(" \t");
    size_t e = id.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(id.substr(b, e - b + 1));
    start = end + 1;
  }
  return out;
}

}  // namespace

std::vector<ParamSpec> ParamSpecs() {
  return {
      Choice("victory", kVictory, "linear",
             "victory probability from coalition strengths C: C^m/(C^m+C'^m), m=1,2,4,8, "
             "or binary (KTAB VictoryProbModel)"),
      Choice("pce", kPce, "conditional", "probabilistic Condorcet election (KTAB PCEModel)"),
      Choice("transitions", kTransitions, "deterministic",
             "pick each actor's most likely bargain, or draw it with the run's seed"),
      Choice("voting", kVoting, "prop", "voting rule (KTAB VotingRule)"),
      Choice("risk_adjust", kRiskAdjust, "one-third",
             "weight of i's own risk attitude in h's estimate of it (KTAB BigRAdjust)"),
      Choice("risk_range", kRiskRange, "mid",
             "range of risk attitudes: [0,1], [-1/2,1] or [-1,1] (KTAB BigRRange)"),
      Choice("commit", kCommit, "semi", "third-party commitment (KTAB ThirdPartyCommit)"),
      Choice("interp", kInterp, "s2p2", "bargain interpolation (KTAB InterVecBrgn)"),
      Choice("bargain", kBargain, "init-only",
             "bargains queued: initiator's view, both views, or their power-weighted mean"),
      Choice("pw_weight", kPwWeight, "ktab",
             "pw-comp receiver weight: ktab = c_i*sigma_j (KTAB's slip), receiver = c_j*sigma_j"),
      ParamSpec{.name = "max_turns",
                .type = ParamType::kInt,
                .default_value = "100",
                .help = "turn cap (KTAB: 100)",
                .min = 1,
                .max = 100000},
      ParamSpec{.name = "stop_ratio",
                .type = ParamType::kDouble,
                .default_value = "0.02",
                .help = "stop when a turn moves less than this fraction of the first turn",
                .min = 0,
                .max = 1},
      Choice("stop", kStop, "ktab",
             "ktab: KTAB's rule; cycle: also stop when a state repeats an earlier one"),
      ParamSpec{.name = "issues",
                .type = ParamType::kString,
                .default_value = "",
                .help = "issue ids to use as dimensions, separated by ';' (default: all)"},
  };
}

Config ConfigFromParams(const Params& p) {
  Config c;
  c.victory = Pick<VictoryModel>(p, "victory", kVictory);
  c.pce = Pick<PceModel>(p, "pce", kPce);
  c.transitions = Pick<Transitions>(p, "transitions", kTransitions);
  c.voting = Pick<VotingRule>(p, "voting", kVoting);
  c.risk_adjust = Pick<RiskAdjust>(p, "risk_adjust", kRiskAdjust);
  c.risk_range = Pick<RiskRange>(p, "risk_range", kRiskRange);
  c.commit = Pick<Commit>(p, "commit", kCommit);
  c.interp = Pick<Interp>(p, "interp", kInterp);
  c.bargain = Pick<BargainModel>(p, "bargain", kBargain);
  c.pw_ktab_weight = p.Str("pw_weight") == "ktab";
  c.max_turns = static_cast<int>(p.Int("max_turns"));
  c.stop_ratio = p.Double("stop_ratio");
  c.stop = Pick<StopRule>(p, "stop", kStop);
  if (p.Has("issues")) c.issues = SplitIssues(p.Str("issues"));
  return c;
}

}  // namespace entente::smp
