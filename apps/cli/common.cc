// SPDX-License-Identifier: MIT
#include "common.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <iterator>

#include <fmt/format.h>

#include "entente/models/registry.h"
#include "entente/transforms/select.h"
#include "scenarios/catalog.h"

namespace entente::cli {

namespace {

constexpr ScenarioFormat kFormats[] = {ScenarioFormat::kJson, ScenarioFormat::kYaml,
                                       ScenarioFormat::kLongCsv, ScenarioFormat::kWideCsv,
                                       ScenarioFormat::kKtabCsv};

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

}  // namespace

void ThrowUsage(const std::string& field, const std::string& value, const std::string& message) {
  ValidationReport r;
  r.Add(Location{}, field, value, message);
  throw InvalidInput(std::move(r));
}

std::vector<std::string> ScenarioFormatNames() {
  std::vector<std::string> out;
  for (auto f : kFormats) out.emplace_back(FormatName(f));
  return out;
}

std::optional<ScenarioFormat> ParseFormatOption(const std::string& option,
                                                const std::string& name) {
  if (name.empty()) return std::nullopt;
  auto f = ParseFormatName(name);
  if (!f) ThrowUsage(option, name, "unknown format; formats: " + Join(ScenarioFormatNames()));
  return f;
}

Scenario LoadScenarioArg(const std::string& arg, const std::string& from) {
  auto format = ParseFormatOption("--from", from);
  if (arg == "-") {
    if (!format) ThrowUsage("scenario", "-", "reading standard input needs --from FORMAT");
    std::string text(std::istreambuf_iterator<char>(std::cin), {});
    return ReadScenario(text, *format, "<stdin>");
  }
  std::error_code ec;
  if (std::filesystem::exists(arg, ec)) return ReadScenarioFile(arg, format);
  if (auto s = LoadBuiltinScenario(arg)) return *s;
  std::vector<std::string> names;
  for (const auto& b : BuiltinScenarioList()) names.push_back(b.name);
  ThrowUsage("scenario", arg,
             "no such file, and not a built-in scenario; built-in scenarios: " + Join(names));
}

Scenario LoadScenarioArg(const std::string& arg, const std::string& from,
                         const std::vector<std::string>& issues) {
  return SelectIssues(LoadScenarioArg(arg, from), issues);
}

CLI::Option* AddIssuesOption(CLI::App* sub, std::vector<std::string>& target) {
  return sub
      ->add_option("--issues", target,
                   "only these issues, comma-separated, in this order (for smp: the dimensions "
                   "it bargains over); default: all")
      ->delimiter(',')
      ->allow_extra_args(false);
}

CLI::Option* AddFormatOption(CLI::App* sub, std::string& target,
                             const std::vector<std::string>& choices) {
  target = choices.front();
  return sub->add_option("-f,--format", target, "output format: " + Join(choices))
      ->check(CLI::IsMember(choices))
      ->capture_default_str();
}

CLI::Option* AddColorOption(CLI::App* sub, std::string& target) {
  target = "auto";
  return sub
      ->add_option("--color", target,
                   "colour: auto (only on a terminal, and not when NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

bool UseColor(const std::string& mode, bool to_stdout) {
  if (mode == "always") return true;
  if (mode == "never" || !to_stdout) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(STDOUT_FILENO) != 0;
}

std::vector<ModelResult> RunModels(const Scenario& s, const std::vector<std::string>& specs,
                                   uint64_t seed) {
  RunContext ctx;
  ctx.seed = seed;
  return RunModelSpecs(s, specs, ctx);
}

void Emit(const std::string& text, const std::string& out_path) {
  if (out_path.empty() || out_path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    if (std::fflush(stdout) != 0) throw CliError("cannot write to standard output");
    return;
  }
  try {
    WriteFileAtomic(out_path, text);
  } catch (const std::runtime_error& e) {
    throw CliError(e.what());
  }
}

}  // namespace entente::cli
