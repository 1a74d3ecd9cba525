// Per cluster: compare every pair of claims from different documents and raise a finding per
// kind when their values cannot both be true. Values are grouped by what they say, so a finding
// reads "A and B say X, but C says Y".
#include "parallax/compare/compare.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "values.h"

namespace parallax::compare {
namespace {

using align::ClaimModel;

struct Side {
  std::string value;
  Span evidence;
};

struct PairConflict {
  FindingKind kind;
  std::string topic;  // what the outlets disagree about, as a noun phrase
  Side a, b;
  double confidence;
};

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

std::set<std::string> Words(const std::string& text) {
  std::set<std::string> out;
  AnyWord(text, [&](const std::string& w) {
    out.insert(w);
    return false;
  });
  return out;
}

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
double StemJaccard(const StemSet& a, const StemSet& b) {
  return Jaccard(a, b);
}

// The same value for callers without StemSets.
double StemJaccard(const ClaimModel& a, const ClaimModel& b) {
  auto distinct = [](const ClaimModel& c) {
    std::vector<std::string_view> out(c.stems.begin(), c.stems.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  return Jaccard(distinct(a), distinct(b));
}

// True when `text` holds a negation word anywhere ("not", "never", "no", "without", "didn't").
// Words() splits "didn't" at the ASCII apostrophe ("didn", "t") and keeps "didn’t" whole.
bool HasNegationWord(const std::string& text) {
  static const std::set<std::string> kNegations = {"not",  "never",  "no",     "without", "nor",
                                                   "didn", "don",    "doesn",  "won",     "isn",
                                                   "wasn", "aren",   "weren",  "hasn",    "haven",
                                                   "hadn", "couldn", "wouldn", "shouldn", "cannot"};
  static const std::string curly = "n\u2019t";
  return AnyWord(text, [](const std::string& w) {
    return kNegations.count(w) > 0 ||
           (w.size() > curly.size() &&
            w.compare(w.size() - curly.size(), curly.size(), curly) == 0);
  });
}

// Two values speak of the same thing when the words around them overlap.
bool SameContext(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& x : a) {
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  }
  return false;
}

// A counted noun or an ordinal's noun says what the number is about; other quantities need
// overlapping context words.
bool SameSubject(const align::Quantity& a, const align::Quantity& b) {
  if (!a.noun.empty() && a.noun == b.noun) return true;
  return SameContext(a.context, b.context);
}

// The words at `s` in the field `claim` was read from.
std::string TextAt(const Document& doc, const ClaimModel& claim, Span s) {
  const std::string& field = claim.claim.field == ClaimField::kTitle ? doc.title : doc.text;
  if (s.end > field.size() || s.begin > s.end) return {};
  return field.substr(s.begin, s.size());
}

// QuantityKey of each of the claim's quantities, in the order of ClaimModel::quantities.
std::vector<std::string> QuantityKeys(const ClaimModel& c) {
  std::vector<std::string> out;
  out.reserve(c.quantities.size());
  for (const auto& q : c.quantities) out.push_back(QuantityKey(q));
  return out;
}

// `keys_a` and `keys_b` are QuantityKeys of a and b.
std::optional<PairConflict> CompareQuantities(const ClaimModel& a, const ClaimModel& b,
                                              const std::vector<std::string>& keys_a,
                                              const std::vector<std::string>& keys_b) {
  for (size_t i = 0; i < a.quantities.size(); ++i) {
    const auto& qa = a.quantities[i];
    const std::string& key = keys_a[i];
    bool b_has = false, any_compatible = false;
    const align::Quantity* other = nullptr;
    for (size_t j = 0; j < b.quantities.size(); ++j) {
      const auto& qb = b.quantities[j];
      if (keys_b[j] != key || !SameSubject(qa, qb)) continue;
      b_has = true;
      if (!other) other = &qb;
      if (QuantitiesCompatible(qa, qb)) any_compatible = true;
    }
    if (!b_has || any_compatible) continue;
    // Every quantity of this kind in `a` must clash too, or the claims may speak of two things.
    bool all_clash = true;
    for (size_t i2 = 0; i2 < a.quantities.size(); ++i2) {
      const auto& qa2 = a.quantities[i2];
      if (keys_a[i2] != key) continue;
      for (size_t j = 0; j < b.quantities.size(); ++j) {
        const auto& qb = b.quantities[j];
        if (keys_b[j] == key && QuantitiesCompatible(qa2, qb) && SameSubject(qa2, qb))
          all_clash = false;
      }
    }
    if (!all_clash) continue;
    return PairConflict{FindingKind::kQuantity,
                        QuantityTopic(qa),
                        {DescribeQuantity(qa), qa.span},
                        {DescribeQuantity(*other), other->span},
                        0.8};
  }
  return std::nullopt;
}

std::optional<PairConflict> CompareDates(const ClaimModel& a, const ClaimModel& b) {
  // Only dates said of the same act ("arrived on Monday" / "arrived on Tuesday") are compared;
  // any compatible pair of them means the accounts agree.
  // Claims that say much the same thing around one date each speak of one act too.
  const bool one_act = a.dates.size() == 1 && b.dates.size() == 1 && StemJaccard(a, b) >= 0.3;
  const align::DateRef* clash_a = nullptr;
  const align::DateRef* clash_b = nullptr;
  for (const auto& da : a.dates) {
    for (const auto& db : b.dates) {
      if (!one_act && !SameContext(da.context, db.context)) continue;
      if (DatesCompatible(da, db)) return std::nullopt;
      if (clash_a == nullptr) {
        clash_a = &da;
        clash_b = &db;
      }
    }
  }
  if (clash_a == nullptr) return std::nullopt;
  return PairConflict{FindingKind::kTime,
                      "when it happened",
                      {DescribeDate(*clash_a), clash_a->span},
                      {DescribeDate(*clash_b), clash_b->span},
                      0.7};
}

// Acts that exclude each other when one actor does them to one thing (stems).
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

// `stem_jaccard` is StemJaccard(a, b).
std::optional<PairConflict> ComparePolarity(const ClaimModel& a, const ClaimModel& b,
                                            double stem_jaccard) {
  if (a.negated == b.negated || stem_jaccard < 0.2) return std::nullopt;
  const ClaimModel& neg = a.negated ? a : b;
  const ClaimModel& pos = a.negated ? b : a;
  // The negation must cover words the other claim asserts.
  std::set<std::string> pos_stems(pos.stems.begin(), pos.stems.end());
  // ... starting with the word right after the negation: "did not sign" against "signed",
  // not "would not veto a plan" against another sentence about the plan.
  if (neg.negated_stems.empty() || !pos_stems.count(neg.negated_stems.front())) {
    return std::nullopt;
  }
  int shared = 0;
  for (const auto& s : neg.negated_stems) shared += pos_stems.count(s) ? 1 : 0;
  if (shared < 2) return std::nullopt;
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
  Side sa{a.negated ? "did not happen" : "happened", a.claim.span};
  Side sb{b.negated ? "did not happen" : "happened", b.claim.span};
  return PairConflict{FindingKind::kPolarity, "whether it happened", sa, sb, 0.75};
}

// True when the claim speaks of what someone will do ("will", "would", "won't", "going to").
bool SpeaksOfFuture(const ClaimModel& c) {
  return AnyWord(c.claim.text, [](const std::string& w) {
    return w == "will" || w == "would" || w == "won" || w == "shall" || w == "going" ||
           w == "won\u2019t" || w == "ll";
  });
}

bool SharesEntity(const ClaimModel& a, const ClaimModel& b) {
  for (const auto& x : a.entities) {
    for (const auto& y : b.entities) {
      if (align::SameEntity(x.key, y.key)) return true;
    }
  }
  return false;
}

// What someone will do, told two ways that cannot both hold, about a named actor both claims
// share: "she will not veto it" against "she is expected to veto it", and "she will sign it"
// against "she is expected to veto it". Forecasts against each other, not against outcomes;
// one side at least is a forecast ("expected", "may", "plans").
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

// Two modalities of one statement that cannot both be the whole story: "the ministry denied
// that X" against "X" told as fact, and "X is expected" against "X happened". The second is a
// weaker finding (the forecast may simply be older), so it comes with a low confidence.
// `stem_jaccard` is StemJaccard(a, b).
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
    if (!SharesEntity(a, b)) return std::nullopt;
    return PairConflict{FindingKind::kPolarity,
                        "whether it happened",
                        {says(a), a.claim.span},
                        {says(b), b.claim.span},
                        0.65};
  }
  if (other.modality != Modality::kExpected || SpeaksOfFuture(fact)) return std::nullopt;
  // The forecast act must be one the other claim tells as done, in the past tense: "sign" /
  // "signed", "approve" / "approved"; not "has ten days to sign or veto it".
  std::string root = ForecastAct(other);
  if (!root.empty() && root.back() == 'e') root.pop_back();
  if (root.size() < 3) return std::nullopt;
  const bool done = AnyWord(fact.claim.text, [&](const std::string& w) {
    return w.size() > root.size() + 1 && w.compare(0, root.size(), root) == 0 &&
           w.compare(w.size() - 2, 2, "ed") == 0;
  });
  if (!done) return std::nullopt;
  return PairConflict{FindingKind::kPolarity,
                      "whether it happened",
                      {says(a), a.claim.span},
                      {says(b), b.claim.span},
                      0.5};
}

// The words of each of the claim's quotes, in the order of ClaimModel::quotes.
std::vector<std::set<std::string>> QuoteWords(const ClaimModel& c, const Document& doc) {
  std::vector<std::set<std::string>> out;
  out.reserve(c.quotes.size());
  for (const auto& q : c.quotes) out.push_back(Words(TextAt(doc, c, q.span)));
  return out;
}

// One utterance quoted in two wordings: the quotes share two or more content words (words of
// four letters or more, common function words aside) but neither holds most of the other's,
// as a shortened quote would ("writing a check with money we do not have" against "writing a
// blank check on our grandchildren's credit card").
bool Misquoted(const std::set<std::string>& a, const std::set<std::string>& b) {
  static const std::set<std::string_view> kFunctionWords = {
      "with", "have", "that", "this",  "from",  "they",  "were", "been", "will", "would",
      "what", "when", "your", "their", "there", "about", "into", "them", "than", "then"};
  auto content = [](const std::set<std::string>& words) {
    std::set<std::string> out;
    for (const auto& w : words) {
      if (w.size() >= 4 && !kFunctionWords.count(w)) out.insert(w);
    }
    return out;
  };
  const auto ca = content(a), cb = content(b);
  size_t shared = 0;
  for (const auto& w : ca) shared += cb.count(w);
  if (shared < 2) return false;
  const size_t smaller = std::min(ca.size(), cb.size());
  return static_cast<double>(shared) < 0.7 * static_cast<double>(smaller);
}

// `stem_jaccard` is StemJaccard(a, b); `words_a` and `words_b` are QuoteWords of a and b.
std::optional<PairConflict> CompareQuotes(const ClaimModel& a, const ClaimModel& b,
                                          const Document& da, const Document& db,
                                          double stem_jaccard,
                                          const std::vector<std::set<std::string>>& words_a,
                                          const std::vector<std::set<std::string>>& words_b) {
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const auto& qa = a.quotes[i];
    const auto& wa = words_a[i];
    for (size_t j = 0; j < b.quotes.size(); ++j) {
      const auto& qb = b.quotes[j];
      const auto& wb = words_b[j];
      if (wa.size() < 3 || wb.size() < 3) continue;
      const double overlap = Jaccard(wa, wb);
      const bool same_speaker = align::SameEntity(qa.speaker, qb.speaker);
      const bool both_known = !qa.speaker.empty() && !qb.speaker.empty();
      if (overlap >= 0.6 && both_known && !same_speaker) {
        return PairConflict{FindingKind::kAttribution,
                            "who said it",
                            {qa.speaker, qa.span},
                            {qb.speaker, qb.span},
                            0.8};
      }
      if (same_speaker && overlap < 0.15 && wa.size() <= 15 && wb.size() <= 15 &&
          stem_jaccard >= 0.2) {
        return PairConflict{FindingKind::kQuote,
                            "what " + qa.speaker + " said",
                            {"\"" + TextAt(da, a, qa.span) + "\"", qa.span},
                            {"\"" + TextAt(db, b, qb.span) + "\"", qb.span},
                            0.6};
      }
      if (same_speaker && both_known && overlap < 0.5 && Misquoted(wa, wb)) {
        return PairConflict{FindingKind::kQuote,
                            "how " + qa.speaker + " was quoted",
                            {"\"" + TextAt(da, a, qa.span) + "\"", qa.span},
                            {"\"" + TextAt(db, b, qb.span) + "\"", qb.span},
                            0.5};
      }
    }
  }
  return std::nullopt;
}

