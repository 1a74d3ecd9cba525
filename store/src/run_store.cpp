#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "identity.h"
#include "parallax/store/store.h"
#include "schema.h"

namespace parallax::store {
namespace {

constexpr int kBusyTimeoutMs = 5000;

// A report that contradicts itself (a claim naming an unknown document, ...). Thrown inside
// SaveRun only, to abandon the transaction; never leaves this file.
class InvalidReport : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

void BindText(SQLite::Statement& q, int index, const std::string& s) {
  q.bind(index, s);
}

// NULL for "" and for std::nullopt.
void BindTextOrNull(SQLite::Statement& q, int index, const std::string& s) {
  if (s.empty()) {
    q.bind(index);
  } else {
    q.bind(index, s);
  }
}
void BindTextOrNull(SQLite::Statement& q, int index, const std::optional<std::string>& s) {
  BindTextOrNull(q, index, s.value_or(""));
}

// "" for NULL.
std::string TextColumn(SQLite::Statement& q, int index) {
  auto c = q.getColumn(index);
  return c.isNull() ? std::string() : c.getString();
}

template <typename Map>
int64_t Lookup(const Map& map, const std::string& local_id, const char* what,
               const std::string& owner) {
  auto it = map.find(local_id);
  if (it == map.end()) {
    throw InvalidReport(owner + " names " + what + " \"" + local_id +
                        "\", which is not in the report");
  }
  return it->second;
}

FindingKind KindFromString(const std::string& s) {
  for (FindingKind k :
       {FindingKind::kQuantity, FindingKind::kTime, FindingKind::kAttribution, FindingKind::kQuote,
        FindingKind::kPolarity, FindingKind::kEntity, FindingKind::kOmission}) {
    if (s == ToString(k)) return k;
  }
  return FindingKind::kQuantity;
}

// Whether process `pid` exists on this host (EPERM: it exists but belongs to someone else).
bool ProcessAlive(int64_t pid) {
  if (pid <= 0) return false;
  if (kill(static_cast<pid_t>(pid), 0) == 0) return true;
  return errno == EPERM;
}

// Every id the report's parts refer to must be in the report, and local ids must not repeat:
// checked before anything is written, so a bad report leaves no trace.
Status ValidateReport(const RunReport& r) {
  std::unordered_set<std::string> docs, claims, clusters, findings;
  auto missing = [](const std::string& owner, const char* what, const std::string& id) {
    return Status::Error(
        owner, std::string("names ") + what + " \"" + id + "\", which is not in the report");
  };
  for (const auto& d : r.documents) {
    if (!docs.insert(d.id).second) return Status::Error("document " + d.id, "id repeats");
  }
  for (const auto& c : r.claims) {
    if (!claims.insert(c.id).second) return Status::Error("claim " + c.id, "id repeats");
    if (!docs.count(c.document_id)) return missing("claim " + c.id, "document", c.document_id);
  }
  for (const auto& k : r.clusters) {
    if (!clusters.insert(k.id).second) return Status::Error("cluster " + k.id, "id repeats");
    for (const auto& c : k.claim_ids) {
      if (!claims.count(c)) return missing("cluster " + k.id, "claim", c);
    }
  }
  for (const auto& f : r.findings) {
    const std::string owner = "finding " + f.id;
    if (!findings.insert(f.id).second) return Status::Error(owner, "id repeats");
    if (!f.cluster_id.empty() && !clusters.count(f.cluster_id)) {
      return missing(owner, "cluster", f.cluster_id);
    }
    for (const auto& c : f.claim_ids) {
      if (!claims.count(c)) return missing(owner, "claim", c);
    }
    for (const auto& v : f.values) {
      if (!docs.count(v.document_id)) return missing(owner, "document", v.document_id);
      if (!v.claim_id.empty() && !claims.count(v.claim_id))
        return missing(owner, "claim", v.claim_id);
    }
  }
  return Status::Ok();
}

// Marks "failed" the runs left "running" by a process that no longer exists.
void MarkAbandonedRuns(SQLite::Database& db) {
  std::vector<std::pair<int64_t, int64_t>> stale;  // run id, pid (0 when unknown)
  {
    SQLite::Statement q(db, "SELECT id, pid FROM runs WHERE status = 'running'");
    while (q.executeStep()) {
      const int64_t pid = q.getColumn(1).isNull() ? 0 : q.getColumn(1).getInt64();
      if (!ProcessAlive(pid)) stale.emplace_back(q.getColumn(0).getInt64(), pid);
    }
  }
  if (stale.empty()) return;
  SQLite::Statement mark(db,
                         "UPDATE runs SET status = 'failed', failure = ? "
                         "WHERE id = ? AND status = 'running'");
  for (const auto& [id, pid] : stale) {
    mark.bind(1, "interrupted: the writing process" +
                     (pid > 0 ? " (pid " + std::to_string(pid) + ")" : std::string()) +
                     " ended before the run was committed");
    mark.bind(2, id);
    mark.exec();
    mark.reset();
  }
}

class SqliteRunStore : public RunStore {
 public:
  SqliteRunStore(std::string path, std::unique_ptr<SQLite::Database> db)
      : path_(std::move(path)), db_(std::move(db)) {}

