// Metadata readers for ExtractArticle: JSON-LD, <meta>, visible header elements, URL hints.
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <cctype>
#include <cstdio>
#include <memory>
#include <regex>

#include "extract_internal.h"

namespace parallax::fetch::detail {
namespace {

namespace json = boost::json;

bool StartsWithI(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

bool ContainsAny(std::string_view hay, std::initializer_list<std::string_view> needles) {
  for (auto n : needles) {
    if (hay.find(n) != std::string_view::npos) return true;
  }
  return false;
}

// ---- dates -------------------------------------------------------------------------------

int MonthFromName(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string l = ToLower(name.substr(0, 3));
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (l == kMonths[i]) return static_cast<int>(i) + 1;
  }
  return 0;
}

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

// UTC offset in minutes of a zone abbreviation at a local wall-clock time; nullopt if unknown.
std::optional<int> ZoneOffset(std::string_view zone, int y, int mo, int d, int h, int mi) {
  std::string z = ToLower(zone);
  struct Fixed {
    const char* name;
    int minutes;
  };
  static constexpr Fixed kFixed[] = {
      {"gmt", 0},    {"utc", 0},    {"z", 0},      {"bst", 60},   {"cet", 60},   {"cest", 120},
      {"eet", 120},  {"eest", 180}, {"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300},
      {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"hkt", 480},  {"sgt", 480},
      {"jst", 540},  {"kst", 540},  {"aest", 600}, {"aedt", 660}, {"wib", 420},  {"msk", 180},
      {"ist", 330},  {"nzst", 720}, {"nzdt", 780}, {"awst", 480}, {"wet", 0},    {"west", 60}};
  for (const auto& f : kFixed) {
    if (z == f.name) return f.minutes;
  }
  const char* region = nullptr;
  if (z == "et") region = "America/New_York";
  if (z == "ct") region = "America/Chicago";
  if (z == "mt") region = "America/Denver";
  if (z == "pt") region = "America/Los_Angeles";
  if (z == "uk time" || z == "uk") region = "Europe/London";
  if (region == nullptr) return std::nullopt;
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(region));
  UDate local = static_cast<double>(DaysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60) * 1000.0;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz->getOffset(local, /*local=*/true, raw, dst, status);
  if (U_FAILURE(status)) return std::nullopt;
  return (raw + dst) / 60000;
}

std::string FormatDate(int y, int mo, int d) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
  return buf;
}

std::string FormatDateTime(int y, int mo, int d, int h, int mi, int s, int offset) {
  char buf[96];
  int a = offset < 0 ? -offset : offset;
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, mo, d, h, mi, s,
                offset < 0 ? '-' : '+', a / 60, a % 60);
  return buf;
}

bool ValidDate(int y, int mo, int d) {
  return y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

}  // namespace

