// The `parallax run` configuration file (TOML; the format is documented in docs/config.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/core/status.h"

namespace parallax::app {

struct OutletConfig {
  std::string name;
  std::vector<std::string> feeds;     // RSS/Atom feed URLs
  std::vector<std::string> sitemaps;  // (news) sitemap or sitemap index URLs
  // When non-empty, only listed articles whose URL starts with one of these are kept.
  std::vector<std::string> base_urls;
};

struct EventConfig {
  std::string name;  // a slug: letters, digits, '-', '_' and '.'; names OUT/<name>/
  std::vector<std::string> keywords;
  std::vector<std::string> entities;
  std::vector<std::string> exclude_keywords;  // any of these marks a look-alike event
  std::string from;                           // "YYYY-MM-DD" (inclusive), "" for no lower bound
  std::string until;                          // "YYYY-MM-DD" (inclusive), "" for no upper bound
  std::vector<std::string> seed_urls;         // always fetched (still checked against the event)
  // Matches needed: defaults min(2, #keywords) and min(1, #entities).
  int min_keywords = -1;
  int min_entities = -1;
};

struct RunConfig {
  std::string path;      // the configuration file as given
  std::string database;  // absolute, or relative to the working directory (resolved)
  std::string output;    // idem
  double host_delay_seconds = 1.0;
  std::string contact_url;  // "" keeps the HTTP client's default
  // Extra trust anchors (PEM) added to the system store for HTTPS; "" for none. Relative to the
  // configuration file. Certificate and host-name checks are never turned off.
  std::string ca_file;
  int max_per_host = 2;
  int concurrency = 16;
  size_t max_articles_per_event = 200;
  uint64_t max_body_bytes = 10ull << 20;
  std::vector<OutletConfig> outlets;
  std::vector<EventConfig> events;
};

// Reads and validates `path`. Errors name the file, the line and the key:
// "conf.toml:12: key 'events[0].from' must be a date YYYY-MM-DD". Unknown keys are errors.
// Relative `database` and `output` paths are resolved against the file's directory.
Result<RunConfig> LoadConfig(const std::string& path);

// The largest configuration file read (a larger one is an error naming it).
inline constexpr uint64_t kMaxConfigBytes = 1u << 20;

// Parses and validates configuration text; `path` names it in errors and anchors relative
// paths. LoadConfig reads the file and calls this. Never throws.
Result<RunConfig> ParseConfig(std::string_view text, const std::string& path);

}  // namespace parallax::app
