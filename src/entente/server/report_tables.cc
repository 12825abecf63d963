// SPDX-License-Identifier: MIT
#include "entente/server/report_tables.h"

#include <cmath>

#include <fmt/format.h>

namespace entente::web {

namespace {

using Json = nlohmann::ordered_json;

// Tolerant accessors: the documents may come from a request, so a missing key or a value of
// the wrong type shows as an empty cell instead of throwing.
const Json& Get(const Json& j, const char* key) {
  static const Json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

const Json& Arr(const Json& j) {
  static const Json kEmpty = Json::array();
  return j.is_array() ? j : kEmpty;
}

std::string Num(double v) {
  if (!std::isfinite(v)) return "–";
  if (std::fabs(v) >= 1000) return fmt::format("{:.0f}", v);
  std::string s = fmt::format("{:.4g}", v);
  return s == "-0" ? "0" : s;
}

// A value as cell text: numbers rounded for reading, strings escaped, null as a dash.
std::string Text(const Json& j) {
  if (j.is_number()) return Num(j.get<double>());
  if (j.is_string()) return EscapeHtml(j.get<std::string>());
  if (j.is_boolean()) return j.get<bool>() ? "yes" : "no";
  if (j.is_null()) return "–";
  return EscapeHtml(j.dump());
}

// One table row; the first cell of a body row is its header (<th scope="row">).
std::string Row(const std::vector<std::string>& cells, bool header = false) {
  std::string out = "<tr>";
  for (size_t i = 0; i < cells.size(); ++i) {
    if (header) {
      out += "<th scope=\"col\">" + cells[i] + "</th>";
    } else if (i == 0) {
      out += "<th scope=\"row\">" + cells[i] + "</th>";
    } else {
      out += "<td>" + cells[i] + "</td>";
    }
  }
  return out + "</tr>\n";
}

std::string Table(const std::string& caption, const std::vector<std::string>& head,
                  const std::string& rows) {
  if (rows.empty()) return "";
  return "<table>\n<caption>" + caption + "</caption>\n<thead>" + Row(head, true) +
         "</thead>\n<tbody>\n" + rows + "</tbody>\n</table>\n";
}

std::string Section(const std::string& id, const std::string& title, const std::string& body) {
  if (body.empty()) return "";
  return fmt::format("<section class=\"tables\" id=\"{}\">\n<h2>{}</h2>\n{}</section>\n", id, title,
                     body);
}

std::string SpecOf(const Json& doc) { return Text(Get(doc, "spec")); }

std::string QuantityText(const std::optional<Quantity>& q) { return q ? Num(q->value) : "–"; }

}  // namespace

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string ScenarioTables(const Scenario& s) {
  std::string issues, cells, sources;
  for (const Issue& is : s.issues) {
    std::string anchors;
    for (const Anchor& a : is.anchors)
      anchors += (anchors.empty() ? "" : "; ") + Num(a.at) + " = " + EscapeHtml(a.label);
    issues += Row({EscapeHtml(is.id), EscapeHtml(is.name), Num(is.min) + " – " + Num(is.max),
                   anchors, QuantityText(is.no_deal)});
  }
  std::vector<std::string> head{"Actor", "Capability"};
  for (const Issue& is : s.issues) head.push_back(EscapeHtml(is.id));
  for (size_t a = 0; a < s.actors.size(); ++a) {
    const Actor& actor = s.actors[a];
    std::vector<std::string> row{EscapeHtml(actor.name.empty() ? actor.id : actor.name),
                                 Num(actor.capability.value)};
    for (size_t i = 0; i < s.issues.size(); ++i) {
      const Cell& c = s.cells[a][i];
      std::string t = c.position ? "position " + QuantityText(c.position) + ", salience " +
                                       QuantityText(c.salience)
                                 : "–";
      if (c.capability) t += ", capability " + QuantityText(c.capability);
      row.push_back(t);
    }
    cells += Row(row);
  }
  for (const Source& src : s.sources) {
    std::string cite = EscapeHtml(src.citation);
    bool web = src.url.rfind("http://", 0) == 0 || src.url.rfind("https://", 0) == 0;
    std::string url = src.url.empty() ? ""
                      : web           ? fmt::format("<a href=\"{0}\">{0}</a>", EscapeHtml(src.url))
                                      : EscapeHtml(src.url);
    sources += Row({EscapeHtml(src.id), cite, url, EscapeHtml(src.date)});
  }
  return Section("inputs", "Inputs",
                 Table("Issues", {"Issue", "Name", "Scale", "Anchors", "No deal"}, issues) +
                     Table("Positions, saliences and capabilities", head, cells) +
                     Table("Sources", {"Source", "Citation", "Address", "Date"}, sources));
}

std::string RunTables(const Json& run) {
  std::vector<std::string> head{"Issue"};
  for (const Json& m : Arr(Get(run, "models"))) head.push_back(SpecOf(m));
  std::string rows;
  const Json& issues = Arr(Get(run, "issues"));
  for (size_t i = 0; i < issues.size(); ++i) {
    std::vector<std::string> row{Text(Get(issues[i], "name"))};
    for (const Json& m : Arr(Get(run, "models"))) {
      const Json& fs = Arr(Get(m, "forecasts"));
      const Json& f = i < fs.size() ? fs[i] : Json();
      if (Get(f, "ok") == true) {
        std::string label = Get(f, "label").is_string() ? " (" + Text(Get(f, "label")) + ")" : "";
        row.push_back(Text(Get(f, "value")) + label);
      } else {
        row.push_back("no forecast: " + Text(Get(f, "why")));
      }
    }
    rows += Row(row);
  }
  return Section("forecasts", "Forecasts", Table("Each model's forecast per issue", head, rows));
}

std::string TraceTables(const Json& trace) {
  std::string body;
  for (const Json& t : Arr(Get(trace, "traces"))) {
    std::vector<std::string> head{"Round"};
    for (const Json& a : Arr(Get(t, "actors"))) head.push_back(Text(a));
    std::vector<std::string> stat_names;
    const Json& rounds = Arr(Get(t, "rounds"));
    if (!rounds.empty() && Get(rounds[0], "stats").is_object())
      for (const auto& [k, v] : Get(rounds[0], "stats").items()) stat_names.push_back(k);
    for (const auto& k : stat_names) head.push_back(EscapeHtml(k));
    std::string rows;
    for (const Json& r : rounds) {
      std::vector<std::string> row{Text(Get(r, "round"))};
      for (const Json& p : Arr(Get(r, "positions"))) {
        std::string cell;
        for (const Json& x : Arr(p)) cell += (cell.empty() ? "" : ", ") + Text(x);
        row.push_back(cell);
      }
      for (const auto& k : stat_names) row.push_back(Text(Get(Get(r, "stats"), k.c_str())));
      rows += Row(row);
    }
    std::string dims;
    for (const Json& d : Arr(Get(t, "dims"))) dims += (dims.empty() ? "" : ", ") + Text(d);
    body +=
        Table(SpecOf(trace) + " on " + dims + " (" + Text(Get(t, "stopped_by")) + ")", head, rows);
  }
  return Section(
      "trace-" + EscapeHtml(Get(trace, "model").is_string() ? Get(trace, "model").get<std::string>()
                                                            : "model"),
      "Trace: " + SpecOf(trace), body);
}

std::string DealsTables(const Json& deals) {
  const Json& zone = Get(deals, "zone");
  std::string summary = "<p>Zone of possible agreement: ";
  summary += Get(zone, "empty") == true ? "empty" : "not empty";
  const Json& size = Get(zone, "size");
  if (!size.is_null())
    summary += ", " + Text(size.is_object() ? Get(size, "value") : size) + " packages";
  summary += ".</p>\n";
  std::string rows;
  for (const Json& sol : Arr(Get(deals, "solutions"))) {
    std::string package, utilities;
    for (const Json& p : Arr(Get(sol, "package")))
      package += (package.empty() ? "" : "; ") + Text(Get(p, "issue")) + ": " +
                 Text(Get(p, "label")) + " (" + Text(Get(p, "value")) + ")";
    for (const Json& u : Arr(Get(sol, "utilities")))
      utilities +=
          (utilities.empty() ? "" : "; ") + Text(Get(u, "party")) + " " + Text(Get(u, "utility"));
    if (Get(sol, "exists") != true) package = "none: " + Text(Get(sol, "note"));
    rows += Row({Text(Get(sol, "name")), package, utilities});
  }
  return Section(
      "deals", "Deals",
      summary + Table("Bargaining solutions", {"Solution", "Package", "Utilities"}, rows));
}

std::string SweepTables(const Json& sweep) {
  static const char* kQ[] = {"5", "25", "50", "75", "95"};
  std::string body = fmt::format("<p>{} of {} draws, seed {}.</p>\n", Text(Get(sweep, "completed")),
                                 Text(Get(sweep, "draws")), Text(Get(sweep, "seed")));
  for (const Json& m : Arr(Get(sweep, "models"))) {
    std::string rows;
    for (const Json& is : Arr(Get(m, "issues"))) {
      std::vector<std::string> row{Text(Get(is, "issue")), Text(Get(is, "n")),
                                   Text(Get(is, "failed")), Text(Get(is, "mean")),
                                   Text(Get(is, "sd"))};
      for (const char* q : kQ) row.push_back(Text(Get(Get(is, "quantiles"), q)));
      rows += Row(row);
    }
    body += Table("Distribution of " + SpecOf(m) + "'s forecasts",
                  {"Issue", "n", "failed", "mean", "sd", "5%", "25%", "50%", "75%", "95%"}, rows);
  }
  const Json& d = Get(sweep, "deals");
  if (d.is_object())
    body += "<p>Chance of a non-empty zone of agreement: " + Text(Get(d, "p_zone")) + ".</p>\n";
  return Section("sweep", "Uncertainty", body);
}

std::string SensitivityTables(const Json& sens) {
  constexpr size_t kTop = 10;
  std::string body;
  for (const Json& is : Arr(Get(sens, "issues"))) {
    std::string rows, flips;
    const Json& inputs = Arr(Get(is, "inputs"));
    for (size_t k = 0; k < inputs.size() && k < kTop; ++k) {
      const Json& e = inputs[k];
      rows += Row({Text(Get(e, "rank")), Text(Get(e, "input")),
                   Text(Get(e, "low")) + " – " + Text(Get(e, "high")), Text(Get(e, "forecast_low")),
                   Text(Get(e, "forecast_high")), Text(Get(e, "swing"))});
    }
    for (const Json& f : Arr(Get(is, "flips"))) {
      std::string how = Get(f, "found") == true
                            ? Text(Get(f, "input")) + " from " + Text(Get(f, "from")) + " to " +
                                  Text(Get(f, "to"))
                            : "no single input";
      flips += Row({Text(Get(f, "label")) + " (" + Text(Get(f, "target")) + ", " +
                        Text(Get(f, "direction")) + ")",
                    how});
    }
    std::string issue = Text(Get(is, "issue"));
    body += Table(
        issue + ": the inputs that move the forecast (" + Text(Get(is, "base")) + ") most",
        {"Rank", "Input", "Low – high", "Forecast at low", "Forecast at high", "Swing"}, rows);
    body += Table(issue + ": what would flip it", {"Target", "Change"}, flips);
  }
  return Section("sensitivity", "Sensitivity: " + SpecOf(sens), body);
}

}  // namespace entente::web
