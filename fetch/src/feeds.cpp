// RSS/Atom feeds and sitemaps with libxml2 (see feeds.h for the contract).
//
// Safety: options are XML_PARSE_NONET (no network), no XML_PARSE_NOENT (entities are never
// substituted), no XML_PARSE_DTDLOAD/DTDATTR/DTDVALID (no external DTD), and XML_PARSE_RECOVER
// for small well-formedness errors. A document whose prolog declares entities is refused before
// libxml2 sees it, and again after parsing if the internal subset holds entities (a prolog the
// byte scan cannot read, e.g. UTF-16). Text is read from text and CDATA nodes only; entity
// reference nodes are never followed.
#include "parallax/fetch/feeds.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

namespace parallax::fetch {
namespace {

constexpr const char* kAtomNs = "http://www.w3.org/2005/Atom";
constexpr const char* kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr const char* kDcNs = "http://purl.org/dc/elements/1.1/";
constexpr const char* kContentNs = "http://purl.org/rss/1.0/modules/content/";
constexpr const char* kNewsNsFragment = "sitemap-news";  // Google News sitemap namespace
constexpr size_t kSniffBytes = 4096;

std::string_view TrimView(std::string_view s) {
  const char* kSpace = " \t\r\n\f\v";
  const size_t start = s.find_first_not_of(kSpace);
  if (start == std::string_view::npos) return {};
  return s.substr(start, s.find_last_not_of(kSpace) - start + 1);
}

std::string Subject(std::string_view base_url) {
  return base_url.empty() ? std::string("<xml input>") : std::string(base_url);
}

// ---- Prolog scanning (sniffers, entity refusal) ----

struct Prolog {
  std::string root;        // qualified name of the root element, "" when not found
  size_t root_offset = 0;  // where the root start tag begins (input size when not found)
  bool declares_entity = false;
};

// Walks the XML declaration, comments, processing instructions and DOCTYPE (with internal
// subset) up to the root start tag. Reads at most `limit` bytes.
Prolog ScanProlog(std::string_view bytes, size_t limit) {
  Prolog prolog;
  std::string_view s = bytes.substr(0, limit);
  size_t pos = 0;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  prolog.root_offset = bytes.size();
  while (pos < s.size()) {
    pos = s.find('<', pos);
    if (pos == std::string_view::npos) return prolog;
    std::string_view rest = s.substr(pos);
    size_t end;
    if (rest.substr(0, 4) == "<!--") {
      end = s.find("-->", pos + 4);
      if (end == std::string_view::npos) return prolog;
      pos = end + 3;
    } else if (rest.substr(0, 2) == "<?") {
      end = s.find("?>", pos + 2);
      if (end == std::string_view::npos) return prolog;
      pos = end + 2;
    } else if (rest.substr(0, 2) == "<!") {  // DOCTYPE, possibly with [internal subset]
      const size_t bracket = s.find('[', pos);
      const size_t close = s.find('>', pos);
      if (bracket != std::string_view::npos && bracket < close) {
        end = s.find("]", bracket);
        const std::string_view subset = s.substr(
            bracket, end == std::string_view::npos ? std::string_view::npos : end - bracket);
        if (subset.find("<!ENTITY") != std::string_view::npos) prolog.declares_entity = true;
        if (end == std::string_view::npos) return prolog;
        end = s.find('>', end);
      } else {
        end = close;
      }
      if (end == std::string_view::npos) return prolog;
      pos = end + 1;
    } else {
      size_t name_end = pos + 1;
      while (name_end < s.size() && !std::isspace(static_cast<unsigned char>(s[name_end])) &&
             s[name_end] != '>' && s[name_end] != '/') {
        ++name_end;
      }
      prolog.root = std::string(s.substr(pos + 1, name_end - pos - 1));
      prolog.root_offset = pos;
      return prolog;
    }
  }
  return prolog;
}

std::string_view LocalName(std::string_view qualified) {
  const size_t colon = qualified.find(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

// ---- libxml2 helpers ----

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

Status ParseXml(std::string_view xml, std::string_view base_url, DocPtr& doc) {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
  const std::string subject = Subject(base_url);
  if (xml.size() > kFeedMaxBytes) {
    return Status::Error(subject, "document of " + std::to_string(xml.size()) +
                                      " bytes exceeds the 50 MiB limit of the sitemaps protocol");
  }
  if (TrimView(xml).empty()) return Status::Error(subject, "empty document, expected XML");
  if (ScanProlog(xml, xml.size()).declares_entity) {
    return Status::Error(subject,
                         "refused: the document declares XML entities (possible entity "
                         "expansion attack)");
  }
  const int options = XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
                      XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
  doc.reset(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr, options));
  if (doc == nullptr || xmlDocGetRootElement(doc.get()) == nullptr) {
    return Status::Error(subject, "not an XML document");
  }
  if (doc->intSubset != nullptr && doc->intSubset->entities != nullptr) {
    return Status::Error(subject,
                         "refused: the document declares XML entities (possible entity "
                         "expansion attack)");
  }
  return Status::Ok();
}

std::string_view Name(const xmlNode* node) {
  return node->name ? reinterpret_cast<const char*>(node->name) : "";
}

// The namespace URI of `node`, "" for none.
std::string_view Ns(const xmlNode* node) {
  return (node->ns && node->ns->href) ? reinterpret_cast<const char*>(node->ns->href) : "";
}

// Whether `node` is an element named `local` in namespace `ns` (nullptr: any namespace).
bool Is(const xmlNode* node, std::string_view local, const char* ns) {
  return node->type == XML_ELEMENT_NODE && Name(node) == local && (ns == nullptr || Ns(node) == ns);
}

const xmlNode* Child(const xmlNode* parent, std::string_view local, const char* ns) {
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (Is(c, local, ns)) return c;
  }
  return nullptr;
}

// Concatenated text and CDATA of `node`'s subtree; entity references are not followed.
void AppendText(const xmlNode* node, std::string& out) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) out += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      AppendText(c, out);
    }
  }
}

