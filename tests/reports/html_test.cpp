// The HTML report: self-contained, every piece of article text escaped, and the sections a
// reader needs (summary, matrix, since last run, conflicts side by side, outlet cards).
#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "parallax/reports/reports.h"
#include "report_fixture.h"

using parallax::reports::RenderHtml;
using parallax::testing::ThreeOutletReport;

namespace {

const std::string kScript = "<script>alert(1)</script>";
const std::string kBreakout = "\" onmouseover=\"x";
const std::string kSingleBreakout = "' onfocus='y";

// The HTML between the first `open` after `from` and the following `close`.
std::string Between(const std::string& html, const std::string& open, const std::string& close,
                    size_t from = 0) {
  const size_t b = html.find(open, from);
  REQUIRE(b != std::string::npos);
  const size_t e = html.find(close, b + open.size());
  REQUIRE(e != std::string::npos);
  return html.substr(b, e - b);
}

size_t Occurrences(const std::string& html, const std::string& part) {
  size_t n = 0;
  for (size_t at = html.find(part); at != std::string::npos; at = html.find(part, at + 1)) ++n;
  return n;
}

// A report where every string that reaches the page holds markup or quote characters.
parallax::RunReport HostileReport() {
  auto r = ThreeOutletReport();
  const std::string evil = kScript + kBreakout + kSingleBreakout;
  r.run_id += evil;
  for (auto& d : r.documents) {
    d.title += evil;
    d.outlet += evil;
    d.author += evil;
    d.published = d.published.value_or("") + evil;
    d.source = d.source.empty() ? "" : d.source + evil;
  }
  r.documents[0].url += "?q=" + evil;
  r.documents[1].url = "javascript:alert(1)";
  for (auto& c : r.claims) c.text += evil;  // spans no longer match: quotes fall back to text
  for (auto& f : r.findings) {
    f.summary += evil;
    f.id += evil;
    for (auto& v : f.values) v.value += evil;
  }
  for (auto& ch : r.since_last_run.changes) {
    ch.summary += evil;
    ch.finding_id = ch.finding_id.empty() ? "" : ch.finding_id + evil;
  }
  r.since_last_run.previous_run_started_at += evil;
  r.errors.push_back(evil);
  return r;
}

}  // namespace

TEST_CASE("markup and quote characters in article text and metadata stay text in the HTML") {
  const std::string html = RenderHtml(HostileReport());
  INFO(html);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find(kBreakout) == std::string::npos);
  CHECK(html.find(kSingleBreakout) == std::string::npos);
  CHECK(html.find("javascript:") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x&#39; "
                  "onfocus=&#39;y") != std::string::npos);

  // Every tag the page holds is a plain name followed by name="value" attributes: no input
  // could end an attribute early or add one. Only the renderer's own tags and attributes occur.
  const std::regex tag(R"(<(/?)([a-zA-Z0-9]+)([^>]*)>)");
  const std::regex attributes(R"(^(\s+[a-zA-Z:-]+="[^"<>]*")*\s*/?$)");
  const std::regex attribute(R"(([a-zA-Z:-]+)=")");
  const std::set<std::string> allowed_tags = {
      "html", "head", "meta",   "title", "style", "body",  "header", "nav",        "main",
      "h1",   "h2",   "h3",     "p",     "a",     "ul",    "li",     "span",       "section",
      "div",  "b",    "strong", "small", "mark",  "table", "thead",  "tbody",      "tr",
      "th",   "td",   "svg",    "text",  "rect",  "time",  "br",     "blockquote", "article"};
  size_t tags = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator();
       ++it) {
    ++tags;
    const std::string name = (*it)[2];
    const std::string attrs = (*it)[3];
    INFO(it->str());
    CHECK(allowed_tags.count(name) == 1);
    CHECK(std::regex_match(attrs, attributes));
    for (auto a = std::sregex_iterator(attrs.begin(), attrs.end(), attribute);
         a != std::sregex_iterator(); ++a) {
      CHECK((*a)[1].str().rfind("on", 0) != 0);
    }
  }
  CHECK(tags > 100);
  // The escaped https URL is still linked; the javascript: one is not.
  CHECK(html.find("<a href=\"https://planet.example/bridge?q=&lt;script&gt;") != std::string::npos);
}

