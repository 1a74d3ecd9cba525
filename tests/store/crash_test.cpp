// A run is all or nothing: a writer killed mid-run leaves the previous state intact and the run
// marked failed on the next open; readers never see half a run.
#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

#include "parallax/store/store.h"
#include "store_fixtures.h"
#include "support/temp_dir.h"

using parallax::store::OpenRunStore;
using parallax::store::testing::BigReport;
using parallax::store::testing::Count;
using parallax::store::testing::Report;
using parallax::testing::TempDir;

namespace {

// A pid that certainly names no process: a child that has exited and been reaped.
pid_t ReapedPid() {
  const pid_t pid = fork();
  if (pid == 0) _exit(0);
  waitpid(pid, nullptr, 0);
  return pid;
}

// The rows of runs that are not "ok", in every table a run owns.
int64_t RowsOfUnfinishedRuns(SQLite::Database& db) {
  int64_t n = 0;
  for (const char* table : {"run_errors", "run_documents", "claims", "clusters", "findings"}) {
    n += Count(db, std::string("SELECT count(*) FROM ") + table +
                       " WHERE run_id IN (SELECT id FROM runs WHERE status <> 'ok')");
  }
  return n;
}

}  // namespace

TEST_CASE("a writer killed mid-run leaves the previous runs intact and its run failed") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  {
    auto store = OpenRunStore(path);
    REQUIRE(store.ok());
    REQUIRE((*store)->SaveRun("bridge storm", Report()).ok());
  }  // no connection may cross the fork

  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    auto store = OpenRunStore(path);
    if (!store.ok()) _exit(3);
    for (int i = 0; i < 1000; ++i) {
      if (!(*store)->SaveRun("bridge storm", BigReport(2000, 20, std::to_string(i))).ok()) _exit(4);
    }
    _exit(0);
  }

  // Wait until the child has committed its run row and its data transaction is filling the WAL.
  bool writing = false;
  {
    SQLite::Database watch(path, SQLite::OPEN_READONLY, 5000);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!writing && std::chrono::steady_clock::now() < deadline) {
      std::error_code ec;
      const auto wal = std::filesystem::file_size(path + "-wal", ec);
      writing = !ec && wal > (1u << 20) &&
                Count(watch, "SELECT count(*) FROM runs WHERE status = 'running'") > 0;
      if (!writing) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      int status = 0;
      if (waitpid(child, &status, WNOHANG) == child) FAIL("the writer exited early: " << status);
    }
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  kill(child, SIGKILL);
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(writing);
  REQUIRE(WIFSIGNALED(status));

  auto store = OpenRunStore(path);
  REQUIRE(store.ok());
  SQLite::Database db(path);
  CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
  CHECK(Count(db, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
  CHECK(Count(db, "SELECT count(*) FROM runs WHERE status = 'running'") == 0);
  CHECK(Count(db,
              "SELECT count(*) FROM runs WHERE status = 'failed' AND failure LIKE "
              "'interrupted%'") == 1);
  // The first run is as it was.
  CHECK(Count(db,
              "SELECT count(*) FROM runs WHERE id = 1 AND status = 'ok' AND "
              "document_count = 2 AND claim_count = 4 AND finding_count = 1") == 1);
  CHECK(Count(db, "SELECT count(*) FROM claims WHERE run_id = 1") == 4);
  CHECK(Count(db, "SELECT count(*) FROM findings WHERE run_id = 1") == 1);
  // Nothing of the interrupted run was kept, and every committed run is complete.
  CHECK(RowsOfUnfinishedRuns(db) == 0);
  CHECK(Count(db, "SELECT count(*) FROM claims") ==
        Count(db, "SELECT sum(claim_count) FROM runs WHERE status = 'ok'"));
  CHECK(Count(db, "SELECT count(*) FROM findings") ==
        Count(db, "SELECT sum(finding_count) FROM runs WHERE status = 'ok'"));
  CHECK(Count(db, "SELECT count(*) FROM run_documents") ==
        Count(db, "SELECT sum(document_count) FROM runs WHERE status = 'ok'"));
  CHECK(Count(db,
              "SELECT count(*) FROM documents WHERE first_seen_run NOT IN "
              "(SELECT id FROM runs WHERE status = 'ok')") == 0);
  CHECK(Count(db,
              "SELECT count(*) FROM document_versions WHERE first_seen_run NOT IN "
              "(SELECT id FROM runs WHERE status = 'ok')") == 0);

  // The store goes on working, and the failed run is not the previous one.
  auto diff = (*store)->CompareWithPreviousRun("bridge storm", Report());
  REQUIRE(diff.ok());
  REQUIRE(diff->has_previous_run);
  CHECK((*store)->SaveRun("bridge storm", Report()).ok());
}

TEST_CASE("opening marks failed the runs whose writer is gone, not those still being written") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  REQUIRE(OpenRunStore(path).ok());
  const pid_t gone = ReapedPid();
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec(
        "INSERT INTO runs (id, event, report_run_id, started_at, finished_at, status, pid) "
        "VALUES (1, 'e', 'r1', 't', 't', 'running', " +
        std::to_string(gone) +
        "), "
        "(2, 'e', 'r2', 't', 't', 'running', " +
        std::to_string(getpid()) +
        "), "
        "(3, 'e', 'r3', 't', 't', 'running', NULL)");
  }
  REQUIRE(OpenRunStore(path).ok());
  SQLite::Database db(path);
  CHECK(db.execAndGet("SELECT status FROM runs WHERE id = 1").getString() == "failed");
  CHECK(db.execAndGet("SELECT failure FROM runs WHERE id = 1").getString() ==
        "interrupted: the writing process (pid " + std::to_string(gone) +
            ") ended before the run was committed");
  CHECK(db.execAndGet("SELECT status FROM runs WHERE id = 2").getString() == "running");
  CHECK(db.execAndGet("SELECT status FROM runs WHERE id = 3").getString() == "failed");
}

