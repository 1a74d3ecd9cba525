// ExtractArticle on small hand-written pages: body selection, metadata, charsets, limits.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "../../fetch/src/extract_internal.h"
#include "parallax/fetch/extract.h"

using parallax::fetch::ExtractArticle;
using parallax::fetch::ExtractOptions;

namespace {

std::string ReadPage(const std::string& name) {
  std::ifstream in(std::filesystem::path(PARALLAX_SOURCE_DIR) / "tests/data/fetch/extract" / name,
                   std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  REQUIRE(!out.str().empty());
  return out.str();
}

bool Contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("the story's paragraphs are kept in order and page furniture is dropped") {
  auto doc = ExtractArticle(ReadPage("harbour-bridge.html"),
                            "https://www.estuary.example/news/2024/03/09/swing-bridge-reopens/");
  REQUIRE(doc.ok());
  const std::string& text = doc->text;
  CHECK(text.rfind("The cast-iron swing bridge over the river mouth opened", 0) == 0);
  CHECK(Contains(text, "in its central pivot.\n\nAbout three hundred people crossed"));
  CHECK(Contains(text, "\n\nA slow, careful job\n\n"));  // a subhead is its own paragraph
  CHECK(Contains(text, "will become a small museum in the summer."));
  for (const char* boiler :
       {"cookies", "Most read", "Share on Facebook", "Read more", "morning briefing",
        "All rights reserved", "Ferry fares", "TRANSPORT CORRESPONDENT", "Published 9 March"}) {
    INFO(boiler);
    CHECK_FALSE(Contains(text, boiler));
  }
  // The headline goes to metadata, not into the text.
  CHECK_FALSE(Contains(text, "Old swing bridge reopens"));
  CHECK_FALSE(Contains(text, "  "));
  CHECK_FALSE(Contains(text, "\n\n\n"));
  CHECK(doc->title == "Old swing bridge reopens after two-year repair");
  CHECK(doc->author == "Margaret O'Neil");
  CHECK(doc->published == "2024-03-09T10:15:00+00:00");
  CHECK(doc->outlet == "The Estuary Gazette");
  CHECK(doc->canonical_url == "https://www.estuary.example/news/2024/03/09/swing-bridge-reopens/");
  CHECK(doc->language == "en-GB");
  CHECK_FALSE(doc->partial);
}

TEST_CASE("a paywalled teaser is partial and JSON-LD gives title, authors and date") {
  auto doc = ExtractArticle(ReadPage("teaser.html"), "https://coastline.example/port-plan");
  REQUIRE(doc.ok());
  CHECK(doc->partial);
  CHECK(doc->title == "Inside the port's quiet expansion plan");
  CHECK(doc->author == "Jonas Berg, Alma Ruiz");
  CHECK(doc->published == "2024-05-02T07:00:00+02:00");
  CHECK(doc->outlet == "Coastline Business");
  CHECK(Contains(doc->text, "bought four plots of land"));
  CHECK_FALSE(Contains(doc->text, "Subscribe"));
}

TEST_CASE("the <title> loses its outlet suffix when nothing better names the headline") {
  std::string page =
      "<html><head><title>Tram depot to close in spring - Valley Courier</title></head><body>"
      "<div><p>The tram depot on Mill Lane will close in the spring, the operator said on "
      "Monday, and its forty staff will move to the new yard.</p></div></body></html>";
  auto doc = ExtractArticle(page, "https://valleycourier.example/2023/02/14/depot");
  REQUIRE(doc.ok());
  CHECK(doc->title == "Tram depot to close in spring");
  CHECK(doc->outlet == "Valley Courier");  // the segment spells the host's name
  CHECK(doc->published == "2023-02-14");   // from the URL
  CHECK(doc->partial);                     // very little text: not a full article
}

TEST_CASE("a page without a site name is credited to the outlet its <title> names") {
  auto page = [](const std::string& title_tag, const std::string& h1) {
    return "<html><head><title>" + title_tag + "</title></head><body><h1>" + h1 +
           "</h1><div><p>The ferry between the two islands will run twice a day from May, "
           "the harbour board said, after a winter of single sailings.</p></div></body></html>";
  };
  SECTION("headline first, then the outlet, the headline stated again in the h1") {
    auto doc = ExtractArticle(
        page("Ferry doubles its sailings | The Island Post", "Ferry doubles its sailings"),
        "http://127.0.0.1:8000/post/");
    REQUIRE(doc.ok());
    CHECK(doc->outlet == "The Island Post");
    CHECK(doc->title == "Ferry doubles its sailings");
  }
  SECTION("the outlet first") {
    auto doc = ExtractArticle(
        page("Island Post \xE2\x80\x94 Ferry doubles its sailings", "Ferry doubles its sailings"),
        "http://127.0.0.1:8000/post/");
    REQUIRE(doc.ok());
    CHECK(doc->outlet == "Island Post");
  }
  SECTION("two segments, neither the page's headline nor the host's name: the host") {
    auto doc = ExtractArticle(page("Ferry doubles its sailings | Harbour news", "Islands"),
                              "http://127.0.0.1:8000/post/");
    REQUIRE(doc.ok());
    CHECK(doc->outlet == "127.0.0.1");
  }
  SECTION("a long second segment is another headline, not a name") {
    auto doc = ExtractArticle(
        page("Ferry doubles its sailings - and the board says fares will not rise this year",
             "Ferry doubles its sailings"),
        "http://127.0.0.1:8000/post/");
    REQUIRE(doc.ok());
    CHECK(doc->outlet == "127.0.0.1");
  }
}

TEST_CASE("visible bylines and datelines are read when no structured data exists") {
  std::string page =
      "<html><body><h1>Lighthouse keeper's cottage sold</h1>"
      "<div class=\"article-byline\">By Ann Lee and RAJ PATEL in Penzance</div>"
      "<p class=\"timestamp\">Posted Jan. 7, 2025, 6:40 p.m. ET</p>"
      "<div class=\"body\"><p>The cottage beside the old lighthouse sold at auction for far "
      "more than its guide price, the auctioneers said, after a bidding war between two "
      "families from the town.</p></div></body></html>";
  auto doc = ExtractArticle(page, "");
  REQUIRE(doc.ok());
  CHECK(doc->author == "Ann Lee, Raj Patel");
  CHECK(doc->published == "2025-01-07T18:40:00-05:00");  // Eastern time in winter
  CHECK(doc->title == "Lighthouse keeper's cottage sold");
}

TEST_CASE("bylines and datelines whose classes say nothing are known by their first words") {
  std::string page =
      "<html><body><h1>Pier reopens after storm repairs</h1>"
      "<p class=\"by\">By DANA FELL, Chief Reporter</p>"
      "<p class=\"when\">Posted 23:05, Tuesday 9 June 2026 | Updated 23:40</p>"
      "<div class=\"body\"><p>By Tuesday, the pier was open again, the harbour board said, "
      "after six weeks of work on its storm-damaged deck and railings.</p></div></body></html>";
  auto doc = ExtractArticle(page, "");
  REQUIRE(doc.ok());
  CHECK(doc->author == "Dana Fell");
  CHECK(doc->published == "2026-06-09");  // a time before the date is not read
}

TEST_CASE("a sentence that begins 'By' and a capital is not a byline") {
  std::string page =
      "<html><body><h1>Pier reopens after storm repairs</h1>"
      "<div class=\"body\"><p>By Tuesday, the pier was open again.</p><p>The harbour board "
      "said the work on its storm-damaged deck and railings took six weeks.</p></div>"
      "</body></html>";
  auto doc = ExtractArticle(page, "");
  REQUIRE(doc.ok());
  CHECK(doc->author.empty());
}

TEST_CASE("date forms are parsed with their zone") {
  using parallax::fetch::detail::ParseDate;
  CHECK(ParseDate("2025-11-04T12:18:00+01:00") == "2025-11-04T12:18:00+01:00");
  CHECK(ParseDate("2025-11-04T05:32:00Z") == "2025-11-04T05:32:00+00:00");
  CHECK(ParseDate("Tue 4 Nov 2025 13.05 GMT") == "2025-11-04T13:05:00+00:00");
  CHECK(ParseDate("Posted Oct. 15, 2025, 6:40 a.m. ET") == "2025-10-15T06:40:00-04:00");
  CHECK(ParseDate("12:35 AM EDT, October 15, 2025") == "2025-10-15T00:35:00-04:00");
  CHECK(ParseDate("Published: 14:22 GMT, 4 November 2025") == "2025-11-04T14:22:00+00:00");
  CHECK(ParseDate("9:05pm, 4 Nov 2025") == "2025-11-04");  // no zone: the date alone
  CHECK(ParseDate("Published October 15, 2025") == "2025-10-15");
  CHECK_FALSE(ParseDate("Updated 8 hrs ago").has_value());
  CHECK(parallax::fetch::detail::DateFromUrl("https://x.example/news/2025/11/04/story/") ==
        "2025-11-04");
}

TEST_CASE("bylines are reduced to names") {
  using parallax::fetch::detail::CleanByline;
  CHECK(CleanByline("By TOM HARLOW, DIPLOMATIC EDITOR") == "Tom Harlow");
  CHECK(CleanByline("Kelvin Ng in Beijing") == "Kelvin Ng");
  CHECK(CleanByline("By Sophie Lemaire, with AEP Beijing bureau") == "Sophie Lemaire");
  CHECK(CleanByline("By Sandra Lutz \xE2\x80\x93 Senior Reporter") == "Sandra Lutz");
  CHECK(CleanByline("Source: Huaxin") == "");
  CHECK(CleanByline("Updated 3 hours ago") == "");
}

TEST_CASE("an ISO-8859-1 page declared by <meta> is converted to UTF-8") {
  std::string page =
      "<html><head><meta charset=\"ISO-8859-1\"><title>Caf\xE9 owners protest</title></head>"
      "<body><p>Caf\xE9 owners in the old town say the new parking rules cost them customers, "
      "and they want the council to think again before the summer season.</p></body></html>";
  auto doc = ExtractArticle(page, "");
  REQUIRE(doc.ok());
  CHECK(doc->title == "Caf\xC3\xA9 owners protest");
  CHECK(Contains(doc->text, "Caf\xC3\xA9 owners in the old town"));
}

TEST_CASE("the HTTP charset wins over the page's own declaration") {
  std::string page =
      "<html><head><meta charset=\"utf-8\"></head><body><p>Na\xEFve plans for the "
      "waterfront were dropped after a long consultation with residents and the port.</p>"
      "</body></html>";
  auto doc = ExtractArticle(page, "", "text/html; charset=windows-1252");
  REQUIRE(doc.ok());
  CHECK(Contains(doc->text, "Na\xC3\xAFve plans"));
}

TEST_CASE("invalid UTF-8 bytes become U+FFFD and a BOM is dropped") {
  std::string page =
      "\xEF\xBB\xBF<html><head><meta charset=\"utf-8\"><title>Budget vote</title></head><body>"
      "<p>The budget vote \xFF\xFE was delayed \xC3 again after a long night in the chamber and "
      "a walkout by two members.</p></body></html>";
  auto doc = ExtractArticle(page, "");
  REQUIRE(doc.ok());
  CHECK(doc->title == "Budget vote");
  CHECK(Contains(doc->text, "\xEF\xBF\xBD"));
  CHECK(Contains(doc->text, "The budget vote"));
  CHECK_FALSE(Contains(doc->text, "\xEF\xBB\xBF"));
}

TEST_CASE("50,000 nested divs finish and still yield the text") {
  std::string page = "<html><body>";
  for (int i = 0; i < 50000; ++i) page += "<div>";
  page +=
      "<p>Deep inside the markup sits one sentence about the harbour, long enough to be "
      "read as a paragraph.</p>";
  for (int i = 0; i < 50000; ++i) page += "</div>";
  page += "</body></html>";
  auto doc = ExtractArticle(page, "https://deep.example/a");
  REQUIRE(doc.ok());
  CHECK(Contains(doc->text, "Deep inside the markup sits one sentence about the harbour"));
}

TEST_CASE("plain text: the first line is the title, the rest are paragraphs") {
  auto doc = ExtractArticle("Flood barrier tested\n\nThe barrier was raised at dawn.\nIt held.\n",
                            "", "text/plain");
  REQUIRE(doc.ok());
  CHECK(doc->title == "Flood barrier tested");
  CHECK(doc->text == "The barrier was raised at dawn.\n\nIt held.");

  auto sniffed = ExtractArticle("Headline here\nFirst paragraph.\n\nSecond   paragraph.", "");
  REQUIRE(sniffed.ok());
  CHECK(sniffed->title == "Headline here");
  CHECK(sniffed->text == "First paragraph.\n\nSecond paragraph.");

  auto single = ExtractArticle("Only one line of text.", "", "text/plain");
  REQUIRE(single.ok());
  CHECK(single->title.empty());
  CHECK(single->text == "Only one line of text.");
}

TEST_CASE("empty, binary and oversized input are errors naming the input") {
  auto empty = ExtractArticle("", "https://news.example/x");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.status().subject() == "https://news.example/x");

  auto blank = ExtractArticle("  \n ", "");
  REQUIRE_FALSE(blank.ok());
  CHECK(blank.status().subject() == "input");

  auto binary = ExtractArticle(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "");
  CHECK_FALSE(binary.ok());

  ExtractOptions small;
  small.max_input_bytes = 10;
  auto big = ExtractArticle("<html><body><p>more than ten bytes</p></body></html>", "", "", small);
  REQUIRE_FALSE(big.ok());
  CHECK(Contains(big.status().message(), "limit"));
}

TEST_CASE("extraction from several threads at once gives the same result") {
  std::string page = ReadPage("harbour-bridge.html");
  auto expected = ExtractArticle(page, "");
  REQUIRE(expected.ok());
  std::vector<std::string> texts(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      auto doc = ExtractArticle(page, "");
      if (doc.ok()) texts[t] = doc->text;
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& text : texts) CHECK(text == expected->text);
}