std::optional<PairConflict> CompareActs(const ClaimModel& a, const ClaimModel& b) {
  for (const auto& xa : a.acts) {
    for (const auto& xb : b.acts) {
      if (xa.kind != xb.kind) continue;
      if (align::SameEntity(xa.agent, xb.agent)) return std::nullopt;
      return PairConflict{FindingKind::kAttribution,
                          "who took the initiative",
                          {xa.agent, xa.span},
                          {xb.agent, xb.span},
                          0.6};
    }
  }
  return std::nullopt;
}

// Two aligned claims naming different venues, or different titled people in the same role.
// `stem_jaccard` is StemJaccard(a, b).
std::optional<PairConflict> CompareEntities(const ClaimModel& a, const ClaimModel& b,
                                            double stem_jaccard) {
  if (stem_jaccard < 0.15) return std::nullopt;
  auto unmatched = [](const ClaimModel& x, const ClaimModel& y) {
    std::vector<const align::Entity*> out;
    for (const auto& e : x.entities) {
      bool found = false;
      for (const auto& f : y.entities) found = found || align::SameEntity(e.key, f.key);
      // Who is credited with the words is attribution's business, not entity's.
      if (!found && !align::SameEntity(e.key, x.speaker)) out.push_back(&e);
    }
    return out;
  };
  auto matched_all = [](const ClaimModel& x, const ClaimModel& y,
                        bool (*kind)(const std::string&)) {
    // y names no entity of this kind that x also names under another alias.
    for (const auto& e : y.entities) {
      if (!kind(e.key)) continue;
      for (const auto& f : x.entities) {
        if (kind(f.key) && align::SameEntity(e.key, f.key)) return true;
      }
    }
    return false;
  };
  const auto ua = unmatched(a, b);
  const auto ub = unmatched(b, a);
  for (auto kind : {&align::IsVenue, &align::IsTitledPerson}) {
    if (matched_all(a, b, kind)) continue;  // they share one such entity: no contradiction
    for (const auto* ea : ua) {
      if (!kind(ea->key)) continue;
      for (const auto* eb : ub) {
        if (!kind(eb->key)) continue;
        const bool venue = kind == &align::IsVenue;
        return PairConflict{FindingKind::kEntity,
                            venue ? "where it happened" : "who was involved",
                            {ea->surface, ea->span},
                            {eb->surface, eb->span},
                            venue ? 0.7 : 0.55};
      }
    }
  }
  return std::nullopt;
}

