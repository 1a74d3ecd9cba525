// HTML/plain-text extraction (ExtractArticle). The first byte picks the Content-Type (none, so the
// bytes are sniffed; HTML; HTML with a declared legacy charset; plain text); the rest is the body.
// Checked: on success every text field of the document is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "charset.h"
#include "fuzz_check.h"
#include "parallax/fetch/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static constexpr std::string_view kTypes[] = {"",
                                                "text/html",
                                                "text/html; charset=iso-8859-1",
                                                "text/plain; charset=utf-8",
                                                "text/html; charset=shift_jis",
                                                "application/xhtml+xml"};
  std::string_view type = kTypes[data[0] % (sizeof kTypes / sizeof kTypes[0])];
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  parallax::fetch::ExtractOptions options;
  options.max_element_depth = 64;  // reach the flattening path with small inputs
  auto doc = parallax::fetch::ExtractArticle(bytes, "https://news.example/2024/05/01/story", type,
                                             options);
  if (!doc.ok()) return 0;
  using parallax::fetch::IsValidUtf8;
  FUZZ_CHECK(IsValidUtf8(doc->text));
  FUZZ_CHECK(IsValidUtf8(doc->title));
  FUZZ_CHECK(IsValidUtf8(doc->author));
  FUZZ_CHECK(IsValidUtf8(doc->outlet));
  return 0;
}
