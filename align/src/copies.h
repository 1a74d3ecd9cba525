// Near-duplicate documents: wire copy run by several outlets, syndicated reprints, the same
// story republished with a new headline. A copy repeats its source's claims, so it must not
// count as an independent account.
#pragma once

#include <vector>

#include "parallax/core/document.h"

namespace parallax::align {

// For each document, the index of an earlier document whose text it reproduces, or -1. Texts
// are compared as sets of word 5-shingles (hashed with xxHash) through 64-value MinHash
// signatures: two documents whose estimated resemblance is at least `min_resemblance` (0..1)
// are copies. Candidates come from LSH bands, so the cost is near-linear in the number of
// documents. Texts shorter than 5 words are never copies.
std::vector<int> FindCopies(const std::vector<Document>& documents, double min_resemblance);

}  // namespace parallax::align
