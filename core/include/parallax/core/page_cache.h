// What a previous run kept of a page, so the next run can ask the server "has it changed?"
// (conditional GET with If-None-Match / If-Modified-Since) and reuse the stored document when
// the answer is 304 Not Modified. store/ implements it; fetch/ uses it; app/ passes one in.
#pragma once

#include <optional>
#include <string>

#include "parallax/core/document.h"

namespace parallax {

class PageCache {
 public:
  virtual ~PageCache() = default;
  // The latest stored document for `url` (with its etag / last_modified), if any.
  // Implementations must be safe to call from the thread that runs the collection.
  virtual std::optional<Document> LookupLatest(const std::string& url) = 0;
};

}  // namespace parallax
