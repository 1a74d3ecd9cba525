// WARC files (ISO 28500, WARC/1.0 and WARC/1.1): reading records from a .warc or .warc.gz, and
// writing every fetched HTTP response to a .warc.gz so a run can be replayed offline.
//
// Reading is streaming (one record in memory at a time); a gzip file may be one member per record
// (the usual layout), one member for the whole file, or members that split records anywhere: the
// members are decompressed as one continuous stream. Old ARC files are refused with an error.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parallax/core/status.h"
#include "parallax/fetch/http.h"

namespace parallax::fetch {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct WarcReaderOptions {
  uint64_t max_record_bytes = 64ull << 20;  // Content-Length above this is an error
  uint32_t max_header_bytes = 64u << 10;    // the WARC header (version line to blank line)
  uint64_t max_records = 1'000'000;         // more records than this is an error
};

struct WarcRecord {
  // Byte offset of the record's version line in the *uncompressed* stream (for a plain .warc
  // that is the file offset; for a .warc.gz it is the offset in `zcat file`).
  uint64_t offset = 0;
  std::string version;       // "WARC/1.0" or "WARC/1.1"
  std::string type;          // WARC-Type, lowercased: "response", "resource", "request", ...
  std::string record_id;     // WARC-Record-ID as written, e.g. "<urn:uuid:...>"
  std::string target_uri;    // WARC-Target-URI without the <...> some writers add; "" if absent
  std::string date;          // WARC-Date as written
  std::string content_type;  // the WARC Content-Type field (of the block), "" if absent
  HeaderList fields;         // every named field in file order, names as written
  std::string block;         // exactly Content-Length bytes

  // The value of the first field named `name` (ASCII case-insensitive), "" if absent.
  std::string Field(std::string_view name) const;
};

// Reads records one by one. Not thread-safe; one reader per thread. Framing errors (bad version
// line, missing/invalid Content-Length, a block shorter than declared, a block not followed by
// CRLF CRLF, corrupt gzip, limits exceeded) stop the file: Next() returns the error, naming the
// file and the record's offset, and every later call returns the same error. Tolerated: blank
// lines between records, LF instead of CRLF line ends, and a missing separator at the very end. A
// record whose framing is intact is returned whatever its block holds; interpreting the block
// (ParseWarcHttpResponse) may fail on its own without stopping the file.
class WarcReader {
 public:
  // Opens a file (gzip is detected from its first bytes, not its name). Fails when the file
  // cannot be opened; the format is checked by the first Next().
  static Result<std::unique_ptr<WarcReader>> Open(const std::string& path,
                                                  const WarcReaderOptions& options = {});
  // Reads from bytes already in memory; `name` is used in error messages.
  static std::unique_ptr<WarcReader> FromBytes(std::string name, std::string bytes,
                                               const WarcReaderOptions& options = {});

  virtual ~WarcReader() = default;
  // Fills `record` and returns true; false at the clean end of the file; or a framing error.
  virtual Result<bool> Next(WarcRecord& record) = 0;
};

// Reads every record of a file (convenience for small files and tests).
Result<std::vector<WarcRecord>> ReadWarcFile(const std::string& path,
                                             const WarcReaderOptions& options = {});

struct WarcHttpResponse {
  int status = 0;
  std::string reason;
  HeaderList headers;        // as in the record, names as written
  std::string content_type;  // the Content-Type header, "" if absent
  std::string body;          // de-chunked and decompressed (gzip, deflate)
};

// Parses the block of a response record (application/http;msgtype=response): status line,
// headers, then the body, de-chunked for Transfer-Encoding: chunked and decompressed for
// Content-Encoding gzip/x-gzip/deflate. Fails (subject `subject`) on a malformed status line or
// header, a broken chunked body, corrupt compressed data, an unsupported encoding (br, ...), or
// a decoded body over `max_body_bytes`.
Result<WarcHttpResponse> ParseWarcHttpResponse(std::string_view block, const std::string& subject,
                                               uint64_t max_body_bytes = 10ull << 20);

// Writes a .warc.gz: a warcinfo record first, then for each response a request record (the GET
// reconstructed from the URL: method, path, Host, User-Agent, Accept-Encoding) and a response
// record, each record its own gzip member, with WARC-Block-Digest and WARC-Payload-Digest
// (sha1, base32). Response bodies are stored *decoded* (as HttpResponse holds them), so the
// Content-Encoding, Transfer-Encoding and Content-Length headers are replaced by one
// Content-Length of the stored body; the warcinfo record says so. The file is written to
// "<path>.partial" and renamed to `path` by Close(); destroying an unclosed writer removes the
// partial file. Not thread-safe.
class WarcWriter {
 public:
  struct Options {
    std::string software = "Parallax/0.1";
    std::string user_agent;  // put in the reconstructed requests; omitted when ""
  };

  // Creates "<path>.partial" and writes the warcinfo record dated `now`.
  static Result<std::unique_ptr<WarcWriter>> Open(const std::string& path,
                                                  std::chrono::system_clock::time_point now,
                                                  const Options& options);
  ~WarcWriter();
  WarcWriter(const WarcWriter&) = delete;
  WarcWriter& operator=(const WarcWriter&) = delete;

  // Appends the request and response records for one response received at `fetched_at`. The
  // target URI is response.final_url (requested_url when final_url is empty).
  Status Write(const HttpResponse& response, std::chrono::system_clock::time_point fetched_at);
  // Flushes, closes and renames the file to its final path. Once only.
  Status Close();

 private:
  struct Impl;
  explicit WarcWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace parallax::fetch
