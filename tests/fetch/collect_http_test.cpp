// Collection over real HTTP (the Beast client against the in-process loopback server): charset
// faults and robots.txt, each beside a healthy page that must still come through.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "parallax/fetch/collect.h"
#include "support/loopback_server.h"

namespace parallax::fetch {
namespace {

using parallax::testing::LoopbackServer;

std::string Page(const std::string& title, const std::string& body) {
  return "<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" +
         body + "</p></article></body></html>";
}

HttpOptions FastOptions() {
  HttpOptions o;
  o.host_delay = std::chrono::milliseconds(0);
  o.max_retries = 0;
  return o;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_CASE("invalid bytes for the declared charset are replaced, never fatal",
          "[collect][charset]") {
  LoopbackServer server;
  // Declared UTF-8, but holds a lone 0xFF and a truncated sequence.
  server.Route("/broken", LoopbackServer::Ok(Page("Pier repairs",
                                                  "The pier \xFF reopens after \xE2\x82 repairs "
                                                  "to its deck and its old iron railings."),
                                             "text/html; charset=utf-8"));
  // Declared ISO-8859-1: 0xE9 is an e with an acute accent.
  server.Route("/latin1", LoopbackServer::Ok(Page("Caf\xE9 closes",
                                                  "The harbour caf\xE9 closes for the winter "
                                                  "after forty years on the quay."),
                                             "text/html; charset=iso-8859-1"));
  server.Start();
  auto http = NewBeastHttpClient(FastOptions());
  auto fs = NewPosixFileSystem();
  FixedClock clock(std::chrono::system_clock::time_point(std::chrono::seconds(1762234320)));
  const Collected got =
      CollectDocuments({server.Url("/broken"), server.Url("/latin1")}, {}, *http, *fs, clock);
  REQUIRE(got.errors.empty());
  REQUIRE(got.documents.size() == 2);
  CHECK(Contains(got.documents[0].text, "\xEF\xBF\xBD"));  // U+FFFD
  CHECK(Contains(got.documents[0].text, "railings"));
  CHECK(got.documents[1].title == "Caf\xC3\xA9 closes");
  CHECK(Contains(got.documents[1].text, "caf\xC3\xA9 closes"));
}

TEST_CASE("a page robots.txt disallows is an error naming it; the others are fetched",
          "[collect][robots]") {
  LoopbackServer server;
  server.Route("/robots.txt",
               LoopbackServer::Ok("User-agent: *\nDisallow: /members/\n", "text/plain"));
  server.Route("/news/a", LoopbackServer::Ok(Page("Tide gauge",
                                                  "The new tide gauge went "
                                                  "live on the north quay.")));
  server.Route("/members/b", LoopbackServer::Ok(Page("Members", "Members only page text.")));
  server.Start();
  auto http = NewBeastHttpClient(FastOptions());
  auto fs = NewPosixFileSystem();
  FixedClock clock(std::chrono::system_clock::time_point(std::chrono::seconds(1762234320)));
  const Collected got =
      CollectDocuments({server.Url("/news/a"), server.Url("/members/b")}, {}, *http, *fs, clock);
  REQUIRE(got.documents.size() == 1);
  CHECK(Contains(got.documents[0].text, "tide gauge"));
  REQUIRE(got.errors.size() == 1);
  CHECK(got.errors[0].subject() == server.Url("/members/b"));
  CHECK(server.Hits("/members/b") == 0);
  CHECK(server.Hits("/robots.txt") == 1);
}

}  // namespace
}  // namespace parallax::fetch
