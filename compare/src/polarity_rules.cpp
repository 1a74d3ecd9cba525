// Polarity and modality: signed against did not sign, will against will not, expected against
// happened, denied against told as fact.
#include <cctype>
#include <cstdio>
#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules.h"

namespace parallax::compare {
namespace {

// Stems of the acts that exclude the act of stem `x` ("sign" -> {"veto"}); empty for most.
const std::vector<std::string_view>& OppositesOf(std::string_view x) {
  static const std::unordered_map<std::string_view, std::vector<std::string_view>> kTable = [] {
    static constexpr std::pair<std::string_view, std::string_view> kPairs[] = {
        {"sign", "veto"},     {"approv", "reject"}, {"confirm", "deni"},
        {"accept", "reject"}, {"approv", "veto"},   {"support", "oppos"},
        {"back", "oppos"},    {"win", "lost"},      {"acquit", "convict"}};
    std::unordered_map<std::string_view, std::vector<std::string_view>> table;
    for (const auto& [p, q] : kPairs) {
      table[p].push_back(q);
      table[q].push_back(p);
    }
    return table;
  }();
  static const std::vector<std::string_view> kNone;
  auto it = kTable.find(x);
  return it == kTable.end() ? kNone : it->second;
}

// True for a contrast rather than a denial: "not X but Y", "not only X".
bool ContrastiveNegation(const std::string& text) {
  int since_not = -1;  // words since "not", or -1
  return AnyWord(text, [&](const std::string& w) {
    if (w == "not") {
      since_not = 0;
      return false;
    }
    if (since_not < 0) return false;
    ++since_not;
    if (since_not == 1 && w == "only") return true;
    if (w == "but") return since_not <= 5;
    if (since_not > 5) since_not = -1;
    return false;
  });
}

// The act a forecast speaks of: the word after its cue ("expected to sign" -> "sign", "may
// visit" -> "visit", "plans to hold" -> "hold"); "" when none.
std::string ForecastAct(const ClaimModel& c) {
  std::string act;
  bool after_cue = false;
  AnyWord(c.claim.text, [&](const std::string& w) {
    if (after_cue) {
      if (w == "to" || w == "be" || w == "have" || w == "soon" || w == "also") return false;
      act = w;
      return true;
    }
    after_cue = w == "expected" || w == "may" || w == "might" || w == "could" || w == "plans" ||
                w == "likely" || w == "hopes";
    return false;
  });
  return act;
}

// "found no breach" against "found a breach": the word right before the negation cue is a
// verb (not an auxiliary, nor a speech verb) that the other claim also uses.
bool SameVerbNegated(const ClaimModel& neg, const ClaimModel& pos) {
  static const std::set<std::string> kNotActs = {
      "is",    "was", "were", "are",   "be",    "been",   "has",  "have", "had",   "did",
      "does",  "do",  "will", "would", "could", "should", "can",  "may",  "might", "must",
      "there", "and", "but",  "that",  "with",  "said",   "says", "told", "tells", "added"};
  std::string before, verb;
  AnyWord(neg.claim.text, [&](const std::string& w) {
    if (w == "no" || w == "not" || w == "never") {
      verb = before;
      return true;
    }
    before = w;
    return false;
  });
  if (verb.size() < 4 || kNotActs.count(verb)) return false;
  return AnyWord(pos.claim.text, [&](const std::string& w) { return w == verb; });
}

// The act as each side words it: the negation up to its act in `neg` ("did not sign", "has
// not been tested", "found no breach") and the words of `pos` that say that act ("signed",
// "found a breach" when the verb before the negation comes within three words before it,
// "joint statement" when the act's next word follows on both sides). Empty strings when either
// is not found.
std::pair<std::string, std::string> ActWords(const ClaimModel& neg, const ClaimModel& pos) {
  static const std::set<std::string> kAuxiliaries = {"be",  "been", "being", "have", "has",
                                                     "had", "yet",  "a",     "an",   "any",
                                                     "the", "ever", "even",  "once", "so"};
  std::string verb, phrase, act, act_next;
  bool in_negation = false;
  AnyWord(neg.claim.text, [&](const std::string& w) {
    if (!in_negation) {
      if (w == "not" || w == "no" || w == "never") {
        in_negation = true;
        phrase = verb.empty() ? w : verb + " " + w;
        return false;
      }
      verb = w;
      return false;
    }
    if (!act.empty()) {
      act_next = w;
      return true;
    }
    phrase += " " + w;
    if (!kAuxiliaries.count(w)) act = w;
    return false;
  });
  if (act.size() < 3) return {};
  std::vector<std::string> words;
  AnyWord(pos.claim.text, [&](const std::string& w) {
    words.push_back(w);
    return false;
  });
  const size_t root = std::min<size_t>(act.size(), 4);
  size_t at = 0;
  while (at < words.size() &&
         (words[at].size() < root || words[at].compare(0, root, act, 0, root) != 0)) {
    ++at;
  }
  if (at == words.size()) return {};
  size_t from = at, to = at + 1;
  for (size_t k = at; k-- > 0 && at - k <= 3;) {
    if (words[k] == verb) from = k;  // "found a breach" against "found no breach"
  }
  static const std::set<std::string> kFunctionWords = {"a",  "an", "the",  "in",  "on",   "at",
                                                       "to", "of", "for",  "it",  "by",   "and",
                                                       "or", "as", "with", "its", "their"};
  if (!act_next.empty() && !kFunctionWords.count(act_next) && to < words.size() &&
      words[to] == act_next) {
    ++to;  // "joint statement" against "no joint statement"
    phrase += " " + act_next;
  }
  std::string done;
  for (size_t k = from; k < to; ++k) done += (done.empty() ? "" : " ") + words[k];
  return {phrase, done};
}

}  // namespace

std::optional<PairConflict> ComparePolarity(const ClaimModel& a, const ClaimModel& b,
                                            double stem_jaccard) {
  if (a.negated == b.negated || stem_jaccard < 0.1) return std::nullopt;
  const ClaimModel& neg = a.negated ? a : b;
  const ClaimModel& pos = a.negated ? b : a;
  // "Found no X" against "found an X": the same verb and object carry the pair even when the
  // rest of the two sentences is worded apart; otherwise the sentences must overlap more.
  const bool same_verb = SameVerbNegated(neg, pos);
  if (stem_jaccard < 0.2 && !same_verb) return std::nullopt;
  // The negation must cover words the other claim asserts.
  std::set<std::string> pos_stems(pos.stems.begin(), pos.stems.end());
  // ... starting with the word right after the negation: "did not sign" against "signed",
  // not "would not veto a plan" against another sentence about the plan.
  if (neg.negated_stems.empty() || !pos_stems.count(neg.negated_stems.front())) {
    return std::nullopt;
  }
  int shared = 0;
  for (const auto& s : neg.negated_stems) shared += pos_stems.count(s) ? 1 : 0;
  // A negation of one word ending its clause ("X has refused to concede") covers that act
  // only: it must be said of someone both claims name ("X has conceded").
  const bool lone_act = neg.negated_stems.size() == 1 && SharesEntity(a, b);
  if (shared < 2 && !lone_act && !same_verb) return std::nullopt;
  if (ContrastiveNegation(neg.claim.text)) return std::nullopt;
  // The other claim must not carry a negation of its own (inside a quotation, in a headline
  // fragment, "not X but Y"): then the two may well say the same thing.
  if (HasNegationWord(pos.claim.text)) return std::nullopt;
  // "Will not veto" is what "will sign" says: the other claim doing the opposite act agrees.
  for (std::string_view opposite : OppositesOf(neg.negated_stems.front())) {
    if (pos_stems.count(std::string(opposite))) return std::nullopt;
  }
  // "Expected" and "not expected before" speak of plans, not of what happened.
  if (pos.modality == align::Modality::kExpected || neg.modality == align::Modality::kExpected) {
    return std::nullopt;
  }
  // Each side says the act in its own words ("signed" / "did not sign"), when they are found.
  const auto [denied, done] = ActWords(neg, pos);
  const std::string neg_says = denied.empty() ? "did not happen" : denied;
  const std::string pos_says = done.empty() ? "happened" : done;
  Side sa{a.negated ? neg_says : pos_says, a.claim.span};
  Side sb{b.negated ? neg_says : pos_says, b.claim.span};
  return PairConflict{FindingKind::kPolarity, "whether it happened", sa, sb, 0.75};
}

std::optional<PairConflict> CompareIntent(const ClaimModel& a, const ClaimModel& b) {
  // Cheapest test first: this runs for every compared pair.
  if (a.modality != align::Modality::kExpected && b.modality != align::Modality::kExpected) {
    return std::nullopt;
  }
  if (!SharesEntity(a, b)) return std::nullopt;
  const bool future_a = SpeaksOfFuture(a) || a.modality == align::Modality::kExpected;
  const bool future_b = SpeaksOfFuture(b) || b.modality == align::Modality::kExpected;
  if (!future_a || !future_b) return std::nullopt;
  // "will not veto", "expected to sign": the act as written, after what is said of it.
  auto says = [](const ClaimModel& c, const std::string& stem) {
    std::string act = stem;
    for (const auto& w : Words(c.claim.text)) {
      if (w.compare(0, stem.size(), stem) == 0) {
        act = w;
        break;
      }
    }
    if (c.negated) return "will not " + act;
    return (c.modality == align::Modality::kExpected ? "expected to " : "will ") + act;
  };
  std::set<std::string> stems_a(a.stems.begin(), a.stems.end());
  std::set<std::string> stems_b(b.stems.begin(), b.stems.end());
  if (a.negated != b.negated) {
    // The same act, negated on one side and forecast on the other. ("Will X" on the other side
    // is not enough: "will sign it, lifting the threat of a veto" names the act it rules out.)
    const ClaimModel& neg = a.negated ? a : b;
    if ((a.negated ? b : a).modality != align::Modality::kExpected) return std::nullopt;
    const auto& other = a.negated ? stems_b : stems_a;
    if (neg.negated_stems.empty() || !other.count(neg.negated_stems.front())) return std::nullopt;
    if (HasNegationWord((a.negated ? b : a).claim.text)) return std::nullopt;
    const std::string& act = neg.negated_stems.front();
    return PairConflict{FindingKind::kPolarity,
                        "what will happen",
                        {says(a, act), a.claim.span},
                        {says(b, act), b.claim.span},
                        0.6};
  }
  if (a.negated || b.negated) return std::nullopt;  // both negated: no opposite acts to weigh
  for (const auto& x : stems_a) {
    for (std::string_view opposite : OppositesOf(x)) {
      const std::string y(opposite);
      if (!stems_b.count(y) || stems_a.count(y) || stems_b.count(x)) continue;
      if (HasNegationWord(a.claim.text) || HasNegationWord(b.claim.text)) return std::nullopt;
      return PairConflict{FindingKind::kPolarity,
                          "what will happen",
                          {says(a, x), a.claim.span},
                          {says(b, y), b.claim.span},
                          0.55};
    }
  }
  return std::nullopt;
}

namespace {

// "denies this", "denied it", "rejected that.": the denial's object is told elsewhere.
bool DeniesAPronoun(const std::string& text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* verb : {"denies ", "denied ", "deny ", "rejects ", "rejected ", "refuted "}) {
    for (size_t at = lower.find(verb); at != std::string::npos; at = lower.find(verb, at + 1)) {
      const size_t object = at + std::strlen(verb);
      for (const char* pronoun : {"this", "it", "that", "them", "these", "those"}) {
        const size_t end = object + std::strlen(pronoun);
        if (lower.compare(object, std::strlen(pronoun), pronoun) != 0) continue;
        if (end < lower.size() && std::isalpha(static_cast<unsigned char>(lower[end]))) continue;
        // "denied that the minister met them" says what it denies; "denied that." does not.
        const bool clause_follows =
            std::string_view(pronoun) == "that" && end < lower.size() && lower[end] == ' ';
        if (!clause_follows) return true;
      }
    }
  }
  return false;
}

}  // namespace

