// SPDX-License-Identifier: MIT
// GENIUS import: the six ANAC reference domains (tests/data/genius) against expected.json --
// Pareto counts, Nash, Kalai-Smorodinsky, egalitarian and utilitarian packages and utilities --
// and the reader's semantics and error reports.
#include "entente/io/genius.h"

#include <algorithm>
#include <fstream>
#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "entente/analysis/bargaining.h"
#include "entente/analysis/pareto.h"
#include "entente/analysis/zopa.h"
#include "entente/core/errors.h"

namespace entente {
namespace {

const std::string kDir = std::string(ENTENTE_TEST_DATA_DIR) + "/genius/";

nlohmann::json Expected(const std::string& domain) {
  std::ifstream in(kDir + domain + "/expected.json");
  return nlohmann::json::parse(in);
}

GeniusImport Load(const std::string& domain, const nlohmann::json& e) {
  std::vector<std::string> profiles;
  for (const auto& p : e["parties"])
    profiles.push_back(kDir + domain + "/" + p["profile"].get<std::string>());
  return ReadGeniusFiles(kDir + domain + "/" + e["domain_file"].get<std::string>(), profiles);
}

std::map<std::string, std::string> Named(const AgreementSpace& s, const std::vector<int>& p) {
  std::map<std::string, std::string> out;
  for (int i = 0; i < s.NumIssues(); ++i) out[s.issues[i].name] = s.issues[i].labels[p[i]];
  return out;
}

void ExpectSolution(const AgreementSpace& s, const Solution& got, const nlohmann::json& want,
                    const nlohmann::json& choice) {
  SCOPED_TRACE(got.key);
  ASSERT_TRUE(got.exists) << got.note;
  ASSERT_TRUE(got.ties.has_value());
  EXPECT_EQ(CountToString(*got.ties), std::to_string(want["n_outcomes"].get<int>()));
  using Outcome = std::map<std::string, std::string>;
  EXPECT_EQ(Named(s, got.package), choice.get<Outcome>());
  for (int a = 0; a < s.NumParties(); ++a)
    EXPECT_DOUBLE_EQ(s.ToUtility(got.utility[a]), want["utilities"][a].get<double>());
}

class Reference : public ::testing::TestWithParam<std::string> {};

TEST_P(Reference, MatchesExpectedJson) {
  const std::string domain = GetParam();
  nlohmann::json e = Expected(domain);
  GeniusImport g = Load(domain, e);
  const AgreementSpace& s = g.space;
  ASSERT_EQ(s.NumParties(), e["n_parties"].get<int>());
  ASSERT_EQ(s.NumIssues(), static_cast<int>(e["issues"].size()));
  for (int i = 0; i < s.NumIssues(); ++i) {
    EXPECT_EQ(s.issues[i].name, e["issues"][i]["name"]);
    EXPECT_EQ(s.issues[i].labels, e["issues"][i]["values"].get<std::vector<std::string>>());
  }
  EXPECT_EQ(CountToString(s.PackageCount()), std::to_string(e["n_outcomes"].get<int>()));
  for (int a = 0; a < s.NumParties(); ++a) {
    const auto& p = e["parties"][a];
    EXPECT_DOUBLE_EQ(g.profiles[a].reservation, p["reservation_value"].get<double>());
    EXPECT_DOUBLE_EQ(g.profiles[a].discount_factor, p["discount_factor"].get<double>());
    EXPECT_DOUBLE_EQ(g.profiles[a].weights_sum, p["weights_sum"].get<double>());
    EXPECT_DOUBLE_EQ(s.ToUtility(s.disagreement[a]), p["disagreement_value_used"].get<double>());
  }
  const RunContext ctx;
  // Pareto frontier: packages (GENIUS's count) and distinct points (NegMAS's), all and rational.
  ParetoResult pf = ParetoFrontier(s, {}, ctx);
  ASSERT_TRUE(pf.complete);
  const auto& ep = e["pareto"];
  EXPECT_EQ(CountToString(pf.packages), std::to_string(ep["n_outcomes"].get<int>()));
  EXPECT_EQ(pf.points, ep["n_distinct_utility_points"].get<uint64_t>());
  EXPECT_EQ(CountToString(pf.rational_packages),
            std::to_string(ep["n_rational_outcomes"].get<int>()));
  EXPECT_EQ(pf.rational_points, ep["n_rational_distinct_points"].get<uint64_t>());
  const auto& pts = ep["points_sorted_desc_by_party0"];
  ASSERT_EQ(pf.frontier.size(), pts.size());
  for (size_t k = 0; k < pts.size(); ++k)
    for (int a = 0; a < s.NumParties(); ++a)
      EXPECT_DOUBLE_EQ(s.ToUtility(pf.frontier[k].utility[a]), pts[k][a].get<double>());
  // Bargaining solutions.
  BargainingResult r = Bargain(s, {}, ctx);
  auto get = [&](const std::string& key) {
    return *std::find_if(r.solutions.begin(), r.solutions.end(),
                         [&](const Solution& x) { return x.key == key; });
  };
  ExpectSolution(s, get("nash"), e["nash"], e["nash"]["outcomes"][0]);
  EXPECT_DOUBLE_EQ(get("nash").value, e["nash"]["nash_product"].get<double>());
  const auto& ks = e["kalai_smorodinsky"];
  ExpectSolution(s, get("kalai_smorodinsky"), ks, ks["leximin_choice"]["outcomes"][0]);
  EXPECT_DOUBLE_EQ(get("kalai_smorodinsky").value, ks["min_normalised_gain"].get<double>());
  ExpectSolution(s, get("egalitarian"), e["egalitarian"], e["egalitarian"]["outcomes"][0]);
  EXPECT_DOUBLE_EQ(get("egalitarian").value, e["egalitarian"]["min_gain"].get<double>());
  ExpectSolution(s, get("utilitarian"), e["max_social_welfare"],
                 e["max_social_welfare"]["outcomes"][0]);
  EXPECT_EQ(get("utilitarian").rational, e["max_social_welfare"]["is_rational"].get<bool>());
  EXPECT_DOUBLE_EQ(get("utilitarian").value, e["max_social_welfare"]["welfare"].get<double>());
  ExpectSolution(s, get("utilitarian_rational"), e["max_social_welfare_rational"],
                 e["max_social_welfare_rational"]["outcomes"][0]);
  for (int a = 0; a < s.NumParties(); ++a)
    EXPECT_DOUBLE_EQ(s.ToUtility(r.ideal[a]),
                     e["parties"][a]["ideal_over_rational_outcomes"].get<double>());
  // Zone of agreement.
  ZoneResult z = AnalyseZone(s, {}, ctx);
  EXPECT_TRUE(z.exact);
  EXPECT_EQ(CountToString(z.size), std::to_string(e["n_rational_outcomes"].get<int>()));
}

INSTANTIATE_TEST_SUITE_P(Anac, Reference,
                         ::testing::Values("laptop", "itex_vs_cypress", "england_zimbabwe",
                                           "camera", "politics_3party", "energy"));

// Utilities the naive way: each profile's weights and evaluations as doubles, eval = e / max,
// terms summed in issue order.
std::vector<std::vector<std::vector<double>>> NaiveTerms(const std::string& domain,
                                                         const nlohmann::json& e) {
  std::vector<std::vector<std::vector<double>>> out;
  for (const auto& p : e["parties"]) {
    pugi::xml_document doc;
    doc.load_file((kDir + domain + "/" + p["profile"].get<std::string>()).c_str());
    pugi::xml_node obj = doc.child("utility_space").child("objective");
    std::map<int, double> w;
    for (pugi::xml_node n : obj.children("weight"))
      w[n.attribute("index").as_int()] = n.attribute("value").as_double();
    std::vector<std::vector<double>> party;
    for (pugi::xml_node is : obj.children("issue")) {
      std::vector<double> ev;
      for (pugi::xml_node it : is.children("item"))
        ev.push_back(it.attribute("evaluation").as_double());
      double mx = *std::max_element(ev.begin(), ev.end());
      for (double& x : ev) x = w[is.attribute("index").as_int()] * (x / mx);
      party.push_back(ev);
    }
    out.push_back(party);
  }
  return out;
}

TEST(Genius, EnergyNeedsExactArithmetic) {
  // The frontier from double utilities compared exactly: 211 packages (210 points), not 205
  // (204) -- expected.json's float64_check.
  nlohmann::json e = Expected("energy");
  auto t = NaiveTerms("energy", e);
  const int n = static_cast<int>(t[0].size());
  std::vector<std::pair<double, double>> u;
  std::vector<size_t> p(n, 0);
  while (true) {
    double x = 0, y = 0;
    for (int i = 0; i < n; ++i) {
      x += t[0][i][p[i]];
      y += t[1][i][p[i]];
    }
    u.push_back({x, y});
    int i = n - 1;
    while (i >= 0 && ++p[i] == t[0][i].size()) p[i--] = 0;
    if (i < 0) break;
  }
  std::sort(u.rbegin(), u.rend());
  size_t packages = 0, points = 0;
  double best_y = -1;
  for (size_t k = 0; k < u.size(); ++k) {  // equal pairs are all Pareto or none
    size_t j = k;
    while (j + 1 < u.size() && u[j + 1] == u[k]) ++j;
    if (u[k].second > best_y) packages += j - k + 1, ++points;
    best_y = std::max(best_y, u[k].second);
    k = j;
  }
  EXPECT_EQ(packages, e["float64_check"]["pareto_n_outcomes"].get<size_t>());
  EXPECT_EQ(packages, 211u);
  EXPECT_EQ(points, 210u);
  ParetoResult exact = ParetoFrontier(Load("energy", e).space, {}, RunContext{});
  EXPECT_EQ(CountToString(exact.packages), "205");
  EXPECT_EQ(exact.points, 204u);
}

const char* kDomain = R"(<negotiation_template><utility_space>
<objective index="0" name="d">
  <issue index="1" name="colour" type="discrete"><item index="1" value="red"/><item index="2" value="blue"/></issue>
  <issue index="2" name="days" type="integer" lowerbound="1" upperbound="4"/>
  <issue index="3" name="price" type="real"><range lowerbound="0" upperbound="10"/></issue>
</objective></utility_space></negotiation_template>)";

const char* kProfile = R"(<utility_space>
<objective index="0" name="d">
  <issue index="1" name="colour" type="discrete"><item value="red" evaluation="3"/><item value="blue" evaluation="4"/></issue>
  <issue index="2" name="days" type="integer" lowerbound="1" upperbound="4"><evaluator ftype="linear" slope="0.4" offset="0.1"/></issue>
  <issue index="3" name="price" type="real"><range lowerbound="0" upperbound="10"/><evaluator ftype="linear" parameter0="1.2" parameter1="-0.1"/></issue>
  <weight index="1" value="0.5"/><weight index="2" value="0.3"/><weight index="3" value="0.2"/>
</objective>
<reservation value="0.25"/><discount_factor value="0.9"/>
</utility_space>)";

