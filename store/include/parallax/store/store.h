// The SQLite history of runs: documents and their versions, claims, clusters and findings, and
// what changed between runs of one event. The schema is documented in docs/store-schema.md.
// No SQLite types cross this header.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parallax/core/finding.h"
#include "parallax/core/status.h"

namespace parallax::store {

// The schema version OpenRunStore migrates a database to (PRAGMA user_version).
inline constexpr int kSchemaVersion = 3;

struct StoredRunSummary {
  int64_t run_id = 0;
  std::string event;
  std::string report_run_id;  // RunReport::run_id
  std::string started_at;
  std::string finished_at;
  std::string status;       // "running", "ok", "failed"
  std::string config_hash;  // "" when the caller gave none
  std::string failure;      // why a run is "failed", "" otherwise
  int documents = 0;
  int claims = 0;
  int findings = 0;
  int errors = 0;
};

// What the caller knows about a run beyond its report.
struct RunOptions {
  // A hash of the effective configuration (thresholds, extractor settings), so a user can tell
  // runs made with different settings apart. Stored as given; "" stores NULL.
  std::string config_hash;
};

// The HTTP validators last seen for a URL, for a conditional GET (If-None-Match /
// If-Modified-Since). A 304 answer means the article still has the text whose hash is
// `content_hash`.
struct HttpValidators {
  std::string etag;           // the ETag header as received (quotes included), "" when absent
  std::string last_modified;  // the Last-Modified header as received, "" when absent
  std::string content_hash;   // hex XXH64 of the extracted text these validators describe
};

// One run of an event, oldest first in EventHistory::runs, with how its findings compare with
// the previous "ok" run of the event. Runs that are not "ok" have all three counts 0.
struct RunEvolution {
  StoredRunSummary run;
  int new_findings = 0;  // keys not in the previous ok run (all of them for the first ok run)
  int still_open = 0;    // keys also in the previous ok run
  int resolved = 0;      // keys of the previous ok run missing from this one
};

// The life of one finding key across the ok runs of an event.
struct FindingEvolution {
  std::string finding_key;
  FindingKind kind = FindingKind::kQuantity;
  std::string summary;  // as stored in the last run that had it
  int64_t first_seen_run = 0;
  std::string first_seen_at;  // that run's started_at
  int64_t last_seen_run = 0;
  std::string last_seen_at;
  int runs_seen = 0;  // ok runs that had the key
  // The first ok run after last_seen_run, 0 when the key is in the latest ok run (still open).
  int64_t resolved_in_run = 0;
  std::string resolved_at;
  // Resolved, and a document the finding cited was read in another version by the resolving run.
  bool document_changed = false;
};

struct EventHistory {
  std::vector<RunEvolution> runs;          // every run of the event, oldest first
  std::vector<FindingEvolution> findings;  // by first_seen_run, then key
};

// One open database connection. Not thread-safe: use one RunStore per thread (SQLite's WAL mode
// and busy timeout let several processes or connections share the file; readers see either the
// state before a run or after it, never half a run).
class RunStore {
 public:
  virtual ~RunStore() = default;

  // Stores one whole run. First the run row is committed on its own with status "running" and
  // this process's id; then everything else is written in one transaction that also sets the
  // status to "ok". A crash or kill in between leaves the previous state intact and that row
  // "running"; the next OpenRunStore marks it "failed" once its process is gone. A database
  // error while writing rolls the data back and marks the run "failed" with the reason.
  // `event` names the set of articles compared (the user's label, or one derived from sources).
  // Documents are identified by URL (else source path); a document whose text hash differs from
  // every stored version gets a new version, and the same text reuses its version, so saving
  // the same input again adds a run but no documents or versions. A report whose claims,
  // clusters or findings name unknown ids is rejected before anything is written. Returns the
  // new run's id.
  virtual Result<int64_t> SaveRun(const std::string& event, const RunReport& report,
                                  const RunOptions& options) = 0;
  Result<int64_t> SaveRun(const std::string& event, const RunReport& report) {
    return SaveRun(event, report, RunOptions{});
  }

  // Most recent first (by started_at, then by insertion). An empty `event` lists every run.
  virtual Result<std::vector<StoredRunSummary>> ListRuns(const std::string& event) = 0;

  // How `report` compares with the latest "ok" run of `event` (by started_at, then insertion):
  // new findings (key not in that run), still open (key in both), then resolved (key only in
  // that run; `document_changed` when a document the finding cited is in `report` with another
  // content hash — a document missing from `report` does not count as changed). Read-only:
  // call it before SaveRun of the same report. has_previous_run is false, and every finding
  // new, when the event has no ok run.
  virtual Result<RunComparison> CompareWithPreviousRun(const std::string& event,
                                                       const RunReport& report) = 0;

  // Every run of `event` and how its findings evolved; empty when the event has no runs.
  virtual Result<EventHistory> History(const std::string& event) = 0;

  // Validators for a conditional GET of `url`; std::nullopt when none were saved.
  virtual Result<std::optional<HttpValidators>> LookupValidators(const std::string& url) = 0;
  // Replaces the validators of `url` (committed at once, independent of runs).
  // The latest stored version of the document at `url` (text and metadata, with the HTTP
  // validators saved for it), for reuse when the server answers 304 Not Modified.
  virtual Result<std::optional<Document>> LookupLatestDocument(const std::string& url) = 0;
  virtual Status SaveValidators(const std::string& url, const HttpValidators& validators) = 0;
};

// Opens (creating and migrating as needed) the database at `path`, and marks "failed" every run
// still "running" whose process no longer exists (a crash or kill during SaveRun; processes are
// looked up on this host, so the database must not be shared across hosts). The error names the
// path: a missing directory, a file that is not a SQLite database, or a database written by a
// newer parallax (schema version above kSchemaVersion).
Result<std::unique_ptr<RunStore>> OpenRunStore(const std::string& path);

// The stable identity of a finding across runs, stored as findings.finding_key: 16 hex digits of
// XXH64 over the kind and the sorted, de-duplicated (document identity, normalised value) pairs,
// where the document identity is its URL (else its source path) and the value is trimmed,
// whitespace-collapsed and ASCII-lowercased. Independent of run-local ids, claim wording, summary
// and confidence, so the same disagreement found again in a later run has the same key.
std::string FindingKey(const Finding& finding, const RunReport& report);

}  // namespace parallax::store
