// SPDX-License-Identifier: MIT
#include "entente/store/run_store.h"

#include <signal.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include "entente/core/errors.h"
#include "entente/core/version.h"
#include "entente/io/canonical_json.h"
#include "entente/report/hash.h"

namespace entente {

static_assert(std::endian::native == std::endian::little,
              "draw blocks are stored as little-endian doubles");

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE runs (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  kind          TEXT NOT NULL,
  status        TEXT NOT NULL,
  scenario_id   TEXT NOT NULL,
  scenario_hash TEXT NOT NULL,
  scenario      TEXT NOT NULL,
  spec          TEXT NOT NULL,
  params        TEXT NOT NULL,
  seed          TEXT NOT NULL,
  version       TEXT NOT NULL,
  started       TEXT NOT NULL,
  finished      TEXT,
  result        TEXT,
  error         TEXT,
  pid           INTEGER,
  host          TEXT
);
CREATE TABLE draws (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  first  INTEGER NOT NULL,
  count  INTEGER NOT NULL,
  width  INTEGER NOT NULL,
  data   BLOB NOT NULL,
  PRIMARY KEY (run_id, first)
);
)sql";

std::string HostName() {
  char buf[256] = {};
  if (gethostname(buf, sizeof(buf) - 1) != 0) return "";
  return buf;
}

[[noreturn]] void NotAStore(const std::string& path, const std::string& why) {
  ValidationReport r;
  r.Add(Location{path, 0, 0, "run store"}, "store", path,
        why + "; choose another file with --store PATH, or run without one with --no-store");
  throw InvalidInput(std::move(r));
}

std::vector<std::string> ParseSpecs(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return {text};
  std::vector<std::string> out;
  for (const auto& s : j) out.push_back(s.is_string() ? s.get<std::string>() : s.dump());
  return out;
}

}  // namespace

std::string NowUtc() {
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", std::chrono::floor<std::chrono::seconds>(now),
                     ms.count());
}

bool RunInfo::Interrupted() const {
  if (status != "running" || pid <= 0 || host != HostName()) return false;
  return kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

Scenario RunRecord::LoadScenario() const {
  auto j = nlohmann::json::parse(scenario_json, nullptr, false);
  return ScenarioFromCanonicalJson(j);
}

std::string RunStore::DefaultPath() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg && *xdg) return std::string(xdg) + "/entente/runs.sqlite";
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.local/share/entente/runs.sqlite";
}

template <typename F>
auto RunStore::Guard(const char* what, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const SQLite::Exception& e) {
    throw StoreError(fmt::format("run store {}: cannot {}: {}", path_, what, e.what()));
  }
}

RunStore::RunStore(const std::string& path, int busy_timeout_ms) : path_(path) {
  std::error_code ec;
  auto dir = std::filesystem::path(path).parent_path();
  if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  try {
    db_ = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                             busy_timeout_ms);
  } catch (const SQLite::Exception& e) {
    NotAStore(path, fmt::format("cannot open the run store: {}", e.what()));
  }
  try {
    Init();
  } catch (const SQLite::Exception& e) {
    int code = e.getErrorCode();
    if (code == SQLITE_NOTADB) NotAStore(path, "not an entente run store (not an SQLite database)");
    if (code == SQLITE_CORRUPT) {
      NotAStore(path, fmt::format("the run store is damaged ({})", e.what()));
    }
    throw StoreError(fmt::format("run store {}: cannot open: {}", path, e.what()));
  }
}

RunStore::~RunStore() = default;

