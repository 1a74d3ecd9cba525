// RSS/Atom feeds and sitemaps (ParseFeed, ParseSitemap, the sniffers, Rfc822ToIso8601). The same
// bytes go to both parsers; the first line also goes to the RFC 822 date parser.
// Checked: entry counts stay within kFeedMaxEntries; a converted date has the documented shape.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "parallax/fetch/feeds.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace f = parallax::fetch;
  std::string_view xml(reinterpret_cast<const char*>(data), size);
  (void)f::LooksLikeFeed(xml);
  (void)f::LooksLikeSitemap(xml);
  if (auto feed = f::ParseFeed(xml, "https://news.example/feeds/world.xml"); feed.ok()) {
    FUZZ_CHECK(feed->entries.size() <= f::kFeedMaxEntries);
    for (const auto& e : feed->entries) FUZZ_CHECK(!e.url.empty());
  }
  if (auto map = f::ParseSitemap(xml, "https://news.example/sitemap.xml"); map.ok()) {
    FUZZ_CHECK(map->urls.size() <= f::kFeedMaxEntries);
    FUZZ_CHECK(map->sitemaps.size() <= f::kFeedMaxEntries);
  }
  std::string_view line = xml.substr(0, xml.find('\n'));
  if (auto iso = f::Rfc822ToIso8601(line)) {
    // "YYYY-MM-DDThh:mm:ss+hh:mm"
    FUZZ_CHECK(iso->size() == 25);
    FUZZ_CHECK((*iso)[4] == '-' && (*iso)[10] == 'T' && ((*iso)[19] == '+' || (*iso)[19] == '-'));
  }
  return 0;
}
