// Internal pieces of ExtractArticle shared by extract*.cpp: a compact copy of the parsed HTML
// tree and the metadata readers. Not part of the public API.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parallax::fetch::detail {

// One element or text node. Children are indices into HtmlTree::nodes; the tree is bounded in
// depth (deeper markup is flattened into one text child), so walks may recurse on it safely,
// although the code here walks it with explicit stacks.
struct HtmlNode {
  // Lowercase element name; "" for a text node. Points into HtmlTree::names.
  std::string_view tag;
  std::string text;  // text nodes only (UTF-8, entities decoded)
  // Only the attributes the extractor reads (kReadAttributes in extract.cpp); names lowercase,
  // pointing into HtmlTree::names.
  std::vector<std::pair<std::string_view, std::string>> attrs;
  // Lowercase class and id joined by a space ("story-body main"; " " when both are absent): the
  // words that class/id hints look at.
  std::string class_id;
  int parent = -1;
  std::vector<int> kids;
  bool removed = false;  // boilerplate: not part of the article body

  bool is_text() const { return tag.empty(); }
  // The attribute's value, or "" when absent.
  const std::string& Attr(std::string_view name) const;
  bool HasAttr(std::string_view name) const;
};

struct HtmlTree {
  std::vector<HtmlNode> nodes;  // nodes[0] is the root element (html) when non-empty
  // Owns the storage of element and attribute names (the parser's name dictionary); shared by
  // copies of the tree.
  std::shared_ptr<const void> names;
  // Text of the subtree, whitespace collapsed, trimmed.
  std::string Text(int node) const;
  bool IsInside(int node, int ancestor) const;
};

// A fixed list of substrings looked for together in one pass over a text: at each position only
// the needles that begin with that byte are compared. Meant to be built once (a function-local
// static) per list; immutable after construction, so safe to share between threads.
class SubstringSet {
 public:
  // Every needle must be at least two bytes long.
  SubstringSet(std::initializer_list<std::string_view> needles);
  // True when any needle occurs in `text`.
  bool FoundIn(std::string_view text) const;

 private:
  std::vector<std::string_view> needles_;  // sorted by first byte
  // needles_[first_[b] .. first_[b + 1]) are the needles that begin with byte b.
  std::array<uint16_t, 257> first_{};
};

// Collapses runs of white space (including NBSP) to one space and trims both ends.
std::string CollapseSpace(std::string_view s);
std::string ToLower(std::string_view s);

struct PageMeta {
  std::string title;
  std::string author;
  std::optional<std::string> published;
  std::optional<std::string> modified;
  std::string outlet;
  std::string canonical_url;
  std::string language;
  bool not_free = false;     // isAccessibleForFree false, or a locked content tier
  std::string ld_body;       // JSON-LD articleBody, when present (a hint only)
  std::string headline_raw;  // the visible <h1>, to drop it from the body text
  std::string standfirst;    // the summary line under the headline ("dek"), or ""
};

// Reads title, author(s), dates, outlet, canonical URL and language from the full tree
// (boilerplate included) and the page URL.
PageMeta ReadMetadata(const HtmlTree& tree, std::string_view url);

// Parses a human-written date ("Tue 4 Nov 2025 13.05 GMT", "Oct. 15, 2025, 6:40 a.m. ET",
// "2025-11-04T12:18:00+01:00") into ISO 8601: with an offset when a time and zone are given,
// else a bare date. nullopt when no date is found.
std::optional<std::string> ParseDate(std::string_view text);

// A date in the URL path (/2025/11/04/, /20251104/, /2025-11-04/) as "YYYY-MM-DD".
std::optional<std::string> DateFromUrl(std::string_view url);

// Cleans a byline ("By TOM HARLOW, DIPLOMATIC EDITOR" -> "Tom Harlow"; "A and B" -> "A, B").
// Returns "" when the text does not look like person names.
std::string CleanByline(std::string_view text);

}  // namespace parallax::fetch::detail
