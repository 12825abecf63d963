// SPDX-License-Identifier: MIT
// Everything `entente deals` reports on an agreement space, in one call: the zone of possible
// agreement (zopa.h), the Pareto frontier over all packages and within the zone (pareto.h), and
// the bargaining solutions (bargaining.h). Each part records its own method and parameters.
#pragma once

#include <string>

#include "entente/analysis/bargaining.h"
#include "entente/analysis/pareto.h"
#include "entente/analysis/space.h"
#include "entente/analysis/zopa.h"
#include "entente/core/cancel.h"

namespace entente {

struct DealsOptions {
  ZoneOptions zone;
  BargainingOptions bargaining;
  // The frontier over all packages is skipped once a partial frontier passes this many points
  // (it grows fast with 4+ parties); the frontier within the zone gets `zone_points`.
  uint64_t all_points = 50'000;
  uint64_t zone_points = 200'000;
};

struct DealsAnalysis {
  std::string method;  // "deals(...)" with every parameter
  ZoneResult zone;
  ParetoResult pareto;       // over all packages (complete = false when skipped)
  ParetoResult pareto_zone;  // within the zone (empty when the zone is)
  BargainingResult bargaining;
};

DealsAnalysis AnalyseDeals(const AgreementSpace& s, const DealsOptions& opt, const RunContext& ctx);

}  // namespace entente
