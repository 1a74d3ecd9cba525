// Since-last-run comparison, event history, HTTP validators and the migration from schema v1.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "parallax/store/store.h"
#include "store_fixtures.h"
#include "support/temp_dir.h"

using parallax::ChangeStatus;
using parallax::FindingChange;
using parallax::RunComparison;
using parallax::RunReport;
using parallax::store::FindingKey;
using parallax::store::OpenRunStore;
using parallax::store::testing::Count;
using parallax::store::testing::Report;
using parallax::testing::TempDir;

namespace {

// Report() plus a second finding: the outlets disagree on the day the storm hit.
RunReport Day1() {
  RunReport r = Report();
  parallax::Finding f;
  f.id = "f2";
  f.kind = parallax::FindingKind::kTime;
  f.cluster_id = "k1";
  f.claim_ids = {"c1", "c3"};
  f.summary = "The storm hit on Monday or on Tuesday.";
  f.values = {{"d1", "c1", "monday", {0, 4}}, {"d2", "c3", "tuesday", {0, 4}}};
  f.confidence = 0.6;
  r.findings.push_back(f);
  return r;
}

// The Sentinel corrected its article: six hours became five. The day finding stays.
RunReport Day2() {
  RunReport r = Day1();
  r.run_id = "run-2";
  r.started_at = "2025-11-05T05:32:00Z";
  r.documents[1].text = "The mayor opened the bridge. It was shut for five hours.";
  r.documents[1].content_hash = "hash-sentinel-corrected";
  r.claims[3].text = "It was shut for five hours.";
  r.findings[0].summary = "Closed for 4 h or 5 h.";
  r.findings[0].values[1].value = "5 h";
  return r;
}

// Nothing was edited, but the day disagreement is no longer detected.
RunReport Day3() {
  RunReport r = Day2();
  r.run_id = "run-3";
  r.started_at = "2025-11-06T05:32:00Z";
  r.findings.pop_back();
  return r;
}

// The schema as parallax shipped it at version 1, frozen here so that the migration from it
// stays tested after schema.cpp moves on.
constexpr const char* kSchemaV1 = R"sql(
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
)sql";

}  // namespace

TEST_CASE("the first run of an event has no previous run and every finding is new") {
  TempDir dir;
  auto store = OpenRunStore(dir.File("history.db"));
  REQUIRE(store.ok());
  REQUIRE((*store)->SaveRun("other event", Day1()).ok());
  auto diff = (*store)->CompareWithPreviousRun("bridge storm", Day1());
  REQUIRE(diff.ok());
  CHECK_FALSE(diff->has_previous_run);
  CHECK(diff->previous_run_started_at.empty());
  REQUIRE(diff->changes.size() == 2);
  for (const auto& c : diff->changes) CHECK(c.status == ChangeStatus::kNew);
  CHECK(diff->changes[0].finding_id == "f1");
  CHECK(diff->changes[0].finding_key == FindingKey(Day1().findings[0], Day1()));
}

TEST_CASE("since the last run: new, still open, and resolved by an edited article") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  auto store = OpenRunStore(path);
  REQUIRE(store.ok());
  const RunReport day1 = Day1(), day2 = Day2();
  REQUIRE((*store)->SaveRun("bridge storm", day1).ok());

  auto diff = (*store)->CompareWithPreviousRun("bridge storm", day2);
  REQUIRE(diff.ok());
  CHECK(diff->has_previous_run);
  CHECK(diff->previous_run_started_at == day1.started_at);
  REQUIRE(diff->changes.size() == 3);
  // This run's findings first, in report order, then the resolved ones.
  CHECK(diff->changes[0].status == ChangeStatus::kNew);
  CHECK(diff->changes[0].finding_id == "f1");
  CHECK(diff->changes[0].summary == "Closed for 4 h or 5 h.");
  CHECK(diff->changes[1].status == ChangeStatus::kStillOpen);
  CHECK(diff->changes[1].finding_id == "f2");
  const FindingChange& resolved = diff->changes[2];
  CHECK(resolved.status == ChangeStatus::kResolved);
  CHECK(resolved.finding_key == FindingKey(day1.findings[0], day1));
  CHECK(resolved.finding_id.empty());
  CHECK(resolved.kind == parallax::FindingKind::kQuantity);
  CHECK(resolved.summary == "Closed for 4 h or 6 h.");
  CHECK(resolved.document_changed);

  // Comparing wrote nothing.
  SQLite::Database db(path);
  CHECK(Count(db, "SELECT count(*) FROM runs") == 1);
}

