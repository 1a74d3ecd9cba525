#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "parallax/store/store.h"
#include "store_fixtures.h"
#include "support/temp_dir.h"

using parallax::store::OpenRunStore;
using parallax::testing::TempDir;

using parallax::store::testing::Count;
using parallax::store::testing::Report;

TEST_CASE("a saved run can be read back table by table") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  auto store = OpenRunStore(path);
  REQUIRE(store.ok());
  auto saved = (*store)->SaveRun("bridge storm", Report());
  INFO(saved.status().ToString());
  REQUIRE(saved.ok());

  SQLite::Database db(path);
  CHECK(Count(db, "SELECT count(*) FROM runs") == 1);
  SQLite::Statement run(db,
                        "SELECT id, event, report_run_id, status, document_count, claim_count, "
                        "finding_count, error_count FROM runs");
  REQUIRE(run.executeStep());
  CHECK(run.getColumn(0).getInt64() == *saved);
  CHECK(run.getColumn(1).getString() == "bridge storm");
  CHECK(run.getColumn(2).getString() == "run-1");
  CHECK(run.getColumn(3).getString() == "ok");
  CHECK(run.getColumn(4).getInt() == 2);
  CHECK(run.getColumn(5).getInt() == 4);
  CHECK(run.getColumn(6).getInt() == 1);
  CHECK(run.getColumn(7).getInt() == 1);

  CHECK(Count(db, "SELECT count(*) FROM outlets") == 2);
  CHECK(Count(db, "SELECT count(*) FROM documents") == 2);
  CHECK(Count(db, "SELECT count(*) FROM document_versions") == 2);
  CHECK(Count(db, "SELECT count(*) FROM run_documents") == 2);
  CHECK(Count(db, "SELECT count(*) FROM claims") == 4);
  CHECK(Count(db, "SELECT count(*) FROM clusters") == 2);
  CHECK(Count(db, "SELECT count(*) FROM cluster_claims") == 4);
  CHECK(Count(db, "SELECT count(*) FROM findings") == 1);
  CHECK(Count(db, "SELECT count(*) FROM finding_claims") == 2);
  CHECK(Count(db, "SELECT count(*) FROM finding_values") == 2);
  CHECK(Count(db, "SELECT count(*) FROM run_errors") == 1);
  CHECK(Count(db, "PRAGMA user_version") == parallax::store::kSchemaVersion);

  // The finding points at the claims of the conflict cluster, in the right documents.
  SQLite::Statement side(db,
                         "SELECT d.url_or_source, o.name, fv.value, c.text FROM finding_values fv "
                         "JOIN document_versions v ON v.id = fv.version_id "
                         "JOIN documents d ON d.id = v.document_id "
                         "JOIN outlets o ON o.id = d.outlet_id "
                         "JOIN claims c ON c.id = fv.claim_id ORDER BY fv.seq");
  REQUIRE(side.executeStep());
  CHECK(side.getColumn(0).getString() == "https://planet.example/bridge");
  CHECK(side.getColumn(1).getString() == "Daily Planet");
  CHECK(side.getColumn(2).getString() == "4 h");
  CHECK(side.getColumn(3).getString() == "It was closed for four hours.");
  CHECK(Count(db,
              "SELECT count(*) FROM findings f JOIN clusters k ON k.id = f.cluster_id "
              "WHERE k.local_id = 'k2' AND k.verdict = 'conflict' AND f.severity = 'high'") == 1);
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
  CHECK(Count(db, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
}

TEST_CASE("saving the same report twice adds a run but no documents or versions") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  auto store = OpenRunStore(path);
  REQUIRE(store.ok());
  auto first = (*store)->SaveRun("bridge storm", Report());
  auto second = (*store)->SaveRun("bridge storm", Report());
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  CHECK(*second != *first);

  SQLite::Database db(path);
  CHECK(Count(db, "SELECT count(*) FROM runs") == 2);
  CHECK(Count(db, "SELECT count(*) FROM outlets") == 2);
  CHECK(Count(db, "SELECT count(*) FROM documents") == 2);
  CHECK(Count(db, "SELECT count(*) FROM document_versions") == 2);
  CHECK(Count(db, "SELECT count(*) FROM run_documents") == 4);
  CHECK(Count(db, "SELECT count(*) FROM claims") == 8);
  // The same disagreement has the same key in both runs.
  CHECK(Count(db, "SELECT count(DISTINCT finding_key) FROM findings") == 1);
  CHECK(Count(db, "SELECT count(*) FROM findings") == 2);

  auto runs = (*store)->ListRuns("bridge storm");
  REQUIRE(runs.ok());
  REQUIRE(runs->size() == 2);
  CHECK((*runs)[0].run_id == *second);  // most recent first
  CHECK((*runs)[1].run_id == *first);
  CHECK((*runs)[0].status == "ok");
  CHECK((*runs)[0].documents == 2);
  CHECK((*runs)[0].claims == 4);
  CHECK((*runs)[0].findings == 1);
  CHECK((*runs)[0].report_run_id == "run-1");
}

