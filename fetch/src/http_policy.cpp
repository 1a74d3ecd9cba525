#include "http_policy.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <ctime>
#include <vector>

#ifndef PARALLAX_VERSION
#define PARALLAX_VERSION "0.1.0"
#endif

namespace parallax::fetch {
namespace {

std::optional<std::string> ForbiddenV4(uint32_t a) {
  auto in = [a](uint32_t net, int bits) { return (a >> (32 - bits)) == (net >> (32 - bits)); };
  if (in(0x00000000, 8)) return "unspecified";  // 0.0.0.0/8, "this network"
  if (in(0x7f000000, 8)) return "loopback";
  if (in(0x0a000000, 8) || in(0xac100000, 12) || in(0xc0a80000, 16)) return "private";
  if (a == 0xa9fea9fe) return "cloud metadata";  // 169.254.169.254
  if (in(0xa9fe0000, 16)) return "link-local";
  if (in(0x64400000, 10)) return "CGNAT";  // 100.64.0.0/10
  if (a == 0xffffffff) return "broadcast";
  if (in(0xe0000000, 4)) return "multicast";
  if (in(0xf0000000, 4)) return "reserved";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> ForbiddenAddressKind(const std::string& ip) {
  std::string text = ip;
  if (text.size() > 2 && text.front() == '[' && text.back() == ']') {
    text = text.substr(1, text.size() - 2);
  }
  text = text.substr(0, text.find('%'));  // IPv6 zone ("fe80::1%eth0")
  unsigned char v4[4];
  if (::inet_pton(AF_INET, text.c_str(), v4) == 1) {
    return ForbiddenV4((uint32_t{v4[0]} << 24) | (uint32_t{v4[1]} << 16) | (uint32_t{v4[2]} << 8) |
                       v4[3]);
  }
  std::array<unsigned char, 16> b{};
  if (::inet_pton(AF_INET6, text.c_str(), b.data()) != 1) return std::nullopt;
  auto zeros = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      if (b[i] != 0) return false;
    }
    return true;
  };
  const uint32_t tail =
      (uint32_t{b[12]} << 24) | (uint32_t{b[13]} << 16) | (uint32_t{b[14]} << 8) | b[15];
  if (zeros(0, 16)) return "unspecified";
  if (zeros(0, 15) && b[15] == 1) return "loopback";
  if (zeros(0, 10) && b[10] == 0xff && b[11] == 0xff) return ForbiddenV4(tail);  // ::ffff:a.b.c.d
  // NAT64 64:ff9b::/96 reaches the embedded IPv4 address.
  if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && zeros(4, 12)) {
    return ForbiddenV4(tail);
  }
  // fd00:ec2::254, the AWS instance metadata service over IPv6.
  static const std::array<unsigned char, 16> kAwsMetadata = {0xfd, 0, 0x0e, 0xc2, 0, 0, 0, 0,
                                                             0,    0, 0,    0,    0, 0, 2, 0x54};
  if (b == kAwsMetadata) return "cloud metadata";
  if ((b[0] & 0xfe) == 0xfc) return "private";                     // fc00::/7 unique local
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return "link-local";  // fe80::/10
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return "private";     // fec0::/10 site-local
  if (b[0] == 0xff) return "multicast";
  return std::nullopt;
}

std::vector<Result<HttpResponse>> HttpClient::FetchAll(const std::vector<HttpRequest>& requests) {
  std::vector<std::string> urls;
  urls.reserve(requests.size());
  for (const auto& r : requests) urls.push_back(r.url);
  return FetchAll(urls);
}

void HttpClient::SetHostDelay(const std::string&, std::chrono::milliseconds) {}

namespace internal {

std::optional<std::chrono::milliseconds> ParseRetryAfter(
    std::string_view value, std::chrono::system_clock::time_point now) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (value.front() >= '0' && value.front() <= '9') {
    int64_t seconds = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec != std::errc() || end != value.data() + value.size()) return std::nullopt;
    return std::chrono::milliseconds(std::min<int64_t>(seconds, int64_t{1} << 40) * 1000);
  }
  // The "C" locale's day and month names are the ones HTTP uses.
  const std::string text(value);
  std::tm tm{};
  const char* end = ::strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (end == nullptr || *end != '\0') return std::nullopt;
  const auto when = std::chrono::system_clock::from_time_t(::timegm(&tm));
  if (when <= now) return std::chrono::milliseconds(0);
  return std::chrono::duration_cast<std::chrono::milliseconds>(when - now);
}

std::string UserAgent(const HttpOptions& options) {
  if (!options.user_agent.empty()) return options.user_agent;
  return "Parallax/" PARALLAX_VERSION " (+" + options.contact_url + ")";
}

}  // namespace internal
}  // namespace parallax::fetch