// The kind of body an organisation's name ends in ("administration", "ministry"), or "".
std::string BodyKind(const std::string& key) {
  static const std::set<std::string> kBodies = {
      "administration", "agency",  "authority",   "ministry",   "department",  "commission",
      "committee",      "bank",    "fund",        "programme",  "program",     "bureau",
      "institute",      "service", "association", "federation", "corporation", "company"};
  const size_t space = key.rfind(' ');
  if (space == std::string::npos) return {};  // one word: no name beside the kind
  const std::string last = key.substr(space + 1);
  return kBodies.count(last) ? last : std::string();
}

// One name is the other, or a shortening of it ("the transit administration").
bool SameBody(const std::string& a, const std::string& b) {
  const auto wa = Words(a), wb = Words(b);
  return std::includes(wa.begin(), wa.end(), wb.begin(), wb.end()) ||
         std::includes(wb.begin(), wb.end(), wa.begin(), wa.end());
}

// Two aligned claims crediting the same role to different bodies of one kind: "the Federal
// Transit Administration" against "the Federal Railroad Administration". Only when neither
// claim also names the other's body. `stem_jaccard` is StemJaccard(a, b).
std::optional<PairConflict> CompareBodies(const ClaimModel& a, const ClaimModel& b,
                                          double stem_jaccard) {
  if (stem_jaccard < 0.15) return std::nullopt;
  auto names = [](const ClaimModel& x, const std::string& key) {
    for (const auto& e : x.entities) {
      if (SameBody(e.key, key)) return true;
    }
    return false;
  };
  for (const auto& ea : a.entities) {
    const std::string kind = BodyKind(ea.key);
    if (kind.empty() || names(b, ea.key)) continue;
    for (const auto& eb : b.entities) {
      if (BodyKind(eb.key) != kind || names(a, eb.key)) continue;
      return PairConflict{
          FindingKind::kEntity, "which " + kind, {ea.surface, ea.span}, {eb.surface, eb.span}, 0.5};
    }
  }
  return std::nullopt;
}

