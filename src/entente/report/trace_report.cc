// SPDX-License-Identifier: MIT
#include "entente/report/trace_report.h"

#include <algorithm>

#include <fmt/format.h>

#include "entente/report/text.h"

namespace entente {

using report::Column;
using report::ExactNumber;
using report::Fixed;

namespace {

std::string NameOf(const Scenario& s, const std::string& id) {
  int a = s.ActorIndex(id);
  return a >= 0 ? ActorLabel(s.actors[a]) : id;
}

int DimDecimals(const Scenario& s, const std::string& dim) {
  int i = s.IssueIndex(dim);
  return i >= 0 ? report::DecimalsForRange(s.issues[i].Range()) : 2;
}

std::string Point(const std::vector<double>& v, int decimals) {
  if (v.size() == 1) return Fixed(v[0], decimals);
  std::string out = "(";
  for (size_t d = 0; d < v.size(); ++d) out += (d ? ", " : "") + Fixed(v[d], decimals);
  return out + ")";
}

}  // namespace

std::string DescribeEvent(const TraceEvent& e, const Scenario& s, int decimals) {
  std::string who = NameOf(s, e.actor);
  std::string other = e.counterpart.empty() ? "" : NameOf(s, e.counterpart);
  std::string text;
  if (e.kind == "confrontation") {
    text = fmt::format("{} confronts {}", who, other);
  } else if (e.kind == "compromise") {
    text = fmt::format("{} compromises toward {}", who, other);
  } else if (e.kind == "capitulation") {
    text = fmt::format("{} capitulates to {}", who, other);
  } else if (e.kind == "challenge") {
    return fmt::format("{} challenges {} (gain {:.4g})", who, other, e.value);
  } else if (e.kind == "bargain") {
    // SMP: from = the initiator's proposal, to = the receiver's; value = P[initiator wins].
    return fmt::format("{} bargains with {} (p {:.3g}), {} / {}", who, other, e.value,
                       Point(e.from, decimals), Point(e.to, decimals));
  } else if (e.kind == "move") {
    text = fmt::format("{} adopts its bargain with {} (p {:.3g})", who, other, e.value);
  } else {
    text = other.empty() ? fmt::format("{}: {}", who, e.kind)
                         : fmt::format("{}: {} ({})", who, e.kind, other);
  }
  if (!e.from.empty() || !e.to.empty()) {
    text += fmt::format(", {} -> {}", Point(e.from, decimals), Point(e.to, decimals));
  }
  return text;
}

std::string RenderTraceText(const Scenario& s, const std::string& spec,
                            const std::vector<Trace>& traces, const ReportOptions& opt) {
  report::Style st(opt.color);
  std::string out;
  for (size_t t = 0; t < traces.size(); ++t) {
    const Trace& tr = traces[t];
    std::string dims;
    for (const auto& d : tr.dims) dims += (dims.empty() ? "" : ", ") + d;
    if (t > 0) out += "\n";
    std::string title = tr.dims.size() == 1 ? tr.dims[0] : fmt::format("{} issues", tr.dims.size());
    title = report::Truncate(fmt::format("== trace {}/{}: {} ", t + 1, traces.size(), title),
                             opt.width);
    title +=
        std::string(static_cast<size_t>(std::max(0, opt.width - report::DisplayWidth(title))), '=');
    out += st.Bold(title) + "\n";
    if (tr.dims.size() > 1) {
      for (const auto& line : report::Wrap("issues: " + dims, opt.width)) out += line + "\n";
    }
    std::string lead = "model: ";
    for (const auto& line : report::WrapSpec(spec, opt.width - 7)) {
      out += lead + line + "\n";
      lead = "       ";
    }
    out += fmt::format("{} actors, {} rounds\n", tr.actors.size(), tr.rounds.size());
    if (!tr.stopped_by.empty()) {
      for (const auto& line : report::Wrap("stopped: " + tr.stopped_by, opt.width)) {
        out += line + "\n";
      }
    }
    // Columns: round statistics, then positions per dimension, then per-actor statistics.
    int d0 = tr.dims.size() == 1 ? DimDecimals(s, tr.dims[0]) : 3;
    Column key{"", "round", {}};
    std::vector<Column> cols;
    auto stat_col = [&](const std::string& group, const std::string& header, auto value) {
      Column c{group, report::Truncate(header, 10), {}};
      for (const auto& r : tr.rounds) c.cells.push_back(value(r));
      cols.push_back(std::move(c));
    };
    std::vector<std::string> stat_names;
    for (const auto& r : tr.rounds) {
      for (const auto& [name, v] : r.stats) {
        if (std::find(stat_names.begin(), stat_names.end(), name) == stat_names.end()) {
          stat_names.push_back(name);
        }
      }
    }
    for (const auto& r : tr.rounds) key.cells.push_back(std::to_string(r.round));
    for (const auto& name : stat_names) {
      stat_col("", name, [&](const Trace::Round& r) -> std::string {
        for (const auto& [n, v] : r.stats) {
          if (n == name) return Fixed(v, d0);
        }
        return "";
      });
    }
    for (size_t d = 0; d < tr.dims.size(); ++d) {
      std::string group = tr.dims.size() == 1 ? "positions" : "positions on " + tr.dims[d];
      int dec = DimDecimals(s, tr.dims[d]);
      for (size_t a = 0; a < tr.actors.size(); ++a) {
        stat_col(group, tr.actors[a], [&](const Trace::Round& r) -> std::string {
          if (a < r.positions.size() && d < r.positions[a].size()) {
            return Fixed(r.positions[a][d], dec);
          }
          return "";
        });
      }
    }
    std::vector<std::string> actor_stat_names;
    for (const auto& r : tr.rounds) {
      for (const auto& [name, v] : r.actor_stats) {
        if (std::find(actor_stat_names.begin(), actor_stat_names.end(), name) ==
            actor_stat_names.end()) {
          actor_stat_names.push_back(name);
        }
      }
    }
    for (const auto& name : actor_stat_names) {
      for (size_t a = 0; a < tr.actors.size(); ++a) {
        stat_col(name, tr.actors[a], [&](const Trace::Round& r) -> std::string {
          for (const auto& [n, v] : r.actor_stats) {
            if (n == name && a < v.size()) return Fixed(v[a], 3);
          }
          return "";
        });
      }
    }
    out += "\n";
    out += report::RenderColumns(key, cols, opt.width);
    bool any_event = false;
    for (const auto& r : tr.rounds) {
      for (const auto& e : r.events) {
        if (!any_event) out += "\nmoves:\n";
        any_event = true;
        int dec = tr.dims.size() == 1 ? d0 : 2;
        std::string round = fmt::format("  round {}: ", e.round);
        auto lines =
            report::Wrap(DescribeEvent(e, s, dec), opt.width - report::DisplayWidth(round));
        for (size_t k = 0; k < lines.size(); ++k) {
          out += (k == 0 ? round : std::string(round.size(), ' ')) + lines[k] + "\n";
        }
      }
    }
    if (!any_event) out += "\nno moves recorded\n";
  }
  if (traces.empty()) out += "no traces\n";
  return out;
}

nlohmann::ordered_json TraceJson(const Trace& t) {
  nlohmann::ordered_json j{{"dims", t.dims}, {"actors", t.actors}, {"stopped_by", t.stopped_by}};
  j["rounds"] = nlohmann::ordered_json::array();
  for (const auto& r : t.rounds) {
    nlohmann::ordered_json stats = nlohmann::ordered_json::object();
    for (const auto& [k, v] : r.stats) stats[k] = v;
    nlohmann::ordered_json actor_stats = nlohmann::ordered_json::object();
    for (const auto& [k, v] : r.actor_stats) actor_stats[k] = v;
    nlohmann::ordered_json events = nlohmann::ordered_json::array();
    for (const auto& e : r.events) {
      events.push_back({{"round", e.round},
                        {"actor", e.actor},
                        {"counterpart", e.counterpart},
                        {"kind", e.kind},
                        {"from", e.from},
                        {"to", e.to},
                        {"value", e.value}});
    }
    j["rounds"].push_back({{"round", r.round},
                           {"stats", stats},
                           {"positions", r.positions},
                           {"actor_stats", actor_stats},
                           {"events", events}});
  }
  return j;
}

nlohmann::ordered_json TraceDocumentJson(const Scenario& s, const ModelResult& r,
                                         const std::vector<Trace>& traces,
                                         const ReportOptions& opt) {
  auto j = JsonDocument("trace");
  j["scenario"] = ScenarioRefJson(s);
  j["seed"] = opt.seed;
  j["spec"] = r.spec;
  j["model"] = r.model;
  j["traces"] = nlohmann::ordered_json::array();
  for (const auto& t : traces) j["traces"].push_back(TraceJson(t));
  return j;
}

std::string TraceCsv(const std::vector<Trace>& traces) {
  using report::CsvRow;
  std::string out = CsvRow(
      {"trace", "round", "record", "name", "actor", "counterpart", "dim", "from", "to", "value"});
  for (size_t t = 0; t < traces.size(); ++t) {
    const Trace& tr = traces[t];
    std::string tn = std::to_string(t + 1);
    auto dim = [&](size_t d) { return d < tr.dims.size() ? tr.dims[d] : std::to_string(d); };
    auto actor = [&](size_t a) { return a < tr.actors.size() ? tr.actors[a] : std::to_string(a); };
    for (const auto& r : tr.rounds) {
      std::string rn = std::to_string(r.round);
      for (const auto& [k, v] : r.stats) {
        out += CsvRow({tn, rn, "stat", k, "", "", "", "", "", ExactNumber(v)});
      }
      for (size_t a = 0; a < r.positions.size(); ++a) {
        for (size_t d = 0; d < r.positions[a].size(); ++d) {
          out += CsvRow({tn, rn, "position", "", actor(a), "", dim(d), "", "",
                         ExactNumber(r.positions[a][d])});
        }
      }
      for (const auto& [k, v] : r.actor_stats) {
        for (size_t a = 0; a < v.size(); ++a) {
          out += CsvRow({tn, rn, "actor_stat", k, actor(a), "", "", "", "", ExactNumber(v[a])});
        }
      }
      for (const auto& e : r.events) {
        size_t n = std::max(e.from.size(), e.to.size());
        std::string er = std::to_string(e.round);
        if (n == 0) {
          out += CsvRow(
              {tn, er, "event", e.kind, e.actor, e.counterpart, "", "", "", ExactNumber(e.value)});
        }
        for (size_t d = 0; d < n; ++d) {
          out += CsvRow({tn, er, "event", e.kind, e.actor, e.counterpart, dim(d),
                         d < e.from.size() ? ExactNumber(e.from[d]) : "",
                         d < e.to.size() ? ExactNumber(e.to[d]) : "", ExactNumber(e.value)});
        }
      }
    }
  }
  return out;
}

std::vector<Trace> TracesInvolving(const std::vector<Trace>& traces, const std::string& issue) {
  std::vector<Trace> out;
  for (const auto& t : traces) {
    if (issue.empty() || std::count(t.dims.begin(), t.dims.end(), issue) > 0) out.push_back(t);
  }
  return out;
}

}  // namespace entente
