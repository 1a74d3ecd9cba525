#include "claim_reader.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "acts.h"
#include "earlier_times.h"
#include "entity_runs.h"
#include "text.h"

namespace parallax::align {
namespace {

// True when the tokens end in "?", closing quotes and brackets aside (the tokenizer has made
// curly quotes plain).
bool EndsWithQuestionMark(const std::vector<Token>& t) {
  size_t end = t.size();
  while (end > 0 && t[end - 1].kind == TokenKind::kPunct &&
         (t[end - 1].lower == "\"" || t[end - 1].lower == "'" || t[end - 1].lower == ")" ||
          t[end - 1].lower == "]")) {
    --end;
  }
  return end > 0 && t[end - 1].lower == "?";
}

bool IsSpeechVerb(const std::string& w) {
  static const std::unordered_set<std::string> kVerbs = {
      "said",         "says",     "say",        "told",       "tells",    "wrote",    "writes",
      "added",        "adds",     "stated",     "insisted",   "noted",    "stressed", "warned",
      "explained",    "declared", "announced",  "commented",  "replied",  "argued",   "claimed",
      "acknowledged", "conceded", "emphasised", "emphasized", "asserted", "remarked", "described",
      "describes",    "called",   "calls",      "posted"};
  return kVerbs.count(w) > 0;
}

// Words that are capitalised in titles and roles but do not identify anyone.
bool IsGenericNameWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kGeneric = {"president",
                                                                "minister",
                                                                "foreign",
                                                                "prime",
                                                                "vice",
                                                                "premier",
                                                                "deputy",
                                                                "chief",
                                                                "spokesman",
                                                                "spokeswoman",
                                                                "spokesperson",
                                                                "secretary",
                                                                "general",
                                                                "state",
                                                                "envoy",
                                                                "ambassador",
                                                                "mr",
                                                                "mrs",
                                                                "ms",
                                                                "dr",
                                                                "sir",
                                                                "the",
                                                                "of",
                                                                "and",
                                                                "for",
                                                                "de",
                                                                "high",
                                                                "representative",
                                                                "commissioner",
                                                                "chairman",
                                                                "chairwoman",
                                                                "chairperson",
                                                                "judge",
                                                                "presiding",
                                                                "clerk",
                                                                "coroner",
                                                                "referee",
                                                                "chair",
                                                                "director",
                                                                "head",
                                                                "senior",
                                                                "official",
                                                                "officials",
                                                                "mayor",
                                                                "governor",
                                                                "senator",
                                                                "councillor",
                                                                "council",
                                                                "councilmember",
                                                                "member",
                                                                "leader",
                                                                "ministry",
                                                                "department",
                                                                "office",
                                                                "affairs",
                                                                "commerce",
                                                                "trade",
                                                                "finance",
                                                                "defence",
                                                                "defense",
                                                                "interior",
                                                                "first",
                                                                "new",
                                                                "former",
                                                                "acting",
                                                                "special",
                                                                "presidential",
                                                                "national",
                                                                "federal",
                                                                "government",
                                                                "in",
                                                                "on",
                                                                "at",
                                                                "a",
                                                                "an"};
  return kGeneric.count(w) > 0;
}

bool IsNegationCue(const std::string& w) {
  return w == "not" || w == "no" || w == "never" || w == "without" || w == "neither" ||
         w == "nor" || w == "none" || w == "nothing" || w == "cannot" ||
         (w.size() > 3 && w.ends_with("n't"));
}

}  // namespace

