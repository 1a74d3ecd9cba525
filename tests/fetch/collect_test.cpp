// CollectDocuments: URLs (through a fake HttpClient), files and directories (real file system in
// a temporary directory) become documents in source order; failed sources become errors.
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "parallax/fetch/collect.h"
#include "support/temp_dir.h"

namespace parallax::fetch {
namespace {

using parallax::testing::TempDir;
using parallax::testing::WriteWholeFile;

// Answers from a table; an unknown URL fails. Records each batch.
class FakeHttp final : public HttpClient {
 public:
  void Serve(const std::string& url, std::string body, std::string content_type,
             std::string final_url = "") {
    HttpResponse r;
    r.requested_url = url;
    r.final_url = final_url.empty() ? url : final_url;
    r.status = 200;
    r.content_type = std::move(content_type);
    r.body = std::move(body);
    pages_[url] = std::move(r);
  }

  void SetEtag(const std::string& url, std::string etag) { pages_[url].etag = std::move(etag); }

  std::vector<Result<HttpResponse>> FetchAll(const std::vector<std::string>& urls) override {
    std::vector<HttpRequest> requests;
    for (const auto& url : urls) {
      HttpRequest r;
      r.url = url;
      requests.push_back(std::move(r));
    }
    return FetchAll(requests);
  }

  // Like a server: 404 for unknown URLs (a response when any_status, else an error), 304 when
  // If-None-Match names the page's current ETag.
  std::vector<Result<HttpResponse>> FetchAll(const std::vector<HttpRequest>& requests) override {
    std::vector<std::string> urls;
    for (const auto& r : requests) urls.push_back(r.url);
    batches.push_back(urls);
    std::vector<Result<HttpResponse>> out;
    for (const auto& r : requests) {
      this->requests.push_back(r);
      auto it = pages_.find(r.url);
      if (it == pages_.end()) {
        if (r.any_status) {
          HttpResponse missing;
          missing.requested_url = missing.final_url = r.url;
          missing.status = 404;
          out.push_back(missing);
        } else {
          out.push_back(Status::Error(r.url, "server answered HTTP 404 Not Found"));
        }
      } else if (!r.if_none_match.empty() && r.if_none_match == it->second.etag) {
        HttpResponse not_modified = it->second;
        not_modified.status = 304;
        not_modified.body.clear();
        out.push_back(not_modified);
      } else {
        out.push_back(it->second);
      }
    }
    return out;
  }

  void SetHostDelay(const std::string& host, std::chrono::milliseconds delay) override {
    host_delays[host] = delay;
  }

  std::vector<std::vector<std::string>> batches;
  std::vector<HttpRequest> requests;
  std::map<std::string, std::chrono::milliseconds> host_delays;

