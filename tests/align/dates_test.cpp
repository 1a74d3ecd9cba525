#include <catch2/catch.hpp>

#include "parallax/align/align.h"

using parallax::Span;
using parallax::align::DateRef;
using parallax::align::ExtractDates;

namespace {
// 2025-11-04 was a Tuesday.
constexpr const char* kTuesday = "2025-11-04T12:18:00+01:00";

std::vector<DateRef> Read(const std::string& text, const std::string& published = kTuesday) {
  return ExtractDates(text, Span{0, static_cast<uint32_t>(text.size())}, published);
}
}  // namespace

TEST_CASE("dates: a weekday resolves to the nearest such day around publication") {
  auto d = Read("They arrived on Monday evening.");
  REQUIRE(d.size() == 1);
  CHECK(d[0].year == 2025);
  CHECK(d[0].month == 11);
  CHECK(d[0].day == 3);

  d = Read("Talks were held on Tuesday.");
  REQUIRE(d.size() == 1);
  CHECK(d[0].day == 4);
}

TEST_CASE("dates: a weekday in a sentence about the future lies ahead") {
  const auto d = Read("He will meet the premier on Monday.");
  REQUIRE(d.size() == 1);
  CHECK(d[0].day == 10);
}

TEST_CASE("dates: day and month in either order, abbreviated, year inferred") {
  auto d = Read("The first session is set for 9 December in Brussels.");
  REQUIRE(d.size() == 1);
  CHECK(d[0].year == 2025);
  CHECK(d[0].month == 12);
  CHECK(d[0].day == 9);
  d = Read("It meets in Brussels on Dec. 9.");
  REQUIRE(d.size() == 1);
  CHECK(d[0].month == 12);
  CHECK(d[0].day == 9);
}

TEST_CASE("dates: a month alone keeps month precision; 'expected in January' is next year") {
  const auto d = Read("The first round is expected in January.");
  REQUIRE(d.size() == 1);
  CHECK(d[0].year == 2026);
  CHECK(d[0].month == 1);
  CHECK(d[0].day == 0);
}

TEST_CASE("dates: 'today' is the publication date; unknown publication leaves it unresolved") {
  auto d = Read("Talks were held in Beijing today.");
  REQUIRE(d.size() == 1);
  CHECK(d[0].day == 4);
  d = Read("Talks were held in Beijing today.", "");
  CHECK(d.empty());
}

TEST_CASE("dates: a target year after a preposition is a year; 'by' makes it a deadline") {
  auto d = Read("The agency aims to open the line in 2031.");
  REQUIRE(d.size() == 1);
  CHECK(d[0].year == 2031);
  CHECK(d[0].month == 0);
  CHECK_FALSE(d[0].no_later);

  d = Read("Officials want trains running by 2030.");
  REQUIRE(d.size() == 1);
  CHECK(d[0].year == 2030);
  CHECK(d[0].no_later);
}

TEST_CASE("dates: past years, figures and spans are not read as dates") {
  CHECK(Read("The streetcars stopped running in 1951.").empty());  // background, not the story
  CHECK(Read("The plan expects 2030 riders a day.").empty());
  CHECK(Read("Work runs in 2026-2027 if funded.").empty());
  CHECK(Read("The line opens in 2031.", "").empty());  // no publication year to tell a target
}

TEST_CASE("dates: a year not written is marked inferred; a past year next to a date marks it") {
  auto d = Read("Dues fall from January 1 and again from 1 January 2027.");
  REQUIRE(d.size() == 2);
  CHECK(d[0].year_inferred);
  CHECK_FALSE(d[1].year_inferred);
}

TEST_CASE("dates: a future word far from the weekday, in a quote, does not move it ahead") {
  // Published Thursday 2025-11-06: "Wednesday" is the day before.
  const auto d = Read(
      "Pell, who toured shelters on Wednesday afternoon, said: \"Every family will get help.\"",
      "2025-11-06T08:00:00+01:00");
  REQUIRE(d.size() == 1);
  CHECK(d[0].day == 5);
}

TEST_CASE("dates: where a state began ('since Saturday') is not a date of the event") {
  CHECK(Read("Families have waited at the gate since Saturday.").empty());
  CHECK(Read("The town could breathe for the first time since last Saturday.").empty());
  // 2025-11-04 is a Tuesday: "last Saturday" is the 1st.
  const auto d = Read("The water broke in last Saturday.");
  REQUIRE(d.size() == 1);
  CHECK(d[0].day == 1);
}

TEST_CASE("dates: 'tonight' in a past-tense sentence stamped in the morning is last night") {
  auto d = Read("Tonight the council voted to borrow money.", "2025-10-15T06:40:00-04:00");
  REQUIRE(d.size() == 1);
  CHECK(d[0].day == 14);
  CHECK(d[0].relative);
  d = Read("Tonight the council will vote on the plan.", "2025-10-15T06:40:00-04:00");
  REQUIRE(d.size() == 1);
  CHECK(d[0].day == 15);
}

TEST_CASE("dates: a weekday is the last such day unless a future word is near") {
  // Published Friday 2026-11-20: "on Saturday" in a past-tense sentence is the 14th.
  auto d = Read("Water burst into the face on Saturday afternoon.", "2026-11-20T06:00:00+02:00");
  REQUIRE(d.size() == 1);
  CHECK(d[0].day == 14);
  d = Read("Schools stay closed until Monday.", "2026-11-20T06:00:00+02:00");
  REQUIRE(d.size() == 1);
  CHECK(d[0].day == 23);
  d = Read("The ministers would meet again on Tuesday.", "2026-11-20T06:00:00+02:00");
  REQUIRE(d.size() == 1);
  CHECK(d[0].day == 24);
}

TEST_CASE("dates: a day after the publication day, or the rest of it, lies ahead") {
  auto d = Read("The full results will be printed in tomorrow's edition.");
  REQUIRE(d.size() == 1);
  CHECK(d[0].day == 5);
  CHECK(d[0].ahead);

  d = Read("The breakdown goes online later today.");
  REQUIRE(d.size() == 1);
  CHECK(d[0].day == 4);
  CHECK(d[0].ahead);

  d = Read("The ruling is due this afternoon.");
  REQUIRE(d.size() == 1);
  CHECK(d[0].ahead);

  d = Read("There will be no joint statement from today's meeting.");
  REQUIRE(d.size() == 1);
  CHECK_FALSE(d[0].ahead);

  d = Read("Talks were held on Monday.");
  REQUIRE(d.size() == 1);
  CHECK_FALSE(d[0].ahead);

  d = Read("The talks will be held on 9 December 2025.", "");  // no publication date
  REQUIRE(d.size() == 1);
  CHECK_FALSE(d[0].ahead);
}
