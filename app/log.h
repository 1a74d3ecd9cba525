// Levelled log lines on stderr: "2025-11-04T05:32:00Z INFO collect: message". Thread-safe.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>

namespace parallax::app {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

class Logger {
 public:
  // Lines below `min_level` are dropped. `out` is not owned (stderr by default).
  explicit Logger(LogLevel min_level = LogLevel::kInfo, std::FILE* out = stderr)
      : min_level_(min_level), out_(out) {}
  void Log(LogLevel level, const std::string& component, const std::string& message);
  void Debug(const std::string& c, const std::string& m) { Log(LogLevel::kDebug, c, m); }
  void Info(const std::string& c, const std::string& m) { Log(LogLevel::kInfo, c, m); }
  void Warn(const std::string& c, const std::string& m) { Log(LogLevel::kWarn, c, m); }
  void Error(const std::string& c, const std::string& m) { Log(LogLevel::kError, c, m); }

 private:
  LogLevel min_level_;
  std::FILE* out_;
  std::mutex mu_;
};

}  // namespace parallax::app
