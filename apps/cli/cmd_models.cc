// SPDX-License-Identifier: MIT
// `entente models`: every registered model with its parameters.
#include <memory>

#include "commands.h"
#include "entente/report/listing.h"
#include "entente/report/report.h"

namespace entente::cli {

void AddModelsCommand(CLI::App& app, CliState& /*state*/) {
  auto format = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand("models", "List the forecasting models and their parameters");
  AddFormatOption(sub, *format, {"table", "json"});
  sub->callback([format] {
    const ModelRegistry& registry = BuiltinModels();
    Emit(*format == "json" ? DumpJson(ModelsJson(registry)) : RenderModelsText(registry), "");
  });
}

}  // namespace entente::cli