TEST_CASE(
    "a finding that disappears from unchanged articles is resolved without a document change") {
  TempDir dir;
  auto store = OpenRunStore(dir.File("history.db"));
  REQUIRE(store.ok());
  REQUIRE((*store)->SaveRun("bridge storm", Day1()).ok());
  REQUIRE((*store)->SaveRun("bridge storm", Day2()).ok());
  const RunReport day3 = Day3();
  auto diff = (*store)->CompareWithPreviousRun("bridge storm", day3);
  REQUIRE(diff.ok());
  CHECK(diff->previous_run_started_at == Day2().started_at);
  REQUIRE(diff->changes.size() == 2);
  CHECK(diff->changes[0].status == ChangeStatus::kStillOpen);
  CHECK(diff->changes[1].status == ChangeStatus::kResolved);
  CHECK(diff->changes[1].finding_key == FindingKey(Day1().findings[1], Day1()));
  CHECK_FALSE(diff->changes[1].document_changed);
}

TEST_CASE("a failed run is never the previous run") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  auto store = OpenRunStore(path);
  REQUIRE(store.ok());
  REQUIRE((*store)->SaveRun("bridge storm", Day1()).ok());
  auto second = (*store)->SaveRun("bridge storm", Day3());
  REQUIRE(second.ok());
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("UPDATE runs SET status = 'failed' WHERE id = " + std::to_string(*second));
  }
  auto diff = (*store)->CompareWithPreviousRun("bridge storm", Day1());
  REQUIRE(diff.ok());
  CHECK(diff->previous_run_started_at == Day1().started_at);
  REQUIRE(diff->changes.size() == 2);
  CHECK(diff->changes[0].status == ChangeStatus::kStillOpen);
  CHECK(diff->changes[1].status == ChangeStatus::kStillOpen);
}

TEST_CASE("the history of an event counts changes per run and follows each finding") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  auto store = OpenRunStore(path);
  REQUIRE(store.ok());
  const RunReport day1 = Day1(), day2 = Day2(), day3 = Day3();
  auto r1 = (*store)->SaveRun("bridge storm", day1);
  auto r2 = (*store)->SaveRun("bridge storm", day2);
  auto r3 = (*store)->SaveRun("bridge storm", day3);
  REQUIRE((r1.ok() && r2.ok() && r3.ok()));
  REQUIRE((*store)->SaveRun("other event", day1).ok());

  auto history = (*store)->History("bridge storm");
  REQUIRE(history.ok());
  REQUIRE(history->runs.size() == 3);
  CHECK(history->runs[0].run.run_id == *r1);  // oldest first
  CHECK(history->runs[0].new_findings == 2);
  CHECK(history->runs[0].still_open == 0);
  CHECK(history->runs[0].resolved == 0);
  CHECK(history->runs[1].new_findings == 1);
  CHECK(history->runs[1].still_open == 1);
  CHECK(history->runs[1].resolved == 1);
  CHECK(history->runs[2].new_findings == 0);
  CHECK(history->runs[2].still_open == 1);
  CHECK(history->runs[2].resolved == 1);

  REQUIRE(history->findings.size() == 3);
  const auto& hours = history->findings[0];  // first seen in run 1, ordered by key after that
  const auto& day = history->findings[1];
  const auto& corrected = history->findings[2];
  const std::string hours_key = FindingKey(day1.findings[0], day1);
  const std::string day_key = FindingKey(day1.findings[1], day1);
  REQUIRE((hours.finding_key == hours_key || hours.finding_key == day_key));
  const auto& h = hours.finding_key == hours_key ? hours : day;
  const auto& d = hours.finding_key == hours_key ? day : hours;
  CHECK(h.first_seen_run == *r1);
  CHECK(h.last_seen_run == *r1);
  CHECK(h.resolved_in_run == *r2);
  CHECK(h.resolved_at == day2.started_at);
  CHECK(h.document_changed);
  CHECK(h.runs_seen == 1);
  CHECK(d.first_seen_run == *r1);
  CHECK(d.last_seen_run == *r2);
  CHECK(d.resolved_in_run == *r3);
  CHECK_FALSE(d.document_changed);
  CHECK(d.runs_seen == 2);
  CHECK(d.kind == parallax::FindingKind::kTime);
  CHECK(corrected.finding_key == FindingKey(day2.findings[0], day2));
  CHECK(corrected.first_seen_run == *r2);
  CHECK(corrected.last_seen_run == *r3);
  CHECK(corrected.resolved_in_run == 0);
  CHECK(corrected.summary == "Closed for 4 h or 5 h.");

  CHECK((*store)->History("no such event")->runs.empty());
}