Severity SeverityOf(FindingKind kind, double confidence) {
  if (confidence < 0.6) return Severity::kLow;
  switch (kind) {
    case FindingKind::kPolarity:
    case FindingKind::kAttribution:
    case FindingKind::kQuantity:
      return Severity::kHigh;
    case FindingKind::kOmission:
      return Severity::kLow;
    default:
      return Severity::kMedium;
  }
}

std::string JoinOutlets(const std::vector<std::string>& outlets) {
  std::string out;
  for (size_t i = 0; i < outlets.size(); ++i) {
    if (i > 0) out += i + 1 == outlets.size() ? " and " : ", ";
    out += outlets[i];
  }
  return out;
}

struct FindingBuilder {
  FindingKind kind;
  std::string topic;
  double confidence = 0;
  // claim index -> value said
  std::map<size_t, Side> sides;
};

}  // namespace

Comparison CompareClusters(const std::vector<Document>& documents,
                           const align::Alignment& alignment, const CompareOptions& options) {
  Comparison out;
  out.clusters = alignment.clusters;
  std::vector<Finding> omissions;
  std::set<std::tuple<FindingKind, size_t, size_t>> raised;  // (kind, claim, claim) reported
  StemVocabulary vocabulary;
  // Full documents per event: an omission is claimed only against the documents of the event
  // the cluster's claims report.
  auto event_of = [&](size_t document) {
    return document < alignment.document_events.size() ? alignment.document_events[document] : 0;
  };
  // A copy (wire copy, a reprint) is not an independent account: it neither makes a fact "most
  // outlets report" nor is it held to omit one.
  auto is_copy = [&](size_t document) {
    return document < alignment.document_copies.size() && alignment.document_copies[document] >= 0;
  };
  auto independent_full = [&](size_t document) {
    return !documents[document].partial && !is_copy(document);
  };
  std::map<size_t, size_t> full_documents_of_event;
  for (size_t d = 0; d < documents.size(); ++d) {
    if (independent_full(d)) ++full_documents_of_event[event_of(d)];
  }

  for (size_t k = 0; k < alignment.clusters.size(); ++k) {
    const auto& members = alignment.cluster_members[k];
    std::set<size_t> docs;
    for (size_t m : members) docs.insert(alignment.claims[m].document_index);
    Cluster& cluster = out.clusters[k];
    cluster.verdict = docs.size() >= 2 ? Verdict::kAgree : Verdict::kSingle;
    if (docs.size() < 2) continue;
    // The claims telling an event itself: their facts are compared in their own clusters.
    if (alignment.clusters[k].basis == ClusterBasis::kEvent) continue;

    // A value facet lines up one figure or date across claims that may say different things
    // otherwise: only that value is compared there.
    const ClusterBasis facet = alignment.clusters[k].basis;
    std::map<std::pair<FindingKind, std::string>, FindingBuilder> builders;
    // Every claim is compared with the cluster's first kMaxAnchors claims, not with every
    // other: work stays linear in cluster size (a cluster of replicated wire copy can hold
    // thousands), and a disagreement still meets one of the anchors.
    constexpr size_t kMaxAnchors = 16;
    // Stem sets, quote words and quantity keys of the members, for the comparisons: computed
    // once per member, not once per pair.
    std::vector<StemSet> stems;
    std::vector<std::vector<std::set<std::string>>> quote_words;
    std::vector<std::vector<std::string>> quantity_keys;
    if (facet == ClusterBasis::kStatement || facet == ClusterBasis::kQuantity) {
      quantity_keys.reserve(members.size());
      for (size_t m : members) quantity_keys.push_back(QuantityKeys(alignment.claims[m]));
    }
    if (facet == ClusterBasis::kStatement) {
      stems.reserve(members.size());
      quote_words.reserve(members.size());
      for (size_t m : members) {
        const ClaimModel& c = alignment.claims[m];
        stems.push_back(vocabulary.Of(c));
        quote_words.push_back(QuoteWords(c, documents[c.document_index]));
      }
    }
    for (size_t x = 0; x < std::min(members.size(), kMaxAnchors); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        const ClaimModel& a = alignment.claims[members[x]];
        const ClaimModel& b = alignment.claims[members[y]];
        if (a.document_index == b.document_index) continue;  // outlets are compared, not lines
        const Document& da = documents[a.document_index];
        const Document& db = documents[b.document_index];
        auto report = [&](const std::optional<PairConflict>& conflict) {
          if (!conflict) return;
          // A pair that already disagrees in an earlier cluster is not reported twice.
          if (!raised.insert({conflict->kind, members[x], members[y]}).second) return;
          // One finding per kind and topic: a vote tally and an amount are two disagreements.
          FindingBuilder& f = builders[{conflict->kind, conflict->topic}];
          f.kind = conflict->kind;
          if (f.topic.empty()) f.topic = conflict->topic;
          f.confidence = std::max(f.confidence, conflict->confidence);
          f.sides.emplace(members[x], conflict->a);
          f.sides.emplace(members[y], conflict->b);
        };
        if (facet == ClusterBasis::kQuantity) {
          report(CompareQuantities(a, b, quantity_keys[x], quantity_keys[y]));
        } else if (facet == ClusterBasis::kAct) {
          report(CompareActs(a, b));
        } else if (facet == ClusterBasis::kDate) {
          report(CompareDates(a, b));
        } else {
          const double stem_jaccard = StemJaccard(stems[x], stems[y]);
          report(CompareQuantities(a, b, quantity_keys[x], quantity_keys[y]));
          report(CompareDates(a, b));
          report(ComparePolarity(a, b, stem_jaccard));
          report(CompareIntent(a, b));
          report(CompareModality(a, b, stem_jaccard));
          report(CompareQuotes(a, b, da, db, stem_jaccard, quote_words[x], quote_words[y]));
          report(CompareActs(a, b));
          report(CompareEntities(a, b, stem_jaccard));
          report(CompareBodies(a, b, stem_jaccard));
        }
      }
    }
    for (auto& [key, f] : builders) {
      const FindingKind kind = key.first;
      Finding finding;
      finding.kind = kind;
      finding.cluster_id = cluster.id;
      finding.confidence = f.confidence;
      finding.severity = SeverityOf(kind, f.confidence);
      // Group the sides by value, in order of first appearance.
      std::vector<std::pair<std::string, std::vector<std::string>>> groups;
      for (const auto& [index, side] : f.sides) {
        const ClaimModel& c = alignment.claims[index];
        const Document& doc = documents[c.document_index];
        finding.claim_ids.push_back(c.claim.id);
        finding.values.push_back({doc.id, c.claim.id, side.value, side.evidence});
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&value = side.value](const auto& g) { return g.first == value; });
        if (it == groups.end()) {
          groups.push_back({side.value, {}});
          it = groups.end() - 1;
        }
        it->second.push_back(doc.outlet.empty() ? doc.id : doc.outlet);
      }
      std::string summary = "Outlets disagree on " + f.topic + ": ";
      for (size_t g = 0; g < groups.size(); ++g) {
        if (g > 0) summary += g + 1 == groups.size() ? ", but " : ", ";
        summary += JoinOutlets(groups[g].second) +
                   (groups[g].second.size() > 1 ? " say " : " says ") + groups[g].first;
      }
      finding.summary = summary + ".";
      out.findings.push_back(std::move(finding));
      cluster.verdict = Verdict::kConflict;
    }

    // Omission: a fact most full documents report that a full document leaves out.
    const size_t event = event_of(*docs.begin());
    const size_t full_documents = full_documents_of_event[event];
    size_t reporting = 0;  // independent full documents stating it
    for (size_t d : docs) reporting += independent_full(d) ? 1 : 0;
    if (options.report_omissions && facet == ClusterBasis::kStatement && full_documents >= 4 &&
        reporting >= 3 && reporting < full_documents &&
        static_cast<double>(reporting) >= options.omission_share * full_documents) {
      for (size_t d = 0; d < documents.size(); ++d) {
        if (docs.count(d) || !independent_full(d) || event_of(d) != event) continue;
        Finding o;
        o.kind = FindingKind::kOmission;
        o.cluster_id = cluster.id;
        std::vector<std::string> outlets;
        for (size_t m : members) {
          const ClaimModel& c = alignment.claims[m];
          o.claim_ids.push_back(c.claim.id);
          o.values.push_back(
              {documents[c.document_index].id, c.claim.id, "reports it", c.claim.span});
          outlets.push_back(documents[c.document_index].outlet);
        }
        o.values.push_back({documents[d].id, "", "does not report it", {}});
        o.confidence = 0.5;
        o.severity = Severity::kLow;
        const std::string& missing =
            documents[d].outlet.empty() ? documents[d].id : documents[d].outlet;
        o.summary = missing + " does not report what " + std::to_string(reporting) +
                    " other outlets do: \"" + alignment.claims[members.front()].claim.text + "\"";
        omissions.push_back(std::move(o));
      }
    }
  }
  for (auto& o : omissions) out.findings.push_back(std::move(o));
  for (size_t i = 0; i < out.findings.size(); ++i) out.findings[i].id = "f" + std::to_string(i + 1);
  return out;
}

}  // namespace parallax::compare