  using RunStore::SaveRun;

  Result<int64_t> SaveRun(const std::string& event, const RunReport& report,
                          const RunOptions& options) override {
    if (Status valid = ValidateReport(report); !valid.ok()) {
      return Status::Error(path_, "run not saved: " + valid.ToString());
    }
    int64_t run_id = 0;
    try {
      run_id = InsertRun(event, report, options);
    } catch (const std::exception& e) {
      return Status::Error(path_, std::string("run not saved (database error): ") + e.what());
    }
    try {
      SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
      SaveErrors(run_id, report);
      const auto versions = SaveDocuments(run_id, report);
      const auto claims = SaveClaims(run_id, report, versions);
      const auto clusters = SaveClusters(run_id, report, claims);
      SaveFindings(run_id, report, versions, claims, clusters);
      SaveDocumentValidators(report);
      SQLite::Statement done(*db_, "UPDATE runs SET status = 'ok', pid = NULL WHERE id = ?");
      done.bind(1, run_id);
      done.exec();
      tx.commit();
      return run_id;
    } catch (const std::exception& e) {
      // The transaction has rolled back; record why on the run row (best effort: if even that
      // fails, the next open marks the run failed once this process is gone).
      try {
        SQLite::Statement mark(*db_,
                               "UPDATE runs SET status = 'failed', pid = NULL, failure = ? "
                               "WHERE id = ?");
        mark.bind(1, std::string(e.what()));
        mark.bind(2, run_id);
        mark.exec();
      } catch (const std::exception&) {
      }
      return Status::Error(
          path_, "run " + std::to_string(run_id) + " not saved (database error): " + e.what());
    }
  }

  // Documents fetched with HTTP validators keep them for the next run's conditional GET.
  void SaveDocumentValidators(const RunReport& report) {
    for (const Document& d : report.documents) {
      if (d.url.empty() || (d.etag.empty() && d.last_modified.empty())) continue;
      const Status saved =
          SaveValidators(d.url, HttpValidators{d.etag, d.last_modified, ContentHash(d)});
      if (!saved.ok()) throw std::runtime_error(saved.ToString());
    }
  }

  Result<std::vector<StoredRunSummary>> ListRuns(const std::string& event) override {
    try {
      return SelectRuns(event, /*oldest_first=*/false);
    } catch (const std::exception& e) {
      return Status::Error(path_, std::string("cannot list runs: ") + e.what());
    }
  }

