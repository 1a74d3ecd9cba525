#include "text.h"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <unordered_set>

namespace parallax::align {
namespace {

bool IsAsciiAlnum(unsigned char c) {
  return std::isalnum(c) != 0;
}

// Length of the UTF-8 sequence starting with `c` (1 for ASCII or a stray byte).
size_t Utf8Length(unsigned char c) {
  if (c < 0xC0) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

// Multi-byte punctuation we normalise; everything else non-ASCII counts as a letter.
const char* MultiBytePunct(std::string_view seq) {
  static const std::array<std::pair<const char*, const char*>, 12> kTable = {{
      {"\xE2\x80\x98", "'"},             // ‘
      {"\xE2\x80\x99", "'"},             // ’
      {"\xE2\x80\x9C", "\""},            // “
      {"\xE2\x80\x9D", "\""},            // ”
      {"\xC2\xAB", "\""},                // «
      {"\xC2\xBB", "\""},                // »
      {"\xE2\x80\x93", "-"},             // –
      {"\xE2\x80\x94", "-"},             // —
      {"\xE2\x82\xAC", "\xE2\x82\xAC"},  // €
      {"\xC2\xA3", "\xC2\xA3"},          // £
      {"\xC2\xA5", "\xC2\xA5"},          // ¥
      {"\xE2\x80\xA6", "..."},           // …
  }};
  for (const auto& [from, to] : kTable) {
    if (seq == from) return to;
  }
  return nullptr;
}

bool IsMultiByteSpace(std::string_view seq) {
  return seq == "\xC2\xA0" || seq == "\xE2\x80\x89" || seq == "\xE2\x80\xAF" ||
         seq == "\xE2\x80\x8B";
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::vector<Token> Tokenize(const std::string& text, Span span) {
  std::vector<Token> tokens;
  size_t i = span.begin;
  const size_t end = std::min<size_t>(span.end, text.size());
  bool space = true;
  bool hyphen = false;
  while (i < end) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t len = std::min(Utf8Length(c), end - i);
    const std::string_view seq(text.data() + i, len);
    if (std::isspace(c) || IsMultiByteSpace(seq)) {
      space = true;
      hyphen = false;
      i += len;
      continue;
    }
    const bool letter = IsAsciiAlnum(c) || (c >= 0x80 && MultiBytePunct(seq) == nullptr);
    if (!letter) {
      const char* norm = c >= 0x80 ? MultiBytePunct(seq) : nullptr;
      std::string p = norm ? norm : std::string(1, static_cast<char>(c));
      // Apostrophe-s after a word: a possessive, dropped.
      if (p == "'" && !tokens.empty() && !space && i + len < end &&
          (text[i + len] == 's' || text[i + len] == 'S') &&
          (i + len + 1 >= end || !IsAsciiAlnum(static_cast<unsigned char>(text[i + len + 1])))) {
        i += len + 1;
        continue;
      }
      if (p == "-" && c == '-' && !space && !tokens.empty() && i + 1 < end &&
          !std::isspace(static_cast<unsigned char>(text[i + 1]))) {
        hyphen = true;  // word-internal hyphen
        i += len;
        continue;
      }
      Token t;
      t.kind = TokenKind::kPunct;
      t.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(i + len)};
      t.lower = p;
      t.space_before = space;
      tokens.push_back(std::move(t));
      space = false;
      hyphen = false;
      i += len;
      continue;
    }
    // A word or number: letters, digits, non-ASCII letters; '.' and ',' inside numbers;
    // an apostrophe inside a word ("don't") kept.
    size_t j = i;
    bool all_digits = true;
    while (j < end) {
      const unsigned char d = static_cast<unsigned char>(text[j]);
      const size_t dl = std::min(Utf8Length(d), end - j);
      const std::string_view dseq(text.data() + j, dl);
      if (IsAsciiAlnum(d)) {
        if (!std::isdigit(d)) all_digits = false;
        ++j;
        continue;
      }
      if (d >= 0x80 && MultiBytePunct(dseq) == nullptr && !IsMultiByteSpace(dseq)) {
        all_digits = false;
        j += dl;
        continue;
      }
      if ((d == '.' || d == ',') && all_digits && j > i && j + 1 < end &&
          std::isdigit(static_cast<unsigned char>(text[j + 1]))) {
        ++j;
        continue;
      }
      const bool apostrophe = d == '\'' || dseq == "\xE2\x80\x99";
      if (apostrophe && j > i && j + dl < end) {
        const unsigned char n = static_cast<unsigned char>(text[j + dl]);
        const bool next_is_s =
            (n == 's' || n == 'S') &&
            (j + dl + 1 >= end || !IsAsciiAlnum(static_cast<unsigned char>(text[j + dl + 1])));
        if (!next_is_s && std::isalpha(n)) {
          all_digits = false;
          j += dl;
          continue;
        }
      }
      break;
    }
    Token t;
    t.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(j)};
    std::string word = text.substr(i, j - i);
    t.capitalized = std::isupper(static_cast<unsigned char>(word[0])) ||
                    static_cast<unsigned char>(word[0]) >= 0x80;
    if (static_cast<unsigned char>(word[0]) >= 0x80) {
      // Accented capitals (Á, É, Ž...) are two-byte sequences C3 80-9E / C4-C5 even codes;
      // treat a non-ASCII initial as capitalised only when the next byte says upper case.
      const unsigned char b1 = static_cast<unsigned char>(word.size() > 1 ? word[1] : 0);
      t.capitalized = static_cast<unsigned char>(word[0]) == 0xC3 && b1 >= 0x80 && b1 <= 0x9E;
    }
    // Numbers: strip thousands separators; a comma followed by exactly 3 digits groups.
    bool number = all_digits && std::isdigit(static_cast<unsigned char>(word[0]));
    if (number) {
      std::string digits;
      for (size_t k = 0; k < word.size(); ++k) {
        if (word[k] == ',') continue;
        digits.push_back(word[k]);
      }
      t.kind = TokenKind::kNumber;
      t.lower = digits;
    } else {
      t.kind = TokenKind::kWord;
      std::string lower = LowerAscii(word);
      // Normalise the curly apostrophe inside words.
      for (size_t p = lower.find("\xE2\x80\x99"); p != std::string::npos;
           p = lower.find("\xE2\x80\x99")) {
        lower.replace(p, 3, "'");
      }
      t.lower = lower;
    }
    t.space_before = space;
    t.hyphen_before = hyphen;
    tokens.push_back(std::move(t));
    space = false;
    hyphen = false;
    i = j;
  }
  return tokens;
}

bool IsFourDigits(const Token& t) {
  return t.kind == TokenKind::kNumber && t.span.size() == 4 && t.lower.size() == 4 &&
         t.lower.find_first_not_of("0123456789") == std::string::npos;
}

bool IsStopword(std::string_view lower) {
  static const std::unordered_set<std::string_view> kStop = {
      "a",       "an",      "the",   "and",    "or",        "but",     "if",      "of",
      "in",      "on",      "at",    "to",     "for",       "from",    "by",      "with",
      "as",      "into",    "onto",  "over",   "after",     "before",  "about",   "between",
      "during",  "under",   "up",    "down",   "out",       "off",     "than",    "then",
      "so",      "that",    "this",  "these",  "those",     "there",   "here",    "it",
      "its",     "he",      "she",   "they",   "them",      "his",     "her",     "their",
      "we",      "our",     "you",   "your",   "i",         "me",      "my",      "us",
      "him",     "who",     "whom",  "whose",  "which",     "what",    "when",    "where",
      "while",   "why",     "how",   "is",     "are",       "was",     "were",    "be",
      "been",    "being",   "am",    "has",    "have",      "had",     "having",  "do",
      "does",    "did",     "will",  "would",  "shall",     "should",  "can",     "could",
      "may",     "might",   "must",  "also",   "just",      "only",    "very",    "more",
      "most",    "some",    "such",  "any",    "all",       "each",    "both",    "other",
      "said",    "says",    "say",   "told",   "according", "s",       "t",       "mr",
      "mrs",     "ms",      "dr",    "not",    "no",        "nor",     "never",   "n't",
      "own",     "same",    "too",   "again",  "further",   "once",    "per",     "via",
      "whether", "because", "until", "though", "although",  "yet",     "still",   "even",
      "much",    "many",    "few",   "one's",  "itself",    "himself", "herself", "themselves"};
  return kStop.count(lower) > 0;
}

namespace {

// Prepositions the stopword list leaves to claims' stems: "within 24 hours" and "within half an
// hour" share a word, not a subject.
bool IsPreposition(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "within", "through", "across",  "against", "since",      "upon",   "among",
      "amid",   "toward",  "towards", "beyond",  "throughout", "despite"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

bool IsAuxiliary(std::string_view w) {
  return w == "have" || w == "has" || w == "had" || w == "was" || w == "were" || w == "is" ||
         w == "are" || w == "been" || w == "will" || w == "would";
}

// When t[from...] is a counted noun phrase ("more than 1,500 outpatient appointments") followed
// within a few words by an auxiliary ("have been postponed"), the auxiliary's index; else 0.
size_t CoordinatedCountAuxiliary(const std::vector<Token>& t, size_t from) {
  constexpr size_t kMaxPhrase = 8;  // words from "and" to the auxiliary
  size_t k = from;
  while (k < t.size() && k < from + 3 &&
         (t[k].lower == "more" || t[k].lower == "less" || t[k].lower == "fewer" ||
          t[k].lower == "than" || t[k].lower == "about" || t[k].lower == "some" ||
          t[k].lower == "around" || t[k].lower == "nearly" || t[k].lower == "almost" ||
          t[k].lower == "roughly" || t[k].lower == "over" || t[k].lower == "another")) {
    ++k;
  }
  if (k >= t.size() || (t[k].kind != TokenKind::kNumber && NumberWordValue(t[k].lower) < 0)) {
    return 0;
  }
  for (size_t j = k + 1; j < t.size() && j <= from + kMaxPhrase; ++j) {
    if (t[j].kind == TokenKind::kPunct) return 0;
    if (IsAuxiliary(t[j].lower)) return j;
  }
  return 0;
}

}  // namespace

std::vector<std::string> ValueContext(const std::vector<Token>& t, size_t first, size_t last,
                                      size_t window) {
  std::vector<std::string> out;
  auto is_time_word = [](const std::string& w) {
    return w == "late" || w == "early" || w == "morning" || w == "evening" || w == "afternoon" ||
           w == "night" || w == "today" || w == "tonight" || w == "yesterday" || w == "tomorrow" ||
           w == "last" || w == "next" || w == "this";
  };
  auto take = [&](size_t k) {
    const Token& tok = t[k];
    // A capitalised word counts only as a place ("in Dunmere", "at Geneva"), not as a name.
    const bool place =
        tok.capitalized && k > 0 && (t[k - 1].lower == "in" || t[k - 1].lower == "at");
    // The sentence's first word is capitalised whatever it is: a name only when the next word
    // is capitalised too ("Turnout was 44.7 per cent" / "Irena Vosk took 53.8%").
    const bool opening =
        k == 0 && tok.capitalized && !(t.size() > 1 && t[1].capitalized && t[1].kind == tok.kind);
    if (tok.kind != TokenKind::kWord || (tok.capitalized && !place && !opening) ||
        IsStopword(tok.lower) || IsPreposition(tok.lower) || is_time_word(tok.lower) ||
        MonthNumber(tok.lower) > 0 || NumberWordValue(tok.lower) >= 0 ||
        std::isdigit(static_cast<unsigned char>(tok.lower[0])) || WeekdayNumber(tok.lower) >= 0) {
      return false;
    }
    out.push_back(ContentStem(tok.lower));
    return true;
  };
  size_t found = 0;
  for (size_t k = first; k-- > 0 && found < window;) {
    // Before "and" or "but", another predicate ("two were killed and 38 were injured").
    if (t[k].lower == ";" || t[k].lower == ":" || t[k].lower == "and" || t[k].lower == "but") break;
    if (take(k)) ++found;
  }
  found = 0;
  bool verb_seen = false;  // an auxiliary or a taken word: the value's own predicate has begun
  for (size_t k = last + 1; k < t.size() && found < window; ++k) {
    if (t[k].lower == ";" || t[k].lower == ":" || t[k].lower == ",") break;
    // What follows "after", "before", "when"... is another happening, timed against this one
    // ("back home this afternoon after a fire destroyed ..."); after "and" or "but", another
    // predicate ("killed 11 people and sent 9,000 to shelters").
    const std::string& w = t[k].lower;
    // Unless "and" joins a second count to this one before their verb ("340 operations and
    // more than 1,500 appointments have been postponed"): the words resume at its auxiliary.
    if (w == "and" && !verb_seen) {
      if (const size_t aux = CoordinatedCountAuxiliary(t, k + 1); aux != 0) {
        k = aux - 1;
        continue;
      }
    }
    if (w == "after" || w == "before" || w == "when" || w == "while" || w == "since" ||
        w == "until" || w == "and" || w == "but") {
      break;
    }
    verb_seen = verb_seen || IsAuxiliary(w);
    if (take(k)) {
      ++found;
      verb_seen = true;
    }
  }
  return out;
}

std::string ContentStem(std::string_view lower) {
  // Snowball stems on the left, the stem they are read as on the right.
  static const std::unordered_map<std::string_view, std::string_view> kSynonyms = {
      {"start", "begin"},    {"began", "begin"},      {"begun", "begin"},    {"commenc", "begin"},
      {"trip", "visit"},     {"tour", "visit"},       {"negoti", "talk"},    {"discuss", "talk"},
      {"met", "meet"},       {"session", "meet"},     {"conclud", "end"},    {"finish", "end"},
      {"kill", "die"},       {"dead", "die"},         {"death", "die"},      {"wound", "injur"},
      {"hurt", "injur"},     {"detain", "arrest"},    {"sack", "dismiss"},   {"hire", "appoint"},
      {"quak", "earthquak"}, {"tremor", "earthquak"}, {"assault", "attack"}, {"plane", "aircraft"},
      {"jet", "aircraft"},   {"rose", "rise"},        {"increas", "rise"},   {"climb", "rise"},
      {"fell", "fall"},      {"decreas", "fall"},     {"drop", "fall"},      {"declin", "fall"},
      {"decis", "decid"},    {"switch", "chang"},     {"blaze", "fire"},     {"inferno", "fire"},
      {"vessel", "ship"},    {"boat", "ship"},        {"resid", "peopl"},    {"person", "peopl"},
      {"spectat", "peopl"},  {"onlook", "peopl"},     {"crowd", "peopl"},    {"submit", "deliv"},
      {"ballot", "vote"},    {"employe", "worker"},   {"staff", "worker"},   {"alcohol", "drink"}};
  // A noun made of a verb and its particle ("walkout", "turnout", "shutdown", "takeover") is
  // read as the verb, as its hyphenated spelling ("walk-out") already is: the particle is a
  // stopword there. The verb keeps three letters, four before "over" and not ending in "c"
  // ("discover", "recover", "hover" are words of their own); a few function words are exempt.
  static constexpr std::string_view kParticles[] = {"out", "off", "over", "down", "back", "away"};
  static constexpr std::string_view kNotCompounds[] = {"without", "throughout", "moreover"};
  if (std::find(std::begin(kNotCompounds), std::end(kNotCompounds), lower) ==
      std::end(kNotCompounds)) {
    for (std::string_view particle : kParticles) {
      if (!lower.ends_with(particle)) continue;
      const std::string_view verb = lower.substr(0, lower.size() - particle.size());
      const bool over = particle == "over";
      if (verb.size() >= (over ? 4u : 3u) && !(over && verb.back() == 'c')) lower = verb;
      break;
    }
  }
  std::string stem = Stem(lower);
  auto it = kSynonyms.find(stem);
  return it == kSynonyms.end() ? stem : std::string(it->second);
}

std::string Stem(std::string_view lower) {
  struct Deleter {
    void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
  };
  thread_local std::unique_ptr<sb_stemmer, Deleter> stemmer(sb_stemmer_new("english", "UTF_8"));
  if (!stemmer) return std::string(lower);
  const sb_symbol* out =
      sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(lower.data()),
                      static_cast<int>(lower.size()));
  if (out == nullptr) return std::string(lower);
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<size_t>(sb_stemmer_length(stemmer.get())));
}

