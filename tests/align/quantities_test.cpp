#include <catch2/catch.hpp>

#include <algorithm>

#include "parallax/align/align.h"

using parallax::Span;
using parallax::align::Bound;
using parallax::align::ExtractQuantities;
using parallax::align::Quantity;

namespace {
std::vector<Quantity> Read(const std::string& text) {
  return ExtractQuantities(text, Span{0, static_cast<uint32_t>(text.size())});
}

// The one quantity `text` states; fails the test when it states none or several.
Quantity One(const std::string& text) {
  const auto q = Read(text);
  REQUIRE(q.size() == 1);
  return q[0];
}
}  // namespace

TEST_CASE("quantities: hedged durations are read in hours with their hedge") {
  auto q = Read("The meeting lasted nearly three hours.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].unit == "h");
  CHECK(q[0].low == Approx(3));
  CHECK(q[0].bound == Bound::kApprox);

  q = Read("It was a three-hour meeting.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].unit == "h");
  CHECK(q[0].low == Approx(3));
  CHECK(q[0].bound == Bound::kExact);
}

TEST_CASE("quantities: ranges of minutes") {
  const auto q = Read("The call took four to seven minutes.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].bound == Bound::kRange);
  CHECK(q[0].low == Approx(4.0 / 60));
  CHECK(q[0].high == Approx(7.0 / 60));
}

TEST_CASE("quantities: currency restatements give the same amount") {
  const auto a = Read("The fund holds EUR 88m in reserve.");
  const auto b = Read("The fund holds 88 million euros in reserve.");
  const auto c = Read(
      "The fund holds \xE2\x82\xAC"
      "88m in reserve.");
  REQUIRE(a.size() == 1);
  REQUIRE(b.size() == 1);
  REQUIRE(c.size() == 1);
  CHECK(a[0].unit == "EUR");
  CHECK(b[0].unit == "EUR");
  CHECK(c[0].unit == "EUR");
  CHECK(a[0].low == Approx(88e6));
  CHECK(b[0].low == Approx(88e6));
  CHECK(c[0].low == Approx(88e6));
}

TEST_CASE("quantities: percentages, 'per cent' and 'up to'") {
  const auto q = Read("Duties run up to 62.4 per cent on pork and 10% on cheese.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].unit == "%");
  CHECK(q[0].bound == Bound::kUpTo);
  CHECK(q[0].low == Approx(62.4));
  CHECK(q[0].resolution == Approx(0.1));
  CHECK(q[1].low == Approx(10));
}

TEST_CASE("quantities: counts keep their noun; years, dates and clock times are not counts") {
  const auto q = Read("At least 81 drones were downed on 4 November 2025 at 0600 GMT.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].unit == "count");
  CHECK(q[0].noun == "drone");
  CHECK(q[0].bound == Bound::kAtLeast);
}

TEST_CASE("quantities: the counted noun is found past modifiers") {
  auto noun_of = [](const std::string& text) {
    const auto q = Read(text);
    return q.size() == 1 ? q[0].noun : std::string("?");
  };
  CHECK(noun_of("The deal covers 214 Haldish-flagged vessels.") == "ship");  // vessel = ship
  CHECK(noun_of("It will apply to 174 vessels registered there.") == "ship");
  CHECK(noun_of("About 400 Millbrook residents left.") == "peopl");  // residents are people
  CHECK(noun_of("More than 30 fire engines attended.") == "engin");
  CHECK(noun_of("Six people were hurt.") == "peopl");
  CHECK(noun_of("They counted 40 trawlers in port.") == "trawler");
}

TEST_CASE("quantities: ordinals with their noun") {
  const auto q = Read("It was the fourteenth round of talks, not the 13th round.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].unit == "ordinal");
  CHECK(q[0].low == 14);
  CHECK(q[0].noun == "round");
  CHECK(q[1].low == 13);
}

TEST_CASE("quantities: a vote tally is read as one exact value, in numerals or words") {
  const auto a = Read("The council voted 7-4 to approve the plan.");
  const auto b = Read("Members voted seven to four to approve it.");
  REQUIRE(a.size() == 1);
  REQUIRE(b.size() == 1);
  CHECK(a[0].unit == "tally");
  CHECK(a[0].low == b[0].low);
  CHECK(Read("It passed on a 6-5 vote.")[0].low != a[0].low);
  // Without a vote, "four to seven" is a range, not a tally.
  CHECK(Read("It took four to seven minutes.")[0].unit == "h");
}

TEST_CASE("quantities: a decision taken by vote carries its tally without the word 'vote'") {
  const auto passed = Read("The amendment passed nine to two.");
  REQUIRE(passed.size() == 1);
  CHECK(passed[0].unit == "tally");
  CHECK(passed[0].low == Read("It passed 9-2 after a short debate.")[0].low);
  // A descending pair with no decision in the sentence is not a tally.
  const auto no_decision = Read("Scores of nine to two were common that season.");
  for (const auto& q : no_decision) CHECK(q.unit != "tally");
}

TEST_CASE("quantities: a board split or backing a move by votes carries a tally") {
  const auto voted = Read("The board voted 6-1 for the increase.");
  REQUIRE(voted.size() == 1);
  const auto words = Read("The board backed the increase by six votes to one.");
  REQUIRE(words.size() == 1);
  CHECK(words[0].unit == "tally");
  CHECK(words[0].low == voted[0].low);
  const auto split = Read("The board split 5-2 on the move.");
  REQUIRE(split.size() == 1);
  CHECK(split[0].unit == "tally");
  CHECK(split[0].low != voted[0].low);
}

TEST_CASE("quantities: number words and figures are not the words around a value") {
  const auto q = Read("The board split 5-2, with two of the seven members preferring a 25bp step.");
  for (const auto& x : q) {
    for (const auto& word : x.context) CHECK((word != "two" && word != "25bp"));
  }
}

TEST_CASE("quantities: a share in words is a percentage ('half of', 'two-thirds of')") {
  const auto half = Read("Half of the cost would come from the federal government.");
  REQUIRE(half.size() == 1);
  CHECK(half[0].unit == "%");
  CHECK(half[0].low == 50);
  const auto two_thirds = Read("Overriding a veto takes two-thirds of the council.");
  REQUIRE(two_thirds.size() == 1);
  CHECK(two_thirds[0].unit == "%");
  CHECK(two_thirds[0].low == Approx(66.67).epsilon(0.01));
  CHECK(two_thirds[0].bound == Bound::kApprox);
  // An ordinal day is not a share.
  for (const auto& q : Read("The vote is set for the third of May.")) CHECK(q.unit != "%");
}

TEST_CASE("quantities: 'five-plus' is at least five") {
  const auto q = Read("After a five-plus-hour marathon the council voted.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].unit == "h");
  CHECK(q[0].low == 5);
  CHECK(q[0].bound == Bound::kAtLeast);
}

TEST_CASE("quantities: units of measure are read in a base unit, written apart or fused") {
  CHECK(One("Up to 310mm of rain fell.").unit == "m");
  CHECK(One("Up to 310mm of rain fell.").low == Approx(0.31));
  CHECK(One("It dumped 12 inches of rain.").low == Approx(0.3048));
  CHECK(One("Winds reached 110km/h at landfall.").unit == "km/h");
  CHECK(One("Winds reached 68 mph at landfall.").low == Approx(109.4).epsilon(0.01));
  CHECK(One("Winds of 110 kilometres per hour hit the coast.").low == Approx(110));
  CHECK(One("The warehouse covered 12,000 square metres.").unit == "m2");
  CHECK(One("The site covers 1.2 hectares.").low == Approx(12000));
  CHECK(One("Boats fish outside a 12-nautical-mile belt.").low == Approx(22224));
  CHECK(One("It takes a 38,000-tonne quota.").unit == "kg");
  CHECK(One("They worked at the 340 m level.").unit == "m");
  CHECK(One("A flow of 45 cubic metres per second is guaranteed.").unit == "m3/s");
  CHECK(One("They pumped out 40,000 cubic metres of water.").unit == "m3");
  // A fused unit after thousands separators; litres are cubic decimetres.
  CHECK(One("The satellite weighs 1,150kg.").low == Approx(1150));
  CHECK(One("The satellite weighs 1,150kg.").unit == "kg");
  CHECK(One("They pumped out some 40 million litres of water.").unit == "m3");
  CHECK(One("They pumped out some 40 million litres of water.").low == Approx(40000));
  CHECK(One("The tank holds 500 gallons.").low == Approx(1.893).epsilon(0.01));
}

TEST_CASE("quantities: 'N and a half' adds a half to N") {
  auto q = Read("The network has offered four and a half percent.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].unit == "%");
  CHECK(q[0].low == Approx(4.5));
  q = Read("The talks lasted two and a half hours.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].unit == "h");
  CHECK(q[0].low == Approx(2.5));
  q = Read("About 1 and a half million people live there.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].low == Approx(1.5e6));
}

TEST_CASE("quantities: temperatures are read in degrees Celsius") {
  CHECK(One("The water was about 14 degrees Celsius.").unit == "C");
  CHECK(One("The water was about 14 degrees Celsius.").low == Approx(14));
  CHECK(One("The water was about 14 degrees Celsius.").bound == Bound::kApprox);
  CHECK(One("The water was a chilly 14C underground.").unit == "C");
  CHECK(One("Temperatures reached 57 degrees Fahrenheit.").low == Approx(13.89).epsilon(0.01));
  CHECK(One("It was 57F in the shade.").unit == "C");
  // Degrees of an angle or a university are not temperatures.
  for (const auto& x : Read("The ship listed 14 degrees to port.")) CHECK(x.unit != "C");
}

TEST_CASE("quantities: one unit of length by its article is a distance told roughly") {
  auto q = Read("She came to rest just over a nautical mile south-west of the breakwater.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].unit == "m");
  CHECK(q[0].low == Approx(1852));
  CHECK(q[0].bound == Bound::kAtLeast);
  q = Read("It stopped about a kilometre from the pier.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].low == Approx(1000));
  CHECK(q[0].bound == Bound::kApprox);
  // A length describing a thing is not a distance the thing covers.
  CHECK(Read("Drivers waited in a mile-long queue.").empty());
  // An article before a unit of time is no length.
  for (const auto& x : Read("The talks lasted an hour.")) CHECK(x.unit != "m");
  // Half the unit: "half a kilometre".
  q = Read("Homes within half a kilometre of the warehouse were cleared.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].low == Approx(500));
}

TEST_CASE("quantities: basis points and percentage points are read in percentage points") {
  CHECK(One("He favoured a 25 basis point increase.").unit == "pp");
  CHECK(One("He favoured a 25 basis point increase.").low == Approx(0.25));
  CHECK(One("The bank raised its rate by 25bp.").low == Approx(0.25));
  CHECK(One("The bank raised its rate by 50 bps.").low == Approx(0.5));
  CHECK(One("Rates rose by 0.75 percentage points.").low == Approx(0.75));
  // Fractions of a point: "a quarter-point move", "half a percentage point".
  CHECK(One("She argued for a smaller, quarter-point move.").low == Approx(0.25));
  CHECK(One("She argued for a smaller, quarter-point move.").unit == "pp");
  CHECK(One("The bank raised rates by half a percentage point.").low == Approx(0.5));
  CHECK(One("The bank raised rates by a quarter of a point.").low == Approx(0.25));
  CHECK(One("It raised its key rate by three-quarters of a percentage point.").low == Approx(0.75));
  // A share is still a share.
  CHECK(One("A quarter of the staff walked out.").unit == "%");
}

TEST_CASE("quantities: a figure someone favoured or argued for is a wish") {
  CHECK(One("The lone dissenter favoured a 25 basis point increase.").wanted);
  CHECK(One("Bremmer argued for a quarter-point move.").wanted);
  CHECK(One("The union has called for a 9 percent rise.").wanted);
  CHECK_FALSE(One("Sorvane was the only member to oppose the half-point rise.").wanted);
  CHECK_FALSE(One("The bank raised its rate by 50 basis points.").wanted);
}

TEST_CASE("quantities: 'the crew of 19' and '19 crew members' count the crew") {
  CHECK(One("The crew of 19 stayed aboard until the end.").noun == "crew");
  CHECK(One("The ferry carried 19 crew members on the crossing.").noun == "crew");
  CHECK(One("A team of 12 divers searched the hull.").noun == "diver");
}

TEST_CASE("quantities: 'N dozen' is N twelves") {
  auto q = Read("About three dozen workers were on the night shift.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].low == Approx(36));
  CHECK(q[0].noun == "worker");
  q = Read("A dozen drones were seen.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].low == Approx(12));
}

TEST_CASE("quantities: a fused 'm' before a length word is metres, elsewhere millions") {
  auto q = Read("Homes within a 500m radius of the warehouse were cleared.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].unit == "m");
  CHECK(q[0].low == Approx(500));
  q = Read("The crater is 40m wide.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].unit == "m");
  q = Read("The city will spend EUR 88m on the works.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].low == Approx(88e6));
}

TEST_CASE("quantities: an age is not a duration; 'weeks ago' is not a quantity") {
  auto q = Read("Last up was 58-year-old foreman Aurel Vasko.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].unit == "age");
  CHECK(q[0].noun == "foreman");
  CHECK(q[0].low == Approx(58));
  for (const auto& x : Read("Two weeks ago the first round was held.")) CHECK(x.unit != "h");
}

TEST_CASE("quantities: a number with a thousands separator is a count, never a year") {
  auto q = Read("Some 2,100 nurses joined the walkout.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].unit == "count");
  CHECK(q[0].low == Approx(2100));
  CHECK(q[0].noun == "nurs");
  // Written as four bare digits it is a year, not a count.
  CHECK(Read("The nurses last walked out in 2019.").empty());
}

TEST_CASE("quantities: the hour of \"seven o'clock\" is not a count") {
  CHECK(Read("The walkout began at seven o'clock in the morning.").empty());
  CHECK(Read("The walkout began at 7 o'clock.").empty());
}

TEST_CASE("quantities: a count's noun is the plural after its modifiers") {
  auto noun_of = [](const std::string& text) {
    const auto q = Read(text);
    REQUIRE(q.size() == 1);
    return q[0].noun;
  };
  CHECK(noun_of("The network will use two hired mobile theatres.") == "theatr");
  CHECK(noun_of("About 340 planned operations were postponed.") == "oper");
  CHECK(noun_of("Crews sent 30 fire engines.") == "engin");
  CHECK(noun_of("Officials counted 81 drones overnight.") == "drone");
  CHECK(noun_of("Six people were hurt.") == "peopl");
}

TEST_CASE("quantities: a number joined to a name is part of the name, not a count") {
  CHECK(Read("The Orla-2 satellite reached orbit.").empty());
  CHECK(Read("Two F-16 jets escorted the plane.").size() == 1);  // "two jets", not 16
  const auto q = Read("Ward 7 took 19 Covid-19 patients.");
  REQUIRE(q.size() == 2);
  CHECK(q[1].low == Approx(19));
}

TEST_CASE("quantities: a weight in pounds is a weight; money in pounds stays money") {
  auto q = Read("It carried the 1,150-kilogram (2,535-pound) satellite.");
  REQUIRE(q.size() == 2);
  CHECK(q[1].unit == "kg");
  CHECK(q[1].low == Approx(1150).epsilon(0.01));
  q = Read("The 2,535-lb satellite is the heaviest yet.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].unit == "kg");
  CHECK(q[0].low == Approx(1150).epsilon(0.01));
  q = Read("The fine was 2,535 pounds, paid with a ten-pound note.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].unit == "GBP");
  CHECK(q[1].unit == "GBP");
}

TEST_CASE("quantities: a bare number before a verb counts the noun said before it") {
  auto q = Read("Two people were killed and more than 60 were injured.");
  REQUIRE(q.size() == 2);
  CHECK(q[1].low == 60);
  CHECK(q[1].unit == "count");
  CHECK(q[1].noun == q[0].noun);
  CHECK(q[1].bound == Bound::kAtLeast);
  // Without a count before it, a bare number is not read as one.
  CHECK(Read("By nightfall 60 were accounted for.").empty());
}

TEST_CASE("quantities: a value's words stop at 'and' on either side") {
  auto q = Read("Two passengers were killed and 38 people were injured.");
  REQUIRE(q.size() == 2);
  CHECK(q[1].context == std::vector<std::string>{"injur"});
}

TEST_CASE("quantities: counts joined by 'and' before their verb share that verb") {
  // "X and Y have been postponed": both were postponed, so both carry the verb.
  auto q = Read(
      "About 340 planned operations and more than 1,500 outpatient appointments have "
      "been postponed.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].low == 340);
  CHECK(std::find(q[0].context.begin(), q[0].context.end(), "postpon") != q[0].context.end());
  CHECK(std::find(q[1].context.begin(), q[1].context.end(), "postpon") != q[1].context.end());
  // A count whose own verb comes before 'and' keeps only its own.
  auto own = Read("Two passengers were killed and 38 people were injured.");
  REQUIRE(own.size() == 2);
  CHECK(own[0].context == std::vector<std::string>{"die"});  // "kill" is read as "die"
}

TEST_CASE("quantities: an 'N-strong' crowd counts the people in it") {
  auto q = Read("A 10,000-strong crowd on the beach went wild.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].unit == "count");
  CHECK(q[0].low == 10000);
  // Spectators, onlookers and a crowd are all people counted.
  CHECK(q[0].noun == Read("About 4,000 people had gathered.")[0].noun);
  CHECK(q[0].noun == Read("Nearly 4,000 spectators cheered.")[0].noun);
  CHECK(q[0].noun == Read("Some 300 onlookers watched.")[0].noun);
}

TEST_CASE("quantities: a list of kinds counts the class they make up") {
  // "cars, vans and lorries" are the vehicles counted elsewhere as "vehicles".
  auto q = Read("It affects more than 58,000 cars, vans and lorries every day.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].noun == Read("It carries about 38,000 vehicles a day.")[0].noun);
  CHECK(q[0].noun_text == "cars, vans and lorries");
  // One kind alone is that kind: "30,000 cars" may be a part of the traffic.
  CHECK(Read("It carries 30,000 cars a day.")[0].noun != q[0].noun);
  // A list of unrelated nouns keeps its first.
  CHECK(Read("They sent 40 engines, crews and ladders.")[0].noun == "engin");
}
