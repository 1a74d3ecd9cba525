// Figures and dates: values of one kind said of the same thing that cannot both be true.
#include <cctype>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "parallax/compare/compare.h"
#include "rules.h"
#include "values.h"

namespace parallax::compare {

std::vector<std::string> QuantityKeys(const ClaimModel& c) {
  std::vector<std::string> out;
  out.reserve(c.quantities.size());
  for (const auto& q : c.quantities) out.push_back(QuantityKey(q));
  return out;
}

std::optional<PairConflict> CompareQuantities(const ClaimModel& a, const ClaimModel& b,
                                              const std::vector<std::string>& keys_a,
                                              const std::vector<std::string>& keys_b) {
  for (size_t i = 0; i < a.quantities.size(); ++i) {
    const auto& qa = a.quantities[i];
    if (qa.example) continue;  // each outlet picks its own worked example
    const std::string& key = keys_a[i];
    bool b_has = false, any_compatible = false;
    const align::Quantity* other = nullptr;
    for (size_t j = 0; j < b.quantities.size(); ++j) {
      const auto& qb = b.quantities[j];
      // A figure of an earlier year ("the 2019 memorandum allowed 31,500 tonnes") is
      // background, compared with figures of that year only.
      // A wish ("favoured a 25bp rise") is compared with wishes only.
      if (keys_b[j] != key || !SameSubject(qa, qb) || qa.earlier != qb.earlier ||
          qa.wanted != qb.wanted) {
        continue;
      }
      if (qb.example) continue;
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
                        0.8,
                        key};
  }
  return std::nullopt;
}

namespace {

// Jaccard of the claims' distinct stems other than figures and month and weekday names.
double WordJaccard(const ClaimModel& a, const ClaimModel& b) {
  static const std::set<std::string> kCalendar = {
      "januari",   "februari", "march",  "april",    "may",    "june",   "juli",
      "august",    "septemb",  "octob",  "novemb",   "decemb", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday"};
  auto words = [](const ClaimModel& c) {
    std::set<std::string> out;
    for (const auto& s : c.stems) {
      if (!s.empty() && !std::isdigit(static_cast<unsigned char>(s[0])) && !kCalendar.count(s)) {
        out.insert(s);
      }
    }
    return out;
  };
  return Jaccard(words(a), words(b));
}

// The claims state one figure alike, beyond the smallest counts: "halted 4 minutes and 20
// seconds before liftoff" and "came just over four minutes before lift-off" tell of one moment.
bool ShareAFigure(const ClaimModel& a, const ClaimModel& b) {
  for (const auto& qa : a.quantities) {
    if (qa.unit == "ordinal" || (qa.unit == "count" && qa.low < 3) || qa.earlier != 0 ||
        qa.example || qa.wanted) {
      continue;
    }
    for (const auto& qb : b.quantities) {
      if (qb.unit != qa.unit || qb.noun != qa.noun || qb.earlier != 0 || qb.wanted) continue;
      if (QuantitiesCompatible(qa, qb)) return true;
    }
  }
  return false;
}

}  // namespace

std::optional<PairConflict> CompareDates(const ClaimModel& a, const ClaimModel& b, bool lined_up) {
  // Only dates said of the same act ("arrived on Monday" / "arrived on Tuesday") are compared;
  // any compatible pair of them means the accounts agree.
  // Claims that say much the same thing around one date each speak of one act too.
  // Not for a day told relative to publication ("last night"): two outlets' "last night" may
  // be two nights, and what each says happened then may well be two states of one story.
  // Plans are fewer than past acts, and so are moments told to the minute: two claims of one
  // date each, both yet to come or both a clock time (not a part of the day), that say even a
  // little the same ("will be sworn in on 1 June" / "takes office on 8 June", "derailed just
  // before 8 p.m." / "crashed at about 8.30pm") tell of one plan or one moment.
  const bool one_each =
      a.dates.size() == 1 && b.dates.size() == 1 && !a.dates[0].relative && !b.dates[0].relative;
  const bool both_ahead = one_each && a.dates[0].ahead && b.dates[0].ahead;
  auto moment = [](const align::DateRef& d) {
    return d.minute_low >= 0 && d.minute_high - d.minute_low <= 90;
  };
  const bool both_moments = one_each && moment(a.dates[0]) && moment(b.dates[0]);
  const double overlap = one_each && !lined_up ? StemJaccard(a, b) : 0;
  // For moments, the words beyond the figures and calendar words: "04:14 GMT on 3 November" and
  // "05:14 UTC on 3 November" share "14", "3" and "November" whatever they tell of.
  const bool one_act = one_each && (lined_up || overlap >= 0.3 || (both_ahead && overlap >= 0.2) ||
                                    (both_moments && WordJaccard(a, b) >= 0.2) ||
                                    (overlap >= 0.15 && ShareAFigure(a, b)));
  const align::DateRef* clash_a = nullptr;
  const align::DateRef* clash_b = nullptr;
  for (const auto& da : a.dates) {
    for (const auto& db : b.dates) {
      if (!one_act && !SameContext(da.context, db.context)) continue;
      if (da.earlier != db.earlier) continue;  // background of an earlier year
      // The same relative day in papers of different days ("last night" on Wednesday and on
      // Thursday) is each writer's own night: a story followed over days, not one act dated
      // twice.
      if (da.relative && db.relative && da.relative_offset == db.relative_offset) continue;
      // A bare year is compared with bare years only (see facets.cpp).
      if ((da.month == 0) != (db.month == 0)) continue;
      if (DatesCompatible(da, db)) return std::nullopt;
      if (clash_a == nullptr) {
        clash_a = &da;
        clash_b = &db;
      }
    }
  }
  if (clash_a == nullptr) return std::nullopt;
  // Dates both yet to come ("will meet again on 23 April"): when it is to happen.
  const bool ahead = clash_a->ahead && clash_b->ahead;
  return PairConflict{FindingKind::kTime,
                      ahead ? "when it will happen" : "when it happened",
                      {DescribeDate(*clash_a), clash_a->span},
                      {DescribeDate(*clash_b), clash_b->span},
                      0.7};
}

}  // namespace parallax::compare
