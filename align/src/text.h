// Tokens with byte spans, stopwords and stemming: the shared vocabulary of align's readers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/core/document.h"

namespace parallax::align {

enum class TokenKind { kWord, kNumber, kPunct };

struct Token {
  TokenKind kind = TokenKind::kWord;
  Span span;                   // into the text given to Tokenize
  std::string lower;           // lowercased word; numbers without thousands separators ("60000");
                               // punctuation normalised: curly quotes -> '"' or '\'', dashes -> '-'
  bool capitalized = false;    // first letter upper case (or all caps)
  bool hyphen_before = false;  // joined to the previous token by '-' ("four-hour")
  bool space_before = true;    // white space between the previous token and this one
};

// Splits text[span] into tokens. Possessive "'s" is dropped; hyphenated words become separate
// tokens with hyphen_before set on the second; "3.5" and "60,000" are single number tokens.
std::vector<Token> Tokenize(const std::string& text, Span span);

// True for a number written as four bare digits ("2026", "0640"): what a year or a wire-style
// clock time looks like. "2,100" is a count, never a year.
bool IsFourDigits(const Token& t);

bool IsStopword(std::string_view lower);

// Stems of up to `window` (default two) lowercase content words on each side of tokens [first,
// last] of `t`, not crossing clause punctuation (, ; : and dashes) for more than one word, nor
// after the value "after", "before", "when", "while", "since", "until", "and", "but" (another
// happening or predicate; but "and" joining a second count before the shared verb, as in "340
// operations and 1,500 appointments were postponed", is skipped to that verb): the
// context that says what a value is about. Numbers and capitalised words (names) are skipped,
// except a capitalised word right after "in" or "at" (a place).
std::vector<std::string> ValueContext(const std::vector<Token>& t, size_t first, size_t last,
                                      size_t window = 2);
// Snowball English stem of a lowercase word. Thread-safe (one stemmer per thread).
std::string Stem(std::string_view lower);

// Stem of a lowercase content word, with near-synonyms common in news folded onto one
// ("trip" -> "visit", "started" -> "begin", "fell" -> "fall"): what claims and value contexts
// are compared by. A short general list, not a thesaurus; Stem() itself is left plain. A noun of
// a verb and its particle is read as the verb ("walkout" -> "walk", like "walk-out").
std::string ContentStem(std::string_view lower);

// Numeric value of a number word ("three" -> 3, "twelve" -> 12, "dozen" -> 12, "half" -> 0.5),
// or -1 when `lower` is not one.
double NumberWordValue(std::string_view lower);
// Ordinal value of "14th", "fourteenth", "first"; -1 when not an ordinal.
int OrdinalValue(std::string_view lower);
// 1..12 for month names and abbreviations ("dec", "december"), 0 otherwise.
int MonthNumber(std::string_view lower);
// 0 (Sunday) .. 6 for weekday names, -1 otherwise.
int WeekdayNumber(std::string_view lower);

// True for a time zone's abbreviation common in news copy, lowercase ("edt", "gmt", "ist").
bool IsZoneAbbreviation(std::string_view lower);
// Minutes east of UTC of a zone abbreviation (lowercase). Empty for a word that is none, and for
// the ambiguous ones ("cst", "ist", "et": which zone, or whether summer time, depends on where).
std::optional<int> ZoneOffsetMinutes(std::string_view lower);

}  // namespace parallax::align
