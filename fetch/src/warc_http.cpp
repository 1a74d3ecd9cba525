// The HTTP response inside a WARC response record: status line, headers, de-chunked and
// decompressed body.
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "ascii.h"
#include "parallax/fetch/warc.h"

namespace parallax::fetch {
namespace {

std::string Lower(std::string_view s) {
  return detail::AsciiLower(s);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Takes one line (ending in LF, CR stripped) off the front of `in`; false when no LF is left.
bool TakeLine(std::string_view& in, std::string_view& line) {
  const auto nl = in.find('\n');
  if (nl == std::string_view::npos) return false;
  line = in.substr(0, nl);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  in.remove_prefix(nl + 1);
  return true;
}

Result<std::string> Dechunk(std::string_view in, const std::string& subject, uint64_t max_bytes) {
  std::string out;
  while (true) {
    std::string_view line;
    if (!TakeLine(in, line)) {
      return Status::Error(subject, "chunked body: a chunk-size line is missing (truncated)");
    }
    line = Trim(line.substr(0, line.find(';')));  // chunk extensions are ignored
    if (line.empty() || line.size() > 15 || !std::all_of(line.begin(), line.end(), [](char c) {
          return std::isxdigit(static_cast<unsigned char>(c));
        })) {
      return Status::Error(
          subject, "chunked body: invalid chunk size \"" + std::string(line.substr(0, 20)) + "\"");
    }
    const uint64_t size = std::stoull(std::string(line), nullptr, 16);
    if (size == 0) break;  // trailers, if any, are ignored
    if (size > in.size()) {
      return Status::Error(subject, "chunked body: a chunk of " + std::to_string(size) +
                                        " bytes is longer than the data left");
    }
    if (out.size() + size > max_bytes) {
      return Status::Error(subject,
                           "body is over the limit of " + std::to_string(max_bytes) + " bytes");
    }
    out.append(in.substr(0, size));
    in.remove_prefix(size);
    if (in.starts_with("\r\n")) {
      in.remove_prefix(2);
    } else if (in.starts_with("\n")) {
      in.remove_prefix(1);
    } else {
      return Status::Error(subject, "chunked body: a chunk is not followed by CRLF");
    }
  }
  return out;
}

// `window_bits` as for inflateInit2: 16+15 gzip, 15 zlib, -15 raw deflate.
Result<std::string> Inflate(std::string_view in, int window_bits, const std::string& subject,
                            uint64_t max_bytes) {
  z_stream z{};
  if (inflateInit2(&z, window_bits) != Z_OK) return Status::Error(subject, "zlib init failed");
  std::string out;
  char buf[32 << 10];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    out.append(buf, sizeof buf - z.avail_out);
    if (out.size() > max_bytes) {
      inflateEnd(&z);
      return Status::Error(subject, "decompressed body is over the limit of " +
                                        std::to_string(max_bytes) + " bytes");
    }
  }
  const std::string message = z.msg != nullptr ? z.msg : "truncated data";
  inflateEnd(&z);
  if (rc != Z_STREAM_END) return Status::Error(subject, "corrupt compressed body: " + message);
  return out;
}

}  // namespace

Result<WarcHttpResponse> ParseWarcHttpResponse(std::string_view block, const std::string& subject,
                                               uint64_t max_body_bytes) {
  WarcHttpResponse response;
  std::string_view line;
  if (!TakeLine(block, line)) {
    return Status::Error(subject, "the HTTP response has no status line");
  }
  // "HTTP/1.1 200 OK"; the reason phrase may be empty or missing.
  if (!line.starts_with("HTTP/") || line.find(' ') == std::string_view::npos) {
    return Status::Error(subject,
                         "malformed HTTP status line \"" + std::string(line.substr(0, 60)) + "\"");
  }
  std::string_view rest = line.substr(line.find(' ') + 1);
  const std::string_view code = rest.substr(0, rest.find(' '));
  if (code.size() != 3 ||
      !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return Status::Error(subject,
                         "malformed HTTP status line \"" + std::string(line.substr(0, 60)) + "\"");
  }
  response.status = std::stoi(std::string(code));
  if (rest.size() > 4) response.reason = std::string(Trim(rest.substr(4)));

  while (true) {
    if (!TakeLine(block, line)) {
      return Status::Error(subject, "the HTTP headers do not end with an empty line");
    }
    if (line.empty()) break;
    if ((line[0] == ' ' || line[0] == '\t') && !response.headers.empty()) {
      response.headers.back().second += ' ';
      response.headers.back().second += Trim(line);
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return Status::Error(
          subject, "malformed HTTP header line \"" + std::string(line.substr(0, 60)) + "\"");
    }
    response.headers.emplace_back(std::string(Trim(line.substr(0, colon))),
                                  std::string(Trim(line.substr(colon + 1))));
  }

  std::string transfer_encoding;
  std::string content_encoding;
  for (const auto& [name, value] : response.headers) {
    const std::string key = Lower(name);
    if (key == "content-type" && response.content_type.empty()) response.content_type = value;
    if (key == "transfer-encoding") transfer_encoding = Lower(value);
    if (key == "content-encoding") content_encoding = Lower(Trim(value));
  }

  std::string body;
  if (transfer_encoding.find("chunked") != std::string::npos) {
    auto dechunked = Dechunk(block, subject, max_body_bytes);
    if (!dechunked.ok()) return dechunked.status();
    body = std::move(dechunked).value();
  } else {
    if (block.size() > max_body_bytes) {
      return Status::Error(
          subject, "body is over the limit of " + std::to_string(max_body_bytes) + " bytes");
    }
    body.assign(block);
  }

  if (content_encoding.empty() || content_encoding == "identity" || body.empty()) {
    response.body = std::move(body);
  } else if (content_encoding == "gzip" || content_encoding == "x-gzip") {
    auto decoded = Inflate(body, 16 + MAX_WBITS, subject, max_body_bytes);
    if (!decoded.ok()) return decoded.status();
    response.body = std::move(decoded).value();
  } else if (content_encoding == "deflate") {
    // Servers send either zlib-wrapped (as the RFC says) or raw deflate data.
    auto decoded = Inflate(body, MAX_WBITS, subject, max_body_bytes);
    if (!decoded.ok()) decoded = Inflate(body, -MAX_WBITS, subject, max_body_bytes);
    if (!decoded.ok()) return decoded.status();
    response.body = std::move(decoded).value();
  } else {
    return Status::Error(subject, "unsupported Content-Encoding \"" + content_encoding + "\"");
  }
  return response;
}

}  // namespace parallax::fetch
