#include "lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace parallax::app {

RunLock::~RunLock() {
  if (fd_ >= 0) {
    flock(fd_, LOCK_UN);
    close(fd_);
  }
}

Result<std::unique_ptr<RunLock>> RunLock::Acquire(const std::string& path, bool* held) {
  if (held) *held = false;
  const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::Error(path, std::string("cannot open lock file: ") + strerror(errno));
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    std::string pid;
    char buf[32] = {};
    const ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    for (ssize_t i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; ++i) pid += buf[i];
    close(fd);
    if (err == EWOULDBLOCK) {
      if (held) *held = true;
      return Status::Error("parallax run", "another parallax run holds " + path + " (pid " +
                                               (pid.empty() ? "unknown" : pid) + ")");
    }
    return Status::Error(path, std::string("cannot lock: ") + strerror(err));
  }
  const std::string me = std::to_string(getpid()) + "\n";
  if (ftruncate(fd, 0) != 0 || pwrite(fd, me.data(), me.size(), 0) < 0) {
    // The pid is only informative; the lock itself is held.
  }
  return std::unique_ptr<RunLock>(new RunLock(fd));
}

}  // namespace parallax::app