TEST_CASE("a reader sees the state before a run or after it, never part of it") {
  TempDir dir;
  const std::string path = dir.File("history.db");
  {
    auto store = OpenRunStore(path);
    REQUIRE(store.ok());
    REQUIRE((*store)->SaveRun("bridge storm", Report()).ok());
  }
  const auto big = BigReport(1000, 20, "concurrent");
  std::atomic<bool> done{false};
  parallax::Status saved;
  std::thread writer([&] {
    auto store = OpenRunStore(path);
    saved = store.ok() ? (*store)->SaveRun("bridge storm", big).status() : store.status();
    done = true;
  });

  SQLite::Database reader(path, SQLite::OPEN_READONLY, 5000);
  SQLite::Statement snapshot(
      reader,
      "SELECT (SELECT count(*) FROM claims), "
      "(SELECT count(*) FROM findings), "
      "(SELECT coalesce(sum(claim_count), 0) FROM runs WHERE status = 'ok'), "
      "(SELECT coalesce(sum(finding_count), 0) FROM runs WHERE status = 'ok')");
  std::set<int64_t> claim_counts;
  int reads = 0, inconsistent = 0;
  std::string read_error;
  while (!done || reads == 0) {
    try {
      snapshot.executeStep();
      const int64_t claims = snapshot.getColumn(0).getInt64();
      claim_counts.insert(claims);
      if (claims != snapshot.getColumn(2).getInt64() ||
          snapshot.getColumn(1).getInt64() != snapshot.getColumn(3).getInt64()) {
        ++inconsistent;
      }
      snapshot.reset();
      ++reads;
    } catch (const std::exception& e) {
      read_error = e.what();
      break;
    }
  }
  writer.join();
  INFO(saved.ToString());
  REQUIRE(saved.ok());
  CHECK(read_error.empty());
  CHECK(inconsistent == 0);
  const int64_t before = 4, after = 4 + static_cast<int64_t>(big.claims.size());
  for (int64_t n : claim_counts) CHECK((n == before || n == after));
  snapshot.executeStep();
  CHECK(snapshot.getColumn(0).getInt64() == after);
}