TEST(Genius, IntegerAndRealIssuesWithLinearEvaluators) {
  GeniusImport g = ReadGeniusXml({"d.xml", kDomain}, {{"a.xml", kProfile}, {"b.xml", kProfile}});
  const AgreementSpace& s = g.space;
  EXPECT_EQ(s.parties[0].id, "a");
  EXPECT_EQ(s.parties[1].id, "b");
  EXPECT_EQ(s.issues[1].values, (std::vector<double>{1, 2, 3, 4}));
  EXPECT_EQ(s.NumOptions(2), 11);  // 0, 1, ..., 10
  // colour: 3/4 and 1; days: clamp(0.1 + 0.4 (v - 1)) = 0.1, 0.5, 0.9, 1; price: clamp(1.2 - 0.1 v)
  EXPECT_EQ(s.Exact(s.util[0][0][0]), (Rational{3, 8}));
  EXPECT_EQ(s.Exact(s.util[0][1][3]), (Rational{3, 10}));  // 0.3 * clamp(1.3) = 0.3
  EXPECT_EQ(s.Exact(s.util[0][1][1]), (Rational{3, 20}));  // 0.3 * 0.5
  EXPECT_EQ(s.Exact(s.util[0][2][0]), (Rational{1, 5}));   // 0.2 * clamp(1.2) = 0.2
  EXPECT_EQ(s.Exact(s.util[0][2][5]), (Rational{7, 50}));  // 0.2 * 0.7
  EXPECT_EQ(s.Exact(s.disagreement[0]), (Rational{1, 4}));
  EXPECT_TRUE(g.profiles[0].has_discount);
  EXPECT_DOUBLE_EQ(g.profiles[0].discount_factor, 0.9);
  EXPECT_DOUBLE_EQ(g.profiles[0].weights_sum, 1.0);
}

