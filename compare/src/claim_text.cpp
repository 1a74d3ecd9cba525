#include "claim_text.h"

#include <algorithm>
#include <utility>

namespace parallax::compare {

std::set<std::string> Words(const std::string& text) {
  std::set<std::string> out;
  AnyWord(text, [&](const std::string& w) {
    out.insert(w);
    return false;
  });
  return out;
}

double StemJaccard(const StemSet& a, const StemSet& b) {
  return Jaccard(a, b);
}

double StemJaccard(const ClaimModel& a, const ClaimModel& b) {
  auto distinct = [](const ClaimModel& c) {
    std::vector<std::string_view> out(c.stems.begin(), c.stems.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  return Jaccard(distinct(a), distinct(b));
}

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

bool SameContext(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& x : a) {
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  }
  return false;
}

namespace {

// Words that make a figure a derived one ("a margin of 11,316 votes", "a lead of four points",
// "the remaining $148 million", "two years short of the eight sought"): it is not a count of the
// same thing as a plain one.
bool DerivedMeasure(const std::string& stem) {
  static const std::set<std::string> kDerived = {"margin",  "lead", "gap",    "major", "differ",
                                                 "remaind", "rest", "averag", "short"};
  return kDerived.count(stem) > 0;
}

}  // namespace

bool SameSubject(const align::Quantity& a, const align::Quantity& b) {
  // Amounts and counts more than tenfold apart are two things ("the repair bill will hit 40
  // million" / "the backlog of repairs is 1.9bn"; "80 nurses walked out at one hospital" /
  // "3,400 nurses walked out"), not one figure misreported. Shares and durations have rules of
  // their own.
  if (a.unit != "%" && a.unit != "h" && a.unit != "tally" && a.unit != "ordinal" && a.low > 0 &&
      b.low > 0 && std::max(a.high, b.high) > 10 * std::min(a.low, b.low) &&
      std::max(a.low, b.low) > 10 * std::min(a.high, b.high)) {
    return false;
  }
  // A figure said to be a margin, a lead or a total is compared only with one said so too.
  for (const auto* x : {&a, &b}) {
    const auto* y = x == &a ? &b : &a;
    for (const auto& stem : x->context) {
      if (DerivedMeasure(stem) &&
          std::find(y->context.begin(), y->context.end(), stem) == y->context.end()) {
        return false;
      }
    }
  }
  // The dead and the hurt are counts of their own, and two counts ("two killed and 38
  // injured"): "two passengers were killed" is not "carrying 140 passengers". "kill", "wound"
  // and "hurt" read as "die" and "injur" (ContentStem).
  auto casualties = [](const align::Quantity& q) {
    const auto has = [&](const char* stem) {
      return std::find(q.context.begin(), q.context.end(), stem) != q.context.end();
    };
    return std::pair{has("die"), has("injur")};
  };
  if (casualties(a) != casualties(b)) return false;
  if (a.unit == "age") return !a.noun.empty() && a.noun == b.noun;  // ages of one person
  // A noun that says what is counted ("engines", "vessels") is enough; "people" is not: four
  // people injured and 400 people evacuated are two counts.
  const bool generic = a.noun == "peopl" || a.noun == "men" || a.noun == "women" ||
                       a.noun == "time" || a.noun == "other";
  if (!a.noun.empty() && a.noun == b.noun && !generic) return true;
  return SameContext(a.context, b.context);
}

std::string TextAt(const Document& doc, const ClaimModel& claim, Span s) {
  const std::string& field = claim.claim.field == ClaimField::kTitle ? doc.title : doc.text;
  if (s.end > field.size() || s.begin > s.end) return {};
  return field.substr(s.begin, s.size());
}

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

}  // namespace parallax::compare

namespace parallax::compare {

size_t SharedContentStems(const ClaimModel& a, const ClaimModel& b) {
  std::set<std::string> names;
  for (const auto* c : {&a, &b}) {
    for (const auto& e : c->entities) {
      for (const auto& w : Words(e.key)) names.insert(w);
    }
  }
  // A stem is a name's when a name word starts with it ("benn" of "benning").
  auto of_a_name = [&](const std::string& stem) {
    auto it = names.lower_bound(stem);
    return it != names.end() && it->compare(0, stem.size(), stem) == 0;
  };
  std::set<std::string> sa(a.stems.begin(), a.stems.end());
  size_t shared = 0;
  for (const auto& s : std::set<std::string>(b.stems.begin(), b.stems.end())) {
    shared += sa.count(s) && !of_a_name(s) ? 1 : 0;
  }
  return shared;
}

std::string DisplayName(const ClaimModel& c, const std::string& key) {
  // The key's words capitalised, so that one key always reads the same (sides are grouped by
  // value); an acronym as written ("EU", "VMS").
  for (const auto& e : c.entities) {
    if (e.key != key || e.surface.empty()) continue;
    const bool acronym = std::none_of(e.surface.begin(), e.surface.end(), [](char ch) {
      return (ch >= 'a' && ch <= 'z') || ch == ' ';
    });
    if (acronym) return e.surface;
  }
  std::string out = key;
  bool start = true;
  for (char& ch : out) {
    if (start && ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    start = ch == ' ' || ch == '-';
  }
  return out;
}

}  // namespace parallax::compare
