// A document is one outlet's article as the pipeline sees it after extraction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parallax {

// Half-open byte range [begin, end) into a document's extracted `text` (UTF-8).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

struct Document {
  std::string id;      // run-local id, "d1", "d2", ...; stable order = order of sources given
  std::string url;     // the article's address (http/https), or "" when only a file is known
  std::string source;  // local path or WARC record it was read from, or "" when fetched
  std::string canonical_url;
  std::string outlet;                    // publication name; falls back to the host name
  std::string title;                     // headline, without " | Outlet" suffixes
  std::string author;                    // author names joined with ", "; "" when unknown
  std::optional<std::string> published;  // ISO 8601 with offset, or a bare date
  std::optional<std::string> modified;   // ISO 8601 with offset, or a bare date
  std::string language;                  // BCP 47 tag, "" when unknown
  std::string fetched_at;                // ISO 8601 UTC, when the bytes were obtained
  std::string content_hash;              // hex xxHash64 of `text`
  // Article body, UTF-8, paragraphs separated by "\n\n". Claims' spans index into this.
  std::string text;
  bool partial = false;  // teaser, truncated or non-article: no omissions are claimed from it
  // Which event of the run it reports, as align/ found: 0 is the one most documents report;
  // others are look-alikes (an earlier visit, another meeting), compared among themselves only.
  int event = 0;
  // The id of an earlier document of the run whose text this one reproduces (wire copy, a
  // syndicated reprint), or "": a copy is not an independent account.
  std::string copy_of;
  // HTTP validators of the response the document came from ("" when none), for conditional GET
  // on the next run.
  std::string etag;
  std::string last_modified;
};

}  // namespace parallax
