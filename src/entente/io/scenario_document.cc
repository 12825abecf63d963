// SPDX-License-Identifier: MIT
// A schema-valid JSON/YAML document -> Scenario: resolves ids, option names and the number
// forms, records where everything was written, and reports what the schema cannot see
// (unknown ids, duplicate cells, scale and options given together, ...).
#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "entente/core/distribution.h"
#include "entente/io/formats.h"
#include "entente/io/schema.h"

namespace entente::io {

std::string ListIds(const std::vector<std::string>& ids, size_t max) {
  std::string out;
  for (size_t k = 0; k < ids.size() && k < max; ++k) out += (k ? ", " : "") + ids[k];
  if (ids.size() > max) out += fmt::format(", ... ({} in all)", ids.size());
  return out;
}

namespace {

class Builder {
 public:
  Builder(const std::string& file, LocationMap& where, ValidationReport& report)
      : file_(file), where_(where), report_(report) {}

  Scenario Build(const Value& doc) {
    s_.id = Text(doc.Find("id"));
    s_.title = Text(doc.Find("title"));
    s_.description = Text(doc.Find("description"));
    s_.as_of = Text(doc.Find("as_of"));
    s_.notes = Text(doc.Find("notes"));
    Each(doc, "sources", [&](const Value& v, const std::string& path, size_t k) {
      std::string key = fmt::format("sources[{}]", k);
      Note(key, v, path);
      Note(key + ".id", *v.Find("id"), path + ".id");
      s_.sources.push_back(Source{Text(v.Find("id")), Text(v.Find("citation")), Text(v.Find("url")),
                                  Text(v.Find("date"))});
    });
    Each(doc, "actors",
         [&](const Value& v, const std::string& path, size_t k) { AddActor(v, path, k); });
    Each(doc, "issues",
         [&](const Value& v, const std::string& path, size_t k) { AddIssue(v, path, k); });
    Each(doc, "parties", [&](const Value& v, const std::string& path, size_t k) {
      Note(fmt::format("parties[{}]", k), v, path);
      s_.parties.push_back(v.text);
    });
    s_.ResizeCells();
    first_.assign(s_.actors.size() * s_.issues.size(), nullptr);
    Each(doc, "positions",
         [&](const Value& v, const std::string& path, size_t) { AddCell(v, path); });
    return std::move(s_);
  }

 private:
  template <typename Fn>
  void Each(const Value& doc, const char* key, Fn fn) {
    const Value* list = doc.Find(key);
    if (!list) return;
    for (size_t k = 0; k < list->items.size(); ++k)
      fn(list->items[k], fmt::format("{}[{}]", key, k), k);
  }

  static std::string Text(const Value* v) { return v ? v->text : ""; }

  void Note(const std::string& key, const Value& v, const std::string& path) {
    where_.Set(key, Location{file_, v.line, v.column, path});
  }

  void Problem(const Value& v, const std::string& path, const std::string& field,
               std::string message) {
    report_.Add(Location{file_, v.line, v.column, path}, field, Shown(v), std::move(message));
  }
  // A problem with a whole object (no single field or value).
  void ObjectProblem(const Value& v, const std::string& path, std::string message) {
    report_.Add(Location{file_, v.line, v.column, path}, "", "", std::move(message));
  }

  // The one reader of judged numbers: a number, or {value, sources}; on an option issue the
  // value may be an option name. Uncertain forms (docs/uncertainty.md): {value, sd} normal,
  // {min, max} uniform, {min, mode, max} triangular, [x, ...] or {estimates: [...]} expert
  // estimates; their point value is the value, midpoint, mode or mean. Whether the numbers
  // suit the quantity's range is checked by ValidateScenario.
  std::optional<Quantity> Number(const Value* v, const std::string& path, const std::string& field,
                                 const std::string& key, const Issue* issue = nullptr) {
    if (!v) return std::nullopt;
    Quantity q;
    const Value* num = v;
    if (v->kind == Value::Kind::kArray) return Estimates(*v, path, key, std::move(q));
    if (v->kind == Value::Kind::kObject) {
      num = v->Find("value");
      if (const Value* src = v->Find("sources")) {
        for (const auto& id : src->items) q.sources.push_back(id.text);
      }
      if (!UncertainFormOk(*v, path)) return q;  // the scenario is rejected anyway
      if (const Value* est = v->Find("estimates")) return Estimates(*est, path, key, std::move(q));
      if (v->Find("min")) return Range(*v, path, key, std::move(q));
      if (!num) {
        report_.Add(Location{file_, v->line, v->column, path}, "value", "",
                    "required field is missing");
        return q;
      }
    }
    Note(key, *num, path);
    if (num->kind == Value::Kind::kNumber) {
      q.value = num->number;
    } else if (issue && issue->HasOptions()) {
      auto it = std::find(issue->options.begin(), issue->options.end(), num->text);
      if (it == issue->options.end()) {
        Problem(*num, path, field,
                fmt::format("unknown option of issue '{}'; options: {}", issue->id,
                            ListIds(issue->options, 50)));
      }
      q.value = static_cast<double>(it == issue->options.end() ? 0 : it - issue->options.begin());
    } else {
      Problem(*num, path, field,
              issue
                  ? fmt::format("must be a number: issue '{}' has a scale, not options", issue->id)
                  : std::string("must be a number"));
      q.value = issue ? issue->min : 0;  // placeholder: the scenario is rejected anyway
    }
    if (const Value* sd = v->kind == Value::Kind::kObject ? v->Find("sd") : nullptr) {
      q.dist = Distribution{Distribution::Kind::kNormal, {q.value, sd->number}};
    }
    return q;
  }

