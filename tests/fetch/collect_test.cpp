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

  std::vector<Result<HttpResponse>> FetchAll(const std::vector<std::string>& urls) override {
    batches.push_back(urls);
    std::vector<Result<HttpResponse>> out;
    for (const auto& url : urls) {
      auto it = pages_.find(url);
      if (it == pages_.end()) {
        out.push_back(Status::Error(url, "server answered HTTP 404 Not Found"));
      } else {
        out.push_back(it->second);
      }
    }
    return out;
  }

  std::vector<std::vector<std::string>> batches;

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
      {dir.File("site"), "https://news.example/story", text_file}, {}, http, *fs, clock);

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

  CollectDocuments({"http://b.example/2", dir.File("one.txt"), "HTTP://a.example/1"}, {}, http, *fs,
                   clock);
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
  CollectOptions options;
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

}  // namespace
}  // namespace parallax::fetch
