// A configured run (`parallax run CONFIG`) without the command line: discover the events'
// articles from the outlets' feeds and sitemaps, then per event fetch, extract, check, align,
// compare, store and write OUT/<event>/<date>/report.* and OUT/<event>/latest.*.
#pragma once

#include <ostream>

#include "config.h"
#include "log.h"
#include "parallax/core/env.h"
#include "parallax/fetch/http.h"
#include "pipeline.h"

namespace parallax::app {

struct RunSettings {
  // Print the article URLs each event would fetch to `out` and stop: feeds and sitemaps are
  // fetched, articles are not, and nothing is written.
  bool dry_run = false;
  // The configuration file's bytes, hashed into each stored run's config_hash ("" for none).
  std::string config_text;
};

// Returns 0 when every step succeeded, 1 when some source or step failed (the other events and
// articles were still processed and stored). The caller holds the run lock. `http`, `fs`,
// `clock`, `log` and `out` are not owned. `times`, when given, receives the seconds per stage
// summed over the events.
int RunConfigured(const RunConfig& config, const RunSettings& settings, fetch::HttpClient& http,
                  FileSystem& fs, Clock& clock, Logger& log, std::ostream& out,
                  StageTimes* times = nullptr);

}  // namespace parallax::app
