// Clock times on dates: forms, hedges, zones, and the day a time without a date falls on.
#include <catch2/catch.hpp>

#include "parallax/align/align.h"

using parallax::Span;
using parallax::align::DateRef;
using parallax::align::ExtractDates;
using Zone = parallax::align::DateRef::Zone;

namespace {
// 2025-11-04 was a Tuesday; the page was stamped at 12:18 in UTC+01:00.
constexpr const char* kTuesdayNoon = "2025-11-04T12:18:00+01:00";

std::vector<DateRef> Read(const std::string& text, const std::string& published = kTuesdayNoon) {
  return ExtractDates(text, Span{0, static_cast<uint32_t>(text.size())}, published);
}

// The single dated clock time in `text`; fails the test when there is not exactly one.
DateRef One(const std::string& text, const std::string& published = kTuesdayNoon) {
  const auto d = Read(text, published);
  REQUIRE(d.size() == 1);
  REQUIRE(d[0].minute_low >= 0);
  return d[0];
}

bool Interval(const DateRef& d, int low, int high) {
  return d.minute_low == low && d.minute_high == high;
}

constexpr int H(int hour, int minute = 0) {
  return hour * 60 + minute;
}
}  // namespace

TEST_CASE("clock times: a written minute is that minute; a whole hour is +/- 30 minutes") {
  CHECK(Interval(One("The vote came at 09:30 on Tuesday."), H(9, 30), H(9, 31)));
  CHECK(Interval(One("The roll call came at 10:50 p.m."), H(22, 50), H(22, 51)));
  CHECK(Interval(One("The roll call came at 10:50pm."), H(22, 50), H(22, 51)));
  CHECK(Interval(One("Doors opened at 9.30am."), H(9, 30), H(9, 31)));
  CHECK(Interval(One("Talks began at 2pm."), H(13, 30), H(14, 30)));
  CHECK(Interval(One("Talks began at 2 p.m."), H(13, 30), H(14, 30)));
  CHECK(Interval(One("The vote came at 11 pm."), H(22, 30), H(23, 30)));
}

TEST_CASE("clock times: 'o'clock' is a time when the part of the day says which half") {
  CHECK(Interval(One("The walkout began at seven o'clock in the morning."), H(6, 30), H(7, 30)));
  CHECK(Interval(One("The doors shut at 9 o'clock in the evening."), H(20, 30), H(21, 30)));
  CHECK(Interval(One("The alarm sounded at two o'clock at night."), H(1, 30), H(2, 30)));
  // Without the part of the day, "seven o'clock" may be either: no time, and no count either.
  for (const auto& d : Read("The walkout began at seven o'clock.")) CHECK(d.minute_low < 0);
}

TEST_CASE("clock times: noon and midnight") {
  CHECK(Interval(One("They broke off at noon."), H(11, 30), H(12, 30)));
  // Midnight said with a day is the end of that day.
  const DateRef d = One("They broke off on Tuesday at midnight.");
  CHECK(d.day == 4);
  CHECK(Interval(d, H(23, 30), H(24, 30)));
}

TEST_CASE("clock times: hedges place the interval before, after or around the time") {
  CHECK(Interval(One("The vote, taken shortly before 11 p.m., passed."), H(22, 15), H(23)));
  CHECK(Interval(One("The vote was taken around 3 p.m."), H(14), H(16)));
  CHECK(Interval(One("The vote was taken at about 10:50 p.m."), H(22, 35), H(23, 6)));
  CHECK(Interval(One("Talks ran from 9 a.m. until 1 p.m. on Dec. 9."), H(9) - 30, H(13) + 30));
}

TEST_CASE("clock times: a stated zone is kept with its offset") {
  DateRef d = One("It began at 0600 GMT.");
  CHECK(d.zone == Zone::kStated);
  CHECK(d.utc_offset_minutes == 0);
  CHECK(Interval(d, H(6), H(6, 1)));
  d = One("It began at 06:00 GMT.");
  CHECK(d.zone == Zone::kStated);
  CHECK(Interval(d, H(6), H(6, 1)));
  CHECK(One("It began at 14:30 CEST.").utc_offset_minutes == 120);
  CHECK(One("It began at 1400 EDT.").utc_offset_minutes == -240);
  CHECK(One("It began at 10:00 UTC+8.").utc_offset_minutes == 480);
  CHECK(One("It began at 10:00 UTC-05:30.").utc_offset_minutes == -330);
}

