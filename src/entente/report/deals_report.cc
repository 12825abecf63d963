// SPDX-License-Identifier: MIT
#include "entente/report/deals_report.h"

#include <fmt/format.h>

#include "entente/report/report.h"
#include "entente/report/text.h"

namespace entente {
namespace {

using report::Fixed;

std::string U(const AgreementSpace& s, Num n) { return Fixed(s.ToUtility(n), 3); }

std::string Gain(const AgreementSpace& s, Num n) {
  double g = s.ToUtility(n);
  std::string t = Fixed(g, 3);
  return t[0] == '-' ? t : "+" + t;
}

std::string Parties(const AgreementSpace& s, const std::vector<int>& idx) {
  std::string out;
  for (int a : idx) out += (out.empty() ? "" : ", ") + s.parties[a].id;
  return "{" + out + "}";
}

nlohmann::ordered_json CountJson(Count c) {
  if (c <= Count(uint64_t(1) << 53)) return static_cast<uint64_t>(c);
  return CountToString(c);
}

std::string Lines(const std::string& text, int width, const std::string& indent) {
  std::string out;
  for (const auto& l : report::Wrap(text, width - static_cast<int>(indent.size())))
    out += indent + l + "\n";
  return out;
}

// Rows of the solutions table: the bargaining solutions, then the zone samples.
struct Row {
  std::string name;
  bool exists = false;
  std::string ties;
  std::vector<int> package;
  std::vector<Num> utility;
};

std::vector<Row> Rows(const AgreementSpace& s, const DealsAnalysis& d) {
  std::vector<Row> rows;
  for (const Solution& sol : d.bargaining.solutions) {
    std::string name = sol.name.substr(0, sol.name.find(" ("));
    if (sol.key == "utilitarian_rational") name = "Utilitarian in zone";
    std::string ties = !sol.exists ? "-" : sol.ties ? CountToString(*sol.ties) : "?";
    rows.push_back({name, sol.exists, ties, sol.package, sol.utility});
  }
  for (size_t k = 0; k < d.zone.samples.size(); ++k)
    rows.push_back({fmt::format("{} {}", d.zone.samples_uniform ? "sample" : "found", k + 1), true,
                    "", d.zone.samples[k], s.Utilities(d.zone.samples[k])});
  return rows;
}

std::string ZoneText(const AgreementSpace& s, const ZoneResult& z, int width) {
  std::string out;
  if (!z.empty) {
    double share =
        100.0 * (z.exact ? CountToDouble(z.size) : z.estimate) / CountToDouble(z.packages);
    if (z.exact) {
      out +=
          Lines(fmt::format("Zone of possible agreement: {} of {} packages ({:.3g}%), exact count",
                            CountToString(z.size), CountToString(z.packages), share),
                width, "");
    } else {
      out += Lines(
          fmt::format("Zone of possible agreement: ESTIMATE {:.3g} of {} packages (95% "
                      "interval {:.3g} to {:.3g}; {} of {} random packages inside)",
                      z.estimate, CountToString(z.packages), z.ci_low, z.ci_high, z.hits, z.draws),
          width, "");
    }
    return out;
  }
  out += "Zone of possible agreement: EMPTY (no package beats no deal for every party)\n";
  const Ripeness& r = *z.ripeness;
  std::string sets;
  for (const auto& b : r.binding) sets += (sets.empty() ? "" : ", ") + Parties(s, b);
  out += Lines("Conflicting no-deal constraints (minimal sets): " + sets, width, "  ");
  out += Lines("Opens when every party's no-deal utility falls by " + U(s, r.uniform_cost) +
                   " (uniform cost of no agreement)",
               width, "  ");
  std::string shifts;
  for (int a = 0; a < s.NumParties(); ++a)
    shifts += fmt::format("{}{} {}", a ? ", " : "", s.parties[a].id,
                          r.single_shift[a] ? U(s, *r.single_shift[a]) : "cannot");
  out += Lines("Or when one party alone lowers its no-deal utility by: " + shifts, width, "  ");
  return out;
}

std::string ParetoText(const DealsAnalysis& d, int width) {
  auto part = [](const ParetoResult& p, Count packages, uint64_t points) {
    if (!p.complete) return std::string("not enumerated (too many points)");
    return fmt::format("{} packages ({} distinct utility points)", CountToString(packages), points);
  };
  std::string zone = d.zone.empty
                         ? "none (the zone is empty)"
                         : part(d.pareto_zone, d.pareto_zone.packages, d.pareto_zone.points);
  return Lines("Pareto frontier: in the zone " + zone + "; over all packages " +
                   part(d.pareto, d.pareto.packages, d.pareto.points),
               width, "");
}

nlohmann::ordered_json PackageJson(const AgreementSpace& s, const std::vector<int>& p) {
  nlohmann::ordered_json j = nlohmann::ordered_json::array();
  for (int i = 0; i < s.NumIssues(); ++i)
    j.push_back({{"issue", s.issues[i].id},
                 {"option", p[i]},
                 {"value", s.issues[i].values[p[i]]},
                 {"label", s.issues[i].labels[p[i]]}});
  return j;
}

nlohmann::ordered_json UtilityJson(const AgreementSpace& s, const std::vector<Num>& u) {
  nlohmann::ordered_json j = nlohmann::ordered_json::array();
  for (int a = 0; a < s.NumParties(); ++a)
    j.push_back({{"party", s.parties[a].id},
                 {"utility", s.ToUtility(u[a])},
                 {"gain", s.ToUtility(u[a] - s.disagreement[a])},
                 {"exact", ToString(s.Exact(u[a]))}});
  return j;
}

nlohmann::ordered_json ParetoJson(const AgreementSpace& s, const ParetoResult& p) {
  nlohmann::ordered_json j{{"method", p.method}, {"complete", p.complete}};
  if (p.complete) {
    j["packages"] = CountJson(p.packages);
    j["points"] = p.points;
    j["rational_packages"] = CountJson(p.rational_packages);
    j["rational_points"] = p.rational_points;
    // The distinct utility points (one array of party utilities each), for charts.
    nlohmann::ordered_json f = nlohmann::ordered_json::array();
    for (const FrontierPoint& pt : p.frontier) {
      nlohmann::ordered_json u = nlohmann::ordered_json::array();
      for (Num x : pt.utility) u.push_back(s.ToUtility(x));
      f.push_back(u);
    }
    j["frontier"] = f;
  }
  return j;
}

}  // namespace

std::string OptionText(const SpaceIssue& issue, int option, int label_width) {
  const std::string& label = issue.labels[option];
  if (!issue.numeric) return report::Truncate(label, label_width);
  std::string v = report::Compact(issue.values[option]);
  return label.empty() ? v : v + " " + report::Truncate(label, label_width);
}

std::string RenderDealsText(const AgreementSpace& s, const DealsAnalysis& d, const DealsSource& src,
                            int width) {
  std::string out = "Deals: " + s.title + "\n";
  if (src.scenario)
    out += Lines("Scenario: " + src.scenario->id +
                     (src.scenario->as_of.empty() ? "" : ", inputs as of " + src.scenario->as_of),
                 width, "");
  if (src.genius) {
    std::string df;
    for (const auto& p : src.genius->profiles)
      df += (df.empty() ? "" : ", ") + report::Compact(p.discount_factor);
    out += Lines("GENIUS domain " + src.genius->domain_file + "; discount factors " + df +
                     " (read, not applied: discounting moves no solution)",
                 width, "");
  }
  out += Lines("Utilities: " + s.utility_model, width, "");
  for (const auto& n : s.notes) out += Lines("Note: " + n, width, "");
  std::string d_text;
  for (int a = 0; a < s.NumParties(); ++a)
    d_text += fmt::format("{}{} {}", a ? ", " : "", s.parties[a].id, U(s, s.disagreement[a]));
  out += Lines(fmt::format("{} parties, {} issue{}, {} packages. No deal is worth: {}",
                           s.NumParties(), s.NumIssues(), s.NumIssues() == 1 ? "" : "s",
                           CountToString(s.PackageCount()), d_text),
               width, "");
  out += "\n" + ZoneText(s, d.zone, width) + ParetoText(d, width) + "\n";
  out += "Bargaining solutions and zone samples: each party's utility (gain over no deal)\n";
  std::vector<Row> rows = Rows(s, d);
  report::Column key{"", "", {}};
  std::vector<report::Column> cols;
  cols.push_back({"", "ties", {}});
  for (const auto& is : s.issues) cols.push_back({"", report::Truncate(is.id, 16), {}});
  for (const auto& p : s.parties) cols.push_back({"", p.id, {}});
  for (const Row& r : rows) {
    key.cells.push_back(r.name);
    cols[0].cells.push_back(r.ties);
    for (int i = 0; i < s.NumIssues(); ++i)
      cols[1 + i].cells.push_back(r.exists ? OptionText(s.issues[i], r.package[i], 22) : "-");
    for (int a = 0; a < s.NumParties(); ++a)
      cols[1 + s.NumIssues() + a].cells.push_back(
          r.exists ? U(s, r.utility[a]) + " (" + Gain(s, r.utility[a] - s.disagreement[a]) + ")"
                   : "-");
  }
  out += report::RenderColumns(key, cols, width, 2);
  for (const Solution& sol : d.bargaining.solutions)  // the empty zone is said once, above
    if (!sol.note.empty() && !(d.zone.empty && !sol.exists))
      out += Lines(sol.name + ": " + sol.note, width, "  ");
  out += "\nMethods:\n";
  out += Lines("zone: " + d.zone.method, width, "  ");
  out += Lines("frontier: " + d.pareto.method, width, "  ");
  for (const Solution& sol : d.bargaining.solutions)
    out += Lines(sol.key + ": " + sol.method, width, "  ");
  return out;
}

nlohmann::ordered_json DealsJson(const AgreementSpace& s, const DealsAnalysis& d,
                                 const DealsSource& src) {
  auto j = JsonDocument("deals");
  if (src.scenario) j["scenario"] = ScenarioRefJson(*src.scenario);
  if (src.genius) {
    nlohmann::ordered_json profiles = nlohmann::ordered_json::array();
    for (const auto& p : src.genius->profiles)
      profiles.push_back({{"file", p.file},
                          {"reservation", p.reservation},
                          {"discount_factor", p.discount_factor},
                          {"weights_sum", p.weights_sum}});
    j["genius"] = {{"domain", src.genius->domain_file}, {"profiles", profiles}};
  }
  j["method"] = d.method;
  nlohmann::ordered_json parties = nlohmann::ordered_json::array(), issues = parties;
  for (int a = 0; a < s.NumParties(); ++a)
    parties.push_back({{"id", s.parties[a].id},
                       {"name", s.parties[a].name},
                       {"disagreement", s.ToUtility(s.disagreement[a])},
                       {"disagreement_exact", ToString(s.Exact(s.disagreement[a]))}});
  for (const auto& is : s.issues) {
    nlohmann::ordered_json opts = nlohmann::ordered_json::array();
    for (size_t o = 0; o < is.values.size(); ++o)
      opts.push_back({{"value", is.values[o]}, {"label", is.labels[o]}});
    issues.push_back({{"id", is.id}, {"name", is.name}, {"options", opts}});
  }
  j["space"] = {{"title", s.title},   {"utility_model", s.utility_model},
                {"notes", s.notes},   {"packages", CountJson(s.PackageCount())},
                {"parties", parties}, {"issues", issues}};
  const ZoneResult& z = d.zone;
  nlohmann::ordered_json zone{{"method", z.method}, {"empty", z.empty}, {"exact", z.exact}};
  if (z.exact) zone["size"] = CountJson(z.size);
  if (!z.exact)
    zone["estimate"] = {{"size", z.estimate},
                        {"ci95_low", z.ci_low},
                        {"ci95_high", z.ci_high},
                        {"draws", z.draws},
                        {"hits", z.hits}};
  zone["samples_uniform"] = z.samples_uniform;
  zone["samples"] = nlohmann::ordered_json::array();
  for (const auto& p : z.samples) zone["samples"].push_back(PackageJson(s, p));
  if (z.ripeness) {
    const Ripeness& r = *z.ripeness;
    nlohmann::ordered_json shifts = nlohmann::ordered_json::array(), binding = shifts;
    for (int a = 0; a < s.NumParties(); ++a)
      shifts.push_back(
          {{"party", s.parties[a].id},
           {"shift", r.single_shift[a] ? nlohmann::ordered_json(s.ToUtility(*r.single_shift[a]))
                                       : nullptr}});
    for (const auto& b : r.binding) {
      nlohmann::ordered_json ids = nlohmann::ordered_json::array();
      for (int a : b) ids.push_back(s.parties[a].id);
      binding.push_back(ids);
    }
    zone["ripeness"] = {{"uniform_cost", s.ToUtility(r.uniform_cost)},
                        {"uniform_cost_exact", ToString(s.Exact(r.uniform_cost))},
                        {"opening_package", PackageJson(s, r.opening_package)},
                        {"single_party_shift", shifts},
                        {"binding", binding}};
  }
  j["zone"] = zone;
  j["pareto"] = ParetoJson(s, d.pareto);
  j["pareto_zone"] = ParetoJson(s, d.pareto_zone);
  j["ideal"] = nlohmann::ordered_json::array();
  for (Num x : d.bargaining.ideal) j["ideal"].push_back(s.ToUtility(x));
  j["solutions"] = nlohmann::ordered_json::array();
  for (const Solution& sol : d.bargaining.solutions) {
    nlohmann::ordered_json o{{"key", sol.key},
                             {"name", sol.name},
                             {"method", sol.method},
                             {"exists", sol.exists},
                             {"note", sol.note}};
    if (sol.exists) {
      o["ties"] = sol.ties ? CountJson(*sol.ties) : nullptr;
      o["value"] = sol.value;
      o["rational"] = sol.rational;
      o["package"] = PackageJson(s, sol.package);
      o["utilities"] = UtilityJson(s, sol.utility);
    }
    j["solutions"].push_back(o);
  }
  return j;
}

std::string DealsCsv(const AgreementSpace& s, const DealsAnalysis& d) {
  std::vector<std::string> header{"row", "exists", "ties"};
  for (const auto& is : s.issues) {
    header.push_back(is.id);
    header.push_back(is.id + "_label");
  }
  for (const auto& p : s.parties) {
    header.push_back(p.id + "_utility");
    header.push_back(p.id + "_gain");
  }
  std::string out = report::CsvRow(header);
  for (const Row& r : Rows(s, d)) {
    std::vector<std::string> f{r.name, r.exists ? "true" : "false", r.ties};
    for (int i = 0; i < s.NumIssues(); ++i) {
      f.push_back(r.exists ? report::ExactNumber(s.issues[i].values[r.package[i]]) : "");
      f.push_back(r.exists ? s.issues[i].labels[r.package[i]] : "");
    }
    for (int a = 0; a < s.NumParties(); ++a) {
      f.push_back(r.exists ? report::ExactNumber(s.ToUtility(r.utility[a])) : "");
      f.push_back(r.exists ? report::ExactNumber(s.ToUtility(r.utility[a] - s.disagreement[a]))
                           : "");
    }
    out += report::CsvRow(f);
  }
  return out;
}

}  // namespace entente
