// The stages after collection, shared by `parallax compare`, `parallax run` and the bench:
// align -> compare -> (since-last-run + store) -> reports. Not thread-safe: one call at a time
// per RunStore.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parallax/core/finding.h"
#include "parallax/core/page_cache.h"
#include "parallax/core/status.h"
#include "parallax/store/store.h"

namespace parallax::app {

// Wall-clock seconds spent per stage; the run command adds up one entry per event.
struct StageTimes {
  double discover = 0;  // feeds, sitemaps and selection
  double fetch = 0;     // fetch + extract (CollectDocuments)
  double align = 0;
  double compare = 0;
  double store = 0;  // since-last-run lookup + SaveRun
  double report = 0;
  void Add(const StageTimes& o);
};

// The store's latest copy of each page, for conditional GET. A lookup error only means the
// page is fetched in full. `store` is not owned and may be null (then nothing is cached).
class StorePageCache final : public PageCache {
 public:
  explicit StorePageCache(store::RunStore* store) : store_(store) {}
  std::optional<Document> LookupLatest(const std::string& url) override;

 private:
  store::RunStore* store_;
};

// Aligns and compares `documents` (ids "d1", "d2", ... in order) and moves them, the claims,
// clusters and findings into `report`. Other fields of `report` are left as they are.
void AnalyzeDocuments(std::vector<Document> documents, RunReport& report,
                      StageTimes* times = nullptr);

struct Recorded {
  std::optional<int64_t> run_id;  // set when SaveRun succeeded
  std::vector<Status> errors;     // since-last-run or save failures, naming the database step
};

// Fills report.since_last_run from the previous ok run of `event`, then stores the run.
Recorded RecordRun(store::RunStore& store, const std::string& event, RunReport& report,
                   const store::RunOptions& options = {}, StageTimes* times = nullptr);

// Seconds since `start` on the steady clock.
double SecondsSince(int64_t start_ns);
int64_t SteadyNowNs();

}  // namespace parallax::app
