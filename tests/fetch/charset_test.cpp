// Charset sniffing order and conversion to UTF-8.
#include <catch2/catch.hpp>
#include <string>

#include "../../fetch/src/charset.h"

using namespace parallax::fetch;

TEST_CASE("the Content-Type charset parameter is read") {
  CHECK(CharsetFromContentType("text/html; charset=ISO-8859-1") == "ISO-8859-1");
  CHECK(CharsetFromContentType("text/html;charset=\"utf-8\"") == "utf-8");
  CHECK(CharsetFromContentType("text/html") == "");
}

TEST_CASE("sniffing order: declared, BOM, meta, valid UTF-8, detection") {
  std::string meta_latin =
      "<meta http-equiv=\"Content-Type\" content=\"text/html; "
      "charset=iso-8859-1\"><p>caf\xE9</p>";
  CHECK(SniffCharset(meta_latin, "utf-8", true) == "UTF-8");
  CHECK(SniffCharset(meta_latin, "", true) == "windows-1252");
  CHECK(SniffCharset("\xEF\xBB\xBF<meta charset=\"koi8-r\">", "", true) == "UTF-8");
  CHECK(SniffCharset("plain caf\xC3\xA9 text", "", false) == "UTF-8");
  CHECK(SniffCharset("", "no-such-charset", true) == "UTF-8");
}

TEST_CASE("conversion replaces invalid bytes and drops a BOM") {
  CHECK(ToUtf8("caf\xE9", "windows-1252") == "caf\xC3\xA9");
  CHECK(ToUtf8("a\xFF"
               "b",
               "UTF-8") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(ToUtf8("\xEF\xBB\xBFhi", "UTF-8") == "hi");
  CHECK(ToUtf8(std::string("\xFF\xFEh\0i\0", 6), "UTF-16LE") == "hi");
  CHECK(ToUtf8("x", "bogus-charset") == "x");
}
