// SPDX-License-Identifier: MIT
// `entente deals [SCENARIO] [--parties A,B] [--step 5] ...` or `entente deals --genius DOMAIN
// PROFILE...`: the zone of possible agreement, the Pareto frontier and the bargaining solutions
// (Nash, Kalai-Smorodinsky, egalitarian, utilitarian) of a negotiation, all exact.
#include <memory>

#include "commands.h"
#include "entente/analysis/deals.h"
#include "entente/io/genius.h"
#include "entente/io/number.h"
#include "entente/report/deals_report.h"
#include "entente/report/report.h"
#include "store_cli.h"

namespace entente::cli {

namespace {

struct DealsCliOptions {
  std::string scenario = kDefaultScenario;
  std::string from;
  std::vector<std::string> issues;
  std::vector<std::string> parties;
  double step = 5;
  std::string loss = "linear";
  std::vector<std::string> costs;
  std::vector<std::string> genius;
  int samples = 5;
  uint64_t seed = 0;
  std::string format;
  std::string out;
  StoreOptions store;
};

// "--cost 0.1" (every party) or "--cost USA=0.1,RUS=0.05".
std::map<std::string, double> Costs(const std::vector<std::string>& items,
                                    const std::vector<std::string>& party_ids,
                                    ValidationReport& r) {
  std::map<std::string, double> out;
  for (const std::string& item : items) {
    size_t eq = item.find('=');
    std::string id = eq == std::string::npos ? "" : item.substr(0, eq);
    double v = 0;
    if (io::ParseNumber(item.substr(eq == std::string::npos ? 0 : eq + 1), v) !=
        io::NumberParse::kOk) {
      r.Add(Location{"", 0, 0, "--cost"}, "cost", item,
            "must be VALUE (every party) or PARTY=VALUE, in utility units, e.g. 0.1 or RUS=0.05");
      continue;
    }
    if (id.empty()) {
      for (const auto& p : party_ids) out[p] = v;
    } else {
      out[id] = v;
    }
  }
  return out;
}

void Deals(const DealsCliOptions& o, bool scenario_given) {
  if (!o.genius.empty() && scenario_given)
    ThrowUsage("scenario", o.scenario, "give either a scenario or --genius files, not both");
  std::optional<Scenario> scenario;
  std::optional<GeniusImport> genius;
  AgreementSpace space;
  if (!o.genius.empty()) {
    if (!o.parties.empty() || !o.costs.empty() || !o.issues.empty())
      ThrowUsage("parties", "",
                 "--parties, --cost and --issues apply to scenarios; GENIUS parties are its "
                 "profiles and its issues are the domain's");
    genius = ReadGeniusFiles(o.genius[0],
                             std::vector<std::string>(o.genius.begin() + 1, o.genius.end()));
    space = genius->space;
  } else {
    scenario = LoadScenarioArg(o.scenario, o.from, o.issues);
    PositionalOptions popt;
    popt.parties = o.parties;
    popt.step = o.step;
    popt.loss = o.loss == "quadratic" ? Loss::kQuadratic : Loss::kLinear;
    std::vector<std::string> ids = o.parties;
    if (ids.empty())
      for (int a : scenario->PartyIndices()) ids.push_back(scenario->actors[a].id);
    ValidationReport problems;  // every problem at once: the costs' and BuildSpace's
    popt.no_agreement_cost = Costs(o.costs, ids, problems);
    try {
      space = BuildSpace(*scenario, popt);
    } catch (const InvalidInput& e) {
      problems.Merge(e.report());
    }
    if (!problems.ok()) throw InvalidInput(problems);
  }
  if (o.samples < 0 || o.samples > 1000)
    ThrowUsage("samples", std::to_string(o.samples), "must be between 0 and 1000");
  DealsOptions dopt;
  dopt.zone.samples = o.samples;
  RunContext ctx;
  ctx.seed = o.seed;
  DealsAnalysis d = AnalyseDeals(space, dopt, ctx);
  DealsSource src{scenario ? &*scenario : nullptr, genius ? &*genius : nullptr};
  // One JSON document for both the output and the run store.
  const std::string doc = DumpJson(DealsJson(space, d, src));
  std::string text;
  if (o.format == "json") {
    text = doc;
  } else if (o.format == "csv") {
    text = DealsCsv(space, d);
  } else {
    text = RenderDealsText(space, d, src);
  }
  Emit(text, o.out);
  nlohmann::json params = {
      {"parties", o.parties}, {"costs", o.costs}, {"genius", o.genius}, {"samples", o.samples}};
  RecordCliRun(o.store, "deals", scenario ? *scenario : Scenario{.id = "genius"},
               {space.utility_model}, o.seed, doc, params.dump());
}

}  // namespace

void AddDealsCommand(CLI::App& app, CliState& /*state*/) {
  auto o = std::make_shared<DealsCliOptions>();
  CLI::App* sub = app.add_subcommand(
      "deals", "Zone of agreement, Pareto frontier and bargaining solutions (exact)");
  CLI::Option* scen = sub->add_option(
      "scenario", o->scenario,
      "a scenario file (.json, .yaml, .csv) or a built-in name ('entente scenarios')");
  scen->capture_default_str();
  sub->add_option("--parties", o->parties,
                  "comma-separated actor ids whose consent a deal needs (default: the "
                  "scenario's parties)")
      ->delimiter(',');
  sub->add_option("--step", o->step, "grid step on numeric scales")->capture_default_str();
  sub->add_option("--loss", o->loss, "utility loss with distance: linear or quadratic")
      ->check(CLI::IsMember({"linear", "quadratic"}))
      ->capture_default_str();
  sub->add_option("--cost", o->costs,
                  "cost of no agreement in utility units, subtracted from the no-deal utility: "
                  "VALUE for every party or PARTY=VALUE (comma-separated)")
      ->delimiter(',');
  sub->add_option("--genius", o->genius,
                  "GENIUS domain XML then one profile XML per party, instead of a scenario")
      ->expected(2, 1000);
  sub->add_option("--samples", o->samples, "packages drawn uniformly from the zone")
      ->capture_default_str();
  sub->add_option("--seed", o->seed, "seed of the random draws")->capture_default_str();
  sub->add_option("--from", o->from, "scenario format when the extension does not say");
  AddIssuesOption(sub, o->issues);
  AddFormatOption(sub, o->format, {"table", "json", "csv"});
  sub->add_option("-o,--out", o->out, "write to FILE (atomically) instead of standard output");
  AddStoreOptions(sub, o->store);
  sub->callback([o, scen] { Deals(*o, scen->count() > 0); });
}

}  // namespace entente::cli