std::vector<EntityRun> FindEntityRuns(const std::vector<Token>& t) {
  std::vector<EntityRun> runs;
  size_t i = 0;
  while (i < t.size()) {
    const bool starts = t[i].kind == TokenKind::kWord && t[i].capitalized &&
                        MonthNumber(t[i].lower) == 0 && WeekdayNumber(t[i].lower) < 0;
    if (!starts || (i == 0 && IsStopword(t[i].lower))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j + 1 < t.size()) {
      const Token& n = t[j + 1];
      if (n.kind == TokenKind::kWord && n.capitalized && MonthNumber(n.lower) == 0 &&
          WeekdayNumber(n.lower) < 0) {
        ++j;
        continue;
      }
      // "Dr. Helena Varga", "Gen. Lee": an abbreviated title's full stop stays in the name.
      if (n.lower == "." && !n.space_before && j + 2 < t.size() && t[j + 2].capitalized &&
          t[j + 2].kind == TokenKind::kWord &&
          (t[j].lower == "dr" || t[j].lower == "mr" || t[j].lower == "mrs" || t[j].lower == "ms" ||
           t[j].lower == "prof" || t[j].lower == "gen" || t[j].lower == "sen" ||
           t[j].lower == "gov" || t[j].lower == "rep" || t[j].lower == "lt" ||
           t[j].lower == "col" || t[j].lower == "capt")) {
        j += 2;
        continue;
      }
      // "Great Hall of the People", "Bank of England"
      if ((n.lower == "of" || n.lower == "for" || n.lower == "de") && j + 2 < t.size()) {
        size_t k = j + 2;
        if (t[k].lower == "the" && k + 1 < t.size()) ++k;
        if (t[k].kind == TokenKind::kWord && t[k].capitalized) {
          j = k;
          continue;
        }
      }
      break;
    }
    // A lone capitalised word at the start of a sentence is usually just the first word.
    // A title written in lowercase right before a name is part of it ("US envoy Dana Kerr",
    // "fire chief Maria Ortiz" -> "envoy dana kerr", "chief maria ortiz").
    // ("would judge Beijing", "general Western support": words that are also verbs or
    // adjectives are titles only when capitalised.)
    size_t first = i;
    if (i > 0 && t[i - 1].kind == TokenKind::kWord && !t[i - 1].capitalized &&
        IsTitleWord(t[i - 1].lower) && t[i - 1].lower != "judge" && t[i - 1].lower != "general") {
      first = i - 1;
    }
    // The kind of place a name is, written in lowercase after it, is part of the name
    // ("Northgate Riverside station", "the Millbrook depot" is not "the Millbrook estate").
    if (j + 1 < t.size() && t[j + 1].kind == TokenKind::kWord && !t[j + 1].capitalized &&
        IsVenue(t[j + 1].lower)) {
      ++j;
    }
    // A lone opening word before a figure is a hedge or an adverb ("Nearly 4,000 ...",
    // "Roughly 300 ..."), as is a number word ("Two people ...").
    const bool opening_word = i == 0 && j == 0;
    const bool before_figure =
        j + 1 < t.size() &&
        (t[j + 1].kind == TokenKind::kNumber ||
         (t[j + 1].kind == TokenKind::kWord && NumberWordValue(t[j + 1].lower) >= 0));
    if (!(opening_word && (NumberWordValue(t[i].lower) >= 0 || before_figure))) {
      runs.push_back({first, j});
    }
    i = j + 1;
  }
  // "City engineer Dr Ana Petrov", "Commission chair Lena Ross": a sentence's first word
  // qualifying the role of the name after it is not a name of its own.
  static const std::unordered_set<std::string_view> kRoleNouns = {
      "engineer",    "chair",        "chief",    "officer",    "clerk",          "inspector",
      "manager",     "head",         "official", "prosecutor", "superintendent", "spokesman",
      "spokeswoman", "spokesperson", "director", "secretary",  "commissioner",   "leader"};
  if (runs.size() >= 2 && runs[0].first == 0 && runs[0].last == 0 && runs[1].first == 2 &&
      t[1].kind == TokenKind::kWord && !t[1].capitalized && kRoleNouns.count(t[1].lower)) {
    runs.erase(runs.begin());
  }
  return runs;
}

// A role said instead of a name: "the mayor", "the US envoy", "the city's fire chief": "the",
// up to two words, then a title word that no name follows (that would be a title: "the Mayor
// Dana Holt"). Honorifics ("mr", "dr") and "general" ("the general public") are never roles.
std::vector<EntityRun> FindRoleRuns(const std::vector<Token>& t) {
  std::vector<EntityRun> out;
  for (size_t i = 1; i < t.size(); ++i) {
    if (t[i].kind != TokenKind::kWord || !IsTitleWord(t[i].lower)) continue;
    const std::string& w = t[i].lower;
    if (w == "mr" || w == "mrs" || w == "ms" || w == "dr" || w == "general") continue;
    if (i + 1 < t.size() && t[i + 1].kind == TokenKind::kWord && t[i + 1].capitalized) continue;
    for (size_t k = i; k-- > 0 && i - k <= 3;) {
      if (t[k].kind != TokenKind::kWord) break;
      if (t[k].lower == "the") {
        if (k + 1 <= i) out.push_back({k + 1, i, true});
        break;
      }
    }
  }
  return out;
}

