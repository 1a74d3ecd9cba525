// ExtractArticle: bytes -> Document. HTML goes through libxml2's HTML parser into a compact,
// depth-bounded tree; the article body is chosen by readability-style scoring (text length,
// commas, link density, class/id hints) and cleaned of boilerplate blocks.
#include "parallax/fetch/extract.h"
#include "ascii.h"

#include <libxml/HTMLparser.h>
#include <libxml/dict.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <regex>
#include <unordered_map>
#include <unordered_set>

#include "charset.h"
#include "extract_internal.h"

namespace parallax::fetch {
namespace detail {

const std::string& HtmlNode::Attr(std::string_view name) const {
  static const std::string kEmpty;
  for (const auto& [k, v] : attrs) {
    if (k == name) return v;
  }
  return kEmpty;
}

bool HtmlNode::HasAttr(std::string_view name) const {
  for (const auto& [k, v] : attrs) {
    if (k == name) return true;
  }
  return false;
}

SubstringSet::SubstringSet(std::initializer_list<std::string_view> needles) : needles_(needles) {
  for (std::string_view n : needles_) {
    if (n.size() < 2) std::abort();  // a one-byte needle is a programming error
  }
  auto first_byte = [](std::string_view n) { return static_cast<unsigned char>(n[0]); };
  std::stable_sort(needles_.begin(), needles_.end(), [&](std::string_view a, std::string_view b) {
    return first_byte(a) < first_byte(b);
  });
  size_t k = 0;
  for (int b = 0; b < 256; ++b) {
    first_[b] = static_cast<uint16_t>(k);
    while (k < needles_.size() && first_byte(needles_[k]) == b) ++k;
  }
  first_[256] = static_cast<uint16_t>(k);
}

bool SubstringSet::FoundIn(std::string_view text) const {
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    for (size_t k = first_[b]; k < first_[b + 1]; ++k) {
      std::string_view n = needles_[k];
      // Needles have two bytes or more (checked in the constructor): the second byte rejects
      // most candidates before the full comparison.
      if (n.size() <= text.size() - i && text[i + 1] == n[1] &&
          std::memcmp(text.data() + i, n.data(), n.size()) == 0) {
        return true;
      }
    }
  }
  return false;
}

std::string ToLower(std::string_view s) {
  return AsciiLower(s);
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    // Printable ASCII runs (most of the text) are copied whole.
    if (c > ' ' && c < 0x7F) {
      size_t end = i + 1;
      while (end < s.size() && static_cast<unsigned char>(s[end]) > ' ' &&
             static_cast<unsigned char>(s[end]) < 0x7F) {
        ++end;
      }
      if (space && !out.empty()) out += ' ';
      space = false;
      out.append(s.data() + i, end - i);
      i = end - 1;
      continue;
    }
    bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    size_t skip = 0;
    // U+00A0 NBSP, U+2009 thin space, U+200B zero width space, U+202F, U+3000.
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ws = true;
      skip = 1;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0x89 ||
                static_cast<unsigned char>(s[i + 2]) == 0xAF ||
                static_cast<unsigned char>(s[i + 2]) == 0x8B ||
                static_cast<unsigned char>(s[i + 2]) == 0xA8)) {
      ws = true;
      skip = 2;
    }
    if (ws) {
      space = true;
      i += skip;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

std::string HtmlTree::Text(int node) const {
  std::string raw;
  std::vector<int> stack{node};
  while (!stack.empty()) {
    int n = stack.back();
    stack.pop_back();
    const HtmlNode& h = nodes[n];
    if (h.is_text()) {
      raw += h.text;
      continue;
    }
    if (h.tag == "script" || h.tag == "style" || h.tag == "noscript" || h.tag == "template") {
      continue;
    }
    if (h.tag == "br" || h.tag == "p" || h.tag == "div" || h.tag == "li") raw += ' ';
    for (auto it = h.kids.rbegin(); it != h.kids.rend(); ++it) stack.push_back(*it);
  }
  return CollapseSpace(raw);
}

bool HtmlTree::IsInside(int node, int ancestor) const {
  for (int p = node; p >= 0; p = nodes[p].parent) {
    if (p == ancestor) return true;
  }
  return false;
}

}  // namespace detail