std::optional<std::string> ParseDate(std::string_view input) {
  if (input.size() > 300) input = input.substr(0, 300);
  std::string text(input);
  static const std::regex kIso(
      R"((\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?)");
  std::smatch m;
  if (std::regex_search(text, m, kIso)) {
    int y = std::stoi(m[1]), mo = std::stoi(m[2]), d = std::stoi(m[3]);
    if (!ValidDate(y, mo, d)) return std::nullopt;
    if (m[4].matched && m[7].matched) {
      std::string z = m[7];
      int offset = 0;
      if (z != "Z") {
        int sign = z[0] == '-' ? -1 : 1;
        std::string digits;
        for (char c : z) {
          if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
        }
        offset = sign * (std::stoi(digits.substr(0, 2)) * 60 + std::stoi(digits.substr(2, 2)));
      }
      return FormatDateTime(y, mo, d, std::stoi(m[4]), std::stoi(m[5]),
                            m[6].matched ? std::stoi(m[6]) : 0, offset);
    }
    return FormatDate(y, mo, d);
  }
  static const std::string kMonth = R"((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)";
  static const std::regex kDayMonthYear(
      R"(\b(\d{1,2})(?:st|nd|rd|th)?\s+)" + kMonth + R"(,?\s+(\d{4})\b)", std::regex::icase);
  static const std::regex kMonthDayYear(
      R"(\b)" + kMonth + R"(\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b)", std::regex::icase);
  int y = 0, mo = 0, d = 0;
  std::string rest;
  if (std::regex_search(text, m, kDayMonthYear)) {
    d = std::stoi(m[1]);
    mo = MonthFromName(m[2].str());
    y = std::stoi(m[3]);
    rest = m.prefix().str() + " " + m.suffix().str();
  } else if (std::regex_search(text, m, kMonthDayYear)) {
    mo = MonthFromName(m[1].str());
    d = std::stoi(m[2]);
    y = std::stoi(m[3]);
    rest = m.prefix().str() + " " + m.suffix().str();
  } else {
    return std::nullopt;
  }
  if (!ValidDate(y, mo, d)) return std::nullopt;
  static const std::regex kTime(
      R"((?:^|[^\d])(\d{1,2})(?:[:.](\d{2}))?(?:[:.](\d{2}))?\s*([ap])?(\.?m\.?)?\s*(?:\(?\s*(gmt|utc|bst|cest|cet|eest|eet|est|edt|cst|cdt|mst|mdt|pst|pdt|hkt|sgt|jst|kst|aest|aedt|msk|ist|nzst|nzdt|awst|west|wet|et|ct|mt|pt|uk time)\b|([+-]\d{2}:?\d{2}))?)",
      std::regex::icase);
  for (auto it = std::sregex_iterator(rest.begin(), rest.end(), kTime);
       it != std::sregex_iterator(); ++it) {
    const std::smatch& t = *it;
    bool has_minutes = t[2].matched;
    bool has_ampm = t[4].matched && t[5].matched;
    if (!has_minutes && !has_ampm) continue;
    int h = std::stoi(t[1]);
    int mi = has_minutes ? std::stoi(t[2]) : 0;
    int s = t[3].matched ? std::stoi(t[3]) : 0;
    if (has_ampm) {
      bool pm = std::tolower(static_cast<unsigned char>(t[4].str()[0])) == 'p';
      if (h == 12) h = 0;
      if (pm) h += 12;
    }
    if (h > 23 || mi > 59 || s > 59) continue;
    std::optional<int> offset;
    if (t[6].matched) offset = ZoneOffset(t[6].str(), y, mo, d, h, mi);
    if (t[7].matched) {
      std::string z = t[7];
      std::string digits;
      for (char c : z) {
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
      }
      offset = (z[0] == '-' ? -1 : 1) *
               (std::stoi(digits.substr(0, 2)) * 60 + std::stoi(digits.substr(2, 2)));
    }
    if (!offset) return FormatDate(y, mo, d);
    return FormatDateTime(y, mo, d, h, mi, s, *offset);
  }
  return FormatDate(y, mo, d);
}

std::optional<std::string> DateFromUrl(std::string_view url) {
  std::string u(url.substr(0, 512));  // keeps std::regex's backtracking bounded
  static const std::regex kSlashed(R"(/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_]|$))");
  static const std::regex kCompact(R"(/((?:19|20)\d{2})(\d{2})(\d{2})(?:/|[-_.]|$))");
  std::smatch m;
  if (std::regex_search(u, m, kSlashed) || std::regex_search(u, m, kCompact)) {
    int y = std::stoi(m[1]), mo = std::stoi(m[2]), d = std::stoi(m[3]);
    if (ValidDate(y, mo, d)) return FormatDate(y, mo, d);
  }
  return std::nullopt;
}

