// Sources (URLs, files, folders) -> extracted documents. The one entry point app/ calls.
#pragma once

#include <string>
#include <vector>

#include "parallax/core/document.h"
#include "parallax/core/env.h"
#include "parallax/core/page_cache.h"
#include "parallax/core/status.h"
#include "parallax/fetch/extract.h"
#include "parallax/fetch/http.h"
#include "parallax/fetch/warc.h"

namespace parallax::fetch {

struct CollectOptions {
  uint64_t max_file_bytes = 10ull << 20;
  ExtractOptions extract;
  // When non-empty, every HTTP response received in the run (each successful fetch) is written
  // to this .warc.gz (see WarcWriter), which can later be given as a source to replay the run.
  // A failure to write it is one error naming this path, appended after the sources' errors; the
  // documents are unaffected. The file is written even when the run fetched no URL.
  std::string warc_output;
  // The User-Agent the HttpClient sends, recorded in the WARC's reconstructed request records.
  std::string warc_user_agent;
  WarcReaderOptions warc;  // limits for .warc/.warc.gz sources
  // Fetch each origin's /robots.txt first (once per run) and skip the URLs it disallows for
  // the product token "Parallax"; its Crawl-delay raises the client's delay for that host.
  bool obey_robots = true;
  // The address a saved page was fetched from (`parallax extract FILE --url URL`): files are
  // extracted with it (outlet and URL date hints) and documents take it as their url.
  std::string saved_page_url;
  // Previous runs' copies (not owned; may be null): URLs found there are fetched with
  // If-None-Match / If-Modified-Since, and a 304 answer reuses the stored document.
  PageCache* page_cache = nullptr;
  // A URL source that turns out to be an RSS/Atom feed or a news sitemap expands to the
  // articles it lists: at most this many per listing, sitemap indexes followed this deep.
  size_t max_listing_urls = 200;
  int max_sitemap_depth = 2;
};

struct Collected {
  std::vector<Document> documents;  // in the order the sources were given; ids "d1", "d2", ...
  std::vector<Status> errors;       // one per source that failed, naming it
};

// Each source is an http(s) URL (an article, or a feed or news sitemap whose listed articles
// are fetched in turn, with the address policy for URLs not named by the user), a file (HTML
// or plain text), a directory whose files (and
// <subdir>/index.html pages) are each one article, or a WARC file (name ending in .warc or
// .warc.gz). URLs are fetched with `http` in one batch. Sets fetched_at from `clock` and
// content_hash (hex XXH64 of the text).
//
// A WARC source expands, in record order, to one document per response record (HTTP 2xx) and
// per resource record whose content type is HTML, XHTML or plain text (or absent) and whose
// WARC-Target-URI is http(s); other records are skipped silently. Such a document has url = the
// target URI, source = "<path>#<offset>" (the record's offset in the uncompressed stream),
// fetched_at = its WARC-Date (else `clock`), and is extracted like a fetched page with the
// Content-Type of the stored HTTP response (of the record, for resource records). A record whose
// HTTP part is malformed is an error naming "<path>#<offset>" and the file goes on; a framing
// error ends the file (the documents before it are kept); a WARC with no such record is an
// error.
Collected CollectDocuments(const std::vector<std::string>& sources, const CollectOptions& options,
                           HttpClient& http, FileSystem& fs, Clock& clock);

// Hex XXH64 (seed 0) of `data`, 16 lowercase digits.
std::string ContentHash(std::string_view data);

}  // namespace parallax::fetch