std::optional<PairConflict> CompareModality(const ClaimModel& a, const ClaimModel& b,
                                            double stem_jaccard) {
  using align::Modality;
  if (a.modality == b.modality || a.negated || b.negated || stem_jaccard < 0.25) {
    return std::nullopt;
  }
  auto says = [](const ClaimModel& c) {
    switch (c.modality) {
      case Modality::kDenied:
        return "denied";
      case Modality::kExpected:
        return "only expected";
      case Modality::kReported:
        return "reportedly";
      case Modality::kAsserted:
        return "happened";
    }
    return "happened";
  };
  const ClaimModel& fact = a.modality == Modality::kAsserted ? a : b;
  const ClaimModel& other = a.modality == Modality::kAsserted ? b : a;
  if (fact.modality != Modality::kAsserted || HasNegationWord(fact.claim.text)) {
    return std::nullopt;
  }
  if (other.modality == Modality::kDenied) {
    // "the operator denies this": what is denied must be said in the claim, two words beyond
    // the names, not left to a pronoun.
    if (!SharesEntity(a, b) || SharedContentStems(a, b) < 2) return std::nullopt;
    if (DeniesAPronoun(other.claim.text)) return std::nullopt;
    return PairConflict{FindingKind::kPolarity,
                        "whether it happened",
                        {says(a), a.claim.span},
                        {says(b), b.claim.span},
                        0.65};
  }
  if (other.modality != Modality::kExpected || SpeaksOfFuture(fact)) return std::nullopt;
  // The forecast act must be one the other claim tells as done, in the past tense: "sign" /
  // "signed", "approve" / "approved"; not "has ten days to sign or veto it".
  // "Expected to be installed" forecasts the installing; a start told as begun ("began
  // installing", "work began") answers a forecast start ("expected to begin").
  std::string root = ForecastAct(other);
  const bool forecast_start = root == "begin" || root == "start";
  if (root.ends_with("ing")) {
    root.resize(root.size() - 3);
  } else if (root.ends_with("ed")) {
    root.resize(root.size() - 2);
  }
  if (!root.empty() && root.back() == 'e') root.pop_back();
  if (root.size() < 3) return std::nullopt;
  std::string previous;
  const bool done = AnyWord(fact.claim.text, [&](const std::string& w) {
    const bool begun = w == "began" || w == "begun" || w == "started";
    const bool of_root = w.size() > root.size() + 1 && w.compare(0, root.size(), root) == 0;
    const bool past = of_root && w.ends_with("ed");
    const bool begun_ing =
        of_root && w.ends_with("ing") && (previous == "began" || previous == "started");
    previous = w;
    return past || begun_ing || (forecast_start && begun);
  });
  if (!done) return std::nullopt;
  return PairConflict{FindingKind::kPolarity,
                      "whether it happened",
                      {says(a), a.claim.span},
                      {says(b), b.claim.span},
                      0.5};
}

