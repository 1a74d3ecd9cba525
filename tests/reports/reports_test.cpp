#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include "parallax/reports/reports.h"
#include "report_fixture.h"

namespace json = boost::json;
using parallax::reports::RenderJson;
using parallax::reports::RenderMarkdown;
using parallax::reports::SanitizeUtf8;

namespace {

using parallax::testing::TwoOutletReport;

json::object ParseJson(const parallax::RunReport& r) {
  const std::string text = RenderJson(r);
  json::error_code ec;
  json::value v = json::parse(text, ec);
  INFO(text);
  REQUIRE_FALSE(ec);
  REQUIRE(v.is_object());
  return v.get_object();
}

std::string S(const json::value& v) {
  return std::string(v.as_string());
}

}  // namespace

TEST_CASE("the JSON report carries every contract field with its value") {
  const auto r = TwoOutletReport();
  const json::object root = ParseJson(r);

  CHECK(S(root.at("parallax_version")) == "0.1.0");
  const auto& run = root.at("run").as_object();
  CHECK(S(run.at("id")) == "r20251104");
  CHECK(S(run.at("started_at")) == "2025-11-04T05:32:00Z");
  CHECK(S(run.at("finished_at")) == "2025-11-04T05:32:07Z");

  const auto& docs = root.at("documents").as_array();
  REQUIRE(docs.size() == 2);
  const auto& d1 = docs[0].as_object();
  CHECK(S(d1.at("id")) == "d1");
  CHECK(S(d1.at("url")) == "https://planet.example/bridge");
  CHECK(d1.at("source").is_null());
  CHECK(S(d1.at("outlet")) == "Daily Planet");
  CHECK(S(d1.at("title")) == "Bridge reopens after repairs");
  CHECK(S(d1.at("author")) == "Lois Lane");
  CHECK(S(d1.at("published")) == "2025-11-04T05:00:00+01:00");
  CHECK(d1.at("modified").is_null());
  CHECK(S(d1.at("canonical_url")) == "https://planet.example/news/bridge");
  CHECK(S(d1.at("language")) == "en");
  CHECK(S(d1.at("fetched_at")) == "2025-11-04T05:32:01Z");
  CHECK(S(d1.at("content_hash")) == "0123456789abcdef");
  CHECK(d1.at("partial").as_bool() == false);
  CHECK(d1.at("text_length").to_number<uint64_t>() == r.documents[0].text.size());
  CHECK(S(d1.at("text")) == r.documents[0].text);

  // Empty strings are null, never "".
  const auto& d2 = docs[1].as_object();
  CHECK(d2.at("url").is_null());
  CHECK(S(d2.at("source")) == "/tmp/sentinel/article.html");
  CHECK(d2.at("author").is_null());
  CHECK(d2.at("published").is_null());
  CHECK(d2.at("canonical_url").is_null());
  CHECK(d2.at("language").is_null());
  CHECK(d2.at("partial").as_bool() == true);

  const auto& claims = root.at("claims").as_array();
  REQUIRE(claims.size() == 4);
  for (size_t i = 0; i < claims.size(); ++i) {
    const auto& c = claims[i].as_object();
    CHECK(S(c.at("id")) == r.claims[i].id);
    CHECK(S(c.at("document")) == r.claims[i].document_id);
    CHECK(S(c.at("text")) == r.claims[i].text);
    CHECK(c.at("start").to_number<uint32_t>() == r.claims[i].span.begin);
    CHECK(c.at("end").to_number<uint32_t>() == r.claims[i].span.end);
  }
  // Offsets are bytes into the document's text as written in the report.
  const auto& c4 = claims[3].as_object();
  CHECK(S(d2.at("text"))
            .substr(c4.at("start").to_number<size_t>(),
                    c4.at("end").to_number<size_t>() - c4.at("start").to_number<size_t>()) ==
        "It had been shut for six hours.");

  const auto& clusters = root.at("clusters").as_array();
  REQUIRE(clusters.size() == 2);
  CHECK(S(clusters[0].at("id")) == "k1");
  CHECK(clusters[0].at("claims") == json::array{"c1", "c3"});
  CHECK(S(clusters[0].at("verdict")) == "agree");
  CHECK(S(clusters[1].at("verdict")) == "conflict");

  const auto& findings = root.at("findings").as_array();
  REQUIRE(findings.size() == 1);
  const auto& f = findings[0].as_object();
  CHECK(S(f.at("id")) == "f1");
  CHECK(S(f.at("kind")) == "quantity");
  CHECK(S(f.at("cluster")) == "k2");
  CHECK(f.at("claims") == json::array{"c2", "c4"});
  CHECK(S(f.at("summary")) == r.findings[0].summary);
  CHECK(f.at("confidence").to_number<double>() == Approx(0.85));
  CHECK(S(f.at("severity")) == "high");
  const auto& values = f.at("values").as_array();
  REQUIRE(values.size() == 2);
  const auto& v1 = values[0].as_object();
  CHECK(S(v1.at("document")) == "d1");
  CHECK(S(v1.at("outlet")) == "Daily Planet");
  CHECK(S(v1.at("claim")) == "c2");
  CHECK(S(v1.at("value")) == "4 h");
  CHECK(v1.at("start").to_number<uint32_t>() == r.findings[0].values[0].evidence.begin);
  CHECK(v1.at("end").to_number<uint32_t>() == r.findings[0].values[0].evidence.end);
  CHECK(S(values[1].at("outlet")) == "The Sentinel");
  CHECK(S(values[1].at("value")) == "6 h");

  CHECK(root.at("errors") == json::array{"https://gone.example/a: HTTP 404"});
}

