// Pieces of the HTTP client that need no Asio/Beast: header parsing and the User-Agent.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "parallax/fetch/http.h"

namespace parallax::fetch::internal {

// The wait a Retry-After value asks for: delay-seconds ("120") or an IMF-fixdate HTTP-date
// ("Wed, 21 Oct 2015 07:28:00 GMT", 0 when already past `now`); nullopt when unparsable.
std::optional<std::chrono::milliseconds> ParseRetryAfter(std::string_view value,
                                                         std::chrono::system_clock::time_point now);

// options.user_agent, or "Parallax/<version> (+<contact_url>)" when that is empty.
std::string UserAgent(const HttpOptions& options);

}  // namespace parallax::fetch::internal
