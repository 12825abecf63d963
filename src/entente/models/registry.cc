// SPDX-License-Identifier: MIT
#include "entente/models/registry.h"

#include <fmt/format.h>

#include "entente/models/compromise.h"
#include "entente/models/eum.h"
#include "entente/models/median.h"
#include "entente/models/smp.h"

namespace entente {

void ModelRegistry::Add(ModelInfo info, ModelFactory factory) {
  ENTENTE_CHECK(Find(info.name) == nullptr);
  infos_.push_back(std::move(info));
  factories_.push_back(std::move(factory));
}

const ModelInfo* ModelRegistry::Find(std::string_view name) const {
  for (const auto& i : infos_) {
    if (i.name == name) return &i;
  }
  return nullptr;
}

namespace {

std::string CanonicalText(const ModelInfo& info, const Params& p) {
  Spec canon{info.name, {}};
  for (const auto& d : info.params) {
    if (p.Has(d.name)) canon.args.emplace_back(d.name, p.Str(d.name));
  }
  return canon.ToString();
}

}  // namespace

std::unique_ptr<Model> ModelRegistry::Create(std::string_view text) const {
  Spec spec = ParseSpec(text);
  for (size_t i = 0; i < infos_.size(); ++i) {
    if (infos_[i].name != spec.name) continue;
    Params p = ResolveParams(spec, infos_[i].params);
    return factories_[i](infos_[i], p, CanonicalText(infos_[i], p));
  }
  std::string names;
  for (const auto& i : infos_) names += (names.empty() ? "" : ", ") + i.name;
  ValidationReport r;
  r.Add(Location{"", 0, 0, "model spec"}, "model", spec.name,
        fmt::format("unknown model; known models: {}", names));
  throw InvalidInput(std::move(r));
}

std::string ModelRegistry::Canonical(std::string_view text) const {
  Spec spec = ParseSpec(text);
  const ModelInfo* info = Find(spec.name);
  if (!info) return Create(text)->info().name;  // throws the unknown-model report
  return CanonicalText(*info, ResolveParams(spec, info->params));
}

const ModelRegistry& BuiltinModels() {
  static const ModelRegistry registry = [] {
    ModelRegistry r;
    RegisterCompromise(r);
    RegisterMedian(r);
    RegisterEum(r);
    RegisterSmp(r);
    return r;
  }();
  return registry;
}

ModelResult RunModel(const Scenario& s, std::string_view spec, const RunContext& ctx) {
  return BuiltinModels().Create(spec)->Run(s, ctx);
}

std::vector<ModelResult> RunModelSpecs(const Scenario& s, const std::vector<std::string>& specs,
                                       const RunContext& ctx) {
  const ModelRegistry& registry = BuiltinModels();
  std::vector<std::string> wanted = specs;
  if (wanted.empty()) {
    for (const auto& info : registry.models()) wanted.push_back(info.name);
  }
  std::vector<std::unique_ptr<Model>> models;
  ValidationReport problems;
  for (const auto& spec : wanted) {
    try {
      models.push_back(registry.Create(spec));
    } catch (const InvalidInput& e) {
      problems.Merge(e.report());
    }
  }
  if (!problems.ok()) throw InvalidInput(std::move(problems));
  std::vector<ModelResult> results;
  for (const auto& m : models) results.push_back(m->Run(s, ctx));
  return results;
}

}  // namespace entente