TEST_CASE("the JSON report writes confidence as a plain decimal and is indented") {
  const std::string text = RenderJson(TwoOutletReport());
  CHECK(text.find("\"confidence\": 0.85") != std::string::npos);
  CHECK(text.rfind("{\n  \"parallax_version\": \"0.1.0\",\n  \"run\": {\n    \"id\"", 0) == 0);
}

TEST_CASE("an empty run is still a complete JSON report") {
  const json::object root = ParseJson(parallax::RunReport{});
  for (const char* key : {"documents", "claims", "clusters", "findings", "errors"}) {
    INFO(key);
    CHECK(root.at(key).as_array().empty());
  }
  CHECK(root.at("run").as_object().contains("finished_at"));
}

TEST_CASE("SanitizeUtf8 keeps valid text and replaces each ill-formed sequence") {
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(SanitizeUtf8("plain ASCII") == "plain ASCII");
  CHECK(SanitizeUtf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x93\xB0") ==
        "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x93\xB0");
  CHECK(SanitizeUtf8("a\xFF"
                     "b") == "a" + fffd + "b");                          // never valid
  CHECK(SanitizeUtf8("a\xC3") == "a" + fffd);                            // truncated at end
  CHECK(SanitizeUtf8("\xC0\xAF") == fffd + fffd);                        // overlong '/'
  CHECK(SanitizeUtf8("\xED\xA0\x80") == fffd + fffd + fffd);             // surrogate
  CHECK(SanitizeUtf8("\xF4\x90\x80\x80") == fffd + fffd + fffd + fffd);  // above U+10FFFF
  CHECK(SanitizeUtf8("\xE2\x82"
                     "x") == fffd + "x");  // one U+FFFD for a maximal subpart
  CHECK(SanitizeUtf8(std::string("a\0b", 3)) == std::string("a\0b", 3));
}

TEST_CASE("invalid UTF-8 in the input cannot break the JSON output") {
  auto r = TwoOutletReport();
  r.documents[1].title = "Storm \xC3\x28 closes \xFF bridge";
  r.errors.push_back("bad bytes \xE2\x82");
  const json::object root = ParseJson(r);
  CHECK(S(root.at("documents").as_array()[1].at("title")) ==
        "Storm \xEF\xBF\xBD( closes \xEF\xBF\xBD bridge");
  CHECK(S(root.at("errors").as_array()[1]) == "bad bytes \xEF\xBF\xBD");
  // Boost.JSON's own validating parser accepted the whole document above.
}

TEST_CASE("markup and quotes in a title survive as data in the JSON report") {
  auto r = TwoOutletReport();
  const std::string title = "<script>alert(\"x\")</script> \\ 'quoted' \"twice\"\n\tend";
  r.documents[0].title = title;
  const json::object root = ParseJson(r);
  CHECK(S(root.at("documents").as_array()[0].at("title")) == title);
}