TEST_CASE("a failed run in the history is listed but does not break the chain of ok runs") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  auto store = OpenRunStore(path);
  REQUIRE(store.ok());
  REQUIRE((*store)->SaveRun("bridge storm", Day1()).ok());
  RunReport broken = Day3();
  broken.started_at = "2025-11-04T09:00:00Z";
  auto failed = (*store)->SaveRun("bridge storm", broken);
  REQUIRE(failed.ok());
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("UPDATE runs SET status = 'failed' WHERE id = " + std::to_string(*failed));
  }
  RunReport again = Day1();
  again.started_at = "2025-11-05T05:32:00Z";
  REQUIRE((*store)->SaveRun("bridge storm", again).ok());
  auto history = (*store)->History("bridge storm");
  REQUIRE(history.ok());
  REQUIRE(history->runs.size() == 3);
  CHECK(history->runs[1].run.status == "failed");
  CHECK(history->runs[1].new_findings + history->runs[1].resolved == 0);
  CHECK(history->runs[2].still_open == 2);
  CHECK(history->runs[2].new_findings == 0);
  CHECK(history->runs[2].resolved == 0);
}

TEST_CASE("HTTP validators are saved per URL, replaced, and kept across opens") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  const std::string url = "https://planet.example/bridge";
  {
    auto store = OpenRunStore(path);
    REQUIRE(store.ok());
    auto none = (*store)->LookupValidators(url);
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());
    REQUIRE((*store)->SaveValidators(url, {"\"v1\"", "Tue, 04 Nov 2025 05:00:00 GMT", "aa"}).ok());
    REQUIRE((*store)->SaveValidators(url, {"\"v2\"", "", "bb"}).ok());
  }
  auto store = OpenRunStore(path);
  REQUIRE(store.ok());
  auto found = (*store)->LookupValidators(url);
  REQUIRE(found.ok());
  REQUIRE(found->has_value());
  CHECK((*found)->etag == "\"v2\"");
  CHECK((*found)->last_modified.empty());
  CHECK((*found)->content_hash == "bb");
  CHECK_FALSE((*store)->LookupValidators("https://planet.example/other")->has_value());
}

