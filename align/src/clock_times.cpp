// Clock times: recognised forms, hedges and zones, and the day each falls on. See
// docs in align.h (DateRef) for the representation.
#include "clock_times.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace parallax::align {
namespace {

using std::chrono::day;
using std::chrono::days;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;

constexpr int kDay = 24 * 60;

// A part of the day named by a word: [low, high) minutes after midnight, or false.
bool PartOfDay(const std::string& w, int& low, int& high) {
  if (w == "morning") {
    low = 5 * 60, high = 12 * 60;
  } else if (w == "afternoon") {
    low = 12 * 60, high = 18 * 60;
  } else if (w == "evening") {
    low = 18 * 60, high = kDay;
  } else if (w == "night" || w == "tonight") {
    low = 18 * 60, high = kDay + 4 * 60;
  } else {
    return false;
  }
  return true;
}

// Tokens of an am/pm marker at t[j] ("pm", "PM", "p.m.", "a.m"); 0 when there is none.
size_t Meridiem(const std::vector<Token>& t, size_t j, bool& pm) {
  if (j >= t.size()) return 0;
  const std::string& w = t[j].lower;
  if (w == "am" || w == "pm" || w == "a.m" || w == "p.m") {
    pm = w[0] == 'p';
    return j + 1 < t.size() && t[j + 1].lower == "." && !t[j + 1].space_before && w.size() == 3 ? 2
                                                                                                : 1;
  }
  if ((w == "a" || w == "p") && j + 2 < t.size() && t[j + 1].lower == "." &&
      !t[j + 1].space_before && t[j + 2].lower == "m" && !t[j + 2].space_before) {
    pm = w == "p";
    return j + 3 < t.size() && t[j + 3].lower == "." && !t[j + 3].space_before ? 4 : 3;
  }
  return 0;
}

// Reads "2pm", "2p" (+ ".m."), "9.30am", "50pm" (after "10:"): digits, optional [.:]MM, then an
// am/pm letter pair. Returns false unless the whole word is such a time.
bool TimeWord(const std::string& w, int& hour, int& minute, bool& has_minute, bool& pm,
              bool& needs_dot_m) {
  size_t k = 0;
  while (k < w.size() && std::isdigit(static_cast<unsigned char>(w[k]))) ++k;
  if (k == 0 || k > 2) return false;
  hour = std::atoi(w.substr(0, k).c_str());
  has_minute = false;
  minute = 0;
  if (k < w.size() && (w[k] == '.' || w[k] == ':')) {
    if (k + 3 > w.size() || !std::isdigit(static_cast<unsigned char>(w[k + 1])) ||
        !std::isdigit(static_cast<unsigned char>(w[k + 2])))
      return false;
    minute = std::atoi(w.substr(k + 1, 2).c_str());
    has_minute = true;
    k += 3;
  }
  const std::string_view rest(w.data() + k, w.size() - k);
  if (rest == "am" || rest == "pm") {
    needs_dot_m = false;
  } else if (rest == "a" || rest == "p") {
    needs_dot_m = true;
  } else {
    return false;
  }
  pm = rest[0] == 'p';
  return minute <= 59;
}

bool AllCaps(const std::string& text, Span s) {
  for (size_t k = s.begin; k < s.end; ++k) {
    if (!std::isupper(static_cast<unsigned char>(text[k]))) return false;
  }
  return s.end > s.begin;
}

// A clock reading at t[i..last]: the minute it names and how precisely.
struct Clock {
  size_t last = 0;
  int minute = 0;          // after midnight; midnight is 1440 (the end of the day)
  bool whole_hour = true;  // no minutes written ("2pm", "noon")
  bool midnight = false;
  bool meridiem = false;  // am/pm written
};

const char* const kTimeCues[] = {"at",     "around", "about", "approximately", "roughly",
                                 "before", "after",  "from",  "since",         "until",
                                 "till",   "by",     "circa", "between",       "to"};

bool IsTimeCue(const std::string& w) {
  return std::find_if(std::begin(kTimeCues), std::end(kTimeCues),
                      [&](const char* c) { return w == c; }) != std::end(kTimeCues);
}

std::optional<Clock> ReadClock(const std::vector<Token>& t, size_t i) {
  const Token& tok = t[i];
  Clock c;
  auto with_meridiem = [&](int hour, int minute, size_t j) -> bool {
    bool pm = false;
    const size_t n = Meridiem(t, j, pm);
    if (n == 0 || hour < 1 || hour > 12) return false;
    c.minute = (hour % 12 + (pm ? 12 : 0)) * 60 + minute;
    c.last = j + n - 1;
    c.meridiem = true;
    return true;
  };
  if (tok.lower == "noon" || tok.lower == "midday" || tok.lower == "midnight") {
    c.midnight = tok.lower == "midnight";
    c.minute = c.midnight ? kDay : 12 * 60;
    c.last = i;
    return c;
  }
  if (tok.kind == TokenKind::kNumber && tok.lower.size() <= 2 && i + 2 < t.size() &&
      t[i + 1].lower == ":" && !t[i + 1].space_before && !t[i + 2].space_before) {
    // "10:50", "10:50 p.m.", "10:50pm"; "2:05:30" (a race time) is not a clock.
    const int hour = std::atoi(tok.lower.c_str());
    int h2 = 0, minute = 0;
    bool has_minute = false, pm = false, dot_m = false;
    if (t[i + 2].kind == TokenKind::kWord &&
        TimeWord("0:" + t[i + 2].lower, h2, minute, has_minute, pm, dot_m) && has_minute) {
      if (hour < 1 || hour > 12) return std::nullopt;
      size_t last = i + 2;
      if (dot_m) {
        bool ignored = false;
        const size_t n = Meridiem(t, last, ignored);
        if (n < 3) return std::nullopt;
        last += n - 1;
      }
      c.minute = (hour % 12 + (pm ? 12 : 0)) * 60 + minute;
      c.last = last;
      c.whole_hour = false;
      c.meridiem = true;
      return c;
    }
    if (t[i + 2].kind != TokenKind::kNumber || t[i + 2].lower.size() != 2) return std::nullopt;
    if (i + 3 < t.size() && t[i + 3].lower == ":" && !t[i + 3].space_before) return std::nullopt;
    minute = std::atoi(t[i + 2].lower.c_str());
    if (minute > 59) return std::nullopt;
    c.whole_hour = false;
    if (with_meridiem(hour, minute, i + 3)) return c;
    if (hour > 23) return std::nullopt;
    c.minute = hour * 60 + minute;
    c.last = i + 2;
    return c;
  }
  if (i + 1 < t.size() && t[i + 1].lower == "o'clock") {
    // "seven o'clock in the morning", "7 o'clock at night": only the part of the day after it
    // says which half of the day; without one it is no time.
    const double v =
        tok.kind == TokenKind::kNumber ? std::atof(tok.lower.c_str()) : NumberWordValue(tok.lower);
    if (v < 1 || v > 12 || v != static_cast<int>(v)) return std::nullopt;
    const int hour = static_cast<int>(v);
    auto at = [&](size_t k, const char* w) { return k < t.size() && t[k].lower == w; };
    bool pm = false;
    size_t last = 0;
    if (at(i + 2, "in") && at(i + 3, "the") &&
        (at(i + 4, "morning") || at(i + 4, "afternoon") || at(i + 4, "evening"))) {
      pm = !at(i + 4, "morning");
      last = i + 4;
    } else if (at(i + 2, "at") && at(i + 3, "night")) {
      pm = hour >= 6;  // "two o'clock at night" is before dawn
      last = i + 3;
    } else {
      return std::nullopt;
    }
    c.minute = (hour % 12 + (pm ? 12 : 0)) * 60;
    c.meridiem = true;
    c.last = last;
    return c;
  }
  if (IsFourDigits(tok)) {
    // "0600 GMT", "1400 local time": wire style, only with a zone after it (checked later).
    const int v = std::atoi(tok.lower.c_str());
    if (v / 100 > 23 || v % 100 > 59) return std::nullopt;
    c.minute = v / 100 * 60 + v % 100;
    c.whole_hour = false;
    c.last = i;
    return c;
  }
  if (tok.kind == TokenKind::kNumber) {
    // "2 p.m.", "9.30 a.m." (with am/pm only: "9.30" alone is a number).
    const size_t dot = tok.lower.find('.');
    const int hour = std::atoi(tok.lower.c_str());
    int minute = 0;
    if (dot != std::string::npos) {
      if (tok.lower.size() - dot != 3) return std::nullopt;
      minute = std::atoi(tok.lower.c_str() + dot + 1);
      if (minute > 59) return std::nullopt;
      c.whole_hour = false;
    } else if (tok.lower.size() > 2) {
      return std::nullopt;
    }
    if (with_meridiem(hour, minute, i + 1)) return c;
    return std::nullopt;
  }
  if (tok.kind == TokenKind::kWord) {
    int hour = 0, minute = 0;
    bool has_minute = false, pm = false, dot_m = false;
    if (TimeWord(tok.lower, hour, minute, has_minute, pm, dot_m)) {
      if (hour < 1 || hour > 12) return std::nullopt;
      size_t last = i;
      if (dot_m) {
        // "2p.m.": the word "2p", then ".", "m", ".".
        if (i + 2 >= t.size() || t[i + 1].lower != "." || t[i + 1].space_before ||
            t[i + 2].lower != "m" || t[i + 2].space_before)
          return std::nullopt;
        last = i + 2;
        if (last + 1 < t.size() && t[last + 1].lower == "." && !t[last + 1].space_before) ++last;
      }
      c.minute = (hour % 12 + (pm ? 12 : 0)) * 60 + minute;
      c.whole_hour = !has_minute;
      c.meridiem = true;
      c.last = last;
      return c;
    }
    // "two p.m."
    const double v = NumberWordValue(tok.lower);
    if (v >= 1 && v <= 12 && v == static_cast<int>(v) &&
        with_meridiem(static_cast<int>(v), 0, i + 1))
      return c;
  }
  return std::nullopt;
}

// A word before a time that makes it a deadline or a start ("by 6pm", "until Friday
// evening", "since Monday morning"): a state as of then, not when something happened.
bool IsDeadlineWord(const std::string& w) {
  return w == "by" || w == "until" || w == "till" || w == "since";
}

// A clock time or part of the day found in the tokens, before it is put on a day.
struct ClockHit {
  size_t first = 0, last = 0;  // tokens, hedges and zone included
  int low = 0, high = 0;       // minutes after the midnight that begins the anchor day
  DateRef::Zone zone = DateRef::Zone::kUnknown;
  int offset = 0;
  // The wall clock of an unknown zone, as DateRef::clock ("local", "moscow"); "" when the zone
  // is stated or assumed.
  std::string clock;
  bool local() const { return !clock.empty(); }  // a place's clock, unknown here
  bool place_clock = false;  // a "local time" whose offset a stated equivalent told
  std::string place;         // for a place clock, the clock it was ("local", "moscow")
  bool midnight = false;     // measured from the end of the anchor day (1440)
  int anchor = -1;           // index of the date it is said with, when adjacent
};

// The zone named at t[j] ("GMT", "UTC+8", "EDT", "local time"); tokens used, 0 when none.
size_t ReadZone(const std::string& text, const std::vector<Token>& t, size_t j, ClockHit& h) {
  if (j >= t.size()) return 0;
  if (t[j].lower == "local" && j + 1 < t.size() && t[j + 1].lower == "time") {
    h.clock = "local";
    h.zone = DateRef::Zone::kUnknown;
    return 2;
  }
  // "Tuesday afternoon Moscow time": a place's clock, not known here.
  if (t[j].kind == TokenKind::kWord && t[j].capitalized && j + 1 < t.size() &&
      t[j + 1].lower == "time" && WeekdayNumber(t[j].lower) < 0 && MonthNumber(t[j].lower) == 0) {
    h.clock = t[j].lower;
    h.zone = DateRef::Zone::kUnknown;
    return 2;
  }
  if (t[j].kind != TokenKind::kWord || !AllCaps(text, t[j].span)) return 0;
  const std::optional<int> base = ZoneOffsetMinutes(t[j].lower);
  if (!base) return 0;
  h.zone = DateRef::Zone::kStated;
  h.offset = *base;
  size_t n = 1;
  // "UTC+8", "GMT-05:00", "UTC+0800".
  // The tokenizer joins "UTC-5" as a hyphenated word: the number then carries hyphen_before.
  const bool utc = t[j].lower == "utc" || t[j].lower == "gmt";
  size_t sign = 0;  // tokens of the sign: 1 for "+", 0 for a joined "-"
  bool negative = false;
  if (utc && j + 2 < t.size() && t[j + 1].lower == "+" && !t[j + 1].space_before &&
      t[j + 2].kind == TokenKind::kNumber && !t[j + 2].space_before) {
    sign = 1;
  } else if (utc && j + 1 < t.size() && t[j + 1].kind == TokenKind::kNumber &&
             t[j + 1].hyphen_before) {
    negative = true;
  } else {
    return n;
  }
  const size_t num_at = j + 1 + sign;
  const std::string& num = t[num_at].lower;
  int hours = 0, minutes = 0;
  if (num.size() == 4) {
    hours = std::atoi(num.substr(0, 2).c_str());
    minutes = std::atoi(num.substr(2).c_str());
  } else if (num.size() <= 2) {
    hours = std::atoi(num.c_str());
  } else {
    return n;
  }
  n = num_at - j + 1;
  if (num.size() <= 2 && num_at + 2 < t.size() && t[num_at + 1].lower == ":" &&
      !t[num_at + 1].space_before && t[num_at + 2].kind == TokenKind::kNumber &&
      t[num_at + 2].lower.size() == 2) {
    minutes = std::atoi(t[num_at + 2].lower.c_str());
    n += 2;
  }
  if (hours > 14 || minutes > 59) return 1;
  h.offset = (negative ? -1 : 1) * (hours * 60 + minutes);
  return n;
}

bool Is(const std::vector<Token>& t, size_t k, std::string_view w) {
  return k < t.size() && t[k].lower == w;
}

// Reads a clock time starting at t[i] with the hedges before it. Returns false when t[i] does
// not start one or when it names a deadline or a span end ("by 2pm", "until midnight"): those
// do not say when an act happened.
bool ReadClockHit(const std::string& text, const std::vector<Token>& t, size_t i, ClockHit& h,
                  size_t& consumed_to, bool range_end = false) {
  const std::optional<Clock> c = ReadClock(t, i);
  if (!c) return false;
  h = ClockHit{};
  h.first = i;
  h.last = c->last;
  consumed_to = c->last;
  const size_t zone_tokens = ReadZone(text, t, c->last + 1, h);
  if (zone_tokens > 0) h.last = c->last + zone_tokens;
  consumed_to = h.last;
  const std::string before = i > 0 ? t[i - 1].lower : "";
  const bool is_four_digit = IsFourDigits(t[i]);
  if (is_four_digit && zone_tokens == 0) {
    if (!Is(t, c->last + 1, "hrs")) return false;
    h.last = c->last + 1;
    consumed_to = h.last;
  }
  // A bare "10:50" needs a cue: a preposition before it or a zone after it.
  if (!c->meridiem && !c->whole_hour && !is_four_digit && zone_tokens == 0 && !IsTimeCue(before))
    return false;
  if (!range_end && IsDeadlineWord(before)) return false;
  // Hedges.
  const std::string before2 = i > 1 ? t[i - 2].lower : "";
  const bool close = before2 == "shortly" || before2 == "just" || before2 == "soon" ||
                     before2 == "minutes" || before2 == "moments";
  int x = c->minute;
  h.midnight = c->midnight;
  const int plain_slack = c->whole_hour ? 30 : 0;
  const int exact = c->whole_hour ? 0 : 1;
  if (before == "before") {
    h.low = x - (close ? 45 : 240);
    h.high = x;
    h.first = close ? i - 2 : i - 1;
  } else if (before == "after") {
    h.low = x;
    h.high = x + (close ? 45 : 240);
    h.first = close ? i - 2 : i - 1;
  } else if (before == "around" || before == "about" || before == "approximately" ||
             before == "roughly" || before == "circa") {
    const int slack = c->whole_hour ? 60 : 15;
    h.low = x - slack;
    h.high = x + slack + exact;
    h.first = i - 1;
  } else {
    h.low = x - plain_slack;
    h.high = x + plain_slack + exact;
    if (before == "at") h.first = i - 1;
  }
  return true;
}

// Day index (days since 1970-01-01) of a year_month_day.
long DayIndex(const year_month_day& d) {
  return sys_days{d}.time_since_epoch().count();
}

// The day, around publication, for a time stated without one: the day on which it last fell
// before the publication time (first falls after it when the sentence speaks of the future),
// with an hour's grace for copy updated after its time stamp; a past time up to six hours
// later is taken on the publication day (a live page's first stamp precedes its later
// entries), a later one on the day before. Without a publication time, the publication day.
// `minute`: the time's start on its clock, minutes after a midnight; `offset`: its clock's
// minutes east of UTC, or nullopt for the publication's own clock.
long InferDayOnClock(const Published& pub, int minute, std::optional<int> offset, bool future) {
  const long pub_day = DayIndex(pub.date);
  if (pub.minute < 0) return pub_day;
  if (offset && !pub.offset) return pub_day;
  // Minutes from the publication instant to the start of the time on `pub_day + k`.
  const int shift = offset ? *pub.offset - *offset : 0;
  auto diff = [&](long k) { return k * kDay + minute + shift - pub.minute; };
  if (future) return diff(0) >= -60 ? pub_day : pub_day + 1;
  if (diff(0) <= 60) return pub_day;
  // Later than publication: a live page's later entry within a few hours; beyond that, the
  // day before (a morning paper's "shortly before 5 p.m.").
  return diff(0) <= 6 * 60 ? pub_day : pub_day - 1;
}

long InferDay(const Published& pub, const ClockHit& h, bool future) {
  if (h.local()) return DayIndex(pub.date);  // a clock of unknown offset: the publication day
  return InferDayOnClock(
      pub, h.low, h.zone == DateRef::Zone::kStated ? std::optional<int>(h.offset) : std::nullopt,
      future);
}

void SetDay(DateRef& r, long day_index) {
  const year_month_day d{sys_days{days{day_index}}};
  r.year = static_cast<int>(d.year());
  r.month = static_cast<int>(static_cast<unsigned>(d.month()));
  r.day = static_cast<int>(static_cast<unsigned>(d.day()));
}

// True when `inner` is a time of one day strictly inside `outer`'s span of that day, both on
// one clock ("6.14am" inside "this morning").
bool WithinOnOneClock(const DateRef& inner, const DateRef& outer) {
  if (inner.minute_low < 0 || outer.minute_low < 0) return false;
  if (inner.year != outer.year || inner.month != outer.month || inner.day != outer.day)
    return false;
  if (inner.zone != outer.zone || inner.utc_offset_minutes != outer.utc_offset_minutes)
    return false;
  return outer.minute_low <= inner.minute_low && inner.minute_high <= outer.minute_high &&
         inner.minute_high - inner.minute_low < outer.minute_high - outer.minute_low;
}

// Puts the interval on `day_index` and rolls the day so that minute_low is in [0, 1440).
void SetClock(DateRef& r, long day_index, const ClockHit& h, const Published& pub) {
  long day_number = day_index;
  int low = h.low, high = h.high;
  while (low >= kDay) low -= kDay, high -= kDay, ++day_number;
  while (low < 0) low += kDay, high += kDay, --day_number;
  SetDay(r, day_number);
  r.minute_low = low;
  r.minute_high = high;
  r.zone = h.zone;
  r.utc_offset_minutes = h.offset;
  r.place_clock = h.place_clock;
  r.clock = h.zone == DateRef::Zone::kUnknown ? h.clock : h.place;
  if (h.zone == DateRef::Zone::kUnknown && !h.local() && pub.offset) {
    r.zone = DateRef::Zone::kPublication;
    r.utc_offset_minutes = *pub.offset;
  }
}

}  // namespace