TEST_CASE("clock times: 'local time' and a place's time leave the zone unknown") {
  CHECK(One("The talks started at 2pm local time.").zone == Zone::kUnknown);
  CHECK(One("He spoke this afternoon Lisbon time.").zone == Zone::kUnknown);
  // Whose wall clock it is stays known by name.
  CHECK(One("The talks started at 2pm local time.").clock == "local");
  CHECK(One("He spoke this afternoon Lisbon time.").clock == "lisbon");
  CHECK(One("The talks started at 2pm GMT.").clock.empty());
}

TEST_CASE("clock times: without a stated zone the publication's offset is assumed") {
  DateRef d = One("The talks started at 2pm.");
  CHECK(d.zone == Zone::kPublication);
  CHECK(d.utc_offset_minutes == 60);
  // A publication date without a time gives no zone.
  d = One("The talks started at 2pm.", "2025-11-04");
  CHECK(d.zone == Zone::kUnknown);
}

TEST_CASE("clock times: scores, tallies, years, durations and race times are not clock times") {
  CHECK(Read("The home side won 2-1 after the council voted 7-4.").empty());
  CHECK(Read("Trains should run all week and the line will be open 24/7.").empty());
  const auto year = Read("Trains should run by 2031.");  // a year, with no time of day
  REQUIRE(year.size() == 1);
  CHECK(year[0].minute_low < 0);
  CHECK(Read("The talks lasted four hours and ended in the hall at 9.30 sharp.").empty());
  CHECK(Read("She finished in 2:05:30, a course record.").empty());
  CHECK(Read("Good morning and welcome to our live coverage.").empty());
  CHECK(Read("Bids are due by 4pm.").empty());  // a deadline, not when something happened
  CHECK(Read("The score was 3:1 at half time.").empty());
}

TEST_CASE("clock times: parts of the day said with a date are broad intervals on it") {
  DateRef d = One("Han held talks on Tuesday afternoon.");
  CHECK(d.day == 4);
  CHECK(Interval(d, H(12), H(18)));
  d = One("He spoke to reporters this morning.");
  CHECK(d.day == 4);
  CHECK(Interval(d, H(5), H(12)));
  d = One("Caradonna landed late on Monday.");
  CHECK(d.day == 3);
  CHECK(Interval(d, H(18), H(24)));
  d = One("He arrived early Tuesday.");
  CHECK(Interval(d, H(0), H(8)));
  d = One("The council on Tuesday night approved the budget.");
  CHECK(d.day == 4);
  CHECK(Interval(d, H(18), H(28)));  // runs into Wednesday
}

TEST_CASE("clock times: a part of the day after 'by' or 'until' is a deadline, not a time") {
  auto d = Read("Trains were running again on the line by Wednesday morning, the operator said.",
                "2026-11-18T07:00:00-05:00");
  REQUIRE(d.size() == 1);
  CHECK(d[0].minute_low < 0);
  d = Read("The line stays closed until Friday evening.", "2026-11-18T07:00:00-05:00");
  REQUIRE(d.size() == 1);
  CHECK(d[0].minute_low < 0);
  d = Read("Trains were running again on Wednesday morning.", "2026-11-18T07:00:00-05:00");
  REQUIRE(d.size() == 1);
  CHECK(d[0].minute_low >= 0);
}

TEST_CASE("clock times: a time said with a date is put on that date, not beside it") {
  const DateRef d = One("The hearing is on Thursday, Oct. 30, at 6 p.m. in council chambers.");
  CHECK(d.month == 10);
  CHECK(d.day == 30);
  CHECK_FALSE(d.day_inferred);
  CHECK(Interval(d, H(17, 30), H(18, 30)));
}

TEST_CASE("clock times: a time without a date falls on the day it last fell before publication") {
  // Stamped at 06:30 on Wednesday 15 October: 10:50 p.m. was Tuesday's.
  DateRef d = One("The roll call came at 10:50 p.m.", "2025-10-15T06:30:00-04:00");
  CHECK(d.day_inferred);
  CHECK(d.day == 14);
  // Stamped at 23:48 on Tuesday: the same evening.
  d = One("The vote came shortly before 11 p.m.", "2025-10-14T23:48:00-04:00");
  CHECK(d.day == 14);
  // A time in a sentence about the future is the next one to come.
  d = One("Talks will resume at 9 a.m.", "2025-11-04T15:00:00+01:00");
  CHECK(d.day == 5);
  // Without a publication time: the publication day.
  d = One("The roll call came at 10:50 p.m.", "2025-10-15");
  CHECK(d.day == 15);
  // A morning paper's "shortly before 5 p.m." is yesterday's; a live page's entry a few hours
  // after its first stamp is the same day's.
  d = One("They signed shortly before 5 p.m.", "2026-06-10T06:45:00+03:00");
  CHECK(d.day == 9);
  d = One("The storm made landfall at 9 a.m.", "2026-06-10T06:45:00+03:00");
  CHECK(d.day == 10);
}