TEST_CASE("the HTML report is self-contained under a strict Content-Security-Policy") {
  const std::string html = RenderHtml(ThreeOutletReport());
  CHECK(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'unsafe-inline'; img-src data:;") != std::string::npos);
  CHECK(html.find("<meta charset=\"utf-8\">") < html.find("<title>"));
  for (const char* loads :
       {"<script", "<link", "<img", "<iframe", "<object", "src=", "url(", "@import", "<form"}) {
    INFO(loads);
    CHECK(html.find(loads) == std::string::npos);
  }
  // Links go to the articles (http or https) or to anchors on the page.
  const std::regex href("href=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator();
       ++it) {
    const std::string target = (*it)[1];
    INFO(target);
    CHECK((target.rfind("#", 0) == 0 || target.rfind("https://", 0) == 0 ||
           target.rfind("http://", 0) == 0));
  }
}

TEST_CASE("the HTML summary counts outlets, shared facts and conflicts by kind") {
  const std::string html = RenderHtml(ThreeOutletReport());
  const std::string summary = Between(html, "id=\"summary\"", "id=\"matrix\"");
  INFO(summary);
  CHECK(summary.find("<b>3</b><span>outlets, 1 partial</span>") != std::string::npos);
  CHECK(summary.find("<b>3</b><span>shared facts: 1 agree, 2 conflict</span>") !=
        std::string::npos);
  CHECK(summary.find("<b>2</b><span>conflicts</span>") != std::string::npos);
  CHECK(summary.find("<b>1</b><span>new since last run</span>") != std::string::npos);
  CHECK(summary.find("aria-label=\"Conflicts by kind: quantity 1, time 1\"") != std::string::npos);
  CHECK(Occurrences(Between(summary, "<svg", "</svg>"), "<rect") == 2);
}

TEST_CASE("the matrix shows each shared fact by outlet, conflicts first, with symbols") {
  auto r = ThreeOutletReport();
  const std::string html = RenderHtml(r);
  const std::string matrix = Between(html, "<table class=\"matrix\">", "</table>");
  INFO(matrix);
  CHECK(matrix.find("states it") == std::string::npos);  // the legend is outside the table
  CHECK(html.find("\u2713</span> states it, no conflict</span>") < html.find("<table"));

  // Columns: one per document, in report order.
  const std::string head = Between(matrix, "<thead>", "</thead>");
  CHECK(head.find("Daily Planet") < head.find("The Sentinel"));
  CHECK(head.find("The Sentinel <span class=\"badge partial\">partial</span>") !=
        std::string::npos);
  CHECK(head.find("The Sentinel") < head.find("The Herald"));

  // Rows: f1 (high) then f2 (medium), then the agreement.
  const std::string f1 = Between(matrix, "<tr class=\"conflict\">", "</tr>");
  CHECK(f1.find("href=\"#f1\"") != std::string::npos);
  CHECK(f1.find("<td class=\"cell bad\" title=\"conflicts\">\u2717<small>4 h</small></td>"
                "<td class=\"cell bad\" title=\"conflicts\">\u2717<small>6 h</small></td>"
                "<td class=\"cell none\" title=\"not reported\">\u2013</td>") != std::string::npos);
  const size_t second = matrix.find("<tr class=\"conflict\">", matrix.find(f1) + f1.size());
  const std::string f2 = Between(matrix, "<tr class=\"conflict\">", "</tr>", second);
  CHECK(f2.find("href=\"#f2\"") != std::string::npos);
  CHECK(f2.find("\u2717<small>--03</small></td><td class=\"cell none\"") != std::string::npos);
  const std::string agree = Between(matrix, "<tr><th scope=\"row\">", "</tr>");
  CHECK(agree.find("The mayor opened the bridge on Monday.") != std::string::npos);
  CHECK(Occurrences(agree, "<td class=\"cell ok\" title=\"agrees\">\u2713</td>") == 3);
  CHECK(matrix.find(f1) < matrix.find(f2));
  CHECK(matrix.find(f2) < matrix.find(agree));
  // The exclusive (k4, one outlet) is not a shared fact.
  CHECK(matrix.find("Repairs cost") == std::string::npos);
}

TEST_CASE("an omission marks the outlet that leaves the fact out, the others agree") {
  auto r = ThreeOutletReport();
  r.clusters[0].verdict = parallax::Verdict::kConflict;
  r.clusters[0].claim_ids = {"c1", "c6"};  // d1 and d3 report the opening, d2 does not
  r.findings.push_back({"f3",
                        parallax::FindingKind::kOmission,
                        "k1",
                        {"c1", "c6"},
                        "The Sentinel does not report what 2 other outlets do.",
                        {{"d1", "c1", "reports it", r.claims[0].span},
                         {"d3", "c6", "reports it", r.claims[5].span},
                         {"d2", "", "does not report it", {}}},
                        0.5,
                        parallax::Severity::kLow});
  const std::string html = RenderHtml(r);
  const std::string row = Between(html, "href=\"#f3\"", "</tr>");
  INFO(row);
  CHECK(row.find("<td class=\"cell ok\" title=\"agrees\">\u2713</td>"
                 "<td class=\"cell bad\" title=\"leaves it out\">\u2013<small>leaves it "
                 "out</small></td><td class=\"cell ok\"") != std::string::npos);
  // The whole sentence is the evidence: it is quoted, not marked from end to end.
  const std::string finding = Between(html, "id=\"f3\"", "</article>");
  CHECK(finding.find("<blockquote>The mayor opened the bridge on Monday.</blockquote>") !=
        std::string::npos);
}

TEST_CASE("the matrix is capped but always keeps every conflict") {
  auto r = ThreeOutletReport();
  for (int i = 0; i < 50; ++i) {
    const std::string n = std::to_string(i);
    r.clusters.push_back({"ka" + n, {"c1", "c3"}, parallax::Verdict::kAgree});
  }
  const std::string html = RenderHtml(r);
  const std::string matrix = Between(html, "<tbody>", "</tbody>");
  CHECK(Occurrences(matrix, "<tr") == 40);
  CHECK(Occurrences(matrix, "<tr class=\"conflict\">") == 2);
  // 51 agreements, 38 shown.
  CHECK(html.find("13 more agreements not shown") != std::string::npos);
}

TEST_CASE("each conflict shows the outlets' sentences side by side with the value marked") {
  const std::string html = RenderHtml(ThreeOutletReport());
  const std::string f2 =
      Between(html, "<article class=\"finding medium\" id=\"f2\">", "</article>");
  INFO(f2);
  CHECK(f2.find("Outlets disagree on when the bridge will be inspected") != std::string::npos);
  CHECK(f2.find("<span class=\"badge sev-medium\">medium severity</span> time, confidence 60%") !=
        std::string::npos);
  CHECK(f2.find("<div class=\"sides\">") != std::string::npos);
  CHECK(f2.find("<a href=\"https://planet.example/bridge\" rel=\"noopener noreferrer\">Daily "
                "Planet</a></span><span class=\"val\">--03</span>") != std::string::npos);
  CHECK(f2.find("<blockquote>An inspection is due in <mark>March</mark>.</blockquote>") !=
        std::string::npos);
  CHECK(f2.find("<blockquote>Engineers will inspect it in <mark>April</mark>.</blockquote>") !=
        std::string::npos);
  // High severity before medium.
  CHECK(html.find("id=\"f1\"") < html.find("id=\"f2\""));
}

TEST_CASE("outlet cards show title, date, author, link and the partial flag") {
  const std::string html = RenderHtml(ThreeOutletReport());
  const std::string d1 = Between(html, "id=\"doc-d1\"", "</div>");
  CHECK(d1.find("<a href=\"https://planet.example/bridge\" rel=\"noopener noreferrer\">Bridge "
                "reopens after repairs</a>") != std::string::npos);
  CHECK(d1.find("Published <time datetime=\"2025-11-04T05:00:00+01:00\">2025-11-04 05:00 "
                "+01:00</time>") != std::string::npos);
  CHECK(d1.find("By Lois Lane") != std::string::npos);
  CHECK(d1.find("partial") == std::string::npos);

  const std::string d2 = Between(html, "id=\"doc-d2\"", "</div>");
  CHECK(d2.find("<h3>The Sentinel <span class=\"badge partial\">partial</span></h3>") !=
        std::string::npos);
  CHECK(d2.find("<a ") == std::string::npos);  // read from a file, no address
  CHECK(d2.find("Read from file /tmp/sentinel/article.html") != std::string::npos);
  CHECK(d2.find("Publication date unknown") != std::string::npos);
  CHECK(d2.find("Author unknown") != std::string::npos);

  const std::string d3 = Between(html, "id=\"doc-d3\"", "</div>");
  CHECK(d3.find("href=\"http://herald.example/2025/bridge?ref=rss&amp;x=1\"") != std::string::npos);
  CHECK(d3.find("<time datetime=\"2025-11-04\">2025-11-04</time>, updated <time "
                "datetime=\"2025-11-04T09:15:00+01:00\">") != std::string::npos);
  CHECK(d3.find("By Jimmy Olsen, Perry White") != std::string::npos);
}

TEST_CASE("the since-last-run section lists new, still open and resolved conflicts") {
  auto r = ThreeOutletReport();
  const std::string html = RenderHtml(r);
  const std::string section = Between(html, "id=\"changes\"", "</section>");
  INFO(section);
  CHECK(section.find("the run of <time datetime=\"2025-11-03T18:00:00Z\">2025-11-03 18:00 "
                     "UTC</time>") != std::string::npos);
  const size_t fresh = section.find("<span class=\"st st-new\">New</span><span><a href=\"#f2\">");
  const size_t open =
      section.find("<span class=\"st st-open\">Still open</span><span><a href=\"#f1\">");
  const size_t resolved = section.find(
      "<span class=\"st st-resolved\">Resolved</span><span>Outlets disagree on who closed");
  CHECK(fresh < open);
  CHECK(open < resolved);
  REQUIRE(resolved != std::string::npos);
  CHECK(section.find("attribution; an article it cited was changed", resolved) !=
        std::string::npos);
  CHECK(html.find("href=\"#changes\"") != std::string::npos);

  r.since_last_run.changes[2].document_changed = false;
  CHECK(RenderHtml(r).find("no longer found in unchanged articles") != std::string::npos);

  r.since_last_run = {};
  const std::string first_run = RenderHtml(r);
  CHECK(first_run.find("id=\"changes\"") == std::string::npos);
  CHECK(first_run.find("Since last run") == std::string::npos);
}

TEST_CASE("an empty run renders every HTML section with a short note") {
  const std::string html = RenderHtml(parallax::RunReport{});
  CHECK(html.find("No fact is reported by more than one outlet.") != std::string::npos);
  CHECK(html.find("No conflicts found.") != std::string::npos);
  CHECK(html.find("No documents.") != std::string::npos);
  CHECK(html.find("<svg") == std::string::npos);
  CHECK(html.rfind("</html>\n") == html.size() - 8);
}
