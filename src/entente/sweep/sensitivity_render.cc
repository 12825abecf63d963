// SPDX-License-Identifier: MIT
#include "entente/sweep/sensitivity_render.h"

#include <cmath>

#include <fmt/format.h>

#include "entente/sweep/render.h"

namespace entente {

namespace {

using render::Fmt;

int Dec(const Issue& is) { return is.HasOptions() ? 2 : render::Decimals(is.Range()); }

// Decimals for an input's values.
int InputDec(const Scenario& s, const InputRef& r) {
  if (r.kind == InputKind::kPosition) return Dec(s.issues[r.issue]);
  return r.kind == InputKind::kSalience ? 1 : 3;
}

// A bar of 2 * half + 1 columns centred on '|': how far below and above the base forecast the
// input pushes it, scaled so `scale` fills one side.
std::string Bar(double down, double up, double scale, int half) {
  auto len = [&](double v) {
    return scale > 0 && v > 0 ? std::min(half, static_cast<int>(std::lround(half * v / scale))) : 0;
  };
  int l = len(down), r = len(up);
  return std::string(half - l, ' ') + std::string(l, '#') + "|" + std::string(r, '#') +
         std::string(half - r, ' ');
}

std::string FlipLine(const Scenario& s, const SensitivityResult& r, const Flip& f) {
  const Issue& is = s.issues[s.IssueIndex(f.issue_id)];
  const int dec = Dec(is);
  std::string target =
      fmt::format("{} to {}{}", f.up ? "up" : "down", Fmt(f.target, dec),
                  f.target_label == "threshold" ? " (threshold)"
                                                : " \"" + render::Cut(f.target_label, 28) + "\"");
  if (!f.found) return target + ": no single input change found";
  const InputEffect& e = r.effects[f.effect];
  const int idec = InputDec(s, e.input);
  return fmt::format("{}: {} {} -> {} ({:+.{}f}, {:.0f}% of its scale; forecast {})", target,
                     e.label, Fmt(f.from, idec), Fmt(f.to, idec), f.to - f.from, idec,
                     100 * f.relative, Fmt(f.forecast_after, dec));
}

}  // namespace

std::string RenderSensitivityText(const Scenario& s, const SensitivityOptions& opt,
                                  const SensitivityResult& r, int top) {
  std::string out = fmt::format("Sensitivity: {}\nModel: {}\n",
                                render::Cut(s.title.empty() ? s.id : s.title, 68), r.spec);
  out += opt.distribution
             ? "Each input moved to the 5% and 95% points of its distribution (or of --noise; "
               "others by --delta).\n"
             : fmt::format(
                   "Each input moved by {}%: positions by {}% of the issue's range,\n"
                   "saliences by {} points, capabilities by {}% of their value.\n",
                   opt.delta, opt.delta, opt.delta, opt.delta);
  for (size_t i = 0; i < s.issues.size(); ++i) {
    const Issue& is = s.issues[i];
    const int dec = Dec(is);
    out += fmt::format("\n{} ({} to {}): forecast {}\n",
                       render::Cut(is.name.empty() ? is.id : is.name, 50), Fmt(is.min, dec),
                       Fmt(is.max, dec), Fmt(r.base[i], dec));
    const auto& rank = r.ranking[i];
    double scale = rank.empty() ? 0 : Swing(r, rank[0], static_cast<int>(i));
    out += fmt::format("  {:>3}  {:<26} {:>13} {:>13}  {:^15}\n", "#", "input", "input low-high",
                       "forecast", "down | up");
    for (size_t k = 0; k < rank.size() && (top <= 0 || static_cast<int>(k) < top); ++k) {
      const InputEffect& e = r.effects[rank[k]];
      const int idec = InputDec(s, e.input);
      double lo = e.at_low[i], hi = e.at_high[i], b = r.base[i];
      double down = std::max({0.0, b - lo, b - hi}), up = std::max({0.0, lo - b, hi - b});
      if (std::isnan(lo) || std::isnan(hi)) down = up = 0;
      out += fmt::format("  {:>3}  {:<26} {:>13} {:>13}  {}\n", k + 1, render::Cut(e.label, 26),
                         Fmt(e.low, idec) + "-" + Fmt(e.high, idec),
                         Fmt(lo, dec) + ".." + Fmt(hi, dec), Bar(down, up, scale, 7));
    }
    bool any = false;
    for (const Flip& f : r.flips) {
      if (f.issue_id != is.id) continue;
      if (!any) out += "  What would flip it:\n";
      any = true;
      out += "    " + FlipLine(s, r, f) + "\n";
    }
  }
  return out;
}

nlohmann::ordered_json SensitivityJson(const Scenario& s, const SensitivityOptions& opt,
                                       const SensitivityResult& r) {
  auto num = [](double v) -> nlohmann::ordered_json {
    if (std::isnan(v)) return nullptr;
    return v;
  };
  nlohmann::ordered_json j;
  j["spec"] = r.spec;
  j["mode"] = opt.distribution ? "distribution" : "delta";
  j["delta"] = opt.delta;
  j["issues"] = nlohmann::ordered_json::array();
  for (size_t i = 0; i < s.issues.size(); ++i) {
    nlohmann::ordered_json inputs = nlohmann::ordered_json::array(),
                           flips = nlohmann::ordered_json::array();
    int rank = 0;
    for (int k : r.ranking[i]) {
      const InputEffect& e = r.effects[k];
      inputs.push_back({{"rank", ++rank},
                        {"input", e.label},
                        {"actor", s.actors[e.input.actor].id},
                        {"issue", s.issues[e.input.issue].id},
                        {"kind", std::string(InputKindName(e.input.kind))},
                        {"how", e.how},
                        {"base", e.base},
                        {"low", e.low},
                        {"high", e.high},
                        {"forecast_low", num(e.at_low[i])},
                        {"forecast_high", num(e.at_high[i])},
                        {"swing", Swing(r, k, static_cast<int>(i))}});
    }
    for (const Flip& f : r.flips) {
      if (f.issue_id != s.issues[i].id) continue;
      nlohmann::ordered_json fj = {{"target", f.target},
                                   {"label", f.target_label},
                                   {"direction", f.up ? "up" : "down"},
                                   {"found", f.found}};
      if (f.found) {
        fj["input"] = r.effects[f.effect].label;
        fj["from"] = f.from;
        fj["to"] = f.to;
        fj["change"] = f.to - f.from;
        fj["relative"] = f.relative;
        fj["forecast_after"] = f.forecast_after;
      }
      flips.push_back(std::move(fj));
    }
    j["issues"].push_back({{"issue", s.issues[i].id},
                           {"base", num(r.base[i])},
                           {"inputs", inputs},
                           {"flips", flips}});
  }
  return j;
}

nlohmann::json SensitivityParamsJson(const SensitivityOptions& opt) {
  nlohmann::json t = nlohmann::json::array();
  for (const auto& th : opt.thresholds) t.push_back({{"issue", th.issue}, {"value", th.value}});
  return {{"model", opt.model}, {"mode", opt.distribution ? "distribution" : "delta"},
          {"delta", opt.delta}, {"noise", opt.noise.ToString()},
          {"thresholds", t},    {"flip_steps", opt.flip_steps}};
}

std::string SensitivityCsv(const Scenario& s, const SensitivityResult& r) {
  std::string out =
      "issue,rank,input,actor,input_issue,kind,how,base,low,high,forecast_low,forecast_high,"
      "swing\n";
  for (size_t i = 0; i < s.issues.size(); ++i) {
    int rank = 0;
    for (int k : r.ranking[i]) {
      const InputEffect& e = r.effects[k];
      out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}\n", render::Csv(s.issues[i].id),
                         ++rank, render::Csv(e.label), render::Csv(s.actors[e.input.actor].id),
                         render::Csv(s.issues[e.input.issue].id), InputKindName(e.input.kind),
                         e.how, render::Exact(e.base), render::Exact(e.low), render::Exact(e.high),
                         render::Exact(e.at_low[i]), render::Exact(e.at_high[i]),
                         render::Exact(Swing(r, k, static_cast<int>(i))));
    }
  }
  return out;
}

}  // namespace entente
