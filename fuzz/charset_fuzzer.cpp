// Charset sniffing and conversion (fetch/src/charset.h: SniffCharset, ToUtf8, IsValidUtf8,
// CharsetFromContentType). The first byte picks the declared charset; the rest are the bytes.
// Checked: the output of ToUtf8 is always valid UTF-8, whatever the charset; valid UTF-8 without
// a BOM converts from "UTF-8" to itself; a sniffed charset converts to valid UTF-8 too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "charset.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace f = parallax::fetch;
  if (size < 1) return 0;
  static constexpr std::string_view kDeclared[] = {"",
                                                   "utf-8",
                                                   "iso-8859-1",
                                                   "windows-1251",
                                                   "shift_jis",
                                                   "euc-kr",
                                                   "gb18030",
                                                   "utf-16le",
                                                   "utf-16be",
                                                   "koi8-r",
                                                   "iso-2022-jp",
                                                   "big5",
                                                   "no-such-charset"};
  std::string_view declared = kDeclared[data[0] % (sizeof kDeclared / sizeof kDeclared[0])];
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

  std::string from_declared = f::ToUtf8(bytes, declared);
  FUZZ_CHECK(f::IsValidUtf8(from_declared));

  std::string sniffed = f::SniffCharset(bytes, declared, /*look_for_meta=*/data[0] & 0x80);
  FUZZ_CHECK(!sniffed.empty());
  FUZZ_CHECK(f::IsValidUtf8(f::ToUtf8(bytes, sniffed)));

  if (f::IsValidUtf8(bytes) && bytes.substr(0, 3) != "\xEF\xBB\xBF") {
    FUZZ_CHECK(f::ToUtf8(bytes, "UTF-8") == bytes);
  }
  (void)f::CharsetFromContentType(bytes.substr(0, 256));
  return 0;
}