  Result<RunComparison> CompareWithPreviousRun(const std::string& event,
                                               const RunReport& report) override {
    try {
      // One read transaction, so the previous run cannot change between the queries.
      SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::DEFERRED);
      RunComparison out;
      SQLite::Statement prev(*db_,
                             "SELECT id, started_at FROM runs WHERE event = ? AND status = 'ok' "
                             "ORDER BY started_at DESC, id DESC LIMIT 1");
      prev.bind(1, event);
      int64_t prev_run = 0;
      if (prev.executeStep()) {
        prev_run = prev.getColumn(0).getInt64();
        out.has_previous_run = true;
        out.previous_run_started_at = prev.getColumn(1).getString();
      }

      struct Previous {
        FindingKind kind;
        std::string summary;
        std::vector<int64_t> rows;  // findings.id with this key
      };
      std::vector<std::string> prev_order;
      std::unordered_map<std::string, Previous> previous;
      if (prev_run != 0) {
        SQLite::Statement q(*db_,
                            "SELECT id, finding_key, kind, summary FROM findings "
                            "WHERE run_id = ? ORDER BY id");
        q.bind(1, prev_run);
        while (q.executeStep()) {
          const std::string key = q.getColumn(1).getString();
          auto [it, inserted] = previous.try_emplace(
              key,
              Previous{KindFromString(q.getColumn(2).getString()), q.getColumn(3).getString(), {}});
          if (inserted) prev_order.push_back(key);
          it->second.rows.push_back(q.getColumn(0).getInt64());
        }
      }

      std::unordered_set<std::string> current;
      const DocumentIndex docs = IndexDocuments(report);
      for (const auto& f : report.findings) {
        FindingChange c;
        c.finding_key = FindingKey(f, docs);
        c.status = previous.count(c.finding_key) ? ChangeStatus::kStillOpen : ChangeStatus::kNew;
        c.finding_id = f.id;
        c.kind = f.kind;
        c.summary = f.summary;
        current.insert(c.finding_key);
        out.changes.push_back(std::move(c));
      }

      std::unordered_map<std::string, std::string> hashes;  // document identity -> content hash
      for (const auto& d : report.documents) hashes.emplace(DocumentIdentity(d), ContentHash(d));
      SQLite::Statement cited(*db_,
                              "SELECT DISTINCT d.url_or_source, v.content_hash "
                              "FROM finding_values fv "
                              "JOIN document_versions v ON v.id = fv.version_id "
                              "JOIN documents d ON d.id = v.document_id WHERE fv.finding_id = ?");
      for (const auto& key : prev_order) {
        if (current.count(key)) continue;
        const Previous& p = previous.at(key);
        FindingChange c;
        c.status = ChangeStatus::kResolved;
        c.finding_key = key;
        c.kind = p.kind;
        c.summary = p.summary;
        for (int64_t row : p.rows) {
          cited.bind(1, row);
          while (cited.executeStep()) {
            auto it = hashes.find(cited.getColumn(0).getString());
            if (it != hashes.end() && it->second != cited.getColumn(1).getString()) {
              c.document_changed = true;
            }
          }
          cited.reset();
        }
        out.changes.push_back(std::move(c));
      }
      return out;
    } catch (const std::exception& e) {
      return Status::Error(
          path_, "cannot compare with the previous run of event '" + event + "': " + e.what());
    }
  }

