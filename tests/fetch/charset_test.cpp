// Charset sniffing order and conversion to UTF-8.
#include <catch2/catch.hpp>
#include <string>

#include "../../fetch/src/charset.h"
#include "../../fetch/src/encoding_labels.h"

#include <unicode/ucnv.h>

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

// Encoding Standard section 4.2: labels are matched case-insensitively after trimming ASCII
// whitespace, and several labels name one encoding.
TEST_CASE("charset labels are the Encoding Standard's, matched as its 'get an encoding' does") {
  using parallax::fetch::detail::IcuNameForLabel;
  CHECK(IcuNameForLabel(" Latin1\t") == "windows-1252");
  CHECK(IcuNameForLabel("US-ASCII") == "windows-1252");
  CHECK(IcuNameForLabel("sjis") == "windows-31j");
  CHECK(IcuNameForLabel("ks_c_5601-1987") == "windows-949");
  CHECK(IcuNameForLabel("gb2312") == "GB18030");
  CHECK(IcuNameForLabel("utf-16") == "UTF-16LE");
  CHECK(IcuNameForLabel("unicode-1-1-utf-8") == "UTF-8");
  // A name the lookup returns is accepted back (SniffCharset's result goes to ToUtf8).
  CHECK(IcuNameForLabel("Big5-HKSCS") == "Big5-HKSCS");
  CHECK(IcuNameForLabel("") == "");
  CHECK(IcuNameForLabel("utf 8") == "");
}

// ICU opens converters no browser offers (x11compoundtext crashed ICU 72 on close under the
// fuzzer); a page must not be able to choose one through its <meta> tag or its HTTP header.
TEST_CASE("converters ICU has but the Encoding Standard does not list are never chosen") {
  for (const char* label : {"x11compoundtext", "iscii-dev", "lmbcs", "scsu", "bocu-1", "utf-7",
                            "imap-mailbox-name", "ebcdic-us", "utf-32"}) {
    INFO(label);
    CHECK(parallax::fetch::detail::IcuNameForLabel(label) == "");
    CHECK(SniffCharset(std::string("<meta charset=\"") + label + "\"><p>plain</p>", "", true) ==
          "UTF-8");
    CHECK(SniffCharset("plain", label, false) == "UTF-8");
    CHECK(ToUtf8("plain \xFF", label) == "plain \xEF\xBF\xBD");
  }
}

TEST_CASE("every converter the label table names exists in this ICU") {
  size_t count = 0;
  for (size_t i = 0; !parallax::fetch::detail::IcuNameAt(i).empty(); ++i, ++count) {
    std::string name(parallax::fetch::detail::IcuNameAt(i));
    INFO(name);
    UErrorCode status = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(name.c_str(), &status);
    CHECK(U_SUCCESS(status));
    CHECK(status != U_USING_FALLBACK_WARNING);
    CHECK(status != U_USING_DEFAULT_WARNING);
    if (conv != nullptr) ucnv_close(conv);
  }
  CHECK(count == 35);
}

TEST_CASE("legacy encodings from the table decode to the right characters") {
  CHECK(ToUtf8("\xC1\xC2", SniffCharset("", "koi8-r", false)) == "\xD0\xB0\xD0\xB1");  // аб
  CHECK(ToUtf8("\x82\xA0", SniffCharset("", "shift_jis", false)) == "\xE3\x81\x82");   // あ
  CHECK(ToUtf8("\x80", SniffCharset("", "iso-8859-1", false)) == "\xE2\x82\xAC");      // €
  CHECK(ToUtf8("\xA4\x40", SniffCharset("", "big5", false)) == "\xE4\xB8\x80");        // 一
}
