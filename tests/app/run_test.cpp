// `parallax run CONFIG` end to end: a loopback server plays three outlets (two RSS feeds and a
// news sitemap) covering a small fictional event, plus an unrelated article and look-alikes.
// Night one gives a report; then one article is edited and another added; night two reports
// what changed. Also: configuration errors, the run lock and --dry-run.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "support/loopback_server.h"
#include "support/temp_dir.h"

namespace json = boost::json;
using parallax::testing::LoopbackServer;
using parallax::testing::ReadWholeFile;
using parallax::testing::TempDir;
using parallax::testing::WriteWholeFile;

namespace {

int RunParallax(const std::string& args, const std::string& log) {
  const std::string command = std::string(PARALLAX_BINARY) + " " + args + " >" + log + " 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string Page(const std::string& title, const std::string& outlet, const std::string& date,
                 const std::vector<std::string>& paragraphs) {
  std::string body;
  for (const auto& p : paragraphs) body += "<p>" + p + "</p>\n";
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " | " +
         outlet + "</title><meta property=\"og:site_name\" content=\"" + outlet +
         "\"><meta property=\"article:published_time\" content=\"" + date +
         "\"></head><body><header><nav><a href=\"/\">Home</a></nav></header><main><article><h1>" +
         title + "</h1>\n" + body + "</article></main><footer>" + outlet +
         "</footer></body></html>\n";
}

struct Item {
  std::string path, title, summary, rfc822;
};

std::string Rss(const LoopbackServer& server, const std::vector<Item>& items) {
  std::string out =
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title>"
      "<link>" +
      server.Url("/") + "</link>\n";
  for (const auto& i : items) {
    out += "<item><title>" + i.title + "</title><link>" + server.Url(i.path) +
           "</link><description>" + i.summary + "</description><pubDate>" + i.rfc822 +
           "</pubDate></item>\n";
  }
  return out + "</channel></rss>\n";
}

std::string NewsSitemap(const LoopbackServer& server,
                        const std::vector<std::pair<std::string, std::string>>& path_date) {
  std::string out =
      "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n";
  for (const auto& [path, date] : path_date) {
    out += "<url><loc>" + server.Url(path) + "</loc><news:news><news:publication_date>" + date +
           "</news:publication_date><news:title>Ostrand harbour ferry collision "
           "coverage</news:title></news:news></url>\n";
  }
  return out + "</urlset>\n";
}

// Three outlets covering a ferry collision in the (fictional) port of Ostrand.
class Outlets {
 public:
  Outlets() {
    server_.ServeDirectory(site_.path());
    server_.Start();
    Write(
        "/north/ferry.html",
        Page("Two ferries collide in Ostrand harbour", "North Gazette", "2025-11-04T08:10:00+00:00",
             {"Two passenger ferries collided in Ostrand harbour on Monday evening, injuring 14 "
              "people, the port authority said.",
              "The Halvert Line ferry Morning Gull struck the side of a smaller vessel while "
              "leaving the northern pier in thick fog.",
              "Harbour master Ilse Varga said rescue boats reached the ferries within 10 "
              "minutes of the collision.",
              "The harbour was closed for 6 hours.",
              "Halvert Line said it would cooperate fully with the investigation."}));
    Write("/north/budget.html",
          Page("City council approves winter budget", "North Gazette", "2025-11-04T07:00:00+00:00",
               {"The city council approved its winter budget on Monday after a 3 hour debate.",
                "The budget adds 12 snow ploughs and extends library opening hours."}));
    WriteCoastFerry("22");
    Write("/coast/drill.html",
          Page("Ostrand harbour holds ferry collision drill", "Coastline Daily",
               "2025-11-03T10:00:00+00:00",
               {"Rescue crews in Ostrand harbour staged a ferry collision drill on Sunday with 40 "
                "volunteers.",
                "The Halvert Line lent a ferry for the exercise, which lasted 2 hours."}));
    Write("/tide/news/ferry-crash.html",
          Page("Fog blamed as Halvert ferry hits boat in Ostrand", "Tidewater Post",
               "2025-11-04T11:00:00+00:00",
               {"Thick fog is being blamed for Monday's ferry collision in Ostrand harbour, in "
                "which 14 people were injured.",
                "The Halvert Line ferry Morning Gull hit a smaller boat as it left the pier, "
                "harbour master Ilse Varga said.",
                "Rescue boats reached the ferries within 10 minutes, Varga said, and the harbour "
                "was closed for 9 hours.",
                "Investigators from the maritime safety board arrived in Ostrand on Tuesday."}));
    Write("/tide/news/2019-collision.html",
          Page("Ostrand remembers the 2019 ferry collision", "Tidewater Post",
               "2019-05-02T09:00:00+00:00",
               {"Six years ago a Halvert ferry collision in Ostrand harbour injured 31 people."}));
    Write("/north/feed.xml",
          Rss(server_, {{"/north/ferry.html", "Two ferries collide in Ostrand harbour",
                         "A Halvert Line ferry collision in fog injures 14.",
                         "Tue, 04 Nov 2025 08:10:00 GMT"},
                        {"/north/budget.html", "City council approves winter budget",
                         "Snow ploughs and library hours.", "Tue, 04 Nov 2025 07:00:00 GMT"}}));
    WriteCoastFeed(false);
    WriteTideSitemap();
  }

