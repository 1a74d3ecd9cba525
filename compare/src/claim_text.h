// Word-level helpers the comparison rules share: words of a text, Jaccard overlaps, stem sets,
// negation and future words, and the text a span of a claim points at. Private to compare/.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "parallax/align/align.h"

namespace parallax::compare {

using align::ClaimModel;

// Calls `visit` with each lowercased word of `text` (runs of ASCII letters and digits and
// non-ASCII bytes), in text order, until it returns true; returns whether it did. Allocates
// nothing per word: predicates over a claim's words run for every compared pair.
template <typename Visit>
bool AnyWord(const std::string& text, Visit visit) {
  std::string w;  // short words stay in the string's own buffer
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) >= 0x80)) {
      w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!w.empty()) {
      if (visit(std::as_const(w))) return true;
      w.clear();
    }
  }
  return !w.empty() && visit(std::as_const(w));
}

std::set<std::string> Words(const std::string& text);

// Jaccard of two sorted, duplicate-free sequences (std::set or sorted unique vector), 0..1.
template <typename Sorted>
double Jaccard(const Sorted& a, const Sorted& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - shared);
}

// A claim's distinct stems as sorted ids of one StemVocabulary: computed once per claim and
// cluster, so comparing a pair is a merge of two short integer lists.
using StemSet = std::vector<uint32_t>;

// Ids for stems, valid for one CompareClusters call. Holds views into the claims' stems, which
// must outlive it. Not thread-safe.
class StemVocabulary {
 public:
  StemSet Of(const ClaimModel& c) {
    StemSet out;
    out.reserve(c.stems.size());
    for (const auto& s : c.stems) {
      out.push_back(ids_.emplace(s, static_cast<uint32_t>(ids_.size())).first->second);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

 private:
  std::unordered_map<std::string_view, uint32_t> ids_;
};

// Jaccard of the two claims' distinct stems, 0..1.
double StemJaccard(const StemSet& a, const StemSet& b);

// The same value for callers without StemSets.
double StemJaccard(const ClaimModel& a, const ClaimModel& b);

// True when `text` holds a negation word anywhere ("not", "never", "no", "without", "didn't").
// Words() splits "didn't" at the ASCII apostrophe ("didn", "t") and keeps "didn’t" whole.
bool HasNegationWord(const std::string& text);

// Two values speak of the same thing when the words around them overlap.
bool SameContext(const std::vector<std::string>& a, const std::vector<std::string>& b);

// A counted noun or an ordinal's noun says what the number is about; other quantities need
// overlapping context words.
bool SameSubject(const align::Quantity& a, const align::Quantity& b);

// The words at `s` in the field `claim` was read from.
std::string TextAt(const Document& doc, const ClaimModel& claim, Span s);

// True when the claim speaks of what someone will do ("will", "would", "won't", "going to").
bool SpeaksOfFuture(const ClaimModel& c);

bool SharesEntity(const ClaimModel& a, const ClaimModel& b);

// How to show the entity `key` (a speaker, an agent) to a reader: its words capitalised
// ("ambassador albéniz" -> "Ambassador Albéniz"), or an acronym as the claim writes it ("EU").
// One key always reads the same.
std::string DisplayName(const ClaimModel& c, const std::string& key);

// Content stems both claims hold, other than the words of the names they mention: what the two
// say alike about whoever they name.
size_t SharedContentStems(const ClaimModel& a, const ClaimModel& b);

}  // namespace parallax::compare
