#include "log.h"

#include <chrono>

#include "parallax/core/env.h"

namespace parallax::app {

void Logger::Log(LogLevel level, const std::string& component, const std::string& message) {
  if (level < min_level_ || out_ == nullptr) return;
  static const char* const kNames[] = {"DEBUG", "INFO", "WARN", "ERROR"};
  const std::string line = FormatIsoUtc(std::chrono::system_clock::now()) + " " +
                           kNames[static_cast<int>(level)] + " " + component + ": " + message +
                           "\n";
  std::lock_guard<std::mutex> lock(mu_);
  std::fputs(line.c_str(), out_);
  std::fflush(out_);
}

}  // namespace parallax::app