OpenState OpenOrClosed(const ClaimModel& c) {
  const std::string& text = c.claim.text;
  bool open = false, closed = false;
  std::string p1, p2, p3;  // the three words before, nearest first
  AnyWord(text, [&](const std::string& w) {
    auto negation = [](const std::string& x) {
      return x == "not" || x == "never" || x == "t" || x.ends_with("n’t");
    };
    auto linking = [](const std::string& x) {
      return x == "is" || x == "was" || x == "are" || x == "were" || x == "be" || x == "been" ||
             x == "remained" || x == "remains" || x == "remain" || x == "stayed" || x == "stays" ||
             x == "stay" || x == "still";
    };
    if (!negation(p1) && !negation(p2) && !negation(p3)) {
      if (w == "reopened" || w == "reopens" || (w == "open" && linking(p1)) ||
          (w == "again" && (p1 == "running" || p1 == "runs" || p1 == "run"))) {
        open = true;
      }
      if ((w == "closed" || w == "shut") && linking(p1)) closed = true;
    }
    p3 = std::move(p2);
    p2 = std::move(p1);
    p1 = w;
    return false;
  });
  return open && closed ? OpenState::kBoth
         : open         ? OpenState::kOpen
         : closed       ? OpenState::kClosed
                        : OpenState::kNone;
}