  Result<EventHistory> History(const std::string& event) override {
    try {
      SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::DEFERRED);
      EventHistory out;
      for (auto& run : SelectRuns(event, /*oldest_first=*/true)) {
        out.runs.push_back(RunEvolution{std::move(run)});
      }

      // Finding keys of every ok run, in run order.
      std::map<int64_t, std::vector<std::pair<std::string, std::pair<FindingKind, std::string>>>>
          keys_by_run;
      {
        SQLite::Statement q(*db_,
                            "SELECT f.run_id, f.finding_key, f.kind, f.summary FROM findings f "
                            "JOIN runs r ON r.id = f.run_id "
                            "WHERE r.event = ? AND r.status = 'ok' ORDER BY f.id");
        q.bind(1, event);
        while (q.executeStep()) {
          keys_by_run[q.getColumn(0).getInt64()].push_back(
              {q.getColumn(1).getString(),
               {KindFromString(q.getColumn(2).getString()), q.getColumn(3).getString()}});
        }
      }

      std::unordered_map<std::string, size_t> index;  // key -> position in out.findings
      std::set<std::string> previous;
      const RunEvolution* previous_run = nullptr;
      SQLite::Statement changed(
          *db_,
          "SELECT count(*) FROM findings f "
          "JOIN finding_values fv ON fv.finding_id = f.id "
          "JOIN document_versions v ON v.id = fv.version_id "
          "JOIN run_documents rd ON rd.run_id = ?1 "
          "JOIN document_versions v2 ON v2.id = rd.version_id AND v2.document_id = v.document_id "
          "WHERE f.run_id = ?2 AND f.finding_key = ?3 AND v2.id <> v.id");
      for (RunEvolution& evolution : out.runs) {
        const StoredRunSummary& run = evolution.run;
        if (run.status != "ok") continue;
        std::set<std::string> current;
        for (const auto& [key, what] : keys_by_run[run.run_id]) {
          if (!current.insert(key).second) continue;
          auto [it, inserted] = index.try_emplace(key, out.findings.size());
          if (inserted) {
            FindingEvolution f;
            f.finding_key = key;
            f.kind = what.first;
            f.first_seen_run = run.run_id;
            f.first_seen_at = run.started_at;
            out.findings.push_back(std::move(f));
          }
          FindingEvolution& f = out.findings[it->second];
          f.summary = what.second;
          f.last_seen_run = run.run_id;
          f.last_seen_at = run.started_at;
          f.resolved_in_run = 0;  // a key that comes back is open again
          f.resolved_at.clear();
          f.document_changed = false;
          ++f.runs_seen;
          if (previous.count(key)) {
            ++evolution.still_open;
          } else {
            ++evolution.new_findings;
          }
        }
        for (const auto& key : previous) {
          if (current.count(key)) continue;
          ++evolution.resolved;
          FindingEvolution& f = out.findings[index.at(key)];
          f.resolved_in_run = run.run_id;
          f.resolved_at = run.started_at;
          changed.bind(1, run.run_id);
          changed.bind(2, previous_run->run.run_id);
          changed.bind(3, key);
          changed.executeStep();
          f.document_changed = changed.getColumn(0).getInt64() > 0;
          changed.reset();
        }
        previous = std::move(current);
        previous_run = &evolution;
      }
      return out;
    } catch (const std::exception& e) {
      return Status::Error(path_, "cannot read the history of event '" + event + "': " + e.what());
    }
  }

  Result<std::optional<HttpValidators>> LookupValidators(const std::string& url) override {
    try {
      SQLite::Statement q(*db_,
                          "SELECT etag, last_modified, content_hash FROM http_validators "
                          "WHERE url = ?");
      q.bind(1, url);
      if (!q.executeStep()) return std::optional<HttpValidators>();
      return std::optional<HttpValidators>(
          HttpValidators{TextColumn(q, 0), TextColumn(q, 1), TextColumn(q, 2)});
    } catch (const std::exception& e) {
      return Status::Error(url, "cannot read HTTP validators from " + path_ + ": " + e.what());
    }
  }

  Result<std::optional<Document>> LookupLatestDocument(const std::string& url) override {
    try {
      SQLite::Statement q(*db_,
                          "SELECT v.title, v.author, v.published, v.modified, v.language, "
                          "v.fetched_at, v.partial, v.text, v.content_hash, d.canonical_url, "
                          "o.name, h.etag, h.last_modified "
                          "FROM documents d JOIN document_versions v ON v.document_id = d.id "
                          "JOIN outlets o ON o.id = d.outlet_id "
                          "LEFT JOIN http_validators h ON h.url = d.url_or_source "
                          "WHERE d.url_or_source = ? ORDER BY v.id DESC LIMIT 1");
      q.bind(1, url);
      if (!q.executeStep()) return std::optional<Document>();
      Document d;
      d.url = url;
      d.title = TextColumn(q, 0);
      d.author = TextColumn(q, 1);
      if (!q.getColumn(2).isNull()) d.published = q.getColumn(2).getString();
      if (!q.getColumn(3).isNull()) d.modified = q.getColumn(3).getString();
      d.language = TextColumn(q, 4);
      d.fetched_at = TextColumn(q, 5);
      d.partial = q.getColumn(6).getInt() != 0;
      d.text = TextColumn(q, 7);
      d.content_hash = TextColumn(q, 8);
      d.canonical_url = TextColumn(q, 9);
      d.outlet = TextColumn(q, 10);
      d.etag = TextColumn(q, 11);
      d.last_modified = TextColumn(q, 12);
      return std::optional<Document>(std::move(d));
    } catch (const std::exception& e) {
      return Status::Error(url, "cannot read the stored document from " + path_ + ": " + e.what());
    }
  }

