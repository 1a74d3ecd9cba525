#include "schema.h"

#include <SQLiteCpp/Transaction.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "parallax/store/store.h"

namespace parallax::store {
namespace {

// kMigrations[i] takes the schema from version i to i + 1. Never edit a released step: add one.
const std::vector<const char*>& Migrations() {
  static const std::vector<const char*> steps = {
      // Version 1.
      R"sql(
CREATE TABLE runs (
  id             INTEGER PRIMARY KEY,
  event          TEXT NOT NULL,
  report_run_id  TEXT NOT NULL,
  started_at     TEXT NOT NULL,
  finished_at    TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed')),
  config_hash    TEXT,
  document_count INTEGER NOT NULL DEFAULT 0,
  claim_count    INTEGER NOT NULL DEFAULT 0,
  finding_count  INTEGER NOT NULL DEFAULT 0,
  error_count    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX runs_event ON runs (event, started_at);

CREATE TABLE run_errors (
  run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  seq     INTEGER NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
);

CREATE TABLE outlets (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE documents (
  id             INTEGER PRIMARY KEY,
  url_or_source  TEXT NOT NULL UNIQUE,
  canonical_url  TEXT,
  outlet_id      INTEGER NOT NULL REFERENCES outlets (id),
  first_seen_run INTEGER REFERENCES runs (id) ON DELETE SET NULL
);
CREATE INDEX documents_outlet ON documents (outlet_id);
CREATE INDEX documents_first_seen_run ON documents (first_seen_run);

CREATE TABLE document_versions (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL REFERENCES documents (id),
  content_hash   TEXT NOT NULL,
  title          TEXT NOT NULL,
  author         TEXT,
  published      TEXT,
  modified       TEXT,
  language       TEXT,
  fetched_at     TEXT,
  partial        INTEGER NOT NULL DEFAULT 0,
  text           TEXT NOT NULL,
  first_seen_run INTEGER REFERENCES runs (id) ON DELETE SET NULL,
  UNIQUE (document_id, content_hash)
);
CREATE INDEX document_versions_first_seen_run ON document_versions (first_seen_run);

CREATE TABLE run_documents (
  run_id     INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  local_id   TEXT NOT NULL,
  version_id INTEGER NOT NULL REFERENCES document_versions (id),
  PRIMARY KEY (run_id, local_id)
);
CREATE INDEX run_documents_version ON run_documents (version_id);

CREATE TABLE claims (
  id         INTEGER PRIMARY KEY,
  run_id     INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  local_id   TEXT NOT NULL,
  version_id INTEGER NOT NULL REFERENCES document_versions (id),
  span_begin INTEGER NOT NULL,
  span_end   INTEGER NOT NULL CHECK (span_end >= span_begin),
  text       TEXT NOT NULL,
  UNIQUE (run_id, local_id)
);
CREATE INDEX claims_version ON claims (version_id);

CREATE TABLE clusters (
  id       INTEGER PRIMARY KEY,
  run_id   INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  verdict  TEXT NOT NULL CHECK (verdict IN ('agree', 'conflict', 'single')),
  UNIQUE (run_id, local_id)
);

CREATE TABLE cluster_claims (
  cluster_id INTEGER NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
  claim_id   INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  PRIMARY KEY (cluster_id, claim_id)
);
CREATE INDEX cluster_claims_claim ON cluster_claims (claim_id);

CREATE TABLE findings (
  id               INTEGER PRIMARY KEY,
  run_id           INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  local_id         TEXT NOT NULL,
  kind             TEXT NOT NULL,
  cluster_local_id TEXT,
  cluster_id       INTEGER REFERENCES clusters (id) ON DELETE CASCADE,
  summary          TEXT NOT NULL,
  confidence       REAL NOT NULL,
  severity         TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
  finding_key      TEXT NOT NULL,
  UNIQUE (run_id, local_id)
);
CREATE INDEX findings_cluster ON findings (cluster_id);
CREATE INDEX findings_key ON findings (finding_key);

CREATE TABLE finding_claims (
  finding_id INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  claim_id   INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  PRIMARY KEY (finding_id, claim_id)
);
CREATE INDEX finding_claims_claim ON finding_claims (claim_id);

CREATE TABLE finding_values (
  finding_id     INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  seq            INTEGER NOT NULL,
  version_id     INTEGER NOT NULL REFERENCES document_versions (id),
  claim_id       INTEGER REFERENCES claims (id) ON DELETE CASCADE,
  value          TEXT NOT NULL,
  evidence_begin INTEGER NOT NULL,
  evidence_end   INTEGER NOT NULL,
  PRIMARY KEY (finding_id, seq)
);
CREATE INDEX finding_values_version ON finding_values (version_id);
CREATE INDEX finding_values_claim ON finding_values (claim_id);
)sql",
      // Version 2: crash recovery (the writer's pid and why a run failed), the fetch time of
      // each document per run, HTTP validators for conditional GET, and indices for the
      // since-last-run diff.
      R"sql(
ALTER TABLE runs ADD COLUMN pid INTEGER;
ALTER TABLE runs ADD COLUMN failure TEXT;
CREATE INDEX runs_event_status ON runs (event, status, started_at);

ALTER TABLE run_documents ADD COLUMN fetched_at TEXT;
UPDATE run_documents SET fetched_at =
  (SELECT v.fetched_at FROM document_versions v WHERE v.id = run_documents.version_id);

CREATE INDEX findings_run_key ON findings (run_id, finding_key);

CREATE TABLE http_validators (
  url           TEXT PRIMARY KEY,
  etag          TEXT,
  last_modified TEXT,
  content_hash  TEXT,
  saved_at      TEXT NOT NULL
);
)sql",
      // Version 3: claims read from a headline (their spans index the document's title), what
      // each cluster lines up, which event of the run each document reports and which earlier
      // document of the run it copies.
      R"sql(
ALTER TABLE claims ADD COLUMN field TEXT NOT NULL DEFAULT 'text'
  CHECK (field IN ('text', 'title'));
ALTER TABLE clusters ADD COLUMN basis TEXT NOT NULL DEFAULT 'statement'
  CHECK (basis IN ('statement', 'quantity', 'date', 'act', 'event'));
ALTER TABLE run_documents ADD COLUMN event INTEGER NOT NULL DEFAULT 0;
ALTER TABLE run_documents ADD COLUMN copy_of TEXT;
)sql",
  };
  static_assert(kSchemaVersion == 3, "add the migration step for the new version above");
  return steps;
}

}  // namespace

void Migrate(SQLite::Database& db) {
  const auto& steps = Migrations();
  const int current = db.execAndGet("PRAGMA user_version").getInt();
  if (current > static_cast<int>(steps.size())) {
    throw std::runtime_error("database schema version " + std::to_string(current) +
                             " is newer than this parallax supports (" +
                             std::to_string(steps.size()) + "); use a newer parallax");
  }
  for (int v = current; v < static_cast<int>(steps.size()); ++v) {
    // IMMEDIATE takes the write lock first, so of two processes migrating a new file at once
    // the second waits (busy_timeout), re-reads the version and skips the step.
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (db.execAndGet("PRAGMA user_version").getInt() > v) continue;
    db.exec(steps[v]);
    db.exec("PRAGMA user_version = " + std::to_string(v + 1));
    tx.commit();
  }
}

}  // namespace parallax::store
