#include "collect_web.h"

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <chrono>
#include <cmath>
#include <set>

#include "parallax/fetch/feeds.h"

namespace parallax::fetch::detail {

std::string RobotsGate::OriginOf(const std::string& url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return "";
  const std::string scheme(parsed->scheme());
  if (scheme != "http" && scheme != "https") return "";
  std::string origin = scheme + "://" + std::string(parsed->encoded_host());
  if (parsed->has_port()) origin += ":" + std::string(parsed->port());
  return origin;
}

std::vector<Status> RobotsGate::Check(const std::vector<HttpRequest>& requests) {
  // Fetch the robots.txt of every origin not seen yet, in one batch.
  std::vector<std::string> missing;
  for (const HttpRequest& r : requests) {
    const std::string origin = OriginOf(r.url);
    if (origin.empty() || rules_.count(origin)) continue;
    if (std::find(missing.begin(), missing.end(), origin) == missing.end()) {
      missing.push_back(origin);
    }
  }
  if (!missing.empty()) {
    std::vector<HttpRequest> robots_requests;
    for (const std::string& origin : missing) {
      HttpRequest r;
      r.url = origin + "/robots.txt";
      r.any_status = true;
      robots_requests.push_back(std::move(r));
    }
    const auto responses = http_.FetchAll(robots_requests);
    for (size_t i = 0; i < missing.size(); ++i) {
      const auto& response = responses[i];
      RobotsRules rules = response.ok()
                              ? RobotsRules::FromHttpStatus(response->status, response->body)
                              : RobotsRules::DisallowAll();  // unreachable: §2.3.1.4
      if (const auto delay = rules.CrawlDelaySeconds(kRobotsProductToken)) {
        auto parsed = boost::urls::parse_uri(missing[i]);
        if (parsed) {
          std::string host(parsed->encoded_host());
          if (parsed->has_port()) host += ":" + std::string(parsed->port());
          // At most a minute between requests, whatever the file asks.
          const double seconds = std::min(*delay, 60.0);
          http_.SetHostDelay(host, std::chrono::milliseconds(std::lround(seconds * 1000)));
        }
      }
      rules_.emplace(missing[i], std::move(rules));
    }
  }
  std::vector<Status> out;
  out.reserve(requests.size());
  for (const HttpRequest& r : requests) {
    const auto it = rules_.find(OriginOf(r.url));
    if (it != rules_.end() && !it->second.IsAllowed(kRobotsProductToken, r.url)) {
      out.push_back(Status::Error(r.url, "disallowed by the site's robots.txt"));
    } else {
      out.push_back(Status::Ok());
    }
  }
  return out;
}

Listing ExpandListing(const HttpResponse& response, HttpClient& http, size_t max_urls,
                      int max_depth, std::vector<Status>& errors) {
  Listing out;
  const std::string& base =
      response.final_url.empty() ? response.requested_url : response.final_url;
  std::set<std::string> seen;
  auto add = [&](const std::string& url) {
    if (out.urls.size() < max_urls && !url.empty() && seen.insert(url).second) {
      out.urls.push_back(url);
    }
  };
  if (LooksLikeFeed(response.body)) {
    out.is_listing = true;
    auto feed = ParseFeed(response.body, base);
    if (!feed.ok()) {
      errors.push_back(feed.status());
      return out;
    }
    for (const FeedEntry& e : feed->entries) add(e.url);
    return out;
  }
  if (!LooksLikeSitemap(response.body)) return out;
  out.is_listing = true;
  std::vector<std::pair<std::string, std::string>> pending = {{base, response.body}};
  for (int depth = 0; !pending.empty() && out.urls.size() < max_urls; ++depth) {
    std::vector<HttpRequest> children;
    for (const auto& [url, body] : pending) {
      auto sitemap = ParseSitemap(body, url);
      if (!sitemap.ok()) {
        errors.push_back(sitemap.status());
        continue;
      }
      for (const SitemapUrl& u : sitemap->urls) add(u.loc);
      if (depth < max_depth) {
        for (const std::string& child : sitemap->sitemaps) {
          HttpRequest r;
          r.url = child;
          r.user_named = false;  // found in a sitemap: the address policy applies
          children.push_back(std::move(r));
        }
      }
    }
    pending.clear();
    if (children.empty()) break;
    const auto responses = http.FetchAll(children);
    for (size_t i = 0; i < children.size(); ++i) {
      if (!responses[i].ok()) {
        errors.push_back(responses[i].status());
      } else {
        pending.push_back({children[i].url, responses[i]->body});
      }
    }
  }
  return out;
}

}  // namespace parallax::fetch::detail
