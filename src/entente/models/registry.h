// SPDX-License-Identifier: MIT
// The explicit model registry: RegisterBuiltinModels() lists every model (no static
// initialisation tricks), each with its declared parameters.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "entente/models/model.h"

namespace entente {

// Builds a model from checked parameters; `info` is the registry's declaration (copy it if kept)
// and `spec` the canonical spec string with every parameter.
using ModelFactory =
    std::function<std::unique_ptr<Model>(const ModelInfo& info, const Params&, std::string spec)>;

class ModelRegistry {
 public:
  void Add(ModelInfo info, ModelFactory factory);
  const ModelInfo* Find(std::string_view name) const;
  const std::vector<ModelInfo>& models() const { return infos_; }
  // Parses and checks a spec string ("eum(q=0.5)") and builds the model. Throws InvalidInput
  // for an unknown model (listing the known ones) or bad parameters (listing the valid ones).
  std::unique_ptr<Model> Create(std::string_view spec) const;
  // The canonical spec: the name and every declared parameter with its value, in declared order.
  std::string Canonical(std::string_view spec) const;

 private:
  std::vector<ModelInfo> infos_;
  std::vector<ModelFactory> factories_;
};

// The registry holding every built-in model, in the order `entente models` lists them.
const ModelRegistry& BuiltinModels();

// Convenience: build from the built-in registry and run.
ModelResult RunModel(const Scenario& s, std::string_view spec, const RunContext& ctx = {});

// Builds every spec from the built-in registry (all problems reported together: throws
// InvalidInput), then runs each on `s` in order. An empty list runs every registered model with
// its defaults. Used by `entente run`/`trace` and the server's /api/run and /api/trace.
std::vector<ModelResult> RunModelSpecs(const Scenario& s, const std::vector<std::string>& specs,
                                       const RunContext& ctx = {});

}  // namespace entente