std::string Text(const xmlNode* node) {
  if (node == nullptr) return {};
  std::string out;
  AppendText(node, out);
  return std::string(TrimView(out));
}

std::string ChildText(const xmlNode* parent, std::string_view local, const char* ns) {
  return Text(Child(parent, local, ns));
}

std::string Attr(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

// `ref` resolved against `base` (RFC 3986 §5) with Boost.URL; `ref` as written when either does
// not parse.
std::string Resolve(std::string_view base, std::string_view ref) {
  ref = TrimView(ref);
  auto parsed_ref = boost::urls::parse_uri_reference(ref);
  if (!parsed_ref) return std::string(ref);
  if (parsed_ref->has_scheme()) return std::string(ref);
  auto parsed_base = boost::urls::parse_uri(base);
  if (!parsed_base) return std::string(ref);
  boost::urls::url resolved;
  if (!boost::urls::resolve(*parsed_base, *parsed_ref, resolved)) return std::string(ref);
  return std::string(resolved.buffer());
}

// The base for an element: the document URL refined by xml:base attributes (Atom, RFC 4287
// §2) on `node` and its ancestors.
std::string BaseFor(const xmlNode* node, std::string_view doc_url) {
  std::vector<std::string> bases;
  for (const xmlNode* n = node; n != nullptr && n->type == XML_ELEMENT_NODE; n = n->parent) {
    xmlChar* b = xmlGetNsProp(n, reinterpret_cast<const xmlChar*>("base"), XML_XML_NAMESPACE);
    if (b != nullptr) {
      bases.emplace_back(reinterpret_cast<const char*>(b));
      xmlFree(b);
    }
  }
  std::string base(doc_url);
  for (auto it = bases.rbegin(); it != bases.rend(); ++it) base = Resolve(base, *it);
  return base;
}

// ---- RSS ----

std::string RssLink(const xmlNode* item) {
  for (const xmlNode* c = item->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && Name(c) == "link" && Ns(c) != kAtomNs) {
      std::string text = Text(c);
      if (!text.empty()) return text;
    }
  }
  for (const xmlNode* c = item->children; c != nullptr; c = c->next) {
    if (Is(c, "link", kAtomNs)) {
      const std::string rel = Attr(c, "rel");
      if (rel.empty() || rel == "alternate") return Attr(c, "href");
    }
  }
  // RSS 2.0: a guid is the item's URL unless isPermaLink="false".
  if (const xmlNode* guid = Child(item, "guid", nullptr)) {
    const std::string text = Text(guid);
    if (Attr(guid, "isPermaLink") != "false" &&
        (text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0)) {
      return text;
    }
  }
  // RSS 1.0: rdf:about.
  return std::string(TrimView([&] {
    xmlChar* about = xmlGetNsProp(item, reinterpret_cast<const xmlChar*>("about"),
                                  reinterpret_cast<const xmlChar*>(kRdfNs));
    std::string out = about ? reinterpret_cast<const char*>(about) : "";
    xmlFree(about);
    return out;
  }()));
}

