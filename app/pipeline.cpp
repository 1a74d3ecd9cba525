#include "pipeline.h"

#include <chrono>

#include "parallax/align/align.h"
#include "parallax/compare/compare.h"

namespace parallax::app {

void StageTimes::Add(const StageTimes& o) {
  discover += o.discover;
  fetch += o.fetch;
  align += o.align;
  compare += o.compare;
  store += o.store;
  report += o.report;
}

int64_t SteadyNowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

double SecondsSince(int64_t start_ns) {
  return (SteadyNowNs() - start_ns) / 1e9;
}

std::optional<Document> StorePageCache::LookupLatest(const std::string& url) {
  if (store_ == nullptr) return std::nullopt;
  auto found = store_->LookupLatestDocument(url);
  if (!found.ok()) return std::nullopt;
  return std::move(found.value());
}

void AnalyzeDocuments(std::vector<Document> documents, RunReport& report, StageTimes* times) {
  int64_t t = SteadyNowNs();
  const align::Alignment alignment = align::AlignDocuments(documents);
  if (times) times->align += SecondsSince(t);
  t = SteadyNowNs();
  compare::Comparison comparison = compare::CompareClusters(documents, alignment);
  if (times) times->compare += SecondsSince(t);
  for (size_t d = 0; d < documents.size() && d < alignment.document_events.size(); ++d) {
    documents[d].event = static_cast<int>(alignment.document_events[d]);
  }
  for (size_t d = 0; d < documents.size() && d < alignment.document_copies.size(); ++d) {
    const int source = alignment.document_copies[d];
    if (source >= 0) documents[d].copy_of = documents[static_cast<size_t>(source)].id;
  }
  report.documents = std::move(documents);
  report.claims.reserve(alignment.claims.size());
  for (const auto& c : alignment.claims) report.claims.push_back(c.claim);
  report.clusters = std::move(comparison.clusters);
  report.findings = std::move(comparison.findings);
}

Recorded RecordRun(store::RunStore& store, const std::string& event, RunReport& report,
                   const store::RunOptions& options, StageTimes* times) {
  const int64_t t = SteadyNowNs();
  Recorded out;
  // The since-last-run section is read before the run itself is stored, so the run is compared
  // with the one before it.
  auto since = store.CompareWithPreviousRun(event, report);
  if (!since.ok()) {
    out.errors.push_back(since.status());
  } else {
    report.since_last_run = std::move(*since);
  }
  auto saved = store.SaveRun(event, report, options);
  if (!saved.ok()) {
    out.errors.push_back(saved.status());
  } else {
    out.run_id = *saved;
  }
  if (times) times->store += SecondsSince(t);
  return out;
}

}  // namespace parallax::app
