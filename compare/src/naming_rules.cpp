// Naming: who said it and in what words, who took the initiative, and who or where.
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "rules.h"

namespace parallax::compare {
namespace {

std::set<std::string> ContentWords(const std::set<std::string>& words) {
  static const std::set<std::string_view> kFunctionWords = {
      "with", "have", "that", "this",  "from",  "they",  "were", "been", "will", "would",
      "what", "when", "your", "their", "there", "about", "into", "them", "than", "then"};
  std::set<std::string> out;
  for (const auto& w : words) {
    if (w.size() >= 4 && !kFunctionWords.count(w)) out.insert(w);
  }
  return out;
}

// One quote holds every content word of the other: the same words, or a shortening.
bool Shortening(const std::set<std::string>& a, const std::set<std::string>& b) {
  const auto ca = ContentWords(a), cb = ContentWords(b);
  return std::includes(ca.begin(), ca.end(), cb.begin(), cb.end()) ||
         std::includes(cb.begin(), cb.end(), ca.begin(), ca.end());
}

// One utterance quoted in two wordings: the quotes share two or more content words (words of
// four letters or more, common function words aside), neither is a shortening of the other, and
// either they share less than most of the smaller one's content words ("writing a check with
// money we do not have" against "writing a blank check on our grandchildren's credit card") or
// most of their words are the same around a word changed ("a fair deal for the people who work
// the sea" against "a victory for the people who work the sea").
bool Misquoted(const std::set<std::string>& a, const std::set<std::string>& b) {
  const auto ca = ContentWords(a), cb = ContentWords(b);
  size_t shared = 0;
  for (const auto& w : ca) shared += cb.count(w);
  if (shared < 2 || Shortening(a, b)) return false;
  const size_t smaller = std::min(ca.size(), cb.size());
  return static_cast<double>(shared) < 0.7 * static_cast<double>(smaller) || Jaccard(a, b) >= 0.5;
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

// Two organisations' names are one when they share a name word beyond the last, which says
// what kind of body it is: "Northfield Coal Company" is "Northfield Coal", but "Coastal Valley
// Railways" is not "National State Railways". A one-word name is compared whole.
bool SameOrganisation(const std::string& a, const std::string& b) {
  auto without_kind = [](const std::string& key) {
    const size_t space = key.rfind(' ');
    return space == std::string::npos ? key : key.substr(0, space);
  };
  return align::SameEntity(without_kind(a), without_kind(b));
}

// Two names of places are one when one's words, kind words such as "station" and small words
// aside, hold all of the other's: "the Eastbrook guesthouse" is "Eastbrook State Guesthouse",
// but "Northgate Riverside station" is not "Northgate Central", though the two share a word.
bool SamePlace(const std::string& a, const std::string& b) {
  auto name_words = [](const std::string& key) {
    std::set<std::string> out;
    for (const auto& w : Words(key)) {
      if (!align::IsVenue(w) && w != "the" && w != "of") out.insert(w);
    }
    return out;
  };
  const auto wa = name_words(a), wb = name_words(b);
  return std::includes(wa.begin(), wa.end(), wb.begin(), wb.end()) ||
         std::includes(wb.begin(), wb.end(), wa.begin(), wa.end());
}

// The claim dates or counts something of an earlier time ("the 2019 storm's", "weeks ago"), or
// writes a year ("in 2017"): an event's own day is told by its day, not its year.
bool TellsOfEarlierTime(const ClaimModel& c) {
  auto year = [](const std::string& w) {
    return w.size() == 4 && (w.starts_with("19") || w.starts_with("20")) &&
           std::all_of(w.begin(), w.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  };
  return std::any_of(c.dates.begin(), c.dates.end(),
                     [](const auto& d) { return d.earlier != 0; }) ||
         std::any_of(c.quantities.begin(), c.quantities.end(),
                     [](const auto& q) { return q.earlier != 0; }) ||
         AnyWord(c.claim.text, year);
}

// Two place names are one: they share a name word and, venue words aside, one holds the other's.
bool SamePlaceName(const std::string& a, const std::string& b) {
  return align::SameEntity(a, b) && SamePlace(a, b);
}

// Two space-separated word lists share a word.
bool ShareAWord(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  const auto wa = Words(a), wb = Words(b);
  return std::any_of(wa.begin(), wa.end(), [&](const std::string& w) { return wb.count(w) > 0; });
}

}  // namespace

std::vector<std::set<std::string>> QuoteWords(const ClaimModel& c, const Document& doc) {
  std::vector<std::set<std::string>> out;
  out.reserve(c.quotes.size());
  for (const auto& q : c.quotes) out.push_back(Words(TextAt(doc, c, q.span)));
  return out;
}

std::optional<PairConflict> CompareQuotes(const ClaimModel& a, const ClaimModel& b,
                                          const Document& da, const Document& db,
                                          double stem_jaccard,
                                          const std::vector<std::set<std::string>>& words_a,
                                          const std::vector<std::set<std::string>>& words_b) {
  // A quote the other claim also carries, in much the same words, is not said differently by
  // another of its quotes: one outlet quoting two remarks, the other one of them.
  auto echoed = [](const std::set<std::string>& w, const std::vector<std::set<std::string>>& in) {
    return std::any_of(in.begin(), in.end(), [&](const auto& x) { return Shortening(w, x); });
  };
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const auto& qa = a.quotes[i];
    const auto& wa = words_a[i];
    for (size_t j = 0; j < b.quotes.size(); ++j) {
      const auto& qb = b.quotes[j];
      const auto& wb = words_b[j];
      if (wa.size() < 3 || wb.size() < 3) continue;
      const double overlap = Jaccard(wa, wb);
      // Computed only where a rule needs it: most compared quotes are the same words.
      auto reworded = [&] { return !echoed(wa, words_b) && !echoed(wb, words_a); };
      const bool same_speaker = align::SameEntity(qa.speaker, qb.speaker);
      const bool both_known = !qa.speaker.empty() && !qb.speaker.empty();
      // A speaker guessed from "she said" is not held against another outlet's.
      const bool both_named = !qa.speaker_inferred && !qb.speaker_inferred;
      if (overlap >= 0.6 && both_known && both_named && !same_speaker) {
        return PairConflict{FindingKind::kAttribution,
                            "who said it",
                            {DisplayName(a, qa.speaker), qa.span},
                            {DisplayName(b, qb.speaker), qb.span},
                            0.8};
      }
      // Entirely different words from one speaker: one remark quoted two ways only when the
      // claims around them say much the same (a speaker says many things).
      if (same_speaker && overlap < 0.15 && wa.size() <= 15 && wb.size() <= 15 &&
          stem_jaccard >= 0.3 && reworded()) {
        return PairConflict{FindingKind::kQuote,
                            "what " + DisplayName(a, qa.speaker) + " said",
                            {"\"" + TextAt(da, a, qa.span) + "\"", qa.span},
                            {"\"" + TextAt(db, b, qb.span) + "\"", qb.span},
                            0.6};
      }
      // A speaker left unknown (a role that could be two people) is not another speaker: most
      // of the words the same around a word changed is one remark quoted two ways.
      const bool one_unknown = qa.speaker.empty() != qb.speaker.empty() && overlap >= 0.5;
      if (((same_speaker && both_known) || one_unknown) && Misquoted(wa, wb) && reworded()) {
        const std::string who =
            qa.speaker.empty() ? DisplayName(b, qb.speaker) : DisplayName(a, qa.speaker);
        return PairConflict{FindingKind::kQuote,
                            "how " + who + " was quoted",
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
      // One title's holders: "the lone dissenter" is not "the only member to abstain".
      const bool title = xa.kind == "title";
      if (title && xa.object != xb.object) continue;
      if (title && !align::SameEntity(xa.agent, xb.agent)) {
        return PairConflict{FindingKind::kEntity,
                            "who was the " + xa.object,
                            {DisplayName(a, xa.agent), xa.span},
                            {DisplayName(b, xb.agent), xb.span},
                            0.6};
      }
      if (title) continue;
      // Where it happened, by the place it was near: "made landfall near X" / "near Y".
      const bool place = xa.kind == "place";
      if (place && xa.object != xb.object) continue;
      // Background: "that hurricane came ashore near X in 2017".
      if (place && (TellsOfEarlierTime(a) || TellsOfEarlierTime(b))) continue;
      if (place && !SamePlaceName(xa.agent, xb.agent)) {
        return PairConflict{FindingKind::kEntity,
                            "where it happened",
                            {DisplayName(a, xa.agent), xa.span},
                            {DisplayName(b, xb.agent), xb.span},
                            0.6};
      }
      if (place) continue;
      const bool operation = xa.kind == "operator";
      if (operation ? SameOrganisation(xa.agent, xb.agent)
                    : align::SameEntity(xa.agent, xb.agent)) {
        return std::nullopt;
      }
      // An initiative is rare enough in one event to be one act told twice, and so is who
      // operates the site; orders and declarations are many ("ordered the evacuation",
      // "ordered an inquiry"): they must be of the same thing.
      const bool initiative = xa.kind == "initiative";
      if (!initiative && !operation && !ShareAWord(xa.object, xb.object)) continue;
      // Who led or operates it is a question of who was in that role: an entity finding.
      const bool lead = xa.kind == "lead";
      return PairConflict{lead || operation ? FindingKind::kEntity : FindingKind::kAttribution,
                          initiative           ? "who took the initiative"
                          : xa.kind == "order" ? "who gave the order"
                          : lead               ? "who led it"
                          : operation          ? "who operates it"
                                               : "who made the declaration",
                          {DisplayName(a, xa.agent), xa.span},
                          {DisplayName(b, xb.agent), xb.span},
                          0.6};
    }
  }
  return std::nullopt;
}

std::optional<PairConflict> CompareEntities(const ClaimModel& a, const ClaimModel& b,
                                            double stem_jaccard) {
  if (stem_jaccard < 0.15) return std::nullopt;
  auto unmatched = [](const ClaimModel& x, const ClaimModel& y) {
    std::vector<const align::Entity*> out;
    for (const auto& e : x.entities) {
      // Names inside a quotation are the speaker's words, not the account's cast; a possessor
      // ("Orvell's three co-defendants") is not the one the claim is about.
      if (e.quoted || e.possessive) continue;
      bool found = false;
      for (const auto& f : y.entities) {
        if (found || !align::SameEntity(e.key, f.key)) continue;
        // A place is matched only by its own name: two stations of one town share a word.
        const bool place = align::IsVenue(e.key) || align::IsVenue(f.key);
        found = !place || SamePlace(e.key, f.key);
      }
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
  if (ua.empty()) return std::nullopt;  // the common case, cheapest first
  const auto ub = unmatched(b, a);
  if (ub.empty()) return std::nullopt;
  // The two must say the same of whoever they name, two words beyond the names: "Vosk arrived
  // from City Hall" and "Grell leaves City Hall" tell two acts, not one act of two people.
  if (SharedContentStems(a, b) < 2) return std::nullopt;
  for (auto kind : {&align::IsVenue, &align::IsTitledPerson}) {
    if (matched_all(a, b, kind)) continue;  // they share one such entity: no contradiction
    const bool venue = kind == &align::IsVenue;
    std::vector<bool> kind_b(ub.size());
    for (size_t j = 0; j < ub.size(); ++j) kind_b[j] = kind(ub[j]->key);
    for (const auto* ea : ua) {
      const bool kind_a = kind(ea->key);
      if (!kind_a && !venue) continue;
      for (size_t j = 0; j < ub.size(); ++j) {
        const auto* eb = ub[j];
        // Two of its kind, or a venue against a name it shares a word with but is not
        // ("Northgate Riverside station" against "Northgate Central").
        const bool both = kind_a && kind_b[j];
        const bool namesake = venue && (kind_a || kind_b[j]) && align::SameEntity(ea->key, eb->key);
        if (!both && !namesake) continue;
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

std::optional<PairConflict> CompareBodies(const ClaimModel& a, const ClaimModel& b,
                                          double stem_jaccard) {
  if (stem_jaccard < 0.15) return std::nullopt;
  auto names = [](const ClaimModel& x, const std::string& key) {
    for (const auto& e : x.entities) {
      if (SameBody(e.key, key)) return true;
    }
    return false;
  };
  // A firm is one by what the event's outlets call it (Entity::kind); a company by its name.
  auto kind_of = [](const align::Entity& e) {
    std::string kind = e.kind.empty() ? BodyKind(e.key) : e.kind;
    return kind == "company" ? std::string("firm") : kind;
  };
  for (const auto& ea : a.entities) {
    if (ea.quoted) continue;
    const std::string kind = kind_of(ea);
    if (kind.empty() || names(b, ea.key)) continue;
    for (const auto& eb : b.entities) {
      if (eb.quoted || kind_of(eb) != kind || names(a, eb.key)) continue;
      return PairConflict{
          FindingKind::kEntity, "which " + kind, {ea.surface, ea.span}, {eb.surface, eb.span}, 0.5};
    }
  }
  return std::nullopt;
}

}  // namespace parallax::compare