 private:
  std::map<std::string, HttpResponse> pages_;
};

std::string Article(const std::string& title, const std::string& paragraph) {
  return "<!doctype html><html lang=\"en\"><head><title>" + title +
         "</title></head><body><article><h1>" + title + "</h1><p>" + paragraph +
         "</p></article></body></html>";
}

// 2025-11-04T05:32:00Z
FixedClock TestClock() {
  return FixedClock(std::chrono::system_clock::time_point(std::chrono::seconds(1762234320)));
}

// Options for the tests of ordering and batching: robots.txt has its own tests below.
CollectOptions NoRobots() {
  CollectOptions options;
  options.obey_robots = false;
  return options;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_CASE("Every kind of source becomes documents in source order with ids d1, d2, ...",
          "[collect]") {
  TempDir dir;
  const std::string text_file = dir.File("bridge.txt");
  WriteWholeFile(text_file,
                 "Harbour bridge reopens\n\nThe harbour bridge reopened on Tuesday after four "
                 "days of repairs to its northern span.\n");
  WriteWholeFile(dir.File("site/b.html"),
                 Article("Ferry fares rise", "Ferry fares will rise by ten percent in March."));
  WriteWholeFile(dir.File("site/a/index.html"),
                 Article("Tram line extended", "The tram line gains three new stops in spring."));
  WriteWholeFile(dir.File("site/.hidden.html"), Article("Hidden", "Never collected at all."));

  FakeHttp http;
  http.Serve("https://news.example/story",
             Article("Council votes on budget", "The council approved the budget on Monday."),
             "text/html; charset=utf-8", "https://news.example/story-final");
  auto fs = NewPosixFileSystem();
  FixedClock clock = TestClock();

  const Collected got = CollectDocuments(
      {dir.File("site"), "https://news.example/story", text_file}, NoRobots(), http, *fs, clock);

  REQUIRE(got.errors.empty());
  REQUIRE(got.documents.size() == 4);
  const auto& docs = got.documents;
  CHECK(docs[0].id == "d1");
  CHECK(docs[0].source == dir.File("site/a/index.html"));
  CHECK(Contains(docs[0].text, "three new stops"));
  CHECK(docs[1].id == "d2");
  CHECK(docs[1].source == dir.File("site/b.html"));
  CHECK(Contains(docs[1].text, "ten percent"));
  CHECK(docs[2].id == "d3");
  CHECK(docs[2].url == "https://news.example/story-final");
  CHECK(docs[2].source.empty());
  CHECK(Contains(docs[2].text, "approved the budget"));
  CHECK(docs[3].id == "d4");
  CHECK(docs[3].source == text_file);
  CHECK(docs[3].url.empty());
  CHECK(Contains(docs[3].text, "northern span"));
  for (const auto& doc : docs) {
    CHECK(doc.fetched_at == "2025-11-04T05:32:00Z");
    CHECK(doc.content_hash == ContentHash(doc.text));
  }
}

TEST_CASE("URLs are fetched in one batch, in source order; no batch without URLs", "[collect]") {
  TempDir dir;
  WriteWholeFile(dir.File("one.txt"), "One\n\nA single plain text article about rain.\n");
  FakeHttp http;
  http.Serve("http://a.example/1", Article("First", "First page text here."), "text/html");
  http.Serve("http://b.example/2", Article("Second", "Second page text here."), "text/html");
  auto fs = NewPosixFileSystem();
  FixedClock clock = TestClock();

  CollectDocuments({"http://b.example/2", dir.File("one.txt"), "HTTP://a.example/1"}, NoRobots(),
                   http, *fs, clock);
  REQUIRE(http.batches.size() == 1);
  CHECK(http.batches[0] == std::vector<std::string>{"http://b.example/2", "HTTP://a.example/1"});

  FakeHttp unused;
  const Collected files_only = CollectDocuments({dir.File("one.txt")}, {}, unused, *fs, clock);
  CHECK(unused.batches.empty());
  CHECK(files_only.documents.size() == 1);
}

TEST_CASE("Failed sources become errors naming them; the rest still get consecutive ids",
          "[collect]") {
  TempDir dir;
  WriteWholeFile(dir.File("ok.txt"), "Fine\n\nThis article is perfectly readable text.\n");
  WriteWholeFile(dir.File("big.txt"), std::string(5000, 'x'));
  TempDir empty;
  FakeHttp http;
  http.Serve("http://ok.example/", Article("Good", "A page that loads fine today."), "text/html");
  auto fs = NewPosixFileSystem();
  FixedClock clock = TestClock();
  CollectOptions options = NoRobots();
  options.max_file_bytes = 1000;

  const Collected got = CollectDocuments(
      {"http://missing.example/", dir.File("no-such-file.html"), dir.File("ok.txt"),
       "ftp://files.example/a.txt", dir.File("big.txt"), empty.path(), "http://ok.example/"},
      options, http, *fs, clock);

  REQUIRE(got.documents.size() == 2);
  CHECK(got.documents[0].id == "d1");
  CHECK(got.documents[0].source == dir.File("ok.txt"));
  CHECK(got.documents[1].id == "d2");
  CHECK(got.documents[1].url == "http://ok.example/");

  REQUIRE(got.errors.size() == 5);
  CHECK(got.errors[0].subject() == "http://missing.example/");
  CHECK(Contains(got.errors[0].message(), "404"));
  CHECK(got.errors[1].subject() == dir.File("no-such-file.html"));
  CHECK(got.errors[1].message() == "not a URL, file or directory");
  CHECK(got.errors[2].subject() == "ftp://files.example/a.txt");
  CHECK(Contains(got.errors[2].message(), "only http and https"));
  CHECK(got.errors[3].subject() == dir.File("big.txt"));
  CHECK(Contains(got.errors[3].message(), "over the limit of 1000"));
  CHECK(got.errors[4].subject() == empty.path());
  CHECK(got.errors[4].message() == "directory contains no article files");
}

TEST_CASE("A page nothing can be extracted from is an error naming the source", "[collect]") {
  TempDir dir;
  WriteWholeFile(dir.File("empty.html"), "");
  FakeHttp http;
  auto fs = NewPosixFileSystem();
  FixedClock clock = TestClock();
  const Collected got = CollectDocuments({dir.File("empty.html")}, {}, http, *fs, clock);
  CHECK(got.documents.empty());
  REQUIRE(got.errors.size() == 1);
  CHECK(got.errors[0].subject() == dir.File("empty.html"));
  CHECK(Contains(got.errors[0].message(), "no article could be extracted"));
}

TEST_CASE("ContentHash is the 16-digit lowercase hex XXH64 with seed 0", "[collect]") {
  CHECK(ContentHash("") == "ef46db3751d8e999");
  CHECK(ContentHash("abc") == "44bc2cf5ad770999");
  CHECK(ContentHash("abc") == ContentHash(std::string("abc")));
  CHECK(ContentHash("abd") != ContentHash("abc"));
}

TEST_CASE("The same inputs give the same documents and hashes on every run", "[collect]") {
  TempDir dir;
  WriteWholeFile(dir.File("s.txt"), "Storm\n\nWinds reached ninety kilometres an hour.\n");
  FakeHttp http;
  auto fs = NewPosixFileSystem();
  FixedClock clock = TestClock();
  const Collected a = CollectDocuments({dir.File("s.txt")}, {}, http, *fs, clock);
  const Collected b = CollectDocuments({dir.File("s.txt")}, {}, http, *fs, clock);
  REQUIRE(a.documents.size() == 1);
  REQUIRE(b.documents.size() == 1);
  CHECK(a.documents[0].content_hash == b.documents[0].content_hash);
  CHECK(a.documents[0].text == b.documents[0].text);
  CHECK(a.documents[0].content_hash.size() == 16);
}

std::string WarcData(const std::string& name) {
  return std::string(PARALLAX_SOURCE_DIR) + "/tests/data/fetch/warc/" + name;
}

std::string WarcRecordBytes(const std::string& fields, const std::string& block) {
  return "WARC/1.0\r\n" + fields + "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" +
         block + "\r\n\r\n";
}

TEST_CASE("A WARC source becomes one document per HTML or text response and resource record",
          "[collect][warc]") {
  FakeHttp http;
  auto fs = NewPosixFileSystem();
  FixedClock clock = TestClock();
  const std::string path = WarcData("articles.warc");

  const Collected got = CollectDocuments({path}, {}, http, *fs, clock);

  // The 404, the image, the request, metadata and revisit records are not documents.
  CHECK(got.errors.empty());
  CHECK(http.batches.empty());
  REQUIRE(got.documents.size() == 2);
  const Document& page = got.documents[0];
  CHECK(page.id == "d1");
  CHECK(page.url == "https://news.example/harbour");
  CHECK(page.source == path + "#552");
  CHECK(page.title == "Harbour bridge reopens");
  CHECK(Contains(page.text, "twelve expansion joints"));  // the chunked body was joined
  CHECK(page.fetched_at == "2025-11-04T05:31:07Z");       // WARC-Date, fraction dropped
  CHECK(page.content_hash == ContentHash(page.text));
  const Document& notes = got.documents[1];
  CHECK(notes.id == "d2");
  CHECK(notes.url == "http://ferries.example/notes.txt");
  CHECK(notes.source == path + "#1945");
  CHECK(notes.title == "Ferry timetable changes");
  CHECK(Contains(notes.text, "ten minutes earlier"));
}

TEST_CASE("A broken WARC record is an error naming the file and offset; framing errors end it",
          "[collect][warc]") {
  TempDir dir;
  const std::string good = WarcRecordBytes(
      "WARC-Type: resource\r\nWARC-Target-URI: http://a.example/ok\r\nContent-Type: "
      "text/plain\r\n",
      "Rates held\n\nThe central bank kept its rate unchanged for a third month.\n");
  const std::string bad_chunks = WarcRecordBytes(
      "WARC-Type: response\r\nWARC-Target-URI: http://a.example/chunks\r\nContent-Type: "
      "application/http;msgtype=response\r\n",
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
  const std::string truncated = "WARC/1.0\r\nContent-Length: 500\r\n\r\nonly a little";
  WriteWholeFile(dir.File("mixed.warc"), good + bad_chunks + good + truncated);
  WriteWholeFile(dir.File("empty.warc"), WarcRecordBytes("WARC-Type: warcinfo\r\n", "x: y\r\n"));
  FakeHttp http;
  auto fs = NewPosixFileSystem();
  FixedClock clock = TestClock();

  const Collected got =
      CollectDocuments({dir.File("mixed.warc"), dir.File("empty.warc")}, {}, http, *fs, clock);

  REQUIRE(got.documents.size() == 2);
  CHECK(got.documents[0].source == dir.File("mixed.warc") + "#0");
  CHECK(got.documents[1].source ==
        dir.File("mixed.warc") + "#" + std::to_string(good.size() + bad_chunks.size()));
  CHECK(got.documents[1].fetched_at == "2025-11-04T05:32:00Z");  // no WARC-Date: the clock
  REQUIRE(got.errors.size() == 3);
  CHECK(got.errors[0].subject() == dir.File("mixed.warc") + "#" + std::to_string(good.size()));
  CHECK(Contains(got.errors[0].message(), "invalid chunk size"));
  CHECK(got.errors[1].subject() == dir.File("mixed.warc"));
  CHECK(Contains(got.errors[1].message(), "the block is truncated"));
  CHECK(got.errors[2].subject() == dir.File("empty.warc"));
  CHECK(Contains(got.errors[2].message(), "no HTML or plain-text"));
}

TEST_CASE("With warc_output every fetched response is recorded, and the WARC replays the run",
          "[collect][warc]") {
  TempDir dir;
  FakeHttp http;
  http.Serve("https://news.example/story",
             Article("Council votes on budget", "The council approved the budget on Monday."),
             "text/html; charset=utf-8", "https://news.example/story-final");
  http.Serve("http://b.example/notes", "Road works\n\nThe main road closes at night all week.\n",
             "text/plain");
  auto fs = NewPosixFileSystem();
  FixedClock clock = TestClock();
  CollectOptions options = NoRobots();
  options.warc_output = dir.File("run.warc.gz");
  options.warc_user_agent = "TestAgent/1";

  const Collected live = CollectDocuments(
      {"https://news.example/story", "http://missing.example/", "http://b.example/notes"}, options,
      http, *fs, clock);
  REQUIRE(live.documents.size() == 2);
  REQUIRE(live.errors.size() == 1);  // the 404; the WARC was written without error
  CHECK(live.errors[0].subject() == "http://missing.example/");

  FakeHttp offline;
  const Collected replay = CollectDocuments({options.warc_output}, {}, offline, *fs, clock);
  CHECK(offline.batches.empty());
  CHECK(replay.errors.empty());
  REQUIRE(replay.documents.size() == live.documents.size());
  for (size_t i = 0; i < live.documents.size(); ++i) {
    const Document& a = live.documents[i];
    const Document& b = replay.documents[i];
    CHECK(b.id == a.id);
    CHECK(b.url == a.url);
    CHECK(b.title == a.title);
    CHECK(b.text == a.text);
    CHECK(b.content_hash == a.content_hash);
    CHECK(b.fetched_at == a.fetched_at);
    CHECK(b.source.starts_with(options.warc_output + "#"));
  }
  CHECK(replay.documents[0].url == "https://news.example/story-final");
  CHECK(replay.documents[1].title == "Road works");
}

TEST_CASE("A WARC that cannot be written is an error naming it; the documents still come",
          "[collect][warc]") {
  TempDir dir;
  FakeHttp http;
  http.Serve("http://ok.example/", Article("Good", "A page that loads fine today."), "text/html");
  auto fs = NewPosixFileSystem();
  FixedClock clock = TestClock();
  CollectOptions options = NoRobots();
  options.warc_output = dir.File("missing-dir/run.warc.gz");

  const Collected got = CollectDocuments({"http://ok.example/"}, options, http, *fs, clock);
  REQUIRE(got.documents.size() == 1);
  REQUIRE(got.errors.size() == 1);
  CHECK(got.errors[0].subject() == options.warc_output);
}

}  // namespace
}  // namespace parallax::fetch

namespace parallax::fetch {
namespace {

TEST_CASE("robots.txt: disallowed URLs are errors naming them, the rest are fetched",
          "[collect][robots]") {
  TempDir dir;
  auto fs = NewPosixFileSystem();
  FixedClock clock = TestClock();
  FakeHttp http;
  http.Serve("https://news.example/robots.txt",
             "User-agent: *\nDisallow: /private/\nCrawl-delay: 3\n", "text/plain");
  http.Serve("https://news.example/public/a",
             Article("Quay reopens", "The quay reopened after repairs to the harbour wall."),
             "text/html");
  http.Serve("https://news.example/private/b",
             Article("Secret", "This page must never be fetched by a polite robot."), "text/html");
  const Collected got = CollectDocuments(
      {"https://news.example/public/a", "https://news.example/private/b"}, {}, http, *fs, clock);
  REQUIRE(got.documents.size() == 1);
  CHECK(got.documents[0].url == "https://news.example/public/a");
  REQUIRE(got.errors.size() == 1);
  CHECK(got.errors[0].subject() == "https://news.example/private/b");
  CHECK(Contains(got.errors[0].message(), "robots.txt"));
  // robots.txt was fetched once, before the articles, and the private page never.
  REQUIRE_FALSE(http.batches.empty());
  CHECK(http.batches[0] == std::vector<std::string>{"https://news.example/robots.txt"});
  for (const auto& r : http.requests) CHECK(r.url != "https://news.example/private/b");
  // Its Crawl-delay raised the delay for the host (RFC 9309 leaves it to crawlers).
  REQUIRE(http.host_delays.count("news.example") == 1);
  CHECK(http.host_delays["news.example"] == std::chrono::milliseconds(3000));
}

TEST_CASE("robots.txt: a missing file (4xx) allows all; an unreachable one disallows all",
          "[collect][robots]") {
  auto fs = NewPosixFileSystem();
  FixedClock clock = TestClock();
  FakeHttp http;  // no robots.txt anywhere: the fake answers 404
  http.Serve("https://a.example/x", Article("Tide tables", "The tide tables change in May."),
             "text/html");
  const Collected allowed = CollectDocuments({"https://a.example/x"}, {}, http, *fs, clock);
  CHECK(allowed.documents.size() == 1);

  class Unreachable final : public HttpClient {
   public:
    std::vector<Result<HttpResponse>> FetchAll(const std::vector<std::string>& urls) override {
      std::vector<Result<HttpResponse>> out;
      for (const auto& u : urls) out.push_back(Status::Error(u, "connection refused"));
      return out;
    }
  } down;
  const Collected refused = CollectDocuments({"https://b.example/y"}, {}, down, *fs, clock);
  CHECK(refused.documents.empty());
  REQUIRE(refused.errors.size() == 1);
  CHECK(Contains(refused.errors[0].message(), "robots.txt"));
}

TEST_CASE("a feed source expands to the articles it lists, fetched as not user-named",
          "[collect][feeds]") {
  auto fs = NewPosixFileSystem();
  FixedClock clock = TestClock();
  FakeHttp http;
  http.Serve("https://news.example/rss",
             "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title>"
             "<item><title>One</title><link>https://news.example/one</link></item>"
             "<item><title>Two</title><link>/two</link></item></channel></rss>",
             "application/rss+xml");
  http.Serve("https://news.example/one",
             Article("Ferry strike ends", "The ferry strike ended after nine days of talks."),
             "text/html");
  http.Serve("https://news.example/two",
             Article("Canal dredged", "The canal was dredged to six metres this week."),
             "text/html");
  const Collected got = CollectDocuments({"https://news.example/rss"}, {}, http, *fs, clock);
  REQUIRE(got.errors.empty());
  REQUIRE(got.documents.size() == 2);
  CHECK(got.documents[0].url == "https://news.example/one");
  CHECK(got.documents[1].url == "https://news.example/two");
  for (const auto& r : http.requests) {
    if (r.url == "https://news.example/one") CHECK_FALSE(r.user_named);
    if (r.url == "https://news.example/rss") CHECK(r.user_named);
  }
}

class OnePageCache final : public PageCache {
 public:
  std::optional<Document> LookupLatest(const std::string& url) override {
    if (url != stored.url) return std::nullopt;
    return stored;
  }
  Document stored;
};

TEST_CASE("conditional GET: a stored page is asked for with its ETag, and 304 reuses it",
          "[collect][conditional]") {
  auto fs = NewPosixFileSystem();
  FixedClock clock = TestClock();
  FakeHttp http;
  http.Serve("https://news.example/a",
             Article("Lock gates fixed", "The lock gates were fixed overnight by divers."),
             "text/html");
  http.SetEtag("https://news.example/a", "\"v7\"");
  OnePageCache cache;
  cache.stored.url = "https://news.example/a";
  cache.stored.title = "Lock gates fixed";
  cache.stored.text = "The stored text of the article.";
  cache.stored.etag = "\"v7\"";
  CollectOptions options;
  options.page_cache = &cache;
  const Collected got = CollectDocuments({"https://news.example/a"}, options, http, *fs, clock);
  REQUIRE(got.errors.empty());
  REQUIRE(got.documents.size() == 1);
  CHECK(got.documents[0].text == "The stored text of the article.");
  CHECK(got.documents[0].fetched_at == "2025-11-04T05:32:00Z");
  bool sent = false;
  for (const auto& r : http.requests) sent = sent || r.if_none_match == "\"v7\"";
  CHECK(sent);

  // The page changed: a new ETag, a full answer, the new text and validators.
  http.SetEtag("https://news.example/a", "\"v8\"");
  const Collected changed = CollectDocuments({"https://news.example/a"}, options, http, *fs, clock);
  REQUIRE(changed.documents.size() == 1);
  CHECK(Contains(changed.documents[0].text, "divers"));
  CHECK(changed.documents[0].etag == "\"v8\"");
}

}  // namespace
}  // namespace parallax::fetch

namespace parallax::fetch {
namespace {

TEST_CASE("a saved page that names no outlet is credited to its folder or file name", "[collect]") {
  TempDir dir;
  WriteWholeFile(dir.File("coast-herald/index.html"),
                 Article("Quay lights", "The quay lights were replaced with brighter lamps."));
  WriteWholeFile(dir.File("valmora-post.html"),
                 Article("Quay lamps", "Brighter lamps now light the quay at night."));
  auto fs = NewPosixFileSystem();
  FixedClock clock = TestClock();
  FakeHttp http;
  const Collected got = CollectDocuments(
      {dir.File("coast-herald/index.html"), dir.File("valmora-post.html")}, {}, http, *fs, clock);
  REQUIRE(got.documents.size() == 2);
  CHECK(got.documents[0].outlet == "coast-herald");
  CHECK(got.documents[1].outlet == "valmora-post");
}

}  // namespace
}  // namespace parallax::fetch
