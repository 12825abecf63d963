// SPDX-License-Identifier: MIT
#include "entente/io/genius.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "entente/core/errors.h"

namespace entente {
namespace {

enum class Kind { kDiscrete, kInteger, kReal };

struct DomainIssue {
  int index = 0;
  std::string name;
  Kind kind = Kind::kDiscrete;
  std::vector<std::string> values;  // discrete
  Rational lo, hi;                  // integer, real
};

// One parsed XML document with its problem locations.
class Doc {
 public:
  Doc(const NamedXml& src, ValidationReport& report) : src_(src), report_(report) {
    pugi::xml_parse_result r = xml_.load_buffer(src.text.data(), src.text.size());
    ok_ = static_cast<bool>(r);
    if (!ok_) Add(r.offset, "xml", "", std::string("malformed XML: ") + r.description());
  }
  bool ok() const { return ok_; }
  const pugi::xml_document& xml() const { return xml_; }
  const std::string& name() const { return src_.name; }

  void Add(ptrdiff_t offset, const std::string& field, const std::string& value,
           const std::string& message) {
    Location where{src_.name, 0, 0, ""};
    if (offset >= 0 && static_cast<size_t>(offset) <= src_.text.size()) {
      where.line =
          1 + static_cast<int>(std::count(src_.text.begin(), src_.text.begin() + offset, '\n'));
      size_t nl = src_.text.rfind('\n', offset == 0 ? 0 : offset - 1);
      where.column =
          static_cast<int>(offset - (nl == std::string::npos || offset == 0 ? 0 : nl + 1)) + 1;
    }
    report_.Add(where, field, value, message);
  }
  // At the element's '<' (pugixml gives the offset of its name).
  void Add(const pugi::xml_node& node, const std::string& field, const std::string& value,
           const std::string& message) {
    ptrdiff_t at = node.offset_debug();
    if (at > 0 && static_cast<size_t>(at) <= src_.text.size() && src_.text[at - 1] == '<') --at;
    Add(at, field, value, message);
  }

  // A decimal attribute, exactly; nullopt (and a problem) when missing or malformed.
  std::optional<Rational> Decimal(const pugi::xml_node& node, const char* attr) {
    pugi::xml_attribute a = node.attribute(attr);
    if (!a) {
      Add(node, attr, "", fmt::format("missing attribute '{}' on <{}>", attr, node.name()));
      return std::nullopt;
    }
    auto r = ParseDecimal(a.value());
    if (!r) Add(node, attr, a.value(), "must be a decimal number (e.g. 0.25, 3 or 1e-2)");
    return r;
  }
  std::optional<int> Int(const pugi::xml_node& node, const char* attr) {
    auto r = Decimal(node, attr);
    if (!r) return std::nullopt;
    if (r->den != 1 || r->num < -1'000'000'000 || r->num > 1'000'000'000) {
      Add(node, attr, node.attribute(attr).value(), "must be an integer");
      return std::nullopt;
    }
    return static_cast<int>(r->num);
  }

