// robots.txt rules, one test per rule of RFC 9309 (section cited in each name).
#include <string>

#include <catch2/catch.hpp>

#include "parallax/fetch/robots.h"

using parallax::fetch::kRobotsMaxBytes;
using parallax::fetch::kRobotsProductToken;
using parallax::fetch::RobotsRules;

TEST_CASE("§2.1: rules before the first user-agent line belong to no group", "[robots]") {
  const auto rules = RobotsRules::Parse("Disallow: /private/\n\nUser-agent: *\nDisallow: /tmp/\n");
  CHECK(rules.IsAllowed("Parallax", "/private/a"));
  CHECK_FALSE(rules.IsAllowed("Parallax", "/tmp/a"));
}

TEST_CASE("§2.1: consecutive user-agent lines share one group, blank lines included", "[robots]") {
  const auto rules = RobotsRules::Parse(
      "User-agent: OtherBot\n\nUser-agent: Parallax\nDisallow: /drafts/\n"
      "User-agent: *\nDisallow: /\n");
  CHECK_FALSE(rules.IsAllowed("Parallax", "/drafts/x"));
  CHECK_FALSE(rules.IsAllowed("OtherBot", "/drafts/x"));
  CHECK(rules.IsAllowed("OtherBot", "/news/x"));
  CHECK_FALSE(rules.IsAllowed("ThirdBot", "/news/x"));
}

TEST_CASE("§2.1: a user-agent line after a rule starts a new group", "[robots]") {
  const auto rules = RobotsRules::Parse(
      "User-agent: Parallax\nDisallow: /a/\nUser-agent: OtherBot\nDisallow: /b/\n");
  CHECK_FALSE(rules.IsAllowed("Parallax", "/a/1"));
  CHECK(rules.IsAllowed("Parallax", "/b/1"));
  CHECK(rules.IsAllowed("OtherBot", "/a/1"));
  CHECK_FALSE(rules.IsAllowed("OtherBot", "/b/1"));
}

TEST_CASE("§2.2.1: the product token is matched case-insensitively", "[robots]") {
  const auto rules = RobotsRules::Parse("User-agent: PARALLAX\nDisallow: /x\n");
  CHECK_FALSE(rules.IsAllowed("parallax", "/x"));
  CHECK_FALSE(rules.IsAllowed(kRobotsProductToken, "/x"));
}

TEST_CASE("§2.2.1: a user-agent value is reduced to its product token", "[robots]") {
  const auto rules = RobotsRules::Parse(
      "User-agent: Parallax/0.1 (+https://example.org)\n"
      "Disallow: /x\n");
  CHECK_FALSE(rules.IsAllowed("Parallax", "/x"));
  // The caller's token is compared whole: a full User-Agent header is not a product token.
  CHECK(rules.IsAllowed("Parallax/0.1", "/x"));
}

TEST_CASE("§2.2.1: groups for the same agent are merged", "[robots]") {
  const auto rules = RobotsRules::Parse(
      "User-agent: Parallax\nDisallow: /a/\n"
      "User-agent: *\nDisallow: /c/\n"
      "User-agent: parallax\nDisallow: /b/\n");
  CHECK_FALSE(rules.IsAllowed("Parallax", "/a/"));
  CHECK_FALSE(rules.IsAllowed("Parallax", "/b/"));
  CHECK(rules.IsAllowed("Parallax", "/c/"));  // a named group replaces '*', it does not add to it
}

TEST_CASE("§2.2.1: '*' groups apply only when no group names the crawler", "[robots]") {
  const auto rules = RobotsRules::Parse("User-agent: *\nDisallow: /\n\nUser-agent: Parallax\n");
  CHECK(rules.IsAllowed("Parallax", "/anything"));  // its own group is empty: all allowed
  CHECK_FALSE(rules.IsAllowed("OtherBot", "/anything"));
}

TEST_CASE("§2.2.1: with no matching group and no '*' group everything is allowed", "[robots]") {
  const auto rules = RobotsRules::Parse("User-agent: OtherBot\nDisallow: /\n");
  CHECK(rules.IsAllowed("Parallax", "/anything"));
}

TEST_CASE("§2.2.2: the longest matching pattern wins", "[robots]") {
  const auto rules = RobotsRules::Parse(
      "User-agent: *\nDisallow: /news/\nAllow: /news/public/\n"
      "Disallow: /news/public/embargoed\n");
  CHECK_FALSE(rules.IsAllowed("Parallax", "/news/story"));
  CHECK(rules.IsAllowed("Parallax", "/news/public/story"));
  CHECK_FALSE(rules.IsAllowed("Parallax", "/news/public/embargoed-1"));
}

