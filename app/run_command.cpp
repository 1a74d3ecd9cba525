// parallax run CONFIG [--check | --dry-run] [--verbose | --quiet]
#include <chrono>
#include <cmath>
#include <iostream>

#include "args.h"
#include "commands.h"
#include "config.h"
#include "lock.h"
#include "log.h"
#include "parallax/fetch/http.h"
#include "runner.h"

namespace parallax::app {
namespace {

constexpr const char* kRunUsage = R"(Usage: parallax run CONFIG [options]

Collects the coverage of the configured events from the outlets' feeds and sitemaps, compares
it, records the run in the database and writes OUT/<event>/<date>/report.{json,md,html} and
OUT/<event>/latest.{json,md,html}, with what changed since the last run. Meant for a nightly
timer (docs/scheduling.md); the file's format is in docs/config.md.

  --dry-run   fetch the feeds and sitemaps and print, per event, the article URLs that would be
              fetched; fetch no article and write nothing
  --check     validate CONFIG, print a summary and exit (0, or 2 with the error)
  --verbose   also log DEBUG lines
  --quiet     log warnings and errors only
Logs go to stderr. Exit codes: 0 ok, 1 a source or step failed (the rest was still processed
and stored), 2 usage or configuration error, 3 another run holds the database's lock.
)";

}  // namespace

int RunRun(const std::vector<std::string>& argv) {
  auto parsed = ParseArgs(argv, {}, {"--help", "--check", "--dry-run", "--verbose", "--quiet"});
  if (!parsed.ok()) {
    std::cerr << "parallax run: " << parsed.status().ToString() << "\n\n" << kRunUsage;
    return kExitUsage;
  }
  if (parsed->Has("--help")) {
    std::cout << kRunUsage;
    return kExitOk;
  }
  if (parsed->positional.size() != 1) {
    std::cerr << "parallax run: give exactly one CONFIG file\n\n" << kRunUsage;
    return kExitUsage;
  }
  if (parsed->Has("--verbose") && parsed->Has("--quiet")) {
    std::cerr << "parallax run: --verbose and --quiet exclude each other\n";
    return kExitUsage;
  }
  Logger log(parsed->Has("--verbose") ? LogLevel::kDebug
             : parsed->Has("--quiet") ? LogLevel::kWarn
                                      : LogLevel::kInfo);
  const std::string path = parsed->positional.front();
  auto config = LoadConfig(path);
  if (!config.ok()) {
    std::cerr << "parallax run: " << config.status().ToString() << "\n";
    return kExitUsage;
  }
  if (parsed->Has("--check")) {
    std::cout << path << ": ok: " << config->outlets.size() << " outlet(s), "
              << config->events.size() << " event(s); database " << config->database
              << ", reports in " << config->output << "\n";
    return kExitOk;
  }
  auto fs = NewPosixFileSystem();
  auto clock = NewSystemClock();
  RunSettings settings;
  settings.dry_run = parsed->Has("--dry-run");
  if (auto text = fs->ReadFile(path, 1u << 20); text.ok()) settings.config_text = *text;

  std::unique_ptr<RunLock> lock;
  if (!settings.dry_run) {
    bool held = false;
    auto acquired = RunLock::Acquire(config->database + ".lock", &held);
    if (!acquired.ok()) {
      log.Error("lock", acquired.status().message());
      return held ? kExitLocked : kExitFailure;
    }
    lock = std::move(acquired.value());
  }

  fetch::HttpOptions http_options;
  http_options.host_delay =
      std::chrono::milliseconds(std::llround(config->host_delay_seconds * 1000));
  if (!config->contact_url.empty()) http_options.contact_url = config->contact_url;
  http_options.ca_file = config->ca_file;
  http_options.max_per_host = config->max_per_host;
  http_options.max_concurrency = config->concurrency;
  http_options.max_body_bytes = config->max_body_bytes;
  auto http = fetch::NewBeastHttpClient(http_options);

  log.Info("run", (settings.dry_run ? "dry run of " : "run of ") + path + ": " +
                      std::to_string(config->events.size()) + " event(s), " +
                      std::to_string(config->outlets.size()) + " outlet(s)");
  const int code = RunConfigured(*config, settings, *http, *fs, *clock, log, std::cout);
  log.Log(code == 0 ? LogLevel::kInfo : LogLevel::kWarn, "run",
          code == 0 ? "finished" : "finished with failures (exit 1)");
  return code;
}

}  // namespace parallax::app
