// robots.txt (RobotsRules::Parse, IsAllowed, CrawlDelaySeconds, NormalizeForMatch). The input
// is the file; its last line (after the last '\n') is also used as a URL path to match.
// Checked: /robots.txt is always allowed; a crawl delay is finite and non-negative; percent-
// normalisation is idempotent.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "parallax/fetch/robots.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using parallax::fetch::RobotsRules;
  std::string_view body(reinterpret_cast<const char*>(data), size);
  RobotsRules rules = RobotsRules::Parse(body);
  FUZZ_CHECK(rules.truncated() == (size > parallax::fetch::kRobotsMaxBytes));
  for (std::string_view agent : {"Parallax", "*", "otherbot"}) {
    FUZZ_CHECK(rules.IsAllowed(agent, "/robots.txt"));
    FUZZ_CHECK(rules.IsAllowed(agent, "https://news.example/robots.txt"));
    if (auto delay = rules.CrawlDelaySeconds(agent)) {
      FUZZ_CHECK(std::isfinite(*delay) && *delay >= 0);
    }
  }
  size_t nl = body.rfind('\n');
  std::string path = "/" + std::string(nl == std::string_view::npos ? body : body.substr(nl + 1));
  (void)rules.IsAllowed("Parallax", path);
  (void)rules.IsAllowed("Parallax", "https://news.example" + path);
  std::string once = RobotsRules::NormalizeForMatch(path);
  FUZZ_CHECK(RobotsRules::NormalizeForMatch(once) == once);
  return 0;
}
