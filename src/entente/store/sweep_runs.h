// SPDX-License-Identifier: MIT
// Sweeps in the run store: the options a sweep is recorded with (enough to redo it), its draw
// blocks as they finish, and what `entente sweep --resume ID` reads back to finish a sweep that
// was cancelled or killed with exactly the result an uninterrupted run gives.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "entente/store/run_store.h"
#include "entente/sweep/sensitivity.h"
#include "entente/sweep/summary.h"
#include "entente/sweep/sweep.h"

namespace entente {

// {"models": [...], "draws": N, "seed": S, "noise": {...}, "width": W, "columns": [...]}.
std::string SweepParamsJson(const DrawEvaluator& ev);

// Records the start of a sweep (kind "sweep", status "running"); returns the run id.
int64_t BeginSweepRun(RunStore& store, const DrawEvaluator& ev);

// A BlockDone that stores each finished block of run `id`.
BlockDone StoreBlocks(RunStore& store, int64_t id);

// A stored sweep to finish.
struct StoredSweep {
  int64_t id = 0;
  std::string status;
  Scenario scenario;
  SweepPlan plan;
};

// Reads run `id`. Throws InvalidInput when there is no such run, it is not a sweep, or its
// record cannot be read back.
StoredSweep LoadStoredSweep(RunStore& store, int64_t id);

// A StoredSweep as text and back (what rank 0 sends the other MPI ranks on --resume).
std::string EncodeStoredSweep(const StoredSweep& s);
StoredSweep DecodeStoredSweep(const std::string& text);

// The `sweep` document (`entente sweep --format json`, the server's sweep jobs): header,
// scenario reference, "run_id" (null when 0 = not recorded) and the summary.
nlohmann::ordered_json SweepDocument(const DrawEvaluator& ev, const SweepSummary& sum,
                                     int64_t run_id);

// The `sensitivity` document (`entente sensitivity --format json`, the server's jobs).
nlohmann::ordered_json SensitivityDocument(const Scenario& s, const SensitivityOptions& opt,
                                           const SensitivityResult& r);

// Puts the stored blocks of run `id` into `data` (sized for the sweep). Throws StoreError when
// a block does not fit.
void LoadStoredDraws(RunStore& store, int64_t id, SweepData& data);

}  // namespace entente
