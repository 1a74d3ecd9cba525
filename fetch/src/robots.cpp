// robots.txt parsing and matching per RFC 9309, modelled on google/robotstxt (robots.cc).
//
// Implemented (section numbers of RFC 9309):
//   §2.1    groups: one or more user-agent lines followed by rules; a user-agent line after a
//           rule (or a crawl-delay) starts a new group; rules before the first user-agent line
//           are ignored; blank lines and other records (sitemap, unknown keys) do not end a
//           group.
//   §2.2.1  user-agent values: the product token is the leading run of [A-Za-z_-] ("FooBot/1.2"
//           and "Foo Bar" give "FooBot" and "Foo"); matched case-insensitively; all groups naming
//           the token are merged; "*" groups apply only when no group names it.
//   §2.2.2  allow/disallow: prefix match of the path (with params and query, without fragment)
//           against the pattern; the longest matching pattern wins; allow wins a tie; an empty
//           pattern is no rule; /robots.txt is always allowed; percent-encoding normalised on
//           both sides (see NormalizeForMatch).
//   §2.2.3  '*' matches any run of characters, '$' at the end of a pattern anchors it; a '$'
//           elsewhere is literal.
//   §2.2.4  sitemap lines collected whatever their position; crawl-delay kept per group.
//   §2.3.1  status mapping in FromHttpStatus (4xx allow all, 5xx/unreachable disallow all).
//   §2.5    only the first kRobotsMaxBytes are parsed.
//
// Tolerated like Google's parser (not in the RFC): a UTF-8 BOM, also a partial one; CR, LF and
// CRLF line ends; keys matched case-insensitively by prefix; "useragent", "user agent" and
// common misspellings of "disallow"; a missing colon when the line is exactly "key value".
//
// Deviations from google/robotstxt, both following RFC 9309 §2.2.2 where Google does not: the
// URL path is normalised as well as the pattern (a raw "ツ" in a URL matches "%E3%83%84"), and
// %xx escapes of unreserved characters are decoded ("%62" matches "b"). Google's "index.html"
// shortcut (allowing "/dir/index.html" also allows "/dir/") is not implemented.
#include "parallax/fetch/robots.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace parallax::fetch {
namespace {

char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsUnreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

// Characters RFC 3986 never allows unencoded in a URI (besides controls and non-ASCII).
bool MustEncode(unsigned char c) {
  if (c <= 0x20 || c >= 0x7F) return true;
  switch (c) {
    case '"':
    case '<':
    case '>':
    case '\\':
    case '^':
    case '`':
    case '{':
    case '|':
    case '}':
      return true;
    default:
      return false;
  }
}

void AppendEscaped(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out.push_back('%');
  out.push_back(kHex[c >> 4]);
  out.push_back(kHex[c & 0xF]);
}

enum class Key { kUnknown, kUserAgent, kAllow, kDisallow, kSitemap, kCrawlDelay };

Key ClassifyKey(std::string_view key) {
  if (StartsWithIgnoreCase(key, "user-agent") || StartsWithIgnoreCase(key, "useragent") ||
      StartsWithIgnoreCase(key, "user agent")) {
    return Key::kUserAgent;
  }
  if (StartsWithIgnoreCase(key, "allow")) return Key::kAllow;
  for (std::string_view d :
       {"disallow", "dissallow", "dissalow", "disalow", "diasllow", "disallaw"}) {
    if (StartsWithIgnoreCase(key, d)) return Key::kDisallow;
  }
  if (StartsWithIgnoreCase(key, "sitemap") || StartsWithIgnoreCase(key, "site-map")) {
    return Key::kSitemap;
  }
  if (EqualsIgnoreCase(key, "crawl-delay") || EqualsIgnoreCase(key, "crawldelay")) {
    return Key::kCrawlDelay;
  }
  return Key::kUnknown;
}

// Splits a comment-free, trimmed line into key and value. A line without ':' is accepted when it
// is exactly two whitespace-separated words (Google's tolerance of a forgotten colon).
bool SplitKeyValue(std::string_view line, std::string_view& key, std::string_view& value) {
  size_t sep = line.find(':');
  size_t value_start;
  if (sep == std::string_view::npos) {
    sep = line.find_first_of(" \t");
    if (sep == std::string_view::npos) return false;
    value_start = line.find_first_not_of(" \t", sep);
    if (line.find_first_of(" \t", value_start) != std::string_view::npos) return false;
  } else {
    value_start = sep + 1;
  }
  key = Trim(line.substr(0, sep));
  value = Trim(line.substr(value_start));
  return !key.empty();
}

// The path, params and query of `url` without the fragment, "/" when there is none; accepts a
// bare path. Same rules as google/robotstxt GetPathParamsQuery.
std::string_view PathParamsQuery(std::string_view url) {
  size_t search_start = 0;
  if (url.size() >= 2 && url[0] == '/' && url[1] == '/') search_start = 2;
  const size_t early_path = url.find_first_of("/?;", search_start);
  size_t protocol_end = url.find("://", search_start);
  if (early_path < protocol_end) protocol_end = std::string_view::npos;
  protocol_end = protocol_end == std::string_view::npos ? search_start : protocol_end + 3;
  const size_t path_start = url.find_first_of("/?;", protocol_end);
  if (path_start == std::string_view::npos) return "/";
  const size_t hash = url.find('#', search_start);
  if (hash < path_start) return "/";
  const size_t path_end = hash == std::string_view::npos ? url.size() : hash;
  return url.substr(path_start, path_end - path_start);
}

// Whether `pattern` (normalised, non-empty) matches a prefix of `path` (normalised), with '*'
// as wildcard and a final '$' as end anchor (§2.2.3). Greedy leftmost placement of each literal
// piece is exact for prefix matching; cost is O(|path| * |pattern|) at worst.
bool PatternMatches(std::string_view path, std::string_view pattern) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  size_t star = pattern.find('*');
  std::string_view first = pattern.substr(0, star);
  if (path.substr(0, first.size()) != first) return false;
  if (star == std::string_view::npos) return !anchored || path.size() == first.size();
  size_t pos = first.size();
  pattern.remove_prefix(star + 1);
  while (true) {
    star = pattern.find('*');
    std::string_view piece = pattern.substr(0, star);
    if (star == std::string_view::npos) {
      // Last piece: anywhere after pos, or at the very end when anchored.
      if (!anchored) return path.find(piece, pos) != std::string_view::npos;
      return path.size() >= pos + piece.size() && path.substr(path.size() - piece.size()) == piece;
    }
    if (!piece.empty()) {
      size_t found = path.find(piece, pos);
      if (found == std::string_view::npos) return false;
      pos = found + piece.size();
    }
    pattern.remove_prefix(star + 1);
  }
}