  Status SaveValidators(const std::string& url, const HttpValidators& v) override {
    try {
      SQLite::Statement q(*db_,
                          "INSERT INTO http_validators (url, etag, last_modified, content_hash, "
                          "saved_at) VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
                          "ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
                          "last_modified = excluded.last_modified, "
                          "content_hash = excluded.content_hash, saved_at = excluded.saved_at");
      q.bind(1, url);
      BindTextOrNull(q, 2, v.etag);
      BindTextOrNull(q, 3, v.last_modified);
      BindTextOrNull(q, 4, v.content_hash);
      q.exec();
      return Status::Ok();
    } catch (const std::exception& e) {
      return Status::Error(url, "cannot save HTTP validators in " + path_ + ": " + e.what());
    }
  }

 private:
  using IdMap = std::unordered_map<std::string, int64_t>;  // run-local id -> row id

  std::vector<StoredRunSummary> SelectRuns(const std::string& event, bool oldest_first) {
    SQLite::Statement q(*db_,
                        std::string("SELECT id, event, report_run_id, started_at, finished_at, "
                                    "status, config_hash, failure, document_count, claim_count, "
                                    "finding_count, error_count FROM runs "
                                    "WHERE ?1 = '' OR event = ?1 ORDER BY ") +
                            (oldest_first ? "started_at, id" : "started_at DESC, id DESC"));
    q.bind(1, event);
    std::vector<StoredRunSummary> out;
    while (q.executeStep()) {
      StoredRunSummary s;
      s.run_id = q.getColumn(0).getInt64();
      s.event = q.getColumn(1).getString();
      s.report_run_id = q.getColumn(2).getString();
      s.started_at = q.getColumn(3).getString();
      s.finished_at = q.getColumn(4).getString();
      s.status = q.getColumn(5).getString();
      s.config_hash = TextColumn(q, 6);
      s.failure = TextColumn(q, 7);
      s.documents = q.getColumn(8).getInt();
      s.claims = q.getColumn(9).getInt();
      s.findings = q.getColumn(10).getInt();
      s.errors = q.getColumn(11).getInt();
      out.push_back(std::move(s));
    }
    return out;
  }

  // Commits the run row on its own, status "running", with this process's id.
  int64_t InsertRun(const std::string& event, const RunReport& r, const RunOptions& options) {
    SQLite::Statement q(*db_,
                        "INSERT INTO runs (event, report_run_id, started_at, finished_at, status, "
                        "config_hash, pid, document_count, claim_count, finding_count, "
                        "error_count) VALUES (?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?)");
    BindText(q, 1, event);
    BindText(q, 2, r.run_id);
    BindText(q, 3, r.started_at);
    BindText(q, 4, r.finished_at);
    BindTextOrNull(q, 5, options.config_hash);
    q.bind(6, static_cast<int64_t>(getpid()));
    q.bind(7, static_cast<int64_t>(r.documents.size()));
    q.bind(8, static_cast<int64_t>(r.claims.size()));
    q.bind(9, static_cast<int64_t>(r.findings.size()));
    q.bind(10, static_cast<int64_t>(r.errors.size()));
    q.exec();
    return db_->getLastInsertRowid();
  }

  void SaveErrors(int64_t run_id, const RunReport& r) {
    SQLite::Statement err(*db_, "INSERT INTO run_errors (run_id, seq, message) VALUES (?, ?, ?)");
    for (size_t i = 0; i < r.errors.size(); ++i) {
      err.bind(1, run_id);
      err.bind(2, static_cast<int64_t>(i));
      err.bind(3, r.errors[i]);
      err.exec();
      err.reset();
    }
  }

  // The outlet's row id, inserting it when new; `cache` lives for one SaveRun.
  int64_t OutletId(const std::string& name, IdMap& cache) {
    if (auto it = cache.find(name); it != cache.end()) return it->second;
    SQLite::Statement ins(*db_,
                          "INSERT INTO outlets (name) VALUES (?) ON CONFLICT (name) DO NOTHING");
    ins.bind(1, name);
    ins.exec();
    SQLite::Statement sel(*db_, "SELECT id FROM outlets WHERE name = ?");
    sel.bind(1, name);
    sel.executeStep();
    const int64_t id = sel.getColumn(0).getInt64();
    cache.emplace(name, id);
    return id;
  }

