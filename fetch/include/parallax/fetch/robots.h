// robots.txt per RFC 9309 (Robots Exclusion Protocol), parsed tolerantly in the manner of
// google/robotstxt. See docs/robots.md for the section-by-section account and the deviations.
//
//   RobotsRules rules = RobotsRules::FromHttpStatus(response.status, response.body);
//   if (rules.IsAllowed(kRobotsProductToken, url)) ...
//
// A RobotsRules is an immutable value: every const method is safe to call from several threads
// at once. Parsing never fails; unrecognised lines are ignored (RFC 9309 §2.2.4).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::fetch {

// The product token Parallax matches user-agent lines against (RFC 9309 §2.2.1). The HTTP
// User-Agent header carries it as its first product ("Parallax/0.1 (+...)").
inline constexpr std::string_view kRobotsProductToken = "Parallax";

// Bytes of a robots.txt that are parsed; content beyond is ignored (RFC 9309 §2.5 requires at
// least 500 KiB). A line cut by the limit is dropped whole rather than parsed in part.
inline constexpr size_t kRobotsMaxBytes = 500 * 1024;

// Characters of one line that are kept; the rest of an over-long line is ignored (as Google's
// parser does: 8 times the longest URL browsers accept).
inline constexpr size_t kRobotsMaxLineBytes = 2083 * 8;

class RobotsRules {
 public:
  // Allows everything (same as AllowAll()).
  RobotsRules() = default;

  // Parses a robots.txt body (bytes as served; UTF-8 expected, BOM skipped). Never fails.
  static RobotsRules Parse(std::string_view robots_txt);
  // For a robots.txt that is "unavailable" (HTTP 4xx): everything allowed (§2.3.1.3).
  static RobotsRules AllowAll();
  // For a robots.txt that is "unreachable" (HTTP 5xx, network error): everything disallowed
  // except /robots.txt itself (§2.3.1.4).
  static RobotsRules DisallowAll();
  // Maps a fetch outcome to rules: 2xx parses `body`; 4xx (and 3xx left after the client gave up
  // following redirects, §2.3.1.2) allows all; anything else (5xx, 0 for a network failure)
  // disallows all.
  static RobotsRules FromHttpStatus(int http_status, std::string_view body);

  // Whether `product_token` may fetch `url_or_path` (an absolute URL, or a path starting with
  // '/', with optional query). `product_token` is compared case-insensitively and as a whole
  // with the token of each user-agent line (so pass "Parallax", not the full User-Agent header).
  // The groups naming the token are merged; if none does, the '*' groups apply; if there is
  // none, everything is allowed. Within the chosen rules the longest matching pattern wins and
  // allow wins a tie (§2.2.2). /robots.txt is always allowed.
  bool IsAllowed(std::string_view product_token, std::string_view url_or_path) const;

  // The Crawl-delay of the group chosen as in IsAllowed, in seconds (non-standard, not in RFC
  // 9309). The largest value when several merged groups give one; nullopt when none does or
  // the value is not a non-negative finite number.
  std::optional<double> CrawlDelaySeconds(std::string_view product_token) const;

  // Sitemap URLs in file order, as written (§2.2.4: not bound to any group).
  const std::vector<std::string>& Sitemaps() const { return sitemaps_; }

  // True when the input was longer than kRobotsMaxBytes and its tail was ignored.
  bool truncated() const { return truncated_; }

  // Percent-encoding normalisation used on both patterns and URL paths before comparison
  // (§2.2.2): octets outside US-ASCII, controls, space and characters RFC 3986 does not allow
  // are percent-encoded; %xx escapes of unreserved characters are decoded; other escapes get
  // upper-case hex. Exposed for tests.
  static std::string NormalizeForMatch(std::string_view path_or_pattern);

 private:
  struct Rule {
    bool allow = false;
    std::string pattern;  // normalised; never empty
  };
  struct Group {
    std::vector<std::string> agents;  // product tokens, as written
    bool global = false;              // has a "user-agent: *" line
    std::vector<Rule> rules;
    std::optional<double> crawl_delay;
  };
  class Builder;

  // The groups that apply to `product_token` (§2.2.1), as indexes into groups_.
  std::vector<size_t> SelectGroups(std::string_view product_token) const;

  std::vector<Group> groups_;
  std::vector<std::string> sitemaps_;
  bool disallow_all_ = false;
  bool truncated_ = false;
};

}  // namespace parallax::fetch
