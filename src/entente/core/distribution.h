// SPDX-License-Identifier: MIT
// Well-formedness of an uncertain input's Distribution (scenario.h), checked by ValidateScenario
// against the valid range of the quantity it describes. Sampling lives in transforms/.
#pragma once

#include <string>

#include "entente/core/scenario.h"

namespace entente {

// "" when `d` is a usable distribution for a quantity whose valid range is [lo, hi] (hi may be
// +inf); otherwise what is wrong and what is allowed. Rules:
//   normal {mean, sd}: finite, sd > 0, mean inside the range (it is truncated to the range);
//   uniform {min, max}: finite, min < max, both inside the range;
//   triangular {min, mode, max}: finite, min <= mode <= max, min < max, inside the range;
//   estimates: at least one value, each finite and inside the range.
std::string DistributionProblem(const Distribution& d, double lo, double hi);

// The point value a file form stands for (what deterministic runs use): a normal's mean, a
// uniform's midpoint min + (max - min) / 2, a triangular's mode, the estimates' mean (summed in
// the order written). NaN when the parameters are missing.
double PointValue(const Distribution& d);

// The distribution as a user writes it, for error messages: "{value: 50, sd: 5}",
// "{min: 10, max: 20}", "{min: 10, mode: 15, max: 20}", "[10, 20, 30]".
std::string DistributionText(const Distribution& d);

}  // namespace entente
