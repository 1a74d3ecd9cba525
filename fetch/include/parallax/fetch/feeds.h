// RSS/Atom feeds and (news) sitemaps: where a collector finds article URLs. Parsed with libxml2's
// XML parser without network access, without DTD loading and without entity substitution; a
// document that declares entities is refused (the "billion laughs" attack). Small well-formedness
// errors are recovered from. Gzip is the HTTP layer's business: input here is plain XML.
//
// All functions are pure and safe to call from several threads at once.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/core/status.h"

namespace parallax::fetch {

// Largest input accepted, in bytes (the sitemaps protocol's limit for an uncompressed sitemap;
// applied to feeds as well). Larger input is an error, not truncated.
inline constexpr size_t kFeedMaxBytes = 50u << 20;
// Most entries kept from one feed or sitemap (the sitemaps protocol's limit); the rest are
// dropped and `truncated` is set.
inline constexpr size_t kFeedMaxEntries = 50'000;

struct FeedEntry {
  std::string url;        // absolute when resolvable against the feed URL, else as written
  std::string title;      // text content, trimmed ("" when absent)
  std::string published;  // ISO 8601: Atom/dc:date as written, RSS RFC 822 dates converted to
                          // "YYYY-MM-DDThh:mm:ss+hh:mm"; an unparseable date as written
  std::string summary;    // RSS description / Atom summary (else content), trimmed; may hold
                          // HTML markup when the feed escapes it
};

struct Feed {
  enum class Format { kRss, kAtom, kRdf };  // RSS 0.9x/2.0, Atom 1.0, RSS 1.0 (RDF)
  Format format = Format::kRss;
  std::string title;
  std::vector<FeedEntry> entries;  // document order; entries without a link are skipped
  bool truncated = false;          // more than kFeedMaxEntries entries
};

struct SitemapUrl {
  std::string loc;                    // absolute when resolvable against the sitemap URL
  std::string lastmod;                // W3C datetime as written, "" when absent
  std::string news_publication_date;  // <news:publication_date>, "" when absent
  std::string news_title;             // <news:title>, "" when absent
};

struct Sitemap {
  enum class Kind { kIndex, kUrlSet };  // <sitemapindex> or <urlset>
  Kind kind = Kind::kUrlSet;
  std::vector<std::string> sitemaps;  // kIndex: child sitemap URLs (<sitemap><loc>)
  std::vector<SitemapUrl> urls;       // kUrlSet: <url> entries with a <loc>
  bool truncated = false;             // more than kFeedMaxEntries entries
};

// Parses an RSS 2.0 (also 0.9x and 1.0/RDF) or Atom 1.0 document. `base_url` is the URL the
// feed was fetched from; it resolves relative links and names the input in errors. Errors: not
// XML, too large, declares entities, root is not rss/feed/rdf:RDF.
Result<Feed> ParseFeed(std::string_view xml, std::string_view base_url);

// Parses a sitemap index or URL set (sitemaps.org 0.9, with Google News extensions). Elements
// are matched by local name, so a missing or non-standard sitemap namespace is tolerated; news
// fields are read from a <news> element in the Google News namespace (or none). Errors as for
// ParseFeed, root being urlset/sitemapindex.
Result<Sitemap> ParseSitemap(std::string_view xml, std::string_view base_url);

// Cheap sniffers on the first bytes (at most 4 KiB looked at): whether the root element is one
// ParseFeed / ParseSitemap accepts. They do not validate the rest.
bool LooksLikeFeed(std::string_view bytes);
bool LooksLikeSitemap(std::string_view bytes);

// RFC 822/1123 date ("Tue, 10 Jun 2003 04:00:00 GMT", "+0200", "EST", 2-digit years, seconds
// optional) as ISO 8601 with offset ("2003-06-10T04:00:00+00:00"); nullopt when unparseable.
std::optional<std::string> Rfc822ToIso8601(std::string_view date);

}  // namespace parallax::fetch
