// How the store identifies documents and findings across runs.
#pragma once

#include <string>
#include <string_view>

#include "parallax/core/document.h"

namespace parallax::store {

// The documents.url_or_source key: the URL, else the source path, else "text:" + the content
// hash (a document with neither address is identified by what it says).
std::string DocumentIdentity(const Document& doc);

// 16 lower-case hex digits of XXH64 (seed 0), the format of Document::content_hash.
std::string HexXxh64(std::string_view bytes);

// The document's content_hash, computed from its text when the report left it empty.
std::string ContentHash(const Document& doc);

}  // namespace parallax::store
