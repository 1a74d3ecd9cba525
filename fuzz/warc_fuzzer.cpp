// WARC reading (WarcReader::FromBytes + Next over every record, ParseWarcHttpResponse on each
// response block). Plain and gzip input both reach the reader (gzip is sniffed from the bytes).
// Checked: blocks respect max_record_bytes; records stay within max_records; after an error every
// later Next() returns an error again; decoded bodies respect max_body_bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "parallax/fetch/warc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace f = parallax::fetch;
  f::WarcReaderOptions options;
  options.max_record_bytes = 1 << 20;
  options.max_header_bytes = 16 << 10;
  options.max_records = 200;
  constexpr uint64_t kMaxBody = 1 << 20;
  auto reader = f::WarcReader::FromBytes(
      "fuzz.warc", std::string(reinterpret_cast<const char*>(data), size), options);
  f::WarcRecord record;
  uint64_t count = 0;
  for (;;) {
    auto next = reader->Next(record);
    if (!next.ok()) {
      FUZZ_CHECK(!reader->Next(record).ok());
      break;
    }
    if (!next.value()) break;
    ++count;
    FUZZ_CHECK(count <= options.max_records);
    FUZZ_CHECK(record.block.size() <= options.max_record_bytes);
    if (record.type == "response" || record.type == "resource") {
      auto http = f::ParseWarcHttpResponse(record.block, "fuzz.warc record", kMaxBody);
      if (http.ok()) FUZZ_CHECK(http->body.size() <= kMaxBody);
    }
  }
  return 0;
}