  // Which keys an uncertain object combines: {value[, sd]}, {min, max[, mode]} or {estimates}
  // (each with optional sources). Reports a bad combination; false when there was one.
  bool UncertainFormOk(const Value& v, const std::string& path) {
    const bool value = v.Find("value"), sd = v.Find("sd"), min = v.Find("min"), max = v.Find("max"),
               mode = v.Find("mode"), est = v.Find("estimates");
    std::string why;
    if (est && (value || sd || min || max || mode)) {
      why = "estimates cannot be combined with value, sd, min, mode or max";
    } else if ((min || max || mode) && (value || sd)) {
      why = "give either {value, sd} (normal) or {min, max} / {min, mode, max}, not both";
    } else if ((min || mode) && !max) {
      why = "a range needs max as well as min";
    } else if ((max || mode) && !min) {
      why = "a range needs min as well as max";
    }
    if (why.empty()) return true;
    report_.Add(Location{file_, v.line, v.column, path}, "", "", why);
    return false;
  }

  Quantity Estimates(const Value& list, const std::string& path, const std::string& key,
                     Quantity q) {
    Note(key, list, path);
    q.dist = Distribution{Distribution::Kind::kEstimates, {}};
    for (const auto& x : list.items) q.dist->params.push_back(x.number);
    q.value = list.items.empty() ? 0 : PointValue(*q.dist);
    return q;
  }

  Quantity Range(const Value& v, const std::string& path, const std::string& key, Quantity q) {
    Note(key, v, path);
    const double lo = v.Find("min")->number, hi = v.Find("max")->number;
    if (const Value* mode = v.Find("mode")) {
      q.dist = Distribution{Distribution::Kind::kTriangular, {lo, mode->number, hi}};
    } else {
      q.dist = Distribution{Distribution::Kind::kUniform, {lo, hi}};
    }
    q.value = PointValue(*q.dist);
    return q;
  }

  void AddActor(const Value& v, const std::string& path, size_t a) {
    std::string key = fmt::format("actors[{}]", a);
    Note(key, v, path);
    Note(key + ".id", *v.Find("id"), path + ".id");
    Actor act;
    act.id = Text(v.Find("id"));
    act.name = Text(v.Find("name"));
    act.description = Text(v.Find("description"));
    if (auto c =
            Number(v.Find("capability"), path + ".capability", "capability", key + ".capability")) {
      act.capability = *c;
    }
    act.no_deal_acceptability =
        Number(v.Find("no_deal_acceptability"), path + ".no_deal_acceptability",
               "no_deal_acceptability", key + ".no_deal_acceptability");
    actor_ids_.emplace(act.id, static_cast<int>(a));
    s_.actors.push_back(std::move(act));
  }