namespace {

using detail::CollapseSpace;
using detail::HtmlNode;
using detail::HtmlTree;
using detail::SubstringSet;
using detail::ToLower;

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

// The attributes HtmlNode keeps: the ones the extractor and the metadata readers look at. The
// rest (data-*, src, srcset, ...) would only cost copies.
bool IsReadAttribute(std::string_view name) {
  static constexpr std::string_view kReadAttributes[] = {
      "class",    "id",       "style",      "hidden", "aria-hidden", "role",
      "itemprop", "rel",      "href",       "lang",   "xml:lang",    "content",
      "name",     "property", "http-equiv", "type",   "datetime"};
  for (auto a : kReadAttributes) {
    if (name == a) return true;
  }
  return false;
}

// Builds HtmlTree from libxml2's SAX events, so no libxml2 DOM (and none of its depth limit)
// is involved. Elements deeper than `max_depth` are not created: their text joins the deepest
// open element, which flattens the markup without losing words.
struct TreeBuilder {
  HtmlTree* tree = nullptr;
  xmlDictPtr names = nullptr;  // the parser's dictionary, kept alive by tree->names
  int max_depth = 256;
  std::vector<int> open;  // indices of open elements, outermost first
  int overflow = 0;       // open elements beyond max_depth

  // libxml2's HTML parser hands over lowercase names from its dictionary (or static literals
  // for implied elements), so a name normally needs no copy per node. Anything else (a literal,
  // an uppercase name) is lowercased into the dictionary.
  std::string_view Intern(const xmlChar* name) {
    std::string_view view = reinterpret_cast<const char*>(name);
    bool lower =
        std::none_of(view.begin(), view.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!lower) {
      std::string l = ToLower(view);
      name = xmlDictLookup(names, reinterpret_cast<const xmlChar*>(l.data()),
                           static_cast<int>(l.size()));
    } else if (!xmlDictOwns(names, name)) {
      name = xmlDictLookup(names, name, -1);
    }
    return name != nullptr ? reinterpret_cast<const char*>(name) : "unknown";
  }

