// Sources (URLs, files, folders) -> extracted documents. The one entry point app/ calls.
#pragma once

#include <string>
#include <vector>

#include "parallax/core/document.h"
#include "parallax/core/env.h"
#include "parallax/core/status.h"
#include "parallax/fetch/extract.h"
#include "parallax/fetch/http.h"

namespace parallax::fetch {

struct CollectOptions {
  uint64_t max_file_bytes = 10ull << 20;
  ExtractOptions extract;
};

struct Collected {
  std::vector<Document> documents;  // in the order the sources were given; ids "d1", "d2", ...
  std::vector<Status> errors;       // one per source that failed, naming it
};

// Each source is an http(s) URL, a file (HTML or plain text), or a directory whose files (and
// <subdir>/index.html pages) are each one article. URLs are fetched with `http` in one batch.
// Sets fetched_at from `clock` and content_hash (hex XXH64 of the text).
Collected CollectDocuments(const std::vector<std::string>& sources, const CollectOptions& options,
                           HttpClient& http, FileSystem& fs, Clock& clock);

// Hex XXH64 (seed 0) of `data`, 16 lowercase digits.
std::string ContentHash(std::string_view data);

}  // namespace parallax::fetch
