#include "html_util.h"

#include "parallax/reports/reports.h"

namespace parallax::reports {

std::string HtmlEscape(std::string_view raw) {
  const std::string s = SanitizeUtf8(raw);
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string HtmlOutletLink(const ReportView& view, const std::string& doc_id) {
  const std::string name = HtmlEscape(view.OutletName(doc_id));
  const std::string_view url = view.LinkUrl(doc_id);
  if (url.empty()) return name;
  return "<a href=\"" + HtmlEscape(url) + "\" rel=\"noopener noreferrer\">" + name + "</a>";
}

std::string Shorten(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  const size_t space = text.rfind(' ', cut);
  if (space != std::string_view::npos && space > max_bytes / 2) cut = space;
  std::string out(text.substr(0, cut));
  while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
  return out + "\u2026";
}

std::string ReadableTime(std::string_view iso) {
  auto digits = [&](size_t from, size_t n) {
    if (iso.size() < from + n) return false;
    for (size_t i = from; i < from + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return false;
    }
    return true;
  };
  if (!digits(0, 4) || iso.size() < 16 || iso[4] != '-' || iso[10] != 'T' || iso[13] != ':' ||
      !digits(11, 2) || !digits(14, 2)) {
    return std::string(iso);
  }
  std::string out = std::string(iso.substr(0, 10)) + " " + std::string(iso.substr(11, 5));
  size_t zone = 16;
  if (iso.size() > 16 && iso[16] == ':') zone = 19;  // drop seconds
  while (zone < iso.size() && (iso[zone] == '.' || (iso[zone] >= '0' && iso[zone] <= '9'))) {
    ++zone;  // and fractions
  }
  const std::string_view tz = iso.substr(std::min(zone, iso.size()));
  if (tz == "Z") {
    out += " UTC";
  } else if (!tz.empty()) {
    out += " ";
    out += tz;
  }
  return out;
}

std::string HtmlTime(std::string_view iso) {
  return "<time datetime=\"" + HtmlEscape(iso) + "\">" + HtmlEscape(ReadableTime(iso)) + "</time>";
}

}  // namespace parallax::reports