TEST_CASE("the Markdown report ranks conflicts before agreements and quotes each side") {
  const std::string md = RenderMarkdown(TwoOutletReport());
  INFO(md);
  const size_t conflicts = md.find("## Conflicts");
  const size_t summary = md.find("Outlets disagree on how long the bridge was closed");
  const size_t agreements = md.find("## Agreements");
  REQUIRE(conflicts != std::string::npos);
  REQUIRE(summary != std::string::npos);
  REQUIRE(agreements != std::string::npos);
  CHECK(conflicts < summary);
  CHECK(summary < agreements);

  CHECK(md.find("**[Daily Planet](https://planet.example/bridge)**") != std::string::npos);
  CHECK(md.find("**The Sentinel**") != std::string::npos);  // no URL, so no link
  CHECK(md.find("> The bridge was closed for **four hours** after the storm.") !=
        std::string::npos);
  CHECK(md.find("> It had been shut for **six hours**.") != std::string::npos);
  CHECK(md.find("2 documents from 2 outlets (1 partial)") != std::string::npos);
  CHECK(md.find("2 shared facts") != std::string::npos);
  CHECK(md.find("1 conflict: quantity 1") != std::string::npos);
  CHECK(md.find("The mayor opened the bridge on Monday.") > agreements);
  CHECK(md.find("## Sources") != std::string::npos);
  CHECK(md.find("HTTP 404") > md.find("## Errors"));
}

TEST_CASE("the Markdown report puts high-severity conflicts first") {
  auto r = TwoOutletReport();
  parallax::Finding low = r.findings[0];
  low.id = "f0";
  low.summary = "A minor wording difference.";
  low.severity = parallax::Severity::kLow;
  low.confidence = 0.99;
  r.findings.insert(r.findings.begin(), low);
  const std::string md = RenderMarkdown(r);
  CHECK(md.find("Outlets disagree on how long") < md.find("A minor wording difference."));
}

TEST_CASE("article text cannot inject HTML or break the Markdown layout") {
  auto r = TwoOutletReport();
  r.documents[0].title = "<script>alert(1)</script> A | B";
  r.documents[1].author = "# Not a heading";
  r.claims[0].text = "<img src=x onerror=alert(1)> opened";
  const std::string md = RenderMarkdown(r);
  INFO(md);
  CHECK(md.find("<script>") == std::string::npos);
  CHECK(md.find("<img") == std::string::npos);
  CHECK(md.find("&lt;script&gt;alert(1)&lt;/script&gt; A \\| B") != std::string::npos);
  CHECK(md.find("\n# Not a heading") == std::string::npos);
  // Every table row still has the header's eight pipes.
  size_t row = md.find("| d1 |");
  REQUIRE(row != std::string::npos);
  const std::string line = md.substr(row, md.find('\n', row) - row);
  size_t pipes = 0;
  for (size_t i = 0; i < line.size(); ++i)
    pipes += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
  CHECK(pipes == 8);
}

TEST_CASE("only http and https addresses become Markdown links") {
  auto r = TwoOutletReport();
  r.documents[0].url = "javascript:alert(1)";
  const std::string md = RenderMarkdown(r);
  CHECK(md.find("](javascript:") == std::string::npos);
  CHECK(md.find("**Daily Planet**") != std::string::npos);
}

TEST_CASE("the HTML report marks each side's value and escapes article text") {
  auto r = TwoOutletReport();
  r.documents[0].title = "<script>alert('x')</script> & \"more\"";
  r.documents[1].url = "javascript:alert(1)";
  const std::string html = parallax::reports::RenderHtml(r);
  INFO(html);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;") !=
        std::string::npos);
  CHECK(html.find("javascript:") == std::string::npos);
  CHECK(html.find("<a href=\"https://planet.example/bridge\"") != std::string::npos);
  CHECK(html.find("<blockquote>The bridge was closed for <mark>four hours</mark> after the "
                  "storm.</blockquote>") != std::string::npos);
  CHECK(html.find("<mark>six hours</mark>") != std::string::npos);
  CHECK(html.find("Outlets disagree on how long") < html.find("id=\"agreements\""));
  CHECK(html.find("HTTP 404") > html.find("id=\"errors\""));
}