namespace {

// ---- bylines ----------------------------------------------------------------------------

bool IsRoleWord(std::string_view word) {
  static constexpr std::string_view kRoles[] = {
      "editor",        "writer",       "reporter",   "correspondent", "staff",
      "senior",        "chief",        "bureau",     "contributor",   "columnist",
      "producer",      "desk",         "news",       "agency",        "press",
      "associated",    "reuters",      "afp",        "updated",       "published",
      "posted",        "read",         "min",        "minutes",       "ago",
      "photo",         "photos",       "video",      "follow",        "email",
      "twitter",       "contributing", "special",    "analyst",       "team",
      "newsroom",      "opinion",      "comment",    "share",         "by",
      "edited",        "sources",      "source",     "wire",          "services",
      "service",       "journal",      "times",      "post",          "magazine",
      "international", "political",    "diplomatic", "economics",     "business",
      "health",        "science",      "technology", "sports",        "culture",
      "politics"};
  std::string l = ToLower(word);
  while (!l.empty() && !std::isalpha(static_cast<unsigned char>(l.back()))) l.pop_back();
  for (auto r : kRoles) {
    if (l == r) return true;
  }
  return false;
}

std::string TitleCaseWord(std::string_view w) {
  bool has_lower = false;
  for (char c : w) has_lower |= std::islower(static_cast<unsigned char>(c)) != 0;
  if (has_lower || w.size() <= 1) return std::string(w);
  std::string out;
  bool start = true;
  for (char c : w) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      out += c;
      start = false;
      continue;
    }
    out += static_cast<char>(start ? std::toupper(u) : std::tolower(u));
    start = c == '-' || c == '\'' || c == '.';
  }
  return out;
}

// One person's name from a fragment, or "" when it does not look like one.
std::string NameFrom(std::string fragment) {
  static const std::regex kIn(R"(\s+(in|at|from|reporting from)\s+[A-Z].*$)");
  fragment = std::regex_replace(fragment, kIn, "");
  fragment = CollapseSpace(fragment);
  if (fragment.empty()) return "";
  std::vector<std::string> words;
  size_t pos = 0;
  while (pos < fragment.size()) {
    size_t end = fragment.find(' ', pos);
    if (end == std::string::npos) end = fragment.size();
    words.push_back(fragment.substr(pos, end - pos));
    pos = end + 1;
  }
  if (words.size() < 2 || words.size() > 5) return "";
  std::string out;
  for (const auto& w : words) {
    if (IsRoleWord(w)) return "";
    unsigned char first = static_cast<unsigned char>(w[0]);
    if (std::isdigit(first) || w.find('@') != std::string::npos ||
        w.find('/') != std::string::npos) {
      return "";
    }
    bool particle = w == "de" || w == "van" || w == "von" || w == "der" || w == "da" ||
                    w == "del" || w == "la" || w == "le" || w == "bin" || w == "al";
    if (first < 0x80 && !std::isupper(first) && !particle) return "";
    if (!out.empty()) out += ' ';
    out += TitleCaseWord(w);
  }
  return out;
}

}  // namespace

