#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <filesystem>
#include <stdexcept>
#include <unordered_map>

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

class SqliteRunStore : public RunStore {
 public:
  SqliteRunStore(std::string path, std::unique_ptr<SQLite::Database> db)
      : path_(std::move(path)), db_(std::move(db)) {}

  Result<int64_t> SaveRun(const std::string& event, const RunReport& report) override {
    try {
      SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
      const int64_t run_id = InsertRun(event, report);
      const auto versions = SaveDocuments(run_id, report);
      const auto claims = SaveClaims(run_id, report, versions);
      const auto clusters = SaveClusters(run_id, report, claims);
      SaveFindings(run_id, report, versions, claims, clusters);
      SQLite::Statement done(*db_, "UPDATE runs SET status = 'ok' WHERE id = ?");
      done.bind(1, run_id);
      done.exec();
      tx.commit();
      return run_id;
    } catch (const InvalidReport& e) {
      return Status::Error(path_, std::string("run not saved: ") + e.what());
    } catch (const std::exception& e) {
      return Status::Error(path_, std::string("run not saved (database error): ") + e.what());
    }
  }

  Result<std::vector<StoredRunSummary>> ListRuns(const std::string& event) override {
    try {
      SQLite::Statement q(*db_,
                          "SELECT id, event, report_run_id, started_at, finished_at, status, "
                          "document_count, claim_count, finding_count FROM runs "
                          "WHERE ?1 = '' OR event = ?1 ORDER BY started_at DESC, id DESC");
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
        s.documents = q.getColumn(6).getInt();
        s.claims = q.getColumn(7).getInt();
        s.findings = q.getColumn(8).getInt();
        out.push_back(std::move(s));
      }
      return out;
    } catch (const std::exception& e) {
      return Status::Error(path_, std::string("cannot list runs: ") + e.what());
    }
  }

 private:
  using IdMap = std::unordered_map<std::string, int64_t>;  // run-local id -> row id

  int64_t InsertRun(const std::string& event, const RunReport& r) {
    SQLite::Statement q(*db_,
                        "INSERT INTO runs (event, report_run_id, started_at, finished_at, status, "
                        "document_count, claim_count, finding_count, error_count) "
                        "VALUES (?, ?, ?, ?, 'running', ?, ?, ?, ?)");
    BindText(q, 1, event);
    BindText(q, 2, r.run_id);
    BindText(q, 3, r.started_at);
    BindText(q, 4, r.finished_at);
    q.bind(5, static_cast<int64_t>(r.documents.size()));
    q.bind(6, static_cast<int64_t>(r.claims.size()));
    q.bind(7, static_cast<int64_t>(r.findings.size()));
    q.bind(8, static_cast<int64_t>(r.errors.size()));
    q.exec();
    const int64_t run_id = db_->getLastInsertRowid();

    SQLite::Statement err(*db_, "INSERT INTO run_errors (run_id, seq, message) VALUES (?, ?, ?)");
    for (size_t i = 0; i < r.errors.size(); ++i) {
      err.bind(1, run_id);
      err.bind(2, static_cast<int64_t>(i));
      err.bind(3, r.errors[i]);
      err.exec();
      err.reset();
    }
    return run_id;
  }

  int64_t OutletId(const std::string& name) {
    SQLite::Statement ins(*db_,
                          "INSERT INTO outlets (name) VALUES (?) ON CONFLICT (name) DO NOTHING");
    ins.bind(1, name);
    ins.exec();
    SQLite::Statement sel(*db_, "SELECT id FROM outlets WHERE name = ?");
    sel.bind(1, name);
    sel.executeStep();
    return sel.getColumn(0).getInt64();
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
    SQLite::Statement link(
        *db_, "INSERT INTO run_documents (run_id, local_id, version_id) VALUES (?, ?, ?)");

    IdMap versions;
    for (const auto& d : r.documents) {
      if (versions.count(d.id) > 0) throw InvalidReport("document id \"" + d.id + "\" repeats");
      const std::string identity = DocumentIdentity(d);
      upsert.bind(1, identity);
      BindTextOrNull(upsert, 2, d.canonical_url);
      upsert.bind(3, OutletId(d.outlet));
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
      link.exec();
      link.reset();
      versions.emplace(d.id, version_id);
    }
    return versions;
  }

  IdMap SaveClaims(int64_t run_id, const RunReport& r, const IdMap& versions) {
    SQLite::Statement q(*db_,
                        "INSERT INTO claims (run_id, local_id, version_id, span_begin, span_end, "
                        "text) VALUES (?, ?, ?, ?, ?, ?)");
    IdMap claims;
    for (const auto& c : r.claims) {
      q.bind(1, run_id);
      q.bind(2, c.id);
      q.bind(3, Lookup(versions, c.document_id, "document", "claim " + c.id));
      q.bind(4, static_cast<int64_t>(c.span.begin));
      q.bind(5, static_cast<int64_t>(c.span.end));
      q.bind(6, c.text);
      q.exec();
      q.reset();
      claims.emplace(c.id, db_->getLastInsertRowid());
    }
    return claims;
  }

  IdMap SaveClusters(int64_t run_id, const RunReport& r, const IdMap& claims) {
    SQLite::Statement q(*db_, "INSERT INTO clusters (run_id, local_id, verdict) VALUES (?, ?, ?)");
    SQLite::Statement member(
        *db_, "INSERT OR IGNORE INTO cluster_claims (cluster_id, claim_id) VALUES (?, ?)");
    IdMap clusters;
    for (const auto& k : r.clusters) {
      q.bind(1, run_id);
      q.bind(2, k.id);
      q.bind(3, ToString(k.verdict));
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
      q.bind(9, FindingKey(f, r));
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
    return std::unique_ptr<RunStore>(std::make_unique<SqliteRunStore>(path, std::move(db)));
  } catch (const std::exception& e) {
    return Status::Error(path, std::string("cannot open database: ") + e.what());
  }
}

}  // namespace parallax::store
