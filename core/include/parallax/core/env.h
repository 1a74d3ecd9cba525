// Side effects the stages need, behind interfaces so tests can pass fakes and fault injectors
// (after leveldb's Env). Implementations must be safe to call from several threads at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "parallax/core/status.h"

namespace parallax {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // Reads a whole file; fails (naming the path) when it is larger than `max_bytes`.
  virtual Result<std::string> ReadFile(const std::string& path, uint64_t max_bytes) = 0;
  // Replaces `path` atomically (write to a temporary beside it, then rename).
  virtual Status WriteFileAtomic(const std::string& path, const std::string& contents) = 0;
  virtual bool IsDirectory(const std::string& path) = 0;
  virtual bool Exists(const std::string& path) = 0;
  // Article files (.html, .htm, .xhtml, .txt) directly inside `dir`, and for each subfolder its
  // index.html, index.htm, article.html or article.txt (the layout of a saved site), sorted by
  // path. Hidden entries (starting with '.') are skipped.
  virtual Result<std::vector<std::string>> ListArticleFiles(const std::string& dir) = 0;
};

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point Now() = 0;
};

// The real file system and wall clock. Owned by the caller of the returned pointer.
std::unique_ptr<FileSystem> NewPosixFileSystem();
std::unique_ptr<Clock> NewSystemClock();

// A clock that always returns the same instant, for tests and reproducible runs.
class FixedClock : public Clock {
 public:
  explicit FixedClock(std::chrono::system_clock::time_point t) : t_(t) {}
  std::chrono::system_clock::time_point Now() override { return t_; }

 private:
  std::chrono::system_clock::time_point t_;
};

// "2025-11-04T05:32:00Z" for an instant (UTC, whole seconds).
std::string FormatIsoUtc(std::chrono::system_clock::time_point t);

}  // namespace parallax
