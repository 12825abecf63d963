// SPDX-License-Identifier: MIT
#include "entente/report/listing.h"

#include <fmt/format.h>

#include "entente/report/report.h"
#include "entente/report/text.h"

namespace entente {

namespace {

constexpr double kUnbounded = 1e300;

bool Numeric(const ParamSpec& p) {
  return p.type == ParamType::kInt || p.type == ParamType::kDouble;
}

// "choice, default x; one of a, b, c" / "number in [0, 1], default 0.5" / "int >= 1, default 5"
std::string Describe(const ParamSpec& p) {
  std::string out(ParamTypeName(p.type));
  if (Numeric(p)) {
    bool lo = p.min > -kUnbounded, hi = p.max < kUnbounded;
    if (lo && hi) {
      out += fmt::format(" in [{}, {}]", report::ExactNumber(p.min), report::ExactNumber(p.max));
    } else if (lo) {
      out += fmt::format(" >= {}", report::ExactNumber(p.min));
    } else if (hi) {
      out += fmt::format(" <= {}", report::ExactNumber(p.max));
    }
  }
  out += p.default_value.empty() ? ", optional" : ", default " + p.default_value;
  if (p.type == ParamType::kChoice) {
    std::string choices;
    for (const auto& c : p.choices) choices += (choices.empty() ? "" : ", ") + c;
    out += "; one of " + choices;
  }
  return out;
}

void AppendWrapped(std::string& out, int indent, const std::string& text, int width) {
  std::string pad(static_cast<size_t>(indent), ' ');
  for (const auto& line : report::Wrap(text, width - indent)) out += pad + line + "\n";
}

}  // namespace

std::string RenderModelsText(const ModelRegistry& registry, int width) {
  std::string out;
  for (const auto& info : registry.models()) {
    if (!out.empty()) out += "\n";
    std::string lead;
    for (const auto& line : report::WrapSpec(registry.Canonical(info.name), width - 2)) {
      out += lead + line + "\n";
      lead = "  ";
    }
    AppendWrapped(out, 2, info.summary, width);
    if (!info.citation.empty()) AppendWrapped(out, 2, "after " + info.citation, width);
    std::string flags;
    if (info.stochastic) flags += "stochastic (uses --seed)";
    if (info.multi_issue) flags += std::string(flags.empty() ? "" : "; ") + "multi-issue";
    if (!flags.empty()) AppendWrapped(out, 2, flags, width);
    if (info.params.empty()) continue;
    out += "  parameters:\n";
    int nw = 0;
    for (const auto& p : info.params) nw = std::max(nw, report::DisplayWidth(p.name));
    for (const auto& p : info.params) {
      auto lines = report::Wrap(Describe(p), width - 6 - nw);
      for (const auto& l : report::Wrap(p.help, width - 6 - nw)) lines.push_back(l);
      for (size_t k = 0; k < lines.size(); ++k) {
        out += "    " + report::Pad(k == 0 ? p.name : "", nw) + "  " + lines[k] + "\n";
      }
    }
  }
  return out;
}

nlohmann::ordered_json ModelsJson(const ModelRegistry& registry) {
  auto j = JsonDocument("models");
  j["models"] = nlohmann::ordered_json::array();
  for (const auto& info : registry.models()) {
    nlohmann::ordered_json params = nlohmann::ordered_json::array();
    for (const auto& p : info.params) {
      bool lo = Numeric(p) && p.min > -kUnbounded, hi = Numeric(p) && p.max < kUnbounded;
      params.push_back(
          {{"name", p.name},
           {"type", std::string(ParamTypeName(p.type))},
           {"default", p.default_value.empty() ? nullptr : nlohmann::ordered_json(p.default_value)},
           {"min", lo ? nlohmann::ordered_json(p.min) : nullptr},
           {"max", hi ? nlohmann::ordered_json(p.max) : nullptr},
           {"choices", p.choices},
           {"help", p.help}});
    }
    j["models"].push_back({{"name", info.name},
                           {"default_spec", registry.Canonical(info.name)},
                           {"summary", info.summary},
                           {"citation", info.citation},
                           {"stochastic", info.stochastic},
                           {"multi_issue", info.multi_issue},
                           {"params", params}});
  }
  return j;
}

}  // namespace entente