  void Write(const std::string& path, const std::string& text) {
    WriteWholeFile(site_.path() + path, text);
  }
  void WriteCoastFerry(const std::string& injured) {
    Write("/coast/ostrand-ferry.html",
          Page("Ostrand ferry collision injures dozens", "Coastline Daily",
               "2025-11-04T09:30:00+00:00",
               {"A Halvert Line ferry collided with another passenger boat in Ostrand harbour on "
                "Monday, injuring " +
                    injured + " people.",
                "Harbour master Ilse Varga said rescue boats reached the ferries within 25 minutes "
                "of the collision.",
                "The harbour was closed for 6 hours while divers inspected the hulls.",
                "Halvert Line declined to comment on the cause of the collision."}));
  }
  void WriteCoastFeed(bool with_second) {
    std::vector<Item> items = {
        {"/coast/ostrand-ferry.html", "Ostrand ferry collision injures dozens",
         "Halvert Line ferry collided in the harbour.", "Tue, 04 Nov 2025 09:30:00 GMT"},
        {"/coast/drill.html", "Ostrand harbour holds ferry collision drill",
         "Volunteers play passengers in a harbour drill.", "Mon, 03 Nov 2025 10:00:00 GMT"}};
    if (with_second) {
      items.push_back({"/coast/passengers.html", "Ferry collision passengers recall the fog",
                       "Ostrand harbour survivors speak.", "Wed, 05 Nov 2025 07:00:00 GMT"});
    }
    Write("/coast/rss.xml", Rss(server_, items));
  }
  void WriteTideSitemap() {
    Write("/tide/sitemap.xml",
          NewsSitemap(server_, {{"/tide/news/ferry-crash.html", "2025-11-04T11:00:00+00:00"},
                                {"/tide/news/2019-collision.html", "2019-05-02T09:00:00+00:00"}}));
  }