TEST_CASE("a database of schema version 1 is migrated and keeps its runs") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  const RunReport day1 = Day1();
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(kSchemaV1);
    db.exec("PRAGMA user_version = 1");
    db.exec(
        "INSERT INTO runs (id, event, report_run_id, started_at, finished_at, status, "
        "document_count, claim_count, finding_count) "
        "VALUES (1, 'bridge storm', 'run-1', '2025-11-04T05:32:00Z', '2025-11-04T05:32:05Z', "
        "'ok', 2, 1, 1)");
    db.exec("INSERT INTO outlets (id, name) VALUES (1, 'Daily Planet'), (2, 'The Sentinel')");
    db.exec(
        "INSERT INTO documents (id, url_or_source, outlet_id, first_seen_run) VALUES "
        "(1, 'https://planet.example/bridge', 1, 1), (2, 'https://sentinel.example/storm', 2, 1)");
    SQLite::Statement version(db,
                              "INSERT INTO document_versions (id, document_id, content_hash, "
                              "title, fetched_at, text, first_seen_run) "
                              "VALUES (?, ?, ?, 'Bridge closed by storm', ?, ?, 1)");
    for (int i = 0; i < 2; ++i) {
      version.bind(1, i + 1);
      version.bind(2, i + 1);
      version.bind(3, day1.documents[i].content_hash);
      version.bind(4, day1.documents[i].fetched_at);
      version.bind(5, day1.documents[i].text);
      version.exec();
      version.reset();
    }
    db.exec(
        "INSERT INTO run_documents (run_id, local_id, version_id) VALUES (1, 'd1', 1), "
        "(1, 'd2', 2)");
    db.exec(
        "INSERT INTO claims (id, run_id, local_id, version_id, span_begin, span_end, text) "
        "VALUES (1, 1, 'c2', 1, 29, 58, 'It was closed for four hours.')");
    SQLite::Statement finding(db,
                              "INSERT INTO findings (id, run_id, local_id, kind, summary, "
                              "confidence, severity, finding_key) "
                              "VALUES (1, 1, 'f1', 'quantity', 'Closed for 4 h or 6 h.', 0.8, "
                              "'high', ?)");
    finding.bind(1, FindingKey(day1.findings[0], day1));
    finding.exec();
    db.exec(
        "INSERT INTO finding_values (finding_id, seq, version_id, claim_id, value, "
        "evidence_begin, evidence_end) VALUES (1, 0, 1, 1, '4 h', 47, 57), "
        "(1, 1, 2, NULL, '6 h', 45, 54)");
  }

  auto store = OpenRunStore(path);
  INFO(store.status().ToString());
  REQUIRE(store.ok());
  {
    SQLite::Database db(path);
    CHECK(Count(db, "PRAGMA user_version") == parallax::store::kSchemaVersion);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(Count(db, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
    // The old rows survived, and the new columns exist and are filled where they can be.
    CHECK(Count(db, "SELECT count(*) FROM runs WHERE status = 'ok' AND pid IS NULL") == 1);
    CHECK(Count(db,
                "SELECT count(*) FROM run_documents WHERE fetched_at = "
                "'2025-11-04T05:32:01Z'") == 2);
    CHECK(Count(db, "SELECT count(*) FROM http_validators") == 0);
    CHECK(Count(db, "SELECT count(*) FROM finding_values") == 2);
    CHECK(Count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'findings_run_key'") == 1);
  }
  auto runs = (*store)->ListRuns("bridge storm");
  REQUIRE(runs.ok());
  REQUIRE(runs->size() == 1);
  CHECK((*runs)[0].claims == 1);

  // The migrated run is the previous run of the next one, and its documents are reused.
  auto diff = (*store)->CompareWithPreviousRun("bridge storm", day1);
  REQUIRE(diff.ok());
  CHECK(diff->has_previous_run);
  REQUIRE(diff->changes.size() == 2);
  CHECK(diff->changes[0].status == ChangeStatus::kStillOpen);
  CHECK(diff->changes[1].status == ChangeStatus::kNew);
  REQUIRE((*store)->SaveRun("bridge storm", day1).ok());
  SQLite::Database db(path);
  CHECK(Count(db, "SELECT count(*) FROM documents") == 2);
  CHECK(Count(db, "SELECT count(*) FROM document_versions") == 2);
}
