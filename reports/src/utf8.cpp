#include <cstdint>

#include "parallax/reports/reports.h"

namespace parallax::reports {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed sequence starting at `i`, or 0 when it is ill-formed; in that case
// `*consumed` is the length of its maximal subpart (at least 1), which becomes one U+FFFD.
size_t WellFormedLength(std::string_view s, size_t i, size_t* consumed) {
  const auto b = static_cast<uint8_t>(s[i]);
  if (b < 0x80) return 1;
  size_t need = 0;
  uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte (Unicode Table 3-7)
  if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
  } else if (b == 0xE0) {
    need = 2, lo = 0xA0;
  } else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
    need = 2;
  } else if (b == 0xED) {
    need = 2, hi = 0x9F;  // excludes surrogates
  } else if (b == 0xF0) {
    need = 3, lo = 0x90;
  } else if (b >= 0xF1 && b <= 0xF3) {
    need = 3;
  } else if (b == 0xF4) {
    need = 3, hi = 0x8F;  // up to U+10FFFF
  } else {
    *consumed = 1;
    return 0;
  }
  size_t j = i + 1;
  for (size_t k = 0; k < need; ++k, ++j) {
    const uint8_t min = k == 0 ? lo : 0x80;
    const uint8_t max = k == 0 ? hi : 0xBF;
    if (j >= s.size() || static_cast<uint8_t>(s[j]) < min || static_cast<uint8_t>(s[j]) > max) {
      *consumed = j - i;
      return 0;
    }
  }
  return need + 1;
}

}  // namespace

std::string SanitizeUtf8(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    size_t consumed = 0;
    const size_t len = WellFormedLength(in, i, &consumed);
    if (len > 0) {
      out.append(in.substr(i, len));
      i += len;
    } else {
      out.append(kReplacement);
      i += consumed;
    }
  }
  return out;
}

}  // namespace parallax::reports