double NumberWordValue(std::string_view w) {
  static const std::pair<std::string_view, double> kWords[] = {
      {"zero", 0},     {"one", 1},         {"two", 2},        {"three", 3},     {"four", 4},
      {"five", 5},     {"six", 6},         {"seven", 7},      {"eight", 8},     {"nine", 9},
      {"ten", 10},     {"eleven", 11},     {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
      {"fifteen", 15}, {"sixteen", 16},    {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
      {"twenty", 20},  {"thirty", 30},     {"forty", 40},     {"fifty", 50},    {"sixty", 60},
      {"seventy", 70}, {"eighty", 80},     {"ninety", 90},    {"hundred", 100}, {"dozen", 12},
      {"half", 0.5},   {"thousand", 1000}, {"million", 1e6},  {"billion", 1e9}, {"trillion", 1e12}};
  for (const auto& [word, value] : kWords) {
    if (w == word) return value;
  }
  return -1;
}

int OrdinalValue(std::string_view w) {
  static const std::pair<std::string_view, int> kWords[] = {
      {"first", 1},        {"second", 2},      {"third", 3},       {"fourth", 4},
      {"fifth", 5},        {"sixth", 6},       {"seventh", 7},     {"eighth", 8},
      {"ninth", 9},        {"tenth", 10},      {"eleventh", 11},   {"twelfth", 12},
      {"thirteenth", 13},  {"fourteenth", 14}, {"fifteenth", 15},  {"sixteenth", 16},
      {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
      {"thirtieth", 30},   {"fortieth", 40},   {"fiftieth", 50},   {"hundredth", 100}};
  for (const auto& [word, value] : kWords) {
    if (w == word) return value;
  }
  if (w.size() >= 3) {
    const std::string_view suffix = w.substr(w.size() - 2);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
      const std::string_view digits = w.substr(0, w.size() - 2);
      if (!digits.empty() && digits.size() <= 4 &&
          std::all_of(digits.begin(), digits.end(), [](char c) { return std::isdigit(c); })) {
        return std::stoi(std::string(digits));
      }
    }
  }
  return -1;
}

int MonthNumber(std::string_view w) {
  static const std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                             "may",       "june",     "july",     "august",
                                             "september", "october",  "november", "december"};
  for (int m = 0; m < 12; ++m) {
    if (w == kMonths[m]) return m + 1;
    if (m != 4 && w.size() >= 3 && w.size() <= 4 && kMonths[m].substr(0, 3) == w.substr(0, 3) &&
        (w.size() == 3 || w == "sept")) {
      return m + 1;
    }
  }
  return 0;
}

int WeekdayNumber(std::string_view w) {
  static const std::string_view kDays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                           "thursday", "friday", "saturday"};
  for (int d = 0; d < 7; ++d) {
    if (w == kDays[d]) return d;
  }
  return -1;
}