FeedEntry RssEntry(const xmlNode* item, std::string_view base_url) {
  FeedEntry entry;
  const std::string link = RssLink(item);
  if (!link.empty()) entry.url = Resolve(base_url, link);
  entry.title = ChildText(item, "title", nullptr);
  if (std::string date = ChildText(item, "pubDate", nullptr); !date.empty()) {
    entry.published = Rfc822ToIso8601(date).value_or(date);
  } else {
    entry.published = ChildText(item, "date", kDcNs);
  }
  entry.summary = ChildText(item, "description", nullptr);
  if (entry.summary.empty()) entry.summary = ChildText(item, "encoded", kContentNs);
  return entry;
}

// ---- Atom ----

std::string AtomLink(const xmlNode* entry) {
  std::string fallback;
  for (const xmlNode* c = entry->children; c != nullptr; c = c->next) {
    if (!Is(c, "link", kAtomNs)) continue;
    const std::string rel = Attr(c, "rel");
    if (!rel.empty() && rel != "alternate") continue;
    const std::string type = Attr(c, "type");
    const std::string href = Attr(c, "href");
    if (href.empty()) continue;
    if (type.empty() || type == "text/html" || type == "application/xhtml+xml") return href;
    if (fallback.empty()) fallback = href;
  }
  return fallback;
}

FeedEntry AtomEntry(const xmlNode* node, std::string_view feed_url) {
  FeedEntry entry;
  const std::string link = AtomLink(node);
  if (!link.empty()) entry.url = Resolve(BaseFor(node, feed_url), link);
  entry.title = ChildText(node, "title", kAtomNs);
  entry.published = ChildText(node, "published", kAtomNs);
  if (entry.published.empty()) entry.published = ChildText(node, "updated", kAtomNs);
  entry.summary = ChildText(node, "summary", kAtomNs);
  if (entry.summary.empty()) entry.summary = ChildText(node, "content", kAtomNs);
  return entry;
}

void AddEntry(Feed& feed, FeedEntry entry) {
  if (entry.url.empty()) return;
  if (feed.entries.size() >= kFeedMaxEntries) {
    feed.truncated = true;
    return;
  }
  feed.entries.push_back(std::move(entry));
}

// ---- RFC 822 dates ----

int MonthIndex(std::string_view token) {
  static constexpr std::array<const char*, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
  if (token.size() < 3) return -1;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    bool same = true;
    for (size_t j = 0; j < 3; ++j) {
      same = same && std::tolower(static_cast<unsigned char>(token[j])) == kMonths[i][j];
    }
    if (same) return static_cast<int>(i) + 1;
  }
  return -1;
}

