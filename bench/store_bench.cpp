// Stores a synthetic 10,000-article run into a fresh database and prints rows/s, seconds and the
// database size. Usage: store_bench [ARTICLES] [CLAIMS_PER_ARTICLE] (defaults 10000 and 20).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>

#include "parallax/store/store.h"

namespace {

// Pairs of articles (0,1), (2,3), ... report the same 20 facts with different figures: one
// conflict cluster per sentence pair and two quantity findings per pair.
parallax::RunReport SyntheticRun(int articles, int claims_per_article) {
  parallax::RunReport r;
  r.run_id = "bench";
  r.started_at = "2025-11-05T00:00:00Z";
  r.finished_at = "2025-11-05T00:10:00Z";
  for (int a = 0; a < articles; ++a) {
    parallax::Document d;
    d.id = "d" + std::to_string(a + 1);
    d.url = "https://outlet" + std::to_string(a % 200) + ".example/news/" + std::to_string(a);
    d.outlet = "Outlet " + std::to_string(a % 200);
    d.title = "Storm closes bridge, article " + std::to_string(a);
    d.published = "2025-11-04T05:00:00Z";
    d.language = "en";
    d.fetched_at = "2025-11-05T00:00:01Z";
    const size_t first = r.claims.size();
    for (int s = 0; s < claims_per_article; ++s) {
      const std::string sentence = "According to officials quoted in article " + std::to_string(a) +
                                   ", item " + std::to_string(s) + " involved " +
                                   std::to_string(100 + a % 7) + " people and lasted " +
                                   std::to_string(2 + a % 5) + " hours.";
      if (!d.text.empty()) d.text += s % 4 == 0 ? "\n\n" : " ";
      const auto at = static_cast<uint32_t>(d.text.size());
      d.text += sentence;
      r.claims.push_back({"c" + std::to_string(r.claims.size() + 1),
                          d.id,
                          {at, static_cast<uint32_t>(at + sentence.size())},
                          sentence});
    }
    r.documents.push_back(std::move(d));
    if (a % 2 == 0) continue;
    for (int s = 0; s < claims_per_article; ++s) {
      const auto& left = r.claims[first - claims_per_article + s];
      const auto& right = r.claims[first + s];
      const std::string k = "k" + std::to_string(r.clusters.size() + 1);
      r.clusters.push_back({k, {left.id, right.id}, parallax::Verdict::kConflict});
      if (s >= 2) continue;
      parallax::Finding f;
      f.id = "f" + std::to_string(r.findings.size() + 1);
      f.cluster_id = k;
      f.claim_ids = {left.id, right.id};
      f.summary = "Officials' figures differ.";
      f.values = {
          {left.document_id, left.id, std::to_string(100 + (a - 1) % 7) + " people", left.span},
          {right.document_id, right.id, std::to_string(100 + a % 7) + " people", right.span}};
      f.confidence = 0.75;
      r.findings.push_back(std::move(f));
    }
  }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  const int articles = argc > 1 ? std::atoi(argv[1]) : 10000;
  const int claims = argc > 2 ? std::atoi(argv[2]) : 20;
  if (articles < 2 || claims < 2) {
    std::fprintf(stderr, "usage: store_bench [ARTICLES>=2] [CLAIMS_PER_ARTICLE>=2]\n");
    return 2;
  }
  const parallax::RunReport report = SyntheticRun(articles, claims);
  // Rows one run adds: runs, documents, versions, run_documents, claims, clusters and their
  // members, findings, their claims and values (outlets are few and not counted).
  size_t rows = 1 + 3 * report.documents.size() + report.claims.size() + report.clusters.size() +
                report.findings.size();
  for (const auto& k : report.clusters) rows += k.claim_ids.size();
  for (const auto& f : report.findings) rows += f.claim_ids.size() + f.values.size();

  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("parallax-store-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "bench.db").string();
  auto store = parallax::store::OpenRunStore(path);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  auto saved = (*store)->SaveRun("bench", report);
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!saved.ok()) {
    std::fprintf(stderr, "%s\n", saved.status().ToString().c_str());
    return 1;
  }
  // Closing checkpoints the WAL into the database file, so its size is the run's footprint.
  store->reset();
  std::error_code ec;
  const auto first_bytes = fs::file_size(path, ec);
  const bool first_ok = !ec;
  store = parallax::store::OpenRunStore(path);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  // Re-running the same input: documents and versions are reused.
  const auto again_start = std::chrono::steady_clock::now();
  auto again = (*store)->SaveRun("bench", report);
  const double again_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - again_start).count();
  if (!again.ok()) {
    std::fprintf(stderr, "%s\n", again.status().ToString().c_str());
    return 1;
  }
  store->reset();  // closes the connection; the last close checkpoints the WAL into the file
  const auto bytes = fs::file_size(path, ec);
  std::printf("articles %d, claims %zu, clusters %zu, findings %zu\n", articles,
              report.claims.size(), report.clusters.size(), report.findings.size());
  std::printf(
      "first run: %zu rows in %.2f s = %.0f rows/s (%.2f s CPU = %.0f rows per CPU second)\n", rows,
      seconds, rows / seconds, cpu_seconds, rows / cpu_seconds);
  std::printf("database size after the first run: %llu bytes\n",
              static_cast<unsigned long long>(first_ok ? first_bytes : 0));
  std::printf("second run (same input): %.2f s = %.0f rows/s\n", again_seconds,
              (rows - 2 * report.documents.size()) / again_seconds);
  std::printf("database size after both runs: %llu bytes\n",
              static_cast<unsigned long long>(ec ? 0 : bytes));
  fs::remove_all(dir, ec);
  return 0;
}