std::optional<double> ParseDelay(std::string_view value) {
  std::string text(value);
  char* end = nullptr;
  double seconds = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || !std::isfinite(seconds) || seconds < 0) return std::nullopt;
  return seconds;
}

}  // namespace

std::string RobotsRules::NormalizeForMatch(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      const auto decoded = static_cast<unsigned char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      if (IsUnreserved(decoded)) {
        out.push_back(static_cast<char>(decoded));
      } else {
        AppendEscaped(out, decoded);
      }
      i += 2;
    } else if (c == '%' || MustEncode(c)) {
      // A '%' that starts no escape is encoded too, so that a decoded character never forms a
      // new escape with it ("%F%66" -> "%25Ff", not "%Ff"): normalising twice changes nothing.
      AppendEscaped(out, c);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

// Parsing state of §2.1: the group being built and whether a rule line ended its user-agent run.
class RobotsRules::Builder {
 public:
  explicit Builder(RobotsRules& rules) : rules_(rules) {}

  void Line(std::string_view line) {
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    std::string_view key, value;
    if (line.empty() || !SplitKeyValue(line, key, value)) return;
    switch (ClassifyKey(key)) {
      case Key::kUserAgent:
        UserAgent(value);
        break;
      case Key::kAllow:
      case Key::kDisallow:
        if (current_ == nullptr) return;  // rules outside any group are ignored (§2.1)
        seen_rule_ = true;
        if (!value.empty()) {  // an empty pattern matches nothing (§2.2.2)
          current_->rules.push_back(
              Rule{ClassifyKey(key) == Key::kAllow, NormalizeForMatch(value)});
        }
        break;
      case Key::kSitemap:
        if (!value.empty()) rules_.sitemaps_.emplace_back(value);
        break;
      case Key::kCrawlDelay:
        // Like a rule, it ends the group's user-agent run: "User-agent: a / Crawl-delay: 5 /
        // User-agent: b / Crawl-delay: 9" are two groups in practice.
        if (current_ != nullptr) {
          seen_rule_ = true;
          if (auto delay = ParseDelay(value)) current_->crawl_delay = delay;
        }
        break;
      case Key::kUnknown:
        break;
    }
  }

 private:
  void UserAgent(std::string_view value) {
    if (current_ == nullptr || seen_rule_) {
      rules_.groups_.emplace_back();
      current_ = &rules_.groups_.back();
      seen_rule_ = false;
    }
    if (!value.empty() && value[0] == '*' && (value.size() == 1 || IsSpace(value[1]))) {
      current_->global = true;
      return;
    }
    size_t n = 0;
    while (n < value.size() &&
           ((value[n] >= 'a' && value[n] <= 'z') || (value[n] >= 'A' && value[n] <= 'Z') ||
            value[n] == '-' || value[n] == '_')) {
      ++n;
    }
    if (n > 0) current_->agents.emplace_back(value.substr(0, n));
  }

  RobotsRules& rules_;
  Group* current_ = nullptr;  // points into rules_.groups_, stable until the next emplace_back
  bool seen_rule_ = false;
};

RobotsRules RobotsRules::Parse(std::string_view text) {
  RobotsRules rules;
  if (text.size() > kRobotsMaxBytes) {
    rules.truncated_ = true;
    text = text.substr(0, kRobotsMaxBytes);
    // Drop the line the limit cut: a truncated pattern could allow more than written.
    const size_t last_break = text.find_last_of("\r\n");
    text = last_break == std::string_view::npos ? std::string_view() : text.substr(0, last_break);
  }
  // A UTF-8 byte order mark, also a truncated one, is skipped.
  static constexpr std::string_view kBom = "\xEF\xBB\xBF";
  for (size_t i = 0; i < kBom.size() && !text.empty() && text.front() == kBom[i]; ++i) {
    text.remove_prefix(1);
  }
  Builder builder(rules);
  while (!text.empty()) {
    const size_t end = text.find_first_of("\r\n");
    std::string_view line = text.substr(0, end);
    builder.Line(line.substr(0, kRobotsMaxLineBytes));
    if (end == std::string_view::npos) break;
    // CRLF is one line end; a lone CR or LF is one too.
    const size_t next =
        (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? end + 2 : end + 1;
    text.remove_prefix(next);
  }
  return rules;
}

RobotsRules RobotsRules::AllowAll() {
  return RobotsRules();
}

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules rules;
  rules.disallow_all_ = true;
  return rules;
}

RobotsRules RobotsRules::FromHttpStatus(int http_status, std::string_view body) {
  if (http_status >= 200 && http_status < 300) return Parse(body);
  if (http_status >= 300 && http_status < 500) return AllowAll();
  return DisallowAll();
}

std::vector<size_t> RobotsRules::SelectGroups(std::string_view product_token) const {
  std::vector<size_t> specific, global;
  for (size_t i = 0; i < groups_.size(); ++i) {
    const Group& group = groups_[i];
    if (std::any_of(group.agents.begin(), group.agents.end(),
                    [&](const std::string& a) { return EqualsIgnoreCase(a, product_token); })) {
      specific.push_back(i);
    } else if (group.global) {
      global.push_back(i);
    }
  }
  return specific.empty() ? global : specific;
}

bool RobotsRules::IsAllowed(std::string_view product_token, std::string_view url_or_path) const {
  const std::string path = NormalizeForMatch(PathParamsQuery(url_or_path));
  if (path.substr(0, path.find_first_of("?;")) == "/robots.txt") return true;  // §2.2.2
  if (disallow_all_) return false;
  // Longest match per kind; -1 when no rule of that kind matches.
  long longest_allow = -1;
  long longest_disallow = -1;
  for (size_t index : SelectGroups(product_token)) {
    for (const Rule& rule : groups_[index].rules) {
      long& longest = rule.allow ? longest_allow : longest_disallow;
      const auto length = static_cast<long>(rule.pattern.size());
      if (length > longest && PatternMatches(path, rule.pattern)) longest = length;
    }
  }
  return longest_disallow <= longest_allow;  // allow wins a tie (§2.2.2)
}

std::optional<double> RobotsRules::CrawlDelaySeconds(std::string_view product_token) const {
  std::optional<double> delay;
  for (size_t index : SelectGroups(product_token)) {
    const auto& group_delay = groups_[index].crawl_delay;
    if (group_delay && (!delay || *group_delay > *delay)) delay = group_delay;
  }
  return delay;
}

}  // namespace parallax::fetch
