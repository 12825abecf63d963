// SPDX-License-Identifier: MIT
// JSON and YAML scenarios: text -> document -> schema -> Scenario -> semantic checks, and back.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "entente/core/distribution.h"
#include "entente/io/formats.h"
#include "entente/io/number.h"
#include "entente/io/schema.h"

namespace entente::io {

namespace {

// Problems come in stages: syntax (thrown by the parser), then duplicate keys and the schema,
// then ids and the semantic checks; a stage runs only when the one before found nothing, so
// one mistake is not reported again as its consequences.
Scenario FromDocument(const Value& doc, const std::string& file, LocationMap& where,
                      ValidationReport& report) {
  if (doc.kind == Value::Kind::kNull && doc.text.empty()) {  // an empty YAML file
    report.Add(Location{file, doc.line, doc.column, ""}, "", "",
               "the document is empty; a scenario starts with 'entente: 1' (docs/formats.md)");
    throw InvalidInput(std::move(report));
  }
  if (!ScenarioSchema().Validate(doc, file, report) || !report.ok()) {
    throw InvalidInput(std::move(report));
  }
  Scenario s = ScenarioFromDocument(doc, file, where, report);
  ValidateScenario(s, where, report);
  if (!report.ok()) throw InvalidInput(std::move(report));
  return s;
}

// An uncertain number in its file form (docs/uncertainty.md); `sources` appended by the caller.
Value Uncertain(const Distribution& d) {
  const auto& p = d.params;
  Value obj = Value::Object();
  switch (d.kind) {
    case Distribution::Kind::kNormal:
      obj.Add("value", Value::Number(p[0]));
      obj.Add("sd", Value::Number(p[1]));
      break;
    case Distribution::Kind::kUniform:
      obj.Add("min", Value::Number(p[0]));
      obj.Add("max", Value::Number(p[1]));
      break;
    case Distribution::Kind::kTriangular:
      obj.Add("min", Value::Number(p[0]));
      obj.Add("mode", Value::Number(p[1]));
      obj.Add("max", Value::Number(p[2]));
      break;
    case Distribution::Kind::kEstimates: {
      Value& list = obj.Add("estimates", Value::Array());
      for (double x : p) list.Push(Value::Number(x));
      break;
    }
  }
  return obj;
}

Value Quantity(const entente::Quantity& q, const Issue* issue = nullptr) {
  if (q.dist) {
    Value obj = Uncertain(*q.dist);
    if (q.sources.empty() && q.dist->kind == Distribution::Kind::kEstimates) {
      return std::move(obj.members[0].value);  // a bare list
    }
    if (!q.sources.empty()) {
      Value& src = obj.Add("sources", Value::Array());
      for (const auto& id : q.sources) src.Push(Value::String(id));
    }
    return obj;
  }
  Value v = Value::Number(q.value);
  if (issue && issue->HasOptions() && q.value >= 0 &&
      q.value < static_cast<double>(issue->options.size()) && q.value == std::floor(q.value)) {
    v = Value::String(issue->options[static_cast<size_t>(q.value)]);
  }
  if (q.sources.empty()) return v;
  Value obj = Value::Object();
  obj.Add("value", std::move(v));
  Value& src = obj.Add("sources", Value::Array());
  for (const auto& id : q.sources) src.Push(Value::String(id));
  return obj;
}

void AddText(Value& obj, const char* key, const std::string& text) {
  if (!text.empty()) obj.Add(key, Value::String(text));
}

Value Ids(const std::vector<std::string>& ids) {
  Value v = Value::Array();
  for (const auto& id : ids) v.Push(Value::String(id));
  return v;
}

struct LossCheck {
  std::vector<std::string>& lost;
  void operator()(const std::optional<entente::Quantity>& q, const std::string& what) {
    if (q && !std::isfinite(q->value)) lost.push_back(what + " (not a finite number)");
    // A file gives an uncertain number's point value by its form (the value, midpoint, mode or
    // mean): another value would be lost.
    if (q && q->dist && std::isfinite(q->value) && PointValue(*q->dist) != q->value) {
      lost.push_back(
          fmt::format("{} (point value {} differs from the {} its distribution {} "
                      "implies)",
                      what, FormatNumber(q->value), FormatNumber(PointValue(*q->dist)),
                      DistributionText(*q->dist)));
    }
  }
};

void Losses(const Scenario& s, std::vector<std::string>& lost) {
  LossCheck check{lost};
  for (const auto& a : s.actors) {
    check(a.capability, fmt::format("capability of actor '{}'", a.id));
    check(a.no_deal_acceptability, fmt::format("no_deal_acceptability of actor '{}'", a.id));
  }
  for (size_t i = 0; i < s.issues.size(); ++i) {
    const Issue& is = s.issues[i];
    if (!std::isfinite(is.min) || !std::isfinite(is.max)) {
      lost.push_back(fmt::format("scale of issue '{}' (not finite)", is.id));
    }
    for (const auto& an : is.anchors) {
      if (!std::isfinite(an.at))
        lost.push_back(fmt::format("anchor of issue '{}' (not finite)", is.id));
    }
    check(is.no_deal, fmt::format("no_deal of issue '{}'", is.id));
    if (is.HasOptions()) {
      bool regular = is.min == 0 && is.max == static_cast<double>(is.options.size()) - 1 &&
                     is.anchors.size() == is.options.size();
      for (size_t k = 0; regular && k < is.anchors.size(); ++k) {
        regular =
            is.anchors[k].at == static_cast<double>(k) && is.anchors[k].label == is.options[k];
      }
      if (!regular) {
        lost.push_back(
            fmt::format("scale and anchors of option issue '{}' (an option issue is "
                        "0..k-1 with one anchor per option)",
                        is.id));
      }
    } else if (!std::is_sorted(is.anchors.begin(), is.anchors.end(),
                               [](const Anchor& x, const Anchor& y) { return x.at < y.at; })) {
      lost.push_back(fmt::format("anchor order of issue '{}' (anchors are read sorted)", is.id));
    }
    for (size_t a = 0; a < s.actors.size(); ++a) {
      const Cell& c = s.At(static_cast<int>(a), static_cast<int>(i));
      std::string where = fmt::format("actor '{}' on issue '{}'", s.actors[a].id, is.id);
      check(c.position, "position of " + where);
      check(c.salience, "salience of " + where);
      check(c.capability, "capability of " + where);
    }
  }
}

}  // namespace

Scenario ReadJsonScenario(std::string_view text, const std::string& file, LocationMap& where) {
  ValidationReport report;
  Value doc = ParseJson(text, file, report);
  return FromDocument(doc, file, where, report);
}

Scenario ReadYamlScenario(std::string_view text, const std::string& file, LocationMap& where) {
  ValidationReport report;
  Value doc = ParseYaml(text, file, report);
  return FromDocument(doc, file, where, report);
}

Value ScenarioToDocument(const Scenario& s, std::vector<std::string>& lost) {
  Losses(s, lost);
  Value doc = Value::Object();
  doc.Add("entente", Value::Number(1));
  AddText(doc, "id", s.id);
  AddText(doc, "title", s.title);
  AddText(doc, "description", s.description);
  AddText(doc, "as_of", s.as_of);
  AddText(doc, "notes", s.notes);
  if (!s.sources.empty()) {
    Value& list = doc.Add("sources", Value::Array());
    for (const auto& src : s.sources) {
      Value& v = list.Push(Value::Object());
      v.Add("id", Value::String(src.id));
      AddText(v, "citation", src.citation);
      AddText(v, "url", src.url);
      AddText(v, "date", src.date);
    }
  }
  Value& actors = doc.Add("actors", Value::Array());
  for (const auto& a : s.actors) {
    Value& v = actors.Push(Value::Object());
    v.Add("id", Value::String(a.id));
    AddText(v, "name", a.name);
    AddText(v, "description", a.description);
    v.Add("capability", Quantity(a.capability));
    if (a.no_deal_acceptability) v.Add("no_deal_acceptability", Quantity(*a.no_deal_acceptability));
  }
  Value& issues = doc.Add("issues", Value::Array());
  for (const auto& is : s.issues) {
    Value& v = issues.Push(Value::Object());
    v.Add("id", Value::String(is.id));
    AddText(v, "name", is.name);
    AddText(v, "description", is.description);
    if (is.HasOptions()) {
      v.Add("options", Ids(is.options));
    } else {
      Value& scale = v.Add("scale", Value::Object());
      scale.Add("min", Value::Number(is.min));
      scale.Add("max", Value::Number(is.max));
      if (!is.anchors.empty()) {
        Value& anchors = v.Add("anchors", Value::Array());
        for (const auto& an : is.anchors) {
          Value& x = anchors.Push(Value::Object());
          x.Add("at", Value::Number(an.at));
          x.Add("label", Value::String(an.label));
        }
      }
    }
    if (is.no_deal) v.Add("no_deal", Quantity(*is.no_deal, &is));
  }
  if (!s.parties.empty()) doc.Add("parties", Ids(s.parties));
  Value& positions = doc.Add("positions", Value::Array());
  for (size_t a = 0; a < s.actors.size(); ++a) {
    for (size_t i = 0; i < s.issues.size(); ++i) {
      const Cell& c = s.At(static_cast<int>(a), static_cast<int>(i));
      if (c.Empty()) continue;
      Value& v = positions.Push(Value::Object());
      v.Add("actor", Value::String(s.actors[a].id));
      v.Add("issue", Value::String(s.issues[i].id));
      if (c.position) v.Add("position", Quantity(*c.position, &s.issues[i]));
      if (c.salience) v.Add("salience", Quantity(*c.salience));
      if (c.capability) v.Add("capability", Quantity(*c.capability));
      if (!c.sources.empty()) v.Add("sources", Ids(c.sources));
    }
  }
  return doc;
}

}  // namespace entente::io
