// SPDX-License-Identifier: MIT
#include "entente/transforms/perturb.h"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "entente/core/errors.h"

namespace entente {

std::string Noise::ToString() const {
  std::string out;
  auto part = [&](const char* name, double v) {
    if (v > 0) out += fmt::format("{}{}={}", out.empty() ? "" : ",", name, v);
  };
  part("position", position);
  part("salience", salience);
  part("capability", capability);
  return out;
}

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

Noise ParseNoise(std::string_view text) {
  Noise n;
  ValidationReport report;
  const Location where{"", 0, 0, "--noise"};
  const std::string allowed = "allowed: position, salience, capability";
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view part = Trim(text.substr(start, end - start));
    start = end + 1;
    if (part.empty()) continue;
    size_t eq = part.find('=');
    std::string name(Trim(part.substr(0, eq)));
    double* slot = name == "position"     ? &n.position
                   : name == "salience"   ? &n.salience
                   : name == "capability" ? &n.capability
                                          : nullptr;
    if (!slot) {
      report.Add(where, "noise", std::string(part), "unknown input kind; " + allowed);
      continue;
    }
    std::string_view num = eq == std::string_view::npos ? "" : Trim(part.substr(eq + 1));
    double v = 0;
    auto [ptr, ec] = std::from_chars(num.data(), num.data() + num.size(), v);
    if (num.empty() || ec != std::errc() || ptr != num.data() + num.size() || !std::isfinite(v)) {
      report.Add(where, name, std::string(num),
                 "must be a number: the standard deviation in the input's own units, e.g. " + name +
                     "=10");
    } else if (v < 0) {
      report.Add(where, name, std::string(num), "must be >= 0");
    } else {
      *slot = v;
    }
  }
  if (!report.ok()) throw InvalidInput(std::move(report));
  return n;
}

Perturber::Perturber(const Scenario& s, const Noise& noise) {
  for (size_t a = 0; a < s.actors.size(); ++a) {
    const int ai = static_cast<int>(a);
    Add(s, {InputKind::kActorCapability, ai, -1}, s.actors[a].capability, noise.capability);
    if (const auto& q = s.actors[a].no_deal_acceptability) {
      Add(s, {InputKind::kNoDealAcceptability, ai, -1}, *q, 0);
    }
  }
  for (size_t i = 0; i < s.issues.size(); ++i) {
    if (const auto& q = s.issues[i].no_deal) Add(s, {InputKind::kNoDeal, -1, (int)i}, *q, 0);
  }
  for (size_t a = 0; a < s.actors.size(); ++a) {
    for (size_t i = 0; i < s.issues.size(); ++i) {
      const Cell& c = s.cells[a][i];
      const int ai = static_cast<int>(a), ii = static_cast<int>(i);
      if (c.position) Add(s, {InputKind::kPosition, ai, ii}, *c.position, noise.position);
      if (c.salience) Add(s, {InputKind::kSalience, ai, ii}, *c.salience, noise.salience);
      if (c.capability) {
        Add(s, {InputKind::kCapability, ai, ii}, *c.capability, noise.capability);
      }
    }
  }
}

void Perturber::Add(const Scenario& s, InputRef r, const Quantity& q, double noise_sd) {
  auto [lo, hi] = InputRange(s, r);
  if (q.dist) {
    samplers_.emplace_back(*q.dist, lo, hi);
  } else if (noise_sd > 0) {
    samplers_.push_back(Sampler::Normal(q.value, noise_sd, lo, hi));
  } else {
    return;
  }
  inputs_.push_back(r);
}

void Perturber::Draw(Rng& rng, Scenario& target) const {
  for (size_t k = 0; k < inputs_.size(); ++k) {
    SetInputValue(target, inputs_[k], samplers_[k].Quantile(rng.Uniform()));
  }
}

int Perturber::Find(const InputRef& r) const {
  for (size_t k = 0; k < inputs_.size(); ++k) {
    if (inputs_[k] == r) return static_cast<int>(k);
  }
  return -1;
}

}  // namespace entente
