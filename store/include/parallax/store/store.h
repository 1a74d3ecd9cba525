// The SQLite history of runs: documents and their versions, claims, clusters and findings.
// The schema is documented in docs/store-schema.md. No SQLite types cross this header.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "parallax/core/finding.h"
#include "parallax/core/status.h"

namespace parallax::store {

// The schema version OpenRunStore migrates a database to (PRAGMA user_version).
inline constexpr int kSchemaVersion = 1;

struct StoredRunSummary {
  int64_t run_id = 0;
  std::string event;
  std::string report_run_id;  // RunReport::run_id
  std::string started_at;
  std::string finished_at;
  std::string status;  // "running", "ok", "failed"
  int documents = 0;
  int claims = 0;
  int findings = 0;
};

// One open database connection. Not thread-safe: use one RunStore per thread (SQLite's WAL mode
// and busy timeout let several processes or connections share the file).
class RunStore {
 public:
  virtual ~RunStore() = default;
  // Stores one whole run in a single transaction: either all of it is written or none.
  // `event` names the set of articles compared (the user's label, or one derived from sources).
  // Documents are identified by URL (else source path); a document whose text hash differs from
  // every stored version gets a new version. A report whose claims, clusters or findings name
  // unknown ids is rejected. Returns the new run's id.
  virtual Result<int64_t> SaveRun(const std::string& event, const RunReport& report) = 0;
  // Most recent first (by started_at, then by insertion). An empty `event` lists every run.
  virtual Result<std::vector<StoredRunSummary>> ListRuns(const std::string& event) = 0;
};

// Opens (creating and migrating as needed) the database at `path`. The error names the path:
// a missing directory, a file that is not a SQLite database, or a database written by a newer
// parallax (schema version above kSchemaVersion).
Result<std::unique_ptr<RunStore>> OpenRunStore(const std::string& path);

// The stable identity of a finding across runs, stored as findings.finding_key: 16 hex digits of
// XXH64 over the kind and the sorted, de-duplicated (document identity, normalised value) pairs,
// where the document identity is its URL (else its source path) and the value is trimmed,
// whitespace-collapsed and ASCII-lowercased. Independent of run-local ids, claim wording, summary
// and confidence, so the same disagreement found again in a later run has the same key.
std::string FindingKey(const Finding& finding, const RunReport& report);

}  // namespace parallax::store
