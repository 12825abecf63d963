// SPDX-License-Identifier: MIT
// `entente sweep [SCENARIO] --model SPEC... --draws N [--seed S] [--threads T] [--noise ...]`:
// Monte Carlo over the uncertain inputs; per model and issue the forecast's distribution.
// Under `mpirun -n K` the draws are split across ranks (rank 0 reports and records).
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "commands.h"
#include "entente/report/report.h"
#include "entente/store/block_writer.h"
#include "entente/store/sweep_runs.h"
#include "entente/sweep/mpi_backend.h"
#include "entente/sweep/progress.h"
#include "entente/sweep/render.h"
#include "entente/sweep/summary.h"
#include "store_cli.h"

namespace entente::cli {

namespace {

struct SweepOptions {
  std::string scenario = kDefaultScenario, from, format, out, noise;
  std::vector<std::string> models, issues;
  int64_t draws = 1000;
  uint64_t seed = 0;
  int threads = 0;
  int64_t resume = 0;
  bool deals = false;
  double deal_step = 5;
  StoreOptions store;
  CLI::App* sub = nullptr;
};

// The scenario and plan of a new sweep, or of the stored one being resumed (read on rank 0 and
// sent to the others).
StoredSweep Prepare(const SweepOptions& o, RunStore* store, SweepBackend& backend) {
  if (o.resume == 0) {
    StoredSweep s{0, "", LoadScenarioArg(o.scenario, o.from, o.issues),
                  SweepPlan{o.models, o.draws, o.seed, ParseNoise(o.noise), o.deals, o.deal_step}};
    return s;
  }
  for (const char* flag :
       {"scenario", "--model", "--draws", "--seed", "--noise", "--deals", "--issues"}) {
    if (o.sub->count(flag) > 0) {
      ThrowUsage(flag, "",
                 "--resume takes the scenario and options of the stored sweep; "
                 "give only --resume ID (and --threads, --store, output options)");
    }
  }
  std::string text;
  if (backend.IsRoot()) {
    if (!store) ThrowUsage("--resume", std::to_string(o.resume), "needs the run store");
    text = EncodeStoredSweep(LoadStoredSweep(*store, o.resume));
  }
  backend.Broadcast(text);
  return DecodeStoredSweep(text);
}

void Sweep(const SweepOptions& o, CliState& state) {
  if (o.draws < 1 || o.draws > 1'000'000'000) {
    ThrowUsage("--draws", std::to_string(o.draws), "must be between 1 and 1000000000");
  }
  CancelToken token;
  CancelOnSigint on_sigint(token);
  std::unique_ptr<SweepBackend> backend;
#if ENTENTE_HAVE_MPI
  std::unique_ptr<MpiSession> mpi;
  if (MpiSession::Launched()) {
    mpi = std::make_unique<MpiSession>(nullptr, nullptr);
    backend = MakeMpiBackend(o.threads);
  }
#endif
  if (!backend) backend = MakeThreadBackend(o.threads);
  const bool root = backend->IsRoot();
  std::unique_ptr<RunStore> store = root ? OpenRunStore(o.store) : nullptr;
  StoredSweep job = Prepare(o, store.get(), *backend);
  DrawEvaluator ev(job.scenario, job.plan, &token);
  SweepData data(job.plan.draws, ev.width());
  int64_t id = job.id;
  if (store && id) LoadStoredDraws(*store, id, data);
  if (store && !id) id = BeginSweepRun(*store, ev);
  ProgressBar bar(stderr, "draws", root && ProgressBar::StderrIsTty());
  RunContext ctx;
  ctx.cancel = &token;
  ctx.progress = bar.Callback();
  bool complete = false;
  std::optional<BlockWriter> writer;  // stores blocks on its own thread
  if (store) writer.emplace(*store, id);
  try {
    complete = RunSweep(ev, *backend, ctx, data, writer ? writer->Sink() : BlockDone{});
    if (writer) writer->Close();  // every finished block stored before the run is finished
  } catch (const std::exception& e) {
    bar.Finish();
    writer.reset();
    if (store) store->Finish(id, "failed", "", e.what());
    throw;
  }
  bar.Finish();
  if (!root) return;
  SweepSummary sum = Summarize(ev, data);
  const Scenario& s = job.scenario;
  std::string text;
  auto doc = SweepDocument(ev, sum, id);
  if (o.format == "json") {
    text = DumpJson(doc);
  } else if (o.format == "csv") {
    text = SweepCsv(sum);
  } else {
    std::string how = "Ran on " + backend->Describe();
    if (id) how += fmt::format("; recorded as run {} in {}", id, store->path());
    text = RenderSweepText(s, sum, how, ev.base_space());
  }
  if (store) store->Finish(id, complete ? "done" : "cancelled", DumpJson(doc));
  Emit(text, o.out);
  if (!complete) {
    std::fprintf(stderr, "entente: cancelled after %lld of %lld draws%s\n",
                 static_cast<long long>(data.completed), static_cast<long long>(data.draws),
                 id ? fmt::format("; finish it with: entente sweep --resume {}", id).c_str() : "");
    state.exit_code = 130;
  }
}

}  // namespace

void AddSweepCommand(CLI::App& app, CliState& state) {
  auto o = std::make_shared<SweepOptions>();
  CLI::App* sub = app.add_subcommand(
      "sweep", "Monte Carlo over uncertain inputs: each forecast's distribution");
  o->sub = sub;
  sub->add_option("scenario", o->scenario, "a scenario file or a built-in name")
      ->capture_default_str();
  sub->add_option("-m,--model", o->models, "model spec; repeatable")->allow_extra_args(false);
  sub->add_option("-n,--draws", o->draws, "number of input sets drawn")->capture_default_str();
  sub->add_option("--seed", o->seed, "seed: the same seed gives the same result")
      ->capture_default_str();
  sub->add_option("-j,--threads", o->threads, "threads (per MPI rank); 0 = every core")
      ->capture_default_str();
  sub->add_option("--noise", o->noise,
                  "sd of global noise in the inputs' own units, e.g. "
                  "position=10,salience=10,capability=20 (inputs with a distribution keep it)");
  sub->add_flag("--deals", o->deals,
                "also: chance of a non-empty zone of agreement and of each Nash package");
  sub->add_option("--deal-step", o->deal_step, "with --deals: grid step on numeric scales")
      ->capture_default_str();
  sub->add_option("--resume", o->resume, "finish stored sweep ID (cancelled or killed)");
  AddFormatOption(sub, o->format, {"table", "json", "csv"});
  sub->add_option("-o,--out", o->out, "write to FILE (atomically) instead of standard output");
  sub->add_option("--from", o->from, "input format: json, yaml, csv, wide-csv, ktab-csv");
  AddIssuesOption(sub, o->issues);
  AddStoreOptions(sub, o->store);
  sub->callback([o, &state] { Sweep(*o, state); });
}

}  // namespace entente::cli