void RunStore::Init() {
  auto app_id = [this] { return db_->execAndGet("PRAGMA application_id").getInt(); };
  int id = app_id();
  if (id == 0) {
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    id = app_id();  // another process may have created it meanwhile
    if (id == 0) {
      if (db_->execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0) {
        NotAStore(path_, "not an entente run store (an SQLite database of another application)");
      }
      db_->exec(kSchema);
      db_->exec(fmt::format("PRAGMA application_id = {}", kStoreApplicationId));
      db_->exec(fmt::format("PRAGMA user_version = {}", kStoreSchemaVersion));
      id = kStoreApplicationId;
    }
    tx.commit();
  }
  if (id != kStoreApplicationId) {
    NotAStore(path_, fmt::format("not an entente run store (SQLite application id {:#x})",
                                 static_cast<uint32_t>(id)));
  }
  int version = db_->execAndGet("PRAGMA user_version").getInt();
  if (version > kStoreSchemaVersion) {
    NotAStore(path_, fmt::format("the run store was written by a newer entente (schema {}; this "
                                 "entente {} reads schema {})",
                                 version, kVersion, kStoreSchemaVersion));
  }
  if (db_->execAndGet("PRAGMA journal_mode").getString() != "wal") {
    db_->execAndGet("PRAGMA journal_mode = WAL");
  }
  db_->exec("PRAGMA synchronous = NORMAL");
  db_->exec("PRAGMA foreign_keys = ON");
}