TEST_CASE("ListRuns keeps events apart and orders by start time") {
  TempDir dir;
  auto store = OpenRunStore(dir.File("history.db"));
  REQUIRE(store.ok());
  auto late = Report();
  late.started_at = "2025-11-05T08:00:00Z";
  auto early = Report();
  early.started_at = "2025-11-04T08:00:00Z";
  REQUIRE((*store)->SaveRun("storm", late).ok());
  REQUIRE((*store)->SaveRun("storm", early).ok());
  REQUIRE((*store)->SaveRun("election", Report()).ok());

  auto storm = (*store)->ListRuns("storm");
  REQUIRE(storm.ok());
  REQUIRE(storm->size() == 2);
  CHECK((*storm)[0].started_at == "2025-11-05T08:00:00Z");
  CHECK((*storm)[1].started_at == "2025-11-04T08:00:00Z");
  CHECK((*store)->ListRuns("election")->size() == 1);
  CHECK((*store)->ListRuns("")->size() == 3);
  CHECK((*store)->ListRuns("unknown")->empty());
}

TEST_CASE("an edited article becomes a second version of the same document") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  auto store = OpenRunStore(path);
  REQUIRE(store.ok());
  REQUIRE((*store)->SaveRun("bridge storm", Report()).ok());

  auto edited = Report();
  edited.documents[1].text = "The mayor opened the bridge. It was shut for five hours.";
  edited.documents[1].content_hash = "edited-hash";
  edited.documents[1].title = "Bridge closed by storm (corrected)";
  REQUIRE((*store)->SaveRun("bridge storm", edited).ok());

  SQLite::Database db(path);
  CHECK(Count(db, "SELECT count(*) FROM documents") == 2);
  CHECK(Count(db, "SELECT count(*) FROM document_versions") == 3);
  SQLite::Statement versions(db,
                             "SELECT v.title FROM document_versions v JOIN documents d "
                             "ON d.id = v.document_id WHERE d.url_or_source = "
                             "'https://sentinel.example/storm' ORDER BY v.id");
  REQUIRE(versions.executeStep());
  CHECK(versions.getColumn(0).getString() == "Bridge closed by storm");
  REQUIRE(versions.executeStep());
  CHECK(versions.getColumn(0).getString() == "Bridge closed by storm (corrected)");
  // The second run's claims point at the new version.
  CHECK(Count(db,
              "SELECT count(*) FROM claims c JOIN document_versions v ON v.id = c.version_id "
              "WHERE c.run_id = 2 AND v.content_hash = 'edited-hash'") == 2);
}

TEST_CASE("a document without a content hash is versioned by the hash of its text") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  auto store = OpenRunStore(path);
  REQUIRE(store.ok());
  auto r = Report();
  for (auto& d : r.documents) d.content_hash.clear();
  REQUIRE((*store)->SaveRun("e", r).ok());
  REQUIRE((*store)->SaveRun("e", r).ok());
  SQLite::Database db(path);
  CHECK(Count(db, "SELECT count(*) FROM document_versions") == 2);
  CHECK(Count(db, "SELECT count(*) FROM document_versions WHERE length(content_hash) = 16") == 2);
}

