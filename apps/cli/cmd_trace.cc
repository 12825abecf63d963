// SPDX-License-Identifier: MIT
// `entente trace SCENARIO --model SPEC [--issue ID]`: the round-by-round history of a dynamic
// model, as a table and the moves in words (or JSON, CSV).
#include <memory>

#include "commands.h"
#include "entente/report/trace_report.h"
#include "store_cli.h"

namespace entente::cli {

namespace {

struct TraceOptions {
  std::string scenario;
  std::string model;
  std::string issue;
  std::string format;
  std::string out;
  std::string color;
  std::string from;
  std::vector<std::string> issues;
  uint64_t seed = 0;
  StoreOptions store;
};

void RunTrace(const TraceOptions& o) {
  Scenario s = LoadScenarioArg(o.scenario, o.from, o.issues);
  if (!o.issue.empty() && s.IssueIndex(o.issue) < 0) {
    std::string ids;
    for (const auto& is : s.issues) ids += (ids.empty() ? "" : ", ") + is.id;
    ThrowUsage("--issue", o.issue, "unknown issue; issues: " + ids);
  }
  ModelResult r = RunModels(s, {o.model}, o.seed).front();
  if (r.traces.empty()) {
    ThrowUsage("--model", o.model, "this model records no trace (only dynamic models do)");
  }
  std::vector<Trace> traces = TracesInvolving(r.traces, o.issue);
  ReportOptions ropt;
  ropt.seed = o.seed;
  ropt.color = o.format == "table" && UseColor(o.color, o.out.empty() || o.out == "-");
  // One JSON document for both the output and the run store.
  const std::string doc = DumpJson(TraceDocumentJson(s, r, traces, ropt));
  std::string text;
  if (o.format == "json") {
    text = doc;
  } else if (o.format == "csv") {
    text = TraceCsv(traces);
  } else {
    text = RenderTraceText(s, r.spec, traces, ropt);
  }
  Emit(text, o.out);
  RecordCliRun(o.store, "trace", s, {r}, o.seed, doc);
}

}  // namespace

void AddTraceCommand(CLI::App& app, CliState& /*state*/) {
  auto o = std::make_shared<TraceOptions>();
  CLI::App* sub = app.add_subcommand("trace", "Show the round-by-round history of a dynamic model");
  sub->add_option("scenario", o->scenario, "a scenario file or a built-in name")->required();
  sub->add_option("-m,--model", o->model, "model spec, e.g. eum(rounds=5)")->required();
  sub->add_option("--issue", o->issue, "only the traces that involve issue ID");
  AddFormatOption(sub, o->format, {"table", "json", "csv"});
  sub->add_option("-o,--out", o->out, "write to FILE (atomically) instead of standard output");
  AddColorOption(sub, o->color);
  sub->add_option("--from", o->from, "input format: json, yaml, csv, wide-csv, ktab-csv");
  AddIssuesOption(sub, o->issues);
  sub->add_option("--seed", o->seed, "seed for stochastic models")->capture_default_str();
  AddStoreOptions(sub, o->store);
  sub->callback([o] { RunTrace(*o); });
}

}  // namespace entente::cli