  std::string Config() const {
    return "# test configuration\n"
           "database = \"runs.db\"\n"
           "output = \"out\"\n"
           "[politeness]\n"
           "host_delay_seconds = 0\n"
           "[limits]\n"
           "max_articles_per_event = 20\n"
           "[[outlets]]\n"
           "name = \"North Gazette\"\n"
           "feeds = [\"" +
           server_.Url("/north/feed.xml") +
           "\"]\n"
           "[[outlets]]\n"
           "name = \"Coastline Daily\"\n"
           "feeds = [\"" +
           server_.Url("/coast/rss.xml") +
           "\"]\n"
           "[[outlets]]\n"
           "name = \"Tidewater Post\"\n"
           "sitemaps = [\"" +
           server_.Url("/tide/sitemap.xml") + "\"]\nbase_urls = [\"" + server_.Url("/tide/news/") +
           "\"]\n"
           "[[events]]\n"
           "name = \"ostrand-ferry\"\n"
           "keywords = [\"ferry\", \"collision\", \"collided\", \"harbour\", \"fog\"]\n"
           "entities = [\"Ostrand\", \"Halvert\"]\n"
           "exclude_keywords = [\"drill\", \"exercise\"]\n"
           "from = \"2025-11-03\"\n"
           "until = \"2025-11-05\"\n";
  }

  LoopbackServer& server() { return server_; }

 private:
  TempDir site_;
  LoopbackServer server_;
};

json::object ReadJson(const std::string& path) {
  return json::parse(ReadWholeFile(path)).as_object();
}

int CountChanges(const json::object& report, const std::string& status) {
  int n = 0;
  for (const auto& c : report.at("since_last_run").at("changes").as_array()) {
    n += json::value_to<std::string>(c.at("status")) == status;
  }
  return n;
}

}  // namespace

TEST_CASE("run: two nights of an event report new and resolved findings and the edited version") {
  Outlets outlets;
  TempDir tmp;
  WriteWholeFile(tmp.File("parallax.toml"), outlets.Config());

  // Night one.
  REQUIRE(RunParallax("run " + tmp.File("parallax.toml"), tmp.File("night1.log")) == 0);
  const std::string log1 = ReadWholeFile(tmp.File("night1.log"));
  INFO(log1);
  const json::object first = ReadJson(tmp.File("out/ostrand-ferry/latest.json"));
  CHECK(first.at("documents").as_array().size() == 3);
  CHECK_FALSE(first.at("findings").as_array().empty());
  CHECK_FALSE(first.at("since_last_run").at("has_previous_run").as_bool());
  for (const char* ext : {"md", "html"}) {
    CHECK(std::filesystem::exists(tmp.File(std::string("out/ostrand-ferry/latest.") + ext)));
  }
  // The dated folder holds the same report.
  bool dated = false;
  for (const auto& entry : std::filesystem::directory_iterator(tmp.File("out/ostrand-ferry"))) {
    if (entry.is_directory()) {
      dated = ReadWholeFile(entry.path().string() + "/report.json") ==
              ReadWholeFile(tmp.File("out/ostrand-ferry/latest.json"));
    }
  }
  CHECK(dated);
  // The unrelated article, the drill and the 2019 anniversary piece were never fetched.
  CHECK(outlets.server().Hits("/north/budget.html") == 0);
  CHECK(outlets.server().Hits("/coast/drill.html") == 0);
  CHECK(outlets.server().Hits("/tide/news/2019-collision.html") == 0);
  CHECK(log1.find("look-alike") != std::string::npos);
  CHECK(log1.find(" INFO ") != std::string::npos);

  // Between the nights: Coastline Daily corrects its count, and publishes a second article.
  outlets.WriteCoastFerry("14");
  outlets.Write("/coast/passengers.html",
                Page("Ferry collision passengers recall the fog", "Coastline Daily",
                     "2025-11-05T07:00:00+00:00",
                     {"Passengers of the Halvert ferry that collided in Ostrand harbour said the "
                      "fog was so thick they could not see the pier.",
                      "Harbour master Ilse Varga said the harbour was closed for 6 hours."}));
  outlets.WriteCoastFeed(true);

  REQUIRE(RunParallax("run " + tmp.File("parallax.toml"), tmp.File("night2.log")) == 0);
  INFO(ReadWholeFile(tmp.File("night2.log")));
  const json::object second = ReadJson(tmp.File("out/ostrand-ferry/latest.json"));
  CHECK(second.at("documents").as_array().size() == 4);
  CHECK(second.at("since_last_run").at("has_previous_run").as_bool());
  CHECK(CountChanges(second, "resolved") >= 1);
  bool edited = false;
  for (const auto& c : second.at("since_last_run").at("changes").as_array()) {
    if (json::value_to<std::string>(c.at("status")) == "resolved" &&
        c.as_object().contains("document_changed") && c.at("document_changed").as_bool()) {
      edited = true;
    }
  }
  CHECK(edited);

  // The store's history: two ok runs, a finding resolved after an article was edited.
  REQUIRE(RunParallax("history ostrand-ferry --json --db " + tmp.File("runs.db"),
                      tmp.File("history.json")) == 0);
  const json::object history = ReadJson(tmp.File("history.json"));
  REQUIRE(history.at("runs").as_array().size() == 2);
  for (const auto& r : history.at("runs").as_array()) CHECK(r.at("status") == "ok");
  bool changed_in_history = false;
  for (const auto& f : history.at("findings").as_array()) {
    if (f.as_object().contains("document_changed") && f.at("document_changed").as_bool())
      changed_in_history = true;
  }
  CHECK(changed_in_history);
  // Two versions of the edited article (checked with the sqlite3 shell when it is installed).
  if (std::system("sqlite3 -version >/dev/null 2>&1") == 0) {
    const std::string query =
        "sqlite3 " + tmp.File("runs.db") +
        " \"SELECT COUNT(*) FROM document_versions v JOIN documents d ON d.id = v.document_id "
        "WHERE d.url_or_source LIKE '%/coast/ostrand-ferry.html'\" >" +
        tmp.File("versions.txt");
    REQUIRE(std::system(query.c_str()) == 0);
    CHECK(ReadWholeFile(tmp.File("versions.txt")) == "2\n");
  }
}

