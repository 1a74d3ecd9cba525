// WARC record framing over a plain or gzip byte stream (zlib inflate, one member after another).
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>

#include "parallax/fetch/warc.h"

namespace parallax::fetch {
namespace {

constexpr size_t kChunk = 64 << 10;

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Raw bytes of the file or of an in-memory buffer.
class RawSource {
 public:
  virtual ~RawSource() = default;
  // Appends up to `max` bytes to `out`; 0 at end of input. Returns -1 on a read error.
  virtual long Read(char* out, size_t max) = 0;
};

class FileSource final : public RawSource {
 public:
  explicit FileSource(std::FILE* f) : f_(f) {}
  ~FileSource() override { std::fclose(f_); }
  long Read(char* out, size_t max) override {
    const size_t n = std::fread(out, 1, max, f_);
    if (n == 0 && std::ferror(f_)) return -1;
    return static_cast<long>(n);
  }

 private:
  std::FILE* f_;
};

class MemorySource final : public RawSource {
 public:
  explicit MemorySource(std::string bytes) : bytes_(std::move(bytes)) {}
  long Read(char* out, size_t max) override {
    const size_t n = std::min(max, bytes_.size() - pos_);
    std::memcpy(out, bytes_.data() + pos_, n);
    pos_ += n;
    return static_cast<long>(n);
  }

 private:
  std::string bytes_;
  size_t pos_ = 0;
};

// Uncompressed bytes with look-ahead: plain input as is, gzip input inflated member by member.
class Stream {
 public:
  Stream(std::string name, std::unique_ptr<RawSource> raw)
      : name_(std::move(name)), raw_(std::move(raw)) {}
  ~Stream() {
    if (inflating_) inflateEnd(&z_);
  }

  // Makes at least `n` bytes available after the cursor unless the input ends first.
  Status Fill(size_t n) {
    while (buf_.size() - pos_ < n && !done_) {
      if (pos_ > 0 && pos_ >= buf_.size() / 2) {
        buf_.erase(0, pos_);
        pos_ = 0;
      }
      if (Status s = Produce(); !s.ok()) return s;
    }
    return Status::Ok();
  }
  size_t available() const { return buf_.size() - pos_; }
  const char* data() const { return buf_.data() + pos_; }
  void Consume(size_t n) {
    pos_ += n;
    offset_ += n;
  }
  uint64_t offset() const { return offset_; }

 private:
  Status ReadRaw() {
    in_.resize(kChunk);
    const long n = raw_->Read(in_.data(), in_.size());
    if (n < 0) return Status::Error(name_, "read error");
    in_.resize(static_cast<size_t>(n));
    in_pos_ = 0;
    raw_eof_ = n == 0;
    return Status::Ok();
  }

  // Appends some uncompressed bytes to buf_, or sets done_.
  Status Produce() {
    if (in_pos_ == in_.size()) {
      if (Status s = ReadRaw(); !s.ok()) return s;
    }
    if (!started_) {
      started_ = true;
      // Peek for the gzip magic (the first read may return a single byte on odd sources).
      while (in_.size() < 2 && !raw_eof_) {
        std::string head = in_;
        if (Status s = ReadRaw(); !s.ok()) return s;
        in_ = head + in_;
      }
      gzip_ = in_.size() >= 2 && static_cast<unsigned char>(in_[0]) == 0x1f &&
              static_cast<unsigned char>(in_[1]) == 0x8b;
    }
    if (!gzip_) {
      if (in_pos_ == in_.size()) {
        done_ = true;
        return Status::Ok();
      }
      buf_.append(in_, in_pos_, std::string::npos);
      in_pos_ = in_.size();
      return Status::Ok();
    }
    return Inflate();
  }

  Status Inflate() {
    if (in_pos_ == in_.size()) {
      if (!inflating_ || member_ended_) {
        done_ = true;  // clean end: input exhausted at a member boundary
        return Status::Ok();
      }
      return Status::Error(name_, "the gzip data ends in the middle of a member (truncated file)");
    }
    if (!inflating_) {
      std::memset(&z_, 0, sizeof z_);
      if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) {
        return Status::Error(name_, "zlib could not be initialised");
      }
      inflating_ = true;
    } else if (member_ended_) {
      inflateReset(&z_);  // the next gzip member
    }
    member_ended_ = false;
    char out[kChunk];
    z_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
    z_.avail_in = static_cast<uInt>(in_.size() - in_pos_);
    z_.next_out = reinterpret_cast<Bytef*>(out);
    z_.avail_out = sizeof out;
    const int rc = inflate(&z_, Z_NO_FLUSH);
    in_pos_ = in_.size() - z_.avail_in;
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
      return Status::Error(name_, std::string("corrupt gzip data: ") +
                                      (z_.msg != nullptr ? z_.msg : "inflate failed"));
    }
    buf_.append(out, sizeof out - z_.avail_out);
    if (rc == Z_STREAM_END) member_ended_ = true;
    return Status::Ok();
  }

