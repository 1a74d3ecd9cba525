// parallax: compare how news outlets report one event.
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"

#ifndef PARALLAX_VERSION
#define PARALLAX_VERSION "0.0.0"
#endif

namespace {

constexpr const char* kUsage = R"(parallax - compare how news outlets report one event

Usage:
  parallax compare SOURCE... [--json FILE] [--markdown FILE] [--html FILE] [--db FILE]
  parallax extract SOURCE [--url URL] [--json]
  parallax history EVENT [--db FILE] [--json]
  parallax run CONFIG [--check | --dry-run] [--verbose | --quiet]
  parallax --help | --version
  parallax COMMAND --help

Commands:
  compare   Align the claims of several articles and report agreements and conflicts.
  extract   Print one article's extracted text and metadata.
  history   List the recorded runs of an event and how their findings changed.
  run       Collect the configured events' coverage from feeds and sitemaps (nightly runs).

Exit codes: 0 ran (with or without findings), 1 a source or step failed (the message names
it; the other sources were still processed), 2 usage error, 3 (run) another run holds the
lock.
)";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kUsage;
    return parallax::app::kExitUsage;
  }
  const std::string command = args.front();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return parallax::app::kExitOk;
  }
  if (command == "--version") {
    std::cout << "parallax " << PARALLAX_VERSION << "\n";
    return parallax::app::kExitOk;
  }
  if (command == "compare") return parallax::app::RunCompare(rest);
  if (command == "extract") return parallax::app::RunExtract(rest);
  if (command == "history") return parallax::app::RunHistory(rest);
  if (command == "run") return parallax::app::RunRun(rest);
  std::cerr << "parallax: unknown command '" << command << "'\n\n" << kUsage;
  return parallax::app::kExitUsage;
}
