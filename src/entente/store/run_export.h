// SPDX-License-Identifier: MIT
// Stored runs as documents: the whole record as JSON ({"entente_json": 1, "kind": "run-record",
// ...}), a sweep's per-draw results as CSV, and the differences between two runs.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "entente/store/run_store.h"

namespace entente {

// Every field of the run; "params" and "result" parsed; "scenario" in the store's lossless
// form; for sweeps with `with_draws`, "draws": {"columns": [...], "rows": [[draw, v...], ...]}
// (stored draws only, in draw order; null for NaN).
nlohmann::ordered_json RunRecordJson(RunStore& store, const RunRecord& r, bool with_draws);

// The `runs` listing document (`entente runs list --format json`, GET /api/runs): "store" (its
// path) and "runs": id, kind, status ("interrupted" for a killed run), times, scenario, specs,
// seed, draws stored.
nlohmann::ordered_json RunsListJson(const std::string& store_path,
                                    const std::vector<RunInfo>& runs);

// Header "draw,<column>,..." then one row per stored draw. Throws InvalidInput when the run is
// not a sweep.
std::string DrawsCsv(RunStore& store, const RunRecord& r);

// "path: a -> b" for every leaf that differs between the two runs' scenario, specs, seed,
// version, options and results (times, ids and statuses left out), at most `limit` lines plus a
// count of the rest. Empty when they agree.
std::vector<std::string> DiffRuns(const RunRecord& a, const RunRecord& b, size_t limit);

}  // namespace entente
