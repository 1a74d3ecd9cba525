// An exclusive advisory lock (flock) on a file, so two scheduled runs on one database cannot
// overlap. The lock is released when the RunLock is destroyed or the process dies.
#pragma once

#include <memory>
#include <string>

#include "parallax/core/status.h"

namespace parallax::app {

class RunLock {
 public:
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

  // Creates `path` if needed, takes the lock without waiting and writes this process's id into
  // the file. When another process holds it, the error names the path and the holder's pid as
  // written in the file: "another parallax run holds <path> (pid N)"; `*held` is set then.
  static Result<std::unique_ptr<RunLock>> Acquire(const std::string& path, bool* held);

 private:
  explicit RunLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace parallax::app
