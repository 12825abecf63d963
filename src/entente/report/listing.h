// SPDX-License-Identifier: MIT
// The model listing (`entente models`): every registered model with its summary, citation and
// declared parameters, as text or as the JSON document of kind "models".
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "entente/models/registry.h"

namespace entente {

// Each model's default spec, summary, citation and parameters (type, default, range or
// choices, help), wrapped to `width` columns.
std::string RenderModelsText(const ModelRegistry& registry, int width = 80);

// {"entente_json": 1, "kind": "models", "version", "models": [...]} (docs/json-output.md).
nlohmann::ordered_json ModelsJson(const ModelRegistry& registry);

}  // namespace entente
