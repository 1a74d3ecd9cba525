// Hand-built reports shared by the reports tests.
#include "report_fixture.h"

#include <catch2/catch.hpp>

namespace parallax::testing {

// Spans are computed from the text so the fixture cannot drift out of step with itself.
Span SpanOf(const std::string& text, const std::string& part) {
  const size_t at = text.find(part);
  REQUIRE(at != std::string::npos);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + part.size())};
}

Claim ClaimOf(const Document& d, std::string id, const std::string& sentence) {
  Claim c;
  c.id = std::move(id);
  c.document_id = d.id;
  c.span = SpanOf(d.text, sentence);
  c.text = sentence;
  return c;
}

// Two outlets: they agree on who opened the bridge and disagree on how long it was closed.
RunReport TwoOutletReport() {
  RunReport r;
  r.run_id = "r20251104";
  r.started_at = "2025-11-04T05:32:00Z";
  r.finished_at = "2025-11-04T05:32:07Z";

  Document a;
  a.id = "d1";
  a.url = "https://planet.example/bridge";
  a.canonical_url = "https://planet.example/news/bridge";
  a.outlet = "Daily Planet";
  a.title = "Bridge reopens after repairs";
  a.author = "Lois Lane";
  a.published = "2025-11-04T05:00:00+01:00";
  a.language = "en";
  a.fetched_at = "2025-11-04T05:32:01Z";
  a.content_hash = "0123456789abcdef";
  a.text =
      "The mayor opened the bridge on Monday.\n\nThe bridge was closed for four hours "
      "after the storm.";

  Document b;
  b.id = "d2";
  b.source = "/tmp/sentinel/article.html";
  b.outlet = "The Sentinel";
  b.title = "Storm closes bridge";
  b.fetched_at = "2025-11-04T05:32:02Z";
  b.content_hash = "fedcba9876543210";
  b.partial = true;
  b.text = "On Monday the mayor opened the bridge. It had been shut for six hours.";

  r.claims = {ClaimOf(a, "c1", "The mayor opened the bridge on Monday."),
              ClaimOf(a, "c2", "The bridge was closed for four hours after the storm."),
              ClaimOf(b, "c3", "On Monday the mayor opened the bridge."),
              ClaimOf(b, "c4", "It had been shut for six hours.")};
  r.clusters = {{"k1", {"c1", "c3"}, Verdict::kAgree}, {"k2", {"c2", "c4"}, Verdict::kConflict}};

  Finding f;
  f.id = "f1";
  f.kind = FindingKind::kQuantity;
  f.cluster_id = "k2";
  f.claim_ids = {"c2", "c4"};
  f.summary = "Outlets disagree on how long the bridge was closed: 4 h vs 6 h.";
  f.values = {{"d1", "c2", "4 h", SpanOf(a.text, "four hours")},
              {"d2", "c4", "6 h", SpanOf(b.text, "six hours")}};
  f.confidence = 0.85;
  f.severity = Severity::kHigh;
  r.findings = {f};
  r.errors = {"https://gone.example/a: HTTP 404"};
  r.documents = {a, b};
  return r;
}

RunReport ThreeOutletReport() {
  RunReport r = TwoOutletReport();
  Document& a = r.documents[0];
  a.text += " An inspection is due in March.";
  r.claims.push_back(ClaimOf(a, "c5", "An inspection is due in March."));

  Document c;
  c.id = "d3";
  c.url = "http://herald.example/2025/bridge?ref=rss&x=1";
  c.outlet = "The Herald";
  c.title = "Mayor reopens storm-hit bridge";
  c.author = "Jimmy Olsen, Perry White";
  c.published = "2025-11-04";
  c.modified = "2025-11-04T09:15:00+01:00";
  c.language = "en";
  c.fetched_at = "2025-11-04T05:32:03Z";
  c.content_hash = "00112233aabbccdd";
  c.text =
      "The mayor opened the bridge on Monday. Engineers will inspect it in April. Repairs cost "
      "2 million euros.";
  r.claims.push_back(ClaimOf(c, "c6", "The mayor opened the bridge on Monday."));
  r.claims.push_back(ClaimOf(c, "c7", "Engineers will inspect it in April."));
  r.claims.push_back(ClaimOf(c, "c8", "Repairs cost 2 million euros."));
  r.clusters[0].claim_ids.push_back("c6");
  r.clusters.push_back({"k3", {"c5", "c7"}, Verdict::kConflict});
  r.clusters.push_back({"k4", {"c8"}, Verdict::kSingle});

  Finding f;
  f.id = "f2";
  f.kind = FindingKind::kTime;
  f.cluster_id = "k3";
  f.claim_ids = {"c5", "c7"};
  f.summary = "Outlets disagree on when the bridge will be inspected: March vs April.";
  f.values = {{"d1", "c5", "--03", SpanOf(a.text, "March")},
              {"d3", "c7", "--04", SpanOf(c.text, "April")}};
  f.confidence = 0.6;
  f.severity = Severity::kMedium;
  r.findings.push_back(f);
  r.documents.push_back(c);

  r.since_last_run.has_previous_run = true;
  r.since_last_run.previous_run_started_at = "2025-11-03T18:00:00Z";
  r.since_last_run.changes = {
      {ChangeStatus::kStillOpen, "3f9a1c2b4d5e6f70", "f1", FindingKind::kQuantity,
       r.findings[0].summary, false},
      {ChangeStatus::kNew, "a1b2c3d4e5f60718", "f2", FindingKind::kTime, f.summary, false},
      {ChangeStatus::kResolved, "0badc0ffee123456", "", FindingKind::kAttribution,
       "Outlets disagree on who closed the bridge: the police vs the council.", true},
  };
  return r;
}

}  // namespace parallax::testing
