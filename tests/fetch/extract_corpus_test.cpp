// Measures extraction on the shared corpora (read-only, outside the repo). Skipped with a
// warning when ../shared is absent. The dev corpus test checks metadata against gold.json and
// that every gold anchor survives extraction; the hidden [.zyte] test writes predictions for
// tools/score_extraction.py.
#include <zlib.h>

#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "parallax/fetch/extract.h"

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string Gunzip(const fs::path& path) {
  std::string out;
  gzFile f = gzopen(path.string().c_str(), "rb");
  if (f == nullptr) return out;
  char buf[65536];
  int n = 0;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  return out;
}

// Like goldlib.norm: unify quotes and dashes, lower-case, collapse white space.
std::string Norm(std::string s) {
  const std::pair<std::string, std::string> kMap[] = {
      {"\xE2\x80\x98", "'"},  {"\xE2\x80\x99", "'"}, {"\xE2\x80\x9C", "\""},
      {"\xE2\x80\x9D", "\""}, {"\xC2\xAB", "\""},    {"\xC2\xBB", "\""},
      {"\xE2\x80\x93", "-"},  {"\xE2\x80\x94", "-"}, {"\xC2\xA0", " "}};
  for (const auto& [from, to] : kMap) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
      s.replace(at, from.size(), to);
    }
  }
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::regex_replace(s, std::regex(R"(\s+)"), " ");
}

std::string Str(const json::value& v) {
  return v.is_string() ? std::string(v.get_string()) : std::string();
}

void CollectAnchors(const json::value& v, std::map<std::string, std::vector<std::string>>& out) {
  if (v.is_array()) {
    for (const auto& e : v.get_array()) CollectAnchors(e, out);
  } else if (v.is_object()) {
    const auto& o = v.get_object();
    if (o.contains("doc") && o.contains("anchor")) {
      out[Str(o.at("doc"))].push_back(Str(o.at("anchor")));
    }
    for (const auto& [k, e] : o) {
      if (k != "doc" && k != "anchor") CollectAnchors(e, out);
    }
  }
}

}  // namespace

TEST_CASE("dev corpus: metadata matches gold and no story paragraph is lost", "[corpus]") {
  fs::path dev = fs::path(PARALLAX_SHARED_DIR) / "corpus" / "dev";
  if (!fs::is_directory(dev)) {
    WARN("shared dev corpus not found at " << dev << "; skipped");
    return;
  }
  int documents = 0, title_ok = 0, author_ok = 0, published_ok = 0;
  for (const auto& event : fs::directory_iterator(dev)) {
    if (!fs::exists(event.path() / "gold.json")) continue;
    json::value gold = json::parse(ReadFile(event.path() / "gold.json"));
    std::map<std::string, std::vector<std::string>> anchors;
    for (const char* key : {"discrepancies", "agreements", "exclusives"}) {
      if (gold.as_object().contains(key)) CollectAnchors(gold.at(key), anchors);
    }
    for (const auto& [key, expected] : gold.at("documents").as_object()) {
      std::string doc_key(key);
      std::string url = "http://127.0.0.1:8080/" + doc_key + "/";
      auto result = parallax::fetch::ExtractArticle(ReadFile(event.path() / doc_key / "index.html"),
                                                    url, "text/html");
      REQUIRE(result.ok());
      const auto& doc = result.value();
      ++documents;
      std::string want_author = expected.at("author").is_null() ? "" : Str(expected.at("author"));
      INFO(doc_key << "\n title: " << doc.title << "\n author: " << doc.author
                   << "\n published: " << doc.published.value_or("(none)"));
      CHECK(doc.title == Str(expected.at("title")));
      CHECK(doc.author == want_author);
      CHECK(doc.published.value_or("") == Str(expected.at("published")));
      title_ok += doc.title == Str(expected.at("title"));
      author_ok += doc.author == want_author;
      published_ok += doc.published.value_or("") == Str(expected.at("published"));
      std::string text = Norm(doc.title + "\n" + doc.text);
      for (const auto& anchor : anchors[doc_key]) {
        INFO("anchor: " << anchor);
        CHECK(text.find(Norm(anchor)) != std::string::npos);
      }
      for (const char* boiler : {"cookies", "most read", "related", "newsletter", "advertisement",
                                 "sign up", "all rights reserved", "share on facebook"}) {
        INFO("boilerplate: " << boiler);
        CHECK(Norm(doc.text).find(boiler) == std::string::npos);
      }
      if (std::getenv("PARALLAX_DUMP")) {
        std::ofstream(std::string("/tmp/extract-") + doc_key + ".txt")
            << doc.title << "\n"
            << doc.author << "\n"
            << doc.published.value_or("") << "\n"
            << doc.modified.value_or("") << "\n"
            << doc.outlet << "\n"
            << doc.canonical_url << "\n"
            << doc.language << "\npartial=" << doc.partial << "\n\n"
            << doc.text;
      }
    }
  }
  WARN("dev corpus metadata: title " << title_ok << "/" << documents << ", author " << author_ok
                                     << "/" << documents << ", published " << published_ok << "/"
                                     << documents);
}

// Run with: parallax_fetch_tests "[.zyte]"; writes $PARALLAX_ZYTE_OUT (default
// /tmp/zyte-predictions.json), then: python3 tools/score_extraction.py ground-truth.json <it>.
TEST_CASE("zyte benchmark predictions", "[.zyte]") {
  fs::path dir = fs::path(PARALLAX_SHARED_DIR) / "data" / "extraction-zyte";
  if (!fs::is_directory(dir)) {
    WARN("zyte data not found; skipped");
    return;
  }
  json::value truth = json::parse(ReadFile(dir / "ground-truth.json"));
  json::object predictions;
  for (const auto& [id, item] : truth.as_object()) {
    std::string html = Gunzip(dir / "html" / (std::string(id) + ".html.gz"));
    std::string url = item.as_object().contains("url") ? Str(item.at("url")) : "";
    auto result = parallax::fetch::ExtractArticle(html, url, "text/html");
    json::object entry;
    entry["articleBody"] = result.ok() ? result->text : "";
    predictions[id] = std::move(entry);
  }
  const char* out = std::getenv("PARALLAX_ZYTE_OUT");
  std::ofstream(out ? out : "/tmp/zyte-predictions.json") << json::serialize(predictions);
  CHECK(predictions.size() == truth.as_object().size());
}
