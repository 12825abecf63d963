// SPDX-License-Identifier: MIT
#include "store_cli.h"

#include <csignal>
#include <cstdlib>

#include "common.h"

namespace entente::cli {

void AddStoreOptions(CLI::App* sub, StoreOptions& o) {
  sub->add_option("--store", o.path,
                  "the run store to record in (SQLite; default $ENTENTE_STORE, else "
                  "$XDG_DATA_HOME/entente/runs.sqlite or ~/.local/share/entente/runs.sqlite)");
  sub->add_flag("--no-store", o.disabled, "do not record this run");
}

std::string StorePath(const StoreOptions& o) {
  if (o.disabled) return "";
  if (!o.path.empty()) return o.path;
  const char* env = std::getenv("ENTENTE_STORE");
  if (env && *env) return std::string(env) == "none" ? "" : env;
  return RunStore::DefaultPath();
}

std::unique_ptr<RunStore> OpenRunStore(const StoreOptions& o) {
  std::string path = StorePath(o);
  if (path.empty()) return nullptr;
  try {
    return std::make_unique<RunStore>(path);
  } catch (const StoreError& e) {
    throw CliError(e.what());
  }
}

int64_t RecordCliRun(const StoreOptions& o, const std::string& kind, const Scenario& s,
                     const std::vector<std::string>& specs, uint64_t seed,
                     const std::string& result_json, const std::string& params_json) {
  std::unique_ptr<RunStore> store = OpenRunStore(o);
  try {
    return RecordRun(store.get(), kind, s, specs, seed, result_json, params_json);
  } catch (const StoreError& e) {
    throw CliError(e.what());
  }
}

int64_t RecordCliRun(const StoreOptions& o, const std::string& kind, const Scenario& s,
                     const std::vector<ModelResult>& results, uint64_t seed,
                     const std::string& result_json, const std::string& params_json) {
  std::vector<std::string> specs;
  for (const auto& r : results) specs.push_back(r.spec);
  return RecordCliRun(o, kind, s, specs, seed, result_json, params_json);
}

namespace {

CancelToken* g_token = nullptr;

// SIGTERM too: under mpirun a Ctrl-C reaches the ranks as SIGTERM (mpirun sends SIGKILL a
// moment later), and they stop at the next draw so rank 0 can still report and record.
extern "C" void OnSigint(int) {
  if (g_token) g_token->Cancel();  // an atomic store: safe in a signal handler
  std::signal(SIGINT, SIG_DFL);    // a second Ctrl-C ends the process
  std::signal(SIGTERM, SIG_DFL);
}

}  // namespace

CancelOnSigint::CancelOnSigint(CancelToken& token) {
  g_token = &token;
  std::signal(SIGINT, OnSigint);
  std::signal(SIGTERM, OnSigint);
}

CancelOnSigint::~CancelOnSigint() {
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  g_token = nullptr;
}

}  // namespace entente::cli