TEST_CASE("§2.2.2: allow wins a tie of equally long patterns", "[robots]") {
  const auto rules = RobotsRules::Parse("User-agent: *\nDisallow: /page\nAllow: /page\n");
  CHECK(rules.IsAllowed("Parallax", "/page"));
  const auto wild = RobotsRules::Parse("User-agent: *\nDisallow: /p*e\nAllow: /pa$e\n");
  CHECK_FALSE(wild.IsAllowed("Parallax", "/page"));  // only the disallow matches
}

TEST_CASE("§2.2.2: an empty Disallow allows everything", "[robots]") {
  const auto rules = RobotsRules::Parse("User-agent: *\nDisallow:\n");
  CHECK(rules.IsAllowed("Parallax", "/anything"));
}

TEST_CASE("§2.2.2: paths are case-sensitive and include the query, not the fragment", "[robots]") {
  const auto rules = RobotsRules::Parse("User-agent: *\nDisallow: /Search\nDisallow: /*?q=\n");
  CHECK_FALSE(rules.IsAllowed("Parallax", "https://example.org/Search"));
  CHECK(rules.IsAllowed("Parallax", "https://example.org/search"));
  CHECK_FALSE(rules.IsAllowed("Parallax", "https://example.org/find?q=x"));
  CHECK(rules.IsAllowed("Parallax", "https://example.org/find#?q=x"));
}

TEST_CASE("§2.2.2: a URL without a path is matched as '/'", "[robots]") {
  const auto rules = RobotsRules::Parse("User-agent: *\nDisallow: /$\n");
  CHECK_FALSE(rules.IsAllowed("Parallax", "https://example.org"));
  CHECK_FALSE(rules.IsAllowed("Parallax", "https://example.org/"));
  CHECK(rules.IsAllowed("Parallax", "https://example.org/a"));
}

TEST_CASE("§2.2.2: non-ASCII octets are compared percent-encoded on both sides", "[robots]") {
  const auto rules = RobotsRules::Parse("User-agent: *\nDisallow: /café\n");
  CHECK_FALSE(rules.IsAllowed("Parallax", "/caf%C3%A9"));
  CHECK_FALSE(rules.IsAllowed("Parallax", "/caf%c3%a9"));  // hex case does not matter
  CHECK_FALSE(rules.IsAllowed("Parallax", "/café"));
  CHECK(rules.IsAllowed("Parallax", "/cafe"));
}

TEST_CASE("§2.2.2: percent-encoded unreserved characters equal their plain form", "[robots]") {
  const auto rules = RobotsRules::Parse("User-agent: *\nDisallow: /%7Euser/\n");
  CHECK_FALSE(rules.IsAllowed("Parallax", "/~user/page"));
  // A reserved character stays encoded: %2F is not a path separator.
  const auto slash = RobotsRules::Parse("User-agent: *\nDisallow: /a/b\n");
  CHECK(slash.IsAllowed("Parallax", "/a%2Fb"));
  CHECK(RobotsRules::NormalizeForMatch("/%41%2f%e2%82%ac") == "/A%2F%E2%82%AC");
  CHECK(RobotsRules::NormalizeForMatch("/%F%66") == "/%25Ff");  // found by fuzz/robots_fuzzer
  CHECK(RobotsRules::NormalizeForMatch("/%25Ff") == "/%25Ff");
}

TEST_CASE("§2.2.2: /robots.txt is always allowed", "[robots]") {
  CHECK(RobotsRules::Parse("User-agent: *\nDisallow: /\n").IsAllowed("Parallax", "/robots.txt"));
  CHECK(RobotsRules::DisallowAll().IsAllowed("Parallax", "https://example.org/robots.txt"));
  CHECK_FALSE(RobotsRules::DisallowAll().IsAllowed("Parallax", "https://example.org/robots.txt2"));
}

TEST_CASE("§2.2.3: '*' matches any sequence of characters", "[robots]") {
  const auto rules = RobotsRules::Parse("User-agent: *\nDisallow: /*/print/*.pdf\n");
  CHECK_FALSE(rules.IsAllowed("Parallax", "/2024/print/issue.pdf"));
  CHECK_FALSE(rules.IsAllowed("Parallax", "/a/b/print/x.pdf?download=1"));
  CHECK(rules.IsAllowed("Parallax", "/2024/web/issue.pdf"));
}

