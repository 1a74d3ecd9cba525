// The web side of collection: robots.txt per origin, and feeds and sitemaps expanded into the
// article URLs they list. Used by collect.cpp; no Asio/Beast here (HttpClient only).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "parallax/core/status.h"
#include "parallax/fetch/http.h"
#include "parallax/fetch/robots.h"

namespace parallax::fetch::detail {

// robots.txt (RFC 9309), fetched once per origin (scheme://host:port) and cached for the life
// of the gate (one run): 2xx is parsed, 4xx allows all (§2.3.1.3), 5xx or unreachable
// disallows all for the run (§2.3.1.4). A Crawl-delay larger than the client's delay raises it
// for that host. Not thread-safe.
class RobotsGate {
 public:
  explicit RobotsGate(HttpClient& http) : http_(http) {}
  // For each request: OK, or an error naming its URL when robots.txt disallows it.
  std::vector<Status> Check(const std::vector<HttpRequest>& requests);
  // scheme://host[:port] of an http(s) URL, "" when it is not one.
  static std::string OriginOf(const std::string& url);

 private:
  HttpClient& http_;
  std::map<std::string, RobotsRules> rules_;  // by origin
};

// When `response` is an RSS/Atom feed or a news sitemap, the article URLs it lists (sitemap
// indexes are followed, at most `max_depth` levels, fetching child sitemaps with `http`), at
// most `max_urls` of them; `is_listing` says whether it was one. Errors of child sitemaps go
// to `errors`.
struct Listing {
  bool is_listing = false;
  std::vector<std::string> urls;
};
Listing ExpandListing(const HttpResponse& response, HttpClient& http, size_t max_urls,
                      int max_depth, std::vector<Status>& errors);

}  // namespace parallax::fetch::detail
