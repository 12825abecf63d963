// SPDX-License-Identifier: MIT
#include "entente/report/report.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "entente/core/version.h"
#include "entente/models/registry.h"
#include "entente/report/hash.h"
#include "entente/report/text.h"
#include "entente/report/trace_report.h"

namespace entente {

using report::Compact;
using report::DisplayWidth;
using report::Pad;
using report::Style;
using report::Truncate;

const Anchor* NearestAnchor(const Issue& issue, double value) {
  const Anchor* best = nullptr;
  for (const auto& a : issue.anchors) {
    double d = std::fabs(a.at - value);
    if (!best || d < std::fabs(best->at - value) ||
        (d == std::fabs(best->at - value) && a.at < best->at)) {
      best = &a;
    }
  }
  return best;
}

std::string FormatOnScale(const Issue& issue, double value) {
  return report::Fixed(value, issue.HasOptions() ? 2 : report::DecimalsForRange(issue.Range()));
}

std::string ActorLabel(const Actor& a) { return a.name.empty() ? a.id : a.name; }

std::vector<std::string> ModelLabels(const std::vector<ModelResult>& results) {
  std::vector<std::string> out;
  for (const auto& r : results) {
    auto same = std::count_if(results.begin(), results.end(),
                              [&](const ModelResult& o) { return o.model == r.model; });
    out.push_back(same == 1 ? r.model : r.spec);
  }
  return out;
}

namespace {

bool AnyStochastic(const std::vector<ModelResult>& results) {
  for (const auto& r : results) {
    const ModelInfo* info = BuiltinModels().Find(r.model);
    if (info && info->stochastic) return true;
  }
  return false;
}

const IssueForecast* FindForecast(const ModelResult& r, const std::string& issue_id) {
  for (const auto& f : r.forecasts) {
    if (f.issue_id == issue_id) return &f;
  }
  return nullptr;
}

// `lead` then `text` wrapped to the rest of the width, continuation lines indented under it.
// `lead_width` is the lead's display width (it may hold colour codes).
void AppendHanging(std::string& out, const std::string& lead, int lead_width, std::string_view text,
                   int width) {
  auto lines = report::Wrap(text, std::max(10, width - lead_width));
  if (lines.empty()) lines.push_back("");
  for (size_t k = 0; k < lines.size(); ++k) {
    std::string line =
        (k == 0 ? lead : std::string(static_cast<size_t>(lead_width), ' ')) + lines[k];
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
}

void AppendHanging(std::string& out, const std::string& lead, std::string_view text, int width) {
  AppendHanging(out, lead, DisplayWidth(lead), text, width);
}

void AppendHeader(std::string& out, const Scenario& s, const std::vector<ModelResult>& results,
                  const ReportOptions& opt, const Style& st) {
  for (const auto& line : report::Wrap(s.title.empty() ? s.id : s.title, opt.width)) {
    out += st.Bold(line) + "\n";
  }
  std::string facts = fmt::format("scenario {}", s.id);
  if (!s.as_of.empty()) facts += fmt::format(", as of {}", s.as_of);
  facts += fmt::format(", {} actor{}, {} issue{}", s.actors.size(), s.actors.size() == 1 ? "" : "s",
                       s.issues.size(), s.issues.size() == 1 ? "" : "s");
  AppendHanging(out, "", facts, opt.width);
  for (size_t m = 0; m < results.size(); ++m) {
    std::string lead = m == 0 ? "models:  " : "         ";
    for (const auto& line : report::WrapSpec(results[m].spec, opt.width - 11)) {
      out += lead + line + "\n";
      lead = "           ";
    }
  }
  if (AnyStochastic(results)) out += fmt::format("seed:    {}\n", opt.seed);
}

void AppendScale(std::string& out, const Issue& is, const ReportOptions& opt, const Style& st) {
  if (is.HasOptions()) {
    out += "options:\n";
  } else {
    out += fmt::format("scale {} to {}{}\n", Compact(is.min), Compact(is.max),
                       is.anchors.empty() ? "" : ", anchors:");
  }
  int vw = 0;
  for (const auto& a : is.anchors) vw = std::max(vw, DisplayWidth(Compact(a.at)));
  for (const auto& a : is.anchors) {
    std::string lead = "  " + st.Yellow(Pad(Compact(a.at), vw, true)) + "  ";
    AppendHanging(out, lead, vw + 4, a.label, opt.width);
  }
  if (is.no_deal) {
    const Anchor* near = NearestAnchor(is, is.no_deal->value);
    std::string lead = fmt::format("if talks fail: {}", FormatOnScale(is, is.no_deal->value));
    AppendHanging(out, lead + (near ? "  " : ""), near ? near->label : "", opt.width);
  }
}

void AppendForecasts(std::string& out, const Issue& is, const std::vector<ModelResult>& results,
                     const ReportOptions& opt, const Style& st) {
  auto labels = ModelLabels(results);
  int lw = 5;
  for (const auto& l : labels) lw = std::max(lw, DisplayWidth(l));
  lw = std::min(lw, 24);
  std::vector<std::string> values;
  int vw = 3;
  for (const auto& r : results) {
    const IssueForecast* f = FindForecast(r, is.id);
    values.push_back(f && f->ok ? FormatOnScale(is, f->value) : "n/a");
    vw = std::max(vw, DisplayWidth(values.back()));
  }
  out += "forecasts:\n";
  for (size_t m = 0; m < results.size(); ++m) {
    const IssueForecast* f = FindForecast(results[m], is.id);
    std::string lead = "  " + Pad(Truncate(labels[m], lw), lw) + "  ";
    std::string value = Pad(values[m], vw, true);
    int indent = DisplayWidth(lead) + vw + 2;
    std::string text;
    if (f && f->ok) {
      const Anchor* near = NearestAnchor(is, f->value);
      text = near ? near->label : "";
    } else {
      text = f ? f->why : "no forecast for this issue";
    }
    AppendHanging(out, lead + st.Cyan(value) + "  ", indent, text, opt.width);
  }
}

void AppendStands(std::string& out, const Scenario& s, size_t i, const ReportOptions& opt) {
  const Issue& is = s.issues[i];
  std::vector<int> who;
  for (size_t a = 0; a < s.actors.size(); ++a) {
    if (s.Participates(static_cast<int>(a), static_cast<int>(i))) who.push_back(a);
  }
  std::stable_sort(who.begin(), who.end(), [&](int x, int y) {
    return s.At(x, i).position->value < s.At(y, i).position->value;
  });
  int aw = 5;
  for (int a : who) aw = std::max(aw, DisplayWidth(ActorLabel(s.actors[a])));
  aw = std::min(aw, 18);
  const int pw = 10, sw = 10, cw = 12;
  int used = 2 + aw + pw + sw + cw;
  int rest = opt.width - used - 2;
  bool anchors = !is.anchors.empty() && rest >= 10;
  out += "who stands where (by position):\n";
  out += "  " + Pad("actor", aw) + Pad("position", pw, true) + Pad("salience", sw, true) +
         Pad("capability", cw, true) + (anchors ? "  nearest anchor" : "") + "\n";
  for (int a : who) {
    const Cell& c = s.At(a, i);
    std::string line = "  " + Pad(Truncate(ActorLabel(s.actors[a]), aw), aw) +
                       Pad(FormatOnScale(is, c.position->value), pw, true) +
                       Pad(Compact(c.salience->value), sw, true) +
                       Pad(Compact(s.Capability(a, i)), cw, true);
    if (anchors) {
      const Anchor* near = NearestAnchor(is, c.position->value);
      if (near) line += "  " + Truncate(near->label, rest);
    }
    out += line + "\n";
  }
}

}  // namespace

std::string RenderRunText(const Scenario& s, const std::vector<ModelResult>& results,
                          const ReportOptions& opt) {
  Style st(opt.color);
  std::string out;
  AppendHeader(out, s, results, opt, st);
  for (size_t i = 0; i < s.issues.size(); ++i) {
    const Issue& is = s.issues[i];
    std::string title =
        is.name.empty() || is.name == is.id ? is.id : fmt::format("{} [{}]", is.name, is.id);
    title = fmt::format("== {}/{} {} ", i + 1, s.issues.size(), title);
    title = Truncate(title, opt.width);
    title += std::string(static_cast<size_t>(std::max(0, opt.width - DisplayWidth(title))), '=');
    out += fmt::format("\n{}\n", st.Bold(title));
    AppendScale(out, is, opt, st);
    AppendForecasts(out, is, results, opt, st);
    AppendStands(out, s, i, opt);
  }
  out += fmt::format("\n{}\n", st.Dim(fmt::format("entente {}", kVersion)));
  out += st.Dim("input " + ScenarioHash(s)) + "\n";
  return out;
}

nlohmann::ordered_json JsonDocument(const std::string& kind) {
  nlohmann::ordered_json j;
  j["entente_json"] = kJsonFormatVersion;
  j["kind"] = kind;
  j["version"] = kVersion;
  return j;
}

nlohmann::ordered_json ScenarioRefJson(const Scenario& s) {
  return {{"id", s.id}, {"title", s.title}, {"as_of", s.as_of}, {"hash", ScenarioHash(s)}};
}

std::string DumpJson(const nlohmann::ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

nlohmann::ordered_json RunJson(const Scenario& s, const std::vector<ModelResult>& results,
                               const ReportOptions& opt) {
  auto j = JsonDocument("run");
  j["scenario"] = ScenarioRefJson(s);
  j["seed"] = opt.seed;
  j["issues"] = nlohmann::ordered_json::array();
  for (const auto& is : s.issues) {
    nlohmann::ordered_json anchors = nlohmann::ordered_json::array();
    for (const auto& a : is.anchors) anchors.push_back({{"at", a.at}, {"label", a.label}});
    j["issues"].push_back(
        {{"id", is.id},
         {"name", is.name},
         {"min", is.min},
         {"max", is.max},
         {"anchors", anchors},
         {"options", is.options},
         {"no_deal", is.no_deal ? nlohmann::ordered_json(is.no_deal->value) : nullptr}});
  }
  j["models"] = nlohmann::ordered_json::array();
  for (const auto& r : results) {
    nlohmann::ordered_json m{{"spec", r.spec}, {"model", r.model}};
    m["forecasts"] = nlohmann::ordered_json::array();
    for (const auto& f : r.forecasts) {
      int idx = s.IssueIndex(f.issue_id);
      const Anchor* near = f.ok && idx >= 0 ? NearestAnchor(s.issues[idx], f.value) : nullptr;
      nlohmann::ordered_json extra = nlohmann::ordered_json::object();
      for (const auto& [k, v] : f.extra) extra[k] = v;
      m["forecasts"].push_back({{"issue", f.issue_id},
                                {"ok", f.ok},
                                {"value", f.ok ? nlohmann::ordered_json(f.value) : nullptr},
                                {"label", near ? nlohmann::ordered_json(near->label) : nullptr},
                                {"why", f.ok ? nullptr : nlohmann::ordered_json(f.why)},
                                {"extra", extra}});
    }
    if (opt.traces) {
      m["traces"] = nlohmann::ordered_json::array();
      for (const auto& t : r.traces) m["traces"].push_back(TraceJson(t));
    }
    j["models"].push_back(std::move(m));
  }
  return j;
}

std::string RunCsv(const Scenario& s, const std::vector<ModelResult>& results) {
  using report::CsvRow;
  std::string out = CsvRow({"model", "spec", "issue", "ok", "value", "label", "why", "extra"});
  for (const auto& r : results) {
    for (const auto& f : r.forecasts) {
      int idx = s.IssueIndex(f.issue_id);
      const Anchor* near = f.ok && idx >= 0 ? NearestAnchor(s.issues[idx], f.value) : nullptr;
      std::string extra;
      for (const auto& [k, v] : f.extra) {
        extra += (extra.empty() ? "" : ";") + k + "=" + report::ExactNumber(v);
      }
      out += CsvRow({r.model, r.spec, f.issue_id, f.ok ? "true" : "false",
                     f.ok ? report::ExactNumber(f.value) : "", near ? near->label : "",
                     f.ok ? "" : f.why, extra});
    }
  }
  return out;
}

}  // namespace entente
