// SPDX-License-Identifier: MIT
// Format names and dispatch; file reading. Each format lives in its own file (formats.h).
#include "entente/io/scenario_io.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "entente/io/formats.h"
#include "entente/io/ktab_csv.h"

namespace entente {

std::string_view FormatName(ScenarioFormat f) {
  switch (f) {
    case ScenarioFormat::kJson:
      return "json";
    case ScenarioFormat::kYaml:
      return "yaml";
    case ScenarioFormat::kLongCsv:
      return "csv";
    case ScenarioFormat::kWideCsv:
      return "wide-csv";
    case ScenarioFormat::kKtabCsv:
      return "ktab-csv";
  }
  return "?";
}

std::optional<ScenarioFormat> ParseFormatName(std::string_view name) {
  for (auto f : {ScenarioFormat::kJson, ScenarioFormat::kYaml, ScenarioFormat::kLongCsv,
                 ScenarioFormat::kWideCsv, ScenarioFormat::kKtabCsv}) {
    if (name == FormatName(f)) return f;
  }
  if (name == "yml") return ScenarioFormat::kYaml;
  if (name == "long-csv") return ScenarioFormat::kLongCsv;
  return std::nullopt;
}

std::optional<ScenarioFormat> FormatFromPath(std::string_view path) {
  size_t dot = path.find_last_of('.');
  size_t slash = path.find_last_of('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return std::nullopt;
  }
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (ext == "json") return ScenarioFormat::kJson;
  if (ext == "yaml" || ext == "yml") return ScenarioFormat::kYaml;
  if (ext == "csv") return ScenarioFormat::kLongCsv;
  return std::nullopt;
}

namespace {

// `where` may be null: the CSV readers then record locations only when there is a problem.
Scenario Read(std::string_view text, ScenarioFormat format, const std::string& name,
              LocationMap* where) {
  LocationMap local(name);
  switch (format) {
    case ScenarioFormat::kJson:
      return io::ReadJsonScenario(text, name, where ? *where : local);
    case ScenarioFormat::kYaml:
      return io::ReadYamlScenario(text, name, where ? *where : local);
    case ScenarioFormat::kLongCsv:
      return io::LooksLikeLongCsv(text) ? io::ReadLongCsv(text, name, where)
                                        : io::ReadWideCsv(text, name, where);
    case ScenarioFormat::kWideCsv:
      return io::ReadWideCsv(text, name, where);
    case ScenarioFormat::kKtabCsv:
      return ReadKtabCsv(text, name);
  }
  ENTENTE_CHECK(false);
  return {};
}

}  // namespace

Scenario ReadScenario(std::string_view text, ScenarioFormat format, const std::string& name,
                      LocationMap& where) {
  return Read(text, format, name, &where);
}

Scenario ReadScenario(std::string_view text, ScenarioFormat format, const std::string& name) {
  return Read(text, format, name, nullptr);
}

Scenario ReadScenarioFile(const std::string& path, std::optional<ScenarioFormat> format,
                          LocationMap& where) {
  auto fail = [&](std::string message) -> Scenario {
    ValidationReport report;
    report.Add(Location{path, 0, 0, ""}, "", "", std::move(message));
    throw InvalidInput(std::move(report));
  };
  if (!format) format = FormatFromPath(path);
  if (!format) {
    return fail(
        "unknown file extension; use .json, .yaml, .yml or .csv, or name the format "
        "(json, yaml, csv, wide-csv, ktab-csv)");
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return fail("is a directory, not a scenario file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(fmt::format("cannot open the file: {}", std::strerror(errno)));
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return fail(fmt::format("cannot read the file: {}", std::strerror(errno)));
  where = LocationMap(path);
  return ReadScenario(buf.str(), *format, path, where);
}

Scenario ReadScenarioFile(const std::string& path, std::optional<ScenarioFormat> format) {
  LocationMap where(path);
  return ReadScenarioFile(path, format, where);
}

std::string WriteScenario(const Scenario& s, ScenarioFormat format, const WriteOptions& options) {
  ENTENTE_CHECK_EQ(s.cells.size(), s.actors.size());
  for (const auto& row : s.cells) ENTENTE_CHECK_EQ(row.size(), s.issues.size());
  std::vector<std::string> lost;
  std::string text;
  switch (format) {
    case ScenarioFormat::kJson:
      text = io::PrintJson(io::ScenarioToDocument(s, lost));
      break;
    case ScenarioFormat::kYaml:
      text = io::PrintYaml(io::ScenarioToDocument(s, lost));
      break;
    case ScenarioFormat::kLongCsv:
      text = io::WriteLongCsv(s, lost);
      break;
    case ScenarioFormat::kWideCsv:
      text = io::WriteWideCsv(s, lost);
      break;
    case ScenarioFormat::kKtabCsv:
      return WriteKtabCsv(s);
  }
  if (!lost.empty() && !options.allow_loss) {
    ValidationReport report;
    for (const auto& what : lost) {
      report.Add(Location{}, "", "", fmt::format("{} cannot hold: {}", FormatName(format), what));
    }
    throw InvalidInput(std::move(report));
  }
  return text;
}

}  // namespace entente
