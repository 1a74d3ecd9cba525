#include "parallax/fetch/progress.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iterator>
#include <mutex>

namespace parallax::fetch {
namespace {

using SteadyClock = std::chrono::steady_clock;

// "512 B", "3.4 kB", "34 kB", "3.4 MB", "340 MB", "1.2 GB" (decimal units).
std::string FormatBytes(uint64_t bytes) {
  if (bytes < 1000) return std::to_string(bytes) + " B";
  static const char* const kUnits[] = {"kB", "MB", "GB", "TB"};
  double value = static_cast<double>(bytes) / 1000.0;
  size_t unit = 0;
  while (value >= 1000.0 && unit + 1 < std::size(kUnits)) {
    value /= 1000.0;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, value < 10.0 ? "%.1f %s" : "%.0f %s", value, kUnits[unit]);
  return text;
}

class TerminalProgress final : public ProgressSink {
 public:
  TerminalProgress(FILE* out, bool live) : out_(out), live_(live) {}

  void OnStart(size_t total) override {
    std::lock_guard<std::mutex> lock(mu_);
    if (total_ == done_) started_ = SteadyClock::now();  // a new run after an idle sink
    total_ += total;
  }

  void OnDone(const std::string& url, bool ok, uint64_t bytes) override {
    std::lock_guard<std::mutex> lock(mu_);
    ++done_;
    if (!ok) ++failed_;
    bytes_ += bytes;
    if (!live_) {
      std::fprintf(out_, "[fetch] %zu/%zu %s %s", done_, total_, ok ? "ok" : "failed", url.c_str());
      if (ok) std::fprintf(out_, " (%s)", FormatBytes(bytes).c_str());
      std::fputc('\n', out_);
      std::fflush(out_);
      return;
    }
    const auto now = SteadyClock::now();
    if (drawn_ && done_ < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    Draw(now);
  }

  void OnFinish() override {
    std::lock_guard<std::mutex> lock(mu_);
    if (live_) {
      Draw(SteadyClock::now());
      if (done_ == total_) {
        std::fputc('\n', out_);
        drawn_ = false;
      }
    } else if (done_ == total_) {
      std::fprintf(out_, "[fetch] done: %zu fetched, %zu failed, %s in %.1f s\n", done_ - failed_,
                   failed_, FormatBytes(bytes_).c_str(), Seconds());
    }
    std::fflush(out_);
  }

 private:
  double Seconds() const {
    return std::chrono::duration<double>(SteadyClock::now() - started_).count();
  }

  // Redraws the live line; the padding erases a longer previous line.
  void Draw(SteadyClock::time_point now) {
    const double seconds = Seconds();
    const double rate = seconds > 0.0 ? static_cast<double>(done_) / seconds : 0.0;
    char line[160];
    const int n = std::snprintf(line, sizeof line, "fetched %zu/%zu, %zu failed, %s, %.1f pages/s",
                                done_, total_, failed_, FormatBytes(bytes_).c_str(), rate);
    const int width = n < 0 ? 0 : n;
    std::fprintf(out_, "\r%s%*s", line, std::max(0, last_width_ - width), "");
    std::fflush(out_);
    last_width_ = width;
    last_draw_ = now;
    drawn_ = true;
  }

  FILE* out_;
  const bool live_;
  std::mutex mu_;  // guards everything below and writes to out_
  size_t total_ = 0;
  size_t done_ = 0;
  size_t failed_ = 0;
  uint64_t bytes_ = 0;
  SteadyClock::time_point started_ = SteadyClock::now();
  SteadyClock::time_point last_draw_;
  bool drawn_ = false;
  int last_width_ = 0;
};

}  // namespace

std::unique_ptr<ProgressSink> NewTerminalProgress(FILE* out, ProgressStyle style) {
  const bool live = style == ProgressStyle::kLive ||
                    (style == ProgressStyle::kAuto && ::isatty(::fileno(out)) == 1);
  return std::make_unique<TerminalProgress>(out, live);
}

}  // namespace parallax::fetch
