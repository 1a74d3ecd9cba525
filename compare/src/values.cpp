#include "values.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "parallax/compare/compare.h"

namespace parallax::compare {

using align::Bound;
using align::Quantity;

void QuantityInterval(const Quantity& q, double& low, double& high) {
  // Rounding: a value stands for +/- half a unit of its last written digit ("7 miles" for
  // 6.8, "62%" for 62.4%), and never less than a relative 0.1%.
  const double slack_low = std::max(0.5 * q.resolution, std::fabs(q.low) * 0.001);
  const double slack_high = std::max(0.5 * q.resolution, std::fabs(q.high) * 0.001);
  const double inf = std::numeric_limits<double>::infinity();
  if (q.unit == "tally") {  // a vote count is exact
    low = q.low;
    high = q.high;
    return;
  }
  switch (q.bound) {
    case Bound::kExact:
    case Bound::kUpTo:
    case Bound::kRange:
      low = q.low - slack_low;
      high = q.high + slack_high;
      return;
    case Bound::kApprox:
      low = q.low - align::ApproximationMargin(q, q.low) - slack_low;
      high = q.high + align::ApproximationMargin(q, q.high) + slack_high;
      return;
    case Bound::kAtLeast:
      low = q.low - slack_low;
      high = inf;
      return;
    case Bound::kAtMost:
      low = -inf;
      high = q.high + slack_high;
      return;
  }
}

bool QuantitiesCompatible(const Quantity& a, const Quantity& b) {
  if (QuantityKey(a) != QuantityKey(b)) return true;
  // Durations more than a week's worth of hours apart measure different spans ("three hours of
  // talks", "the first talks in two years"), not one span told two ways.
  if (a.unit == "h" && a.low > 0 && b.low > 0 &&
      std::max(a.low, b.low) / std::min(a.low, b.low) > 24 * 7) {
    return true;
  }
  if (a.unit == "tally") return a.low == b.low;  // exact: "7-4" agrees with "seven to four" only
  double al, ah, bl, bh;
  QuantityInterval(a, al, ah);
  QuantityInterval(b, bl, bh);
  // Strict: adjacent whole numbers ("13th", "14th") touch at 13.5 but do not overlap.
  return al < bh && bl < ah;
}

std::string QuantityKey(const Quantity& q) {
  if (q.unit == "count" || q.unit == "ordinal" || q.unit == "age") return q.unit + ":" + q.noun;
  return q.unit;
}

namespace {

std::string FormatNumber(double v) {
  char buf[64];
  if (std::fabs(v - std::round(v)) < 1e-9) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.3g", v);
    if (std::fabs(v) >= 100) std::snprintf(buf, sizeof buf, "%.1f", v);
  }
  return buf;
}

// Counts and sums as a reader writes them: "4,200", "412 m", "1.2 bn".
std::string FormatAmount(double v) {
  if (std::fabs(v) >= 1e9) return FormatNumber(v / 1e9) + " bn";
  if (std::fabs(v) >= 1e6) return FormatNumber(v / 1e6) + " m";
  std::string plain = FormatNumber(v);
  if (std::fabs(v) < 1000 || plain.find('.') != std::string::npos) return plain;
  const size_t first_digit = plain[0] == '-' ? 1 : 0;
  for (size_t at = plain.size(); at > first_digit + 3; at -= 3) plain.insert(at - 3, ",");
  return plain;
}

std::string FormatDuration(double hours) {
  constexpr double kYear = 24 * 365.25;
  if (hours >= 0.99 * kYear) {
    const double years = hours / kYear;
    return FormatNumber(std::round(years * 10) / 10) + (years >= 1.05 ? " years" : " year");
  }
  if (hours >= 48) return FormatNumber(hours / 24) + " days";
  if (hours >= 1) return FormatNumber(hours) + " h";
  if (hours * 60 >= 1) return FormatNumber(hours * 60) + " min";
  return FormatNumber(hours * 3600) + " s";
}

const char* BoundWord(Bound b) {
  switch (b) {
    case Bound::kApprox:
      return "about ";
    case Bound::kAtLeast:
      return "at least ";
    case Bound::kAtMost:
      return "at most ";
    case Bound::kUpTo:
      return "up to ";
    default:
      return "";
  }
}

}  // namespace

namespace {
// What a count counts, in the words of the text ("injured", "fire engines" -> "engines").
const std::string& CountedNoun(const Quantity& q) {
  return q.noun_text.empty() ? q.noun : q.noun_text;
}
}  // namespace