  void AddIssue(const Value& v, const std::string& path, size_t i) {
    std::string key = fmt::format("issues[{}]", i);
    Note(key, v, path);
    Note(key + ".id", *v.Find("id"), path + ".id");
    Issue is;
    is.id = Text(v.Find("id"));
    is.name = Text(v.Find("name"));
    is.description = Text(v.Find("description"));
    const Value* scale = v.Find("scale");
    const Value* anchors = v.Find("anchors");
    const Value* options = v.Find("options");
    if (options && (scale || anchors)) {
      ObjectProblem(v, path, "an issue has either options or a scale with anchors, not both");
    }
    if (scale) {
      is.min = scale->Find("min")->number;
      is.max = scale->Find("max")->number;
      Note(key + ".min", *scale->Find("min"), path + ".scale.min");
      Note(key + ".max", *scale->Find("max"), path + ".scale.max");
    }
    if (options) {
      for (size_t k = 0; k < options->items.size(); ++k) {
        const Value& o = options->items[k];
        if (std::find(is.options.begin(), is.options.end(), o.text) != is.options.end()) {
          Problem(o, fmt::format("{}.options[{}]", path, k), "options",
                  "duplicate option name; options must be unique");
        }
        is.options.push_back(o.text);
        is.anchors.push_back(Anchor{static_cast<double>(k), o.text});
        Note(fmt::format("{}.anchors[{}]", key, k), o, fmt::format("{}.options[{}]", path, k));
      }
      is.min = 0;
      is.max = static_cast<double>(is.options.size() - 1);
    } else if (anchors) {
      std::vector<size_t> order(anchors->items.size());
      std::iota(order.begin(), order.end(), 0);
      std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        return anchors->items[x].Find("at")->number < anchors->items[y].Find("at")->number;
      });
      for (size_t k = 0; k < order.size(); ++k) {
        const Value& an = anchors->items[order[k]];
        is.anchors.push_back(Anchor{an.Find("at")->number, an.Find("label")->text});
        Note(fmt::format("{}.anchors[{}]", key, k), *an.Find("at"),
             fmt::format("{}.anchors[{}].at", path, order[k]));
      }
    }
    is.no_deal = Number(v.Find("no_deal"), path + ".no_deal", "no_deal", key + ".no_deal", &is);
    issue_ids_.emplace(is.id, static_cast<int>(i));
    s_.issues.push_back(std::move(is));
  }

  int Lookup(const std::unordered_map<std::string, int>& ids, const Value& v,
             const std::string& path, const char* field, const char* kind) {
    auto it = ids.find(v.text);
    if (it != ids.end()) return it->second;
    std::string& message = unknown_message_[kind[0] == 'a' ? 0 : 1];
    if (message.empty()) {  // once: a file may name many unknown ids
      std::vector<std::string> known;
      std::unordered_set<std::string> seen;
      auto add = [&](const std::string& id) {
        if (seen.insert(id).second) known.push_back(id);
      };
      if (kind[0] == 'a') {
        for (const auto& a : s_.actors) add(a.id);
      } else {
        for (const auto& is : s_.issues) add(is.id);
      }
      message = known.empty()
                    ? fmt::format("unknown {} id; the scenario lists no {}s", kind, kind)
                    : fmt::format("unknown {} id; known {}s: {}", kind, kind, ListIds(known));
    }
    Problem(v, path, field, message);
    return -1;
  }

  void AddCell(const Value& v, const std::string& path) {
    int a = Lookup(actor_ids_, *v.Find("actor"), path + ".actor", "actor", "actor");
    int i = Lookup(issue_ids_, *v.Find("issue"), path + ".issue", "issue", "issue");
    if (a < 0 || i < 0) return;
    const Value*& first = first_[static_cast<size_t>(a) * s_.issues.size() + i];
    if (first) {
      ObjectProblem(
          v, path,
          fmt::format("second entry for actor '{}' on issue '{}' (the first is at line {}); "
                      "give each actor at most one position per issue",
                      s_.actors[a].id, s_.issues[i].id, first->line));
      return;
    }
    first = &v;
    std::string key = fmt::format("cells[{}][{}]", a, i);
    Note(key, v, path);
    Cell& c = s_.At(a, i);
    c.position = Number(v.Find("position"), path + ".position", "position", key + ".position",
                        &s_.issues[i]);
    c.salience = Number(v.Find("salience"), path + ".salience", "salience", key + ".salience");
    c.capability =
        Number(v.Find("capability"), path + ".capability", "capability", key + ".capability");
    if (const Value* src = v.Find("sources")) {
      Note(key + ".sources", *src, path + ".sources");
      for (const auto& id : src->items) c.sources.push_back(id.text);
    }
  }

  const std::string& file_;
  LocationMap& where_;
  ValidationReport& report_;
  Scenario s_;
  std::unordered_map<std::string, int> actor_ids_, issue_ids_;
  std::vector<const Value*> first_;
  std::string unknown_message_[2];  // for actors, issues
};

}  // namespace

Scenario ScenarioFromDocument(const Value& doc, const std::string& file, LocationMap& where,
                              ValidationReport& report) {
  return Builder(file, where, report).Build(doc);
}

}  // namespace entente::io
