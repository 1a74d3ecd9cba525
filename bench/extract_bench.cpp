// Extraction speed over the article-extraction benchmark pages (../shared/data/extraction-zyte):
// Parallax's ExtractArticle against libxml2's HTML parser alone (the floor for this parser),
// single-threaded. Optionally writes predictions for tools/score_extraction.py.
//
//   extract_bench [--data DIR] [--rounds N] [--only parse|extract] [--predictions FILE]
//
// --only runs one of the two loops, so that an instruction-count profiler (callgrind) sees each
// alone.
#include <libxml/HTMLparser.h>
#include <zlib.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parallax/fetch/extract.h"

namespace fs = std::filesystem;
namespace json = boost::json;
using Clock = std::chrono::steady_clock;

namespace {

struct Page {
  std::string id;
  std::string url;
  std::string html;
};

std::string Gunzip(const fs::path& path) {
  std::string out;
  gzFile f = gzopen(path.string().c_str(), "rb");
  if (f == nullptr) return out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  return out;
}

double Seconds(Clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

void Print(const char* what, size_t pages, size_t bytes, double seconds) {
  std::printf("%-28s %8.1f pages/s %8.1f MB/s  (%zu pages, %.3f s)\n", what, pages / seconds,
              bytes / seconds / 1e6, pages, seconds);
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = std::string(PARALLAX_SHARED_DIR) + "/data/extraction-zyte";
  std::string predictions_path;
  int rounds = 3;
  std::string only;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--data"))
      data = argv[i + 1];
    else if (!std::strcmp(argv[i], "--rounds"))
      rounds = std::max(1, std::atoi(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--predictions"))
      predictions_path = argv[i + 1];
    else if (!std::strcmp(argv[i], "--only"))
      only = argv[i + 1];
  }
  const bool run_parse = only.empty() || only == "parse";
  const bool run_extract = only.empty() || only == "extract";
  std::ifstream truth_in(data + "/ground-truth.json");
  if (!truth_in) {
    std::fprintf(stderr, "extract_bench: %s/ground-truth.json not found\n", data.c_str());
    return 1;
  }
  std::stringstream truth_text;
  truth_text << truth_in.rdbuf();
  const json::object truth = json::parse(truth_text.str()).as_object();
  std::vector<Page> pages;
  size_t bytes = 0;
  for (const auto& [id, item] : truth) {
    Page p;
    p.id = std::string(id);
    if (item.as_object().contains("url")) p.url = json::value_to<std::string>(item.at("url"));
    p.html = Gunzip(fs::path(data) / "html" / (p.id + ".html.gz"));
    bytes += p.html.size();
    pages.push_back(std::move(p));
  }
  std::printf("%zu pages, %.1f KB average, best of %d rounds, one thread\n", pages.size(),
              bytes / 1024.0 / std::max<size_t>(1, pages.size()), rounds);

  xmlInitParser();
  double parse_best = 1e300, extract_best = 1e300;
  for (int r = 0; r < rounds; ++r) {
    auto t0 = Clock::now();
    for (const Page& p : pages) {
      if (!run_parse) break;
      htmlDocPtr doc = htmlReadMemory(
          p.html.data(), static_cast<int>(p.html.size()), p.url.c_str(), "UTF-8",
          HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
      if (doc) xmlFreeDoc(doc);
    }
    parse_best = std::min(parse_best, Seconds(Clock::now() - t0));
    t0 = Clock::now();
    for (const Page& p : pages) {
      if (!run_extract) break;
      auto result = parallax::fetch::ExtractArticle(p.html, p.url, "text/html");
      (void)result;
    }
    extract_best = std::min(extract_best, Seconds(Clock::now() - t0));
  }
  if (run_parse) Print("libxml2 parse alone", pages.size(), bytes, parse_best);
  if (run_extract) Print("parallax ExtractArticle", pages.size(), bytes, extract_best);
  if (run_parse && run_extract) {
    std::printf("extraction / parse-alone time: %.2fx\n", extract_best / parse_best);
  }

  if (!predictions_path.empty()) {
    json::object predictions;
    for (const Page& p : pages) {
      auto result = parallax::fetch::ExtractArticle(p.html, p.url, "text/html");
      json::object entry;
      entry["articleBody"] = result.ok() ? result->text : "";
      // The other fields are ignored by the scorer; they let two builds' outputs be diffed.
      if (result.ok()) {
        entry["title"] = result->title;
        entry["author"] = result->author;
        entry["published"] = result->published.value_or("");
        entry["modified"] = result->modified.value_or("");
        entry["outlet"] = result->outlet;
        entry["canonical"] = result->canonical_url;
        entry["language"] = result->language;
        entry["partial"] = result->partial;
      }
      predictions[p.id] = std::move(entry);
    }
    std::ofstream(predictions_path) << json::serialize(predictions);
    std::printf("predictions written to %s\n", predictions_path.c_str());
  }
  return 0;
}
