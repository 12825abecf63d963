// SPDX-License-Identifier: MIT
// `entente`: forecasts and agreements for negotiations, from the command line.
// Errors are translated here, once: invalid input (files, specs, options) -> every problem on
// stderr as "error: ..." lines and a count, exit 2; usage errors -> CLI11's message, exit 2;
// environment errors (an unwritable --out) -> exit 1; anything else -> one line, exit 1.
#include <cstdio>
#include <string>

#include "commands.h"
#include "entente/core/version.h"

namespace {

using entente::cli::CliState;
using CommandAdder = void (*)(CLI::App&, CliState&);

// Every subcommand, in the order `entente --help` lists them: one line each.
// clang-format off
constexpr CommandAdder kCommands[] = {
    entente::cli::AddRunCommand,
    entente::cli::AddTraceCommand,
    entente::cli::AddValidateCommand,
    entente::cli::AddConvertCommand,
    entente::cli::AddModelsCommand,
    entente::cli::AddScenariosCommand,
    entente::cli::AddBacktestCommand,
    entente::cli::AddDealsCommand,
    entente::cli::AddSweepCommand,
    entente::cli::AddSensitivityCommand,
    entente::cli::AddRunsCommand,
    entente::cli::AddServeCommand,
    entente::cli::AddReportCommand,
};
// clang-format on

constexpr const char* kFooter =
    "Exit codes: 0 success; 1 failure while computing or writing (or an internal error); "
    "2 invalid input or usage.\nRun 'entente COMMAND --help' for a command's options.";

void PrintReport(const entente::ValidationReport& report) {
  // ToString() sorts the problems and ends with the count line.
  std::string text = report.ToString();
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    bool last = text.find('\n', end + 1) == std::string::npos;
    std::string line = text.substr(start, end - start);
    std::fprintf(stderr, "%s%s\n", last ? "" : "error: ", line.c_str());
    start = end + 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"entente: forecasts and agreements for negotiations", "entente"};
  app.set_version_flag("--version", std::string("entente ") + entente::kVersion);
  app.require_subcommand(1);
  app.footer(kFooter);
  CliState state;
  try {
    for (auto add : kCommands) add(app, state);
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const entente::InvalidInput& e) {
    PrintReport(e.report());
    return 2;
  } catch (const entente::cli::CliError& e) {
    std::fprintf(stderr, "entente: error: %s\n", e.what());
    return e.code();
  } catch (const entente::ComputationError& e) {
    std::fprintf(stderr, "entente: computation failed: %s\n", e.what());
    return 1;
  } catch (const entente::Cancelled&) {
    std::fprintf(stderr, "entente: cancelled\n");
    return 130;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "entente: internal error: %s\n", e.what());
    return 1;
  } catch (...) {
    std::fprintf(stderr, "entente: internal error: unknown exception\n");
    return 1;
  }
  return state.exit_code;
}