 private:
  const NamedXml& src_;
  ValidationReport& report_;
  pugi::xml_document xml_;
  bool ok_ = false;
};

pugi::xml_node Find(const pugi::xml_node& root, const char* name) {
  if (std::strcmp(root.name(), name) == 0) return root;
  return root.find_node([&](const pugi::xml_node& n) { return std::strcmp(n.name(), name) == 0; });
}

void Descendants(const pugi::xml_node& n, const char* name, std::vector<pugi::xml_node>* out) {
  for (pugi::xml_node c : n.children()) {
    if (std::strcmp(c.name(), name) == 0) out->push_back(c);
    Descendants(c, name, out);
  }
}

// Issues in document order, also inside nested objectives.
void Issues(const pugi::xml_node& objective, std::vector<pugi::xml_node>* out) {
  for (pugi::xml_node c : objective.children()) {
    if (std::strcmp(c.name(), "issue") == 0) out->push_back(c);
    if (std::strcmp(c.name(), "objective") == 0) Issues(c, out);
  }
}

std::optional<Kind> KindOf(const pugi::xml_node& issue) {
  std::string t = issue.attribute("type").value();
  if (t.empty()) t = issue.attribute("etype").value();
  if (t.empty()) t = issue.attribute("vtype").value();
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
  if (t.empty() || t == "discrete") return Kind::kDiscrete;
  if (t == "integer") return Kind::kInteger;
  if (t == "real") return Kind::kReal;
  return std::nullopt;
}

// Bounds from the issue's attributes, else its <range> child.
bool Bounds(Doc& d, const pugi::xml_node& issue, Rational* lo, Rational* hi) {
  pugi::xml_node at = issue.attribute("lowerbound") ? issue : issue.child("range");
  if (!at) {
    d.Add(issue, "lowerbound", "", "missing bounds: give lowerbound/upperbound or a <range>");
    return false;
  }
  auto l = d.Decimal(at, "lowerbound"), h = d.Decimal(at, "upperbound");
  if (!l || !h) return false;
  if (Compare(*l, *h) > 0) {
    d.Add(at, "upperbound", ToString(*h), "must be >= lowerbound " + ToString(*l));
    return false;
  }
  *lo = *l;
  *hi = *h;
  return true;
}

std::vector<DomainIssue> ReadDomain(Doc& d, const GeniusOptions& opt) {
  std::vector<DomainIssue> out;
  if (!d.ok()) return out;
  pugi::xml_node us = Find(d.xml().document_element(), "utility_space");
  pugi::xml_node obj = us ? us.child("objective") : pugi::xml_node();
  if (!obj) {
    d.Add(d.xml().document_element(), "objective", "", "no <utility_space><objective> element");
    return out;
  }
  std::vector<pugi::xml_node> nodes;
  Issues(obj, &nodes);
  if (nodes.empty()) d.Add(obj, "issue", "", "the domain has no issues");
  for (const pugi::xml_node& n : nodes) {
    DomainIssue is;
    auto idx = d.Int(n, "index");
    auto kind = KindOf(n);
    is.name = n.attribute("name").value();
    if (!kind) d.Add(n, "type", n.attribute("type").value(), "must be discrete, integer or real");
    if (!idx || !kind) continue;
    is.index = *idx;
    is.kind = *kind;
    for (const auto& prev : out)
      if (prev.index == is.index)
        d.Add(n, "index", std::to_string(is.index), "issue index used twice");
    if (is.kind == Kind::kDiscrete) {
      for (pugi::xml_node item : n.children("item"))
        is.values.push_back(item.attribute("value").value());
      if (is.values.empty()) d.Add(n, "item", "", "discrete issue '" + is.name + "' has no items");
    } else if (Bounds(d, n, &is.lo, &is.hi)) {
      if (is.kind == Kind::kInteger &&
          (is.lo.den != 1 || is.hi.den != 1 || is.hi.num - is.lo.num > 10000))
        d.Add(n, "upperbound", ToString(is.hi),
              "an integer issue needs integer bounds at most 10000 apart");
      if (is.kind == Kind::kReal && opt.real_steps < 1)
        d.Add(n, "type", "real", "real issues need real_steps >= 1");
    }
    out.push_back(std::move(is));
  }
  return out;
}

std::vector<Rational> Options(const DomainIssue& is, const GeniusOptions& opt) {
  std::vector<Rational> v;
  if (is.kind == Kind::kInteger) {
    for (Num x = is.lo.num; x <= is.hi.num; ++x) v.push_back({x, 1});
  } else if (is.kind == Kind::kReal) {
    Rational step = (is.hi - is.lo) / Rational{opt.real_steps, 1};
    for (int k = 0; k <= opt.real_steps; ++k) v.push_back(is.lo + step * Rational{k, 1});
  }
  return v;
}

Rational Clamp01(const Rational& r) {
  if (r.num < 0) return {0, 1};
  if (Compare(r, {1, 1}) > 0) return {1, 1};
  return r;
}

struct Profile {
  std::vector<Rational> weight;             // per domain issue
  std::vector<std::vector<Rational>> eval;  // per domain issue, per option
  Rational reservation{0, 1};
  GeniusProfileInfo info;
};

// Evaluations of one issue, in the order of the domain's options; false on problems.
bool Evaluate(Doc& d, const pugi::xml_node& pi, const DomainIssue& is, const GeniusOptions& opt,
              std::vector<Rational>* eval) {
  if (is.kind == Kind::kDiscrete) {
    std::map<std::string, Rational> ev;
    bool ok = true;
    for (pugi::xml_node item : pi.children("item")) {
      std::string v = item.attribute("value").value();
      if (std::find(is.values.begin(), is.values.end(), v) == is.values.end()) {
        d.Add(item, "value", v, "not a value of issue '" + is.name + "' in the domain");
        ok = false;
        continue;
      }
      std::string e = item.attribute("evaluation").value();
      if (e.empty() || e == "null") continue;  // GENIUS leaves it unset
      auto r = d.Decimal(item, "evaluation");
      if (!r) {
        ok = false;
      } else if (r->num < 0) {
        d.Add(item, "evaluation", e, "must be >= 0");
        ok = false;
      } else {
        ev[v] = *r;
      }
    }
    Rational mx{0, 1};
    for (const auto& [k, r] : ev) mx = Compare(r, mx) > 0 ? r : mx;
    for (const std::string& v : is.values) {
      auto it = ev.find(v);
      if (it == ev.end()) {
        if (ok)
          d.Add(pi, "evaluation", v,
                "no evaluation for value '" + v + "' of issue '" + is.name + "'");
        ok = false;
        continue;
      }
      // EvaluatorDiscrete.normalize: 0 when the largest evaluation is below 0.00001.
      eval->push_back(Compare(mx, Rational{1, 100000}) < 0 ? Rational{0, 1} : it->second / mx);
    }
    return ok;
  }
  pugi::xml_node ev = pi.child("evaluator");
  if (is.kind == Kind::kInteger) {
    Rational lo = is.lo, hi = is.hi, slope{0, 1}, offset{0, 1};
    if (pi.attribute("lowerbound") && !Bounds(d, pi, &lo, &hi)) return false;
    if (ev) {
      auto s = d.Decimal(ev, "slope"), o = d.Decimal(ev, "offset");
      if (!s || !o) return false;
      slope = *s;
      offset = *o;
    }
    for (const Rational& v : Options(is, opt)) eval->push_back(Clamp01(offset + slope * (v - lo)));
    return true;
  }
  std::string ftype = ev ? ev.attribute("ftype").value() : "";
  std::transform(ftype.begin(), ftype.end(), ftype.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (ftype != "linear" && ftype != "constant") {
    d.Add(ev ? ev : pi, "ftype", ftype,
          "real issues need an <evaluator ftype=\"linear\"> or \"constant\"");
    return false;
  }
  auto p0 = d.Decimal(ev, "parameter0");
  std::optional<Rational> p1 = Rational{0, 1};
  if (ftype == "linear") p1 = d.Decimal(ev, "parameter1");
  if (!p0 || !p1) return false;
  for (const Rational& v : Options(is, opt))
    eval->push_back(ftype == "constant" ? *p0 : Clamp01(*p1 * v + *p0));
  return true;
}

Profile ReadProfile(Doc& d, const std::vector<DomainIssue>& domain, const GeniusOptions& opt) {
  Profile p;
  p.info.file = d.name();
  if (!d.ok()) return p;
  pugi::xml_node us = Find(d.xml().document_element(), "utility_space");
  if (!us) {
    d.Add(d.xml().document_element(), "utility_space", "", "no <utility_space> element");
    return p;
  }
  if (pugi::xml_node r = Find(us, "reservation")) {
    auto v = d.Decimal(r, "value");
    p.info.has_reservation = v.has_value();
    if (v) p.reservation = *v;
    p.info.reservation = ToDouble(p.reservation);
  }
  if (pugi::xml_node df = Find(us, "discount_factor")) {
    auto v = d.Decimal(df, "value");
    p.info.has_discount = v.has_value();
    if (v) p.info.discount_factor = ToDouble(*v);
  }
  std::map<int, pugi::xml_node> weights, issues;
  std::vector<pugi::xml_node> wnodes;
  Descendants(us, "weight", &wnodes);
  for (const pugi::xml_node& w : wnodes)
    if (auto i = d.Int(w, "index")) weights[*i] = w;
  std::vector<pugi::xml_node> nodes;
  Issues(us.child("objective"), &nodes);
  for (const pugi::xml_node& n : nodes)
    if (auto i = d.Int(n, "index")) issues[*i] = n;
  for (const DomainIssue& is : domain) {
    std::vector<Rational> ev;
    auto wn = weights.find(is.index);
    auto in = issues.find(is.index);
    std::optional<Rational> w;
    if (wn == weights.end()) {
      d.Add(us, "weight", std::to_string(is.index),
            "no <weight index=\"" + std::to_string(is.index) + "\"> for issue '" + is.name + "'");
    } else {
      w = d.Decimal(wn->second, "value");
    }
    if (in == issues.end()) {
      d.Add(us, "issue", std::to_string(is.index),
            "no evaluator (<issue index=\"" + std::to_string(is.index) + "\">) for issue '" +
                is.name + "'");
    } else {
      Evaluate(d, in->second, is, opt, &ev);
    }
    p.weight.push_back(w.value_or(Rational{0, 1}));
    p.eval.push_back(std::move(ev));
    if (w) p.info.weights_sum += ToDouble(*w);
  }
  return p;
}

std::string Stem(const std::string& path) {
  size_t slash = path.find_last_of("/\\");
  std::string s = slash == std::string::npos ? path : path.substr(slash + 1);
  if (s.size() > 4 && s.substr(s.size() - 4) == ".xml") s.resize(s.size() - 4);
  return s;
}

AgreementSpace Build(const std::vector<DomainIssue>& domain, const std::vector<Profile>& profiles,
                     const std::vector<std::string>& ids, const GeniusOptions& opt, int decimals) {
  auto r = [&](const Rational& x) { return decimals < 0 ? x : RoundToDecimals(x, decimals); };
  AgreementSpace s;
  for (const std::string& id : ids) s.parties.push_back({id, id});
  s.utility_model = "genius(additive; discrete evaluations divided by the issue maximum)";
  for (const DomainIssue& is : domain) {
    SpaceIssue si{is.name.empty() ? std::to_string(is.index) : is.name,
                  is.name,
                  is.kind != Kind::kDiscrete,
                  {},
                  {}};
    if (is.kind == Kind::kDiscrete) {
      for (size_t o = 0; o < is.values.size(); ++o) {
        si.values.push_back(static_cast<double>(o));
        si.labels.push_back(is.values[o]);
      }
    } else {
      for (const Rational& v : Options(is, opt)) {
        si.values.push_back(ToDouble(v));
        si.labels.push_back("");
      }
    }
    s.issues.push_back(std::move(si));
  }
  std::vector<std::vector<std::vector<Rational>>> terms;
  std::vector<Rational> d;
  for (const Profile& p : profiles) {
    std::vector<std::vector<Rational>> t;
    for (size_t i = 0; i < domain.size(); ++i) {
      std::vector<Rational> row;
      for (const Rational& e : p.eval[i]) row.push_back(r(p.weight[i]) * r(e));
      t.push_back(std::move(row));
    }
    terms.push_back(std::move(t));
    d.push_back(r(p.reservation));
  }
  SetExactUtilities(s, terms, d);
  return s;
}

}  // namespace

GeniusImport ReadGeniusXml(const NamedXml& domain, const std::vector<NamedXml>& profiles,
                           const GeniusOptions& opt) {
  ValidationReport report;
  if (profiles.size() < 2)
    report.Add(Location{domain.name, 0, 0, ""}, "profiles", std::to_string(profiles.size()),
               "a deal needs at least two parties: give one profile per party");
  if (profiles.size() > 10)
    report.Add(Location{domain.name, 0, 0, ""}, "profiles", std::to_string(profiles.size()),
               "at most 10 parties");
  Doc dd(domain, report);
  std::vector<DomainIssue> issues = ReadDomain(dd, opt);
  std::vector<Profile> parsed;
  for (const NamedXml& p : profiles) {
    Doc pd(p, report);
    parsed.push_back(ReadProfile(pd, issues, opt));
  }
  if (!report.ok()) throw InvalidInput(report);
  GeniusImport out;
  out.domain_file = domain.name;
  std::vector<std::string> ids;
  for (size_t k = 0; k < parsed.size(); ++k) {
    std::string id = Stem(profiles[k].name);
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) id += "#" + std::to_string(k + 1);
    ids.push_back(id);
    out.profiles.push_back(parsed[k].info);
  }
  try {
    out.space = Build(issues, parsed, ids, opt, -1);
  } catch (const ComputationError&) {
    out.space = Build(issues, parsed, ids, opt, 12);
    out.space.notes.push_back(
        "weights and evaluations rounded to 12 decimals for exact arithmetic");
  }
  out.space.title = Stem(domain.name);
  return out;
}

GeniusImport ReadGeniusFiles(const std::string& domain_path,
                             const std::vector<std::string>& profile_paths,
                             const GeniusOptions& opt) {
  ValidationReport report;
  auto read = [&](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    if (!in) {
      report.Add(Location{path, 0, 0, ""}, "file", path,
                 fmt::format("cannot open the file: {}", std::strerror(errno)));
      return NamedXml{path, ""};
    }
    ss << in.rdbuf();
    return NamedXml{path, ss.str()};
  };
  NamedXml domain = read(domain_path);
  std::vector<NamedXml> profiles;
  for (const auto& p : profile_paths) profiles.push_back(read(p));
  if (!report.ok()) throw InvalidInput(report);
  return ReadGeniusXml(domain, profiles, opt);
}

}  // namespace entente
