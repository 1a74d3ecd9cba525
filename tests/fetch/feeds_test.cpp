// RSS/Atom feeds and news sitemaps (sample files in tests/data/fetch/feeds/).
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "parallax/fetch/feeds.h"

namespace {

using namespace parallax::fetch;

std::string Sample(const std::string& name) {
  std::ifstream in(std::string(PARALLAX_SOURCE_DIR) + "/tests/data/fetch/feeds/" + name,
                   std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

TEST_CASE("RSS 2.0: items give url, title, ISO date and summary", "[feeds]") {
  auto feed = ParseFeed(Sample("rss2.xml"), "https://gazette.example/feed.xml");
  REQUIRE(feed.ok());
  CHECK(feed->format == Feed::Format::kRss);
  CHECK(feed->title == "Harbour Gazette & Tribune");
  REQUIRE(feed->entries.size() == 4);  // the item without a usable link is skipped

  const FeedEntry& first = feed->entries[0];
  CHECK(first.url == "https://gazette.example/2024/05/ferry-strike-ends");
  CHECK(first.title == "Ferry service resumes after three-day strike");
  CHECK(first.published == "2024-05-14T08:30:00+02:00");
  // CDATA is kept as text, markup and all.
  CHECK(first.summary == "Crews returned <b>on Tuesday</b> after talks & a new pay offer.");
}

TEST_CASE("RSS 2.0: relative links resolve against the feed URL", "[feeds]") {
  auto feed = ParseFeed(Sample("rss2.xml"), "https://gazette.example/feeds/main.xml");
  REQUIRE(feed.ok());
  REQUIRE(feed->entries.size() == 4);
  CHECK(feed->entries[1].url == "https://gazette.example/2024/05/sea-wall");
  CHECK(feed->entries[3].url == "https://gazette.example/feeds/lighthouse-reopens");
}

TEST_CASE("RSS 2.0: a permalink guid stands in for a missing link", "[feeds]") {
  auto feed = ParseFeed(Sample("rss2.xml"), "https://gazette.example/feed.xml");
  REQUIRE(feed.ok());
  REQUIRE(feed->entries.size() == 4);
  CHECK(feed->entries[2].url == "https://gazette.example/2024/05/quota");
  CHECK(feed->entries[2].published == "2024-05-13T09:00:00+00:00");  // 2-digit year, GMT
  CHECK(feed->entries[1].published == "2024-05-13T17:05:00-04:00");  // named zone, no seconds
  CHECK(feed->entries[3].published == "2024-05-12T10:00:00+01:00");  // dc:date as written
}

TEST_CASE("RFC 822 dates convert to ISO 8601 with offset", "[feeds]") {
  CHECK(Rfc822ToIso8601("Tue, 10 Jun 2003 04:00:00 GMT") == "2003-06-10T04:00:00+00:00");
  CHECK(Rfc822ToIso8601("Wed, 02 Oct 2002 13:00:00 -0530") == "2002-10-02T13:00:00-05:30");
  CHECK(Rfc822ToIso8601("Sun, 3 Nov 2024 01:30:00 PST") == "2024-11-03T01:30:00-08:00");
  CHECK(Rfc822ToIso8601("Thursday, 1 February 2024 23:59:59 cdt") == "2024-02-01T23:59:59-05:00");
  CHECK(Rfc822ToIso8601("01 Jan 99 00:00 UT") == "1999-01-01T00:00:00+00:00");
  CHECK_FALSE(Rfc822ToIso8601("2024-05-14T08:30:00Z").has_value());
  CHECK_FALSE(Rfc822ToIso8601("Tue, 10 Jun 2003 04:00:00").has_value());  // no zone
  CHECK_FALSE(Rfc822ToIso8601("Tue, 32 Jun 2003 04:00:00 GMT").has_value());
  CHECK_FALSE(Rfc822ToIso8601("Tue, 10 Foo 2003 04:00:00 GMT").has_value());
}

TEST_CASE("RSS: an unparseable pubDate is kept as written", "[feeds]") {
  auto feed = ParseFeed(
      "<rss><channel><item><link>https://a.example/x</link><pubDate>yesterday</pubDate></item>"
      "</channel></rss>",
      "https://a.example/rss");
  REQUIRE(feed.ok());
  REQUIRE(feed->entries.size() == 1);
  CHECK(feed->entries[0].published == "yesterday");
}

TEST_CASE("Atom: rel=alternate links, xml:base, published over updated", "[feeds]") {
  auto feed = ParseFeed(Sample("atom.xml"), "https://wire.example/feed.atom");
  REQUIRE(feed.ok());
  CHECK(feed->format == Feed::Format::kAtom);
  CHECK(feed->title == "Coastal Wire");
  REQUIRE(feed->entries.size() == 2);

  const FeedEntry& first = feed->entries[0];
  CHECK(first.url == "https://wire.example/news/port-traffic");  // not the self/enclosure link
  CHECK(first.published == "2024-05-14T07:45:00+02:00");
  CHECK(first.summary == "<p>Queues at the terminal cleared by mid-morning.</p>");

  const FeedEntry& second = feed->entries[1];
  CHECK(second.url == "https://other.example/analysis/strike");   // a link without rel
  CHECK(second.published == "2024-05-13T21:10:00Z");              // updated, as written
  CHECK(second.summary == "Both sides signed a two-year deal.");  // content when no summary
}

TEST_CASE("RSS 1.0 (RDF) items are read", "[feeds]") {
  auto feed = ParseFeed(
      R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
           <channel><title>Old format</title></channel>
           <item rdf:about="https://r.example/1"><title>One</title>
             <link>https://r.example/1</link><dc:date>2024-01-02</dc:date></item>
         </rdf:RDF>)",
      "https://r.example/index.rdf");
  REQUIRE(feed.ok());
  CHECK(feed->format == Feed::Format::kRdf);
  REQUIRE(feed->entries.size() == 1);
  CHECK(feed->entries[0].url == "https://r.example/1");
  CHECK(feed->entries[0].published == "2024-01-02");
}

TEST_CASE("Feeds: small well-formedness errors are recovered from", "[feeds]") {
  // Unescaped '&' and an unclosed <channel>.
  auto feed = ParseFeed(
      "<rss><channel><title>Q&A</title><item><title>Tom & Jerry</title>"
      "<link>https://a.example/t</link></item></rss>",
      "https://a.example/rss");
  REQUIRE(feed.ok());
  REQUIRE(feed->entries.size() == 1);
  CHECK(feed->entries[0].url == "https://a.example/t");
}

TEST_CASE("Feeds: errors name the URL", "[feeds]") {
  const std::string url = "https://a.example/feed";
  auto not_xml = ParseFeed("this is not xml at all", url);
  REQUIRE_FALSE(not_xml.ok());
  CHECK(not_xml.status().subject() == url);

  auto empty = ParseFeed("  \n", url);
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.status().subject() == url);

  auto wrong_root = ParseFeed("<html><body>hello</body></html>", url);
  REQUIRE_FALSE(wrong_root.ok());
  CHECK(wrong_root.status().subject() == url);
  CHECK(wrong_root.status().message().find("<html>") != std::string::npos);

  auto sitemap_as_feed = ParseFeed(Sample("news-sitemap.xml"), url);
  CHECK_FALSE(sitemap_as_feed.ok());
  auto feed_as_sitemap = ParseSitemap(Sample("rss2.xml"), url);
  REQUIRE_FALSE(feed_as_sitemap.ok());
  CHECK(feed_as_sitemap.status().message().find("not a sitemap") != std::string::npos);
}

TEST_CASE("Feeds: a billion-laughs document is refused, not expanded", "[feeds]") {
  const std::string xml = Sample("billion-laughs.xml");
  auto feed = ParseFeed(xml, "https://evil.example/rss");
  REQUIRE_FALSE(feed.ok());
  CHECK(feed.status().subject() == "https://evil.example/rss");
  CHECK(feed.status().message().find("entities") != std::string::npos);

  // The same document in UTF-16 hides the declarations from the byte scan; libxml2 parses the
  // DTD without substituting, and the declared entities are refused after parsing.
  std::string utf16 = "\xFF\xFE";
  for (char c : xml) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  auto wide = ParseFeed(utf16, "https://evil.example/rss16");
  REQUIRE_FALSE(wide.ok());
  CHECK(wide.status().subject() == "https://evil.example/rss16");
}

TEST_CASE("Feeds: input over 50 MiB is refused", "[feeds]") {
  std::string huge = "<rss><channel>";
  huge.append(kFeedMaxBytes, ' ');
  huge += "</channel></rss>";
  auto feed = ParseFeed(huge, "https://a.example/big");
  REQUIRE_FALSE(feed.ok());
  CHECK(feed.status().message().find("50 MiB") != std::string::npos);
}

TEST_CASE("News sitemap: loc, lastmod and news fields in a prefixed namespace", "[feeds]") {
  auto sitemap = ParseSitemap(Sample("news-sitemap.xml"), "https://gazette.example/news.xml");
  REQUIRE(sitemap.ok());
  CHECK(sitemap->kind == Sitemap::Kind::kUrlSet);
  REQUIRE(sitemap->urls.size() == 2);  // the <url> without <loc> is skipped
  const SitemapUrl& first = sitemap->urls[0];
  CHECK(first.loc == "https://gazette.example/2024/05/ferry-strike-ends");
  CHECK(first.lastmod == "2024-05-14T08:40:00+02:00");
  CHECK(first.news_publication_date == "2024-05-14T08:30:00+02:00");
  CHECK(first.news_title == "Ferry service resumes after three-day strike");
  CHECK(sitemap->urls[1].news_title.empty());
  CHECK(sitemap->urls[1].lastmod.empty());
}

TEST_CASE("Sitemap: news fields outside the news namespace are ignored", "[feeds]") {
  auto sitemap = ParseSitemap(
      R"(<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:x="urn:other">
           <url><loc>https://a.example/1</loc><x:news><x:title>Not news</x:title></x:news></url>
         </urlset>)",
      "https://a.example/s.xml");
  REQUIRE(sitemap.ok());
  REQUIRE(sitemap->urls.size() == 1);
  CHECK(sitemap->urls[0].news_title.empty());
}

