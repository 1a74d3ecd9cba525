// Reports and queries shared by the store tests.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <string>
#include <utility>

#include "parallax/core/finding.h"

namespace parallax::store::testing {

inline parallax::Document Doc(std::string id, std::string url, std::string outlet,
                              std::string text) {
  parallax::Document d;
  d.id = std::move(id);
  d.url = std::move(url);
  d.outlet = std::move(outlet);
  d.title = "Bridge closed by storm";
  d.fetched_at = "2025-11-04T05:32:01Z";
  d.text = std::move(text);
  d.content_hash = "hash-of-" + d.text.substr(0, 20);
  return d;
}

inline parallax::Claim ClaimIn(const parallax::Document& d, std::string id,
                               const std::string& sentence) {
  const auto at = static_cast<uint32_t>(d.text.find(sentence));
  return {std::move(id), d.id, {at, static_cast<uint32_t>(at + sentence.size())}, sentence};
}

// Two outlets disagreeing on a duration, agreeing on who opened the bridge.
inline parallax::RunReport Report() {
  parallax::RunReport r;
  r.run_id = "run-1";
  r.started_at = "2025-11-04T05:32:00Z";
  r.finished_at = "2025-11-04T05:32:05Z";
  r.documents = {Doc("d1", "https://planet.example/bridge", "Daily Planet",
                     "The mayor opened the bridge. It was closed for four hours."),
                 Doc("d2", "https://sentinel.example/storm", "The Sentinel",
                     "The mayor opened the bridge. It was shut for six hours.")};
  r.claims = {ClaimIn(r.documents[0], "c1", "The mayor opened the bridge."),
              ClaimIn(r.documents[0], "c2", "It was closed for four hours."),
              ClaimIn(r.documents[1], "c3", "The mayor opened the bridge."),
              ClaimIn(r.documents[1], "c4", "It was shut for six hours.")};
  r.clusters = {{"k1", {"c1", "c3"}, parallax::Verdict::kAgree},
                {"k2", {"c2", "c4"}, parallax::Verdict::kConflict}};
  parallax::Finding f;
  f.id = "f1";
  f.kind = parallax::FindingKind::kQuantity;
  f.cluster_id = "k2";
  f.claim_ids = {"c2", "c4"};
  f.summary = "Closed for 4 h or 6 h.";
  f.values = {{"d1", "c2", "4 h", {47, 57}}, {"d2", "c4", "6 h", {45, 54}}};
  f.confidence = 0.8;
  f.severity = parallax::Severity::kHigh;
  r.findings = {f};
  r.errors = {"https://gone.example/x: HTTP 404"};
  return r;
}

inline int64_t Count(SQLite::Database& db, const std::string& sql) {
  return db.execAndGet(sql).getInt64();
}

// A synthetic run of `articles` documents with `claims_per_article` sentences each: article pairs
// (0,1), (2,3), ... disagree on every sentence (one conflict cluster per sentence) and on the
// first two sentences as quantity findings. `tag` goes into every text, so reports with the
// same tag have the same documents and versions and a new tag edits every article.
inline parallax::RunReport BigReport(int articles, int claims_per_article, const std::string& tag) {
  parallax::RunReport r;
  r.run_id = "big-" + tag;
  r.started_at = "2025-11-05T00:00:00Z";
  r.finished_at = "2025-11-05T00:10:00Z";
  int claim_no = 0;
  for (int a = 0; a < articles; ++a) {
    parallax::Document d;
    d.id = "d" + std::to_string(a + 1);
    d.url = "https://outlet" + std::to_string(a % 50) + ".example/story/" + std::to_string(a);
    d.outlet = "Outlet " + std::to_string(a % 50);
    d.title = "Story " + std::to_string(a);
    d.fetched_at = "2025-11-05T00:00:01Z";
    const size_t first_claim = r.claims.size();
    for (int s = 0; s < claims_per_article; ++s) {
      const std::string sentence = "In report " + tag + ", sentence " + std::to_string(s) +
                                   " says " + std::to_string(10 + a % 2) + " people were there.";
      if (!d.text.empty()) d.text += ' ';
      const auto at = static_cast<uint32_t>(d.text.size());
      d.text += sentence;
      r.claims.push_back({"c" + std::to_string(++claim_no),
                          d.id,
                          {at, static_cast<uint32_t>(at + sentence.size())},
                          sentence});
    }
    r.documents.push_back(std::move(d));
    if (a % 2 == 1) {
      for (int s = 0; s < claims_per_article; ++s) {
        const auto& left = r.claims[first_claim - claims_per_article + s];
        const auto& right = r.claims[first_claim + s];
        const std::string k = "k" + std::to_string(r.clusters.size() + 1);
        r.clusters.push_back({k, {left.id, right.id}, parallax::Verdict::kConflict});
        if (s >= 2) continue;
        parallax::Finding f;
        f.id = "f" + std::to_string(r.findings.size() + 1);
        f.cluster_id = k;
        f.claim_ids = {left.id, right.id};
        f.summary = "Sentence " + std::to_string(s) + ": 10 or 11 people.";
        f.values = {{left.document_id, left.id, "10 people", left.span},
                    {right.document_id, right.id, "11 people", right.span}};
        f.confidence = 0.7;
        r.findings.push_back(std::move(f));
      }
    }
  }
  return r;
}

}  // namespace parallax::store::testing