std::string DescribeQuantity(const Quantity& q) {
  if (q.unit == "tally") {
    const int for_votes = static_cast<int>(q.low) / 1000;
    return std::to_string(for_votes) + "-" +
           std::to_string(static_cast<int>(q.low) - for_votes * 1000);
  }
  auto one = [&](double v) -> std::string {
    if (q.unit == "h") return FormatDuration(v);
    if (q.unit == "%") return FormatNumber(v) + "%";
    if (q.unit == "pp") return FormatNumber(v) + " percentage points";
    if (q.unit == "ordinal") {
      return FormatNumber(v) + (q.noun.empty() ? "" : " (" + CountedNoun(q) + ")");
    }
    if (q.unit == "count") return FormatAmount(v) + " " + CountedNoun(q);
    if (q.unit == "age") return FormatNumber(v) + " years old";
    if (q.unit == "m") return v >= 1000 ? FormatNumber(v / 1000) + " km" : FormatNumber(v) + " m";
    if (q.unit == "kg") return v >= 1000 ? FormatNumber(v / 1000) + " t" : FormatNumber(v) + " kg";
    if (q.unit == "km/h" || q.unit == "m2" || q.unit == "m3" || q.unit == "m3/s") {
      return FormatNumber(v) + " " + q.unit;
    }
    if (q.unit == "C") return FormatNumber(v) + " °C";
    return q.unit + " " + FormatAmount(v);
  };
  if (q.bound == Bound::kRange) return one(q.low) + " to " + one(q.high);
  return BoundWord(q.bound) + one(q.low);
}

std::string QuantityTopic(const Quantity& q) {
  if (q.unit == "h") return "how long it lasted";
  if (q.unit == "tally") return "the vote";
  if (q.unit == "%") return "a percentage";
  if (q.unit == "pp") return "a change in percentage points";
  if (q.unit == "ordinal")
    return "which " + (q.noun.empty() ? std::string("one") : CountedNoun(q)) + " it was";
  if (q.unit == "count") return "how many " + CountedNoun(q);
  if (q.unit == "age") return "an age";
  if (q.unit == "m") return "a length or distance";
  if (q.unit == "kg") return "a weight";
  if (q.unit == "km/h") return "a speed";
  if (q.unit == "m2") return "an area";
  if (q.unit == "m3") return "a volume";
  if (q.unit == "m3/s") return "a flow";
  if (q.unit == "C") return "a temperature";
  return "an amount in " + q.unit;
}

namespace {

using align::DateRef;

bool HasClock(const DateRef& d) {
  return d.day > 0 && d.minute_low >= 0 && d.minute_high >= 0;
}

// Minutes from 1970-01-01 00:00 to the midnight that begins the date's day, on its own clock.
long long MidnightMinutes(const DateRef& d) {
  const std::chrono::year_month_day ymd{std::chrono::year{d.year},
                                        std::chrono::month{static_cast<unsigned>(d.month)},
                                        std::chrono::day{static_cast<unsigned>(d.day)}};
  return static_cast<long long>(std::chrono::sys_days{ymd}.time_since_epoch().count()) * 1440;
}

struct Interval {
  long long low = 0, high = 0;  // minutes, half-open
};

// The clock interval of `d` on its own wall clock, or shifted to UTC.
Interval ClockInterval(const DateRef& d, bool utc) {
  const long long base = MidnightMinutes(d) - (utc ? d.utc_offset_minutes : 0);
  return {base + d.minute_low, base + d.minute_high};
}

bool Overlap(Interval a, Interval b) {
  return a.low < b.high && b.low < a.high;
}

// Overlap of two clock readings; when `any_day`, one of the days was only inferred, so the times
// of day are compared whatever the day (shifted by up to a day either way).
bool ClocksOverlap(Interval a, Interval b, bool any_day) {
  if (!any_day) return Overlap(a, b);
  const long long day = 1440;
  const long long shift = ((b.low - a.low) / day) * day;  // bring b near a
  for (long long s = shift - 2 * day; s <= shift + 2 * day; s += day) {
    if (Overlap(a, {b.low - s, b.high - s})) return true;
  }
  return false;
}

}  // namespace