TEST_CASE("§2.2.3: '$' at the end anchors the pattern at the end of the path", "[robots]") {
  const auto rules = RobotsRules::Parse("User-agent: *\nDisallow: /*.json$\nDisallow: /a$b\n");
  CHECK_FALSE(rules.IsAllowed("Parallax", "/feed.json"));
  CHECK(rules.IsAllowed("Parallax", "/feed.json?x=1"));
  CHECK_FALSE(rules.IsAllowed("Parallax", "/a$b"));  // '$' inside a pattern is literal
  CHECK(rules.IsAllowed("Parallax", "/a"));
}

TEST_CASE("§2.2.4: sitemap lines are collected wherever they appear", "[robots]") {
  const auto rules = RobotsRules::Parse(
      "Sitemap: https://example.org/news.xml\nUser-agent: *\nDisallow: /x\n"
      "sitemap: https://example.org/all.xml # main index\n");
  REQUIRE(rules.Sitemaps().size() == 2);
  CHECK(rules.Sitemaps()[0] == "https://example.org/news.xml");
  CHECK(rules.Sitemaps()[1] == "https://example.org/all.xml");
  CHECK_FALSE(rules.IsAllowed("Parallax", "/x"));  // the sitemap line did not end the group
}

TEST_CASE("§2.2.4: unknown records are ignored and do not end a group", "[robots]") {
  const auto rules = RobotsRules::Parse("User-agent: Parallax\nNoindex: /a\nDisallow: /b\n");
  CHECK(rules.IsAllowed("Parallax", "/a"));
  CHECK_FALSE(rules.IsAllowed("Parallax", "/b"));
}

TEST_CASE("Crawl-delay (non-standard) is read per group", "[robots]") {
  const auto rules = RobotsRules::Parse(
      "User-agent: *\nCrawl-delay: 10\n\nUser-agent: Parallax\nCrawl-delay: 2.5\n"
      "User-agent: Slow\nCrawl-delay: -3\n");
  REQUIRE(rules.CrawlDelaySeconds("Parallax").has_value());
  CHECK(*rules.CrawlDelaySeconds("Parallax") == Approx(2.5));
  CHECK(*rules.CrawlDelaySeconds("Other") == Approx(10));
  CHECK_FALSE(rules.CrawlDelaySeconds("Slow").has_value());
}

TEST_CASE("§2.3.1: fetch outcome maps to rules", "[robots]") {
  CHECK_FALSE(
      RobotsRules::FromHttpStatus(200, "User-agent: *\nDisallow: /\n").IsAllowed("P", "/a"));
  CHECK(RobotsRules::FromHttpStatus(404, "User-agent: *\nDisallow: /\n").IsAllowed("P", "/a"));
  CHECK(RobotsRules::FromHttpStatus(410, "").IsAllowed("P", "/a"));        // §2.3.1.3 unavailable
  CHECK_FALSE(RobotsRules::FromHttpStatus(503, "").IsAllowed("P", "/a"));  // §2.3.1.4
  CHECK_FALSE(RobotsRules::FromHttpStatus(0, "").IsAllowed("P", "/a"));    // unreachable
}

TEST_CASE("§2.5: only the first 500 KiB are parsed, and the cut line is dropped", "[robots]") {
  std::string text = "User-agent: *\nDisallow: /early\n";
  text += "# " + std::string(kRobotsMaxBytes - text.size() - 20, 'x') + "\n";
  text += "Allow: /early/but-very-long-path\n";  // crosses the limit
  text += "Disallow: /late\n";
  const auto rules = RobotsRules::Parse(text);
  CHECK(rules.truncated());
  CHECK_FALSE(rules.IsAllowed("Parallax", "/early/but-very-long-path"));
  CHECK_FALSE(rules.IsAllowed("Parallax", "/early/but"));  // no truncated "Allow: /early/but"
  CHECK(rules.IsAllowed("Parallax", "/late"));
}

TEST_CASE("Lines: BOM, CR/LF/CRLF, comments and spacing are tolerated", "[robots]") {
  const auto rules = RobotsRules::Parse(
      "\xEF\xBB\xBFUser-agent: *\rDisallow: /a # comment\r\n  Disallow :\t/b  \n#Disallow: /c\n");
  CHECK_FALSE(rules.IsAllowed("Parallax", "/a"));
  CHECK_FALSE(rules.IsAllowed("Parallax", "/b"));
  CHECK(rules.IsAllowed("Parallax", "/c"));
}

TEST_CASE("Lines: directives are case-insensitive and a missing colon is tolerated", "[robots]") {
  const auto rules = RobotsRules::Parse("USER-AGENT parallax\nDISALLOW /a\ndisallow /b /c\n");
  CHECK_FALSE(rules.IsAllowed("Parallax", "/a"));
  CHECK(rules.IsAllowed("Parallax", "/b"));  // three words: not a key/value line
}