TEST_CASE("run: --dry-run lists the URLs per event and writes nothing") {
  Outlets outlets;
  TempDir tmp;
  WriteWholeFile(tmp.File("parallax.toml"), outlets.Config());
  REQUIRE(RunParallax("run --dry-run --quiet " + tmp.File("parallax.toml"), tmp.File("dry.txt")) ==
          0);
  const std::string out = ReadWholeFile(tmp.File("dry.txt"));
  CHECK(out.find("ostrand-ferry: 3 article(s)") != std::string::npos);
  CHECK(out.find(outlets.server().Url("/north/ferry.html")) != std::string::npos);
  CHECK(out.find(outlets.server().Url("/tide/news/ferry-crash.html")) != std::string::npos);
  CHECK(out.find("drill.html") == std::string::npos);
  CHECK(outlets.server().Hits("/north/ferry.html") == 0);
  CHECK_FALSE(std::filesystem::exists(tmp.File("runs.db")));
  CHECK_FALSE(std::filesystem::exists(tmp.File("out")));
}

TEST_CASE("run: a second run while the lock is held exits 3 naming the lock") {
  Outlets outlets;
  TempDir tmp;
  WriteWholeFile(tmp.File("parallax.toml"), outlets.Config());
  const std::string lock_path = tmp.File("runs.db.lock");
  const int fd = open(lock_path.c_str(), O_RDWR | O_CREAT, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(flock(fd, LOCK_EX | LOCK_NB) == 0);
  REQUIRE(write(fd, "4242\n", 5) == 5);
  CHECK(RunParallax("run " + tmp.File("parallax.toml"), tmp.File("locked.log")) == 3);
  const std::string log = ReadWholeFile(tmp.File("locked.log"));
  CHECK(log.find("another parallax run holds " + lock_path + " (pid 4242)") != std::string::npos);
  CHECK(outlets.server().Hits("/north/feed.xml") == 0);
  close(fd);
  // Released: the run goes ahead.
  CHECK(RunParallax("run --quiet " + tmp.File("parallax.toml"), tmp.File("free.log")) == 0);
}

TEST_CASE("run: configuration errors name the file, the line and the key, and exit 2") {
  TempDir tmp;
  struct Case {
    std::string text;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"database = \"a.db\"\noutput = \"out\"\n[[outlets]]\nname = \"A\"\nfeeds = "
       "[\"http://x/\"]\n[[events]]\nname = \"e\"\nkeywords = [\"k\"]\nfrom = \"3 Nov\"\n",
       ":9: key 'events[0].from' must be a date YYYY-MM-DD"},
      {"database = \"a.db\"\noutput = \"out\"\ncolour = \"blue\"\n",
       ":3: key 'colour' is not a known setting"},
      {"database = \"a.db\"\noutput = \"out\"\n[politeness]\nhost_delay_seconds = \"fast\"\n",
       ":4: key 'politeness.host_delay_seconds' must be a number"},
      {"database = \"a.db\"\noutput = \"out\"\n[[outlets]]\nname = \"A\"\nfeeds = "
       "[\"http://x/\"]\n[[events]]\nname = \"e\"\nkeywords = [\"k\"]\ntopic = 1\n",
       ":9: key 'events[0].topic' is not a known setting"},
      {"database = \"a.db\"\noutput = \"out\"\n[tls]\nca_file = 7\n",
       ":4: key 'tls.ca_file' must be a non-empty string"},
      {"database = \"a.db\"\noutput = [\n", ":2:"},  // a TOML syntax error: file:line:column
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    const std::string path = tmp.File("bad" + std::to_string(i) + ".toml");
    WriteWholeFile(path, cases[i].text);
    INFO(cases[i].text);
    CHECK(RunParallax("run " + path, tmp.File("err.txt")) == 2);
    const std::string err = ReadWholeFile(tmp.File("err.txt"));
    INFO(err);
    CHECK(err.find(path + cases[i].expected) != std::string::npos);
  }
  // A file over the size limit is refused before parsing.
  WriteWholeFile(tmp.File("huge.toml"), std::string(2u << 20, '#'));
  CHECK(RunParallax("run " + tmp.File("huge.toml"), tmp.File("err.txt")) == 2);
  CHECK(ReadWholeFile(tmp.File("err.txt")).find("over the limit") != std::string::npos);
  CHECK(RunParallax("run " + tmp.File("missing.toml"), tmp.File("err.txt")) == 2);
  CHECK(ReadWholeFile(tmp.File("err.txt")).find("missing.toml") != std::string::npos);
  CHECK(RunParallax("run", tmp.File("err.txt")) == 2);
}

