#include "findings.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

namespace parallax::compare {
namespace {

Severity SeverityOf(FindingKind kind, double confidence) {
  if (confidence < 0.6) return Severity::kLow;
  switch (kind) {
    case FindingKind::kPolarity:
    case FindingKind::kAttribution:
    case FindingKind::kQuantity:
      return Severity::kHigh;
    case FindingKind::kOmission:
      return Severity::kLow;
    default:
      return Severity::kMedium;
  }
}

std::string JoinOutlets(const std::vector<std::string>& outlets) {
  std::string out;
  for (size_t i = 0; i < outlets.size(); ++i) {
    if (i > 0) out += i + 1 == outlets.size() ? " and " : ", ";
    out += outlets[i];
  }
  return out;
}

// Document index -> value, for every side of `b`; false when one document says two values.
bool ValuesByDocument(const FindingBuilder& b, const align::Alignment& alignment,
                      std::unordered_map<size_t, std::string>& out) {
  for (const auto& [claim, side] : b.sides) {
    const size_t document = alignment.claims[claim].document_index;
    const auto [it, fresh] = out.emplace(document, side.value);
    if (!fresh && it->second != side.value) return false;
  }
  return true;
}

// `kept` and `b` are of one kind and group (MergeAcrossClusters tries no others).
bool TellOneDisagreement(const FindingBuilder& kept, const FindingBuilder& b,
                         const align::Alignment& alignment) {
  const bool share = std::any_of(b.sides.begin(), b.sides.end(), [&](const auto& side) {
    const auto it = kept.sides.find(side.first);
    return it != kept.sides.end() && it->second.value == side.second.value;
  });
  if (!share) return false;
  std::unordered_map<size_t, std::string> values;
  return ValuesByDocument(kept, alignment, values) && ValuesByDocument(b, alignment, values);
}

}  // namespace

std::vector<FindingBuilder> MergeAcrossClusters(std::vector<FindingBuilder> builders,
                                                const align::Alignment& alignment) {
  std::vector<FindingBuilder> kept;
  // (kind, group) -> indices into kept: a builder is tried against its own kind and group only.
  std::map<std::pair<FindingKind, std::string>, std::vector<size_t>> by_group;
  for (FindingBuilder& b : builders) {
    std::vector<size_t>& candidates = by_group[{b.kind, b.group}];
    const auto into = std::find_if(candidates.begin(), candidates.end(), [&](size_t k) {
      return TellOneDisagreement(kept[k], b, alignment);
    });
    if (into == candidates.end()) {
      candidates.push_back(kept.size());
      kept.push_back(std::move(b));
      continue;
    }
    FindingBuilder& target = kept[*into];
    target.confidence = std::max(target.confidence, b.confidence);
    for (auto& side : b.sides) target.sides.insert(std::move(side));
  }
  return kept;
}

Finding BuildFinding(const FindingBuilder& f, const std::vector<Document>& documents,
                     const align::Alignment& alignment) {
  Finding finding;
  finding.kind = f.kind;
  finding.cluster_id = alignment.clusters[f.cluster].id;
  finding.confidence = f.confidence;
  finding.severity = SeverityOf(f.kind, f.confidence);
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;  // value -> outlets
  for (const auto& [index, side] : f.sides) {
    const align::ClaimModel& c = alignment.claims[index];
    const Document& doc = documents[c.document_index];
    finding.claim_ids.push_back(c.claim.id);
    finding.values.push_back({doc.id, c.claim.id, side.value, side.evidence});
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&value = side.value](const auto& g) { return g.first == value; });
    if (it == groups.end()) {
      groups.push_back({side.value, {}});
      it = groups.end() - 1;
    }
    const std::string& outlet = doc.outlet.empty() ? doc.id : doc.outlet;
    // An outlet stating one value in two claims (headline and body) is named once.
    if (std::find(it->second.begin(), it->second.end(), outlet) == it->second.end()) {
      it->second.push_back(outlet);
    }
  }
  std::string summary = "Outlets disagree on " + f.topic + ": ";
  for (size_t g = 0; g < groups.size(); ++g) {
    if (g > 0) summary += g + 1 == groups.size() ? ", but " : ", ";
    summary += JoinOutlets(groups[g].second) + (groups[g].second.size() > 1 ? " say " : " says ") +
               groups[g].first;
  }
  finding.summary = summary + ".";
  return finding;
}

}  // namespace parallax::compare
