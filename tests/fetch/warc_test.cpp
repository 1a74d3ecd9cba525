// WARC reading (plain and gzip, framing errors), the HTTP response inside a record, and the
// writer's round trip. The files of ../shared/data/warc are read when present.
#include <zlib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "parallax/fetch/warc.h"
#include "support/temp_dir.h"

namespace parallax::fetch {
namespace {

using parallax::testing::ReadWholeFile;
using parallax::testing::TempDir;
using parallax::testing::WriteWholeFile;

std::string DataFile(const std::string& name) {
  return std::string(PARALLAX_SOURCE_DIR) + "/tests/data/fetch/warc/" + name;
}

// `data` as one gzip member.
std::string Gzip(std::string_view data) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) ==
          Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  return out;
}

// `data` cut every `piece` bytes, each piece its own gzip member (members split records).
std::string GzipPieces(std::string_view data, size_t piece) {
  std::string out;
  for (size_t i = 0; i < data.size(); i += piece) out += Gzip(data.substr(i, piece));
  return out;
}

// Number of gzip members in `data` (each must be complete).
int CountGzipMembers(const std::string& data) {
  int members = 0;
  size_t pos = 0;
  while (pos < data.size()) {
    z_stream z{};
    REQUIRE(inflateInit2(&z, 16 + MAX_WBITS) == Z_OK);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + pos));
    z.avail_in = static_cast<uInt>(data.size() - pos);
    char buf[4096];
    int rc = Z_OK;
    while (rc == Z_OK) {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      rc = inflate(&z, Z_NO_FLUSH);
    }
    REQUIRE(rc == Z_STREAM_END);
    pos = data.size() - z.avail_in;
    inflateEnd(&z);
    ++members;
  }
  return members;
}

// Every record, or the first error.
Result<std::vector<WarcRecord>> ReadAll(WarcReader& reader) {
  std::vector<WarcRecord> records;
  WarcRecord record;
  while (true) {
    Result<bool> more = reader.Next(record);
    if (!more.ok()) return more.status();
    if (!*more) return records;
    records.push_back(record);
  }
}

Result<std::vector<WarcRecord>> ReadBytes(const std::string& bytes,
                                          const WarcReaderOptions& options = {}) {
  return ReadAll(*WarcReader::FromBytes("test.warc", bytes, options));
}

// The records read before the first error, and that error (ok when the file ended cleanly).
std::pair<std::vector<WarcRecord>, Status> ReadUntilError(WarcReader& reader) {
  std::vector<WarcRecord> records;
  WarcRecord record;
  while (true) {
    Result<bool> more = reader.Next(record);
    if (!more.ok()) return {records, more.status()};
    if (!*more) return {records, Status::Ok()};
    records.push_back(record);
  }
}

