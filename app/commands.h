// The `parallax` subcommands. Each returns the process exit code:
// 0 ran (with or without findings), 1 a source or step failed (others still processed),
// 2 usage error, 3 (run only) another run holds the lock.
#pragma once

#include <string>
#include <vector>

namespace parallax::app {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr int kExitLocked = 3;

int RunCompare(const std::vector<std::string>& args);
int RunExtract(const std::vector<std::string>& args);
int RunHistory(const std::vector<std::string>& args);
int RunRun(const std::vector<std::string>& args);

}  // namespace parallax::app
