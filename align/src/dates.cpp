// Calendar references resolved against the publication date: "4 November", "Nov. 4, 2025",
// "Dec 9", "in January", bare years after a preposition ("in 2031", "by 2030"), weekdays ("on
// Monday": the last such day, the next when a future word is near), "today",
// "yesterday", "tomorrow", ISO dates; and clock times on them
// ("10:50 p.m.", "0600 GMT", "shortly before 11 p.m.", "after midnight", "Tuesday afternoon",
// "late on Monday"), resolved against the publication time and zone. The time of a statement
// ("said on Tuesday", "confirmed this evening") and where a state began ("since January") are
// not read: they are not the time of what is told.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "clock_times.h"
#include "parallax/align/align.h"
#include "publication.h"
#include "text.h"

namespace parallax::align {
namespace {

using std::chrono::day;
using std::chrono::days;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;

// The year that puts month/day closest to the publication date.
int NearestYear(const year_month_day& pub, int m, int d) {
  int best = static_cast<int>(pub.year());
  long best_distance = -1;
  for (int y = best - 1; y <= best + 1; ++y) {
    const year_month_day candidate{year{y}, month{static_cast<unsigned>(m)},
                                   day{static_cast<unsigned>(d == 0 ? 15 : d)}};
    if (!candidate.ok()) continue;
    const long distance = std::labs((sys_days{candidate} - sys_days{pub}).count());
    if (best_distance < 0 || distance < best_distance) {
      best_distance = distance;
      best = y;
    }
  }
  return best;
}

bool IsDayNumber(const Token& t, int& d) {
  if (t.kind == TokenKind::kNumber && t.lower.size() <= 2) {
    d = std::atoi(t.lower.c_str());
    return d >= 1 && d <= 31;
  }
  const int ordinal = OrdinalValue(t.lower);
  if (ordinal >= 1 && ordinal <= 31 && t.kind == TokenKind::kWord &&
      std::isdigit(static_cast<unsigned char>(t.lower[0]))) {
    d = ordinal;
    return true;
  }
  return false;
}

bool IsYearNumber(const Token& t, int& y) {
  if (!IsFourDigits(t)) return false;
  y = std::atoi(t.lower.c_str());
  return y >= 1800 && y <= 2200;
}

}  // namespace

std::vector<DateRef> ExtractDates(const std::string& text, Span span,
                                  const std::string& published) {
  std::vector<DateRef> out;
  const Published published_at = ParsePublished(published);
  const year_month_day pub = published_at.date;
  const bool have_pub = published_at.have_date;
  const std::vector<Token> t = Tokenize(text, span);
  const bool future = SpeaksOfFuture(t);
  std::vector<std::pair<size_t, size_t>> where;  // per date, its first and last token
  auto emit = [&](int y, int m, int d, size_t first, size_t last) {
    DateRef r;
    r.year = y;
    r.month = m;
    r.day = d;
    r.span = {t[first].span.begin, t[last].span.end};
    r.context = ValueContext(t, first, last);
    out.push_back(r);
    where.emplace_back(first, last);
  };
  for (size_t i = 0; i < t.size(); ++i) {
    const Token& tok = t[i];
    // ISO date 2025-11-04 (tokenised as 2025, 11, 04 joined by hyphens).
    int y = 0, d = 0;
    if (IsYearNumber(tok, y) && i + 2 < t.size() && t[i + 1].hyphen_before &&
        t[i + 2].hyphen_before && t[i + 1].kind == TokenKind::kNumber &&
        t[i + 2].kind == TokenKind::kNumber) {
      const int m = std::atoi(t[i + 1].lower.c_str());
      d = std::atoi(t[i + 2].lower.c_str());
      if (m >= 1 && m <= 12 && d >= 1 && d <= 31) {
        emit(y, m, d, i, i + 2);
        i += 2;
        continue;
      }
    }
    const int m = tok.kind == TokenKind::kWord && tok.capitalized ? MonthNumber(tok.lower) : 0;
    if (m > 0) {
      size_t last = i;
      size_t k = i + 1;
      if (k < t.size() && t[k].lower == "." && !t[k].space_before) ++k;  // "Dec."
      d = 0;
      y = 0;
      if (k < t.size() && IsDayNumber(t[k], d)) {
        last = k++;
        if (k + 1 < t.size() && t[k].lower == "," && IsYearNumber(t[k + 1], y))
          last = k + 1;
        else if (k < t.size() && IsYearNumber(t[k], y))
          last = k;
      } else if (k < t.size() && IsYearNumber(t[k], y)) {
        last = k;
      }
      // Day before the month: "4 November", "9 December 2025".
      size_t first = i;
      if (d == 0 && i > 0 && IsDayNumber(t[i - 1], d)) first = i - 1;
      if (d > 0 && y == 0 && last == i && k < t.size() && IsYearNumber(t[k], y)) last = k;
      if (m == 5 && d == 0 && y == 0) continue;  // "may" the verb, capitalised at a start
      const bool year_inferred = y == 0;
      if (y == 0) {
        if (!have_pub) continue;
        y = NearestYear(pub, m, d);
        if (d == 0 && SpeaksOfFuture(t, i, 5)) {
          // "in January" in a November article about what comes next: the next January.
          if (m < static_cast<int>(static_cast<unsigned>(pub.month()))) {
            y = static_cast<int>(pub.year()) + 1;
          }
        }
      }
      emit(y, m, d, first, last);
      out.back().year_inferred = year_inferred;
      i = last;
      continue;
    }
    // A bare year after a preposition of time ("in 2031", "by 2030", "until 2027"), not a
    // figure ("2030 riders") nor a span ("2019-2020"); "since 2022" starts a duration and is
    // left alone. Only the publication's year or later: targets and schedules, which outlets
    // state as facts of the story; past years are mostly background ("stopped running in
    // 1951", "the last round, in 2024") that would be lined up by accident.
    if (have_pub && IsYearNumber(tok, y) && y >= static_cast<int>(pub.year()) && i > 0 &&
        !(i + 1 < t.size() && t[i + 1].hyphen_before)) {
      const std::string& before = t[i - 1].lower;
      if (before == "in" || before == "by" || before == "until" || before == "during") {
        emit(y, 0, 0, i, i);
        out.back().no_later = before == "by" || before == "until";
        // A year closes the clause that says what is planned ("aims to open the line in
        // 2031"): the words before it reach further back than a day's.
        out.back().context = ValueContext(t, i, i, 4);
        continue;
      }
    }
    if (!have_pub) continue;
    const int wd = tok.kind == TokenKind::kWord && tok.capitalized ? WeekdayNumber(tok.lower) : -1;
    if (wd >= 0) {
      // A following day number belongs to the weekday ("Tuesday 4 November"): let the month
      // rule read it instead.
      if (i + 2 < t.size() && MonthNumber(t[i + 2].lower) > 0 && IsDayNumber(t[i + 1], d)) continue;
      if (i + 1 < t.size() && MonthNumber(t[i + 1].lower) > 0 && t[i + 1].capitalized) continue;
      // "Thursday, Oct. 30": the month rule reads the date.
      if (i + 2 < t.size() && t[i + 1].lower == "," && MonthNumber(t[i + 2].lower) > 0 &&
          t[i + 2].capitalized)
        continue;
      const std::chrono::weekday pub_wd{sys_days{pub}};
      const int pwd = static_cast<int>(pub_wd.c_encoding());
      const int back = (pwd - wd + 7) % 7;
      const int forward = (wd - pwd + 7) % 7;
      // "last Saturday", "since Saturday": a day gone.
      const bool last_word = i > 0 && (t[i - 1].lower == "last" || t[i - 1].lower == "since");
      const bool next_word = i > 0 && t[i - 1].lower == "next";
      int offset;
      if (back == 0 && !last_word && !next_word)
        offset = 0;
      else if (last_word)
        offset = -(back == 0 ? 7 : back);
      else if (next_word || SpeaksOfFuture(t, std::min(t.size(), i + 5)))
        offset = forward == 0 ? 7 : forward;
      else
        offset = -back;  // news tells what happened: the day gone, unless a future word is near
      const year_month_day r{sys_days{pub} + days{offset}};
      emit(static_cast<int>(r.year()), static_cast<int>(static_cast<unsigned>(r.month())),
           static_cast<int>(static_cast<unsigned>(r.day())), i, i);
      continue;
    }
    int relative = 99;
    if (tok.lower == "today") relative = 0;
    // "Tonight the council voted" in a page stamped in the morning: last night, unless the
    // sentence speaks of what is to come.
    if (tok.lower == "tonight") {
      const bool morning = published_at.minute >= 0 && published_at.minute < 12 * 60;
      const bool ahead = SpeaksOfFuture(t, std::min(t.size(), i + 4), 8);  // "tonight we will"
      relative = morning && !ahead ? -1 : 0;
    }
    if (tok.lower == "yesterday") relative = -1;
    if (tok.lower == "tomorrow") relative = 1;
    if (tok.lower == "last" && i + 1 < t.size() && t[i + 1].lower == "night") relative = -1;
    if (tok.lower == "this" && i + 1 < t.size() &&
        (t[i + 1].lower == "morning" || t[i + 1].lower == "afternoon" ||
         t[i + 1].lower == "evening")) {
      relative = 0;
    }
    if (relative != 99) {
      const year_month_day r{sys_days{pub} + days{relative}};
      emit(static_cast<int>(r.year()), static_cast<int>(static_cast<unsigned>(r.month())),
           static_cast<int>(static_cast<unsigned>(r.day())), i, i);
      out.back().relative = true;
      out.back().relative_offset = relative;
      // "later today", "due this evening": still to come at publication. Only the word before
      // counts: "there will be no statement from today's meeting" speaks of a meeting held.
      out.back().ahead = relative == 0 && SpeaksOfFuture(t, i + 1, 2);
    }
  }
  AddClockTimes(text, t, published_at, future, out, where);
  // "police sources tonight said ...", "the office confirmed this evening", "said on Tuesday":
  // the time of a statement, not of what it tells.
  auto reporting = [](const std::string& w) {
    return w == "said" || w == "says" || w == "told" || w == "tells" || w == "added" ||
           w == "confirmed" || w == "reported" || w == "wrote" || w == "posted" || w == "stated";
  };
  std::erase_if(out, [&](const DateRef& r) {
    size_t after = 0;
    while (after < t.size() && t[after].span.begin < r.span.end) ++after;
    size_t before = after;
    while (before > 0 && t[before - 1].span.begin >= r.span.begin) --before;
    if (after < t.size() && reporting(t[after].lower)) return true;
    if (before > 0 && reporting(t[before - 1].lower)) return true;
    if (before > 1 && (t[before - 1].lower == "on" || t[before - 1].lower == "at") &&
        reporting(t[before - 2].lower)) {
      return true;
    }
    // "since January", "for the first time since last Saturday": where a state began, not when
    // the event happened.
    return before > 0 &&
           (t[before - 1].lower == "since" ||
            (before > 1 && t[before - 1].lower == "last" && t[before - 2].lower == "since"));
  });
  if (have_pub) {
    for (DateRef& r : out) {
      const year_month_day first{year{r.year}, month{static_cast<unsigned>(std::max(r.month, 1))},
                                 day{static_cast<unsigned>(std::max(r.day, 1))}};
      r.ahead = r.ahead || (r.year > 0 && first.ok() && sys_days{first} > sys_days{pub});
    }
  }
  return out;
}

}  // namespace parallax::align
