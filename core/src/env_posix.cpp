#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <system_error>

#include <unistd.h>

#include "parallax/core/env.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;

// Saved pages and plain-text articles; data files lying beside them (gold.json, images,
// style sheets) are not articles.
bool IsArticleFileName(const std::string& name) {
  const std::string ext = fs::path(name).extension().string();
  std::string lower;
  for (char c : ext)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return lower == ".html" || lower == ".htm" || lower == ".xhtml" || lower == ".txt";
}

class PosixFileSystem final : public FileSystem {
 public:
  Result<std::string> ReadFile(const std::string& path, uint64_t max_bytes) override {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return Status::Error(path, "is a directory, not a file");
    const auto size = fs::file_size(path, ec);
    if (ec) return Status::Error(path, "cannot read: " + ec.message());
    if (size > max_bytes) {
      return Status::Error(path, "file is " + std::to_string(size) + " bytes, over the limit of " +
                                     std::to_string(max_bytes));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::Error(path, "cannot open for reading");
    std::string data(size, '\0');
    in.read(data.data(), static_cast<std::streamsize>(size));
    if (static_cast<uint64_t>(in.gcount()) != size) return Status::Error(path, "short read");
    return data;
  }

  Status WriteFileAtomic(const std::string& path, const std::string& contents) override {
    const fs::path target(path);
    std::error_code ec;
    if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
    const std::string tmp = path + ".tmp." + std::to_string(::getpid());
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      if (!out) return Status::Error(path, "cannot open for writing");
      out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
      out.flush();
      if (!out) {
        fs::remove(tmp, ec);
        return Status::Error(path, "write failed");
      }
    }
    fs::rename(tmp, target, ec);
    if (ec) {
      fs::remove(tmp, ec);
      return Status::Error(path, "cannot replace: " + ec.message());
    }
    return Status::Ok();
  }

  bool IsDirectory(const std::string& path) override {
    std::error_code ec;
    return fs::is_directory(path, ec);
  }

  bool Exists(const std::string& path) override {
    std::error_code ec;
    return fs::exists(path, ec);
  }

  Result<std::vector<std::string>> ListArticleFiles(const std::string& dir) override {
    std::error_code ec;
    std::vector<std::string> files;
    fs::directory_iterator it(dir, ec), end;
    if (ec) return Status::Error(dir, "cannot list directory: " + ec.message());
    for (; it != end; it.increment(ec)) {
      if (ec) return Status::Error(dir, "cannot list directory: " + ec.message());
      const auto& entry = *it;
      const std::string name = entry.path().filename().string();
      if (name.empty() || name[0] == '.') continue;
      if (entry.is_regular_file(ec)) {
        if (IsArticleFileName(name)) files.push_back(entry.path().string());
      } else if (entry.is_directory(ec)) {
        for (const char* index : {"index.html", "index.htm", "article.html", "article.txt"}) {
          const fs::path candidate = entry.path() / index;
          if (fs::is_regular_file(candidate, ec)) {
            files.push_back(candidate.string());
            break;
          }
        }
      }
    }
    std::sort(files.begin(), files.end());
    return files;
  }
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point Now() override { return std::chrono::system_clock::now(); }
};

}  // namespace

std::unique_ptr<FileSystem> NewPosixFileSystem() {
  return std::make_unique<PosixFileSystem>();
}
std::unique_ptr<Clock> NewSystemClock() {
  return std::make_unique<SystemClock>();
}

}  // namespace parallax
