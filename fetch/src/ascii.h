// ASCII-only case folding for protocol tokens (header names, charset labels, schemes, file
// extensions): locale-independent, and leaves UTF-8 bytes alone.
#pragma once

#include <string>
#include <string_view>

namespace parallax::fetch::detail {

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace parallax::fetch::detail
