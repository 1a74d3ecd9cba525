// Character set sniffing and conversion to UTF-8 for fetched bytes (HTML or plain text).
// Pure functions: no I/O, safe to call from several threads.
#pragma once

#include <string>
#include <string_view>

namespace parallax::fetch {

// The charset parameter of an HTTP Content-Type value ("text/html; charset=ISO-8859-1" ->
// "ISO-8859-1"), or "" when there is none.
std::string CharsetFromContentType(std::string_view content_type);

// Decides the encoding of `bytes` in this order: `declared` (e.g. the HTTP charset parameter)
// when the WHATWG Encoding Standard lists it (encoding_labels.h), a byte order mark, a <meta
// charset> / http-equiv declaration in the first 4 KiB (only when `look_for_meta`), valid UTF-8,
// uchardet's guess when the standard lists it, else "UTF-8". Returns an ICU converter name; labels
// outside the standard are ignored. ISO-8859-1 and US-ASCII labels map to windows-1252 as browsers
// do.
std::string SniffCharset(std::string_view bytes, std::string_view declared, bool look_for_meta);

// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or truncated sequences).
bool IsValidUtf8(std::string_view bytes);

// Converts `bytes` in `charset` to UTF-8 with ICU. Invalid or unmappable sequences become U+FFFD;
// a leading byte order mark is dropped; a charset the Encoding Standard does not list is treated
// as UTF-8. Never fails.
std::string ToUtf8(std::string_view bytes, std::string_view charset);

}  // namespace parallax::fetch