bool DatesCompatible(const align::DateRef& a, const align::DateRef& b) {
  const bool clock_a = HasClock(a), clock_b = HasClock(b);
  if (clock_a && clock_b) {
    // A day only inferred (for a time said without one) may be off by one either way: the
    // times of day are compared whatever the days.
    const bool any_day = a.day_inferred || b.day_inferred;
    using Zone = DateRef::Zone;
    if (a.zone == Zone::kStated && b.zone == Zone::kStated)
      return ClocksOverlap(ClockInterval(a, true), ClockInterval(b, true), any_day);
    if (a.zone == Zone::kUnknown && b.zone == Zone::kUnknown) {
      // "just before 8 p.m. local time" and "20:52 Lisbon time" may be two zones' clocks.
      if (a.clock != b.clock) return true;
      return ClocksOverlap(ClockInterval(a, false), ClockInterval(b, false), any_day);
    }
    if (a.zone == Zone::kPublication && b.zone == Zone::kPublication) {
      // Both assumed on their outlets' clocks, which may really be the clock of the place:
      // they disagree only when they differ on either reading.
      return ClocksOverlap(ClockInterval(a, true), ClockInterval(b, true), any_day) ||
             ClocksOverlap(ClockInterval(a, false), ClockInterval(b, false), any_day);
    }
    // A place's clock whose offset is told ("6.40 p.m. local time (1540 GMT)") against a time
    // assumed on the outlet's clock with that same offset: either reading of the assumed time
    // is that clock.
    const DateRef& stated = a.zone == Zone::kStated ? a : b;
    const DateRef& other = a.zone == Zone::kStated ? b : a;
    if (stated.place_clock && other.zone == Zone::kPublication &&
        stated.utc_offset_minutes == other.utc_offset_minutes) {
      return ClocksOverlap(ClockInterval(a, true), ClockInterval(b, true), any_day);
    }
    // A stated zone against an assumed or unknown one otherwise: the assumed clock may be the
    // place's, so the two cannot be put on one clock.
    return true;
  }
  if ((clock_a || clock_b) && a.day > 0 && b.day > 0) {
    const DateRef& timed = clock_a ? a : b;
    const DateRef& plain = clock_a ? b : a;
    // A day only inferred for a clock time says nothing against a stated date.
    if (timed.day_inferred) return true;
    // The time, on its wall clock, falls on the plain date ("Tuesday night" runs into
    // Wednesday; "after midnight" of a Tuesday story is Wednesday, not Tuesday).
    const long long midnight = MidnightMinutes(plain);
    return Overlap(ClockInterval(timed, false), {midnight, midnight + 1440});
  }
  // A deadline year ("by 2030") agrees with any date up to its end and with another deadline.
  if (a.no_later || b.no_later) {
    if (a.no_later && b.no_later) return true;
    const DateRef& deadline = a.no_later ? a : b;
    const DateRef& other = a.no_later ? b : a;
    if (deadline.month == 0) return other.year <= deadline.year;
  }
  // A year only inferred ("from January 1" read as the nearest January) says nothing against
  // a stated one ("from 1 January 2027").
  const bool years_known = !a.year_inferred && !b.year_inferred;
  if (years_known && a.year && b.year && a.year != b.year) return false;
  if (a.month && b.month && a.month != b.month) return false;
  if (a.day && b.day && a.day != b.day) return false;
  return true;
}

namespace {

std::string HourMinute(int minute) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minute / 60) % 24, minute % 60);
  return buf;
}

}  // namespace

std::string DescribeDate(const align::DateRef& d) {
  char buf[32];
  if (d.day)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  else if (d.month)
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  else
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  std::string out = buf;
  if (d.no_later) return "by " + out;
  if (!HasClock(d)) return out;
  const int width = d.minute_high - d.minute_low;
  if (width == 60 && d.minute_low % 60 == 30) {
    out += " " + HourMinute(d.minute_low + 30);  // a whole hour as written ("11 pm")
  } else if (width <= 1) {
    out += " " + HourMinute(d.minute_low);  // a minute as written ("22:50")
  } else {
    out += " " + HourMinute(d.minute_low) + "-" +
           (d.minute_high == 1440 ? std::string("24:00") : HourMinute(d.minute_high));
    if (d.minute_high > 1440) out += " next day";
  }
  if (d.zone == DateRef::Zone::kUnknown) return out + " (local time)";
  const int off = d.utc_offset_minutes;
  if (off == 0) return out + " (UTC)";
  std::snprintf(buf, sizeof buf, " (UTC%c%02d:%02d)", off < 0 ? '-' : '+', std::abs(off) / 60,
                std::abs(off) % 60);
  return out + buf;
}

}  // namespace parallax::compare