std::string Record(const std::string& fields, const std::string& block) {
  return "WARC/1.0\r\n" + fields + "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" +
         block + "\r\n\r\n";
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::vector<std::string> Types(const std::vector<WarcRecord>& records) {
  std::vector<std::string> out;
  for (const auto& r : records) out.push_back(r.type);
  return out;
}

const std::vector<std::string> kArticleTypes = {"warcinfo", "request",  "response", "response",
                                                "response", "resource", "metadata", "revisit"};

TEST_CASE("A plain WARC file gives its records in order with offsets, fields and blocks",
          "[warc]") {
  auto records = ReadWarcFile(DataFile("articles.warc"));
  REQUIRE(records.ok());
  CHECK(Types(*records) == kArticleTypes);
  const WarcRecord& response = (*records)[2];
  CHECK(response.version == "WARC/1.1");
  CHECK(response.offset == 552);  // first byte of its "WARC/1.1" line in the file
  CHECK(ReadWholeFile(DataFile("articles.warc")).substr(552, 8) == "WARC/1.1");
  // The field name is lowercase in the file and the URI wrapped in <>; both are accepted.
  CHECK(response.target_uri == "https://news.example/harbour");
  CHECK(response.Field("WARC-TARGET-URI") == "<https://news.example/harbour>");
  CHECK(response.record_id == "<urn:uuid:00000000-0000-4000-8000-000000000003>");
  CHECK(response.date == "2025-11-04T05:31:07.250Z");
  CHECK(response.content_type == "application/http; msgtype=response");
  CHECK(response.block.starts_with("HTTP/1.1 200 OK\r\n"));
  CHECK(response.block.size() == std::stoul(response.Field("content-length")));
  CHECK(response.Field("No-Such-Field").empty());
  const WarcRecord& resource = (*records)[5];
  CHECK(resource.target_uri == "http://ferries.example/notes.txt");
  CHECK(resource.block.starts_with("Ferry timetable changes\n"));
}

TEST_CASE("Gzip input is read as one stream however the members are cut", "[warc]") {
  const std::string plain = ReadWholeFile(DataFile("articles.warc"));
  REQUIRE(!plain.empty());
  auto expected = ReadBytes(plain);
  REQUIRE(expected.ok());
  for (const std::string& gz : {Gzip(plain), GzipPieces(plain, 97), GzipPieces(plain, 1)}) {
    auto got = ReadBytes(gz);
    REQUIRE(got.ok());
    REQUIRE(got->size() == expected->size());
    for (size_t i = 0; i < got->size(); ++i) {
      CHECK((*got)[i].offset == (*expected)[i].offset);  // offsets are in the uncompressed stream
      CHECK((*got)[i].target_uri == (*expected)[i].target_uri);
      CHECK((*got)[i].block == (*expected)[i].block);
    }
  }
}

TEST_CASE("Framing errors name the file and the record's offset and stop the file", "[warc]") {
  const std::string good =
      Record("WARC-Type: resource\r\nWARC-Target-URI: http://a.example/\r\n", "first block");
  const size_t at = good.size();  // offset of the broken record
  const std::string where = "test.warc: record at offset " + std::to_string(at) + ": ";

  struct Case {
    std::string bytes;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"WARC/1.0\r\nWARC-Type: resource\r\n\r\nbody\r\n\r\n", "Content-Length is missing"},
      {"WARC/1.0\r\nContent-Length: 12x\r\n\r\n", "invalid Content-Length \"12x\""},
      {"WARC/1.0\r\nContent-Length: -5\r\n\r\n", "invalid Content-Length \"-5\""},
      {"WARC/1.0\r\nContent-Length: 99999999999999999999999\r\n\r\n", "invalid Content-Length"},
      {"WARC/1.0\r\nContent-Length: 100\r\n\r\nshort", "the block is truncated"},
      {"WARC/1.0\r\nContent-Length: 3\r\n\r\nabcdef\r\n\r\n", "not followed by CRLF CRLF"},
      {"WARC/1.0\r\nContent-Length: 3\r\nno colon here\r\n\r\nabc\r\n\r\n",
       "malformed header line \"no colon here\""},
      {"WARC/1.0\r\nContent-Length: 3\r\n", "ends inside the record header"},
      {"WARC/2.0\r\nContent-Length: 0\r\n\r\n\r\n\r\n", "unsupported WARC version"},
      {"<html>not a warc</html>\n", "not a WARC record"},
  };
  for (const Case& c : cases) {
    INFO(c.bytes);
    auto reader = WarcReader::FromBytes("test.warc", good + c.bytes);
    auto [records, status] = ReadUntilError(*reader);
    REQUIRE(records.size() == 1);
    CHECK(records[0].block == "first block");
    REQUIRE(!status.ok());
    CHECK(status.subject() == "test.warc");
    CHECK(status.ToString().starts_with(where));
    CHECK(Contains(status.message(), c.message));
    WarcRecord again;
    CHECK(reader->Next(again).status().message() == status.message());  // stays failed
  }
}