int64_t RunStore::Begin(const NewRun& run) {
  ENTENTE_CHECK(run.scenario != nullptr);
  const std::string scenario = CanonicalScenarioJson(*run.scenario).dump();
  const std::string hash = ScenarioHash(*run.scenario);
  const std::string specs = nlohmann::json(run.specs).dump();
  return Guard("record a run", [&] {
    SQLite::Statement q(*db_,
                        "INSERT INTO runs (kind, status, scenario_id, scenario_hash, scenario, "
                        "spec, params, seed, version, started, pid, host) VALUES "
                        "(?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, run.kind);
    q.bind(2, run.scenario->id);
    q.bind(3, hash);
    q.bind(4, scenario);
    q.bind(5, specs);
    q.bind(6, run.params_json);
    q.bind(7, std::to_string(run.seed));
    q.bind(8, kVersion);
    q.bind(9, NowUtc());
    q.bind(10, static_cast<int64_t>(getpid()));
    q.bind(11, HostName());
    q.exec();
    return db_->getLastInsertRowid();
  });
}

void RunStore::AddDraws(int64_t run, int64_t first, int64_t count, int width,
                        const double* values) {
  Guard("store draws", [&] {
    SQLite::Statement q(*db_,
                        "INSERT OR REPLACE INTO draws (run_id, first, count, width, data) "
                        "VALUES (?, ?, ?, ?, ?)");
    q.bind(1, run);
    q.bind(2, first);
    q.bind(3, count);
    q.bind(4, width);
    q.bind(5, static_cast<const void*>(values),
           static_cast<int>(count * width * static_cast<int64_t>(sizeof(double))));
    q.exec();
  });
}

void RunStore::Finish(int64_t run, const std::string& status, const std::string& result_json,
                      const std::string& error) {
  Guard("finish a run", [&] {
    SQLite::Statement q(*db_,
                        "UPDATE runs SET status = ?, finished = ?, result = ?, error = ? "
                        "WHERE id = ?");
    q.bind(1, status);
    q.bind(2, NowUtc());
    q.bind(3, result_json);
    q.bind(4, error);
    q.bind(5, run);
    q.exec();
  });
}

namespace {

constexpr const char* kInfoColumns =
    "id, kind, status, scenario_id, scenario_hash, spec, seed, version, started, "
    "coalesce(finished, ''), coalesce(error, ''), "
    "(SELECT coalesce(sum(count), 0) FROM draws WHERE run_id = runs.id), "
    "coalesce(pid, 0), coalesce(host, '')";

void ReadInfo(SQLite::Statement& q, RunInfo& r) {
  r.id = q.getColumn(0).getInt64();
  r.kind = q.getColumn(1).getString();
  r.status = q.getColumn(2).getString();
  r.scenario_id = q.getColumn(3).getString();
  r.scenario_hash = q.getColumn(4).getString();
  r.specs = ParseSpecs(q.getColumn(5).getString());
  r.seed = std::stoull(q.getColumn(6).getString());
  r.version = q.getColumn(7).getString();
  r.started = q.getColumn(8).getString();
  r.finished = q.getColumn(9).getString();
  r.error = q.getColumn(10).getString();
  r.draws_stored = q.getColumn(11).getInt64();
  r.pid = q.getColumn(12).getInt64();
  r.host = q.getColumn(13).getString();
}

}  // namespace

std::vector<RunInfo> RunStore::List(int limit, const std::string& kind) {
  return Guard("list runs", [&] {
    std::string sql = fmt::format("SELECT {} FROM runs {} ORDER BY id DESC LIMIT ?", kInfoColumns,
                                  kind.empty() ? "" : "WHERE kind = ?");
    SQLite::Statement q(*db_, sql);
    int k = 1;
    if (!kind.empty()) q.bind(k++, kind);
    q.bind(k, static_cast<int64_t>(limit > 0 ? limit : -1));
    std::vector<RunInfo> out;
    while (q.executeStep()) ReadInfo(q, out.emplace_back());
    return out;
  });
}

std::optional<RunRecord> RunStore::Get(int64_t id) {
  return Guard("read a run", [&]() -> std::optional<RunRecord> {
    SQLite::Statement q(*db_, fmt::format("SELECT {}, scenario, params, coalesce(result, '') "
                                          "FROM runs WHERE id = ?",
                                          kInfoColumns));
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    RunRecord r;
    ReadInfo(q, r);
    r.scenario_json = q.getColumn(14).getString();
    r.params_json = q.getColumn(15).getString();
    r.result_json = q.getColumn(16).getString();
    return r;
  });
}

void RunStore::ForEachDrawBlock(
    int64_t run, const std::function<void(int64_t, int64_t, int, const double*)>& block) {
  Guard("read draws", [&] {
    SQLite::Statement q(*db_,
                        "SELECT first, count, width, data FROM draws WHERE run_id = ? "
                        "ORDER BY first");
    q.bind(1, run);
    std::vector<double> buf;
    while (q.executeStep()) {
      const int64_t first = q.getColumn(0).getInt64(), count = q.getColumn(1).getInt64();
      const int width = q.getColumn(2).getInt();
      const SQLite::Column data = q.getColumn(3);
      const size_t want = static_cast<size_t>(count) * width;
      if (count < 0 || width < 0 || static_cast<size_t>(data.getBytes()) != want * sizeof(double)) {
        throw StoreError(fmt::format("run store {}: run {}: the block at draw {} is damaged", path_,
                                     run, first));
      }
      buf.resize(want);
      if (want) std::memcpy(buf.data(), data.getBlob(), want * sizeof(double));
      block(first, count, width, buf.data());
    }
  });
}

bool RunStore::Remove(int64_t id) {
  return Guard("remove a run", [&] {
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement d(*db_, "DELETE FROM draws WHERE run_id = ?");
    d.bind(1, id);
    d.exec();
    SQLite::Statement r(*db_, "DELETE FROM runs WHERE id = ?");
    r.bind(1, id);
    bool removed = r.exec() > 0;
    tx.commit();
    return removed;
  });
}

std::string RunStore::IntegrityCheck() {
  return Guard("check integrity", [&] {
    SQLite::Statement q(*db_, "PRAGMA integrity_check");
    std::string out;
    while (q.executeStep()) {
      if (!out.empty()) out += '\n';
      out += q.getColumn(0).getString();
    }
    return out;
  });
}

int64_t RecordRun(RunStore* store, const std::string& kind, const Scenario& s,
                  const std::vector<std::string>& specs, uint64_t seed,
                  const std::string& result_json, const std::string& params_json) {
  if (!store) return 0;
  int64_t id = store->Begin(NewRun{kind, &s, specs, seed, params_json});
  store->Finish(id, "done", result_json);
  return id;
}

}  // namespace entente
