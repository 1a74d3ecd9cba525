// Conflicts gathered into findings: one finding per kind and topic in a cluster, and one fact's
// conflict split over several clusters told once. Private to compare/.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "parallax/align/align.h"
#include "parallax/core/document.h"
#include "parallax/core/finding.h"
#include "rules.h"

namespace parallax::compare {

// The conflicts of one kind and topic (or group) found in one cluster.
struct FindingBuilder {
  FindingKind kind = FindingKind::kQuantity;
  std::string group;  // PairConflict::group, or the topic when that is empty
  std::string topic;
  size_t cluster = 0;  // index into the alignment's clusters
  double confidence = 0;
  std::map<size_t, Side> sides;  // claim index (into Alignment::claims) -> what it says
};

// Folds builders that tell one disagreement found in several clusters into the first of them:
// same kind and group, a claim they share saying the same value, and no document saying one
// value in one and another in the other. ("did not sign" set against a headline's "sign" in one
// cluster and the body's "signed" in another is one finding citing all three claims.) Keeps
// the order of first appearance.
std::vector<FindingBuilder> MergeAcrossClusters(std::vector<FindingBuilder> builders,
                                                const align::Alignment& alignment);

// The finding a builder tells, its sides grouped by value in order of first appearance:
// "Outlets disagree on <topic>: A and B say X, but C says Y." The id is left for the caller.
Finding BuildFinding(const FindingBuilder& builder, const std::vector<Document>& documents,
                     const align::Alignment& alignment);

}  // namespace parallax::compare
