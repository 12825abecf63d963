// SPDX-License-Identifier: MIT
// The run store: every run, trace, deals, sweep and sensitivity analysis recorded in one SQLite
// file (docs/store.md) with the scenario's full content and hash, the model specs and options,
// the seed, the entente version, start and end times, the status and the results (per draw for
// sweeps, in blocks).
//
// Safety: WAL journal, synchronous=NORMAL (a committed transaction survives the process being
// killed), every write one IMMEDIATE transaction, busy_timeout so concurrent processes wait for
// each other instead of failing. A file that is not an entente store (not SQLite, another
// application's database, a newer schema) is refused with InvalidInput naming the path; any
// later SQLite failure (damage, disk full) is a StoreError with the path and SQLite's message.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "entente/core/scenario.h"

namespace SQLite {
class Database;
}

namespace entente {

inline constexpr int kStoreSchemaVersion = 1;
inline constexpr int kStoreApplicationId = 0x656e7465;  // "ente"

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What a new run records besides its results.
struct NewRun {
  std::string kind;  // "run", "trace", "deals", "sweep", "sensitivity"
  const Scenario* scenario = nullptr;
  std::vector<std::string> specs;  // canonical model specs
  uint64_t seed = 0;
  std::string params_json = "{}";  // the command's options, a JSON object
};

// One row of `runs list`.
struct RunInfo {
  int64_t id = 0;
  std::string kind, status;  // status: running, done, cancelled, failed
  std::string scenario_id, scenario_hash;
  std::vector<std::string> specs;
  uint64_t seed = 0;
  std::string version, started, finished, error;  // times: ISO 8601 UTC; "" when unset
  int64_t draws_stored = 0;                       // sweeps: draws whose results are stored
  int64_t pid = 0;                                // the process that recorded it
  std::string host;
  // Status "running" but its process, on this host, is gone (killed): resumable.
  bool Interrupted() const;
};

// A whole run.
struct RunRecord : RunInfo {
  std::string scenario_json;  // CanonicalScenarioJson text
  std::string params_json;
  std::string result_json;  // "" until finished
  Scenario LoadScenario() const;
};

class RunStore {
 public:
  // Opens or creates the store at `path` (creating its directory). Throws InvalidInput when the
  // file is not an entente store, StoreError when it cannot be opened.
  explicit RunStore(const std::string& path, int busy_timeout_ms = 30000);
  ~RunStore();
  RunStore(const RunStore&) = delete;
  RunStore& operator=(const RunStore&) = delete;

  // $XDG_DATA_HOME/entente/runs.sqlite, else $HOME/.local/share/entente/runs.sqlite.
  static std::string DefaultPath();
  const std::string& path() const { return path_; }

  // Inserts a run with status "running" and returns its id.
  int64_t Begin(const NewRun& run);
  // Stores the results of draws [first, first + count): count * width doubles, draw-major.
  // Storing a block twice replaces it.
  void AddDraws(int64_t run, int64_t first, int64_t count, int width, const double* values);
  // Sets status, end time, result and error message.
  void Finish(int64_t run, const std::string& status, const std::string& result_json,
              const std::string& error = "");
  // Newest first; `limit` 0 = all; `kind` "" = every kind.
  std::vector<RunInfo> List(int limit = 0, const std::string& kind = "");
  std::optional<RunRecord> Get(int64_t id);
  // Calls `block(first, count, width, values)` for each stored block, in draw order.
  void ForEachDrawBlock(int64_t run,
                        const std::function<void(int64_t, int64_t, int, const double*)>& block);
  // Deletes a run and its draws; false when there is no such run.
  bool Remove(int64_t id);
  // "ok" or SQLite's integrity_check report.
  std::string IntegrityCheck();

 private:
  void Init();
  template <typename F>
  auto Guard(const char* what, F&& f) -> decltype(f());

  std::string path_;
  std::unique_ptr<SQLite::Database> db_;
};

// Records a finished run in one call; returns its id, or 0 when `store` is null (--no-store).
int64_t RecordRun(RunStore* store, const std::string& kind, const Scenario& s,
                  const std::vector<std::string>& specs, uint64_t seed,
                  const std::string& result_json, const std::string& params_json = "{}");

// ISO 8601 UTC with milliseconds, e.g. "2025-02-18T12:00:00.123Z".
std::string NowUtc();

}  // namespace entente