std::string CleanByline(std::string_view raw) {
  std::string text = CollapseSpace(raw);
  if (text.size() > 200 || text.empty()) return "";
  for (std::string_view prefix : {"written by", "words by", "reporting by", "story by",
                                  "by:", "by ", "author:", "authors:"}) {
    if (StartsWithI(text, prefix)) {
      text = CollapseSpace(std::string_view(text).substr(prefix.size()));
      break;
    }
  }
  // Cut at separators that introduce roles, dates or other matter.
  for (std::string_view sep : {" | ", " · ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", "\n"}) {
    size_t at = text.find(sep);
    if (at != std::string::npos) text.resize(at);
  }
  // Split into people at commas and "and"/"&"; a part starting "with" ends the list.
  static const std::regex kJoin(R"(\s*(?:,|\band\b|&)\s*)");
  std::vector<std::string> names;
  for (auto it = std::sregex_token_iterator(text.begin(), text.end(), kJoin, -1);
       it != std::sregex_token_iterator(); ++it) {
    std::string part = CollapseSpace(it->str());
    if (part.empty()) continue;
    if (StartsWithI(part, "with ") || StartsWithI(part, "additional reporting")) break;
    std::string name = NameFrom(part);
    if (name.empty()) {
      if (names.empty()) return "";
      break;  // a role after the names ("Tom Harlow, Diplomatic Editor")
    }
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

namespace {

// ---- JSON-LD ----------------------------------------------------------------------------

void CollectObjects(const json::value& v, std::vector<const json::object*>& out, int depth) {
  if (depth > 8) return;
  if (const auto* arr = v.if_array()) {
    for (const auto& e : *arr) CollectObjects(e, out, depth + 1);
  } else if (const auto* obj = v.if_object()) {
    out.push_back(obj);
    if (auto it = obj->find("@graph"); it != obj->end())
      CollectObjects(it->value(), out, depth + 1);
  }
}

std::string JsonString(const json::value* v) {
  if (v == nullptr) return "";
  if (const auto* s = v->if_string()) return CollapseSpace(std::string_view(s->data(), s->size()));
  return "";
}

const json::value* Field(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it == o.end() ? nullptr : &it->value();
}

bool TypeIs(const json::object& o, std::initializer_list<std::string_view> types) {
  const json::value* t = Field(o, "@type");
  if (t == nullptr) return false;
  auto match = [&](const json::value& v) {
    if (const auto* s = v.if_string()) {
      for (auto ty : types) {
        if (*s == ty) return true;
      }
    }
    return false;
  };
  if (const auto* arr = t->if_array()) {
    for (const auto& e : *arr) {
      if (match(e)) return true;
    }
    return false;
  }
  return match(*t);
}

void AuthorNames(const json::value& v, std::vector<std::string>& out, int depth) {
  if (depth > 4) return;
  if (const auto* s = v.if_string()) {
    std::string name = CollapseSpace(std::string_view(s->data(), s->size()));
    if (!name.empty() && name.find("://") == std::string::npos) out.push_back(name);
  } else if (const auto* arr = v.if_array()) {
    for (const auto& e : *arr) AuthorNames(e, out, depth + 1);
  } else if (const auto* obj = v.if_object()) {
    if (TypeIs(*obj, {"Organization", "NewsMediaOrganization"})) return;
    std::string name = JsonString(Field(*obj, "name"));
    if (!name.empty()) out.push_back(name);
  }
}

bool IsFalse(const json::value* v) {
  if (v == nullptr) return false;
  if (const auto* b = v->if_bool()) return !*b;
  if (const auto* s = v->if_string())
    return ToLower(std::string_view(s->data(), s->size())) == "false";
  return false;
}

struct LdInfo {
  std::string headline, body, published, modified, publisher;
  std::vector<std::string> authors;
  bool not_free = false;
};

LdInfo ReadJsonLd(const std::vector<std::string>& scripts) {
  LdInfo info;
  for (const auto& src : scripts) {
    std::error_code ec;
    json::parse_options opts;
    opts.allow_comments = true;
    opts.allow_trailing_commas = true;
    opts.allow_invalid_utf8 = true;
    json::value root = json::parse(src, ec, {}, opts);
    if (ec) continue;
    std::vector<const json::object*> objects;
    CollectObjects(root, objects, 0);
    const json::object* article = nullptr;
    for (const auto* o : objects) {
      if (IsFalse(Field(*o, "isAccessibleForFree"))) info.not_free = true;
      if (article == nullptr &&
          TypeIs(*o, {"NewsArticle", "Article", "BlogPosting", "ReportageNews", "LiveBlogPosting",
                      "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
                      "Report", "TechArticle", "ScholarlyArticle", "SocialMediaPosting"})) {
        article = o;
      }
    }
    if (article == nullptr || !info.headline.empty()) continue;
    info.headline = JsonString(Field(*article, "headline"));
    if (info.headline.empty()) info.headline = JsonString(Field(*article, "name"));
    info.body = JsonString(Field(*article, "articleBody"));
    info.published = JsonString(Field(*article, "datePublished"));
    info.modified = JsonString(Field(*article, "dateModified"));
    if (const auto* a = Field(*article, "author")) AuthorNames(*a, info.authors, 0);
    if (const auto* p = Field(*article, "publisher"); p != nullptr && p->is_object()) {
      info.publisher = JsonString(Field(p->get_object(), "name"));
    }
  }
  return info;
}

// ---- page scan --------------------------------------------------------------------------

std::string HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  size_t end = rest.find_first_of("/?#");
  std::string host(rest.substr(0, end));
  if (size_t at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
  if (size_t colon = host.find(':'); colon != std::string::npos) host.resize(colon);
  host = ToLower(host);
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

std::string Resolve(std::string_view href, std::string_view base) {
  std::string h = CollapseSpace(href);
  if (h.empty() || h.find("://") != std::string::npos) return h;
  size_t scheme = base.find("://");
  if (scheme == std::string_view::npos) return h;
  if (h.rfind("//", 0) == 0) return std::string(base.substr(0, scheme + 1)) + h;
  if (h[0] == '/') {
    size_t path = base.find('/', scheme + 3);
    return std::string(base.substr(0, path)) + h;
  }
  return h;
}

// What stands between a <title>'s headline and the outlet's name: " | ", en and em dashes, ...
constexpr std::string_view kTitleSeparators[] = {
    " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", " :: ", " \xC2\xB7 ", " / "};

// Normalized form for comparing a title segment with the outlet name.
std::string Squash(std::string_view s) {
  std::string out;
  for (char c : ToLower(s)) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += c;
  }
  if (out.rfind("the", 0) == 0) out = out.substr(3);
  return out;
}

// Removes a trailing (or leading) " | Outlet" style segment. `strict` keeps the title unless
// the segment names the outlet.
std::string StripSuffix(std::string title, const std::string& outlet, const std::string& host,
                        bool strict) {
  std::string o = Squash(outlet);
  std::string h = Squash(host.substr(0, host.find('.')));
  for (auto sep : kTitleSeparators) {
    size_t at = title.rfind(sep);
    if (at != std::string::npos && at > 0) {
      std::string tail = title.substr(at + sep.size());
      std::string st = Squash(tail);
      bool names_outlet =
          !st.empty() &&
          ((!o.empty() && (o.find(st) != std::string::npos || st.find(o) != std::string::npos)) ||
           (!h.empty() && st.find(h) != std::string::npos));
      size_t words = std::count(tail.begin(), tail.end(), ' ') + 1;
      if (names_outlet || (!strict && words <= 4 && tail.size() * 2 < at)) {
        return CollapseSpace(title.substr(0, at));
      }
    }
    size_t first = title.find(sep);
    if (first != std::string::npos && first > 0) {
      std::string st = Squash(title.substr(0, first));
      if (!o.empty() && st == o) return CollapseSpace(title.substr(first + sep.size()));
    }
  }
  return title;
}

// The outlet a "<headline> | <outlet>" (or "<outlet> | <headline>") <title> names, when the page
// has no site name in its metadata. The segment beside the headline qualifies when the rest of
// the title is a headline the page states elsewhere (its h1, og:title or JSON-LD headline), or
// when the segment spells the host's name ("Valley Courier" on valleycourier.example). A segment
// of more than six words or 60 bytes is a second headline, not a name. "" when none qualifies.
std::string OutletFromTitle(const std::string& title, const std::vector<std::string>& headlines,
                            const std::string& host) {
  constexpr size_t kMaxWords = 6, kMaxBytes = 60;
  const std::string h = Squash(host.substr(0, host.find('.')));
  auto is_headline = [&](const std::string& part) {
    const std::string squashed = Squash(part);
    if (squashed.empty()) return false;
    for (const auto& headline : headlines) {
      if (Squash(headline) == squashed) return true;
    }
    return false;
  };
  auto as_name = [&](std::string segment, const std::string& rest) -> std::string {
    segment = CollapseSpace(segment);
    const size_t words = std::count(segment.begin(), segment.end(), ' ') + 1;
    if (segment.empty() || words > kMaxWords || segment.size() > kMaxBytes) return "";
    const std::string squashed = Squash(segment);
    if (squashed.empty()) return "";
    const bool spells_host = !h.empty() && h.size() >= 3 && squashed == h;
    return spells_host || is_headline(rest) ? segment : "";
  };
  for (auto sep : kTitleSeparators) {
    if (size_t at = title.rfind(sep); at != std::string::npos && at > 0) {
      std::string name = as_name(title.substr(at + sep.size()), title.substr(0, at));
      if (!name.empty()) return name;
    }
    if (size_t at = title.find(sep); at != std::string::npos && at > 0) {
      std::string name = as_name(title.substr(0, at), title.substr(at + sep.size()));
      if (!name.empty()) return name;
    }
  }
  return "";
}

enum class TextCue { kNone, kByline, kDateline };

// What a short block's own first words announce: "By " and a capital ("By RORY BLANT, Chief
// Reporter") a byline; "Published", "Posted", "Updated" or "First published" a dateline. Only
// the element's first child is read, so the scan stays linear in the page; blocks of more than
// eight children are not bylines.
TextCue LeadingCue(const HtmlTree& tree, const HtmlNode& n) {
  static constexpr std::string_view kBlocks[] = {"p",     "div",     "span",  "li",
                                                 "small", "address", "header"};
  if (n.kids.empty() || n.kids.size() > 8 ||
      std::find(std::begin(kBlocks), std::end(kBlocks), n.tag) == std::end(kBlocks)) {
    return TextCue::kNone;
  }
  const HtmlNode& first = tree.nodes[n.kids.front()];
  if (!first.is_text()) return TextCue::kNone;
  std::string_view text = first.text;
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  if (text.size() > 3 && text.substr(0, 3) == "By " &&
      std::isupper(static_cast<unsigned char>(text[3]))) {
    return TextCue::kByline;
  }
  for (std::string_view cue : {"published", "posted", "updated", "first published"}) {
    if (StartsWithI(text, cue) && text.size() > cue.size() &&
        !std::isalpha(static_cast<unsigned char>(text[cue.size()]))) {
      return TextCue::kDateline;
    }
  }
  return TextCue::kNone;
}

bool InBoilerplateArea(const HtmlTree& tree, int node) {
  static const SubstringSet kAreaWords{"related", "most-read", "popular", "recommend",
                                       "sidebar", "comment",   "teaser",  "promo"};
  for (int p = tree.nodes[node].parent; p >= 0; p = tree.nodes[p].parent) {
    const HtmlNode& n = tree.nodes[p];
    if (n.tag == "aside" || n.tag == "nav" || n.tag == "footer") return true;
    if (kAreaWords.FoundIn(n.class_id)) {
      return true;
    }
  }
  return false;
}

}  // namespace

PageMeta ReadMetadata(const HtmlTree& tree, std::string_view url) {
  static const SubstringSet kBylineWords{"byline", "author", "contributor", "writer"};
  static const SubstringSet kDatelineWords{
      "date", "time",        "publish",      "posted",         "byline",   "meta",
      "info", "header-line", "story-header", "article-header", "timestamp"};
  PageMeta meta;
  std::vector<std::pair<std::string, std::string>> metas;  // (key lowercase, content)
  std::vector<std::string> scripts;
  std::string canonical, rel_author, html_lang, title_tag, h1;
  std::vector<int> byline_nodes, cued_byline_nodes, time_nodes, dateline_nodes;
  int h1_index = -1;
  std::string item_published, item_modified;
  for (size_t i = 0; i < tree.nodes.size(); ++i) {
    const HtmlNode& n = tree.nodes[i];
    if (n.is_text()) continue;
    std::string_view tag = n.tag;
    if (tag == "meta") {
      std::string content = n.Attr("content");
      for (const char* key : {"name", "property", "itemprop", "http-equiv"}) {
        if (n.HasAttr(key)) metas.emplace_back(ToLower(n.Attr(key)), content);
      }
    } else if (tag == "script") {
      if (ToLower(n.Attr("type")).find("ld+json") != std::string::npos) {
        std::string src;
        for (int k : n.kids) src += tree.nodes[k].text;
        scripts.push_back(std::move(src));
      }
    } else if (tag == "link") {
      std::string rel = ToLower(n.Attr("rel"));
      if (rel == "canonical" && canonical.empty()) canonical = n.Attr("href");
    } else if (tag == "html" && html_lang.empty()) {
      html_lang = n.Attr("lang");
      if (html_lang.empty()) html_lang = n.Attr("xml:lang");
    } else if (tag == "title" && title_tag.empty()) {
      title_tag = tree.Text(static_cast<int>(i));
    } else if (tag == "h1" && h1.empty()) {
      h1 = tree.Text(static_cast<int>(i));
      h1_index = static_cast<int>(i);
    }
    std::string itemprop = ToLower(n.Attr("itemprop"));
    if (itemprop == "datepublished" && item_published.empty()) {
      item_published = n.HasAttr("datetime") ? n.Attr("datetime") : n.Attr("content");
      if (item_published.empty()) item_published = tree.Text(static_cast<int>(i));
    }
    if (itemprop == "datemodified" && item_modified.empty()) {
      item_modified = n.HasAttr("datetime") ? n.Attr("datetime") : n.Attr("content");
    }
    if (tag == "time" && n.HasAttr("datetime")) time_nodes.push_back(static_cast<int>(i));
    if (tag == "head" || tag == "script" || tag == "style") continue;
    const std::string& cls = n.class_id;
    bool author_rel = tag == "a" && ToLower(n.Attr("rel")) == "author";
    if (itemprop == "author" || author_rel || kBylineWords.FoundIn(cls)) {
      if (rel_author.empty() && author_rel) rel_author = tree.Text(static_cast<int>(i));
      byline_nodes.push_back(static_cast<int>(i));
    }
    if (kDatelineWords.FoundIn(cls)) {
      dateline_nodes.push_back(static_cast<int>(i));
    }
    // Bylines and datelines whose classes say nothing ("by", "when", "stamp") are known by how
    // their text begins: "By Ann Lee", "Posted 23:05, Tuesday 9 June 2026".
    switch (LeadingCue(tree, n)) {
      case TextCue::kByline:
        cued_byline_nodes.push_back(static_cast<int>(i));
        break;
      case TextCue::kDateline:
        dateline_nodes.push_back(static_cast<int>(i));
        break;
      case TextCue::kNone:
        break;
    }
  }
  auto meta_value = [&](std::initializer_list<std::string_view> keys) -> std::string {
    for (auto key : keys) {
      for (const auto& [k, v] : metas) {
        if (k == key) {
          std::string c = CollapseSpace(v);
          if (!c.empty()) return c;
        }
      }
    }
    return "";
  };

  LdInfo ld = ReadJsonLd(scripts);
  meta.not_free = ld.not_free;
  std::string tier = ToLower(meta_value({"article:content_tier"}));
  if (tier == "locked" || tier == "premium") meta.not_free = true;
  meta.ld_body = ld.body;

  // Outlet.
  std::string host = HostOf(url);
  meta.outlet = meta_value({"og:site_name"});
  if (meta.outlet.empty()) meta.outlet = ld.publisher;
  if (meta.outlet.empty()) meta.outlet = meta_value({"application-name", "publisher"});
  if (meta.outlet.empty()) {
    meta.outlet = OutletFromTitle(
        CollapseSpace(title_tag),
        {ld.headline, meta_value({"og:title", "twitter:title"}), CollapseSpace(h1)}, host);
  }
  if (meta.outlet.empty()) meta.outlet = host;

  // Canonical URL and language.
  meta.canonical_url = Resolve(canonical, url);
  if (meta.canonical_url.empty()) meta.canonical_url = Resolve(meta_value({"og:url"}), url);
  meta.language = CollapseSpace(html_lang);
  if (meta.language.empty()) {
    meta.language = meta_value({"og:locale", "content-language", "language", "dc.language"});
    std::replace(meta.language.begin(), meta.language.end(), '_', '-');
  }

  // Title.
  meta.headline_raw = CollapseSpace(h1);
  if (!ld.headline.empty()) {
    meta.title = StripSuffix(ld.headline, meta.outlet, host, true);
  } else if (std::string og = meta_value({"og:title", "twitter:title"}); !og.empty()) {
    meta.title = StripSuffix(og, meta.outlet, host, true);
  } else if (!meta.headline_raw.empty() && meta.headline_raw.size() > 10) {
    meta.title = meta.headline_raw;
  } else {
    meta.title = StripSuffix(CollapseSpace(title_tag), meta.outlet, host, false);
  }
  if (meta.title.empty()) meta.title = meta.headline_raw;

  // Standfirst: a summary element right after the headline.
  if (h1_index >= 0) {
    for (int i = h1_index + 1; i < static_cast<int>(tree.nodes.size()) && i < h1_index + 60; ++i) {
      const HtmlNode& n = tree.nodes[i];
      if (n.is_text()) continue;
      const std::string& cls = n.class_id;
      if (!ContainsAny(cls, {"dek", "standfirst", "strapline", "deck"}) ||
          InBoilerplateArea(tree, i)) {
        continue;
      }
      std::string text = tree.Text(i);
      if (text.size() >= 40 && text.size() <= 400) meta.standfirst = text;
      break;
    }
  }

  // Author(s).
  std::vector<std::string> authors;
  for (const auto& a : ld.authors) {
    std::string cleaned = CleanByline(a);
    std::string name = cleaned.empty() ? a : cleaned;
    if (Squash(name) != Squash(meta.outlet) &&
        std::find(authors.begin(), authors.end(), name) == authors.end()) {
      authors.push_back(name);
    }
  }
  if (authors.empty()) {
    for (std::string candidate : {meta_value(
             {"author", "article:author", "parsely-author", "sailthru.author", "dc.creator"})}) {
      if (candidate.find("://") != std::string::npos) continue;
      std::string name = CleanByline(candidate);
      if (!name.empty() && Squash(name) != Squash(meta.outlet)) authors.push_back(name);
    }
  }
  if (authors.empty() && !rel_author.empty()) {
    std::string name = CleanByline(rel_author);
    if (!name.empty()) authors.push_back(name);
  }
  if (authors.empty()) {
    for (int b : byline_nodes) {
      if (InBoilerplateArea(tree, b)) continue;
      std::string text = tree.Text(b);
      if (text.size() > 200) continue;
      std::string name = CleanByline(text);
      if (!name.empty()) {
        authors.push_back(name);
        break;
      }
    }
  }
  // A block that only begins "By " may be a sentence ("By Tuesday, ..."): its first name must
  // have two words or more.
  if (authors.empty()) {
    for (int b : cued_byline_nodes) {
      if (InBoilerplateArea(tree, b)) continue;
      std::string text = tree.Text(b);
      if (text.size() > 200) continue;
      std::string names = CleanByline(text);
      const std::string first = names.substr(0, names.find(','));
      if (first.find(' ') != std::string::npos) {
        authors.push_back(names);
        break;
      }
    }
  }
  for (const auto& a : authors) {
    if (!meta.author.empty()) meta.author += ", ";
    meta.author += a;
  }

  // Dates.
  auto parse_first = [](std::initializer_list<std::string> values) -> std::optional<std::string> {
    for (const auto& v : values) {
      if (v.empty()) continue;
      if (auto d = ParseDate(v)) return d;
    }
    return std::nullopt;
  };
  meta.published =
      parse_first({ld.published,
                   meta_value({"article:published_time", "og:published_time", "datepublished",
                               "pubdate", "publishdate", "parsely-pub-date", "sailthru.date",
                               "dc.date", "dc.date.issued", "date"}),
                   item_published});
  meta.modified = parse_first({ld.modified,
                               meta_value({"article:modified_time", "og:updated_time",
                                           "datemodified", "lastmod", "last-modified"}),
                               item_modified});
  if (!meta.published) {
    for (int t : time_nodes) {
      if (InBoilerplateArea(tree, t)) continue;
      meta.published = ParseDate(tree.nodes[t].Attr("datetime"));
      if (meta.published) break;
    }
  }
  if (!meta.published || !meta.modified) {
    // Visible datelines: "Published: 14:22 GMT, 4 November 2025 | Updated: ...".
    std::optional<std::string> best_published, best_modified;
    int best_rank = -1;
    for (int node : dateline_nodes) {
      if (InBoilerplateArea(tree, node)) continue;
      std::string text = tree.Text(node);
      if (text.empty() || text.size() > 160) continue;
      std::string lower = ToLower(text);
      size_t upd = lower.find("updated");
      if (upd == std::string::npos) upd = lower.find("modified");
      std::string pub_part = upd == std::string::npos ? text : text.substr(0, upd);
      if (auto d = ParseDate(pub_part)) {
        bool explicit_pub =
            lower.find("publish") != std::string::npos || lower.find("posted") != std::string::npos;
        int rank = (explicit_pub ? 2 : 0) + (d->size() > 10 ? 1 : 0);
        if (rank > best_rank) {
          best_rank = rank;
          best_published = d;
        }
      }
      if (upd != std::string::npos && !best_modified) {
        best_modified = ParseDate(text.substr(upd));
      }
    }
    if (!meta.published) meta.published = best_published;
    if (!meta.modified) meta.modified = best_modified;
  }
  if (!meta.published) meta.published = DateFromUrl(url);
  if (!meta.published && !meta.canonical_url.empty()) {
    meta.published = DateFromUrl(meta.canonical_url);
  }
  return meta;
}

}  // namespace parallax::fetch::detail
