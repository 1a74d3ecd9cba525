// Alignment at scale: 2,500, 5,000 and 10,000 articles built by replicating the 46 real
// articles of ../shared/data/news-cpi (each copy with its sentences rotated and its numbers
// shifted, so copies are near but not exact duplicates), aligned and compared on one thread.
// Prints time, claims, clusters and peak resident memory per size, and the time ratio of each
// doubling (goal: at most 2.3x; 10,000 articles in under 60 s).
//
//   align_bench [--data FILE] [--sizes 2500,5000,10000]
#include <sys/resource.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parallax/align/align.h"
#include "parallax/compare/compare.h"

namespace json = boost::json;
using Clock = std::chrono::steady_clock;

namespace {

long PeakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// Copy `k` of an article: paragraphs rotated by k, digits shifted by k, so that alignment sees
// many similar but not identical accounts.
std::string Variant(const std::string& text, size_t k) {
  std::vector<std::string> paragraphs;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find("\n\n", begin);
    if (end == std::string::npos) end = text.size();
    if (end > begin) paragraphs.push_back(text.substr(begin, end - begin));
    begin = end + 2;
  }
  std::string out;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (!out.empty()) out += "\n\n";
    out += paragraphs[(i + k) % paragraphs.size()];
  }
  for (char& c : out) {
    if (c >= '0' && c <= '9' && k % 3 == 1) c = static_cast<char>('0' + (c - '0' + k) % 10);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = std::string(PARALLAX_SHARED_DIR) + "/data/news-cpi/documents_recession.json";
  std::vector<size_t> sizes = {2500, 5000, 10000};
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--data")) data = argv[i + 1];
    if (!std::strcmp(argv[i], "--sizes")) {
      sizes.clear();
      std::stringstream list(argv[i + 1]);
      std::string n;
      while (std::getline(list, n, ',')) sizes.push_back(std::stoul(n));
    }
  }
  std::ifstream in(data);
  if (!in) {
    std::fprintf(stderr, "align_bench: cannot read %s\n", data.c_str());
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  std::vector<std::string> originals;
  const json::value parsed = json::parse(text.str());
  for (const auto& item : parsed.as_array()) {
    originals.push_back(json::value_to<std::string>(item.at("content")));
  }
  std::printf("%zu source articles; one thread\n", originals.size());
  double previous = 0;
  for (size_t n : sizes) {
    std::vector<parallax::Document> docs(n);
    for (size_t i = 0; i < n; ++i) {
      docs[i].id = "d" + std::to_string(i + 1);
      docs[i].outlet = "outlet-" + std::to_string(i % 200);
      docs[i].published = "2022-04-12T10:00:00+00:00";
      docs[i].text = Variant(originals[i % originals.size()], i / originals.size());
    }
    const auto t0 = Clock::now();
    const auto alignment = parallax::align::AlignDocuments(docs);
    const auto t1 = Clock::now();
    const auto comparison = parallax::compare::CompareClusters(docs, alignment);
    const auto t2 = Clock::now();
    const double align_s = std::chrono::duration<double>(t1 - t0).count();
    const double compare_s = std::chrono::duration<double>(t2 - t1).count();
    std::printf(
        "%6zu articles: align %7.2f s, compare %6.2f s, total %7.2f s; %zu claims, %zu clusters, "
        "%zu findings; peak RSS %ld MB",
        n, align_s, compare_s, align_s + compare_s, alignment.claims.size(),
        alignment.clusters.size(), comparison.findings.size(), PeakRssKb() / 1024);
    if (previous > 0) std::printf("; x%.2f the previous size", (align_s + compare_s) / previous);
    std::printf("\n");
    std::fflush(stdout);
    previous = align_s + compare_s;
  }
  return 0;
}