void AddClockTimes(const std::string& text, const std::vector<Token>& t, const Published& pub,
                   bool future, std::vector<DateRef>& out,
                   std::vector<std::pair<size_t, size_t>>& where) {
  if (!pub.have_date) return;
  std::vector<ClockHit> hits;
  // Parts of the day said with a date: "Monday evening", "this morning", "tonight", "late on
  // Monday", "early Tuesday".
  std::vector<bool> covered(t.size(), false);
  for (size_t d = 0; d < out.size(); ++d) {
    if (out[d].day == 0) continue;
    const auto [f, l] = where[d];
    ClockHit h;
    h.anchor = static_cast<int>(d);
    h.first = f;
    h.last = l;
    bool found = PartOfDay(t[f].lower, h.low, h.high);  // "tonight"
    if (!found && l + 1 < t.size()) {
      found = PartOfDay(t[l + 1].lower, h.low, h.high);
      if (found) h.last = l + 1;
    }
    size_t lead = f;
    if (f > 0 && t[f - 1].lower == "on") lead = f - 1;
    if (lead > 0 && IsDeadlineWord(t[lead - 1].lower)) continue;  // "by Wednesday morning"
    const bool late = lead > 0 && t[lead - 1].lower == "late";
    const bool early = lead > 0 && t[lead - 1].lower == "early";
    if (late || early) {
      h.first = lead - 1;
      if (!found) {
        h.low = late ? 18 * 60 : 0;
        h.high = late ? kDay : 8 * 60;
        found = true;
      } else {
        const int mid = (h.low + h.high) / 2;
        (late ? h.low : h.high) = mid;
      }
    }
    if (!found) continue;
    h.last += ReadZone(text, t, h.last + 1, h);
    hits.push_back(h);
    for (size_t k = h.first; k <= h.last; ++k) covered[k] = true;
  }
  // Clock times, and parts of the day without a date word: "in the evening", "at night".
  for (size_t i = 0; i < t.size(); ++i) {
    if (covered[i]) continue;
    ClockHit h;
    size_t consumed = i;
    if (ReadClockHit(text, t, i, h, consumed)) {
      // A range: "from 9 a.m. to 1 p.m.", "between 2 and 4 p.m." keeps both ends.
      const size_t next = consumed + 1;
      if (i > 0 && (t[i - 1].lower == "from" || t[i - 1].lower == "between") &&
          next + 1 < t.size() &&
          (Is(t, next, "to") || Is(t, next, "until") || Is(t, next, "and") || Is(t, next, "-"))) {
        ClockHit end;
        size_t end_consumed = next + 1;
        if (ReadClockHit(text, t, next + 1, end, end_consumed, /*range_end=*/true)) {
          h.high = std::max(end.high, h.low + 1);
          h.last = end.last;
          if (h.zone == DateRef::Zone::kUnknown && !h.local()) {
            h.zone = end.zone;
            h.offset = end.offset;
            h.clock = end.clock;
          }
          consumed = end_consumed;
        }
        h.first = i - 1;
      }
      hits.push_back(h);
      i = consumed;
      continue;
    }
    // "in the evening", "earlier in the afternoon", "at night".
    int low = 0, high = 0;
    if (PartOfDay(t[i].lower, low, high) && t[i].lower != "tonight" && i > 0 &&
        ((t[i - 1].lower == "the" && i > 1 &&
          (t[i - 2].lower == "in" || t[i - 2].lower == "during")) ||
         (t[i - 1].lower == "at" && t[i].lower == "night"))) {
      h = ClockHit{};
      h.first = t[i - 1].lower == "the" ? i - 2 : i - 1;
      h.last = i;
      h.low = low;
      h.high = high;
      if (h.first > 0 && (t[h.first - 1].lower == "late" || t[h.first - 1].lower == "early")) {
        const int mid = (low + high) / 2;
        (t[h.first - 1].lower == "late" ? h.low : h.high) = mid;
        --h.first;
      }
      hits.push_back(h);
    }
  }
  // A time restated in brackets right after it is one time, kept once.
  // "6.40 p.m. local time (1540 GMT)": the stated equivalent tells the local clock's offset, so
  // the local time is on a known clock too (UTC+3 here), comparable with other outlets'.
  // "04:14 GMT (06:14 local time)", "05:14 UTC (1:14 a.m. EDT)": the stated time comes first,
  // then the same instant on the place's clock or another zone's.
  auto utc_minute = [](const ClockHit& h) { return h.low - h.offset; };
  for (size_t k = 0; k + 1 < hits.size(); ++k) {
    ClockHit& first = hits[k];
    const ClockHit& second = hits[k + 1];
    if (second.first != first.last + 2 || t[first.last + 1].lower != "(") continue;
    if (first.zone == DateRef::Zone::kStated &&
        (second.local() || (second.zone == DateRef::Zone::kStated &&
                            (utc_minute(first) - utc_minute(second)) % kDay == 0))) {
      // The stated time stands; its restatement adds nothing.
    } else if (first.zone == DateRef::Zone::kUnknown && second.zone == DateRef::Zone::kStated) {
      // "6.40 p.m. local time (1540 GMT)", and "6 a.m. (0400 GMT)" with no zone named: the
      // bracket tells the offset of the clock the first is on.
      // Between the middles of the two intervals: "6 a.m." stands for 05:30-06:30. A hedged
      // time ("just before 8 p.m.") has no middle to read an offset from.
      const int width = first.high - first.low;
      if (width != 1 && width != 60) continue;
      const double raw =
          (first.low + first.high) / 2.0 - (utc_minute(second) + (second.high - second.low) / 2.0);
      int offset = static_cast<int>(std::lround(raw / 15.0)) * 15;
      if (std::abs(raw - offset) > 1) continue;  // not a whole zone: a misreading
      while (offset > 14 * 60) offset -= kDay;
      while (offset < -12 * 60) offset += kDay;
      first.place = std::move(first.clock);
      first.clock.clear();
      first.zone = DateRef::Zone::kStated;
      first.offset = offset;
      first.place_clock = true;
    } else {
      continue;
    }
    first.last = second.last + (second.last + 1 < t.size() && t[second.last + 1].lower == ")");
    hits.erase(hits.begin() + static_cast<std::ptrdiff_t>(k + 1));
  }
  // Put each time on a day: the date it is said with, else the nearest date of the sentence
  // (a copy when that date already has a time), else the day around publication.
  const size_t dates = out.size();
  std::vector<bool> timed(dates, false);
  for (const ClockHit& h : hits) {
    int anchor = h.anchor;
    if (anchor < 0) {
      size_t best = SIZE_MAX;
      for (size_t d = 0; d < dates; ++d) {
        const auto [f, l] = where[d];
        const size_t distance = l < h.first ? h.first - l : f > h.last ? f - h.last : 0;
        if (distance < best) {
          best = distance;
          anchor = static_cast<int>(d);
        }
      }
      // A month or a year says nothing about the day of a clock time.
      if (anchor >= 0 && out[anchor].day == 0) continue;
    }
    ClockHit hit = h;
    DateRef r;
    if (anchor >= 0) {
      const auto [f, l] = where[anchor];
      // "midnight" is the end of the day it is said with, except when that day follows it
      // ("after midnight on Wednesday": the start of Wednesday).
      if (hit.midnight && hit.low >= kDay && f > hit.last && f - hit.last <= 2)
        hit.low -= kDay, hit.high -= kDay;
      r = out[anchor];
      const year_month_day day_of{year{r.year}, month{static_cast<unsigned>(r.month)},
                                  std::chrono::day{static_cast<unsigned>(r.day)}};
      SetClock(r, DayIndex(day_of), hit, pub);
      const size_t first = std::min(f, hit.first), last = std::max(l, hit.last);
      r.span = {t[first].span.begin, t[last].span.end};
      if (last - first <= 4) {
        r.context = ValueContext(t, first, last);
      } else {
        std::erase_if(r.context, [](const std::string& s) { return s.size() < 2; });
        for (auto& s : ValueContext(t, hit.first, hit.last)) {
          if (s.size() > 1 && std::find(r.context.begin(), r.context.end(), s) == r.context.end())
            r.context.push_back(std::move(s));
        }
      }
      if (!timed[anchor]) {
        timed[anchor] = true;
        out[anchor] = r;
        continue;
      }
    } else {
      // No date said with it: "after midnight" starts the day it falls on.
      if (hit.midnight && hit.low >= kDay) hit.low -= kDay, hit.high -= kDay;
      SetClock(r, InferDay(pub, hit, future), hit, pub);
      r.day_inferred = true;
      // "will open at the town hall at 10am": a time to come, not the event's.
      r.ahead = SpeaksOfFuture(t, hit.first, 8);
      r.span = {t[hit.first].span.begin, t[hit.last].span.end};
      r.context = ValueContext(t, hit.first, hit.last);
    }
    out.push_back(r);
    where.emplace_back(hit.first, hit.last);
  }
  // "this morning, as the rocket lifted off at 6.14am": the part of the day holding a time the
  // sentence states is that time told loosely, not a second time to compare.
  for (size_t d = out.size(); d-- > 0;) {
    const bool told_precisely = std::any_of(out.begin(), out.end(), [&](const DateRef& e) {
      return &e != &out[d] && WithinOnOneClock(e, out[d]);
    });
    if (!told_precisely) continue;
    out.erase(out.begin() + static_cast<std::ptrdiff_t>(d));
    where.erase(where.begin() + static_cast<std::ptrdiff_t>(d));
  }
}