std::vector<std::string> Problems(const NamedXml& domain, const std::vector<NamedXml>& profiles) {
  try {
    ReadGeniusXml(domain, profiles);
  } catch (const InvalidInput& e) {
    std::vector<std::string> out;
    for (const Problem& p : e.report().problems()) out.push_back(p.ToString());
    return out;
  }
  return {"no error"};
}

TEST(Genius, MalformedXmlGivesFileLineAndColumn) {
  auto got = Problems({"d.xml", "<negotiation_template>\n<utility_space>\n<objective>\n</utility>"},
                      {{"a.xml", kProfile}, {"b.xml", kProfile}});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], "d.xml:4:3: xml = '': malformed XML: Start-end tags mismatch");
}

TEST(Genius, ReportsEveryProblemInEveryFile) {
  std::string bad = kProfile;
  bad.replace(bad.find("value=\"blue\" evaluation=\"4\""), 27, "value=\"green\" evaluation=\"x\"");
  bad.replace(bad.find("<weight index=\"2\" value=\"0.3\"/>"), 31, "");
  auto got = Problems({"d.xml", kDomain}, {{"a.xml", kProfile}, {"b.xml", bad}});
  EXPECT_EQ(got, (std::vector<std::string>{
                     "b.xml:3:84: value = 'green': not a value of issue 'colour' in the domain",
                     "b.xml:1:1: weight = '2': no <weight index=\"2\"> for issue 'days'"}));
  auto one = Problems({"d.xml", kDomain}, {{"a.xml", kProfile}});
  EXPECT_EQ(one, (std::vector<std::string>{"d.xml: profiles = '1': a deal needs at least two "
                                           "parties: give one profile per party"}));
}

TEST(Genius, MissingEvaluationAndUnreadableFile) {
  std::string bad = kProfile;
  bad.replace(bad.find(" evaluation=\"3\""), 15, "");
  auto got = Problems({"d.xml", kDomain}, {{"a.xml", bad}, {"b.xml", kProfile}});
  EXPECT_EQ(got, (std::vector<std::string>{
                     "a.xml:3:3: evaluation = 'red': no evaluation for value 'red' of issue "
                     "'colour'"}));
  try {
    ReadGeniusFiles("/nonexistent/d.xml", {"/nonexistent/a.xml", "/nonexistent/b.xml"});
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.report().size(), 3u);
    EXPECT_EQ(e.report().problems()[0].ToString(),
              "/nonexistent/d.xml: file = '/nonexistent/d.xml': cannot open the file: No such "
              "file or directory");
  }
}

}  // namespace
}  // namespace entente