TEST_CASE("a report that names unknown ids is rejected and leaves nothing behind") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  auto store = OpenRunStore(path);
  REQUIRE(store.ok());
  auto r = Report();
  r.findings[0].claim_ids.push_back("c99");
  auto saved = (*store)->SaveRun("bridge storm", r);
  REQUIRE_FALSE(saved.ok());
  CHECK(saved.status().subject() == path);
  CHECK(saved.status().message().find("c99") != std::string::npos);

  SQLite::Database db(path);
  CHECK(Count(db, "SELECT count(*) FROM runs") == 0);
  CHECK(Count(db, "SELECT count(*) FROM documents") == 0);
  CHECK(Count(db, "SELECT count(*) FROM claims") == 0);
  // The store is still usable afterwards.
  CHECK((*store)->SaveRun("bridge storm", Report()).ok());
}

TEST_CASE("the schema enforces foreign keys") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  REQUIRE(OpenRunStore(path).ok());
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  db.exec("PRAGMA foreign_keys = ON");
  CHECK_THROWS_AS(db.exec("INSERT INTO claims (run_id, local_id, version_id, span_begin, "
                          "span_end, text) VALUES (42, 'c1', 7, 0, 1, 'x')"),
                  SQLite::Exception);
  CHECK_THROWS_AS(db.exec("INSERT INTO documents (url_or_source, outlet_id, first_seen_run) "
                          "VALUES ('https://x.example/', 99, 99)"),
                  SQLite::Exception);
}

TEST_CASE("opening a database in a missing directory names the path") {
  TempDir dir;
  const std::string path = dir.File("no/such/dir/history.db");
  auto store = OpenRunStore(path);
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().subject() == path);
  CHECK(store.status().message().find("does not exist") != std::string::npos);
}

TEST_CASE("opening a file that is not a database names the path and says why") {
  TempDir dir;
  const std::string path = dir.File("notes.db");
  parallax::testing::WriteWholeFile(path, std::string(4096, 'x') + "this is not SQLite");
  auto store = OpenRunStore(path);
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().subject() == path);
  CHECK(store.status().ToString().find(path) == 0);
  CHECK(store.status().message().find("not a database") != std::string::npos);
}

TEST_CASE("a database from a newer schema is refused, not modified") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA user_version = 99");
  }
  auto store = OpenRunStore(path);
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().message().find("newer") != std::string::npos);
  SQLite::Database db(path);
  CHECK(Count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'runs'") == 0);
}

TEST_CASE("reopening a database keeps its runs and does not migrate twice") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  {
    auto store = OpenRunStore(path);
    REQUIRE(store.ok());
    REQUIRE((*store)->SaveRun("e", Report()).ok());
  }
  auto store = OpenRunStore(path);
  REQUIRE(store.ok());
  auto runs = (*store)->ListRuns("e");
  REQUIRE(runs.ok());
  CHECK(runs->size() == 1);
}

TEST_CASE("a finding's key ignores local ids and wording but not values") {
  const auto r = Report();
  parallax::Finding f = r.findings[0];
  const std::string key = parallax::store::FindingKey(f, r);
  CHECK(key.size() == 16);

  parallax::Finding renamed = f;
  renamed.id = "f7";
  renamed.summary = "Different words.";
  renamed.confidence = 0.1;
  std::swap(renamed.values[0], renamed.values[1]);
  renamed.values[0].value = "  6   H ";
  CHECK(parallax::store::FindingKey(renamed, r) == key);

  parallax::Finding other = f;
  other.values[1].value = "7 h";
  CHECK(parallax::store::FindingKey(other, r) != key);
  parallax::Finding other_kind = f;
  other_kind.kind = parallax::FindingKind::kTime;
  CHECK(parallax::store::FindingKey(other_kind, r) != key);
}