std::string KeyOf(const std::vector<Token>& t, const EntityRun& r) {
  std::string key = r.role ? std::string(kRolePrefix) : std::string();
  const size_t prefix = key.size();
  for (size_t k = r.first; k <= r.last; ++k) {
    if (t[k].kind == TokenKind::kPunct) continue;  // "Dr. Helena Varga" -> "dr helena varga"
    if (key.size() > prefix) key += ' ';
    key += t[k].lower;
  }
  return key;
}

bool IsPossessive(const std::string& text, const std::vector<Token>& t, const EntityRun& r) {
  const uint32_t after = t[r.last].span.end;
  return text.compare(after, 2, "'s") == 0 || text.compare(after, 4, "\u2019s") == 0;
}

namespace {

// Calls `visit` with each space-separated word of `key` (empty ones included), in order, until
// it returns true; returns whether it did. The views point into `key`.
template <typename Visit>
bool AnyWord(std::string_view key, Visit visit) {
  size_t start = 0;
  while (start <= key.size()) {
    size_t end = key.find(' ', start);
    if (end == std::string_view::npos) end = key.size();
    if (visit(key.substr(start, end - start))) return true;
    start = end + 1;
  }
  return false;
}

bool IsNameToken(std::string_view w) {
  return !w.empty() && !IsGenericNameWord(w);
}

bool HasWord(const std::string& key, const std::unordered_set<std::string_view>& words) {
  return AnyWord(key, [&](std::string_view w) { return words.count(w) > 0; });
}

}  // namespace

std::vector<std::string> NameTokens(const std::string& entity_key) {
  std::vector<std::string> out;
  AnyWord(entity_key, [&](std::string_view w) {
    if (IsNameToken(w)) out.emplace_back(w);
    return false;
  });
  return out;
}

bool IsTitleWord(std::string_view lower) {
  static const std::unordered_set<std::string_view> kTitles = {
      "president",    "minister",  "premier",    "spokesman",     "spokeswoman",
      "spokesperson", "secretary", "ambassador", "envoy",         "mayor",
      "governor",     "senator",   "councillor", "councilmember", "chancellor",
      "commissioner", "director",  "chairman",   "chairwoman",    "mr",
      "mrs",          "ms",        "dr",         "king",          "queen",
      "prince",       "general",   "judge"};
  return kTitles.count(lower) > 0;
}

bool IsTitledPerson(const std::string& key) {
  return AnyWord(key, [](std::string_view w) { return IsTitleWord(w); }) &&
         AnyWord(key, IsNameToken);
}

bool IsVenue(const std::string& key) {
  static const std::unordered_set<std::string_view> kVenues = {
      "hall",    "guesthouse", "palace",    "house",      "hotel",      "building",
      "centre",  "center",     "square",    "embassy",    "stadium",    "castle",
      "chamber", "chambers",   "residence", "villa",      "manor",      "library",
      "museum",  "cathedral",  "church",    "court",      "courthouse", "airport",
      "station", "park",       "arena",     "auditorium", "office"};
  return HasWord(key, kVenues);
}

bool SameEntity(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  // Compared without copies, words first and genericness only for a shared word: this runs for
  // every pair of entities of every compared claim pair.
  return AnyWord(a, [&](std::string_view x) {
    return AnyWord(b, [&](std::string_view y) { return x == y; }) && IsNameToken(x);
  });
}

std::vector<Span> SplitClauses(const std::string& text, Span sentence) {
  constexpr size_t kMinWords = 5;
  const std::vector<Token> t = Tokenize(text, sentence);
  std::vector<size_t> cuts;  // token index where a new clause starts
  bool quoted = false;
  size_t words_since_cut = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].lower == "\"") quoted = !quoted;
    if (t[i].kind == TokenKind::kWord || t[i].kind == TokenKind::kNumber) ++words_since_cut;
    if (quoted || i + 1 >= t.size() || words_since_cut < kMinWords) continue;
    const std::string& w = t[i].lower;
    const std::string& next = t[i + 1].lower;
    const bool conjunction = w == "," && (next == "and" || next == "but" || next == "while" ||
                                          next == "whereas" || next == "although");
    const bool strong = w == ";" || (w == "-" && t[i].space_before);
    if (!conjunction && !strong) continue;
    size_t words_after = 0;
    bool quote_after = false;
    for (size_t k = i + 1; k < t.size(); ++k) {
      if (t[k].kind != TokenKind::kPunct) ++words_after;
      if (t[k].lower == "\"") quote_after = true;
    }
    if (words_after < kMinWords + 1 || quote_after) continue;
    cuts.push_back(i + 1);
    words_since_cut = 0;
  }
  std::vector<Span> out;
  uint32_t begin = sentence.begin;
  for (size_t cut : cuts) {
    // The clause ends before the punctuation that separates it.
    const uint32_t end = t[cut - 1].span.begin;
    if (end > begin) out.push_back({begin, end});
    begin = t[cut].span.begin;
  }
  out.push_back({begin, sentence.end});
  // Trim trailing spaces.
  for (Span& s : out) {
    while (s.end > s.begin && (text[s.end - 1] == ' ')) --s.end;
  }
  return out;
}

