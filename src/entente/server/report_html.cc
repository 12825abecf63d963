// SPDX-License-Identifier: MIT
#include "entente/server/report_html.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "entente/core/errors.h"
#include "entente/core/version.h"
#include "entente/io/scenario_io.h"
#include "entente/report/hash.h"
#include "entente/server/assets.h"
#include "entente/server/report_tables.h"

namespace entente::web {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kCss = R"css(
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #ccc; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 1100px; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem;
  margin-top: 2rem; }
.meta, footer { color: var(--muted); font-size: .9rem; }
code { font-size: .85em; word-break: break-all; }
.charts > * { margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .88rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border: 1px solid var(--rule); padding: .25rem .45rem; text-align: left;
  vertical-align: top; }
thead th { background: #f2f2f2; }
td { font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
@media (max-width: 600px) { body { padding: .75rem; } table { font-size: .78rem; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  table { break-inside: auto; }
  tr, .charts > * { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; }
}
)css";

// Runs the chart code on the embedded data; a failure leaves the tables and says so.
constexpr const char* kBoot = R"js(
(function () {
  var el = document.getElementById("entente-charts");
  try {
    var data = JSON.parse(document.getElementById("entente-data").textContent);
    EntenteReport.render(data, el);
  } catch (e) {
    el.textContent = "The charts could not be drawn (" + e + "); the tables below hold every number.";
  }
})();
)js";

void ReplaceAll(std::string& s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

// Makes `text` safe inside a <script> element: nothing in it can close the element ("</") or
// switch the HTML parser into its escaped states ("<!--"). In JSON these only occur inside
// strings, where "<\/" and "\u003c!--" mean the same characters.
std::string EscapeJsonForScript(std::string text) {
  ReplaceAll(text, "</", "<\\/");
  ReplaceAll(text, "<!--", "\\u003c!--");
  return text;
}

// The same for the chart code: "</script" only occurs in its strings and regular expressions,
// where "<\/" matches the same text.
std::string EscapeScript(std::string_view code) {
  std::string s(code);
  for (const char* tag : {"</script", "</SCRIPT", "</Script"}) ReplaceAll(s, tag, "<\\/script");
  ReplaceAll(s, "<!--", "<\\!--");
  return s;
}

Json ParseDocument(const std::string& text, const std::string& field, const char* kind,
                   ValidationReport& problems) {
  try {
    Json j = Json::parse(text);
    const Json* k = j.is_object() && j.contains("kind") ? &j["kind"] : nullptr;
    if (kind && !(k && k->is_string() && k->get<std::string>() == kind)) {
      problems.Add(Location{"", 0, 0, field}, field, text.substr(0, 40),
                   fmt::format("must be a `{}` document (entente {} --format json)", kind, kind));
    }
    return j;
  } catch (const nlohmann::json::parse_error& e) {
    problems.Add(Location{"", 0, 0, field}, field, text.substr(0, 40),
                 std::string("is not valid JSON: ") + e.what());
    return Json();
  }
}

}  // namespace

std::string HtmlReport(const ReportInput& in) {
  if (!HasWebAssets()) {
    ValidationReport r;
    r.Add(Location{}, "report", "",
          "this entente was built without the web front end (configure with -DENTENTE_WEB=ON)");
    throw InvalidInput(std::move(r));
  }
  ValidationReport problems;
  Json data = Json::object();
  data["scenario"] = ParseDocument(in.scenario, "scenario", nullptr, problems);
  if (!in.run.empty()) data["run"] = ParseDocument(in.run, "run", "run", problems);
  if (!in.traces.empty()) {
    data["traces"] = Json::array();
    for (size_t i = 0; i < in.traces.size(); ++i)
      data["traces"].push_back(
          ParseDocument(in.traces[i], fmt::format("traces[{}]", i), "trace", problems));
  }
  if (!in.deals.empty()) data["deals"] = ParseDocument(in.deals, "deals", "deals", problems);
  if (!in.sweep.empty()) data["sweep"] = ParseDocument(in.sweep, "sweep", "sweep", problems);
  if (!in.sensitivity.empty())
    data["sensitivity"] = ParseDocument(in.sensitivity, "sensitivity", "sensitivity", problems);
  if (!problems.ok()) throw InvalidInput(std::move(problems));
  Scenario s = ReadScenario(in.scenario, ScenarioFormat::kJson, "scenario");

  std::string title = !in.title.empty() ? in.title : !s.title.empty() ? s.title : s.id;
  if (title.empty()) title = "entente report";
  std::string meta = "Scenario <code>" + EscapeHtml(s.id) + "</code>";
  if (!s.as_of.empty()) meta += " · inputs as of " + EscapeHtml(s.as_of);
  meta += " · input <code>" + ScenarioHash(s) + "</code>";

  std::string tables;
  if (data.contains("run")) tables += RunTables(data["run"]);
  if (data.contains("traces"))
    for (const Json& t : data["traces"]) tables += TraceTables(t);
  if (data.contains("deals")) tables += DealsTables(data["deals"]);
  if (data.contains("sweep")) tables += SweepTables(data["sweep"]);
  if (data.contains("sensitivity")) tables += SensitivityTables(data["sensitivity"]);
  tables += ScenarioTables(s);

  std::string json = data.dump(-1, ' ', false, Json::error_handler_t::replace);
  std::string html;
  html.reserve(json.size() + ReportScript().size() + tables.size() + 8192);
  html += "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  html += "<meta name=\"generator\" content=\"entente " + std::string(kVersion) + "\">\n";
  html += "<title>" + EscapeHtml(title) + "</title>\n<style>" + kCss + "</style>\n</head>\n";
  html += "<body>\n<header>\n<h1>" + EscapeHtml(title) + "</h1>\n<p class=\"meta\">" + meta +
          "</p>\n</header>\n<main>\n";
  html += "<section class=\"charts\" id=\"entente-charts\" aria-label=\"Charts\"></section>\n";
  html +=
      "<noscript><p>The charts need JavaScript; the tables below hold every number.</p>"
      "</noscript>\n";
  html += tables;
  html += "</main>\n<footer>\n<p>Created by entente " + std::string(kVersion) +
          " (<code>entente report</code>) from the input above. This file is self-contained: "
          "it opens offline and holds its data in the element #entente-data.</p>\n</footer>\n";
  html += "<script type=\"application/json\" id=\"entente-data\">" +
          EscapeJsonForScript(std::move(json)) + "</script>\n";
  html += "<script>\n" + EscapeScript(ReportScript()) + "\n</script>\n";
  html += std::string("<script>") + kBoot + "</script>\n</body>\n</html>\n";
  return html;
}

}  // namespace entente::web