namespace {

struct ZoneAbbreviation {
  std::string_view name;
  std::optional<int> offset;  // minutes east of UTC; empty when ambiguous
};

constexpr ZoneAbbreviation kZoneAbbreviations[] = {
    {"gmt", 0},    {"utc", 0},    {"wet", 0},    {"west", 60},  {"bst", 60},   {"cet", 60},
    {"cest", 120}, {"eet", 120},  {"eest", 180}, {"msk", 180},  {"est", -300}, {"edt", -240},
    {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"akst", -540},
    {"jst", 540},  {"kst", 540},  {"hkt", 480},  {"sgt", 480},  {"aest", 600}, {"aedt", 660},
    {"nzst", 720}, {"nzdt", 780}, {"cst", {}},   {"ist", {}},   {"et", {}},    {"pt", {}},
    {"ct", {}},    {"mt", {}},
};

const ZoneAbbreviation* FindZone(std::string_view lower) {
  for (const ZoneAbbreviation& z : kZoneAbbreviations) {
    if (z.name == lower) return &z;
  }
  return nullptr;
}

}  // namespace

bool IsZoneAbbreviation(std::string_view lower) {
  return FindZone(lower) != nullptr;
}

std::optional<int> ZoneOffsetMinutes(std::string_view lower) {
  const ZoneAbbreviation* z = FindZone(lower);
  return z != nullptr ? z->offset : std::nullopt;
}

}  // namespace parallax::align