void ResolvePlaceClocks(std::vector<ClaimModel>& claims, const std::vector<Document>& documents,
                        const std::vector<size_t>& document_events) {
  // "event|clock" -> the offset told for it, or nullopt once two offsets are told.
  std::map<std::string, std::optional<int>> told;
  auto key_of = [&](const ClaimModel& c, const DateRef& d) {
    return std::to_string(document_events[c.document_index]) + "|" + d.clock;
  };
  for (const ClaimModel& c : claims) {
    for (const DateRef& d : c.dates) {
      if (!d.place_clock || d.clock.empty()) continue;
      auto [it, added] = told.emplace(key_of(c, d), d.utc_offset_minutes);
      if (!added && it->second != d.utc_offset_minutes) it->second.reset();
    }
  }
  if (told.empty()) return;
  for (ClaimModel& c : claims) {
    for (DateRef& d : c.dates) {
      if (d.zone != DateRef::Zone::kUnknown || d.clock.empty()) continue;
      auto it = told.find(key_of(c, d));
      if (it == told.end() || !it->second) continue;
      d.zone = DateRef::Zone::kStated;
      d.utc_offset_minutes = *it->second;
      d.place_clock = true;
      // A day inferred while the clock's offset was unknown is inferred again on that clock.
      if (d.day_inferred) {
        const Published pub = ParsePublished(documents[c.document_index].published.value_or(""));
        if (pub.have_date) {
          SetDay(d, InferDayOnClock(pub, d.minute_low, d.utc_offset_minutes, d.ahead));
        }
      }
    }
  }
}

}  // namespace parallax::align
