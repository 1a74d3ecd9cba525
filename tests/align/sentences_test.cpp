#include <catch2/catch.hpp>

#include "parallax/align/align.h"

using parallax::Span;
using parallax::align::SplitSentences;

namespace {
std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  for (const Span& s : SplitSentences(text)) out.push_back(text.substr(s.begin, s.size()));
  return out;
}
}  // namespace

TEST_CASE("sentences: abbreviations and titles do not end a sentence") {
  const auto s = Sentences("Mr. Smith met Gen. Lee in the U.S. capital on Jan. 5. They talked.");
  REQUIRE(s.size() == 2);
  CHECK(s[0] == "Mr. Smith met Gen. Lee in the U.S. capital on Jan. 5.");
  CHECK(s[1] == "They talked.");
}

TEST_CASE("sentences: a title before a name does not end a sentence") {
  const auto s = Sentences(
      "The delegation was led by Dr. Helena Marsh, the envoy. Prof. Ito and Mrs. Dale joined "
      "Det. Insp. Cole later.");
  REQUIRE(s.size() == 2);
  CHECK(s[0] == "The delegation was led by Dr. Helena Marsh, the envoy.");
  CHECK(s[1] == "Prof. Ito and Mrs. Dale joined Det. Insp. Cole later.");
}

TEST_CASE("sentences: 'a.m.' ends a sentence only before what can start one") {
  const auto s = Sentences(
      "The judge began at 10:30 a.m. (0930 GMT) in court. It ended at 1 p.m. The crowd left.");
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "The judge began at 10:30 a.m. (0930 GMT) in court.");
  CHECK(s[1] == "It ended at 1 p.m.");
}

TEST_CASE("sentences: a zone after 'a.m.' belongs to the time") {
  const auto s = Sentences(
      "It lifted off at 05:14 UTC (1:14 a.m. EDT) and reached orbit. It flew at 9 a.m. EST as "
      "planned. It landed at 11 a.m. Engineers cheered. It docked at 4 p.m. IST on time.");
  REQUIRE(s.size() == 5);
  CHECK(s[0] == "It lifted off at 05:14 UTC (1:14 a.m. EDT) and reached orbit.");
  CHECK(s[1] == "It flew at 9 a.m. EST as planned.");
  CHECK(s[2] == "It landed at 11 a.m.");  // a capitalised word, not a zone: a new sentence
  CHECK(s[4] == "It docked at 4 p.m. IST on time.");  // a zone whose offset is ambiguous
}

TEST_CASE("sentences: decimals and initials stay inside the sentence") {
  const auto s = Sentences("Growth was 3.5 per cent, said J. K. Rowling. Next came questions.");
  REQUIRE(s.size() == 2);
  CHECK(s[0] == "Growth was 3.5 per cent, said J. K. Rowling.");
}

TEST_CASE("sentences: a capital letter fused onto a number is a unit, not an initial") {
  const auto s = Sentences("The water was a chilly 14C. They pumped it out for six hours.");
  REQUIRE(s.size() == 2);
  CHECK(s[0] == "The water was a chilly 14C.");
  // A single capital after a space is still an initial.
  CHECK(Sentences("The award went to J. Smith of Dunmere.").size() == 1);
}

TEST_CASE("sentences: a paragraph break always ends a sentence") {
  const auto s = Sentences("A headline without a full stop\n\nThe body starts here. It goes on.");
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "A headline without a full stop");
}

TEST_CASE("sentences: spans are byte offsets into UTF-8 text") {
  const std::string text = "Café talks ended. “We agreed,” she said.";
  const auto spans = SplitSentences(text);
  REQUIRE(spans.size() == 2);
  CHECK(text.substr(spans[1].begin, spans[1].size()) == "“We agreed,” she said.");
}
