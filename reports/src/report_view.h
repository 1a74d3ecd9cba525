// What the human-readable reports (Markdown, HTML) show, computed once from a RunReport: lookups,
// summary counts, conflicts in reading order, and the agreements and exclusives worth listing.
// Renderers only format; they escape every string they take from here.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parallax/core/finding.h"

namespace parallax::reports {

inline constexpr size_t kMaxAgreements = 30;
inline constexpr size_t kMaxExclusives = 20;

// A claim's sentence split around a finding's evidence: `value` is empty when the evidence does
// not lie inside the claim, or covers all its words (marking the whole sentence helps nobody). The
// parts are raw (unescaped) text.
struct QuoteParts {
  std::string_view before;
  std::string_view value;
  std::string_view after;
};

struct AgreementItem {
  std::vector<std::string> document_ids;  // one per outlet, in claim order
  const Claim* representative = nullptr;
};

// Borrows `report`, which must outlive the view.
class ReportView {
 public:
  explicit ReportView(const RunReport& report);

  const RunReport& report() const { return r_; }
  const Document* Doc(const std::string& id) const;
  const Claim* FindClaim(const std::string& id) const;
  // The outlet name of a document; when extraction found none, the host of its http(s) URL or
  // canonical URL, else the folder of a saved "<folder>/index.html" (or the file name), else its
  // id.
  std::string OutletName(const std::string& doc_id) const;
  // The document's URL when it is http(s); for a document read from a file (no URL), its
  // canonical URL when that is http(s); else "".
  std::string_view LinkUrl(const std::string& doc_id) const;

  size_t outlet_count() const { return outlet_count_; }
  size_t partial_count() const { return partial_count_; }
  // Clusters with claims from two or more documents, and how many of those agree / conflict.
  size_t shared_facts() const { return shared_; }
  size_t shared_agree() const { return shared_agree_; }
  size_t shared_conflict() const { return shared_conflict_; }
  const std::map<FindingKind, size_t>& findings_by_kind() const { return by_kind_; }

  // High severity first, then by confidence, then report order.
  const std::vector<const Finding*>& ranked_findings() const { return ranked_; }
  // Agree clusters, at most kMaxAgreements; agreements_total() counts all of them.
  const std::vector<AgreementItem>& agreements() const { return agreements_; }
  size_t agreements_total() const { return agreements_total_; }
  // Single-outlet claims with numbers first, then those naming something (a capitalised word
  // after the first), then the rest; at most kMaxExclusives.
  const std::vector<const Claim*>& exclusives() const { return exclusives_; }
  size_t exclusives_total() const { return exclusives_total_; }

  QuoteParts Quote(const Claim& claim, const FindingValue& value) const;

 private:
  const RunReport& r_;
  std::unordered_map<std::string, const Document*> docs_;
  std::unordered_map<std::string, const Claim*> claims_;
  size_t outlet_count_ = 0, partial_count_ = 0;
  size_t shared_ = 0, shared_agree_ = 0, shared_conflict_ = 0;
  std::map<FindingKind, size_t> by_kind_;
  std::vector<const Finding*> ranked_;
  std::vector<AgreementItem> agreements_;
  size_t agreements_total_ = 0;
  std::vector<const Claim*> exclusives_;
  size_t exclusives_total_ = 0;
};

// `text` in typographic quotes, unless it already holds quotation marks (a quote inside a claim
// would otherwise read ““like this””). Raw, unescaped.
std::string QuotedText(std::string_view text);
// "1 conflict", "2 conflicts".
std::string Count(size_t n, const char* noun);

}  // namespace parallax::reports
