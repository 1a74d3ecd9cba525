// How the store identifies documents and findings across runs.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "parallax/core/finding.h"

namespace parallax::store {

// The documents.url_or_source key: the URL, else the source path, else "text:" + the content
// hash (a document with neither address is identified by what it says).
std::string DocumentIdentity(const Document& doc);

// 16 lower-case hex digits of XXH64 (seed 0), the format of Document::content_hash.
std::string HexXxh64(std::string_view bytes);

// The document's content_hash, computed from its text when the report left it empty.
std::string ContentHash(const Document& doc);

// Document::id -> the document, pointing into the report (which must outlive the index).
using DocumentIndex = std::unordered_map<std::string_view, const Document*>;
DocumentIndex IndexDocuments(const RunReport& report);

// store::FindingKey with the report's documents indexed once (for reports with many findings).
std::string FindingKey(const Finding& finding, const DocumentIndex& docs);

}  // namespace parallax::store
