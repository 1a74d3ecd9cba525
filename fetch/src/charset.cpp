#include "charset.h"
#include "ascii.h"
#include "encoding_labels.h"

#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace parallax::fetch {
namespace {

std::string Lower(std::string_view s) {
  return detail::AsciiLower(s);
}

bool IsLabelChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
         c == ':';
}

// Reads a charset label that follows "charset" at `pos` ("charset = 'x'" forms).
std::string LabelAfter(std::string_view text, size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  if (pos >= text.size() || text[pos] != '=') return "";
  ++pos;
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '"' || text[pos] == '\'')) ++pos;
  size_t end = pos;
  while (end < text.size() && IsLabelChar(text[end])) ++end;
  return std::string(text.substr(pos, end - pos));
}

// The ICU converter for a label the Encoding Standard lists, or "" (see encoding_labels.h).
std::string Canonical(std::string_view label) {
  return std::string(detail::IcuNameForLabel(label));
}

std::string MetaCharset(std::string_view bytes) {
  std::string head = Lower(bytes.substr(0, 4096));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string::npos) end = head.size();
    std::string_view tag = std::string_view(head).substr(pos, end - pos);
    size_t at = tag.find("charset");
    if (at != std::string_view::npos) {
      std::string label = LabelAfter(tag, at + 7);
      if (!label.empty()) return label;
    }
    pos = end;
  }
  return "";
}

std::string Detect(std::string_view bytes) {
  uchardet_t detector = uchardet_new();
  if (detector == nullptr) return "";
  std::string result;
  if (uchardet_handle_data(detector, bytes.data(), bytes.size()) == 0) {
    uchardet_data_end(detector);
    const char* name = uchardet_get_charset(detector);
    if (name != nullptr) result = name;
  }
  uchardet_delete(detector);
  return result;
}

}  // namespace

// ICU's U8_NEXT decides each multi-byte sequence. Pages are mostly ASCII, so ASCII runs are
// skipped eight bytes at a time.
bool IsValidUtf8(std::string_view bytes) {
  const char* s = bytes.data();
  const int64_t length = static_cast<int64_t>(bytes.size());
  int64_t i = 0;
  while (i < length) {
    if (length - i >= 8) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string CharsetFromContentType(std::string_view content_type) {
  std::string lower = Lower(content_type);
  size_t at = lower.find("charset");
  if (at == std::string::npos) return "";
  // Keep the label's original case; positions are the same in `lower`.
  return LabelAfter(content_type, at + 7);
}

std::string SniffCharset(std::string_view bytes, std::string_view declared, bool look_for_meta) {
  if (std::string c = Canonical(declared); !c.empty()) return c;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") return "UTF-8";
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") return "UTF-16LE";
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") return "UTF-16BE";
  if (look_for_meta) {
    if (std::string c = Canonical(MetaCharset(bytes)); !c.empty()) {
      // A page that claims UTF-16 in ASCII-compatible markup is really ASCII-compatible.
      if (c.rfind("UTF-16", 0) == 0) return "UTF-8";
      return c;
    }
  }
  if (IsValidUtf8(bytes)) return "UTF-8";
  if (std::string c = Canonical(Detect(bytes)); !c.empty()) return c;
  return "UTF-8";
}

std::string ToUtf8(std::string_view bytes, std::string_view charset) {
  std::string name = Canonical(charset);
  if (name.empty()) name = "UTF-8";
  if (bytes.empty()) return "";
  // Fast path: valid UTF-8 declared as UTF-8 needs no conversion, only the BOM dropped.
  if (name == "UTF-8" && IsValidUtf8(bytes)) {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    return std::string(bytes);
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(name.c_str(), &status),
                                                          ucnv_close);
  if (U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    conv.reset(ucnv_open("UTF-8", &status));
    if (U_FAILURE(status)) return "";
  }
  // Substitute U+FFFD for every illegal or unmappable input sequence.
  static const UChar kReplacement[] = {0xFFFD};
  ucnv_setSubstString(conv.get(), kReplacement, 1, &status);
  status = U_ZERO_ERROR;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr,
                      &status);
  status = U_ZERO_ERROR;
  // Worst case: every byte becomes one UTF-16 unit (or a surrogate pair for 4-byte sequences).
  std::vector<UChar> utf16(bytes.size() * 2 + 1);
  int32_t n = ucnv_toUChars(conv.get(), utf16.data(), static_cast<int32_t>(utf16.size()),
                            bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status) && status != U_STRING_NOT_TERMINATED_WARNING) return "";
  const UChar* begin = utf16.data();
  if (n > 0 && begin[0] == 0xFEFF) {
    ++begin;
    --n;
  }
  std::string out(static_cast<size_t>(n) * 3 + 1, '\0');
  int32_t written = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &written, begin, n, 0xFFFD,
                     nullptr, &status);
  if (U_FAILURE(status)) return "";
  out.resize(static_cast<size_t>(written));
  return out;
}

}  // namespace parallax::fetch
