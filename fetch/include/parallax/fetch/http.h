// The HTTP client interface the collector uses. The real client (Boost.Beast coroutines, in
// http_beast.cpp) is the only translation unit that includes Asio/Beast; tests pass fakes.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parallax/core/status.h"

namespace parallax::fetch {

class ProgressSink;

struct HttpOptions {
  std::chrono::milliseconds resolve_timeout{10'000};
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds tls_timeout{10'000};
  std::chrono::milliseconds header_timeout{15'000};
  std::chrono::milliseconds body_timeout{30'000};
  // Per request, all redirects and retries included, counted from the start of its first
  // exchange (time spent queueing behind the concurrency and politeness limits is not counted).
  std::chrono::milliseconds total_timeout{60'000};
  uint64_t max_body_bytes = 10ull << 20;  // after decompression
  uint32_t max_header_bytes = 64u << 10;
  int max_redirects = 5;
  int max_concurrency = 32;  // requests in flight across all hosts
  int max_per_host = 2;      // requests in flight to one host ("host:port")
  // Politeness: the minimum time between the starts of two requests to one host ("host:port"),
  // retries and redirect hops included. 0 disables the gap.
  std::chrono::milliseconds host_delay{1000};
  // A larger delay for some hosts (robots.txt Crawl-delay). Keys are a lower-case host name
  // ("example.org", IPv6 without brackets) or "host:port"; "host:port" wins. The delay used is
  // the larger of this and host_delay. HttpClient::SetHostDelay adds entries later.
  std::map<std::string, std::chrono::milliseconds> host_delay_overrides;
  // The User-Agent header. "" (the default) sends "Parallax/<version> (+<contact_url>)".
  std::string user_agent;
  std::string contact_url = "https://github.com/parallax-news/parallax";
  std::string ca_file;  // extra trust anchors (PEM) added to the system store; "" for none
  // Retries of one URL after HTTP 429, 500, 502, 503, 504 or a failed connect (refused,
  // unreachable, connect timeout). The wait is the Retry-After header when given (seconds or an
  // HTTP-date), else retry_backoff * 2^attempt with random jitter (between half and all of it);
  // either is capped at max_retry_wait, and no retry is made past total_timeout. A Retry-After
  // also holds back every other request to that host for the same time.
  int max_retries = 2;
  std::chrono::milliseconds retry_backoff{500};
  std::chrono::milliseconds max_retry_wait{10'000};
  // Address policy. A URL the user named is fetched wherever it points. A URL that is not
  // user-named (found in a feed or sitemap) and every redirect hop of any URL is resolved, and
  // refused when any address it resolves to is loopback, private, link-local, CGNAT, cloud
  // metadata or unspecified (see ForbiddenAddressKind); the connection then goes to exactly the
  // checked addresses. true disables the check.
  bool allow_private_addresses = false;
  // Told about every URL of every FetchAll call; not owned, must outlive the client; called on
  // the thread that runs FetchAll (see progress.h for thread safety). nullptr for none.
  ProgressSink* progress = nullptr;
};

struct HttpRequest {
  std::string url;
  // true when the user gave this URL (fetched even on a private address); false when it was
  // found in a feed or sitemap.
  bool user_named = true;
  // Validators of a cached copy (conditional GET). When either is non-empty the request carries
  // If-None-Match / If-Modified-Since and a 304 answer is a success (status 304, empty body).
  std::string if_none_match;
  std::string if_modified_since;
  // Return the final response whatever its status (robots.txt reads 4xx and 5xx answers);
  // retries on 429/5xx still happen first. Otherwise a non-2xx status is an error.
  bool any_status = false;
};

struct HttpResponse {
  std::string requested_url;
  std::string final_url;     // after redirects
  int status = 0;            // 2xx, or 304 for a conditional request whose copy is still current
  std::string content_type;  // the Content-Type header as sent, "" when absent
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;           // decoded (chunked/gzip removed), at most max_body_bytes
  std::string etag;           // the ETag header as sent, "" when absent
  std::string last_modified;  // the Last-Modified header as sent, "" when absent
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // Fetches every request (GET), concurrently within the options' limits, and returns one result
  // per request in the same order. A failure of one request (timeout, refused, oversized, too many
  // redirects, forbidden address, non-2xx status other than an expected 304) is that request's
  // error Status, naming its URL; it never stops the others. Blocks until all are done.
  // The default implementation fetches the URLs through the url overload, ignoring validators and
  // user_named (for fakes).
  virtual std::vector<Result<HttpResponse>> FetchAll(const std::vector<HttpRequest>& requests);
  // The same for URLs the user named, without validators.
  virtual std::vector<Result<HttpResponse>> FetchAll(const std::vector<std::string>& urls) = 0;
  // Raises the politeness delay for `host` (a key as in HttpOptions::host_delay_overrides) in
  // later FetchAll calls. Thread-safe. The default does nothing.
  virtual void SetHostDelay(const std::string& host, std::chrono::milliseconds delay);
};

// The real client: HTTP/1.1 over TCP or TLS (system trust store + options.ca_file, peer and host
// name verified, SNI), gzip/deflate decoded, redirects followed (http/https only), keep-alive
// connections reused within one FetchAll call. FetchAll runs its own io_context on the calling
// thread and may be called from several threads at once (each call has its own limits).
std::unique_ptr<HttpClient> NewBeastHttpClient(const HttpOptions& options);

// Why `ip` (a numeric IPv4 or IPv6 address) must not be reached by a redirect or a URL found in
// a feed: "loopback", "private", "link-local", "CGNAT", "cloud metadata", "unspecified",
// "multicast", "broadcast" or "reserved"; nullopt for a public address or text that is not an
// address. IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are judged as their IPv4 address.
std::optional<std::string> ForbiddenAddressKind(const std::string& ip);

}  // namespace parallax::fetch