bool ParseInt(std::string_view s, int& out) {
  if (s.empty() || s.size() > 4) return false;
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

// Zone as minutes east of UTC; false when unknown.
bool ParseZone(std::string_view zone, int& minutes) {
  if (!zone.empty() && (zone[0] == '+' || zone[0] == '-')) {
    std::string digits;
    for (char c : zone.substr(1)) {
      if (c != ':') digits.push_back(c);
    }
    int hh = 0, mm = 0;
    if (digits.size() != 4 || !ParseInt(std::string_view(digits).substr(0, 2), hh) ||
        !ParseInt(std::string_view(digits).substr(2), mm) || mm > 59) {
      return false;
    }
    minutes = (zone[0] == '-' ? -1 : 1) * (hh * 60 + mm);
    return true;
  }
  static constexpr std::array<std::pair<const char*, int>, 13> kZones = {{{"UT", 0},
                                                                          {"UTC", 0},
                                                                          {"GMT", 0},
                                                                          {"Z", 0},
                                                                          {"EST", -5 * 60},
                                                                          {"EDT", -4 * 60},
                                                                          {"CST", -6 * 60},
                                                                          {"CDT", -5 * 60},
                                                                          {"MST", -7 * 60},
                                                                          {"MDT", -6 * 60},
                                                                          {"PST", -8 * 60},
                                                                          {"PDT", -7 * 60},
                                                                          {"BST", 60}}};
  for (const auto& [name, offset] : kZones) {
    if (zone.size() == std::strlen(name)) {
      bool same = true;
      for (size_t i = 0; i < zone.size(); ++i) {
        same = same && std::toupper(static_cast<unsigned char>(zone[i])) == name[i];
      }
      if (same) {
        minutes = offset;
        return true;
      }
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> Rfc822ToIso8601(std::string_view date) {
  std::vector<std::string_view> tokens;
  size_t pos = 0;
  while (pos < date.size()) {
    const size_t start = date.find_first_not_of(" \t\r\n,", pos);
    if (start == std::string_view::npos) break;
    const size_t end = std::min(date.find_first_of(" \t\r\n,", start), date.size());
    tokens.push_back(date.substr(start, end - start));
    pos = end;
  }
  size_t i = 0;
  // Optional day name ("Tue", "Tuesday").
  if (!tokens.empty() && std::isalpha(static_cast<unsigned char>(tokens[0][0])) &&
      MonthIndex(tokens[0]) < 0) {
    i = 1;
  }
  if (tokens.size() < i + 5) return std::nullopt;
  int day = 0, year = 0, hour = 0, minute = 0, second = 0, zone = 0;
  const int month = MonthIndex(tokens[i + 1]);
  if (!ParseInt(tokens[i], day) || month < 0 || !ParseInt(tokens[i + 2], year)) {
    return std::nullopt;
  }
  if (tokens[i + 2].size() == 2) year += year < 50 ? 2000 : 1900;  // RFC 2822 §4.3
  if (tokens[i + 2].size() == 3) year += 1900;
  const std::string_view time = tokens[i + 3];
  if (time.size() < 5 || time[2] != ':' || !ParseInt(time.substr(0, 2), hour) ||
      !ParseInt(time.substr(3, 2), minute)) {
    return std::nullopt;
  }
  if (time.size() != 5 &&
      (time.size() != 8 || time[5] != ':' || !ParseInt(time.substr(6, 2), second))) {
    return std::nullopt;
  }
  if (!ParseZone(tokens[i + 4], zone)) return std::nullopt;
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  char buffer[80];  // sized for any int values, so -Wformat-truncation is satisfied
  const int abs_zone = zone < 0 ? -zone : zone;
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", year, month, day,
                hour, minute, second, zone < 0 ? '-' : '+', abs_zone / 60, abs_zone % 60);
  return std::string(buffer);
}

Result<Feed> ParseFeed(std::string_view xml, std::string_view base_url) {
  DocPtr doc;
  if (Status status = ParseXml(xml, base_url, doc); !status.ok()) return status;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  Feed feed;
  if (Is(root, "rss", nullptr)) {
    feed.format = Feed::Format::kRss;
    const xmlNode* channel = Child(root, "channel", nullptr);
    if (channel == nullptr) return Status::Error(Subject(base_url), "RSS feed without <channel>");
    feed.title = ChildText(channel, "title", nullptr);
    for (const xmlNode* c = channel->children; c != nullptr; c = c->next) {
      if (Is(c, "item", nullptr)) AddEntry(feed, RssEntry(c, base_url));
    }
  } else if (Is(root, "RDF", kRdfNs)) {
    feed.format = Feed::Format::kRdf;
    if (const xmlNode* channel = Child(root, "channel", nullptr)) {
      feed.title = ChildText(channel, "title", nullptr);
    }
    for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
      if (Is(c, "item", nullptr)) AddEntry(feed, RssEntry(c, base_url));
    }
  } else if (Is(root, "feed", kAtomNs)) {
    feed.format = Feed::Format::kAtom;
    feed.title = ChildText(root, "title", kAtomNs);
    for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
      if (Is(c, "entry", kAtomNs)) AddEntry(feed, AtomEntry(c, base_url));
    }
  } else {
    return Status::Error(Subject(base_url), "not an RSS or Atom feed (root element <" +
                                                std::string(Name(root)) + ">)");
  }
  return feed;
}

Result<Sitemap> ParseSitemap(std::string_view xml, std::string_view base_url) {
  DocPtr doc;
  if (Status status = ParseXml(xml, base_url, doc); !status.ok()) return status;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  Sitemap sitemap;
  if (Is(root, "sitemapindex", nullptr)) {
    sitemap.kind = Sitemap::Kind::kIndex;
    for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
      if (!Is(c, "sitemap", nullptr)) continue;
      const std::string loc = ChildText(c, "loc", nullptr);
      if (loc.empty()) continue;
      if (sitemap.sitemaps.size() >= kFeedMaxEntries) {
        sitemap.truncated = true;
        break;
      }
      sitemap.sitemaps.push_back(Resolve(base_url, loc));
    }
  } else if (Is(root, "urlset", nullptr)) {
    sitemap.kind = Sitemap::Kind::kUrlSet;
    for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
      if (!Is(c, "url", nullptr)) continue;
      SitemapUrl url;
      url.loc = ChildText(c, "loc", nullptr);
      if (url.loc.empty()) continue;
      if (sitemap.urls.size() >= kFeedMaxEntries) {
        sitemap.truncated = true;
        break;
      }
      url.loc = Resolve(base_url, url.loc);
      url.lastmod = ChildText(c, "lastmod", nullptr);
      for (const xmlNode* n = c->children; n != nullptr; n = n->next) {
        if (!Is(n, "news", nullptr)) continue;
        if (!Ns(n).empty() && Ns(n).find(kNewsNsFragment) == std::string_view::npos) continue;
        url.news_publication_date = ChildText(n, "publication_date", nullptr);
        url.news_title = ChildText(n, "title", nullptr);
        break;
      }
      sitemap.urls.push_back(std::move(url));
    }
  } else {
    return Status::Error(Subject(base_url),
                         "not a sitemap (root element <" + std::string(Name(root)) + ">)");
  }
  return sitemap;
}

bool LooksLikeFeed(std::string_view bytes) {
  const std::string root = ScanProlog(bytes, kSniffBytes).root;
  return root == "rss" || LocalName(root) == "feed" || LocalName(root) == "RDF";
}

bool LooksLikeSitemap(std::string_view bytes) {
  const std::string root = ScanProlog(bytes, kSniffBytes).root;
  const std::string_view local = LocalName(root);
  return local == "urlset" || local == "sitemapindex";
}

}  // namespace parallax::fetch
