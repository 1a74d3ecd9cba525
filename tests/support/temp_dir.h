// A fresh directory under the system temp dir, removed with everything in it on destruction.
#pragma once

#include <string>

namespace parallax::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + name
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Reads a whole file into a string; "" when it cannot be read.
std::string ReadWholeFile(const std::string& path);
// Writes (replacing) a file, creating parent directories.
void WriteWholeFile(const std::string& path, const std::string& contents);

}  // namespace parallax::testing
