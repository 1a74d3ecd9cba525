// compare: per aligned cluster, a verdict (agree, conflict, single) and findings with evidence.
// Precision first: a finding is raised only when two claims' values cannot both be true under
// a generous reading (hedges, ranges, rounding, date precision).
#pragma once

#include <vector>

#include "parallax/align/align.h"
#include "parallax/core/document.h"
#include "parallax/core/finding.h"

namespace parallax::compare {

struct CompareOptions {
  // Omissions are reported when a fact appears in at least this share of the (non-partial)
  // documents, and in at least 3 of them.
  double omission_share = 0.75;
  bool report_omissions = true;
};

struct Comparison {
  std::vector<Cluster> clusters;  // alignment's clusters with verdicts set
  std::vector<Finding> findings;  // ids "f1", ...; contradictions first, then omissions
};

Comparison CompareClusters(const std::vector<Document>& documents,
                           const align::Alignment& alignment, const CompareOptions& options = {});

// Whether two quantities can both be true: same unit (and noun), overlapping after hedges,
// ranges and rounding to the precision written. Quantities of different units are compatible.
bool QuantitiesCompatible(const align::Quantity& a, const align::Quantity& b);

}  // namespace parallax::compare
