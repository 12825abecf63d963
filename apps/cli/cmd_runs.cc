// SPDX-License-Identifier: MIT
// `entente runs list|show ID|export ID FILE|diff ID ID|rm ID...`: the run store.
#include <memory>

#include <fmt/format.h>

#include "commands.h"
#include "entente/report/report.h"
#include "entente/store/run_export.h"
#include "store_cli.h"

namespace entente::cli {

namespace {

struct RunsOptions {
  StoreOptions store;
  int limit = 20;
  std::string kind, format, file;
  int64_t id = 0;
  std::vector<int64_t> ids;
};

std::unique_ptr<RunStore> Open(const RunsOptions& o) {
  std::unique_ptr<RunStore> store = OpenRunStore(o.store);
  if (!store) ThrowUsage("--store", "", "the run store is off (--no-store or ENTENTE_STORE=none)");
  return store;
}

RunRecord Get(RunStore& store, int64_t id) {
  std::optional<RunRecord> r = store.Get(id);
  if (!r) ThrowUsage("ID", std::to_string(id), "no such run in " + store.path());
  return *r;
}

std::string Status(const RunInfo& r) { return r.Interrupted() ? "interrupted" : r.status; }

// "compromise, median": model names without their parameters.
std::string Models(const RunInfo& r) {
  std::string out;
  for (const auto& s : r.specs) out += (out.empty() ? "" : ", ") + s.substr(0, s.find('('));
  return out;
}

std::string Cut(std::string s, size_t n) { return s.size() > n ? s.substr(0, n - 1) + "~" : s; }

void List(const RunsOptions& o) {
  auto store = Open(o);
  std::vector<RunInfo> runs = store->List(o.limit, o.kind);
  std::string text;
  if (o.format == "json") {
    text = DumpJson(RunsListJson(store->path(), runs));
  } else {
    text = fmt::format("{:>5}  {:<11} {:<11} {:<19}  {:<14} {:<14} {:>7}\n", "ID", "KIND", "STATUS",
                       "STARTED (UTC)", "SCENARIO", "MODELS", "DRAWS");
    for (const auto& r : runs) {
      std::string started = r.started.substr(0, 19);
      if (started.size() > 10) started[10] = ' ';
      text += fmt::format("{:>5}  {:<11} {:<11} {:<19}  {:<14} {:<14} {:>7}\n", r.id, r.kind,
                          Status(r), started, Cut(r.scenario_id, 14), Cut(Models(r), 14),
                          r.kind == "sweep" ? std::to_string(r.draws_stored) : "");
    }
    if (runs.empty()) text += fmt::format("(no runs recorded in {})\n", store->path());
  }
  Emit(text, "");
}

void Show(const RunsOptions& o) {
  auto store = Open(o);
  RunRecord r = Get(*store, o.id);
  if (o.format == "json") return Emit(DumpJson(RunRecordJson(*store, r, false)), "");
  std::string t = fmt::format("Run {}: {}, {}\n", r.id, r.kind, Status(r));
  t += fmt::format("  scenario  {} ({})\n", r.scenario_id, r.scenario_hash);
  for (const auto& s : r.specs) t += fmt::format("  model     {}\n", s);
  t += fmt::format("  seed      {}\n  entente   {}\n  started   {}\n  finished  {}\n", r.seed,
                   r.version, r.started, r.finished.empty() ? "-" : r.finished);
  t += fmt::format("  options   {}\n", r.params_json);
  if (r.kind == "sweep") t += fmt::format("  draws     {} stored\n", r.draws_stored);
  if (!r.error.empty()) t += fmt::format("  error     {}\n", r.error);
  if (Status(r) == "interrupted" || (r.kind == "sweep" && r.status == "cancelled")) {
    t += fmt::format("  finish it with: entente sweep --resume {} --store {}\n", r.id,
                     store->path());
  }
  if (!r.result_json.empty()) {
    auto j = nlohmann::ordered_json::parse(r.result_json, nullptr, false);
    t += "Result:\n" + (j.is_discarded() ? r.result_json + "\n" : DumpJson(j));
  }
  Emit(t, "");
}

void Export(const RunsOptions& o) {
  auto store = Open(o);
  RunRecord r = Get(*store, o.id);
  const bool csv = o.file.size() > 4 && o.file.substr(o.file.size() - 4) == ".csv";
  Emit(csv ? DrawsCsv(*store, r) : DumpJson(RunRecordJson(*store, r, true)), o.file);
}

void Diff(const RunsOptions& o) {
  auto store = Open(o);
  RunRecord a = Get(*store, o.ids.at(0)), b = Get(*store, o.ids.at(1));
  std::vector<std::string> d = DiffRuns(a, b, 60);
  std::string t =
      d.empty() ? fmt::format("Runs {} and {} agree (inputs, options and results).\n", a.id, b.id)
                : fmt::format("Runs {} and {} differ:\n", a.id, b.id);
  for (const auto& line : d) t += "  " + line + "\n";
  Emit(t, "");
}

void Remove(const RunsOptions& o) {
  auto store = Open(o);
  for (int64_t id : o.ids) Get(*store, id);  // every id must exist before any is removed
  for (int64_t id : o.ids) store->Remove(id);
  Emit(fmt::format("removed {} run{}\n", o.ids.size(), o.ids.size() == 1 ? "" : "s"), "");
}

}  // namespace

void AddRunsCommand(CLI::App& app, CliState& /*state*/) {
  auto o = std::make_shared<RunsOptions>();
  CLI::App* runs = app.add_subcommand("runs", "List, show, export, compare or remove stored runs");
  runs->require_subcommand(1);
  AddStoreOptions(runs, o->store);
  auto guard = [o](void (*f)(const RunsOptions&)) {
    return [o, f] {
      try {
        f(*o);
      } catch (const StoreError& e) {
        throw CliError(e.what());
      }
    };
  };
  CLI::App* list = runs->add_subcommand("list", "Recorded runs, newest first");
  list->add_option("--limit", o->limit, "at most N runs (0 = all)")->capture_default_str();
  list->add_option("--kind", o->kind, "only runs of this kind: run, trace, deals, sweep, ...");
  AddFormatOption(list, o->format, {"table", "json"});
  list->callback(guard(List));
  CLI::App* show = runs->add_subcommand("show", "One run: inputs, options and result");
  show->add_option("id", o->id, "run ID")->required();
  AddFormatOption(show, o->format, {"text", "json"});
  show->callback(guard(Show));
  CLI::App* exp = runs->add_subcommand("export", "Write a run to FILE (.json; .csv: per draw)");
  exp->add_option("id", o->id, "run ID")->required();
  exp->add_option("file", o->file, "FILE (- for standard output)")->required();
  exp->callback(guard(Export));
  CLI::App* diff = runs->add_subcommand("diff", "What differs between two runs");
  diff->add_option("ids", o->ids, "two run IDs")->required()->expected(2);
  diff->callback(guard(Diff));
  CLI::App* rm = runs->add_subcommand("rm", "Remove runs and their results");
  rm->add_option("ids", o->ids, "run IDs")->required()->expected(1, 1000);
  rm->callback(guard(Remove));
  for (CLI::App* sub : {list, show, exp, diff, rm}) sub->fallthrough();  // --store after it too
}

}  // namespace entente::cli
