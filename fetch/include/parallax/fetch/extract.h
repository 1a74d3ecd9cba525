// HTML (or plain text) bytes -> article text and metadata. Pure: no I/O, no globals, safe to call
// from several threads; ready to be a fuzz target.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "parallax/core/document.h"
#include "parallax/core/status.h"

namespace parallax::fetch {

struct ExtractOptions {
  uint64_t max_input_bytes = 10ull << 20;  // larger input is refused
  int max_element_depth = 256;             // deeper markup is flattened, never recursed into
};

// Extracts the article from `bytes`. `url` is the page's address ("" when unknown) and gives the
// outlet fallback (host) and URL date hints; `content_type` is the HTTP Content-Type or "" (then
// the bytes are sniffed: HTML when they look like markup, else plain text, whose first line is
// the title). Fills url, canonical_url, outlet, title, author, published, modified, language,
// text and partial; leaves id, source, fetched_at and content_hash to the caller.
// Fails only when nothing article-like can be read (empty, binary, over the size limit).
Result<Document> ExtractArticle(std::string_view bytes, std::string_view url,
                                std::string_view content_type = {},
                                const ExtractOptions& options = {});

}  // namespace parallax::fetch
