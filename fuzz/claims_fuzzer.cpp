// Claim extraction, alignment and comparison (align::AlignDocuments, compare::CompareClusters).
// The input is split at its first NUL byte into the texts of two documents from two outlets,
// both published on a fixed date (so relative dates resolve). Document::text is UTF-8 by contract
// (fetch/ converts every input with ToUtf8), so the bytes go through ToUtf8 as in the pipeline.
// Checked: every claim's span lies inside its document's text, on UTF-8 character boundaries,
// and its text equals that slice;
// every cluster holds at most one claim per document; every finding names known claims and its
// evidence lies inside its document.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "charset.h"
#include "fuzz_check.h"
#include "parallax/align/align.h"
#include "parallax/compare/compare.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t nul = input.find('\0');
  std::vector<parallax::Document> docs(2);
  docs[0].text = parallax::fetch::ToUtf8(input.substr(0, nul), "UTF-8");
  docs[1].text =
      nul == std::string_view::npos ? "" : parallax::fetch::ToUtf8(input.substr(nul + 1), "UTF-8");
  for (int i = 0; i < 2; ++i) {
    docs[i].id = "d" + std::to_string(i + 1);
    docs[i].outlet = i == 0 ? "First Outlet" : "Second Outlet";
    docs[i].url = "https://outlet" + std::to_string(i + 1) + ".example/story";
    docs[i].published = "2025-11-04T10:00:00+00:00";
  }

  auto alignment = parallax::align::AlignDocuments(docs);
  std::set<std::string> ids;
  for (const auto& c : alignment.claims) {
    FUZZ_CHECK(c.document_index < docs.size());
    const auto& doc = docs[c.document_index];
    const std::string& text = c.claim.field == parallax::ClaimField::kTitle ? doc.title : doc.text;
    FUZZ_CHECK(c.claim.span.begin <= c.claim.span.end && c.claim.span.end <= text.size());
    FUZZ_CHECK(c.claim.text == text.substr(c.claim.span.begin, c.claim.span.size()));
    // A span never starts or ends inside a UTF-8 sequence (on a continuation byte).
    auto on_boundary = [&](uint32_t at) {
      return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
    };
    FUZZ_CHECK(on_boundary(c.claim.span.begin) && on_boundary(c.claim.span.end));
    for (const auto& q : c.quantities) FUZZ_CHECK(q.span.end <= text.size());
    for (const auto& d : c.dates) FUZZ_CHECK(d.span.end <= text.size());
    for (const auto& q : c.quotes) FUZZ_CHECK(q.span.end <= text.size());
    ids.insert(c.claim.id);
  }
  FUZZ_CHECK(alignment.cluster_members.size() == alignment.clusters.size());
  for (size_t k = 0; k < alignment.clusters.size(); ++k) {
    // One claim per document, except in an event's own cluster.
    const bool event = alignment.clusters[k].basis == parallax::ClusterBasis::kEvent;
    std::set<size_t> seen_docs;
    for (size_t m : alignment.cluster_members[k]) {
      FUZZ_CHECK(m < alignment.claims.size());
      FUZZ_CHECK(seen_docs.insert(alignment.claims[m].document_index).second || event);
    }
  }

  auto comparison = parallax::compare::CompareClusters(docs, alignment);
  FUZZ_CHECK(comparison.clusters.size() == alignment.clusters.size());
  for (const auto& finding : comparison.findings) {
    for (const auto& id : finding.claim_ids) FUZZ_CHECK(ids.count(id));
    for (const auto& v : finding.values) {
      FUZZ_CHECK(v.claim_id.empty() || ids.count(v.claim_id));
      for (const auto& d : docs) {
        if (d.id == v.document_id) FUZZ_CHECK(v.evidence.end <= d.text.size());
      }
    }
  }
  return 0;
}
