#include "claim_text.h"

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

bool SameSubject(const align::Quantity& a, const align::Quantity& b) {
  // A noun that says what is counted ("engines", "vessels") is enough; "people" is not: four
  // people injured and 400 people evacuated are two counts.
  const bool generic = a.noun == "peopl" || a.noun == "person" || a.noun == "men" ||
                       a.noun == "women" || a.noun == "time" || a.noun == "other";
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
