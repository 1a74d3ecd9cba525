// Sentence segmentation: ICU's sentence BreakIterator over UTF-8 (native indices are byte
// offsets), wrapped in ICU's FilteredBreakIterator so that English abbreviations ("Mr.",
// "U.S.", "Gen.", "Jan.") do not end a sentence. Paragraphs ("\n\n") are split first, so a
// sentence never crosses one. A few breaks ICU makes are undone: after an initial ("J. Smith"),
// after "a.m." / "p.m." when "(" or a lowercase word follows, and inside a number ("3.5" cannot
// break, but "No. 5" can).
#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <string_view>

#include "parallax/align/align.h"
#include "text.h"

namespace parallax::align {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

// Extra abbreviations ICU's English list lacks (or has only in some ICU data builds), common in
// news copy: titles before a name, months, street and company words.
constexpr const char* kExtraAbbreviations[] = {
    "Dr.",   "Mr.",     "Mrs.",  "Ms.",  "Prof.", "Jr.",   "Sr.",   "Mt.",  "Ft.",  "Pres.",
    "Supt.", "Det.",    "Insp.", "Adm.", "Maj.",  "Brig.", "Cmdr.", "Gen.", "Lt.",  "Col.",
    "Sgt.",  "Capt.",   "Gov.",  "Sen.", "Rep.",  "Rev.",  "Hon.",  "Amb.", "Jan.", "Feb.",
    "Mar.",  "Apr.",    "Jun.",  "Jul.", "Aug.",  "Sep.",  "Sept.", "Oct.", "Nov.", "Dec.",
    "No.",   "Nos.",    "St.",   "Ave.", "Blvd.", "Corp.", "Inc.",  "Ltd.", "Co.",  "Dept.",
    "Univ.", "approx.", "est.",  "vs.",  "e.g.",  "i.e.",  "U.S.",  "U.K.", "U.N.", "E.U."};

std::unique_ptr<icu::BreakIterator> NewSentenceIterator() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::getEnglish();
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status)) return nullptr;
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(locale, status));
  if (U_FAILURE(status) || !builder) return base;
  for (const char* abbreviation : kExtraAbbreviations) {
    UErrorCode ignored = U_ZERO_ERROR;
    builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbreviation), ignored);
  }
  std::unique_ptr<icu::BreakIterator> filtered(
      builder->wrapIteratorWithFilter(base.release(), status));
  if (U_FAILURE(status)) return nullptr;
  return filtered;
}

// True when a break at `pos` (just after ". ") follows a single capital initial ("J. Smith"),
// not a unit fused onto a number ("14C.").
bool FollowsInitial(const std::string& text, size_t start, size_t pos) {
  size_t i = pos;
  while (i > start && IsSpace(text[i - 1])) --i;
  if (i < start + 2 || text[i - 1] != '.') return false;
  const char letter = text[i - 2];
  if (!std::isupper(static_cast<unsigned char>(letter))) return false;
  // After a digit the letter is a unit ("a chilly 14C."), not an initial.
  return i - 2 == start || (!std::isalpha(static_cast<unsigned char>(text[i - 3])) &&
                            !std::isdigit(static_cast<unsigned char>(text[i - 3])));
}

// True when a break at `pos` follows "a.m." or "p.m." and what comes next cannot start a
// sentence: "(", a lowercase letter or a zone ("at 10:30 a.m. (0930 GMT)", "at 9 p.m. on
// Monday", "1:14 a.m. EDT").
bool InsideAfterClockTime(const std::string& text, size_t start, size_t pos) {
  size_t i = pos;
  while (i > start && IsSpace(text[i - 1])) --i;
  if (i < start + 4) return false;
  const std::string tail = text.substr(i - 4, 4);
  if (tail != "a.m." && tail != "p.m." && tail != "A.M." && tail != "P.M.") return false;
  size_t next = pos;
  while (next < text.size() && IsSpace(text[next])) ++next;
  if (next >= text.size()) return false;
  if (text[next] == '(' || std::islower(static_cast<unsigned char>(text[next]))) return true;
  // A time zone's abbreviation ends the time, not the sentence: "1:14 a.m. EDT)".
  size_t word_end = next;
  while (word_end < text.size() && std::isupper(static_cast<unsigned char>(text[word_end]))) {
    ++word_end;
  }
  if (word_end < text.size() && std::isalpha(static_cast<unsigned char>(text[word_end]))) {
    return false;  // "EDTA...", "Eastern": a word, not an abbreviation
  }
  std::string word = text.substr(next, word_end - next);
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return IsZoneAbbreviation(word);
}

void SplitParagraph(icu::BreakIterator* it, const std::string& text, size_t begin, size_t end,
                    std::vector<Span>& out) {
  auto push = [&](size_t b, size_t e) {
    while (b < e && IsSpace(text[b])) ++b;
    while (e > b && IsSpace(text[e - 1])) --e;
    if (e > b) out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  };
  if (it == nullptr) return push(begin, end);
  UErrorCode status = U_ZERO_ERROR;
  UText* ut =
      utext_openUTF8(nullptr, text.data() + begin, static_cast<int64_t>(end - begin), &status);
  if (U_FAILURE(status)) return push(begin, end);
  it->setText(ut, status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    return push(begin, end);
  }
  size_t sentence_start = begin;
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
    const size_t pos = begin + static_cast<size_t>(b);
    if (pos < end && FollowsInitial(text, sentence_start, pos)) continue;
    if (pos < end && InsideAfterClockTime(text, sentence_start, pos)) continue;
    push(sentence_start, pos);
    sentence_start = pos;
  }
  if (sentence_start < end) push(sentence_start, end);
  utext_close(ut);
}

}  // namespace

std::vector<Span> SplitSentences(const std::string& text) {
  // One iterator per thread: ICU break iterators are not thread-safe, and building one is slow.
  thread_local std::unique_ptr<icu::BreakIterator> iterator = NewSentenceIterator();
  std::vector<Span> out;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find("\n\n", begin);
    if (end == std::string::npos) end = text.size();
    // A single newline also ends a paragraph-like line (lists, plain text).
    size_t line_begin = begin;
    while (line_begin < end) {
      size_t line_end = text.find('\n', line_begin);
      if (line_end == std::string::npos || line_end > end) line_end = end;
      SplitParagraph(iterator.get(), text, line_begin, line_end, out);
      line_begin = line_end + 1;
    }
    begin = end + 2;
  }
  return out;
}

}  // namespace parallax::align
