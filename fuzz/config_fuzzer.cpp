// The TOML configuration of `parallax run` (app/config.cpp: toml++ parsing, then key-by-key
// validation). Invariants: it never throws; an error names the file; a configuration that
// validates has the required keys and in-range values.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "config.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto config = parallax::app::ParseConfig(text, "fuzz.toml");
  if (!config.ok()) {
    FUZZ_CHECK(config.status().subject().rfind("fuzz.toml", 0) == 0);
    FUZZ_CHECK(!config.status().message().empty());
    return 0;
  }
  FUZZ_CHECK(!config->database.empty());
  FUZZ_CHECK(!config->output.empty());
  FUZZ_CHECK(config->host_delay_seconds >= 0 && config->host_delay_seconds <= 3600);
  FUZZ_CHECK(config->max_per_host >= 1 && config->concurrency >= 1);
  for (const auto& event : config->events) FUZZ_CHECK(!event.name.empty());
  return 0;
}
