// The HTTP client interface the collector uses. The real client (Boost.Beast coroutines, in
// http_beast.cpp) is the only translation unit that includes Asio/Beast; tests pass fakes.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "parallax/core/status.h"

namespace parallax::fetch {

struct HttpOptions {
  std::chrono::milliseconds resolve_timeout{10'000};
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds tls_timeout{10'000};
  std::chrono::milliseconds header_timeout{15'000};
  std::chrono::milliseconds body_timeout{30'000};
  std::chrono::milliseconds total_timeout{60'000};  // per request, all redirects included
  uint64_t max_body_bytes = 10ull << 20;            // after decompression
  uint32_t max_header_bytes = 64u << 10;
  int max_redirects = 5;
  int max_concurrency = 32;  // requests in flight across all hosts
  int max_per_host = 2;      // requests in flight to one host
  std::string user_agent = "Parallax/0.1 (+https://github.com/parallax-news/parallax)";
  std::string ca_file;  // extra trust anchors (PEM) added to the system store; "" for none
  // Retries of one URL after HTTP 429/503 or a failed connect (refused, unreachable, connect
  // timeout). The wait is the Retry-After seconds when given, else retry_backoff * 2^attempt;
  // either is capped at max_retry_wait, and no retry is made past total_timeout.
  int max_retries = 2;
  std::chrono::milliseconds retry_backoff{500};
  std::chrono::milliseconds max_retry_wait{10'000};
};

struct HttpResponse {
  std::string requested_url;
  std::string final_url;  // after redirects
  int status = 0;
  std::string content_type;  // the Content-Type header as sent, "" when absent
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // decoded (chunked/gzip removed), at most max_body_bytes
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // Fetches every URL (GET), concurrently within the options' limits, and returns one result per
  // URL in the same order. A failure of one URL (timeout, refused, oversized, too many
  // redirects, non-2xx status) is that URL's error Status, naming the URL; it never stops the
  // others. Blocks until all are done.
  virtual std::vector<Result<HttpResponse>> FetchAll(const std::vector<std::string>& urls) = 0;
};

// The real client: HTTP/1.1 over TCP or TLS (system trust store + options.ca_file, peer and host
// name verified, SNI), gzip/deflate decoded, redirects followed (http/https only), keep-alive
// connections reused within one FetchAll call. FetchAll runs its own io_context on the calling
// thread and may be called from several threads at once.
std::unique_ptr<HttpClient> NewBeastHttpClient(const HttpOptions& options);

}  // namespace parallax::fetch