TEST_CASE("Sitemap index: child sitemap URLs, relative ones resolved", "[feeds]") {
  auto sitemap =
      ParseSitemap(Sample("sitemap-index.xml"), "https://gazette.example/robots-map.xml");
  REQUIRE(sitemap.ok());
  CHECK(sitemap->kind == Sitemap::Kind::kIndex);
  CHECK(sitemap->urls.empty());
  REQUIRE(sitemap->sitemaps.size() == 2);
  CHECK(sitemap->sitemaps[0] == "https://gazette.example/sitemaps/news.xml");
  CHECK(sitemap->sitemaps[1] == "https://gazette.example/sitemaps/archive-2023.xml");
}

TEST_CASE("Sitemap: entries beyond 50,000 are dropped and flagged", "[feeds]") {
  std::string xml = "<urlset>";
  for (size_t i = 0; i < kFeedMaxEntries + 3; ++i) {
    xml += "<url><loc>https://a.example/" + std::to_string(i) + "</loc></url>";
  }
  xml += "</urlset>";
  auto sitemap = ParseSitemap(xml, "https://a.example/s.xml");
  REQUIRE(sitemap.ok());
  CHECK(sitemap->truncated);
  CHECK(sitemap->urls.size() == kFeedMaxEntries);
  CHECK(sitemap->urls.back().loc == "https://a.example/" + std::to_string(kFeedMaxEntries - 1));
}

TEST_CASE("Sniffers recognise the root element past prolog and comments", "[feeds]") {
  CHECK(LooksLikeFeed(Sample("rss2.xml")));
  CHECK(LooksLikeFeed(Sample("atom.xml")));
  CHECK_FALSE(LooksLikeFeed(Sample("news-sitemap.xml")));
  CHECK(LooksLikeSitemap(Sample("news-sitemap.xml")));
  CHECK(LooksLikeSitemap(Sample("sitemap-index.xml")));
  CHECK_FALSE(LooksLikeSitemap(Sample("atom.xml")));
  CHECK(
      LooksLikeFeed("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- generated -->\n"
                    "<?xml-stylesheet href=\"s.xsl\"?><!DOCTYPE rss><rss version=\"2.0\">"));
  CHECK_FALSE(LooksLikeFeed("<!DOCTYPE html><html><head><title>rss</title></head></html>"));
  CHECK_FALSE(LooksLikeFeed(""));
  CHECK_FALSE(LooksLikeSitemap("{\"urlset\": []}"));
}
