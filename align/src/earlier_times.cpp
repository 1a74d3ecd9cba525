#include "earlier_times.h"

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <string>

#include "publication.h"

namespace parallax::align {
namespace {

constexpr uint32_t kReach = 90;  // bytes between a marker and a value it marks

bool Near(Span marker, Span value, uint32_t reach = kReach) {
  return value.begin <= marker.end + reach && marker.begin <= value.end + reach;
}

// A clock time at t[k]: "6pm", "6 pm", "6 p.m.", "18:00" (after "by" the time readers leave
// these out as deadlines, so they are read from the tokens here).
bool ClockAt(const std::vector<Token>& t, size_t k) {
  if (k >= t.size()) return false;
  const std::string& w = t[k].lower;
  const bool fused = w.size() > 2 && std::isdigit(static_cast<unsigned char>(w[0])) &&
                     (w.ends_with("am") || w.ends_with("pm"));
  const bool spaced = t[k].kind == TokenKind::kNumber && k + 1 < t.size() &&
                      (t[k + 1].lower == ":" || t[k + 1].lower == "pm" || t[k + 1].lower == "am" ||
                       t[k + 1].lower.starts_with("p.m") || t[k + 1].lower.starts_with("a.m"));
  return fused || spaced;
}

}  // namespace

void MarkEarlierTimes(const std::vector<Token>& t, DocumentContext& context, ClaimModel& claim) {
  const Published& pub = context.published_at;
  if (!pub.have_date) return;
  const int published_year = static_cast<int>(pub.date.year());
  auto mark_quantities = [&](auto&& near, int key) {
    for (auto& q : claim.quantities) {
      if (q.earlier == 0 && near(q.span)) q.earlier = key;
    }
  };
  auto mark_dates = [&](auto&& near, int key) {
    for (auto& d : claim.dates) {
      if (d.earlier == 0 && near(d.span)) d.earlier = key;
    }
  };

  // A baseline: the figure right after "compared with", "up from", "down from".
  for (size_t k = 1; k < t.size(); ++k) {
    const bool baseline =
        (t[k].lower == "with" || t[k].lower == "to") && t[k - 1].lower == "compared";
    const bool change =
        t[k].lower == "from" && (t[k - 1].lower == "up" || t[k - 1].lower == "down");
    if (!baseline && !change) continue;
    const uint32_t after = t[k].span.end;
    mark_quantities([&](Span s) { return s.begin >= after && s.begin <= after + 12; }, 3);
  }
  // An interim reading: figures near "by 6pm", "as of 10 a.m.".
  for (size_t k = 0; k + 1 < t.size(); ++k) {
    const bool by = t[k].lower == "by" && ClockAt(t, k + 1);
    const bool as_of = t[k].lower == "as" && t[k + 1].lower == "of" && ClockAt(t, k + 2);
    if (by || as_of) mark_quantities([&](Span s) { return Near(t[k].span, s); }, 2);
  }
  // A year before the publication's.
  int told = 0;  // the earlier year this claim tells of, for the next claim's back reference
  for (size_t i = 0; i < t.size(); ++i) {
    const Token& tok = t[i];
    if (tok.kind != TokenKind::kNumber || tok.lower.size() != 4) continue;
    if (i + 1 < t.size() && t[i + 1].kind == TokenKind::kWord && t[i + 1].capitalized) continue;
    const bool told_of = i + 2 < t.size() && t[i + 1].lower == "," && t[i + 2].lower == "when";
    if (i > 0 && t[i - 1].lower == "since" && !told_of) continue;
    const int year = std::atoi(tok.lower.c_str());
    if (year < 1900 || year >= published_year) continue;
    told = year;
    // "the 2019 “herring war”, when Ostrenia impounded four trawlers for more than a month":
    // what the "when" clause tells is of that year, however far into the sentence.
    uint32_t when_from = UINT32_MAX;
    for (size_t j = i + 1; j + 1 < t.size() && j <= i + 6; ++j) {
      if (t[j].lower == "," && t[j + 1].lower == "when") {
        when_from = t[j + 1].span.end;
        break;
      }
      if (t[j].kind == TokenKind::kPunct && t[j].lower != "\"" && t[j].lower != "'") break;
    }
    auto of_year = [&](Span s) { return Near(tok.span, s) || s.begin >= when_from; };
    mark_quantities(of_year, year);
    for (auto& d : claim.dates) {
      if (d.earlier == 0 && d.year != year && of_year(d.span)) d.earlier = year;
    }
  }
  // Weeks, months or years ago.
  for (size_t i = 1; i < t.size(); ++i) {
    if (t[i].lower != "ago") continue;
    const std::string& unit = t[i - 1].lower;
    if (unit != "weeks" && unit != "months" && unit != "years" && unit != "week" &&
        unit != "month" && unit != "year") {
      continue;
    }
    auto near = [&](Span s) { return Near(t[i].span, s); };
    mark_quantities(near, 1);
    mark_dates(near, 1);
  }
  // A day more than a week before publication.
  const auto pub_day = std::chrono::sys_days{pub.date};
  for (const DateRef& d : claim.dates) {
    if (d.month == 0 || d.day == 0) continue;
    const std::chrono::year_month_day ymd{std::chrono::year{d.year},
                                          std::chrono::month{static_cast<unsigned>(d.month)},
                                          std::chrono::day{static_cast<unsigned>(d.day)}};
    if (!ymd.ok() || pub_day - std::chrono::sys_days{ymd} <= std::chrono::days{7}) continue;
    mark_quantities([&](Span s) { return Near(d.span, s); },
                    d.year * 10000 + d.month * 100 + d.day);
  }
  // "... in that case", "that year", "at the time", and a claim opening on "That repair" or
  // "That closure": the earlier time the last sentence told of.
  bool back_reference = false;
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    const std::string& w = t[i].lower;
    const std::string& next = t[i + 1].lower;
    back_reference = back_reference || (w == "that" && (next == "case" || next == "year")) ||
                     (w == "the" && next == "time" && i > 0 && t[i - 1].lower == "at");
  }
  if (t.size() > 1 && (t[0].lower == "that" || t[0].lower == "those") &&
      t[1].kind == TokenKind::kWord && !IsStopword(t[1].lower) && !t[1].lower.ends_with("s") &&
      !t[1].lower.ends_with("ed")) {
    back_reference = true;  // a demonstrative and its noun, not "That means" / "That seemed"
  }
  if (told == 0 && back_reference && context.last_earlier != 0) {
    told = context.last_earlier;
    for (auto& q : claim.quantities) q.earlier = told;
    for (auto& d : claim.dates) d.earlier = told;
  }
  context.last_earlier = told;
}

}  // namespace parallax::align
