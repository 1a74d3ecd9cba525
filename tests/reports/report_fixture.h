// Hand-built reports for the reports tests. Spans are computed from the texts, so a fixture
// cannot drift out of step with itself.
#pragma once

#include <string>

#include "parallax/core/finding.h"

namespace parallax::testing {

// The span of the first occurrence of `part` in `text`; fails the test when there is none.
Span SpanOf(const std::string& text, const std::string& part);
// A claim of `d` whose text is `sentence`, which must occur in d.text.
Claim ClaimOf(const Document& d, std::string id, const std::string& sentence);

// Two outlets: they agree on who opened the bridge and disagree on how long it was closed.
// d1 has an https URL; d2 was read from a file and is partial. One error, no previous run.
RunReport TwoOutletReport();

// TwoOutletReport plus a third outlet (d3, The Herald) that agrees on the opening, disagrees on
// when the bridge will be inspected (a time finding, medium severity), reports an exclusive,
// and a previous run: f1 still open, f2 new, one finding resolved because an article changed.
RunReport ThreeOutletReport();

}  // namespace parallax::testing
