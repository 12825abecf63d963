// SPDX-License-Identifier: MIT
#include "entente/store/sweep_runs.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "entente/core/errors.h"
#include "entente/io/canonical_json.h"
#include "entente/report/report.h"
#include "entente/sweep/render.h"
#include "entente/sweep/sensitivity_render.h"

namespace entente {

std::string SweepParamsJson(const DrawEvaluator& ev) {
  const SweepPlan& p = ev.plan();
  nlohmann::ordered_json j;
  j["models"] = p.models;
  j["draws"] = p.draws;
  j["seed"] = p.seed;
  j["noise"] = {{"position", p.noise.position},
                {"salience", p.noise.salience},
                {"capability", p.noise.capability}};
  j["deals"] = p.deals;
  j["deal_step"] = p.deal_step;
  j["width"] = ev.width();
  std::vector<std::string> columns;
  for (const auto& spec : ev.specs()) {
    for (const auto& is : ev.scenario().issues) columns.push_back(spec + " " + is.id);
  }
  if (p.deals) {
    columns.push_back("deals zone_nonempty");
    for (const auto& is : ev.scenario().issues) columns.push_back("deals nash " + is.id);
  }
  j["columns"] = columns;
  return j.dump();
}

int64_t BeginSweepRun(RunStore& store, const DrawEvaluator& ev) {
  return store.Begin(
      NewRun{"sweep", &ev.scenario(), ev.specs(), ev.plan().seed, SweepParamsJson(ev)});
}

BlockDone StoreBlocks(RunStore& store, int64_t id) {
  return [&store, id](const DrawBlock& b) {
    store.AddDraws(id, b.first, b.count, b.count ? static_cast<int>(b.values.size() / b.count) : 0,
                   b.values.data());
  };
}

namespace {

[[noreturn]] void Bad(const std::string& value, const std::string& message) {
  ValidationReport r;
  r.Add(Location{"", 0, 0, "--resume"}, "resume", value, message);
  throw InvalidInput(std::move(r));
}

}  // namespace

StoredSweep LoadStoredSweep(RunStore& store, int64_t id) {
  std::optional<RunRecord> rec = store.Get(id);
  const std::string sid = std::to_string(id);
  if (!rec) Bad(sid, fmt::format("no run {} in the run store {}", id, store.path()));
  if (rec->kind != "sweep") Bad(sid, fmt::format("run {} is a {}, not a sweep", id, rec->kind));
  StoredSweep out;
  out.id = id;
  out.status = rec->status;
  out.scenario = rec->LoadScenario();
  try {
    auto j = nlohmann::json::parse(rec->params_json);
    out.plan.models = j.at("models").get<std::vector<std::string>>();
    out.plan.draws = j.at("draws").get<int64_t>();
    out.plan.seed = j.at("seed").get<uint64_t>();
    const auto& n = j.at("noise");
    out.plan.noise = Noise{n.at("position"), n.at("salience"), n.at("capability")};
    out.plan.deals = j.value("deals", false);
    out.plan.deal_step = j.value("deal_step", 5.0);
  } catch (const nlohmann::json::exception& e) {
    Bad(sid, fmt::format("the stored options of run {} cannot be read: {}", id, e.what()));
  }
  return out;
}

std::string EncodeStoredSweep(const StoredSweep& s) {
  nlohmann::json noise = {s.plan.noise.position, s.plan.noise.salience, s.plan.noise.capability};
  return nlohmann::json{{"id", s.id},
                        {"status", s.status},
                        {"scenario", CanonicalScenarioJson(s.scenario)},
                        {"models", s.plan.models},
                        {"draws", s.plan.draws},
                        {"seed", s.plan.seed},
                        {"noise", noise},
                        {"deals", s.plan.deals},
                        {"deal_step", s.plan.deal_step}}
      .dump();
}

StoredSweep DecodeStoredSweep(const std::string& text) {
  auto j = nlohmann::json::parse(text);
  StoredSweep s;
  s.id = j.at("id");
  s.status = j.at("status");
  s.scenario = ScenarioFromCanonicalJson(j.at("scenario"));
  s.plan.models = j.at("models").get<std::vector<std::string>>();
  s.plan.draws = j.at("draws");
  s.plan.seed = j.at("seed");
  s.plan.noise = Noise{j["noise"].at(0), j["noise"].at(1), j["noise"].at(2)};
  s.plan.deals = j.at("deals");
  s.plan.deal_step = j.at("deal_step");
  return s;
}

void LoadStoredDraws(RunStore& store, int64_t id, SweepData& data) {
  store.ForEachDrawBlock(id, [&](int64_t first, int64_t count, int width, const double* v) {
    if (width != data.width || first < 0 || count < 0 || first + count > data.draws) {
      throw StoreError(
          fmt::format("run store {}: run {}: stored block at draw {} ({} draws x {}) "
                      "does not fit the sweep ({} draws x {})",
                      store.path(), id, first, count, width, data.draws, data.width));
    }
    data.Put(DrawBlock{first, count, std::vector<double>(v, v + count * width)});
  });
}

nlohmann::ordered_json SweepDocument(const DrawEvaluator& ev, const SweepSummary& sum,
                                     int64_t run_id) {
  auto doc = JsonDocument("sweep");
  doc["scenario"] = ScenarioRefJson(ev.scenario());
  doc["run_id"] = run_id ? nlohmann::ordered_json(run_id) : nlohmann::ordered_json(nullptr);
  doc.update(SweepSummaryJson(sum, ev.base_space()));
  return doc;
}

nlohmann::ordered_json SensitivityDocument(const Scenario& s, const SensitivityOptions& opt,
                                           const SensitivityResult& r) {
  auto doc = JsonDocument("sensitivity");
  doc["scenario"] = ScenarioRefJson(s);
  doc.update(SensitivityJson(s, opt, r));
  return doc;
}

}  // namespace entente