TEST_CASE("Limits on record size, header size and record count are errors", "[warc]") {
  const std::string two = Record("WARC-Type: resource\r\n", "12345") + Record("", "abc");
  WarcReaderOptions small;
  small.max_record_bytes = 4;
  CHECK(Contains(ReadBytes(two, small).status().message(),
                 "Content-Length 5 is over the limit of 4 bytes"));
  WarcReaderOptions few;
  few.max_records = 1;
  CHECK(Contains(ReadBytes(two, few).status().message(), "more than 1 records"));
  WarcReaderOptions short_header;
  short_header.max_header_bytes = 20;
  CHECK(
      Contains(ReadBytes(two, short_header).status().message(), "header is longer than 20 bytes"));
  CHECK(ReadBytes(two).ok());
}

TEST_CASE("Blank lines between records and a missing final separator are tolerated", "[warc]") {
  const std::string bytes =
      "\r\n" + Record("", "one") + "\r\n\n" + "WARC/1.1\r\nContent-Length: 3\r\n\r\ntwo";
  auto records = ReadBytes(bytes);
  REQUIRE(records.ok());
  REQUIRE(records->size() == 2);
  CHECK((*records)[0].block == "one");
  CHECK((*records)[1].block == "two");
  CHECK(ReadBytes("").ok());
  CHECK(ReadBytes("")->empty());
}

TEST_CASE("Corrupt or truncated gzip data is an error after the records before it", "[warc]") {
  const std::string first = Gzip(Record("", "one"));
  const std::string second = Gzip(Record("", "two"));

  auto truncated = WarcReader::FromBytes("t.warc.gz", first + second.substr(0, second.size() / 2));
  auto [records, status] = ReadUntilError(*truncated);
  CHECK(records.size() == 1);
  CHECK(Contains(status.message(), "truncated"));

  auto garbage = WarcReader::FromBytes("g.warc.gz", first + "this is not gzip");
  auto [records2, status2] = ReadUntilError(*garbage);
  CHECK(records2.size() == 1);
  CHECK(status2.subject() == "g.warc.gz");
  CHECK(Contains(status2.message(), "corrupt gzip data"));
}

TEST_CASE("ARC files are refused with a clear error", "[warc]") {
  const std::string arc =
      "filedesc://x.arc 0.0.0.0 20250101000000 text/plain 70\n1 0 Test\nURL IP-address "
      "Archive-date Content-type Archive-length\n\n";
  for (const std::string& bytes : {arc, Gzip(arc)}) {
    auto status = ReadBytes(bytes).status();
    CHECK(status.message() == "ARC files are not supported (only WARC/1.0 and WARC/1.1)");
  }
}

TEST_CASE("Opening a missing file is an error naming it", "[warc]") {
  TempDir dir;
  auto reader = WarcReader::Open(dir.File("none.warc"));
  REQUIRE(!reader.ok());
  CHECK(reader.status().subject() == dir.File("none.warc"));
}