  // Upserts each document and returns document local id -> document_versions.id.
  IdMap SaveDocuments(int64_t run_id, const RunReport& r) {
    SQLite::Statement upsert(
        *db_,
        "INSERT INTO documents (url_or_source, canonical_url, outlet_id, first_seen_run) "
        "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (url_or_source) DO UPDATE SET "
        "canonical_url = coalesce(excluded.canonical_url, canonical_url), "
        "outlet_id = excluded.outlet_id");
    SQLite::Statement doc_id(*db_, "SELECT id FROM documents WHERE url_or_source = ?");
    SQLite::Statement find_version(
        *db_, "SELECT id FROM document_versions WHERE document_id = ? AND content_hash = ?");
    SQLite::Statement add_version(
        *db_,
        "INSERT INTO document_versions (document_id, content_hash, title, author, published, "
        "modified, language, fetched_at, partial, text, first_seen_run) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement link(*db_,
                           "INSERT INTO run_documents (run_id, local_id, version_id, fetched_at, "
                           "event, copy_of) VALUES (?, ?, ?, ?, ?, ?)");

    IdMap versions;
    IdMap outlets;
    for (const auto& d : r.documents) {
      if (versions.count(d.id) > 0) throw InvalidReport("document id \"" + d.id + "\" repeats");
      const std::string identity = DocumentIdentity(d);
      upsert.bind(1, identity);
      BindTextOrNull(upsert, 2, d.canonical_url);
      upsert.bind(3, OutletId(d.outlet, outlets));
      upsert.bind(4, run_id);
      upsert.exec();
      upsert.reset();

      doc_id.bind(1, identity);
      doc_id.executeStep();
      const int64_t document_id = doc_id.getColumn(0).getInt64();
      doc_id.reset();

      const std::string hash = ContentHash(d);
      find_version.bind(1, document_id);
      find_version.bind(2, hash);
      int64_t version_id = 0;
      if (find_version.executeStep()) {
        version_id = find_version.getColumn(0).getInt64();
      } else {
        add_version.bind(1, document_id);
        add_version.bind(2, hash);
        add_version.bind(3, d.title);
        BindTextOrNull(add_version, 4, d.author);
        BindTextOrNull(add_version, 5, d.published);
        BindTextOrNull(add_version, 6, d.modified);
        BindTextOrNull(add_version, 7, d.language);
        BindTextOrNull(add_version, 8, d.fetched_at);
        add_version.bind(9, d.partial ? 1 : 0);
        add_version.bind(10, d.text);
        add_version.bind(11, run_id);
        add_version.exec();
        add_version.reset();
        version_id = db_->getLastInsertRowid();
      }
      find_version.reset();

      link.bind(1, run_id);
      link.bind(2, d.id);
      link.bind(3, version_id);
      BindTextOrNull(link, 4, d.fetched_at);
      link.bind(5, d.event);
      BindTextOrNull(link, 6, d.copy_of);
      link.exec();
      link.reset();
      versions.emplace(d.id, version_id);
    }
    return versions;
  }

  IdMap SaveClaims(int64_t run_id, const RunReport& r, const IdMap& versions) {
    SQLite::Statement q(*db_,
                        "INSERT INTO claims (run_id, local_id, version_id, span_begin, span_end, "
                        "text, field) VALUES (?, ?, ?, ?, ?, ?, ?)");
    IdMap claims;
    for (const auto& c : r.claims) {
      q.bind(1, run_id);
      q.bind(2, c.id);
      q.bind(3, Lookup(versions, c.document_id, "document", "claim " + c.id));
      q.bind(4, static_cast<int64_t>(c.span.begin));
      q.bind(5, static_cast<int64_t>(c.span.end));
      q.bind(6, c.text);
      q.bind(7, c.field == ClaimField::kTitle ? "title" : "text");
      q.exec();
      q.reset();
      claims.emplace(c.id, db_->getLastInsertRowid());
    }
    return claims;
  }

