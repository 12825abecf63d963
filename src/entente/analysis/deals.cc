// SPDX-License-Identifier: MIT
#include "entente/analysis/deals.h"

#include <fmt/format.h>

namespace entente {

DealsAnalysis AnalyseDeals(const AgreementSpace& s, const DealsOptions& opt,
                           const RunContext& ctx) {
  DealsAnalysis d;
  d.method = fmt::format(
      "deals(utilities={},seed={},samples={},max_half={},estimate_draws={},node_limit={},"
      "all_points={},zone_points={})",
      s.utility_model, ctx.seed, opt.zone.samples, opt.zone.max_half, opt.zone.estimate_draws,
      opt.bargaining.node_limit, opt.all_points, opt.zone_points);
  d.zone = AnalyseZone(s, opt.zone, ctx);
  d.pareto = ParetoFrontier(s, {.max_points = opt.all_points}, ctx);
  if (!d.zone.empty) {
    d.pareto_zone =
        ParetoFrontier(s, {.threshold = s.disagreement, .max_points = opt.zone_points}, ctx);
  } else {
    d.pareto_zone.complete = true;
    d.pareto_zone.method = "the zone is empty";
  }
  d.bargaining = Bargain(s, opt.bargaining, ctx);
  return d;
}

}  // namespace entente