TEST_CASE("deleting a run removes its rows but keeps the shared documents") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  auto store = OpenRunStore(path);
  REQUIRE(store.ok());
  auto first = (*store)->SaveRun("e", Report());
  REQUIRE(first.ok());
  REQUIRE((*store)->SaveRun("e", Report()).ok());

  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("DELETE FROM runs WHERE id = " + std::to_string(*first));
  CHECK(Count(db, "SELECT count(*) FROM claims") == 4);
  CHECK(Count(db, "SELECT count(*) FROM findings") == 1);
  CHECK(Count(db, "SELECT count(*) FROM finding_values") == 2);
  CHECK(Count(db, "SELECT count(*) FROM run_documents") == 2);
  CHECK(Count(db, "SELECT count(*) FROM documents WHERE first_seen_run IS NULL") == 2);
  CHECK(Count(db, "SELECT count(*) FROM document_versions") == 2);
  CHECK(Count(db, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
}

TEST_CASE("a database error while writing a run rolls it back and marks the run failed") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  auto store = OpenRunStore(path);
  REQUIRE(store.ok());
  REQUIRE((*store)->SaveRun("e", Report()).ok());
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec(
        "CREATE TRIGGER boom BEFORE INSERT ON findings "
        "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
  }
  auto edited = Report();
  edited.documents[0].text = "The mayor opened the bridge. It was closed for three hours.";
  edited.documents[0].content_hash = "edited";
  auto saved = (*store)->SaveRun("e", edited);
  REQUIRE_FALSE(saved.ok());
  CHECK(saved.status().subject() == path);
  CHECK(saved.status().message().find("disk on fire") != std::string::npos);

  SQLite::Database db(path);
  CHECK(Count(db, "SELECT count(*) FROM runs WHERE status = 'ok'") == 1);
  CHECK(Count(db,
              "SELECT count(*) FROM runs WHERE status = 'failed' AND pid IS NULL AND "
              "failure LIKE '%disk on fire%'") == 1);
  CHECK(Count(db, "SELECT count(*) FROM claims") == 4);
  CHECK(Count(db, "SELECT count(*) FROM run_documents") == 2);
  CHECK(Count(db, "SELECT count(*) FROM document_versions") == 2);  // the edit was rolled back
  auto runs = (*store)->ListRuns("e");
  REQUIRE(runs.ok());
  REQUIRE(runs->size() == 2);
  CHECK((*runs)[0].status == "failed");
  CHECK((*runs)[0].failure.find("disk on fire") != std::string::npos);
}

TEST_CASE("a run keeps its configuration hash and each document's fetch time") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  auto store = OpenRunStore(path);
  REQUIRE(store.ok());
  REQUIRE((*store)->SaveRun("e", Report(), {"cfg-1234"}).ok());
  auto later = Report();
  later.documents[0].fetched_at = "2025-11-05T06:00:00Z";
  REQUIRE((*store)->SaveRun("e", later).ok());
  auto runs = (*store)->ListRuns("e");
  REQUIRE(runs.ok());
  REQUIRE(runs->size() == 2);
  CHECK((*runs)[1].config_hash == "cfg-1234");
  CHECK((*runs)[0].config_hash.empty());
  CHECK((*runs)[1].errors == 1);
  SQLite::Database db(path);
  // The same version was read twice; each run keeps when it obtained the bytes.
  CHECK(Count(db, "SELECT count(*) FROM document_versions") == 2);
  CHECK(db.execAndGet("SELECT fetched_at FROM run_documents WHERE run_id = 2 AND local_id = 'd1'")
            .getString() == "2025-11-05T06:00:00Z");
  CHECK(db.execAndGet("SELECT fetched_at FROM run_documents WHERE run_id = 1 AND local_id = 'd1'")
            .getString() == "2025-11-04T05:32:01Z");
}

TEST_CASE("a run keeps fetched documents' validators and latest text for conditional GET") {
  TempDir dir;
  auto store = OpenRunStore(dir.File("runs.db"));
  REQUIRE(store.ok());
  parallax::RunReport report = Report();
  report.documents[0].etag = "\"v1\"";
  report.documents[0].last_modified = "Tue, 04 Nov 2025 05:00:00 GMT";
  REQUIRE((*store)->SaveRun("bridge", report).ok());

  auto cached = (*store)->LookupLatestDocument("https://planet.example/bridge");
  REQUIRE(cached.ok());
  REQUIRE(cached->has_value());
  const parallax::Document& doc = **cached;
  CHECK(doc.etag == "\"v1\"");
  CHECK(doc.last_modified == "Tue, 04 Nov 2025 05:00:00 GMT");
  CHECK(doc.text == report.documents[0].text);
  CHECK(doc.outlet == "Daily Planet");
  CHECK(doc.title == report.documents[0].title);

  // The second document had no validators: its text is still there, with none to send.
  auto other = (*store)->LookupLatestDocument("https://sentinel.example/storm");
  REQUIRE(other.ok());
  REQUIRE(other->has_value());
  CHECK((*other)->etag.empty());

  auto unknown = (*store)->LookupLatestDocument("https://nowhere.example/");
  REQUIRE(unknown.ok());
  CHECK_FALSE(unknown->has_value());
}