  std::string name_;
  std::unique_ptr<RawSource> raw_;
  std::string in_;
  size_t in_pos_ = 0;
  bool raw_eof_ = false;
  bool started_ = false;
  bool gzip_ = false;
  bool inflating_ = false;
  bool member_ended_ = false;
  z_stream z_{};
  std::string buf_;
  size_t pos_ = 0;
  uint64_t offset_ = 0;
  bool done_ = false;
};

class WarcReaderImpl final : public WarcReader {
 public:
  WarcReaderImpl(std::string name, std::unique_ptr<RawSource> raw, const WarcReaderOptions& options)
      : name_(name), options_(options), in_(std::move(name), std::move(raw)) {}

  Result<bool> Next(WarcRecord& record) override {
    if (!failed_.ok()) return failed_;
    Result<bool> r = ReadRecord(record);
    if (!r.ok()) failed_ = r.status();
    return r;
  }

 private:
  Status Fail(uint64_t offset, const std::string& message) {
    return Status::Error(name_, "record at offset " + std::to_string(offset) + ": " + message);
  }

  // Reads one line (without its CRLF or LF) of at most `limit` bytes. `eof` is set when the input
  // ends before any byte of the line.
  Status ReadLine(std::string& line, size_t limit, bool& eof, uint64_t record_offset) {
    line.clear();
    eof = false;
    size_t scanned = 0;
    while (true) {
      if (Status s = in_.Fill(scanned + 1); !s.ok()) return Fail(record_offset, s.message());
      const size_t avail = in_.available();
      if (avail == 0) {
        eof = true;
        return Status::Ok();
      }
      const void* nl = std::memchr(in_.data() + scanned, '\n', avail - scanned);
      if (nl != nullptr) {
        const size_t len = static_cast<size_t>(static_cast<const char*>(nl) - in_.data());
        if (len > limit) break;
        line.assign(in_.data(), len);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        in_.Consume(len + 1);
        return Status::Ok();
      }
      scanned = avail;
      if (scanned > limit) break;
      if (Status s = in_.Fill(scanned + 1); !s.ok()) return Fail(record_offset, s.message());
      if (in_.available() == scanned) {  // input ended inside the line
        return Fail(record_offset, "the input ends inside the record header (truncated file)");
      }
    }
    return Fail(record_offset, "the record header is longer than " +
                                   std::to_string(options_.max_header_bytes) + " bytes");
  }

