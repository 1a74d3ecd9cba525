// The comparison rules: each reads two claims of a cluster, from different documents, and
// returns the conflict between them of its kind, if any. Private to compare/; CompareClusters
// (compare.cpp) runs them and gathers their conflicts into findings.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "claim_text.h"
#include "parallax/core/document.h"
#include "parallax/core/finding.h"

namespace parallax::compare {

struct Side {
  std::string value;
  Span evidence;
};

struct PairConflict {
  FindingKind kind;
  std::string topic;  // what the outlets disagree about, as a noun phrase
  Side a, b;
  double confidence;
  // Conflicts of one kind and group in a cluster are one finding; "" groups them by topic. A
  // topic in a text's own words ("how many injured") needs a group that does not vary with the
  // wording ("count:injur").
  std::string group = {};
};

// value_rules.cpp: figures and dates.
// QuantityKey of each of the claim's quantities, in the order of ClaimModel::quantities.
std::vector<std::string> QuantityKeys(const ClaimModel& c);
// `keys_a` and `keys_b` are QuantityKeys of a and b.
std::optional<PairConflict> CompareQuantities(const ClaimModel& a, const ClaimModel& b,
                                              const std::vector<std::string>& keys_a,
                                              const std::vector<std::string>& keys_b);
// Dates or clock times of one act ("arrived on Monday" / "arrived on Tuesday") that cannot both
// hold; a less precise date agrees with a more precise one. `lined_up`: the claims are a date
// facet's (align/ lined their dates up as one fact), so one date each is one act's.
std::optional<PairConflict> CompareDates(const ClaimModel& a, const ClaimModel& b,
                                         bool lined_up = false);

// polarity_rules.cpp: what happened, will happen, or was denied.
// One act asserted by one claim and negated by the other ("signed" / "did not sign"), when the
// negation covers words the other asserts. `stem_jaccard` is StemJaccard(a, b).
std::optional<PairConflict> ComparePolarity(const ClaimModel& a, const ClaimModel& b,
                                            double stem_jaccard);
// What someone will do, told two ways that cannot both hold, about a named actor both claims
// share: "she will not veto it" against "she is expected to veto it", and "she will sign it"
// against "she is expected to veto it". Forecasts against each other, not against outcomes;
// one side at least is a forecast ("expected", "may", "plans").
std::optional<PairConflict> CompareIntent(const ClaimModel& a, const ClaimModel& b);
// Two modalities of one statement that cannot both be the whole story: "the ministry denied
// that X" against "X" told as fact, and "X is expected" against "X happened". The second is a
// weaker finding (the forecast may simply be older), so it comes with a low confidence.
// `stem_jaccard` is StemJaccard(a, b).
std::optional<PairConflict> CompareModality(const ClaimModel& a, const ClaimModel& b,
                                            double stem_jaccard);

// Whether a claim tells something open ("reopened", "is open", "running again") or closed
// ("remained closed", "is still shut"), both, or neither. A state word after "not" within three
// words ("is not expected to reopen") tells neither; "closed" needs a linking verb or "still"
// before it ("behind closed doors" is no closure).
enum class OpenState { kNone, kOpen, kClosed, kBoth };
OpenState OpenOrClosed(const ClaimModel& c);
// A place or service told open on one side and closed on the other ("reopened to flights" /
// "remained closed", "trains were running again" / "the line is closed"), on the same day: the
// day each claim states, else its document's publication day. Different days are a story told
// over time, not a clash. The two must name someone alike or share two content stems.
// `state_a`, `state_b` are OpenOrClosed of a and b.
std::optional<PairConflict> CompareStates(const ClaimModel& a, const ClaimModel& b,
                                          OpenState state_a, OpenState state_b, const Document& da,
                                          const Document& db);

// naming_rules.cpp: who said it, in what words, who acted, who and where.
// The words of each of the claim's quotes, in the order of ClaimModel::quotes.
std::vector<std::set<std::string>> QuoteWords(const ClaimModel& c, const Document& doc);
// `stem_jaccard` is StemJaccard(a, b); `words_a` and `words_b` are QuoteWords of a and b.
std::optional<PairConflict> CompareQuotes(const ClaimModel& a, const ClaimModel& b,
                                          const Document& da, const Document& db,
                                          double stem_jaccard,
                                          const std::vector<std::set<std::string>>& words_a,
                                          const std::vector<std::set<std::string>>& words_b);
// One kind of act credited to different agents ("proposed by X" / "at the proposal of Y").
std::optional<PairConflict> CompareActs(const ClaimModel& a, const ClaimModel& b);
// Two aligned claims naming different venues, or different titled people in the same role.
// `stem_jaccard` is StemJaccard(a, b).
std::optional<PairConflict> CompareEntities(const ClaimModel& a, const ClaimModel& b,
                                            double stem_jaccard);
// Two aligned claims crediting the same role to different bodies of one kind: "the Federal
// Transit Administration" against "the Federal Railroad Administration". Only when neither
// claim also names the other's body. `stem_jaccard` is StemJaccard(a, b).
std::optional<PairConflict> CompareBodies(const ClaimModel& a, const ClaimModel& b,
                                          double stem_jaccard);

}  // namespace parallax::compare