ClaimModel ReadClaim(const std::string& text, Span span, DocumentContext& context) {
  ClaimModel claim;
  claim.claim.span = span;
  claim.claim.text = text.substr(span.begin, span.size());
  const std::vector<Token> t = Tokenize(text, span);

  // Quotes: pairs of double quote marks; an unclosed quote runs to the end of the sentence.
  std::vector<std::pair<size_t, size_t>> quote_ranges;  // token index ranges [open, close]
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].lower != "\"") continue;
    size_t j = i + 1;
    while (j < t.size() && t[j].lower != "\"") ++j;
    quote_ranges.push_back({i, j});
    i = j;
  }
  auto in_quote = [&](size_t k) {
    for (const auto& [a, b] : quote_ranges) {
      if (k > a && k < b) return true;
    }
    return false;
  };

  // Entities (outside and inside quotes).
  std::vector<EntityRun> runs = FindEntityRuns(t);
  const size_t named_runs = runs.size();
  for (const EntityRun& r : FindRoleRuns(t)) runs.push_back(r);
  if (runs.size() > named_runs) {
    // In text order; a role holding a name ("the US envoy" over "US") after it, so that the
    // nearest-entity searches below take the role.
    std::sort(runs.begin(), runs.end(), [](const EntityRun& a, const EntityRun& b) {
      return a.first != b.first ? a.first < b.first : a.last < b.last;
    });
  }
  for (const EntityRun& r : runs) {
    Entity e;
    e.key = KeyOf(t, r);
    e.description = r.role;
    e.quoted = in_quote(r.first);
    e.possessive = IsPossessive(text, t, r);
    e.surface = text.substr(t[r.first].span.begin, t[r.last].span.end - t[r.first].span.begin);
    e.span = {t[r.first].span.begin, t[r.last].span.end};
    size_t before = r.first;
    if (before > 0 && t[before - 1].lower == "the") --before;
    if (before > 0 && t[before - 1].kind == TokenKind::kWord) e.role = t[before - 1].lower;
    if (r.role || !NameTokens(e.key).empty()) claim.entities.push_back(std::move(e));
  }

  ReadActs(text, t, runs, in_quote, claim);

  // Speaker: the entity next to a speech verb outside quotes, or after "according to".
  auto entity_near = [&](size_t from, size_t to) -> std::string {  // last run within [from, to)
    std::string key;
    for (const EntityRun& r : runs) {
      if (r.first >= from && r.last < to && !in_quote(r.first)) key = KeyOf(t, r);
    }
    return key;
  };
  std::string speaker;
  bool pronoun_said = false;  // "he said" / "she said": resolved below, after named speakers
  for (size_t i = 0; i < t.size() && speaker.empty(); ++i) {
    if (in_quote(i)) continue;
    if (t[i].lower == "according" && i + 1 < t.size() && t[i + 1].lower == "to") {
      for (const EntityRun& r : runs) {
        if (r.first > i + 1 && r.first <= i + 4) {
          speaker = KeyOf(t, r);
          break;
        }
      }
      continue;
    }
    if (!IsSpeechVerb(t[i].lower)) continue;
    // "X, chief forecaster at the VMS, said": the name before an appositive that runs from a
    // comma to the comma before the verb, not a name inside it.
    if (i > 0 && t[i - 1].lower == ",") {
      for (const EntityRun& r : runs) {
        if (r.last + 2 >= i || t[r.last + 1].lower != "," || in_quote(r.first)) continue;
        bool one_appositive = true;
        for (size_t k = r.last + 2; k + 1 < i; ++k) one_appositive &= t[k].lower != ",";
        if (!one_appositive || i - r.last > 12) continue;
        speaker = KeyOf(t, r);
        // "the medical director, Dr Saskia Lunde, said": a role whose appositive is a name is
        // that person, named.
        if (!r.role) continue;
        for (const EntityRun& name : runs) {
          if (!name.role && name.first == r.last + 2 && name.last + 2 == i) {
            speaker = KeyOf(t, name);
          }
        }
      }
    }
    // "X said", "X, the minister, said": the nearest entity before the verb within 8 tokens.
    const size_t from = i >= 8 ? i - 8 : 0;
    if (speaker.empty()) speaker = entity_near(from, i);
    // "Emil Tarrow, 34, the youngest in the gang, told the Bugle": the sentence's leading name
    // speaks, when the verb follows it within fifteen words.
    if (speaker.empty() && !runs.empty() && runs.front().first == 0 && !runs.front().role &&
        i <= 15) {
      speaker = KeyOf(t, runs.front());
    }
    // "said X" (after "told", X is the listener: "told the Bugle").
    const bool to_listener = t[i].lower == "told" || t[i].lower == "tells";
    // The first name after the verb: "said Dr Ana Salo, Marrowick's city engineer".
    if (speaker.empty() && !to_listener) {
      for (const EntityRun& r : runs) {
        if (r.first > i && r.last < std::min(t.size(), i + 6) && !in_quote(r.first)) {
          speaker = KeyOf(t, r);
          break;
        }
      }
    }
    if (speaker.empty() && i > 0 && (t[i - 1].lower == "he" || t[i - 1].lower == "she")) {
      pronoun_said = true;
    }
  }
  // "X was blunt: “...”": a quote opened right after a colon is the words of the sentence's
  // first named subject.
  for (const auto& [open, close] : quote_ranges) {
    if (!speaker.empty() || open == 0 || t[open - 1].lower != ":") continue;
    for (const EntityRun& r : runs) {
      if (r.last < open - 1 && !in_quote(r.first)) {
        speaker = KeyOf(t, r);
        break;
      }
    }
  }
  const bool speaker_inferred = speaker.empty() && pronoun_said && !context.last_speaker.empty();
  if (speaker.empty() && pronoun_said) speaker = context.last_speaker;
  if (!speaker.empty()) {
    context.last_speaker = speaker;
  } else if (!runs.empty() && runs.front().first == 0 && !in_quote(0)) {
    // A sentence led by a name ("Hardesty, the plan's critic, warned...") makes it the one a
    // following "he said" most likely refers to.
    context.last_speaker = KeyOf(t, runs.front());
  }
  claim.speaker = speaker;
  for (const auto& [a, b] : quote_ranges) {
    if (b <= a + 1) continue;
    Quote q;
    q.span = {t[a].span.end, b < t.size() ? t[b].span.begin : t.back().span.end};
    q.speaker = speaker;
    q.speaker_inferred = speaker_inferred;
    for (size_t k = a + 1; k < b && k < t.size(); ++k) {
      if (t[k].kind != TokenKind::kPunct) q.words.push_back(t[k].lower);
    }
    claim.quotes.push_back(std::move(q));
  }

  // Stems and negation.
  int negation_scope = 0;
  int negated_in_scope = 0;  // stems taken since the last negation cue
  size_t scope_starts = 0;   // "no evidence that X": the negation covers X, from this token
  for (size_t i = 0; i < t.size(); ++i) {
    const Token& tok = t[i];
    if (tok.kind == TokenKind::kPunct) {
      if (tok.lower == "," || tok.lower == ";" || tok.lower == ":") negation_scope = 0;
      continue;
    }
    // "refused to concede", "declined to sign": the act is negated.
    if (tok.kind == TokenKind::kWord && !in_quote(i) && i + 1 < t.size() &&
        t[i + 1].lower == "to" &&
        (tok.lower == "refused" || tok.lower == "refuses" || tok.lower == "refusing" ||
         tok.lower == "declined" || tok.lower == "declines")) {
      claim.negated = true;
      negation_scope = 6;
      negated_in_scope = 0;
      claim.stems.push_back(ContentStem(tok.lower));
      ++i;  // "to"
      continue;
    }
    if (tok.kind == TokenKind::kWord && IsNegationCue(tok.lower) && !in_quote(i)) {
      // "not only", "no later than", "no more than" are not negations of the claim; nor is
      // "without" before anything but a verb ("without signing" is; "homes without power" is a
      // state, not an act denied).
      const bool idiom =
          i + 1 < t.size() &&
          (t[i + 1].lower == "only" || t[i + 1].lower == "later" || t[i + 1].lower == "more" ||
           t[i + 1].lower == "less" || t[i + 1].lower == "longer" || t[i + 1].lower == "doubt" ||
           (tok.lower == "without" && !t[i + 1].lower.ends_with("ing")));
      if (!idiom) {
        claim.negated = true;
        negation_scope = 6;
        negated_in_scope = 0;
        // "no evidence that the fire was set", "no sign that anyone started it": what is
        // negated is the clause after "that", not the evidence.
        if (i + 1 < t.size()) {
          const std::string& noun = t[i + 1].lower;
          if (noun == "evidence" || noun == "sign" || noun == "indication" ||
              noun == "suggestion" || noun == "proof" || noun == "reason") {
            for (size_t k = i + 2; k < t.size() && k <= i + 6; ++k) {
              if (t[k].lower == "that") {
                scope_starts = k + 1;
                break;
              }
            }
          }
        }
      }
      continue;
    }
    std::string stem;
    if (tok.kind == TokenKind::kNumber) {
      stem = tok.lower;
    } else if (!IsStopword(tok.lower) && tok.lower.size() > 1) {
      stem = ContentStem(tok.lower);
    }
    if (stem.empty()) {
      // "did not sign it at a brief ceremony": once the negated act has been read, a time or
      // place of it ends what is denied. Prepositions a verb takes ("for", "on", "in") do not.
      const std::string& w = tok.lower;
      if (negation_scope > 0 && negated_in_scope > 0 &&
          (w == "at" || w == "during" || w == "after" || w == "before" || w == "since" ||
           w == "until" || w == "amid")) {
        negation_scope = 0;
      }
      if (negation_scope > 0) --negation_scope;
      continue;
    }
    claim.stems.push_back(stem);
    if (negation_scope > 0 && i >= scope_starts) {
      claim.negated_stems.push_back(stem);
      ++negated_in_scope;
      --negation_scope;
    }
    const std::string& w = tok.lower;
    if (w == "denied" || w == "denies" || w == "rejected" || w == "refuted") {
      claim.modality = Modality::kDenied;
    } else if (claim.modality == Modality::kAsserted &&
               (w == "expected" || w == "may" || w == "might" || w == "could" || w == "plans" ||
                w == "likely" || w == "possible" || w == "hopes")) {
      claim.modality = Modality::kExpected;
    } else if (claim.modality == Modality::kAsserted &&
               (w == "reportedly" || w == "allegedly" || w == "reports")) {
      claim.modality = Modality::kReported;
    }
  }

  claim.quantities = ExtractQuantities(text, span);
  claim.dates = ExtractDates(text, span, context.published);
  // "today", "yesterday", "this morning" in a speaker's own words count from when they spoke,
  // which the page does not say: a next-day paper quoting "Today we ..." is not dating the act
  // to its own publication day.
  std::erase_if(claim.dates, [&](const DateRef& d) {
    if (!d.relative) return false;
    return std::any_of(claim.quotes.begin(), claim.quotes.end(), [&](const Quote& q) {
      return q.span.begin <= d.span.begin && d.span.end <= q.span.end;
    });
  });
  // A question asserts no figure or date ("Two launches in one week?"): nothing to compare.
  if (EndsWithQuestionMark(t)) {
    claim.quantities.clear();
    claim.dates.clear();
  }
  MarkEarlierTimes(t, context, claim);
  // A worked example ("a typical 200,000-euro mortgage will cost 83 euros more", "a family
  // with a 150,000-euro home loan faces paying 94 more"): a cue within four tokens before one
  // of the claim's figures makes all of them the example's, not the event's.
  static const std::unordered_set<std::string_view> kExampleCues = {
      "typical",   "family",  "household", "borrower",
      "homeowner", "someone", "example",   "hypothetical"};
  for (const Quantity& q : claim.quantities) {
    size_t at = 0;
    while (at < t.size() && t[at].span.end <= q.span.begin) ++at;
    bool cued = false;
    for (size_t k = at; k-- > 0 && at - k <= 4 && !cued;) cued = kExampleCues.count(t[k].lower) > 0;
    if (!cued) continue;
    for (Quantity& each : claim.quantities) each.example = true;
    break;
  }
  return claim;
}

}  // namespace parallax::align