  void Start(const xmlChar* name, const xmlChar** atts) {
    if (static_cast<int>(open.size()) >= max_depth) {
      ++overflow;
      return;
    }
    HtmlNode h;
    h.tag = Intern(name != nullptr ? name : BAD_CAST "unknown");
    for (int i = 0; atts != nullptr && atts[i] != nullptr; i += 2) {
      std::string_view key = reinterpret_cast<const char*>(atts[i]);
      if (!IsReadAttribute(key)) continue;
      const char* value = atts[i + 1] != nullptr ? reinterpret_cast<const char*>(atts[i + 1]) : "";
      h.attrs.emplace_back(Intern(atts[i]), value);
    }
    const std::string& cls = h.Attr("class");
    const std::string& id = h.Attr("id");
    h.class_id.reserve(cls.size() + 1 + id.size());
    h.class_id.append(cls).append(1, ' ').append(id);
    for (char& c : h.class_id) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    h.parent = open.empty() ? -1 : open.back();
    int index = static_cast<int>(tree->nodes.size());
    if (h.parent >= 0) tree->nodes[h.parent].kids.push_back(index);
    if (h.parent < 0 && !tree->nodes.empty()) return;  // a second root: ignore
    tree->nodes.push_back(std::move(h));
    open.push_back(index);
  }
  void End() {
    if (overflow > 0) {
      --overflow;
    } else if (!open.empty()) {
      open.pop_back();
    }
  }
  void Text(const char* data, int len) {
    if (open.empty() || len <= 0) return;
    HtmlNode& parent = tree->nodes[open.back()];
    if (!parent.kids.empty() && tree->nodes[parent.kids.back()].is_text()) {
      tree->nodes[parent.kids.back()].text.append(data, static_cast<size_t>(len));
      return;
    }
    HtmlNode t;
    t.parent = open.back();
    t.text.assign(data, static_cast<size_t>(len));
    parent.kids.push_back(static_cast<int>(tree->nodes.size()));
    tree->nodes.push_back(std::move(t));
  }
};

TreeBuilder* BuilderOf(void* ctx) {
  return static_cast<TreeBuilder*>(static_cast<htmlParserCtxtPtr>(ctx)->_private);
}

void OnStart(void* ctx, const xmlChar* name, const xmlChar** atts) {
  BuilderOf(ctx)->Start(name, atts);
}
void OnEnd(void* ctx, const xmlChar*) {
  BuilderOf(ctx)->End();
}
void OnText(void* ctx, const xmlChar* ch, int len) {
  BuilderOf(ctx)->Text(reinterpret_cast<const char*>(ch), len);
}

// Parses UTF-8 HTML into `tree`. libxml2 contexts are per call, so this is thread-safe once
// xmlInitParser has run.
bool ParseHtml(std::string_view utf8, const std::string& url, int max_depth, HtmlTree& tree) {
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (ctxt == nullptr) return false;
  TreeBuilder builder;
  builder.tree = &tree;
  builder.names = ctxt->dict;
  xmlDictReference(ctxt->dict);
  tree.names = std::shared_ptr<const void>(ctxt->dict, [](const void* dict) {
    xmlDictFree(static_cast<xmlDictPtr>(const_cast<void*>(dict)));
  });
  builder.max_depth = max_depth;
  htmlSAXHandler sax{};
  sax.startElement = OnStart;
  sax.endElement = OnEnd;
  sax.characters = OnText;
  sax.cdataBlock = OnText;
  sax.ignorableWhitespace = OnText;
  *ctxt->sax = sax;
  ctxt->_private = &builder;
  ctxt->userData = ctxt;
  htmlDocPtr doc = htmlCtxtReadMemory(
      ctxt, utf8.data(), static_cast<int>(utf8.size()), url.c_str(), "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (doc != nullptr) xmlFreeDoc(doc);
  htmlFreeParserCtxt(ctxt);
  return !tree.nodes.empty();
}

// ---- boilerplate marking ----------------------------------------------------------------

bool HasToken(std::string_view classes, std::initializer_list<std::string_view> tokens) {
  size_t pos = 0;
  while (pos < classes.size()) {
    size_t end = classes.find_first_of(" -_", pos);
    if (end == std::string_view::npos) end = classes.size();
    std::string_view tok = classes.substr(pos, end - pos);
    for (auto t : tokens) {
      if (tok == t) return true;
    }
    pos = end + 1;
  }
  return false;
}

bool IsOneOf(std::string_view s, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

bool HasSub(std::string_view hay, std::initializer_list<std::string_view> needles) {
  for (auto n : needles) {
    if (hay.find(n) != std::string_view::npos) return true;
  }
  return false;
}

// Class/id words that mark page furniture rather than story text.
bool NegativeHint(std::string_view c) {
  static const SubstringSet kWords{
      "navigation",   "navbar",        "menu",         "footer",          "breadcrumb",
      "related",      "share",         "sharing",      "social",          "cookie",
      "consent",      "gdpr",          "newsletter",   "subscribe",       "signup",
      "sign-up",      "comment",       "promo",        "sponsor",         "advert",
      "most-read",    "mostread",      "most-popular", "popular",         "trending",
      "byline",       "author",        "sidebar",      "widget",          "banner",
      "modal",        "popup",         "paywall",      "recirc",          "outbrain",
      "taboola",      "read-more",     "readmore",     "more-from",       "caption",
      "credit",       "toolbar",       "donate",       "pager",           "pagination",
      "masthead",     "timestamp",     "dateline",     "disclaimer",      "visually-hidden",
      "sr-only",      "screen-reader", "skip-link",    "headline",        "kicker",
      "tag-list",     "taglist",       "keywords",     "subscription",    "signin",
      "login",        "copyright",     "print-only",   "audio",           "video-player",
      "also-read",    "see-also",      "seealso",      "recommend",       "next-article",
      "prev-article", "post-footer",   "entry-meta",   "article-meta",    "post-meta",
      "story-meta",   "support-box",   "underwriting", "takeaway",        "key-points",
      "top-bar",      "topbar",        "header",       "jump-link",       "table-of-contents",
      "toc-",         "icon",          "rating",       "tooltip",         "lightbox",
      "gallery",      "slideshow",     "carousel",     "embedded-module", "inline-module",
      "infobox",      "bio",           "contact",      "recent-",         "next-prev",
      "prev-next"};
  return kWords.FoundIn(c) ||
         HasToken(c, {"ad",    "ads",     "adv",     "advert", "rail",   "nav",     "tags",
                      "tag",   "meta",    "dek",     "aside",  "hidden", "print",   "tools",
                      "share", "social",  "related", "more",   "teaser", "teasers", "puff",
                      "extra", "actions", "next",    "prev",   "recent", "previous"});
}

bool PositiveHint(std::string_view c) {
  static const SubstringSet kWords{
      "article-body",  "articlebody",   "article__body",  "story-body",      "storybody",
      "post-body",     "postbody",      "entry-content",  "article-content", "articlecontent",
      "story-content", "post-content",  "main-content",   "article-text",    "story-text",
      "body-text",     "bodytext",      "articletext",    "rich-text",       "richtext",
      "content-body",  "detailcontent", "detail-content", "blog-post",       "live-blog",
      "liveblog"};
  return kWords.FoundIn(c) ||
         HasToken(c, {"article", "story", "content", "main", "body", "text", "entry", "post"});
}

bool IsHidden(const HtmlNode& n) {
  if (n.HasAttr("hidden")) return true;
  if (ToLower(n.Attr("aria-hidden")) == "true") return true;
  std::string style = ToLower(n.Attr("style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

const std::string& ClassId(const HtmlNode& n) {
  return n.class_id;
}

bool IsNonContentTag(std::string_view t) {
  return t == "script" || t == "style" || t == "noscript" || t == "template" || t == "svg" ||
         t == "iframe" || t == "button" || t == "input" || t == "select" || t == "textarea" ||
         t == "head" || t == "object" || t == "embed" || t == "canvas" || t == "video" ||
         t == "audio" || t == "picture" || t == "img" || t == "math" || t == "map" ||
         t == "title" || t == "option";
}

// Page furniture by tag: removed unless it holds most of the page's prose (some sites wrap the
// whole page in a <form> or <header>).
bool IsFurnitureTag(std::string_view t) {
  return t == "nav" || t == "aside" || t == "footer" || t == "header" || t == "form" ||
         t == "figure" || t == "figcaption" || t == "menu" || t == "dialog" || t == "h1" ||
         t == "address";
}

struct Block;
std::vector<Block> MakeBlocks(const HtmlTree& tree);

// Marks nodes that never belong to the body: non-content elements, then page furniture by tag,
// role, hidden state or class/id hint. An element holding most of the page's prose (paragraphs
// of 80+ characters with few links) is never furniture: wrappers named "rail" or "widget" exist.
void MarkBoilerplate(HtmlTree& tree);
// ---- blocks -----------------------------------------------------------------------------

bool IsBlockTag(std::string_view t) {
  static const std::unordered_set<std::string_view> kBlocks = {
      "p",       "div",      "section",    "article", "main",   "header", "footer", "aside",
      "nav",     "ul",       "ol",         "li",      "h1",     "h2",     "h3",     "h4",
      "h5",      "h6",       "blockquote", "pre",     "table",  "tbody",  "thead",  "tfoot",
      "tr",      "td",       "th",         "dl",      "dt",     "dd",     "figure", "figcaption",
      "form",    "address",  "center",     "hr",      "br",     "body",   "html",   "details",
      "summary", "fieldset", "hgroup",     "caption", "legend", "output", "option", "frameset"};
  return kBlocks.contains(t);
}

bool IsHeading(std::string_view t) {
  return t.size() == 2 && t[0] == 'h' && t[1] >= '2' && t[1] <= '6';
}

struct Block {
  std::string text;
  size_t link_chars = 0;
  int owner = -1;  // innermost block element holding the text
};

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::vector<Block> MakeBlocks(const HtmlTree& tree) {
  std::vector<Block> blocks;
  if (tree.nodes.empty()) return blocks;
  std::string buffer;
  std::string link_buffer;
  std::vector<int> owners;
  auto flush = [&] {
    std::string text = CollapseSpace(buffer);
    if (!text.empty() && !owners.empty()) {
      size_t link_chars = link_buffer.empty() ? 0 : Utf8Length(CollapseSpace(link_buffer));
      blocks.push_back({std::move(text), link_chars, owners.back()});
    }
    buffer.clear();
    link_buffer.clear();
  };
  // (node, exiting, link depth) events.
  struct Event {
    int node;
    bool exit;
    int in_link;
  };
  std::vector<Event> stack{{0, false, 0}};
  while (!stack.empty()) {
    Event e = stack.back();
    stack.pop_back();
    const HtmlNode& n = tree.nodes[e.node];
    if (e.exit) {
      flush();
      owners.pop_back();
      continue;
    }
    if (n.is_text()) {
      buffer += n.text;
      if (e.in_link) link_buffer += n.text;
      continue;
    }
    if (n.removed) {
      buffer += ' ';
      continue;
    }
    if (n.tag == "br" || n.tag == "hr") {
      flush();
      continue;
    }
    bool block = IsBlockTag(n.tag);
    int in_link = e.in_link + (n.tag == "a" ? 1 : 0);
    if (block) {
      flush();
      owners.push_back(e.node);
      stack.push_back({e.node, true, e.in_link});
    }
    for (auto it = n.kids.rbegin(); it != n.kids.rend(); ++it) {
      stack.push_back({*it, false, in_link});
    }
  }
  flush();
  return blocks;
}

void MarkBoilerplate(HtmlTree& tree) {
  for (auto& n : tree.nodes) {
    if (!n.is_text() && IsNonContentTag(n.tag)) n.removed = true;
  }
  std::vector<size_t> prose(tree.nodes.size(), 0);
  for (const auto& b : MakeBlocks(tree)) {
    size_t len = Utf8Length(b.text);
    if (len < 80 || b.link_chars * 4 > len) continue;
    for (int p = b.owner; p >= 0; p = tree.nodes[p].parent) prose[p] += len;
  }
  const size_t total = tree.nodes.empty() ? 0 : prose[0];
  // Wrappers of an explicit article body are kept whatever their class names say.
  std::vector<bool> holds_body(tree.nodes.size(), false);
  for (size_t i = 0; i < tree.nodes.size(); ++i) {
    const HtmlNode& n = tree.nodes[i];
    if (n.is_text()) continue;
    if (ToLower(n.Attr("itemprop")) == "articlebody" || n.tag == "article") {
      for (int p = static_cast<int>(i); p >= 0 && !holds_body[p]; p = tree.nodes[p].parent) {
        holds_body[p] = true;
      }
    }
  }
  for (size_t i = 0; i < tree.nodes.size(); ++i) {
    HtmlNode& n = tree.nodes[i];
    if (n.is_text() || n.removed) continue;
    if (total > 0 && prose[i] * 10 >= total * 6) continue;
    std::string_view t = n.tag;
    if (IsFurnitureTag(t) || IsHidden(n)) {
      n.removed = true;
      continue;
    }
    const std::string& role = n.Attr("role");
    if (!role.empty() &&
        IsOneOf(ToLower(role), {"navigation", "complementary", "banner", "contentinfo", "dialog",
                                "alertdialog", "menu", "toolbar", "search"})) {
      n.removed = true;
      continue;
    }
    if (t == "html" || t == "body" || t == "main" || holds_body[i]) continue;
    // Inline elements inside prose (links, emphasis, tooltips) keep their words.
    if (!IsBlockTag(t)) continue;
    const std::string& c = ClassId(n);
    if (c.size() > 1 && NegativeHint(c) && !PositiveHint(c)) n.removed = true;
  }
}

// ---- scoring ----------------------------------------------------------------------------

struct Score {
  double score = 0;
  bool candidate = false;
  size_t chars = 0;
  size_t link_chars = 0;
};

double ClassWeight(const HtmlNode& n) {
  const std::string& c = ClassId(n);
  double w = 0;
  if (c.size() > 1) {
    if (NegativeHint(c)) w -= 25;
    if (PositiveHint(c)) w += 25;
  }
  if (ToLower(n.Attr("itemprop")) == "articlebody") w += 30;
  if (n.tag == "article") w += 10;
  return w;
}

double TagBase(std::string_view t) {
  if (t == "div" || t == "article" || t == "section" || t == "main") return 5;
  if (t == "pre" || t == "td" || t == "blockquote") return 3;
  if (t == "address" || t == "ol" || t == "ul" || t == "dl" || t == "dd" || t == "dt" ||
      t == "li" || t == "form") {
    return -3;
  }
  if (IsHeading(t) || t == "th") return -5;
  return 0;
}

bool LooksLikeByline(const std::string& text) {
  if (text.size() > 120) return false;
  // Every opening below starts with b, w or r: a cheap test before the regex.
  char first =
      text.empty() ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  if (first != 'b' && first != 'w' && first != 'r') return false;
  static const std::regex kBy(R"(^(by|words by|written by|reporting by)\s+\S)", std::regex::icase);
  return std::regex_search(text, kBy);
}

bool LooksLikeBoilerLine(const std::string& text) {
  std::string l = ToLower(text);
  if (l.size() > 160) return false;
  static constexpr std::string_view kLines[] = {"advertisement",
                                                "advertisements",
                                                "sponsored",
                                                "share",
                                                "share this",
                                                "share this article",
                                                "read more",
                                                "related",
                                                "related articles",
                                                "related stories",
                                                "most read",
                                                "comments",
                                                "sign up",
                                                "subscribe",
                                                "continue reading",
                                                "skip to main content",
                                                "click here",
                                                "story continues below advertisement",
                                                "article continues below",
                                                "scroll to continue",
                                                "loading...",
                                                "loading"};
  std::string trimmed = l;
  while (!trimmed.empty() && (trimmed.back() == ':' || trimmed.back() == '.')) trimmed.pop_back();
  for (auto k : kLines) {
    if (trimmed == k) return true;
  }
  // Openings of furniture lines ("Read more: ...", "Photo: ...", "Updated 3 hours ago").
  static constexpr std::string_view kOpenings[] = {"read more",
                                                   "related",
                                                   "see also",
                                                   "also read",
                                                   "more:",
                                                   "watch:",
                                                   "listen:",
                                                   "photo:",
                                                   "image:",
                                                   "getty images",
                                                   "follow us",
                                                   "sign up for",
                                                   "subscribe to",
                                                   "click here",
                                                   "this article was",
                                                   "copyright",
                                                   "(c)",
                                                   "\xC2\xA9",
                                                   "all rights reserved"};
  for (auto o : kOpenings) {
    if (l.starts_with(o)) return true;
  }
  auto digit_at = [&](size_t i) {
    return i < l.size() && std::isdigit(static_cast<unsigned char>(l[i])) != 0;
  };
  if ((l.starts_with("updated ") && digit_at(8)) || (l.starts_with("published ") && digit_at(10))) {
    return true;
  }
  size_t digits = 0;
  while (digit_at(digits)) ++digits;
  if (digits > 0 && std::string_view(l).substr(digits).starts_with(" min read")) return true;
  // A bare timestamp ("13.05 GMT", "9:41 am"), as live blogs put above each entry.
  static const std::regex kTimeOnly(
      R"(^\d{1,2}[:.]\d{2}\s*(am|pm|a\.m\.|p\.m\.)?\s*(gmt|bst|utc|cet|cest|et|edt|est|pt|pdt|pst)?$)");
  if (l.size() < 24 && digit_at(0) && std::regex_match(l, kTimeOnly)) return true;
  // Sign-offs and sign-up prompts: "Reach her at x@y.com", "Subscribe to our newsletters".
  if (l.size() < 250) {
    static const std::regex kEmail(R"([a-z0-9._-]+@[a-z0-9-]+\.[a-z])");
    bool email = l.find('@') != std::string::npos && std::regex_search(l, kEmail);
    if (email && HasSub(l, {"reach", "contact", "email", "e-mail", "follow", "tip", "write to"})) {
      return true;
    }
    if (HasSub(l, {"newsletter", "inbox"}) && HasSub(l, {"subscribe", "sign up", "sign-up"})) {
      return true;
    }
    if (HasSub(l, {"follow us on", "follow him on", "follow her on", "follow them on"})) {
      return true;
    }
  }
  return false;
}

std::string Normalize(std::string_view s) {
  std::string out;
  for (char c : ToLower(s)) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += c;
  }
  return out;
}

struct Body {
  std::string text;
  size_t chars = 0;
};

Body ExtractBody(HtmlTree& tree, const std::string& title) {
  MarkBoilerplate(tree);
  std::vector<Block> blocks = MakeBlocks(tree);
  const size_t n_nodes = tree.nodes.size();
  std::vector<Score> scores(n_nodes);
  std::vector<int> owner_blocks(n_nodes, 0);
  for (const auto& b : blocks) owner_blocks[b.owner]++;
  // Text and link totals per element (all ancestors of each block).
  for (const auto& b : blocks) {
    size_t len = Utf8Length(b.text);
    for (int p = b.owner; p >= 0; p = tree.nodes[p].parent) {
      scores[p].chars += len;
      scores[p].link_chars += b.link_chars;
    }
  }
  auto link_density = [&](int node) {
    const Score& s = scores[node];
    return s.chars == 0 ? 0.0 : static_cast<double>(s.link_chars) / static_cast<double>(s.chars);
  };
  auto init = [&](int node) {
    if (!scores[node].candidate) {
      scores[node].candidate = true;
      scores[node].score = TagBase(tree.nodes[node].tag) + ClassWeight(tree.nodes[node]);
    }
  };
  for (const auto& b : blocks) {
    size_t len = Utf8Length(b.text);
    if (len < 25) continue;
    const HtmlNode& owner = tree.nodes[b.owner];
    if (IsHeading(owner.tag) || owner.tag == "li" || owner.tag == "td" || owner.tag == "th") {
      if (owner.tag != "td" || len < 80) continue;
    }
    double score = 1 + static_cast<double>(std::count(b.text.begin(), b.text.end(), ',')) +
                   std::min(static_cast<double>(len) / 100.0, 3.0);
    // A block that alone fills its element stands for that element (a <p>); otherwise it is a
    // text run inside a container, whose first ancestor is the container itself.
    bool alone = owner_blocks[b.owner] == 1 && owner.tag != "article" && owner.tag != "section" &&
                 owner.tag != "main" && owner.tag != "body";
    int first = alone ? owner.parent : b.owner;
    int level = 0;
    for (int p = first; p >= 0 && level < 5; p = tree.nodes[p].parent, ++level) {
      if (tree.nodes[p].tag == "html") break;
      init(p);
      double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      scores[p].score += score / divider;
    }
  }
  int top = -1;
  std::vector<std::pair<double, int>> ranked;
  for (size_t i = 0; i < n_nodes; ++i) {
    if (!scores[i].candidate) continue;
    scores[i].score *= 1 - link_density(static_cast<int>(i));
    ranked.emplace_back(scores[i].score, static_cast<int>(i));
  }
  if (ranked.empty()) return {};
  std::sort(ranked.begin(), ranked.end(), std::greater<>());
  top = ranked[0].second;
  double top_score = ranked[0].first;
  // Several strong candidates under one ancestor (a live blog's entries): take the ancestor.
  {
    std::vector<int> alternatives;
    for (size_t i = 1; i < ranked.size() && i < 5; ++i) {
      if (ranked[i].first / top_score >= 0.75) alternatives.push_back(ranked[i].second);
    }
    if (alternatives.size() >= 2) {
      for (int p = tree.nodes[top].parent; p >= 0 && tree.nodes[p].tag != "body";
           p = tree.nodes[p].parent) {
        int containing = 0;
        for (int a : alternatives) containing += tree.IsInside(a, p) ? 1 : 0;
        if (containing >= 2) {
          top = p;
          break;
        }
      }
    }
  }
  // Climb while the parent scores better (content split over nested wrappers).
  {
    double last = scores[top].candidate ? scores[top].score : top_score;
    double threshold = last / 3;
    for (int p = tree.nodes[top].parent; p >= 0 && tree.nodes[p].tag != "body";
         p = tree.nodes[p].parent) {
      if (!scores[p].candidate) continue;
      if (scores[p].score < threshold) break;
      if (scores[p].score > last) {
        top = p;
        break;
      }
      last = scores[p].score;
    }
    while (tree.nodes[top].parent >= 0 && tree.nodes[tree.nodes[top].parent].tag != "body") {
      int parent = tree.nodes[top].parent;
      int element_kids = 0;
      for (int k : tree.nodes[parent].kids) {
        element_kids += (!tree.nodes[k].is_text() && !tree.nodes[k].removed) ? 1 : 0;
      }
      if (element_kids != 1) break;
      top = parent;
    }
  }
  // Siblings that belong to the story (paragraphs next to the main container).
  std::vector<int> selected{top};
  if (int parent = tree.nodes[top].parent; parent >= 0) {
    double threshold = std::max(10.0, scores[top].score * 0.2);
    std::string top_class = tree.nodes[top].Attr("class");
    for (int sib : tree.nodes[parent].kids) {
      if (sib == top || tree.nodes[sib].is_text() || tree.nodes[sib].removed) continue;
      const HtmlNode& s = tree.nodes[sib];
      double bonus =
          (!top_class.empty() && s.Attr("class") == top_class) ? scores[top].score * 0.2 : 0;
      bool append = scores[sib].candidate && scores[sib].score + bonus >= threshold &&
                    link_density(sib) < 0.33;
      if (!append && (s.tag == "p" || (s.tag == "div" && owner_blocks[sib] == 1))) {
        double ld = link_density(sib);
        size_t len = scores[sib].chars;
        std::string text = tree.Text(sib);
        if (len > 80 && ld < 0.25) append = true;
        if (len > 0 && len <= 80 && ld == 0 &&
            (text.find(". ") != std::string::npos || text.back() == '.')) {
          append = true;
        }
      }
      if (append) selected.push_back(sib);
    }
  }
  // Elements inside the chosen area that are mostly links (lists of stories) are dropped.
  auto in_link_cluster = [&](int owner) {
    for (int p = owner; p >= 0 && p != top; p = tree.nodes[p].parent) {
      const HtmlNode& n = tree.nodes[p];
      if ((n.tag == "ul" || n.tag == "ol" || n.tag == "div" || n.tag == "section" ||
           n.tag == "table") &&
          scores[p].chars > 0 && link_density(p) > 0.5) {
        return true;
      }
    }
    return false;
  };
  std::string title_norm = Normalize(title);
  Body body;
  for (const auto& b : blocks) {
    bool inside = false;
    for (int s : selected) inside = inside || tree.IsInside(b.owner, s);
    if (!inside) continue;
    size_t len = Utf8Length(b.text);
    double ld = len == 0 ? 0 : static_cast<double>(b.link_chars) / static_cast<double>(len);
    if (ld > 0.5 && len - b.link_chars < 30) continue;
    if (in_link_cluster(b.owner)) continue;
    if (LooksLikeByline(b.text) || LooksLikeBoilerLine(b.text)) continue;
    if (!title_norm.empty() && Normalize(b.text) == title_norm) continue;
    if (!body.text.empty()) body.text += "\n\n";
    body.text += b.text;
    body.chars += len;
  }
  return body;
}

// ---- plain text -------------------------------------------------------------------------

bool LooksLikeMarkup(std::string_view bytes) {
  std::string head = ToLower(bytes.substr(0, 2048));
  size_t i = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (i == std::string::npos) return false;
  if (head[i] == '<') return true;
  return head.find("<html") != std::string::npos || head.find("<body") != std::string::npos ||
         head.find("<p>") != std::string::npos || head.find("<div") != std::string::npos;
}

// Plain text: the first non-empty line is the title (unless it is the only line); the body's
// paragraphs are blank-line-separated blocks when the body has blank lines (wrapped text), else
// its lines.
Document FromPlainText(std::string_view text) {
  std::vector<std::string> lines;
  for (size_t pos = 0; pos <= text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    lines.push_back(CollapseSpace(std::string_view(text).substr(pos, end - pos)));
    pos = end + 1;
  }
  Document doc;
  size_t non_empty =
      std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return !l.empty(); });
  size_t first = 0;
  if (non_empty > 1) {
    while (lines[first].empty()) ++first;
    doc.title = lines[first++];
  }
  while (first < lines.size() && lines[first].empty()) ++first;
  size_t last = lines.size();
  while (last > first && lines[last - 1].empty()) --last;
  bool blocks = std::any_of(lines.begin() + first, lines.begin() + last,
                            [](const std::string& l) { return l.empty(); });
  std::string current;
  auto flush = [&] {
    if (current.empty()) return;
    if (!doc.text.empty()) doc.text += "\n\n";
    doc.text += current;
    current.clear();
  };
  for (size_t i = first; i < last; ++i) {
    if (lines[i].empty()) {
      flush();
    } else if (blocks) {
      if (!current.empty()) current += ' ';
      current += lines[i];
    } else {
      current = lines[i];
      flush();
    }
  }
  flush();
  return doc;
}

bool LooksBinary(std::string_view bytes) {
  size_t sample = std::min<size_t>(bytes.size(), 4096);
  size_t zeros = 0;
  for (size_t i = 0; i < sample; ++i) zeros += bytes[i] == '\0' ? 1 : 0;
  bool utf16_bom = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                         (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  return !utf16_bom && zeros > 0;
}

bool HasPaywallMarker(const HtmlTree& tree) {
  static const SubstringSet kMarkers{"paywall",        "piano-",          "regwall",
                                     "meteredcontent", "subscriber-only", "premium-content",
                                     "locked-content"};
  for (const auto& n : tree.nodes) {
    if (n.is_text()) continue;
    const std::string& c = ClassId(n);
    if (kMarkers.FoundIn(c)) {
      return true;
    }
  }
  return false;
}

}  // namespace

Result<Document> ExtractArticle(std::string_view bytes, std::string_view url,
                                std::string_view content_type, const ExtractOptions& options) {
  std::string subject = url.empty() ? "input" : std::string(url);
  if (bytes.size() > options.max_input_bytes) {
    return Status::Error(subject, "input is " + std::to_string(bytes.size()) +
                                      " bytes, over the limit of " +
                                      std::to_string(options.max_input_bytes));
  }
  if (std::all_of(bytes.begin(), bytes.end(),
                  [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; })) {
    return Status::Error(subject, "input is empty");
  }
  if (LooksBinary(bytes)) return Status::Error(subject, "input is binary, not HTML or text");
  std::string type = CollapseSpace(ToLower(content_type.substr(0, content_type.find(';'))));
  std::string charset = SniffCharset(bytes, CharsetFromContentType(content_type),
                                     type.empty() || type.find("html") != std::string::npos);
  // Valid UTF-8 (most pages) is used in place; anything else is converted into `converted`.
  std::string converted;
  std::string_view utf8 = bytes;
  if (charset == "UTF-8" && IsValidUtf8(bytes)) {
    if (utf8.starts_with("\xEF\xBB\xBF")) utf8.remove_prefix(3);
  } else {
    converted = ToUtf8(bytes, charset);
    utf8 = converted;
  }
  bool html = type.empty() ? LooksLikeMarkup(utf8)
                           : (type.find("html") != std::string::npos ||
                              type.find("xml") != std::string::npos);

  Document doc;
  doc.url = std::string(url);
  if (!html) {
    Document plain = FromPlainText(utf8);
    plain.url = doc.url;
    if (plain.text.empty()) return Status::Error(subject, "no text found");
    plain.partial = plain.text.size() < 200;
    return plain;
  }

  InitLibxml();
  // libxml2 takes an int length; the size limit above keeps it in range for sane options.
  if (utf8.size() > static_cast<size_t>(INT32_MAX))
    return Status::Error(subject, "input too large");
  HtmlTree tree;
  tree.nodes.reserve(utf8.size() / 128);  // about one node per 100-150 bytes of markup
  if (!ParseHtml(utf8, doc.url, std::max(8, options.max_element_depth), tree)) {
    return Status::Error(subject, "no HTML content could be parsed");
  }

  detail::PageMeta meta = detail::ReadMetadata(tree, url);
  doc.canonical_url = meta.canonical_url;
  doc.outlet = meta.outlet;
  doc.title = meta.title;
  doc.author = meta.author;
  doc.published = meta.published;
  doc.modified = meta.modified;
  doc.language = meta.language;

  Body body = ExtractBody(tree, doc.title);
  doc.text = std::move(body.text);
  if (!meta.standfirst.empty() && doc.text.find(meta.standfirst) == std::string::npos &&
      !doc.text.empty()) {
    doc.text = meta.standfirst + "\n\n" + doc.text;
  }
  if (doc.text.empty() && !meta.ld_body.empty()) {
    doc.text = meta.ld_body;
    body.chars = Utf8Length(doc.text);
  }
  if (doc.text.empty() && doc.title.empty()) {
    return Status::Error(subject, "no article text found");
  }
  bool paywalled = meta.not_free || HasPaywallMarker(tree);
  doc.partial = body.chars < 500 || (paywalled && body.chars < 3000);
  return doc;
}

}  // namespace parallax::fetch
