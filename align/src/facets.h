// Value facets: one fact told as a figure or a date, lined up across documents even when the
// sentences around it differ ("lasted about four hours", "after four hours of tense talks",
// "the four-hour talks").
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "parallax/align/align.h"

namespace parallax::align {

struct FacetCluster {
  ClusterBasis kind = ClusterBasis::kQuantity;
  // Indices into the claims; sorted; at most one from a document's body and one from its title.
  std::vector<size_t> members;
};

// Groups the quantities and dates of `claims` into facets: values of one kind (a duration, a sum
// of money in one currency, a vote tally, a date) said about the same thing, judged by the words
// around each value, the similarity of the claims (`claim_similarity`, 0..1, symmetric) and the
// closeness of the values. Returns facets that span two or more documents.
// Cost: candidate pairs come from capped postings, so work is near-linear in the number of values.
// Values are lined up only between documents of one event (`document_events`, per document).
std::vector<FacetCluster> FindFacets(const std::vector<ClaimModel>& claims,
                                     const std::vector<size_t>& document_events,
                                     const std::function<double(size_t, size_t)>& claim_similarity);

}  // namespace parallax::align
