// SPDX-License-Identifier: MIT
#include "entente/sweep/render.h"

#include <cmath>

#include <fmt/format.h>

namespace entente {

namespace render {

int Decimals(double range) {
  // As the run report does (report/text.h DecimalsForRange).
  if (!(range > 0) || !std::isfinite(range)) return 2;
  return std::clamp(3 - static_cast<int>(std::ceil(std::log10(range) - 1e-9)), 0, 6);
}

std::string Fmt(double v, int decimals) {
  if (std::isnan(v)) return "n/a";
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s.find_first_not_of("-0.") == std::string::npos && s[0] == '-') s.erase(0, 1);
  return s;
}

std::string Cut(const std::string& s, size_t width) {
  size_t points = 0, i = 0, cut = std::string::npos;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (points == width - 1) cut = i;
    if (points == width) return s.substr(0, cut) + "…";
    ++points;
  }
  return s;
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(' ', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

size_t Width(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string Exact(double v) { return std::isnan(v) ? "" : fmt::format("{}", v); }

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace render

namespace {

using render::Fmt;

void RenderIssue(std::string& out, const Issue& is, const IssueSummary& r,
                 const std::string& spec) {
  const int dec = is.HasOptions() ? 2 : render::Decimals(is.Range());
  out += fmt::format("  {}\n", render::Cut(spec, 76));
  if (r.n == 0) {
    out += fmt::format("    no forecast on any of {} draws\n", r.failed);
    return;
  }
  out += fmt::format("    mean {}  sd {}  min {}  max {}  ({} draws", Fmt(r.mean, dec),
                     Fmt(r.sd, dec), Fmt(r.min, dec), Fmt(r.max, dec), r.n);
  out += r.failed ? fmt::format(", {} without a forecast)\n", r.failed) : std::string(")\n");
  out += "    quantiles";
  for (size_t q = 0; q < kQuantileLevels.size(); ++q) {
    out += fmt::format("  {}% {}", static_cast<int>(std::lround(kQuantileLevels[q] * 100)),
                       Fmt(r.quantiles[q], dec));
  }
  out += "\n";
  int64_t peak = 1;
  for (int64_t c : r.histogram) peak = std::max(peak, c);
  const double step = (r.hist_hi - r.hist_lo) / kHistogramBins;
  const int hdec = std::max(0, dec - 1);
  for (int b = 0; b < kHistogramBins; ++b) {
    int bar = static_cast<int>(std::lround(40.0 * r.histogram[b] / peak));
    std::string range = fmt::format("{}-{}", Fmt(r.hist_lo + b * step, hdec),
                                    Fmt(r.hist_lo + (b + 1) * step, hdec));
    out += fmt::format("    {:>13} |{:<40} {:>5.1f}%\n", range, std::string(bar, '#'),
                       100.0 * r.histogram[b] / r.n);
  }
  if (r.bands.empty()) return;
  out += "    bands between anchors\n";
  for (const Band& b : r.bands) {
    auto label = [](const std::string& l) { return l.empty() ? "(end of scale)" : l; };
    std::string range = fmt::format("{}-{}", Fmt(b.lo, dec), Fmt(b.hi, dec));
    std::string text = render::Cut(label(b.lo_label), 22) + " .. " + label(b.hi_label);
    out += fmt::format("    {:>11}  {:<50} {:>5.1f}%\n", range, render::Cut(text, 50),
                       100 * b.probability);
  }
}

constexpr size_t kPackagesShown = 10;

void RenderDeals(std::string& out, const DealSummary& d, const AgreementSpace& space) {
  out += fmt::format("\nAgreement (--deals): {} draws analysed", d.n);
  out += d.failed ? fmt::format(", {} could not be\n", d.failed) : std::string("\n");
  if (d.n == 0) return;
  out += fmt::format("  zone of agreement non-empty in {:.1f}% of draws\n", 100 * d.p_zone);
  if (d.nash.empty()) return;
  out += "  Nash solution on each issue, share of draws:\n";
  for (size_t i = 0; i < d.nash_by_issue.size() && i < space.issues.size(); ++i) {
    const SpaceIssue& is = space.issues[i];
    std::string line = fmt::format("    {:<16}", render::Cut(is.id, 16));
    for (size_t k = 0; k < d.nash_by_issue[i].size() && k < 5; ++k) {
      const auto& [option, count] = d.nash_by_issue[i][k];
      line += fmt::format(
          " {} {:.0f}%",
          is.numeric ? fmt::format("{}", is.values[option]) : render::Cut(is.labels[option], 12),
          100.0 * count / d.n);
    }
    out += line + "\n";
  }
  out += "  Nash packages, share of draws:\n";
  for (size_t k = 0; k < d.nash.size() && k < kPackagesShown; ++k) {
    std::string line = fmt::format("  {:>6.1f}%  ", 100 * d.nash[k].share);
    for (const std::string& word : render::Words(PackageText(space, d.nash[k].package))) {
      if (render::Width(line) + 1 + render::Width(word) > 79 && line.back() != ' ') {
        out += line + "\n";
        line = std::string(11, ' ');
      }
      line += (line.back() == ' ' ? "" : " ") + word;
    }
    out += line + "\n";
  }
  if (d.nash.size() > kPackagesShown) {
    out += fmt::format("  ... and {} other packages (--format json lists all)\n",
                       d.nash.size() - kPackagesShown);
  }
}

}  // namespace

std::string PackageText(const AgreementSpace& space, const std::vector<int>& package) {
  std::string out;
  for (size_t i = 0; i < package.size() && i < space.issues.size(); ++i) {
    const SpaceIssue& is = space.issues[i];
    std::string value =
        is.numeric ? fmt::format("{}", is.values[package[i]]) : is.labels[package[i]];
    out += fmt::format("{}{}={}", out.empty() ? "" : ", ", is.id, value);
  }
  return out;
}

std::string RenderSweepText(const Scenario& s, const SweepSummary& sum, const std::string& how,
                            const AgreementSpace* space) {
  std::string out = fmt::format("Sweep: {}\n", render::Cut(s.title.empty() ? s.id : s.title, 70));
  out += fmt::format("{} of {} draws, seed {}, {} uncertain input{}", sum.completed, sum.draws,
                     sum.seed, sum.uncertain_inputs, sum.uncertain_inputs == 1 ? "" : "s");
  out += sum.noise.empty() ? "\n" : fmt::format(", noise {}\n", sum.noise);
  if (sum.completed < sum.draws) {
    out +=
        fmt::format("STOPPED EARLY: these figures cover the {} draws completed.\n", sum.completed);
  }
  if (sum.uncertain_inputs == 0) {
    out += "No input is uncertain: give distributions in the scenario or --noise.\n";
  }
  if (!how.empty()) out += how + "\n";
  for (size_t i = 0; i < s.issues.size(); ++i) {
    const Issue& is = s.issues[i];
    const int dec = is.HasOptions() ? 0 : render::Decimals(is.Range());
    out += fmt::format("\n{} ({} to {})\n", render::Cut(is.name.empty() ? is.id : is.name, 60),
                       Fmt(is.min, dec), Fmt(is.max, dec));
    for (const auto& m : sum.models) RenderIssue(out, is, m.issues[i], m.spec);
  }
  if (sum.deals && space) RenderDeals(out, *sum.deals, *space);
  return out;
}

nlohmann::ordered_json SweepSummaryJson(const SweepSummary& sum, const AgreementSpace* space) {
  auto num = [](double v) -> nlohmann::ordered_json {
    if (std::isnan(v)) return nullptr;
    return v;
  };
  nlohmann::ordered_json j;
  j["draws"] = sum.draws;
  j["completed"] = sum.completed;
  j["seed"] = sum.seed;
  j["noise"] = sum.noise;
  j["uncertain_inputs"] = sum.uncertain_inputs;
  j["models"] = nlohmann::ordered_json::array();
  for (const auto& m : sum.models) {
    nlohmann::ordered_json issues = nlohmann::ordered_json::array();
    for (const auto& r : m.issues) {
      nlohmann::ordered_json q, bands = nlohmann::ordered_json::array();
      for (size_t k = 0; k < kQuantileLevels.size(); ++k) {
        q[fmt::format("{}", std::lround(kQuantileLevels[k] * 100))] = num(r.quantiles[k]);
      }
      for (const Band& b : r.bands) {
        bands.push_back({{"lo", b.lo},
                         {"hi", b.hi},
                         {"lo_label", b.lo_label},
                         {"hi_label", b.hi_label},
                         {"count", b.count},
                         {"probability", b.probability}});
      }
      issues.push_back(
          {{"issue", r.issue_id},
           {"n", r.n},
           {"failed", r.failed},
           {"mean", num(r.mean)},
           {"sd", num(r.sd)},
           {"min", num(r.min)},
           {"max", num(r.max)},
           {"quantiles", q},
           {"histogram", {{"lo", r.hist_lo}, {"hi", r.hist_hi}, {"counts", r.histogram}}},
           {"bands", bands}});
    }
    j["models"].push_back({{"spec", m.spec}, {"issues", issues}});
  }
  if (sum.deals) {
    const DealSummary& d = *sum.deals;
    nlohmann::ordered_json nash = nlohmann::ordered_json::array();
    for (const DealPackage& p : d.nash) {
      nlohmann::ordered_json package;
      for (size_t i = 0; i < p.package.size(); ++i) {
        if (!space) {
          package[std::to_string(i)] = p.package[i];
        } else if (space->issues[i].numeric) {
          package[space->issues[i].id] = space->issues[i].values[p.package[i]];
        } else {
          package[space->issues[i].id] = space->issues[i].labels[p.package[i]];
        }
      }
      nash.push_back({{"package", package}, {"count", p.count}, {"share", p.share}});
    }
    nlohmann::ordered_json by_issue;
    for (size_t i = 0; i < d.nash_by_issue.size(); ++i) {
      nlohmann::ordered_json options = nlohmann::ordered_json::array();
      for (const auto& [option, count] : d.nash_by_issue[i]) {
        nlohmann::ordered_json o;
        if (space && space->issues[i].numeric) {
          o["option"] = space->issues[i].values[option];
        } else if (space) {
          o["option"] = space->issues[i].labels[option];
        } else {
          o["option"] = option;
        }
        o["count"] = count;
        o["share"] = static_cast<double>(count) / d.n;
        options.push_back(std::move(o));
      }
      by_issue[space ? space->issues[i].id : std::to_string(i)] = std::move(options);
    }
    j["deals"] = {{"n", d.n},
                  {"failed", d.failed},
                  {"zone_nonempty", d.zone_nonempty},
                  {"p_zone", num(d.p_zone)},
                  {"nash_by_issue", by_issue},
                  {"nash", nash}};
  }
  return j;
}

std::string SweepCsv(const SweepSummary& sum) {
  std::string out = "model,issue,statistic,value\n";
  for (const auto& m : sum.models) {
    const std::string spec = render::Csv(m.spec);
    for (const auto& r : m.issues) {
      auto row = [&](const std::string& stat, const std::string& v) {
        out += fmt::format("{},{},{},{}\n", spec, render::Csv(r.issue_id), stat, v);
      };
      row("n", std::to_string(r.n));
      row("failed", std::to_string(r.failed));
      row("mean", render::Exact(r.mean));
      row("sd", render::Exact(r.sd));
      row("min", render::Exact(r.min));
      row("max", render::Exact(r.max));
      for (size_t k = 0; k < kQuantileLevels.size(); ++k) {
        row(fmt::format("q{}", std::lround(kQuantileLevels[k] * 100)),
            render::Exact(r.quantiles[k]));
      }
      const double step = (r.hist_hi - r.hist_lo) / kHistogramBins;
      for (int b = 0; b < kHistogramBins; ++b) {
        row(render::Csv(
                fmt::format("hist[{},{})", r.hist_lo + b * step, r.hist_lo + (b + 1) * step)),
            std::to_string(r.histogram[b]));
      }
      for (const Band& b : r.bands) {
        row(render::Csv(fmt::format("band[{},{})", b.lo, b.hi)), render::Exact(b.probability));
      }
    }
  }
  return out;
}

}  // namespace entente
