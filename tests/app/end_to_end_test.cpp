// End to end: serve the bundled demo pages on 127.0.0.1 from inside the test, run the
// `parallax` binary on their URLs, and check the report against the demo's labels.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <cstdlib>
#include <set>
#include <string>

#include "support/loopback_server.h"
#include "support/temp_dir.h"

namespace json = boost::json;
using parallax::testing::LoopbackServer;
using parallax::testing::ReadWholeFile;
using parallax::testing::TempDir;

namespace {

const std::string kExamples = std::string(PARALLAX_SOURCE_DIR) + "/examples/meeting";
const char* kOutlets[] = {"relay", "corvania-voice", "evening-star", "watershed-review",
                          "pontevale-courier"};

int RunParallax(const std::string& args, const std::string& log) {
  const std::string command = std::string(PARALLAX_BINARY) + " " + args + " >" + log + " 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Case-folded, curly quotes and dashes unified, white space collapsed (as the corpus tools do).
std::string Norm(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      const unsigned char d = static_cast<unsigned char>(s[i + 2]);
      if (d == 0x98 || d == 0x99) {
        out += '\'';
        i += 2;
        continue;
      }
      if (d == 0x9C || d == 0x9D) {
        out += '"';
        i += 2;
        continue;
      }
      if (d == 0x93 || d == 0x94) {
        out += '-';
        i += 2;
        continue;
      }
    }
    if (std::isspace(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

struct Report {
  json::object root;
  std::map<std::string, std::string> doc_key;  // document id -> outlet folder name
  std::map<std::string, std::pair<std::string, std::string>> claims;  // id -> (key, text)

  explicit Report(const std::string& text) : root(json::parse(text).as_object()) {
    for (const auto& d : root.at("documents").as_array()) {
      const std::string url = json::value_to<std::string>(d.at("url"));
      for (const char* k : kOutlets) {
        if (url.find(std::string("/") + k + "/") != std::string::npos)
          doc_key[json::value_to<std::string>(d.at("id"))] = k;
      }
    }
    for (const auto& c : root.at("claims").as_array()) {
      claims[json::value_to<std::string>(c.at("id"))] = {
          doc_key[json::value_to<std::string>(c.at("document"))],
          Norm(json::value_to<std::string>(c.at("text")))};
    }
  }

  // Is there a finding of `kind` citing a claim of `doc_a` containing `anchor_a` and a claim of
  // `doc_b` containing `anchor_b`?
  bool HasFinding(const std::string& kind, const std::string& doc_a, const std::string& anchor_a,
                  const std::string& doc_b, const std::string& anchor_b) const {
    for (const auto& f : root.at("findings").as_array()) {
      if (json::value_to<std::string>(f.at("kind")) != kind) continue;
      bool a = false, b = false;
      for (const auto& id : f.at("claims").as_array()) {
        const auto& [key, text] = claims.at(json::value_to<std::string>(id));
        a = a || (key == doc_a && text.find(Norm(anchor_a)) != std::string::npos);
        b = b || (key == doc_b && text.find(Norm(anchor_b)) != std::string::npos);
      }
      if (a && b) return true;
    }
    return false;
  }
};

}  // namespace

TEST_CASE("end to end: five served outlets give a report with the planted conflicts") {
  LoopbackServer server;
  server.ServeDirectory(kExamples);
  server.Start();
  TempDir tmp;
  std::string args = "compare";
  for (const char* k : kOutlets) args += " " + server.Url(std::string("/") + k + "/");
  args += " --json " + tmp.File("report.json") + " --markdown " + tmp.File("report.md") +
          " --html " + tmp.File("report.html") + " --db " + tmp.File("runs.db") + " --host-delay 0";
  REQUIRE(RunParallax(args, tmp.File("log.txt")) == 0);
  INFO(ReadWholeFile(tmp.File("log.txt")));

  const Report report(ReadWholeFile(tmp.File("report.json")));
  REQUIRE(report.root.at("documents").as_array().size() == 5);
  CHECK(report.doc_key.size() == 5);
  for (const auto& d : report.root.at("documents").as_array()) {
    CHECK_FALSE(json::value_to<std::string>(d.at("title")).empty());
    CHECK(json::value_to<std::string>(d.at("content_hash")).size() == 16);
  }
  // Spans point at the claim's text in its document.
  const auto& docs = report.root.at("documents").as_array();
  for (const auto& c : report.root.at("claims").as_array()) {
    const std::string doc_id = json::value_to<std::string>(c.at("document"));
    for (const auto& d : docs) {
      if (json::value_to<std::string>(d.at("id")) != doc_id) continue;
      const bool headline = json::value_to<std::string>(c.at("field")) == "title";
      const std::string text = json::value_to<std::string>(d.at(headline ? "title" : "text"));
      const auto start = json::value_to<size_t>(c.at("start"));
      const auto end = json::value_to<size_t>(c.at("end"));
      REQUIRE(end <= text.size());
      CHECK(text.substr(start, end - start) == json::value_to<std::string>(c.at("text")));
    }
  }

  // Planted discrepancies (examples/meeting/gold.json).
  CHECK(
      report.HasFinding("quantity", "relay", "45 cubic metres", "evening-star", "54 cubic metres"));
  CHECK(report.HasFinding("polarity", "corvania-voice", "signed a memorandum", "relay",
                          "did not sign a memorandum"));
  CHECK(report.HasFinding("attribution", "corvania-voice", "Albéniz proposed a joint network",
                          "relay", "Varga proposed a joint network"));
  // Agreements stated differently are not flagged (examples/meeting/gold.json A1, A2, A7).
  for (const char* kind : {"quantity", "time"}) {
    CHECK_FALSE(report.HasFinding(kind, "relay", "nearly three hours", "corvania-voice",
                                  "about three hours"));
    CHECK_FALSE(report.HasFinding(kind, "pontevale-courier", "a three-hour meeting",
                                  "watershed-review", "roughly three hours"));
  }

  const std::string markdown = ReadWholeFile(tmp.File("report.md"));
  CHECK(markdown.find("Conflicts") != std::string::npos);
  const std::string html = ReadWholeFile(tmp.File("report.html"));
  CHECK(html.find("Content-Security-Policy") != std::string::npos);
}

TEST_CASE("end to end: a bad source is named, the others are still compared") {
  LoopbackServer server;
  server.ServeDirectory(kExamples);
  server.Start();
  TempDir tmp;
  const std::string args = "compare " + server.Url("/relay/") + " " + server.Url("/evening-star/") +
                           " " + server.Url("/no-such-outlet/") + " " + tmp.File("missing.html") +
                           " --json " + tmp.File("report.json") + " --host-delay 0";
  CHECK(RunParallax(args, tmp.File("log.txt")) == 1);
  const std::string log = ReadWholeFile(tmp.File("log.txt"));
  CHECK(log.find("/no-such-outlet/") != std::string::npos);
  CHECK(log.find("missing.html") != std::string::npos);
  const Report report(ReadWholeFile(tmp.File("report.json")));
  CHECK(report.root.at("documents").as_array().size() == 2);
  CHECK(report.root.at("errors").as_array().size() == 2);
}

TEST_CASE("cli: usage errors exit 2, --help and --version exit 0") {
  TempDir tmp;
  CHECK(RunParallax("", tmp.File("a")) == 2);
  CHECK(RunParallax("compare", tmp.File("b")) == 2);
  CHECK(RunParallax("compare --no-such-flag x", tmp.File("c")) == 2);
  CHECK(RunParallax("frobnicate", tmp.File("d")) == 2);
  CHECK(RunParallax("--version", tmp.File("e")) == 0);
  CHECK(ReadWholeFile(tmp.File("e")).find("parallax 0.1.0") != std::string::npos);
  CHECK(RunParallax("compare --help", tmp.File("f")) == 0);
  CHECK(RunParallax("extract --help", tmp.File("g")) == 0);
}

TEST_CASE("cli: extract --json prints the contract's fields for a saved page with --url") {
  TempDir tmp;
  const std::string page = kExamples + "/relay/index.html";
  REQUIRE(RunParallax("extract " + page + " --url https://relay.example/story/1 --json",
                      tmp.File("out.json")) == 0);
  const auto doc = json::parse(ReadWholeFile(tmp.File("out.json"))).as_object();
  for (const char* field : {"url", "outlet", "title", "author", "published", "language", "text"}) {
    CHECK(doc.contains(field));
  }
  CHECK(json::value_to<std::string>(doc.at("url")) == "https://relay.example/story/1");
  CHECK_FALSE(json::value_to<std::string>(doc.at("text")).empty());
}

TEST_CASE("end to end: a second run says what changed, and the recorded WARC replays the first") {
  LoopbackServer server;
  server.ServeDirectory(kExamples);
  server.Start();
  TempDir tmp;
  std::string urls;
  for (const char* k : kOutlets) urls += " " + server.Url(std::string("/") + k + "/");
  const std::string common = " --db " + tmp.File("runs.db") + " --event demo --host-delay 0";
  REQUIRE(RunParallax("compare" + urls + common + " --warc " + tmp.File("run.warc.gz") +
                          " --json " + tmp.File("first.json"),
                      tmp.File("log1.txt")) == 0);
  REQUIRE(RunParallax("compare" + urls + common + " --json " + tmp.File("second.json"),
                      tmp.File("log2.txt")) == 0);
  const Report first(ReadWholeFile(tmp.File("first.json")));
  const Report second(ReadWholeFile(tmp.File("second.json")));
  const auto& since = second.root.at("since_last_run").as_object();
  CHECK(since.at("has_previous_run").as_bool());
  const auto& changes = since.at("changes").as_array();
  // Nothing changed on the server: every finding of the first run is still open.
  CHECK_FALSE(changes.empty());
  for (const auto& c : changes) CHECK(json::value_to<std::string>(c.at("status")) == "open");

  // Offline: the WARC alone gives the same documents.
  REQUIRE(RunParallax("compare " + tmp.File("run.warc.gz") + " --json " + tmp.File("replay.json"),
                      tmp.File("log3.txt")) == 0);
  const Report replay(ReadWholeFile(tmp.File("replay.json")));
  const auto& a = first.root.at("documents").as_array();
  const auto& b = replay.root.at("documents").as_array();
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].at("url") == b[i].at("url"));
    CHECK(a[i].at("content_hash") == b[i].at("content_hash"));
  }
  CHECK(first.root.at("findings").as_array().size() ==
        replay.root.at("findings").as_array().size());

  TempDir none;
  CHECK(RunParallax("history demo --db " + tmp.File("runs.db"), tmp.File("history.txt")) == 0);
  CHECK(RunParallax("history demo --db " + none.File("missing.db"), tmp.File("h2.txt")) == 1);
  CHECK(ReadWholeFile(tmp.File("h2.txt")).find("missing.db") != std::string::npos);
}