TEST_CASE("run: the bundled example configuration is valid") {
  TempDir tmp;
  const std::string example = std::string(PARALLAX_SOURCE_DIR) + "/examples/parallax.toml";
  CHECK(RunParallax("run --check " + example, tmp.File("check.txt")) == 0);
  CHECK(ReadWholeFile(tmp.File("check.txt")).find("3 outlet(s), 1 event(s)") != std::string::npos);
}

TEST_CASE("run: a feed that fails is named, the rest is still reported, and the exit code is 1") {
  Outlets outlets;
  TempDir tmp;
  const std::string broken = outlets.server().Url("/gone/feed.xml");
  WriteWholeFile(
      tmp.File("parallax.toml"),
      outlets.Config() + "[[outlets]]\nname = \"Gone Weekly\"\nfeeds = [\"" + broken + "\"]\n");
  CHECK(RunParallax("run " + tmp.File("parallax.toml"), tmp.File("run.log")) == 1);
  const std::string log = ReadWholeFile(tmp.File("run.log"));
  CHECK(log.find(" WARN discover: Gone Weekly: ") != std::string::npos);
  CHECK(log.find(broken) != std::string::npos);
  const json::object report = ReadJson(tmp.File("out/ostrand-ferry/latest.json"));
  CHECK(report.at("documents").as_array().size() == 3);
  REQUIRE(report.at("errors").as_array().size() == 1);
  CHECK(json::value_to<std::string>(report.at("errors").as_array()[0]).find(broken) !=
        std::string::npos);
}