  IdMap SaveClusters(int64_t run_id, const RunReport& r, const IdMap& claims) {
    SQLite::Statement q(
        *db_, "INSERT INTO clusters (run_id, local_id, verdict, basis) VALUES (?, ?, ?, ?)");
    SQLite::Statement member(
        *db_, "INSERT OR IGNORE INTO cluster_claims (cluster_id, claim_id) VALUES (?, ?)");
    IdMap clusters;
    for (const auto& k : r.clusters) {
      q.bind(1, run_id);
      q.bind(2, k.id);
      q.bind(3, ToString(k.verdict));
      q.bind(4, ToString(k.basis));
      q.exec();
      q.reset();
      const int64_t cluster_id = db_->getLastInsertRowid();
      clusters.emplace(k.id, cluster_id);
      for (const auto& claim : k.claim_ids) {
        member.bind(1, cluster_id);
        member.bind(2, Lookup(claims, claim, "claim", "cluster " + k.id));
        member.exec();
        member.reset();
      }
    }
    return clusters;
  }

  void SaveFindings(int64_t run_id, const RunReport& r, const IdMap& versions, const IdMap& claims,
                    const IdMap& clusters) {
    SQLite::Statement q(*db_,
                        "INSERT INTO findings (run_id, local_id, kind, cluster_local_id, "
                        "cluster_id, summary, confidence, severity, finding_key) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement member(
        *db_, "INSERT OR IGNORE INTO finding_claims (finding_id, claim_id) VALUES (?, ?)");
    SQLite::Statement value(*db_,
                            "INSERT INTO finding_values (finding_id, seq, version_id, claim_id, "
                            "value, evidence_begin, evidence_end) VALUES (?, ?, ?, ?, ?, ?, ?)");
    const DocumentIndex docs = IndexDocuments(r);
    for (const auto& f : r.findings) {
      const std::string owner = "finding " + f.id;
      q.bind(1, run_id);
      q.bind(2, f.id);
      q.bind(3, ToString(f.kind));
      BindTextOrNull(q, 4, f.cluster_id);
      if (f.cluster_id.empty()) {
        q.bind(5);
      } else {
        q.bind(5, Lookup(clusters, f.cluster_id, "cluster", owner));
      }
      q.bind(6, f.summary);
      q.bind(7, f.confidence);
      q.bind(8, ToString(f.severity));
      q.bind(9, FindingKey(f, docs));
      q.exec();
      q.reset();
      const int64_t finding_id = db_->getLastInsertRowid();
      for (const auto& claim : f.claim_ids) {
        member.bind(1, finding_id);
        member.bind(2, Lookup(claims, claim, "claim", owner));
        member.exec();
        member.reset();
      }
      for (size_t i = 0; i < f.values.size(); ++i) {
        const FindingValue& v = f.values[i];
        value.bind(1, finding_id);
        value.bind(2, static_cast<int64_t>(i));
        value.bind(3, Lookup(versions, v.document_id, "document", owner));
        if (v.claim_id.empty()) {
          value.bind(4);
        } else {
          value.bind(4, Lookup(claims, v.claim_id, "claim", owner));
        }
        value.bind(5, v.value);
        value.bind(6, static_cast<int64_t>(v.evidence.begin));
        value.bind(7, static_cast<int64_t>(v.evidence.end));
        value.exec();
        value.reset();
      }
    }
  }

  std::string path_;
  std::unique_ptr<SQLite::Database> db_;
};

}  // namespace

Result<std::unique_ptr<RunStore>> OpenRunStore(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path p(path);
  if (path.empty()) return Status::Error("(empty path)", "no database path given");
  if (p.has_parent_path() && !fs::is_directory(p.parent_path(), ec)) {
    return Status::Error(
        path, "cannot open database: directory " + p.parent_path().string() + " does not exist");
  }
  if (fs::is_directory(p, ec)) {
    return Status::Error(path, "cannot open database: this is a directory, not a file");
  }
  try {
    auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                                 kBusyTimeoutMs);
    // The first statement reads the header: a file that is not a database fails here.
    db->exec("PRAGMA foreign_keys = ON");
    db->execAndGet("PRAGMA journal_mode = WAL");
    Migrate(*db);
    MarkAbandonedRuns(*db);
    return std::unique_ptr<RunStore>(std::make_unique<SqliteRunStore>(path, std::move(db)));
  } catch (const std::exception& e) {
    return Status::Error(path, std::string("cannot open database: ") + e.what());
  }
}

}  // namespace parallax::store