TEST_CASE("the extraction JSON is the report's document object") {
  const auto r = TwoOutletReport();
  const std::string text = parallax::reports::RenderExtractionJson(r.documents[1]);
  CHECK(text.back() == '}');
  const json::value doc = json::parse(text);
  const json::value in_report = json::parse(RenderJson(r)).at("documents").at(1);
  CHECK(doc == in_report);
  CHECK(S(doc.at("source")) == "/tmp/sentinel/article.html");
}

TEST_CASE("exclusives list claims with numbers first and are capped") {
  auto r = TwoOutletReport();
  parallax::Document& d = r.documents[0];
  for (int i = 0; i < 25; ++i) {
    const std::string sentence = "Residents were upset about it again.";
    r.claims.push_back({"cx" + std::to_string(i), d.id, {0, 0}, sentence});
    r.clusters.push_back(
        {"kx" + std::to_string(i), {"cx" + std::to_string(i)}, parallax::Verdict::kSingle});
  }
  r.claims.push_back({"cn", d.id, {0, 0}, "Repairs cost 3 million euros."});
  r.clusters.push_back({"kn", {"cn"}, parallax::Verdict::kSingle});
  const std::string md = RenderMarkdown(r);
  const size_t section = md.find("## Exclusives");
  const size_t numbered = md.find("Repairs cost 3 million euros.");
  REQUIRE(numbered != std::string::npos);
  CHECK(numbered > section);
  CHECK(numbered < md.find("Residents were upset", section));
  CHECK(md.find("and 6 more.", section) != std::string::npos);  // 26 exclusives, 20 shown
}

TEST_CASE("the JSON report carries the changes since the last run") {
  const auto r = parallax::testing::ThreeOutletReport();
  const json::object root = ParseJson(r);
  const auto& since = root.at("since_last_run").as_object();
  CHECK(since.at("has_previous_run").as_bool());
  CHECK(S(since.at("previous_run_started_at")) == "2025-11-03T18:00:00Z");
  const auto& changes = since.at("changes").as_array();
  REQUIRE(changes.size() == 3);
  const auto& open = changes[0].as_object();
  CHECK(S(open.at("status")) == "open");
  CHECK(S(open.at("finding_key")) == "3f9a1c2b4d5e6f70");
  CHECK(S(open.at("finding")) == "f1");
  CHECK(S(open.at("kind")) == "quantity");
  CHECK(S(open.at("summary")) == r.findings[0].summary);
  CHECK(open.at("document_changed").as_bool() == false);
  CHECK(S(changes[1].at("status")) == "new");
  const auto& resolved = changes[2].as_object();
  CHECK(S(resolved.at("status")) == "resolved");
  CHECK(resolved.at("finding").is_null());  // no finding in this run
  CHECK(S(resolved.at("kind")) == "attribution");
  CHECK(resolved.at("document_changed").as_bool() == true);

  const json::object first = ParseJson(TwoOutletReport());
  CHECK(first.at("since_last_run") ==
        json::parse(R"({"has_previous_run": false, "previous_run_started_at": null,
                        "changes": []})"));
}

TEST_CASE("the Markdown report lists changes since the last run after the summary") {
  auto r = parallax::testing::ThreeOutletReport();
  const std::string md = RenderMarkdown(r);
  INFO(md);
  const size_t section = md.find("## Since last run");
  REQUIRE(section != std::string::npos);
  CHECK(md.find("## Summary") < section);
  CHECK(section < md.find("## Conflicts"));
  CHECK(md.find("Compared with the run started 2025-11-03T18:00:00Z.") > section);
  const size_t fresh = md.find(
      "**New (1)**\n\n- Outlets disagree on when the bridge will be "
      "inspected: March vs April. *(time)*");
  const size_t open = md.find("**Still open (1)**\n\n- Outlets disagree on how long");
  const size_t resolved = md.find(
      "**Resolved (1)**\n\n- Outlets disagree on who closed the "
      "bridge: the police vs the council. *(attribution; article "
      "changed)*");
  CHECK(fresh < open);
  CHECK(open < resolved);
  CHECK(resolved < md.find("## Conflicts"));

  r.since_last_run.changes.pop_back();
  CHECK(RenderMarkdown(r).find("**Resolved (0)**\n\n- None.") != std::string::npos);
  CHECK(RenderMarkdown(TwoOutletReport()).find("Since last run") == std::string::npos);
}

