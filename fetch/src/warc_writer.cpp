// WarcWriter: request/response records, one gzip member each, digests via OpenSSL EVP.
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <zlib.h>

#include <boost/url/parse.hpp>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

#include "ascii.h"
#include "parallax/core/env.h"
#include "parallax/fetch/warc.h"

namespace parallax::fetch {
namespace {

std::string Lower(std::string_view s) {
  return detail::AsciiLower(s);
}

// "sha1:" + RFC 4648 base32 of the SHA-1 of `data` (the form WARC tools write and check).
std::string Sha1Base32(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha1(), nullptr);
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out = "sha1:";
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned int i = 0; i < size; ++i) {
    buffer = (buffer << 8) | digest[i];
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];  // SHA-1: 160 bits, never taken
  return out;
}

// "<urn:uuid:xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx>", random (version 4).
std::string NewRecordId() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof b) != 1) {
    // The CSPRNG failing is not expected; fall back to a clock-seeded value so ids still differ.
    const uint64_t t =
        static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    for (int i = 0; i < 16; ++i) b[i] = static_cast<unsigned char>((t >> ((i % 8) * 8)) ^ i);
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
  char s[64];
  std::snprintf(s, sizeof s,
                "<urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x>",
                b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12],
                b[13], b[14], b[15]);
  return s;
}

const char* ReasonPhrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 203:
      return "Non-Authoritative Information";
    case 204:
      return "No Content";
    case 206:
      return "Partial Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 304:
      return "Not Modified";
    case 404:
      return "Not Found";
    default:
      return "";
  }
}

// One WARC record: header fields (Content-Length and digests added here) and its block.
std::string RecordBytes(const std::string& type, const HeaderList& fields, std::string_view block) {
  std::string out = "WARC/1.1\r\nWARC-Type: " + type + "\r\n";
  for (const auto& [name, value] : fields) out += name + ": " + value + "\r\n";
  out += "WARC-Block-Digest: " + Sha1Base32(block) + "\r\n";
  out += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  out += block;
  out += "\r\n\r\n";
  return out;
}

}  // namespace

struct WarcWriter::Impl {
  std::string path;
  std::string partial_path;
  std::FILE* file = nullptr;
  std::string warcinfo_id;
  Options options;
  Status failed;  // the first write error; later writes return it

  ~Impl() {
    if (file != nullptr) {
      std::fclose(file);
      std::remove(partial_path.c_str());
    }
  }

  // Compresses `record` into its own gzip member and appends it.
  Status Append(const std::string& record) {
    if (!failed.ok()) return failed;
    if (file == nullptr) return Status::Error(path, "the WARC file is already closed");
    z_stream z{};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
                     Z_DEFAULT_STRATEGY) != Z_OK) {
      return failed = Status::Error(path, "zlib could not be initialised");
    }
    std::string out(deflateBound(&z, static_cast<uLong>(record.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(record.data()));
    z.avail_in = static_cast<uInt>(record.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(out.size() - z.avail_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) return failed = Status::Error(path, "gzip compression failed");
    if (std::fwrite(out.data(), 1, out.size(), file) != out.size()) {
      return failed = Status::Error(path, std::string("write failed: ") + std::strerror(errno));
    }
    return Status::Ok();
  }
};

WarcWriter::WarcWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WarcWriter::~WarcWriter() = default;

Result<std::unique_ptr<WarcWriter>> WarcWriter::Open(const std::string& path,
                                                     std::chrono::system_clock::time_point now,
                                                     const Options& options) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->partial_path = path + ".partial";
  impl->options = options;
  impl->file = std::fopen(impl->partial_path.c_str(), "wb");
  if (impl->file == nullptr) {
    return Status::Error(path, "cannot create " + impl->partial_path + ": " + std::strerror(errno));
  }
  impl->warcinfo_id = NewRecordId();
  std::string filename = path.substr(path.find_last_of('/') + 1);
  const std::string info =
      "software: " + options.software +
      "\r\nformat: WARC File Format 1.1\r\n"
      "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/"
      "warc-1.1/\r\n"
      "description: HTTP responses fetched in one run. Bodies are stored decoded (gzip/deflate "
      "and chunked transfer removed), so Content-Encoding and Transfer-Encoding headers are "
      "dropped and Content-Length is the stored body's length. Request records are "
      "reconstructed from the URL, not captured.\r\n";
  const std::string record = RecordBytes("warcinfo",
                                         {{"WARC-Record-ID", impl->warcinfo_id},
                                          {"WARC-Date", FormatIsoUtc(now)},
                                          {"WARC-Filename", filename},
                                          {"Content-Type", "application/warc-fields"}},
                                         info);
  if (Status s = impl->Append(record); !s.ok()) return s;
  return std::unique_ptr<WarcWriter>(new WarcWriter(std::move(impl)));
}

