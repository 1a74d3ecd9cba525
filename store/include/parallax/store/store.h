// The SQLite history of runs: documents and their versions, claims, clusters and findings.
// No SQLite types cross this header.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "parallax/core/finding.h"
#include "parallax/core/status.h"

namespace parallax::store {

struct StoredRunSummary {
  int64_t run_id = 0;
  std::string event;
  std::string started_at;
  std::string finished_at;
  std::string status;  // "running", "ok", "failed"
  int documents = 0;
  int claims = 0;
  int findings = 0;
};

class RunStore {
 public:
  virtual ~RunStore() = default;
  // Stores one whole run in a single transaction: either all of it is written or none.
  // `event` names the set of articles compared (the user's label, or one derived from sources).
  // Returns the new run's id.
  virtual Result<int64_t> SaveRun(const std::string& event, const RunReport& report) = 0;
  // Most recent first.
  virtual Result<std::vector<StoredRunSummary>> ListRuns(const std::string& event) = 0;
};

// Opens (creating and migrating as needed) the database at `path`. The error names the path.
Result<std::unique_ptr<RunStore>> OpenRunStore(const std::string& path);

}  // namespace parallax::store
