// Per cluster: compare every pair of claims from different documents and raise a finding per
// kind when their values cannot both be true. Values are grouped by what they say, so a finding
// reads "A and B say X, but C says Y".
#include "parallax/compare/compare.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "findings.h"
#include "rules.h"
#include "values.h"

namespace parallax::compare {

Comparison CompareClusters(const std::vector<Document>& documents,
                           const align::Alignment& alignment, const CompareOptions& options) {
  Comparison out;
  out.clusters = alignment.clusters;
  std::vector<Finding> omissions;
  std::vector<FindingBuilder> contradictions;                // per cluster, in cluster order
  std::set<std::tuple<FindingKind, size_t, size_t>> raised;  // (kind, claim, claim) reported
  StemVocabulary vocabulary;
  // Full documents per event: an omission is claimed only against the documents of the event
  // the cluster's claims report.
  auto event_of = [&](size_t document) {
    return document < alignment.document_events.size() ? alignment.document_events[document] : 0;
  };
  // A copy (wire copy, a reprint) is not an independent account: it neither makes a fact "most
  // outlets report" nor is it held to omit one.
  auto is_copy = [&](size_t document) {
    return document < alignment.document_copies.size() && alignment.document_copies[document] >= 0;
  };
  auto independent_full = [&](size_t document) {
    return !documents[document].partial && !is_copy(document);
  };
  std::map<size_t, size_t> full_documents_of_event;
  for (size_t d = 0; d < documents.size(); ++d) {
    if (independent_full(d)) ++full_documents_of_event[event_of(d)];
  }

  for (size_t k = 0; k < alignment.clusters.size(); ++k) {
    const auto& members = alignment.cluster_members[k];
    std::set<size_t> docs;
    for (size_t m : members) docs.insert(alignment.claims[m].document_index);
    Cluster& cluster = out.clusters[k];
    cluster.verdict = docs.size() >= 2 ? Verdict::kAgree : Verdict::kSingle;
    if (docs.size() < 2) continue;
    // The claims telling an event itself: their facts are compared in their own clusters.
    if (alignment.clusters[k].basis == ClusterBasis::kEvent) continue;

    // A value facet lines up one figure or date across claims that may say different things
    // otherwise: only that value is compared there.
    const ClusterBasis facet = alignment.clusters[k].basis;
    std::map<std::pair<FindingKind, std::string>, FindingBuilder> builders;  // by (kind, group)
    // Every claim is compared with the cluster's first kMaxAnchors claims, not with every
    // other: work stays linear in cluster size (a cluster of replicated wire copy can hold
    // thousands), and a disagreement still meets one of the anchors.
    constexpr size_t kMaxAnchors = 16;
    // Least stem Jaccard between the claim an omission quotes and each other member.
    constexpr double kMinOmissionLikeness = 0.2;
    // Stem sets, quote words and quantity keys of the members, for the comparisons: computed
    // once per member, not once per pair.
    std::vector<StemSet> stems;
    std::vector<OpenState> open_states;
    std::vector<std::vector<std::set<std::string>>> quote_words;
    std::vector<std::vector<std::string>> quantity_keys;
    if (facet == ClusterBasis::kStatement || facet == ClusterBasis::kQuantity) {
      quantity_keys.reserve(members.size());
      for (size_t m : members) quantity_keys.push_back(QuantityKeys(alignment.claims[m]));
    }
    if (facet == ClusterBasis::kStatement) {
      stems.reserve(members.size());
      quote_words.reserve(members.size());
      for (size_t m : members) {
        const ClaimModel& c = alignment.claims[m];
        stems.push_back(vocabulary.Of(c));
        open_states.push_back(OpenOrClosed(c));
        quote_words.push_back(QuoteWords(c, documents[c.document_index]));
      }
    }
    for (size_t x = 0; x < std::min(members.size(), kMaxAnchors); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        const ClaimModel& a = alignment.claims[members[x]];
        const ClaimModel& b = alignment.claims[members[y]];
        if (a.document_index == b.document_index) continue;  // outlets are compared, not lines
        const Document& da = documents[a.document_index];
        const Document& db = documents[b.document_index];
        auto report = [&](const std::optional<PairConflict>& conflict) {
          if (!conflict) return;
          // A pair that already disagrees in an earlier cluster is not reported twice.
          if (!raised.insert({conflict->kind, members[x], members[y]}).second) return;
          // One finding per kind and topic: a vote tally and an amount are two disagreements.
          const std::string& group = conflict->group.empty() ? conflict->topic : conflict->group;
          FindingBuilder& f = builders[{conflict->kind, group}];
          f.kind = conflict->kind;
          f.group = group;
          f.cluster = k;
          if (f.topic.empty()) f.topic = conflict->topic;
          f.confidence = std::max(f.confidence, conflict->confidence);
          f.sides.emplace(members[x], conflict->a);
          f.sides.emplace(members[y], conflict->b);
        };
        if (facet == ClusterBasis::kQuantity) {
          report(CompareQuantities(a, b, quantity_keys[x], quantity_keys[y]));
        } else if (facet == ClusterBasis::kAct) {
          report(CompareActs(a, b));
        } else if (facet == ClusterBasis::kDate) {
          report(CompareDates(a, b, /*lined_up=*/true));
        } else {
          const double stem_jaccard = StemJaccard(stems[x], stems[y]);
          report(CompareQuantities(a, b, quantity_keys[x], quantity_keys[y]));
          report(CompareDates(a, b));
          report(ComparePolarity(a, b, stem_jaccard));
          report(CompareIntent(a, b));
          report(CompareModality(a, b, stem_jaccard));
          report(CompareStates(a, b, open_states[x], open_states[y], da, db));
          report(CompareQuotes(a, b, da, db, stem_jaccard, quote_words[x], quote_words[y]));
          const auto acts = CompareActs(a, b);
          report(acts);
          // Different people credited with one act is that act's attribution conflict, not a
          // second one about who was involved.
          if (!acts) report(CompareEntities(a, b, stem_jaccard));
          report(CompareBodies(a, b, stem_jaccard));
        }
      }
    }
    for (auto& [key, f] : builders) contradictions.push_back(std::move(f));
    if (!builders.empty()) cluster.verdict = Verdict::kConflict;

    // Omission: a fact most full documents report that a full document leaves out.
    const size_t event = event_of(*docs.begin());
    const size_t full_documents = full_documents_of_event[event];
    size_t reporting = 0;  // independent full documents stating it
    for (size_t d : docs) reporting += independent_full(d) ? 1 : 0;
    // The fact is told by the member most alike to the others (the medoid, by stem Jaccard), and
    // only when every member is alike to it: a cluster chained through loose links ("and has
    // never used the river" / "we are used to weddings") is no fact four outlets report.
    size_t told_by = 0;  // index into members
    bool one_fact = false;
    if (options.report_omissions && facet == ClusterBasis::kStatement && full_documents >= 4 &&
        reporting >= 3 && reporting < full_documents &&
        static_cast<double>(reporting) >= options.omission_share * full_documents) {
      double best_least = -1;
      for (size_t x = 0; x < std::min(members.size(), kMaxAnchors); ++x) {  // linear work
        double least = 1;
        for (size_t y = 0; y < members.size(); ++y) {
          if (y != x) least = std::min(least, StemJaccard(stems[x], stems[y]));
        }
        if (least > best_least) best_least = least, told_by = x;
      }
      one_fact = best_least >= kMinOmissionLikeness;
    }
    if (one_fact) {
      for (size_t d = 0; d < documents.size(); ++d) {
        if (docs.count(d) || !independent_full(d) || event_of(d) != event) continue;
        Finding o;
        o.kind = FindingKind::kOmission;
        o.cluster_id = cluster.id;
        std::vector<std::string> outlets;
        for (size_t m : members) {
          const ClaimModel& c = alignment.claims[m];
          o.claim_ids.push_back(c.claim.id);
          o.values.push_back(
              {documents[c.document_index].id, c.claim.id, "reports it", c.claim.span});
          outlets.push_back(documents[c.document_index].outlet);
        }
        o.values.push_back({documents[d].id, "", "does not report it", {}});
        o.confidence = 0.5;
        o.severity = Severity::kLow;
        const std::string& missing =
            documents[d].outlet.empty() ? documents[d].id : documents[d].outlet;
        o.summary = missing + " does not report what " + std::to_string(reporting) +
                    " other outlets do: \"" + alignment.claims[members[told_by]].claim.text + "\"";
        omissions.push_back(std::move(o));
      }
    }
  }
  for (const FindingBuilder& f : MergeAcrossClusters(std::move(contradictions), alignment)) {
    out.findings.push_back(BuildFinding(f, documents, alignment));
  }
  for (auto& o : omissions) out.findings.push_back(std::move(o));
  for (size_t i = 0; i < out.findings.size(); ++i) out.findings[i].id = "f" + std::to_string(i + 1);
  return out;
}

}  // namespace parallax::compare
