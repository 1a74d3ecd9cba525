// Event separation: which documents report the same event. A set of articles gathered for one
// meeting can hold look-alikes (another meeting of the same people, an earlier visit); their
// claims must not be lined up with the event's.
#pragma once

#include <cstddef>
#include <vector>

#include "parallax/align/align.h"

namespace parallax::align {

// Groups `document_count` documents by the event they report, from their claims: the names they
// mention, the days they date things to (the weekdays they name, when no day is resolved), the
// figures they state and their words, weighted by rarity across the documents (what every document
// holds weighs next to nothing), with a document's first claim (headline or lead) counted twice.
// Groups merge in order of average linkage (UPGMA) while it reaches `min_linkage`, so documents
// stay together unless their accounts share too little. Returns one group index per document; group
// 0 holds the most documents (ties: the earliest document), the others follow by size. Cost: every
// document pair, O(n^2) time and n^2 doubles of memory; above kMaxSeparatedDocuments (1,000)
// documents all are group 0.
std::vector<size_t> SeparateEvents(const std::vector<ClaimModel>& claims, size_t document_count,
                                   double min_linkage);

// The claims that tell each event itself, several per document: those holding one or more of
// the event's key terms: among the stems half or more of its documents use, the five most telling
// (share of documents x rarity among claims) and the five the most documents use. One list of
// claim indices per event with two or more documents; empty lists are left out.
std::vector<std::vector<size_t>> EventMentions(const std::vector<ClaimModel>& claims,
                                               const std::vector<size_t>& document_events);

}  // namespace parallax::align