TEST_CASE("The HTTP response of a record: status, headers, de-chunked and decoded body", "[warc]") {
  SECTION("chunked, with extensions and trailers") {
    auto r = ParseWarcHttpResponse(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
        "5;name=x\r\nhello\r\n7\r\n, world\r\n0\r\nExpires: never\r\n\r\n",
        "s");
    REQUIRE(r.ok());
    CHECK(r->status == 200);
    CHECK(r->reason == "OK");
    CHECK(r->content_type == "text/html");
    CHECK(r->headers.size() == 2);
    CHECK(r->body == "hello, world");
  }
  SECTION("gzip and both kinds of deflate") {
    const std::string text = "A compressed page about the harbour bridge.";
    auto gz = ParseWarcHttpResponse(
        "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + Gzip(text), "s");
    REQUIRE(gz.ok());
    CHECK(gz->body == text);

    uLongf size = compressBound(static_cast<uLong>(text.size()));
    std::string zlib_data(size, '\0');
    REQUIRE(compress(reinterpret_cast<Bytef*>(zlib_data.data()), &size,
                     reinterpret_cast<const Bytef*>(text.data()), text.size()) == Z_OK);
    zlib_data.resize(size);
    auto zlib = ParseWarcHttpResponse(
        "HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n" + zlib_data, "s");
    REQUIRE(zlib.ok());
    CHECK(zlib->body == text);
    // Raw deflate: the zlib stream without its 2-byte header and 4-byte checksum.
    auto raw = ParseWarcHttpResponse("HTTP/1.1 200 OK\r\nContent-Encoding: Deflate\r\n\r\n" +
                                         zlib_data.substr(2, zlib_data.size() - 6),
                                     "s");
    REQUIRE(raw.ok());
    CHECK(raw->body == text);
  }
  SECTION("a decoded body over the limit is refused") {
    const std::string big(100000, 'a');
    auto r = ParseWarcHttpResponse("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + Gzip(big),
                                   "s", 1000);
    CHECK(Contains(r.status().message(), "over the limit of 1000 bytes"));
    auto plain = ParseWarcHttpResponse("HTTP/1.1 200 OK\r\n\r\n" + big, "s", 1000);
    CHECK(Contains(plain.status().message(), "over the limit of 1000 bytes"));
  }
  SECTION("malformed parts are errors naming the subject") {
    const std::map<std::string, std::string> cases = {
        {"ICY 200 OK\r\n\r\n", "malformed HTTP status line"},
        {"HTTP/1.1 2x0 OK\r\n\r\n", "malformed HTTP status line"},
        {"HTTP/1.1 200 OK\r\nBroken header\r\n\r\n", "malformed HTTP header line"},
        {"HTTP/1.1 200 OK\r\nServer: x\r\n", "do not end with an empty line"},
        {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n",
         "invalid chunk size"},
        {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nshort\r\n",
         "longer than the data left"},
        {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", "chunk-size line"},
        {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello!",
         "not followed by CRLF"},
        {"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\nnot gzip at all",
         "corrupt compressed body"},
        {"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxyz", "unsupported Content-Encoding"},
        {"", "no status line"},
    };
    for (const auto& [block, message] : cases) {
      INFO(block);
      auto r = ParseWarcHttpResponse(block, "file.warc#10");
      REQUIRE(!r.ok());
      CHECK(r.status().subject() == "file.warc#10");
      CHECK(Contains(r.status().message(), message));
    }
  }
}

TEST_CASE("A file cut anywhere gives the whole records before the cut, then at most an error",
          "[warc]") {
  const std::string plain = ReadWholeFile(DataFile("articles.warc"));
  auto full = ReadBytes(plain);
  REQUIRE(full.ok());
  // Record i ends (separator included) where record i+1 starts; the last at the end of the file.
  std::vector<size_t> ends;
  for (size_t i = 1; i < full->size(); ++i) ends.push_back((*full)[i].offset);
  ends.push_back(plain.size());
  for (size_t cut = 0; cut <= plain.size(); ++cut) {
    INFO("cut at " << cut);
    const std::string bytes = plain.substr(0, cut);
    for (const std::string& input : {bytes, Gzip(bytes)}) {
      auto reader = WarcReader::FromBytes("cut.warc", input);
      auto [records, status] = ReadUntilError(*reader);
      const auto whole = static_cast<size_t>(
          std::count_if(ends.begin(), ends.end(), [&](size_t end) { return end <= cut; }));
      const bool at_boundary = cut == 0 || std::find(ends.begin(), ends.end(), cut) != ends.end();
      if (at_boundary) {
        CHECK(status.ok());
        CHECK(records.size() == whole);
      } else {
        // Only a cut inside the final CRLF CRLF may still give the cut record.
        CHECK((records.size() == whole || records.size() == whole + 1));
        if (!status.ok()) CHECK(status.subject() == "cut.warc");
      }
      for (size_t i = 0; i < records.size(); ++i) CHECK(records[i].block == (*full)[i].block);
    }
  }
}

TEST_CASE("Damaged bytes anywhere give records or an error, never a crash", "[warc]") {
  const std::string plain = ReadWholeFile(DataFile("articles.warc"));
  const std::string gz = GzipPieces(plain, 300);
  for (const std::string* original : {&plain, &gz}) {
    for (size_t at = 0; at < original->size(); ++at) {
      for (char replacement : {'\0', '9', '\n'}) {
        std::string bytes = *original;
        bytes[at] = replacement;
        auto reader = WarcReader::FromBytes("damaged.warc", bytes);
        auto [records, status] = ReadUntilError(*reader);
        CHECK(records.size() <= 8);
        if (!status.ok()) CHECK(status.subject() == "damaged.warc");
        for (const WarcRecord& r : records) {
          if (r.type == "response") (void)ParseWarcHttpResponse(r.block, "r", 1 << 20);
        }
      }
    }
  }
}

HttpResponse Response(std::string url, std::string body) {
  HttpResponse r;
  r.requested_url = url;
  r.final_url = std::move(url);
  r.status = 200;
  r.content_type = "text/html; charset=utf-8";
  r.headers = {{"Content-Type", "text/html; charset=utf-8"},
               {"Content-Encoding", "gzip"},
               {"Transfer-Encoding", "chunked"},
               {"Content-Length", "12"},
               {"Server", "test"},
               {"content-type", "text/plain"}};  // a second one: dropped
  r.body = std::move(body);
  return r;
}

// 2025-11-04T05:32:00Z
const auto kNow = std::chrono::system_clock::time_point(std::chrono::seconds(1762234320));

TEST_CASE("Written responses read back as request/response pairs with the same URIs and bodies",
          "[warc]") {
  TempDir dir;
  const std::string path = dir.File("run.warc.gz");
  WarcWriter::Options options;
  options.user_agent = "TestAgent/1";
  auto writer = WarcWriter::Open(path, kNow, options);
  REQUIRE(writer.ok());
  const std::string body1 = "<html><body><p>First page.</p></body></html>";
  HttpResponse redirected = Response("https://a.example/old?x=1#frag", "<p>Second</p>");
  redirected.final_url = "https://a.example/new/page?x=1";
  redirected.headers.clear();  // only content_type known: it becomes the header
  REQUIRE((*writer)->Write(Response("http://b.example:8080/story", body1), kNow).ok());
  REQUIRE((*writer)->Write(redirected, kNow + std::chrono::seconds(3)).ok());
  CHECK(!std::filesystem::exists(path));  // nothing under the final name before Close
  REQUIRE((*writer)->Close().ok());
  CHECK(!std::filesystem::exists(path + ".partial"));

  const std::string bytes = ReadWholeFile(path);
  CHECK(CountGzipMembers(bytes) == 5);  // each record its own member
  auto records = ReadWarcFile(path);
  REQUIRE(records.ok());
  REQUIRE(Types(*records) ==
          std::vector<std::string>{"warcinfo", "request", "response", "request", "response"});

  const WarcRecord& info = (*records)[0];
  CHECK(Contains(info.block, "Bodies are stored decoded"));
  CHECK(info.Field("WARC-Filename") == "run.warc.gz");
  CHECK(info.version == "WARC/1.1");

  const std::regex uuid(
      "<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
      "[0-9a-f]{12}>");
  std::vector<std::string> ids;
  for (const auto& r : *records) {
    CHECK(std::regex_match(r.record_id, uuid));
    ids.push_back(r.record_id);
    if (r.type != "warcinfo") CHECK(r.Field("WARC-Warcinfo-ID") == info.record_id);
  }
  std::sort(ids.begin(), ids.end());
  CHECK(std::unique(ids.begin(), ids.end()) == ids.end());

  const WarcRecord& request = (*records)[1];
  const WarcRecord& response = (*records)[2];
  CHECK(request.target_uri == "http://b.example:8080/story");
  CHECK(response.target_uri == "http://b.example:8080/story");
  CHECK(request.Field("WARC-Concurrent-To") == response.record_id);
  CHECK(response.Field("WARC-Concurrent-To") == request.record_id);
  CHECK(request.block ==
        "GET /story HTTP/1.1\r\nHost: b.example:8080\r\nUser-Agent: TestAgent/1\r\n"
        "Accept-Encoding: gzip, deflate\r\n\r\n");
  CHECK(response.date == "2025-11-04T05:32:00Z");
  CHECK(response.content_type == "application/http;msgtype=response");
  CHECK(request.content_type == "application/http;msgtype=request");

  auto http = ParseWarcHttpResponse(response.block, "r");
  REQUIRE(http.ok());
  CHECK(http->status == 200);
  CHECK(http->body == body1);
  CHECK(http->content_type == "text/html; charset=utf-8");
  // Encoding headers describe bytes that are no longer stored: they are dropped.
  std::vector<std::string> names;
  for (const auto& [name, value] : http->headers) names.push_back(name);
  CHECK(names == std::vector<std::string>{"Content-Type", "Server", "Content-Length"});
  CHECK(response.block.starts_with("HTTP/1.1 200 OK\r\n"));

  const WarcRecord& request2 = (*records)[3];
  const WarcRecord& response2 = (*records)[4];
  CHECK(request2.block.starts_with("GET /new/page?x=1 HTTP/1.1\r\nHost: a.example\r\n"));
  CHECK(response2.target_uri == "https://a.example/new/page?x=1");
  CHECK(response2.date == "2025-11-04T05:32:03Z");
  auto http2 = ParseWarcHttpResponse(response2.block, "r");
  REQUIRE(http2.ok());
  CHECK(http2->body == "<p>Second</p>");
  CHECK(http2->content_type == "text/html; charset=utf-8");
}

TEST_CASE("Digests are sha1 in base32 over the block and the payload", "[warc]") {
  TempDir dir;
  const std::string path = dir.File("d.warc.gz");
  auto writer = WarcWriter::Open(path, kNow, {});
  REQUIRE(writer.ok());
  HttpResponse empty = Response("http://e.example/", "");
  REQUIRE((*writer)->Write(empty, kNow).ok());
  HttpResponse abc = Response("http://e.example/abc", "abc");
  REQUIRE((*writer)->Write(abc, kNow).ok());
  REQUIRE((*writer)->Close().ok());
  auto records = ReadWarcFile(path);
  REQUIRE(records.ok());
  REQUIRE(records->size() == 5);
  // Well-known values: SHA-1 of "" and of "abc" in RFC 4648 base32.
  CHECK((*records)[2].Field("WARC-Payload-Digest") == "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
  CHECK((*records)[4].Field("WARC-Payload-Digest") == "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
  for (const auto& r : *records) {
    CHECK(std::regex_match(r.Field("WARC-Block-Digest"), std::regex("sha1:[A-Z2-7]{32}")));
  }
  CHECK((*records)[2].Field("WARC-Block-Digest") != (*records)[4].Field("WARC-Block-Digest"));
}

TEST_CASE("An abandoned or unwritable WARC leaves no file under the final name", "[warc]") {
  TempDir dir;
  const std::string path = dir.File("gone.warc.gz");
  {
    auto writer = WarcWriter::Open(path, kNow, {});
    REQUIRE(writer.ok());
    REQUIRE((*writer)->Write(Response("http://x.example/", "body"), kNow).ok());
    CHECK(std::filesystem::exists(path + ".partial"));
  }  // destroyed without Close
  CHECK(!std::filesystem::exists(path));
  CHECK(!std::filesystem::exists(path + ".partial"));

  auto bad = WarcWriter::Open(dir.File("no/such/dir/x.warc.gz"), kNow, {});
  REQUIRE(!bad.ok());
  CHECK(bad.status().subject() == dir.File("no/such/dir/x.warc.gz"));

  auto writer = WarcWriter::Open(path, kNow, {});
  REQUIRE(writer.ok());
  CHECK(Contains((*writer)->Write(Response("not a url", "b"), kNow).message(), "invalid URL"));
  REQUIRE((*writer)->Close().ok());
  CHECK(Contains((*writer)->Close().message(), "already closed"));
}

// ../shared/data/warc: third-party sample files, good and malformed.
TEST_CASE("The shared sample WARC files read as expected, the malformed ones as errors",
          "[warc][shared]") {
  const std::string dir = std::string(PARALLAX_SHARED_DIR) + "/data/warc/";
  if (!std::filesystem::is_directory(dir)) {
    WARN("skipped: " << dir << " is missing");
    return;
  }
  struct Expect {
    std::string file;
    size_t records;                 // read before the end or the error
    std::string error;              // "" when the file must read cleanly
    std::vector<std::string> uris;  // target URIs of response/resource records, in order
  };
  const std::vector<Expect> expected = {
      {"example.warc", 6, "", {"http://example.com/"}},
      {"example.warc.gz", 6, "", {"http://example.com/"}},
      {"example-bad-non-chunked.warc.gz", 6, "", {"http://example.com/"}},  // one gzip member
      {"example-bad.warc.gz.bad",
       6,
       "",
       {"http://example.com?example=1", "http://www.iana.org/domains/example"}},
      {"example-digest.warc", 4, "", {}},
      {"example-iana.org-chunked.warc", 3, "", {"http://www.iana.org/"}},
      {"example-resource.warc.gz", 3, "", {"http://example.com/"}},
      {"example-space-in-target-uri.warc.gz", 2, "", {"file:///example with spaces.png"}},
      {"example-wget-bad-target-uri.warc.gz",
       6,
       "",
       {"http://example.com/", "metadata://gnu.org/software/wget/warc/wget_arguments.txt",
        "metadata://gnu.org/software/wget/warc/wget.log"}},
      {"post-test.warc.gz",
       6,
       "",
       {"http://httpbin.org/post", "http://httpbin.org/post", "http://httpbin.org/post?foo=bar"}},
      // Content-Length 973 where the block has 975 bytes.
      {"example-trunc.warc",
       2,
       "record at offset 1197: the block is not followed by CRLF CRLF",
       {}},
      // Content-Length one byte short of the block.
      {"example-wrong-chunks.warc.gz",
       0,
       "record at offset 0: the block is not followed by CRLF CRLF",
       {}},
      {"example.arc", 0, "ARC files are not supported", {}},
      {"example.arc.gz", 0, "ARC files are not supported", {}},
      {"example-space-in-url.arc", 0, "ARC files are not supported", {}},
      {"bad.arc", 0, "ARC files are not supported", {}},
  };
  size_t seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename() != "LICENSE") ++seen;
  }
  CHECK(seen == expected.size());  // a new sample file needs an expectation here

  for (const Expect& e : expected) {
    INFO(e.file);
    auto reader = WarcReader::Open(dir + e.file);
    REQUIRE(reader.ok());
    auto [records, status] = ReadUntilError(**reader);
    CHECK(records.size() == e.records);
    if (e.error.empty()) {
      CHECK(status.ok());
    } else {
      REQUIRE(!status.ok());
      CHECK(status.subject() == dir + e.file);
      CHECK(Contains(status.message(), e.error));
    }
    std::vector<std::string> uris;
    for (const WarcRecord& r : records) {
      if (r.type == "response" || r.type == "resource") uris.push_back(r.target_uri);
      if (r.type != "response") continue;
      auto http = ParseWarcHttpResponse(r.block, e.file);
      REQUIRE(http.ok());
      CHECK(http->status >= 200);
      CHECK(!http->body.empty());
      if (http->content_type.starts_with("text/html")) CHECK(Contains(http->body, "</html>"));
    }
    CHECK(uris == e.uris);
  }
}

}  // namespace
}  // namespace parallax::fetch