  Result<bool> ReadRecord(WarcRecord& record) {
    // Skip blank lines before the record; a clean end of input is the end of the file.
    std::string line;
    bool eof = false;
    uint64_t offset = 0;
    do {
      offset = in_.offset();
      if (Status s = ReadLine(line, options_.max_header_bytes, eof, offset); !s.ok()) return s;
      if (eof) return false;
    } while (Trim(line).empty());

    if (line.starts_with("filedesc://")) {
      return Status::Error(name_, "ARC files are not supported (only WARC/1.0 and WARC/1.1)");
    }
    if (line != "WARC/1.0" && line != "WARC/1.1") {
      const std::string shown = line.substr(0, 40);
      return Fail(offset,
                  line.starts_with("WARC/")
                      ? "unsupported WARC version \"" + shown + "\""
                      : "not a WARC record (expected \"WARC/1.0\" or \"WARC/1.1\", found \"" +
                            shown + "\")");
    }
    if (++records_ > options_.max_records) {
      return Fail(offset, "more than " + std::to_string(options_.max_records) + " records");
    }

    record = WarcRecord{};
    record.offset = offset;
    record.version = line;
    size_t header_bytes = line.size() + 2;
    while (true) {
      const size_t left =
          header_bytes < options_.max_header_bytes ? options_.max_header_bytes - header_bytes : 0;
      if (Status s = ReadLine(line, left, eof, offset); !s.ok()) return s;
      if (eof) return Fail(offset, "the input ends inside the record header (truncated file)");
      header_bytes += line.size() + 2;
      if (line.empty()) break;
      if ((line[0] == ' ' || line[0] == '\t') && !record.fields.empty()) {
        std::string& value = record.fields.back().second;  // folded continuation line
        value += ' ';
        value += Trim(line);
        continue;
      }
      const auto colon = line.find(':');
      if (colon == std::string::npos || colon == 0) {
        return Fail(offset, "malformed header line \"" + line.substr(0, 60) + "\"");
      }
      record.fields.emplace_back(std::string(Trim(std::string_view(line).substr(0, colon))),
                                 std::string(Trim(std::string_view(line).substr(colon + 1))));
    }

    const std::string length_text = record.Field("Content-Length");
    if (length_text.empty()) return Fail(offset, "Content-Length is missing");
    uint64_t length = 0;
    for (char c : length_text) {
      if (c < '0' || c > '9' || length > (UINT64_MAX - 9) / 10) {
        return Fail(offset, "invalid Content-Length \"" + length_text + "\"");
      }
      length = length * 10 + static_cast<uint64_t>(c - '0');
    }
    if (length > options_.max_record_bytes) {
      return Fail(offset, "Content-Length " + length_text + " is over the limit of " +
                              std::to_string(options_.max_record_bytes) + " bytes");
    }

    record.type = record.Field("WARC-Type");
    for (char& c : record.type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    record.record_id = record.Field("WARC-Record-ID");
    record.date = record.Field("WARC-Date");
    record.content_type = record.Field("Content-Type");
    record.target_uri = record.Field("WARC-Target-URI");
    if (record.target_uri.size() >= 2 && record.target_uri.front() == '<' &&
        record.target_uri.back() == '>') {
      record.target_uri = record.target_uri.substr(1, record.target_uri.size() - 2);
    }

    // The block, read in pieces so a lying Content-Length cannot make us allocate it up front.
    record.block.clear();
    while (record.block.size() < length) {
      const size_t want =
          static_cast<size_t>(std::min<uint64_t>(length - record.block.size(), kChunk));
      if (Status s = in_.Fill(want); !s.ok()) return Fail(offset, s.message());
      const size_t n = std::min(want, in_.available());
      if (n == 0) {
        return Fail(offset, "the block is truncated: Content-Length is " + length_text +
                                " but only " + std::to_string(record.block.size()) +
                                " bytes follow");
      }
      record.block.append(in_.data(), n);
      in_.Consume(n);
    }

    // The CRLF CRLF that ends every record (a missing one at the very end of input is tolerated).
    if (Status s = in_.Fill(4); !s.ok()) return Fail(offset, s.message());
    const std::string_view tail(in_.data(), std::min<size_t>(4, in_.available()));
    if (tail == "\r\n\r\n") {
      in_.Consume(4);
    } else if (tail.starts_with("\n\n")) {
      in_.Consume(2);
    } else if (!tail.empty() && tail != "\r\n" && tail != "\n") {
      return Fail(offset, "the block is not followed by CRLF CRLF (is Content-Length " +
                              length_text + " wrong?)");
    } else {
      in_.Consume(tail.size());
    }
    return true;
  }

  std::string name_;
  WarcReaderOptions options_;
  Stream in_;
  uint64_t records_ = 0;
  Status failed_;
};

}  // namespace

std::string WarcRecord::Field(std::string_view name) const {
  for (const auto& [key, value] : fields) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return "";
}

Result<std::unique_ptr<WarcReader>> WarcReader::Open(const std::string& path,
                                                     const WarcReaderOptions& options) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    return Status::Error(path, std::string("cannot open: ") + std::strerror(errno));
  }
  std::unique_ptr<WarcReader> reader =
      std::make_unique<WarcReaderImpl>(path, std::make_unique<FileSource>(f), options);
  return reader;
}

std::unique_ptr<WarcReader> WarcReader::FromBytes(std::string name, std::string bytes,
                                                  const WarcReaderOptions& options) {
  return std::make_unique<WarcReaderImpl>(
      std::move(name), std::make_unique<MemorySource>(std::move(bytes)), options);
}

Result<std::vector<WarcRecord>> ReadWarcFile(const std::string& path,
                                             const WarcReaderOptions& options) {
  auto reader = WarcReader::Open(path, options);
  if (!reader.ok()) return reader.status();
  std::vector<WarcRecord> records;
  WarcRecord record;
  while (true) {
    Result<bool> more = (*reader)->Next(record);
    if (!more.ok()) return more.status();
    if (!*more) break;
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace parallax::fetch
