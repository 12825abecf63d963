// SPDX-License-Identifier: MIT
// The subcommands of `entente`. Each lives in its own cmd_<name>.cc, adds itself to the app with
// its options and a callback, and reports user errors by throwing InvalidInput (main.cc turns
// that into the problem list on stderr and exit code 2). To add a command: write cmd_<name>.cc
// with Add<Name>Command, declare it here, and add it to kCommands in main.cc.
#pragma once

#include <CLI/CLI.hpp>

#include "common.h"

namespace entente::cli {

void AddRunCommand(CLI::App& app, CliState& state);
void AddTraceCommand(CLI::App& app, CliState& state);
void AddValidateCommand(CLI::App& app, CliState& state);
void AddConvertCommand(CLI::App& app, CliState& state);
void AddModelsCommand(CLI::App& app, CliState& state);
void AddScenariosCommand(CLI::App& app, CliState& state);
void AddDealsCommand(CLI::App& app, CliState& state);
void AddBacktestCommand(CLI::App& app, CliState& state);
void AddSweepCommand(CLI::App& app, CliState& state);
void AddSensitivityCommand(CLI::App& app, CliState& state);
void AddRunsCommand(CLI::App& app, CliState& state);
void AddServeCommand(CLI::App& app, CliState& state);
void AddReportCommand(CLI::App& app, CliState& state);

}  // namespace entente::cli