TEST_CASE("the Markdown summary names the outlets compared") {
  const std::string md = RenderMarkdown(parallax::testing::ThreeOutletReport());
  CHECK(md.find("- 3 documents from 3 outlets (1 partial): "
                "[Daily Planet](https://planet.example/bridge), The Sentinel (partial), "
                "[The Herald](http://herald.example/2025/bridge?ref=rss&x=1).") !=
        std::string::npos);
  CHECK(md.find("2 conflicts: quantity 1, time 1.") != std::string::npos);
}

TEST_CASE("a document without an outlet name is named after its address or folder") {
  auto r = TwoOutletReport();
  r.documents[0].outlet = "";
  r.documents[0].url = "https://www.planet.example:8443/bridge";
  r.documents[1].outlet = "";
  r.documents[1].source = "examples/meeting/evening-star/index.html";
  r.documents[1].canonical_url = "https://star.example/river";
  const std::string md = RenderMarkdown(r);
  INFO(md);
  CHECK(md.find("**[planet.example](https://www.planet.example:8443/bridge)**: 4 h") !=
        std::string::npos);
  // Read from a file: its canonical address names and links it.
  CHECK(md.find("**[star.example](https://star.example/river)**: 6 h") != std::string::npos);
  r.documents[1].canonical_url = "";
  CHECK(RenderMarkdown(r).find("**evening-star**: 6 h") != std::string::npos);
}

TEST_CASE("evidence covering a whole sentence is quoted without emphasis") {
  auto r = TwoOutletReport();
  r.findings[0].values[1].evidence = r.claims[3].span;
  const std::string md = RenderMarkdown(r);
  CHECK(md.find("> It had been shut for six hours.\n") != std::string::npos);
  CHECK(md.find("> The bridge was closed for **four hours** after the storm.") !=
        std::string::npos);
}

TEST_CASE("claims that hold quotation marks are not quoted twice") {
  auto r = TwoOutletReport();
  const std::string said = "\u201CWe reopen today,\u201D the mayor said on Monday.";
  r.documents[0].text = said + " " + r.documents[0].text;
  for (auto& c : r.claims) {
    if (c.document_id == "d1") c.span = parallax::testing::SpanOf(r.documents[0].text, c.text);
  }
  for (auto& v : r.findings[0].values) {
    if (v.document_id == "d1")
      v.evidence = parallax::testing::SpanOf(r.documents[0].text, "four hours");
  }
  r.claims.push_back(parallax::testing::ClaimOf(r.documents[0], "c9", said));
  r.clusters.push_back({"k9", {"c9"}, parallax::Verdict::kSingle});
  const std::string md = RenderMarkdown(r);
  CHECK(md.find(": " + said + "\n") != std::string::npos);
  CHECK(md.find("\u201C\u201C") == std::string::npos);
  CHECK(md.find(": \u201CThe mayor opened the bridge on Monday.\u201D") != std::string::npos);
}

TEST_CASE("a document set aside as another event is named in the summary and the table") {
  parallax::RunReport r = TwoOutletReport();
  r.documents[1].event = 1;
  const std::string md = RenderMarkdown(r);
  CHECK(md.find("1 document set aside as reporting another event") != std::string::npos);
  const size_t row = md.find("| d2 |");
  REQUIRE(row != std::string::npos);
  const std::string line = md.substr(row, md.find('\n', row) - row);
  CHECK(line.substr(line.size() - 5) == "| 1 |");
  r.documents[1].event = 0;
  CHECK(RenderMarkdown(r).find("set aside") == std::string::npos);
}

TEST_CASE("a copy of an earlier document is named as such in the summary") {
  parallax::RunReport r = TwoOutletReport();
  r.documents[1].copy_of = r.documents[0].id;
  const std::string md = RenderMarkdown(r);
  CHECK(md.find("1 document copying an earlier one") != std::string::npos);
  CHECK(md.find("(copy of ") != std::string::npos);
}
