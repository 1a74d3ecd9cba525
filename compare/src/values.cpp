#include "values.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
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
      low = q.low * 0.85 - slack_low;
      high = q.high * 1.15 + slack_high;
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
  double al, ah, bl, bh;
  QuantityInterval(a, al, ah);
  QuantityInterval(b, bl, bh);
  // Strict: adjacent whole numbers ("13th", "14th") touch at 13.5 but do not overlap.
  return al < bh && bl < ah;
}

std::string QuantityKey(const Quantity& q) {
  if (q.unit == "count" || q.unit == "ordinal") return q.unit + ":" + q.noun;
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

std::string FormatAmount(double v) {
  if (std::fabs(v) >= 1e9) return FormatNumber(v / 1e9) + " bn";
  if (std::fabs(v) >= 1e6) return FormatNumber(v / 1e6) + " m";
  return FormatNumber(v);
}

std::string FormatDuration(double hours) {
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

std::string DescribeQuantity(const Quantity& q) {
  if (q.unit == "tally") {
    const int for_votes = static_cast<int>(q.low) / 1000;
    return std::to_string(for_votes) + "-" +
           std::to_string(static_cast<int>(q.low) - for_votes * 1000);
  }
  auto one = [&](double v) -> std::string {
    if (q.unit == "h") return FormatDuration(v);
    if (q.unit == "%") return FormatNumber(v) + "%";
    if (q.unit == "ordinal") return FormatNumber(v) + (q.noun.empty() ? "" : " (" + q.noun + ")");
    if (q.unit == "count") return FormatAmount(v) + " " + q.noun;
    return q.unit + " " + FormatAmount(v);
  };
  if (q.bound == Bound::kRange) return one(q.low) + " to " + one(q.high);
  return BoundWord(q.bound) + one(q.low);
}

std::string QuantityTopic(const Quantity& q) {
  if (q.unit == "h") return "how long it lasted";
  if (q.unit == "tally") return "the vote";
  if (q.unit == "%") return "a percentage";
  if (q.unit == "ordinal")
    return "which " + (q.noun.empty() ? std::string("one") : q.noun) + " it was";
  if (q.unit == "count") return "how many (" + q.noun + ")";
  return "an amount in " + q.unit;
}

bool DatesCompatible(const align::DateRef& a, const align::DateRef& b) {
  if (a.year && b.year && a.year != b.year) return false;
  if (a.month && b.month && a.month != b.month) return false;
  if (a.day && b.day && a.day != b.day) return false;
  return true;
}

std::string DescribeDate(const align::DateRef& d) {
  char buf[32];
  if (d.day)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  else if (d.month)
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  else
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  return buf;
}

}  // namespace parallax::compare