namespace {

// The day a claim's state holds, as yyyymmdd: its first stated day of the event's own time,
// else its document's publication day; 0 when neither is known.
int StateDay(const ClaimModel& c, const Document& doc) {
  for (const auto& d : c.dates) {
    if (d.day > 0 && !d.ahead && d.earlier == 0) return d.year * 10000 + d.month * 100 + d.day;
  }
  const std::string published = doc.published.value_or("");
  int year = 0, month = 0, day = 0;
  if (published.size() < 10 ||
      std::sscanf(published.c_str(), "%4d-%2d-%2d", &year, &month, &day) != 3) {
    return 0;
  }
  return year * 10000 + month * 100 + day;
}

}  // namespace

std::optional<PairConflict> CompareStates(const ClaimModel& a, const ClaimModel& b, OpenState sa,
                                          OpenState sb, const Document& da, const Document& db) {
  if (sa != OpenState::kOpen && sa != OpenState::kClosed) return std::nullopt;  // most claims
  if (sb == sa || (sb != OpenState::kOpen && sb != OpenState::kClosed)) return std::nullopt;
  // What will be open or closed is a plan ("will stay shut until Monday"); a forecast of a
  // state is left to its words ("is not expected to reopen" is no state, "remained closed" is).
  if (SpeaksOfFuture(a) || SpeaksOfFuture(b)) return std::nullopt;
  if (!SharesEntity(a, b) && SharedContentStems(a, b) < 2) return std::nullopt;
  const int day_a = StateDay(a, da), day_b = StateDay(b, db);
  if (day_a == 0 || day_a != day_b) return std::nullopt;
  auto says = [](OpenState s) { return s == OpenState::kOpen ? "open" : "closed"; };
  return PairConflict{FindingKind::kPolarity,
                      "whether it was open",
                      {says(sa), a.claim.span},
                      {says(sb), b.claim.span},
                      0.6};
}

}  // namespace parallax::compare
