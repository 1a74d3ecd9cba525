// The Beast HTTP client against the in-process loopback server. Each fault is checked in a batch
// together with a healthy URL: the fault becomes that URL's error (naming the URL and the phase)
// and the healthy URL still succeeds.
#include <zlib.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "parallax/fetch/http.h"
#include "support/loopback_server.h"
#include "support/temp_dir.h"

namespace parallax::fetch {
namespace {

using namespace std::chrono_literals;
using parallax::testing::LoopbackServer;
using Fault = LoopbackServer::Fault;

// Short limits so faults show quickly; retries wait at most 20 ms; no politeness delay between
// requests to the one loopback host.
HttpOptions TestOptions() {
  HttpOptions o;
  o.host_delay = 0ms;
  o.resolve_timeout = 2000ms;
  o.connect_timeout = 1000ms;
  o.tls_timeout = 1000ms;
  o.header_timeout = 300ms;
  o.body_timeout = 300ms;
  o.total_timeout = 5000ms;
  o.retry_backoff = 5ms;
  o.max_retry_wait = 20ms;
  return o;
}

// Redirect hops are checked against the address policy; the loopback server is on 127.0.0.1.
HttpOptions RedirectOptions() {
  HttpOptions o = TestOptions();
  o.allow_private_addresses = true;
  return o;
}

// Fetches `urls` and requires the first to be a success with body "fine".
std::vector<Result<HttpResponse>> FetchWithHealthy(LoopbackServer& server,
                                                   const std::vector<std::string>& urls,
                                                   const HttpOptions& options = TestOptions()) {
  std::vector<std::string> all{server.Url("/fine")};
  all.insert(all.end(), urls.begin(), urls.end());
  auto results = NewBeastHttpClient(options)->FetchAll(all);
  REQUIRE(results.size() == all.size());
  REQUIRE(results[0].ok());
  CHECK(results[0]->body == "fine");
  return results;
}

// Requires `result` to be an error about `url` whose message contains `text`.
void RequireError(const Result<HttpResponse>& result, const std::string& url,
                  const std::string& text) {
  REQUIRE_FALSE(result.ok());
  INFO(result.status().ToString());
  CHECK(result.status().subject() == url);
  CHECK(result.status().message().find(text) != std::string::npos);
}

struct Fixture {
  Fixture() { server.Route("/fine", LoopbackServer::Ok("fine", "text/plain")); }
  LoopbackServer server;
};

TEST_CASE_METHOD(Fixture,
                 "A 200 response returns body, status, type and headers; the request "
                 "carries User-Agent and Accept-Encoding",
                 "[http]") {
  server.Route("/a", LoopbackServer::Ok("<p>hello</p>", "text/html; charset=utf-8"));
  server.Start();
  HttpOptions options = TestOptions();
  options.user_agent = "ParallaxTest/1";
  auto results = FetchWithHealthy(server, {server.Url("/a")}, options);
  REQUIRE(results[1].ok());
  const HttpResponse& r = *results[1];
  CHECK(r.status == 200);
  CHECK(r.body == "<p>hello</p>");
  CHECK(r.content_type == "text/html; charset=utf-8");
  CHECK(r.requested_url == server.Url("/a"));
  CHECK(r.final_url == server.Url("/a"));
  bool has_type = false;
  for (const auto& [name, value] : r.headers) has_type |= (name == "Content-Type");
  CHECK(has_type);
  CHECK(server.LastRequestHeader("/a", "User-Agent") == "ParallaxTest/1");
  CHECK(server.LastRequestHeader("/a", "Accept-Encoding") == "gzip, deflate");
  CHECK(server.LastRequestHeader("/a", "Host") == "127.0.0.1:" + std::to_string(server.port()));
}

TEST_CASE_METHOD(Fixture, "Results come back in request order, also for a repeated URL", "[http]") {
  for (int i = 0; i < 6; ++i) {
    server.Route("/p" + std::to_string(i), LoopbackServer::Ok("page " + std::to_string(i)));
  }
  server.Start();
  std::vector<std::string> urls;
  for (int i = 5; i >= 0; --i) urls.push_back(server.Url("/p" + std::to_string(i)));
  urls.push_back(server.Url("/p5"));
  auto results = NewBeastHttpClient(TestOptions())->FetchAll(urls);
  REQUIRE(results.size() == 7);
  for (int i = 0; i < 6; ++i) {
    REQUIRE(results[i].ok());
    CHECK(results[i]->body == "page " + std::to_string(5 - i));
  }
  REQUIRE(results[6].ok());
  CHECK(results[6]->body == "page 5");
  CHECK(server.Hits("/p5") == 2);
}

TEST_CASE_METHOD(Fixture, "With one request per host, keep-alive reuses a single connection",
                 "[http]") {
  for (int i = 0; i < 5; ++i) server.Route("/k" + std::to_string(i), LoopbackServer::Ok("k"));
  server.Start();
  HttpOptions options = TestOptions();
  options.max_per_host = 1;
  std::vector<std::string> urls;
  for (int i = 0; i < 5; ++i) urls.push_back(server.Url("/k" + std::to_string(i)));
  auto results = NewBeastHttpClient(options)->FetchAll(urls);
  for (const auto& r : results) CHECK(r.ok());
  CHECK(server.Connections() == 1);
}

TEST_CASE_METHOD(Fixture, "A response that closes the connection is not reused", "[http]") {
  LoopbackServer::Response closing = LoopbackServer::Ok("bye");
  closing.close = true;
  server.Route("/c1", closing);
  server.Route("/c2", closing);
  server.Start();
  HttpOptions options = TestOptions();
  options.max_per_host = 1;
  auto results = NewBeastHttpClient(options)->FetchAll({server.Url("/c1"), server.Url("/c2")});
  CHECK(results[0].ok());
  CHECK(results[1].ok());
  CHECK(server.Connections() == 2);
}

TEST_CASE_METHOD(Fixture, "Global and per-host limits of one still complete every request",
                 "[http]") {
  server.Route("/x", LoopbackServer::Ok("x"));
  server.Start();
  HttpOptions options = TestOptions();
  options.max_concurrency = 1;
  options.max_per_host = 1;
  std::vector<std::string> urls(12, server.Url("/x"));
  auto results = NewBeastHttpClient(options)->FetchAll(urls);
  for (const auto& r : results) CHECK(r.ok());
  CHECK(server.Hits("/x") == 12);
}

TEST_CASE_METHOD(Fixture, "A body that trickles past body_timeout is a timeout error",
                 "[http][fault]") {
  LoopbackServer::Response slow = LoopbackServer::Ok(std::string(200, 'a'));
  slow.fault = Fault::kTrickle;
  slow.trickle_delay = 50ms;
  server.Route("/slow", slow);
  server.Start();
  auto results = FetchWithHealthy(server, {server.Url("/slow")});
  RequireError(results[1], server.Url("/slow"), "timed out reading the response body after 300 ms");
}

TEST_CASE_METHOD(Fixture, "A slow body that outlives the total deadline names the total limit",
                 "[http][fault]") {
  LoopbackServer::Response slow = LoopbackServer::Ok(std::string(200, 'a'));
  slow.fault = Fault::kTrickle;
  slow.trickle_delay = 50ms;
  server.Route("/slow", slow);
  server.Start();
  HttpOptions options = TestOptions();
  options.body_timeout = 10'000ms;
  options.total_timeout = 400ms;
  auto results = FetchWithHealthy(server, {server.Url("/slow")}, options);
  RequireError(results[1], server.Url("/slow"),
               "exceeded the total time limit of 400 ms while reading the response body");
}

TEST_CASE_METHOD(Fixture, "A server that never answers is a header timeout", "[http][fault]") {
  LoopbackServer::Response silent;
  silent.fault = Fault::kNoResponse;
  server.Route("/silent", silent);
  server.Start();
  auto results = FetchWithHealthy(server, {server.Url("/silent")});
  RequireError(results[1], server.Url("/silent"),
               "timed out waiting for the response header after 300 ms");
}

TEST_CASE_METHOD(Fixture, "A connection dropped mid-body is an error", "[http][fault]") {
  LoopbackServer::Response drop = LoopbackServer::Ok(std::string(4000, 'd'));
  drop.fault = Fault::kDropMidBody;
  server.Route("/drop", drop);
  server.Start();
  auto results = FetchWithHealthy(server, {server.Url("/drop")});
  RequireError(results[1], server.Url("/drop"), "connection lost while reading the response body");
}

TEST_CASE_METHOD(Fixture, "A Content-Length longer than the body sent is an error",
                 "[http][fault]") {
  LoopbackServer::Response liar = LoopbackServer::Ok("short body");
  liar.fault = Fault::kContentLengthTooLong;
  server.Route("/liar", liar);
  server.Start();
  auto results = FetchWithHealthy(server, {server.Url("/liar")});
  RequireError(results[1], server.Url("/liar"),
               "connection lost while reading the response body after 10 bytes");
}

TEST_CASE_METHOD(Fixture, "A malformed Content-Length is a header error", "[http][fault]") {
  LoopbackServer::Response bad = LoopbackServer::Ok("body");
  bad.fault = Fault::kMalformedContentLength;
  server.Route("/bad", bad);
  server.Start();
  auto results = FetchWithHealthy(server, {server.Url("/bad")});
  RequireError(results[1], server.Url("/bad"), "malformed response header");
}

TEST_CASE_METHOD(Fixture, "Chunked bodies are decoded and broken chunking is an error",
                 "[http][fault]") {
  LoopbackServer::Response chunked = LoopbackServer::Ok("a body sent in several chunks");
  chunked.fault = Fault::kChunked;
  LoopbackServer::Response broken = LoopbackServer::Ok("");
  broken.fault = Fault::kBrokenChunked;
  server.Route("/chunked", chunked);
  server.Route("/broken", broken);
  server.Start();
  auto results = FetchWithHealthy(server, {server.Url("/chunked"), server.Url("/broken")});
  REQUIRE(results[1].ok());
  CHECK(results[1]->body == "a body sent in several chunks");
  RequireError(results[2], server.Url("/broken"), "malformed chunked encoding");
}

TEST_CASE_METHOD(Fixture, "Redirects are followed, relative Locations resolved", "[http]") {
  server.Route("/old/page", LoopbackServer::Redirect(301, "../new/page?x=1"));
  server.Route("/final", LoopbackServer::Ok("arrived"));
  server.Start();
  server.Route("/new/page", LoopbackServer::Redirect(302, server.Url("/final")));  // absolute
  auto results = FetchWithHealthy(server, {server.Url("/old/page")}, RedirectOptions());
  INFO(results[1].status().ToString());
  REQUIRE(results[1].ok());
  CHECK(results[1]->body == "arrived");
  CHECK(results[1]->requested_url == server.Url("/old/page"));
  CHECK(results[1]->final_url == server.Url("/final"));
  CHECK(server.Hits("/new/page") == 1);
}

TEST_CASE_METHOD(Fixture, "A redirect loop is an error listing the chain", "[http][fault]") {
  server.Route("/r1", LoopbackServer::Redirect(302, "/r2"));
  server.Route("/r2", LoopbackServer::Redirect(307, "/r1"));
  server.Start();
  auto results = FetchWithHealthy(server, {server.Url("/r1")}, RedirectOptions());
  RequireError(results[1], server.Url("/r1"),
               "redirect loop: " + server.Url("/r1") + " -> " + server.Url("/r2") + " -> " +
                   server.Url("/r1"));
  CHECK(server.Hits("/r1") == 1);
}

TEST_CASE_METHOD(Fixture, "More redirects than max_redirects is an error", "[http][fault]") {
  for (int i = 0; i < 4; ++i) {
    server.Route("/hop" + std::to_string(i),
                 LoopbackServer::Redirect(302, "/hop" + std::to_string(i + 1)));
  }
  server.Route("/hop4", LoopbackServer::Ok("too far"));
  server.Start();
  HttpOptions options = RedirectOptions();
  options.max_redirects = 3;
  auto results = FetchWithHealthy(server, {server.Url("/hop0"), server.Url("/hop1")}, options);
  RequireError(results[1], server.Url("/hop0"), "too many redirects (more than 3)");
  REQUIRE(results[2].ok());  // exactly three redirects is allowed
  CHECK(results[2]->body == "too far");
}

TEST_CASE_METHOD(Fixture, "A redirect to file:// is refused, naming the target", "[http][fault]") {
  server.Route("/sneaky", LoopbackServer::Redirect(302, "file:///etc/passwd"));
  server.Start();
  auto results = FetchWithHealthy(server, {server.Url("/sneaky")});
  RequireError(results[1], server.Url("/sneaky"),
               "redirected to file:///etc/passwd, which is not an http or https URL");
}

TEST_CASE_METHOD(Fixture, "gzip and deflate bodies are decoded", "[http]") {
  const std::string text(5000, 'z');
  server.Route("/gz", LoopbackServer::Gzipped("compressed words " + text));
  uLongf size = compressBound(static_cast<uLong>(text.size()));
  std::string zlib(size, '\0');
  REQUIRE(compress2(reinterpret_cast<Bytef*>(zlib.data()), &size,
                    reinterpret_cast<const Bytef*>(text.data()), text.size(), 9) == Z_OK);
  zlib.resize(size);
  LoopbackServer::Response deflated = LoopbackServer::Ok(zlib, "text/plain");
  deflated.headers.emplace_back("Content-Encoding", "deflate");
  server.Route("/deflate", deflated);
  server.Start();
  auto results = FetchWithHealthy(server, {server.Url("/gz"), server.Url("/deflate")});
  REQUIRE(results[1].ok());
  CHECK(results[1]->body == "compressed words " + text);
  REQUIRE(results[2].ok());
  CHECK(results[2]->body == text);
}

TEST_CASE_METHOD(Fixture, "A gzip bomb stops at max_body_bytes", "[http][fault]") {
  server.Route("/bomb", LoopbackServer::GzipBomb(16u << 20));  // ~16 KB inflating to 16 MB
  server.Start();
  HttpOptions options = TestOptions();
  options.max_body_bytes = 1u << 20;
  options.body_timeout = 5000ms;
  auto results = FetchWithHealthy(server, {server.Url("/bomb")}, options);
  RequireError(results[1], server.Url("/bomb"),
               "the decompressed response body is larger than the limit of 1048576 bytes");
}

TEST_CASE_METHOD(Fixture, "A corrupt gzip body is an error", "[http][fault]") {
  LoopbackServer::Response corrupt = LoopbackServer::Ok("this is not gzip at all");
  corrupt.headers.emplace_back("Content-Encoding", "gzip");
  server.Route("/corrupt", corrupt);
  server.Start();
  auto results = FetchWithHealthy(server, {server.Url("/corrupt")});
  RequireError(results[1], server.Url("/corrupt"), "the gzip response body is corrupt");
}

TEST_CASE_METHOD(Fixture, "A body over max_body_bytes is an error", "[http][fault]") {
  server.Route("/big", LoopbackServer::Ok(std::string(2000, 'b')));
  server.Route("/limit", LoopbackServer::Ok(std::string(1000, 'b')));
  server.Start();
  HttpOptions options = TestOptions();
  options.max_body_bytes = 1000;
  auto results = FetchWithHealthy(server, {server.Url("/big"), server.Url("/limit")}, options);
  RequireError(results[1], server.Url("/big"),
               "the response body is larger than the limit of 1000 bytes");
  REQUIRE(results[2].ok());
  CHECK(results[2]->body.size() == 1000);
}

TEST_CASE_METHOD(Fixture, "A 404 is an error naming the status", "[http][fault]") {
  server.Start();
  auto results = FetchWithHealthy(server, {server.Url("/missing")});
  RequireError(results[1], server.Url("/missing"), "server answered HTTP 404 Not Found");
  CHECK(server.Hits("/missing") == 1);  // not retried
}

TEST_CASE_METHOD(Fixture, "429 with Retry-After and 503 are retried until a 200", "[http]") {
  LoopbackServer::Response busy = LoopbackServer::Status(429, "slow down");
  busy.headers.emplace_back("Retry-After", "1");  // capped at max_retry_wait (20 ms)
  server.RouteSequence("/busy", {busy, LoopbackServer::Ok("now ok")});
  server.RouteSequence("/flaky", {LoopbackServer::Status(503), LoopbackServer::Status(503),
                                  LoopbackServer::Ok("recovered")});
  server.Start();
  auto results = FetchWithHealthy(server, {server.Url("/busy"), server.Url("/flaky")});
  REQUIRE(results[1].ok());
  CHECK(results[1]->body == "now ok");
  CHECK(server.Hits("/busy") == 2);
  REQUIRE(results[2].ok());
  CHECK(results[2]->body == "recovered");
  CHECK(server.Hits("/flaky") == 3);
}

TEST_CASE_METHOD(Fixture, "A 503 that persists fails after max_retries", "[http][fault]") {
  server.Route("/down", LoopbackServer::Status(503));
  server.Start();
  HttpOptions options = TestOptions();
  options.max_retries = 2;
  auto results = FetchWithHealthy(server, {server.Url("/down")}, options);
  RequireError(results[1], server.Url("/down"),
               "server answered HTTP 503 Service Unavailable (after 2 retries)");
  CHECK(server.Hits("/down") == 3);
}

TEST_CASE_METHOD(Fixture, "A refused connection is an error naming host and port",
                 "[http][fault]") {
  server.Start();
  std::string refused_url;
  {
    LoopbackServer closed;
    closed.Start();
    refused_url = closed.Url("/gone");
  }  // stopped: its port now refuses connections
  HttpOptions options = TestOptions();
  options.max_retries = 1;
  auto results = FetchWithHealthy(server, {refused_url}, options);
  RequireError(results[1], refused_url, "cannot connect to 127.0.0.1 port");
  RequireError(results[1], refused_url, "(after 1 retry)");
}

TEST_CASE("URLs that are not http(s) fail without a request", "[http][fault]") {
  auto results = NewBeastHttpClient(TestOptions())
                     ->FetchAll(std::vector<std::string>{"ftp://example.org/x", "nonsense"});
  RequireError(results[0], "ftp://example.org/x", "not an http or https URL");
  RequireError(results[1], "nonsense", "not a valid absolute URL");
}

TEST_CASE_METHOD(Fixture, "https to a server that speaks plain HTTP fails in the TLS handshake",
                 "[http][fault]") {
  server.Start();
  const std::string url = "https://127.0.0.1:" + std::to_string(server.port()) + "/fine";
  auto results = FetchWithHealthy(server, {url});
  RequireError(results[1], url, "TLS handshake failed");
}

TEST_CASE("A CA file that cannot be loaded fails https URLs, naming the file", "[http][fault]") {
  HttpOptions options = TestOptions();
  options.ca_file = "/nonexistent/ca.pem";
  auto results = NewBeastHttpClient(options)->FetchAll({"https://127.0.0.1:9/x"});
  RequireError(results[0], "https://127.0.0.1:9/x", "cannot load CA file /nonexistent/ca.pem");
}

TEST_CASE("An empty batch returns no results", "[http]") {
  CHECK(NewBeastHttpClient(TestOptions())->FetchAll(std::vector<std::string>{}).empty());
}

TEST_CASE_METHOD(Fixture, "The loopback server serves a directory tree", "[http]") {
  parallax::testing::TempDir dir;
  parallax::testing::WriteWholeFile(dir.File("story/index.html"), "<h1>Story</h1>");
  parallax::testing::WriteWholeFile(dir.File("notes.txt"), "plain notes");
  server.ServeDirectory(dir.path());
  server.Start();
  auto results = FetchWithHealthy(
      server, {server.Url("/story/"), server.Url("/notes.txt"), server.Url("/../etc/passwd")});
  REQUIRE(results[1].ok());
  CHECK(results[1]->body == "<h1>Story</h1>");
  CHECK(results[1]->content_type == "text/html; charset=utf-8");
  REQUIRE(results[2].ok());
  CHECK(results[2]->body == "plain notes");
  CHECK(results[2]->content_type == "text/plain; charset=utf-8");
  RequireError(results[3], server.Url("/../etc/passwd"), "404");
}

}  // namespace
}  // namespace parallax::fetch