TEST_CASE("clock times: a time without a date in a clause about the future lies ahead") {
  // Stamped at 06:45: the opening at 10am is still to come that day, not a time of the event.
  DateRef d =
      One("A book of condolence will open at the town hall at 10am.", "2026-11-18T06:45:00+01:00");
  CHECK(d.day == 18);
  CHECK(d.ahead);
  d = One("Talks will resume at 9 a.m.", "2025-11-04T15:00:00+01:00");
  CHECK(d.ahead);
  d = One("The roll call came at 10:50 p.m.", "2025-10-15T06:30:00-04:00");
  CHECK_FALSE(d.ahead);
  // A future word in another clause, far before the time, does not move it.
  d =
      One("Investigators will examine the wreck, which came off the rails as it entered the "
          "sharp curve south of the station at 7.52 p.m.",
          "2026-11-18T06:45:00+01:00");
  CHECK_FALSE(d.ahead);
}

TEST_CASE("clock times: 'local time (1540 GMT)' tells the local clock's offset, kept once") {
  const auto d = Read("They initialled it at 6.40 p.m. local time (1540 GMT) on Tuesday.");
  REQUIRE(d.size() == 1);
  CHECK(d[0].zone == Zone::kStated);
  CHECK(d[0].place_clock);
  CHECK(d[0].utc_offset_minutes == 180);
  CHECK(Interval(d[0], H(18, 40), H(18, 41)));
}

TEST_CASE("clock times: the time of a statement is not the time of what it tells") {
  CHECK(Read("Police sources tonight said the blaze was started deliberately.").empty());
  CHECK(Read("Three people died, the civil protection office confirmed this evening.").empty());
  CHECK(Read("The governor said on Tuesday that the fire began on Monday.").size() == 1);
}

TEST_CASE("clock times: after midnight is the start of the next day") {
  // Said with an evening's date: the day after it.
  DateRef d = One("The vote on Tuesday came just after midnight.");
  CHECK(d.day == 5);
  CHECK(Interval(d, H(0), H(0, 45)));
  // Alone in a page stamped early on Wednesday: that Wednesday's small hours.
  d = One("The roll call came after midnight.", "2025-10-15T06:40:00-04:00");
  CHECK(d.month == 10);
  CHECK(d.day == 15);
  CHECK(Interval(d, H(0), H(4)));
  // "after midnight on Wednesday" names the day it starts (told on the Thursday after).
  d = One("Talks ended after midnight on Wednesday.", "2025-11-06T12:00:00+01:00");
  CHECK(d.day == 5);
  CHECK(Interval(d, H(0), H(4)));
}

TEST_CASE("clock times: a stated time restated in brackets on another clock is kept once") {
  DateRef d = One("It lifted off at 05:14 UTC (1:14 a.m. EDT) on Tuesday.");
  CHECK(d.zone == Zone::kStated);
  CHECK(d.utc_offset_minutes == 0);
  CHECK(Interval(d, H(5, 14), H(5, 15)));
  d = One("It lifted off at 04:14 GMT (06:14 local time) on Tuesday.");
  CHECK(d.zone == Zone::kStated);
  CHECK(Interval(d, H(4, 14), H(4, 15)));
  // Two different instants in brackets are two times.
  CHECK(Read("It was due at 05:14 UTC (delayed to 07:30 UTC) on Tuesday.").size() == 2);
}

TEST_CASE("clock times: the part of the day holding a stated time is that time told loosely") {
  const DateRef d = One("Windows rattled this morning as the rocket lifted off at 6.14am.");
  CHECK(Interval(d, H(6, 14), H(6, 15)));
  // A time outside it is another time of the sentence.
  CHECK(Read("The hall filled this morning and the vote came at 3pm.").size() == 2);
}

TEST_CASE(
    "clock times: a time with no zone named, restated in brackets on a stated clock, is kept "
    "once on the clock the bracket tells") {
  const auto d = Read("Barriers went up at 6 a.m. (0400 GMT) on Tuesday.");
  REQUIRE(d.size() == 1);
  CHECK(d[0].zone == Zone::kStated);
  CHECK(d[0].utc_offset_minutes == 120);
  CHECK(Interval(d[0], H(5, 30), H(6, 30)));
}
