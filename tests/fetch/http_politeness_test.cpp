// The Beast client's manners: which addresses a redirect or a feed URL may reach, the delay
// between requests to one host, retries of server errors with Retry-After, conditional GET,
// the User-Agent, and progress reporting. Time is only checked as lower bounds measured by the
// server (a request must not arrive before the politeness rules allow it).
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "parallax/fetch/http.h"
#include "parallax/fetch/progress.h"
#include "support/loopback_server.h"

namespace parallax::fetch {
namespace {

using namespace std::chrono_literals;
using parallax::testing::LoopbackServer;
using Ms = std::chrono::milliseconds;

HttpOptions TestOptions() {
  HttpOptions o;
  o.host_delay = 0ms;
  o.connect_timeout = 1000ms;
  o.header_timeout = 2000ms;
  o.body_timeout = 2000ms;
  o.total_timeout = 10'000ms;
  o.retry_backoff = 5ms;
  o.max_retry_wait = 20ms;
  return o;
}

// Requires the three arrivals at `path` to be `delay` apart. The client spaces the moments it
// sends; the server reads its clock when its thread gets to the request, a few ms of scheduling
// noise (10 ms allowed), and sees the very first request of a connection late by the time its
// connection thread takes to start (50 ms allowed).
void CheckSpacing(const LoopbackServer& server, const std::string& path, Ms delay) {
  auto arrivals = server.Arrivals(path);
  REQUIRE(arrivals.size() == 3);
  CHECK(arrivals[1] - arrivals[0] >= delay - 50ms);
  CHECK(arrivals[2] - arrivals[1] >= delay - 10ms);
  CHECK(arrivals[2] - arrivals[0] >= 2 * delay - 50ms);
  CHECK(arrivals[2] - arrivals[0] < 10 * delay);
}

HttpRequest Request(const std::string& url) {
  HttpRequest r;
  r.url = url;
  return r;
}

void RequireError(const Result<HttpResponse>& result, const std::string& url,
                  const std::string& text) {
  REQUIRE_FALSE(result.ok());
  INFO(result.status().ToString());
  CHECK(result.status().subject() == url);
  CHECK(result.status().message().find(text) != std::string::npos);
}

// The time between the first two arrivals at `path`.
Ms Gap(const LoopbackServer& server, const std::string& path) {
  auto arrivals = server.Arrivals(path);
  REQUIRE(arrivals.size() >= 2);
  return std::chrono::duration_cast<Ms>(arrivals[1] - arrivals[0]);
}

// An IMF-fixdate `ahead` from now, e.g. "Tue, 04 Nov 2025 05:32:00 GMT".
std::string HttpDate(std::chrono::seconds ahead) {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()) +
                        static_cast<std::time_t>(ahead.count());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[64];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return text;
}

std::string ReadAll(FILE* f) {
  std::rewind(f);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return out;
}

// --- Address policy ----------------------------------------------------------------------------

TEST_CASE("Loopback, private, link-local, CGNAT and metadata addresses are forbidden",
          "[http][address]") {
  CHECK(ForbiddenAddressKind("127.0.0.1") == "loopback");
  CHECK(ForbiddenAddressKind("127.255.0.9") == "loopback");
  CHECK(ForbiddenAddressKind("::1") == "loopback");
  CHECK(ForbiddenAddressKind("10.1.2.3") == "private");
  CHECK(ForbiddenAddressKind("172.16.0.1") == "private");
  CHECK(ForbiddenAddressKind("172.31.255.255") == "private");
  CHECK(ForbiddenAddressKind("192.168.1.1") == "private");
  CHECK(ForbiddenAddressKind("fd12:3456::1") == "private");
  CHECK(ForbiddenAddressKind("fc00::1") == "private");
  CHECK(ForbiddenAddressKind("169.254.10.1") == "link-local");
  CHECK(ForbiddenAddressKind("fe80::1%eth0") == "link-local");
  CHECK(ForbiddenAddressKind("169.254.169.254") == "cloud metadata");
  CHECK(ForbiddenAddressKind("fd00:ec2::254") == "cloud metadata");
  CHECK(ForbiddenAddressKind("100.64.0.1") == "CGNAT");
  CHECK(ForbiddenAddressKind("100.127.255.254") == "CGNAT");
  CHECK(ForbiddenAddressKind("0.0.0.0") == "unspecified");
  CHECK(ForbiddenAddressKind("::") == "unspecified");
  CHECK(ForbiddenAddressKind("224.0.0.1") == "multicast");
  CHECK(ForbiddenAddressKind("255.255.255.255") == "broadcast");
  // IPv4-mapped IPv6 addresses are judged as their IPv4 address.
  CHECK(ForbiddenAddressKind("::ffff:127.0.0.1") == "loopback");
  CHECK(ForbiddenAddressKind("::ffff:169.254.169.254") == "cloud metadata");
  CHECK(ForbiddenAddressKind("::ffff:10.0.0.1") == "private");
  CHECK(ForbiddenAddressKind("[::1]") == "loopback");
  // Public addresses and the edges of the private ranges are allowed.
  CHECK_FALSE(ForbiddenAddressKind("93.184.216.34"));
  CHECK_FALSE(ForbiddenAddressKind("172.15.255.255"));
  CHECK_FALSE(ForbiddenAddressKind("172.32.0.0"));
  CHECK_FALSE(ForbiddenAddressKind("100.63.255.255"));
  CHECK_FALSE(ForbiddenAddressKind("100.128.0.0"));
  CHECK_FALSE(ForbiddenAddressKind("2606:4700::1111"));
  CHECK_FALSE(ForbiddenAddressKind("::ffff:8.8.8.8"));
  CHECK_FALSE(ForbiddenAddressKind("example.org"));
}

struct Fixture {
  Fixture() {
    server.Route("/fine", LoopbackServer::Ok("fine", "text/plain"));
    server.Route("/to-fine", LoopbackServer::Redirect(302, "/fine"));
    server.Start();
  }
  LoopbackServer server;
};

TEST_CASE_METHOD(Fixture, "A URL the user names on a loopback address is fetched",
                 "[http][address]") {
  auto results = NewBeastHttpClient(TestOptions())->FetchAll({server.Url("/fine")});
  REQUIRE(results[0].ok());
  CHECK(results[0]->body == "fine");
}

TEST_CASE_METHOD(Fixture,
                 "A redirect to a loopback address is refused, naming the hop and the address",
                 "[http][address]") {
  const std::string by_name = "http://localhost:" + std::to_string(server.port()) + "/fine";
  server.Route("/to-localhost", LoopbackServer::Redirect(302, by_name));
  auto results = NewBeastHttpClient(TestOptions())
                     ->FetchAll({server.Url("/to-fine"), server.Url("/to-localhost")});
  // Same host: the kept-alive connection's peer address is checked.
  RequireError(results[0], server.Url("/to-fine"),
               "refused to connect to 127.0.0.1, a loopback address, for a URL reached by a "
               "redirect (at " +
                   server.Url("/fine") + ")");
  // Another host name: its resolved addresses are checked before connecting.
  RequireError(results[1], server.Url("/to-localhost"), "refused to connect to localhost at ");
  RequireError(results[1], server.Url("/to-localhost"), "a loopback address");
  CHECK(server.Hits("/fine") == 0);
}

TEST_CASE_METHOD(Fixture, "allow_private_addresses lets redirects reach loopback addresses",
                 "[http][address]") {
  HttpOptions options = TestOptions();
  options.allow_private_addresses = true;
  auto results = NewBeastHttpClient(options)->FetchAll({server.Url("/to-fine")});
  INFO(results[0].status().ToString());
  REQUIRE(results[0].ok());
  CHECK(results[0]->final_url == server.Url("/fine"));
}

TEST_CASE_METHOD(Fixture, "A URL not named by the user (from a feed) on loopback is refused",
                 "[http][address]") {
  HttpRequest from_feed = Request(server.Url("/fine"));
  from_feed.user_named = false;
  HttpRequest named = Request(server.Url("/fine"));
  auto results = NewBeastHttpClient(TestOptions())->FetchAll({from_feed, named});
  RequireError(results[0], server.Url("/fine"),
               "refused to connect to 127.0.0.1, a loopback address, for a URL not named by the "
               "user");
  CHECK(results[1].ok());
  CHECK(server.Hits("/fine") == 1);

  HttpOptions allow = TestOptions();
  allow.allow_private_addresses = true;
  CHECK(NewBeastHttpClient(allow)->FetchAll(std::vector<HttpRequest>{from_feed})[0].ok());
}

// --- Politeness --------------------------------------------------------------------------------

TEST_CASE_METHOD(Fixture, "host_delay spaces the starts of requests to one host",
                 "[http][polite]") {
  HttpOptions options = TestOptions();
  options.host_delay = 300ms;
  auto results = NewBeastHttpClient(options)->FetchAll(
      {server.Url("/fine"), server.Url("/fine"), server.Url("/fine")});
  for (const auto& r : results) CHECK(r.ok());
  CheckSpacing(server, "/fine", 300ms);
}

TEST_CASE_METHOD(Fixture, "With host_delay 0 two requests to one host start together",
                 "[http][polite]") {
  server.SetLatency(400ms);  // both are in flight at once (max_per_host 2)
  auto results =
      NewBeastHttpClient(TestOptions())->FetchAll({server.Url("/fine"), server.Url("/fine")});
  CHECK(results[0].ok());
  CHECK(results[1].ok());
  CHECK(Gap(server, "/fine") < 300ms);
}

TEST_CASE_METHOD(Fixture, "A per-host delay (robots Crawl-delay) raises host_delay for that host",
                 "[http][polite]") {
  HttpOptions options = TestOptions();
  options.host_delay_overrides["127.0.0.1"] = 300ms;
  auto results = NewBeastHttpClient(options)->FetchAll(
      {server.Url("/fine"), server.Url("/fine"), server.Url("/fine")});
  for (const auto& r : results) CHECK(r.ok());
  CheckSpacing(server, "/fine", 300ms);

  server.Route("/other", LoopbackServer::Ok("other"));
  auto client = NewBeastHttpClient(TestOptions());
  client->SetHostDelay("127.0.0.1:" + std::to_string(server.port()), 300ms);
  results = client->FetchAll({server.Url("/other"), server.Url("/other"), server.Url("/other")});
  for (const auto& r : results) CHECK(r.ok());
  CheckSpacing(server, "/other", 300ms);
}

// --- Retries -----------------------------------------------------------------------------------

TEST_CASE_METHOD(Fixture, "500, 502 and 504 are retried; 501 is not", "[http][retry]") {
  server.RouteSequence("/gateway", {LoopbackServer::Status(502), LoopbackServer::Status(500),
                                    LoopbackServer::Status(504), LoopbackServer::Ok("through")});
  server.Route("/unimplemented", LoopbackServer::Status(501));
  HttpOptions options = TestOptions();
  options.max_retries = 3;
  auto results =
      NewBeastHttpClient(options)->FetchAll({server.Url("/gateway"), server.Url("/unimplemented")});
  INFO(results[0].status().ToString());
  REQUIRE(results[0].ok());
  CHECK(results[0]->body == "through");
  CHECK(server.Hits("/gateway") == 4);
  RequireError(results[1], server.Url("/unimplemented"), "server answered HTTP 501");
  CHECK(server.Hits("/unimplemented") == 1);
}

TEST_CASE_METHOD(Fixture, "A Retry-After HTTP-date is waited for, up to max_retry_wait",
                 "[http][retry]") {
  LoopbackServer::Response soon = LoopbackServer::Status(503);
  // Whole seconds: at least 2 s after now, so at least 1.5 s after the 503 is sent.
  soon.headers.emplace_back("Retry-After", HttpDate(3s));
  server.RouteSequence("/soon", {soon, LoopbackServer::Ok("ready")});
  LoopbackServer::Response later = LoopbackServer::Status(429);
  later.headers.emplace_back("Retry-After", HttpDate(3600s));
  server.RouteSequence("/later", {later, LoopbackServer::Ok("ready")});
  HttpOptions options = TestOptions();
  options.max_retry_wait = 5000ms;
  auto results = NewBeastHttpClient(options)->FetchAll({server.Url("/soon")});
  INFO(results[0].status().ToString());
  REQUIRE(results[0].ok());
  CHECK(Gap(server, "/soon") >= 1500ms);

  options.max_retry_wait = 200ms;  // an hour is capped
  results = NewBeastHttpClient(options)->FetchAll({server.Url("/later")});
  REQUIRE(results[0].ok());
  CHECK(Gap(server, "/later") >= 190ms);  // scheduling noise, see CheckSpacing
  CHECK(Gap(server, "/later") < 3000ms);
}

// --- Conditional GET and headers ---------------------------------------------------------------

TEST_CASE_METHOD(Fixture, "ETag and Last-Modified are returned with the response",
                 "[http][conditional]") {
  LoopbackServer::Response page = LoopbackServer::Ok("<p>v1</p>");
  page.headers.emplace_back("ETag", "\"v1\"");
  page.headers.emplace_back("Last-Modified", "Tue, 04 Nov 2025 05:32:00 GMT");
  server.Route("/page", page);
  auto results = NewBeastHttpClient(TestOptions())->FetchAll({server.Url("/page")});
  REQUIRE(results[0].ok());
  CHECK(results[0]->etag == "\"v1\"");
  CHECK(results[0]->last_modified == "Tue, 04 Nov 2025 05:32:00 GMT");
  CHECK(server.LastRequestHeader("/page", "If-None-Match").empty());
}

TEST_CASE_METHOD(Fixture,
                 "A conditional request sends the validators and a 304 is an empty success",
                 "[http][conditional]") {
  LoopbackServer::Response unchanged = LoopbackServer::Status(304);
  unchanged.body.clear();
  unchanged.headers.emplace_back("ETag", "\"v1\"");
  server.Route("/same", unchanged);
  server.Route("/moved", LoopbackServer::Redirect(301, "/same"));
  HttpRequest request = Request(server.Url("/same"));
  request.if_none_match = "\"v1\"";
  request.if_modified_since = "Tue, 04 Nov 2025 05:32:00 GMT";
  HttpRequest unconditional = Request(server.Url("/same"));
  auto results = NewBeastHttpClient(TestOptions())->FetchAll({request, unconditional});
  INFO(results[0].status().ToString());
  REQUIRE(results[0].ok());
  CHECK(results[0]->status == 304);
  CHECK(results[0]->body.empty());
  CHECK(results[0]->etag == "\"v1\"");
  // Without validators a 304 makes no sense: it is an error.
  RequireError(results[1], server.Url("/same"), "server answered HTTP 304 Not Modified");

  // The validators go with every hop of a redirect.
  auto client = NewBeastHttpClient(TestOptions());
  results = client->FetchAll(std::vector<HttpRequest>{request});
  CHECK(server.LastRequestHeader("/same", "If-None-Match") == "\"v1\"");
  CHECK(server.LastRequestHeader("/same", "If-Modified-Since") == "Tue, 04 Nov 2025 05:32:00 GMT");
  HttpOptions allow = TestOptions();
  allow.allow_private_addresses = true;
  HttpRequest via_redirect = request;
  via_redirect.url = server.Url("/moved");
  results = NewBeastHttpClient(allow)->FetchAll(std::vector<HttpRequest>{via_redirect});
  REQUIRE(results[0].ok());
  CHECK(results[0]->status == 304);
  CHECK(results[0]->final_url == server.Url("/same"));
  CHECK(server.LastRequestHeader("/moved", "If-None-Match") == "\"v1\"");
}

TEST_CASE_METHOD(Fixture, "The default User-Agent names Parallax and the contact URL",
                 "[http][polite]") {
  HttpOptions options = TestOptions();
  options.contact_url = "https://example.org/crawler";
  REQUIRE(NewBeastHttpClient(options)->FetchAll({server.Url("/fine")})[0].ok());
  const std::string agent = server.LastRequestHeader("/fine", "User-Agent");
  CHECK(agent.rfind("Parallax/", 0) == 0);
  CHECK(agent.ends_with(" (+https://example.org/crawler)"));
}

// --- Progress ----------------------------------------------------------------------------------

TEST_CASE_METHOD(Fixture, "Progress to a file that is not a terminal is one log line per URL",
                 "[http][progress]") {
  server.Route("/five", LoopbackServer::Ok("12345"));
  FILE* log = std::tmpfile();
  REQUIRE(log != nullptr);
  auto progress = NewTerminalProgress(log);
  HttpOptions options = TestOptions();
  options.progress = progress.get();
  auto results = NewBeastHttpClient(options)->FetchAll(
      {server.Url("/five"), server.Url("/missing"), server.Url("/five")});
  REQUIRE(results.size() == 3);
  const std::string text = ReadAll(log);
  std::fclose(log);
  INFO(text);
  CHECK(text.find("[fetch] 1/3 ") != std::string::npos);
  CHECK(text.find("[fetch] 2/3 ") != std::string::npos);
  CHECK(text.find("[fetch] 3/3 ") != std::string::npos);
  CHECK(text.find(" ok " + server.Url("/five") + " (5 B)\n") != std::string::npos);
  CHECK(text.find(" failed " + server.Url("/missing") + "\n") != std::string::npos);
  CHECK(text.find("[fetch] done: 2 fetched, 1 failed, 10 B in ") != std::string::npos);
  CHECK(text.find('\r') == std::string::npos);
}

TEST_CASE("The live progress line is redrawn in place and ends with a newline",
          "[http][progress]") {
  FILE* out = std::tmpfile();
  REQUIRE(out != nullptr);
  auto progress = NewTerminalProgress(out, ProgressStyle::kLive);
  progress->OnStart(3);
  progress->OnDone("http://a.example/1", true, 2'500'000);
  progress->OnDone("http://a.example/2", false, 0);
  progress->OnDone("http://a.example/3", true, 900'000);
  progress->OnFinish();
  const std::string text = ReadAll(out);
  std::fclose(out);
  INFO(text);
  CHECK(text.rfind("\rfetched 1/3, 0 failed, 2.5 MB, ", 0) == 0);
  CHECK(text.find("\rfetched 3/3, 1 failed, 3.4 MB, ") != std::string::npos);
  CHECK(text.find(" pages/s") != std::string::npos);
  CHECK(text.find("[fetch]") == std::string::npos);
  CHECK(text.ends_with("\n"));
  CHECK(std::count(text.begin(), text.end(), '\n') == 1);
}

}  // namespace
}  // namespace parallax::fetch
