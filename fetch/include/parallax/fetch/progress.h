// Progress of a fetch batch, for the person watching: the HTTP client reports every URL it
// finishes to a ProgressSink (HttpOptions::progress).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

namespace parallax::fetch {

class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  // `total` more URLs are about to be fetched (called once per FetchAll call, before any
  // OnDone of that call).
  virtual void OnStart(size_t total) = 0;
  // One URL finished: `ok` false when it failed; `bytes` is the decoded body size (0 on failure).
  virtual void OnDone(const std::string& url, bool ok, uint64_t bytes) = 0;
  // The FetchAll call that last called OnStart has finished all of its URLs.
  virtual void OnFinish() = 0;
};

enum class ProgressStyle {
  kAuto,  // kLive when `out` is a terminal, else kLog
  kLive,  // one line redrawn with '\r' (at most ~10 times a second), a newline at OnFinish:
          // "fetched 12/40, 1 failed, 3.4 MB, 8.1 pages/s"
  kLog,   // one line per finished URL: "[fetch] 12/40 ok http://... (34 kB)"
};

// Writes progress to `out` (not owned; must outlive the sink). Thread-safe: several FetchAll
// calls may report to one sink at once; their counts add up.
std::unique_ptr<ProgressSink> NewTerminalProgress(FILE* out,
                                                  ProgressStyle style = ProgressStyle::kAuto);

}  // namespace parallax::fetch
