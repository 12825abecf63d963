// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "entente/core/errors.h"
#include "entente/io/scenario_io.h"
#include "entente/server/assets.h"
#include "entente/server/report_html.h"
#include "scenarios/catalog.h"

namespace entente::web {
namespace {

using Json = nlohmann::json;

constexpr const char* kDataOpen = "<script type=\"application/json\" id=\"entente-data\">";

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

Json DataOf(const std::string& html) {
  size_t start = html.find(kDataOpen);
  EXPECT_NE(start, std::string::npos);
  start += std::string(kDataOpen).size();
  size_t end = html.find("</script>", start);
  return Json::parse(html.substr(start, end - start));
}

Scenario Ukraine() { return *LoadBuiltinScenario("ukraine-2025"); }

class ReportHtml : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!HasWebAssets()) GTEST_SKIP() << "built with ENTENTE_WEB=OFF (see WithoutWebThrows)";
  }
};

TEST(ReportHtmlNoWeb, WithoutWebThrowsElseHasScript) {
  ReportInput in;
  in.scenario = WriteScenario(Ukraine(), ScenarioFormat::kJson);
  if (HasWebAssets()) {
    EXPECT_FALSE(ReportScript().empty());
    EXPECT_NE(ReportScript().find("EntenteReport"), std::string_view::npos);
    return;
  }
  try {
    HtmlReport(in);
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_NE(e.report().ToString().find("built without the web front end"), std::string::npos);
  }
}

TEST_F(ReportHtml, IsOneWellFormedPageWithDataScriptAndTables) {
  Scenario s = Ukraine();
  ReportRequest req;
  req.models = {"median", "compromise"};
  req.trace_models = {"eum"};
  req.deals = true;
  req.sweep_draws = 16;
  ReportInput in = BuildReportInput(s, req);
  std::string html = HtmlReport(in);
  EXPECT_EQ(html.rfind("<!doctype html>\n", 0), 0u);
  EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");
  EXPECT_EQ(Count(html, kDataOpen), 1u);
  EXPECT_EQ(Count(html, "<script"), 3u);  // the data, the chart code, the call
  EXPECT_EQ(Count(html, "</script"), 3u);
  EXPECT_EQ(Count(html, "<table>"), Count(html, "</table>"));
  EXPECT_EQ(Count(html, "<section"), Count(html, "</section>"));
  EXPECT_NE(html.find("<title>" + s.title + "</title>"), std::string::npos);
  EXPECT_NE(html.find("id=\"entente-charts\""), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("Created by entente 0.1.0"), std::string::npos);
  EXPECT_NE(html.find(DataOf(html)["run"]["scenario"]["hash"].get<std::string>()),
            std::string::npos);  // the input hash, in the header
  // One forecast row per issue, one column per model; a sweep row per model and issue.
  size_t forecasts = html.find("id=\"forecasts\""), next = html.find("</section>", forecasts);
  ASSERT_NE(forecasts, std::string::npos);
  EXPECT_EQ(Count(html.substr(forecasts, next - forecasts), "<tr>"), s.issues.size() + 1);
  for (const char* id : {"id=\"trace-eum\"", "id=\"deals\"", "id=\"sweep\"", "id=\"inputs\""})
    EXPECT_NE(html.find(id), std::string::npos) << id;
  EXPECT_NE(html.find("Nash"), std::string::npos);
}

TEST_F(ReportHtml, DataRoundTrips) {
  ReportRequest req;
  req.models = {"median"};
  req.trace_models = {"eum"};
  req.sweep_draws = 8;
  ReportInput in = BuildReportInput(Ukraine(), req);
  Json data = DataOf(HtmlReport(in));
  EXPECT_EQ(data["scenario"], Json::parse(in.scenario));
  EXPECT_EQ(data["run"], Json::parse(in.run));
  ASSERT_EQ(data["traces"].size(), 1u);
  EXPECT_EQ(data["traces"][0], Json::parse(in.traces[0]));
  EXPECT_EQ(data["sweep"]["completed"], 8);
  EXPECT_FALSE(data.contains("deals"));
  EXPECT_EQ(data["run"]["models"][0]["model"], "median");
}

TEST_F(ReportHtml, ScriptTagInAStringCannotBreakOut) {
  Scenario s = Ukraine();
  const std::string evil = "</script><script>alert(1)</script><!-- x";
  s.title = evil;
  s.actors[0].name = evil;
  s.issues[0].anchors[0].label = evil;
  ReportInput in = BuildReportInput(s, ReportRequest{{"median"}, {}, false, 0, ""});
  std::string html = HtmlReport(in);
  EXPECT_EQ(Count(html, "</script"), 3u);
  EXPECT_EQ(Count(html, "<!--"), 0u);
  EXPECT_EQ(Count(html, "alert(1)</script>"), 0u);
  EXPECT_NE(html.find("<title>&lt;/script&gt;&lt;script&gt;alert(1)"), std::string::npos);
  Json data = DataOf(html);
  EXPECT_EQ(data["scenario"]["title"], evil);
  EXPECT_EQ(data["run"]["scenario"]["title"], evil);
}

// Every src/href that leaves the file must be one of the scenario's cited sources.
TEST_F(ReportHtml, NoExternalUrlsButSourceLinks) {
  Scenario s = Ukraine();
  std::set<std::string> allowed;
  for (const auto& src : s.sources) allowed.insert(src.url);
  std::string html = HtmlReport(BuildReportInput(s, ReportRequest{{"median"}, {}, false, 4, ""}));
  int links = 0;
  for (const std::string attr : {"src=", "href="}) {
    for (size_t at = html.find(attr); at != std::string::npos; at = html.find(attr, at + 1)) {
      size_t v = at + attr.size();
      char quote = html[v] == '"' || html[v] == '\'' ? html[v] : 0;
      if (quote) ++v;
      size_t end = quote ? html.find(quote, v) : html.find_first_of(" >", v);
      std::string value = html.substr(v, end - v);
      bool external = value.rfind("http://", 0) == 0 || value.rfind("https://", 0) == 0 ||
                      value.rfind("//", 0) == 0;
      if (!external) continue;
      EXPECT_TRUE(allowed.count(value)) << attr << value;
      ++links;
    }
  }
  size_t with_url = 0;
  for (const auto& src : s.sources) with_url += src.url.rfind("http", 0) == 0;
  EXPECT_EQ(links, static_cast<int>(with_url));
  EXPECT_GT(with_url, 0u);  // the test exercises the exception it allows
}

TEST_F(ReportHtml, BadDocumentsListEveryProblem) {
  ReportInput in;
  in.scenario = WriteScenario(Ukraine(), ScenarioFormat::kJson);
  in.run = "{not json";
  in.deals = R"({"kind": "run"})";
  try {
    HtmlReport(in);
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    std::string text = e.report().ToString();
    EXPECT_NE(text.find("run"), std::string::npos);
    EXPECT_NE(text.find("is not valid JSON"), std::string::npos) << text;
    EXPECT_NE(text.find("must be a `deals` document"), std::string::npos) << text;
    EXPECT_EQ(e.report().problems().size(), 2u);
  }
}

TEST_F(ReportHtml, BuildReportInputRejectsAModelWithoutTrace) {
  EXPECT_THROW(BuildReportInput(Ukraine(), ReportRequest{{"median"}, {"median"}, false, 0, ""}),
               InvalidInput);
  EXPECT_THROW(BuildReportInput(Ukraine(), ReportRequest{{"nosuchmodel"}, {}, false, 0, ""}),
               InvalidInput);
}

}  // namespace
}  // namespace entente::web
