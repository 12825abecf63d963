// SPDX-License-Identifier: MIT
// The run store on the command line: --store PATH / --no-store (and ENTENTE_STORE=PATH or
// "none" for the default), recording a finished command in one call, and Ctrl-C as a clean
// cancellation of long commands.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "entente/core/cancel.h"
#include "entente/core/scenario.h"
#include "entente/models/model.h"
#include "entente/store/run_store.h"

namespace entente::cli {

struct StoreOptions {
  std::string path;       // "" = $ENTENTE_STORE, else RunStore::DefaultPath()
  bool disabled = false;  // --no-store
};

// Adds --store PATH and --no-store.
void AddStoreOptions(CLI::App* sub, StoreOptions& o);

// The store path in effect; "" when recording is off (--no-store or ENTENTE_STORE=none).
std::string StorePath(const StoreOptions& o);

// Opens the store, or returns null when recording is off. Throws InvalidInput for a file that
// is not a store; StoreError becomes CliError.
std::unique_ptr<RunStore> OpenRunStore(const StoreOptions& o);

// For run, trace and deals: records a finished command (status done) in one line; returns the
// run id (0 when recording is off).
int64_t RecordCliRun(const StoreOptions& o, const std::string& kind, const Scenario& s,
                     const std::vector<std::string>& specs, uint64_t seed,
                     const std::string& result_json, const std::string& params_json = "{}");

// The same for a command that ran models: their canonical specs are recorded.
int64_t RecordCliRun(const StoreOptions& o, const std::string& kind, const Scenario& s,
                     const std::vector<ModelResult>& results, uint64_t seed,
                     const std::string& result_json, const std::string& params_json = "{}");

// While alive, the first Ctrl-C (SIGINT) cancels `token`; a second one ends the process as
// usual.
class CancelOnSigint {
 public:
  explicit CancelOnSigint(CancelToken& token);
  ~CancelOnSigint();
  CancelOnSigint(const CancelOnSigint&) = delete;
  CancelOnSigint& operator=(const CancelOnSigint&) = delete;
};

}  // namespace entente::cli