Status WarcWriter::Write(const HttpResponse& response,
                         std::chrono::system_clock::time_point fetched_at) {
  Impl& w = *impl_;
  const std::string& uri = response.final_url.empty() ? response.requested_url : response.final_url;
  std::string target = "/";
  std::string host;
  if (auto parsed = boost::urls::parse_uri(uri); parsed.has_value()) {
    host = parsed->encoded_host_and_port();
    target = parsed->encoded_target();
    if (target.empty()) target = "/";
  } else {
    return Status::Error(w.path, "cannot record a response for the invalid URL \"" + uri + "\"");
  }

  std::string request = "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
  if (!w.options.user_agent.empty()) request += "User-Agent: " + w.options.user_agent + "\r\n";
  request += "Accept-Encoding: gzip, deflate\r\n\r\n";

  std::string http =
      "HTTP/1.1 " + std::to_string(response.status) + " " + ReasonPhrase(response.status) + "\r\n";
  bool has_content_type = false;
  for (const auto& [name, value] : response.headers) {
    const std::string key = Lower(name);
    if (key == "content-encoding" || key == "transfer-encoding" || key == "content-length") {
      continue;
    }
    if (key == "content-type") {
      // One Content-Type, the value the collector extracted with, so a replay reads the same.
      if (has_content_type) continue;
      has_content_type = true;
      http +=
          name + ": " + (response.content_type.empty() ? value : response.content_type) + "\r\n";
      continue;
    }
    http += name + ": " + value + "\r\n";
  }
  if (!has_content_type && !response.content_type.empty()) {
    http += "Content-Type: " + response.content_type + "\r\n";
  }
  http += "Content-Length: " + std::to_string(response.body.size()) + "\r\n\r\n";
  http += response.body;

  const std::string date = FormatIsoUtc(fetched_at);
  const std::string response_id = NewRecordId();
  const std::string request_id = NewRecordId();
  const std::string response_record =
      RecordBytes("response",
                  {{"WARC-Record-ID", response_id},
                   {"WARC-Date", date},
                   {"WARC-Target-URI", uri},
                   {"WARC-Warcinfo-ID", w.warcinfo_id},
                   {"WARC-Concurrent-To", request_id},
                   {"Content-Type", "application/http;msgtype=response"},
                   {"WARC-Payload-Digest", Sha1Base32(response.body)}},
                  http);
  const std::string request_record =
      RecordBytes("request",
                  {{"WARC-Record-ID", request_id},
                   {"WARC-Date", date},
                   {"WARC-Target-URI", uri},
                   {"WARC-Warcinfo-ID", w.warcinfo_id},
                   {"WARC-Concurrent-To", response_id},
                   {"Content-Type", "application/http;msgtype=request"}},
                  request);
  if (Status s = w.Append(request_record); !s.ok()) return s;
  return w.Append(response_record);
}

Status WarcWriter::Close() {
  Impl& w = *impl_;
  if (w.file == nullptr) return Status::Error(w.path, "the WARC file is already closed");
  const bool flushed = std::fflush(w.file) == 0;
  const bool closed = std::fclose(w.file) == 0;
  w.file = nullptr;
  if (!w.failed.ok() || !flushed || !closed) {
    std::remove(w.partial_path.c_str());
    return w.failed.ok()
               ? Status::Error(w.path, std::string("write failed: ") + std::strerror(errno))
               : w.failed;
  }
  if (std::rename(w.partial_path.c_str(), w.path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    std::remove(w.partial_path.c_str());
    return Status::Error(w.path, "cannot rename " + w.partial_path + ": " + reason);
  }
  return Status::Ok();
}

}  // namespace parallax::fetch
