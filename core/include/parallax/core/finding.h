// Claims, clusters of equivalent claims across outlets, and the findings the comparer reports.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "parallax/core/document.h"

namespace parallax {

// A sentence or clause of one document, as it reads in the article.
// The document field a claim was read from: the article body or its headline.
enum class ClaimField { kText, kTitle };

struct Claim {
  std::string id;           // run-local id, "c1", "c2", ...
  std::string document_id;  // Document::id
  Span span;                // into that document's `text`, or its `title` for a headline claim
  std::string text;         // == that field's substr(span.begin, span.size())
  ClaimField field = ClaimField::kText;
};

enum class Verdict { kAgree, kConflict, kSingle };

// What a cluster lines up: whole claims that say the same thing; one figure, one date or one
// act credited to someone ("proposed by X") that several claims state about the same thing,
// however different their sentences; or the claims that tell an event itself (what happened,
// to whom), several per document. All but event clusters are compared; quantity, date and act
// clusters on their value only.
enum class ClusterBasis { kStatement, kQuantity, kDate, kAct, kEvent };

struct Cluster {
  std::string id;                      // run-local id, "k1", ...
  std::vector<std::string> claim_ids;  // claims judged to state one fact, from one or more outlets
  Verdict verdict = Verdict::kSingle;
  ClusterBasis basis = ClusterBasis::kStatement;
};

enum class FindingKind { kQuantity, kTime, kAttribution, kQuote, kPolarity, kEntity, kOmission };

// What one side of a finding says: the claim and the value read from it.
struct FindingValue {
  std::string document_id;
  std::string claim_id;
  std::string value;  // normalised value as compared, e.g. "4 h", "2025-11-04", "signed"
  Span evidence;      // the span the value was read from, in the claim's field
};

enum class Severity { kLow, kMedium, kHigh };

struct Finding {
  std::string id;  // run-local id, "f1", ...
  FindingKind kind = FindingKind::kQuantity;
  std::string cluster_id;
  std::vector<std::string> claim_ids;  // from two or more outlets
  std::string summary;                 // one sentence a reader understands
  std::vector<FindingValue> values;    // what each side says
  double confidence = 0.0;             // 0..1
  Severity severity = Severity::kMedium;
};

// How a finding fared since the previous run of the same event (store/ computes this).
enum class ChangeStatus { kNew, kStillOpen, kResolved };

struct FindingChange {
  ChangeStatus status = ChangeStatus::kNew;
  std::string finding_key;  // stable identity across runs (store::FindingKey)
  std::string finding_id;   // this run's Finding::id; "" for a resolved finding
  FindingKind kind = FindingKind::kQuantity;
  std::string summary;  // this run's summary, or the last stored one when resolved
  // For a resolved finding: a document it cited has a new version in this run (the article
  // was edited), as opposed to the finding no longer being detected in unchanged text.
  bool document_changed = false;
};

struct RunComparison {
  bool has_previous_run = false;
  std::string previous_run_started_at;  // ISO 8601 UTC, "" when there is none
  std::vector<FindingChange> changes;   // new and still-open first, then resolved
};

// Everything one comparison run produced, handed to store/ and reports/.
struct RunReport {
  std::string run_id;
  std::string started_at;  // ISO 8601 UTC
  std::string finished_at;
  std::vector<Document> documents;
  std::vector<Claim> claims;
  std::vector<Cluster> clusters;
  std::vector<Finding> findings;
  std::vector<std::string> errors;  // one line per source or step that failed
  RunComparison since_last_run;     // filled from the store before reports are written
};

const char* ToString(Verdict verdict);
const char* ToString(ClusterBasis basis);  // "statement", "quantity", "date", "act", "event"
const char* ToString(FindingKind kind);
const char* ToString(Severity severity);
const char* ToString(ChangeStatus status);  // "new", "open", "resolved"

}  // namespace parallax
