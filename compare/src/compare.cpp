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

#include "values.h"

namespace parallax::compare {
namespace {

using align::ClaimModel;

struct Side {
  std::string value;
  Span evidence;
};

struct PairConflict {
  FindingKind kind;
  std::string topic;  // what the outlets disagree about, as a noun phrase
  Side a, b;
  double confidence;
};

std::set<std::string> Words(const std::string& text) {
  std::set<std::string> out;
  std::string w;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) >= 0x80)) {
      w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!w.empty()) {
      out.insert(w);
      w.clear();
    }
  }
  if (!w.empty()) out.insert(w);
  return out;
}

double Jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (const auto& x : a) shared += b.count(x);
  return static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - shared);
}

double StemJaccard(const ClaimModel& a, const ClaimModel& b) {
  return Jaccard(std::set<std::string>(a.stems.begin(), a.stems.end()),
                 std::set<std::string>(b.stems.begin(), b.stems.end()));
}

// Two values speak of the same thing when the words around them overlap.
bool SameContext(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& x : a) {
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  }
  return false;
}

// A counted noun or an ordinal's noun says what the number is about; other quantities need
// overlapping context words.
bool SameSubject(const align::Quantity& a, const align::Quantity& b) {
  if (!a.noun.empty() && a.noun == b.noun) return true;
  return SameContext(a.context, b.context);
}

std::string TextAt(const Document& doc, Span s) {
  if (s.end > doc.text.size() || s.begin > s.end) return {};
  return doc.text.substr(s.begin, s.size());
}

std::optional<PairConflict> CompareQuantities(const ClaimModel& a, const ClaimModel& b) {
  for (const auto& qa : a.quantities) {
    const std::string key = QuantityKey(qa);
    bool b_has = false, any_compatible = false;
    const align::Quantity* other = nullptr;
    for (const auto& qb : b.quantities) {
      if (QuantityKey(qb) != key || !SameSubject(qa, qb)) continue;
      b_has = true;
      if (!other) other = &qb;
      if (QuantitiesCompatible(qa, qb)) any_compatible = true;
    }
    if (!b_has || any_compatible) continue;
    // Every quantity of this kind in `a` must clash too, or the claims may speak of two things.
    bool all_clash = true;
    for (const auto& qa2 : a.quantities) {
      if (QuantityKey(qa2) != key) continue;
      for (const auto& qb : b.quantities) {
        if (QuantityKey(qb) == key && QuantitiesCompatible(qa2, qb) && SameSubject(qa2, qb))
          all_clash = false;
      }
    }
    if (!all_clash) continue;
    return PairConflict{FindingKind::kQuantity,
                        QuantityTopic(qa),
                        {DescribeQuantity(qa), qa.span},
                        {DescribeQuantity(*other), other->span},
                        0.8};
  }
  return std::nullopt;
}

std::optional<PairConflict> CompareDates(const ClaimModel& a, const ClaimModel& b) {
  // Only dates said of the same act ("arrived on Monday" / "arrived on Tuesday") are compared;
  // any compatible pair of them means the accounts agree.
  // Claims that say much the same thing around one date each speak of one act too.
  const bool one_act = a.dates.size() == 1 && b.dates.size() == 1 && StemJaccard(a, b) >= 0.3;
  const align::DateRef* clash_a = nullptr;
  const align::DateRef* clash_b = nullptr;
  for (const auto& da : a.dates) {
    for (const auto& db : b.dates) {
      if (!one_act && !SameContext(da.context, db.context)) continue;
      if (DatesCompatible(da, db)) return std::nullopt;
      if (clash_a == nullptr) {
        clash_a = &da;
        clash_b = &db;
      }
    }
  }
  if (clash_a == nullptr) return std::nullopt;
  return PairConflict{FindingKind::kTime,
                      "when it happened",
                      {DescribeDate(*clash_a), clash_a->span},
                      {DescribeDate(*clash_b), clash_b->span},
                      0.7};
}

std::optional<PairConflict> ComparePolarity(const ClaimModel& a, const ClaimModel& b) {
  if (a.negated == b.negated) return std::nullopt;
  const ClaimModel& neg = a.negated ? a : b;
  const ClaimModel& pos = a.negated ? b : a;
  // The negation must cover words the other claim asserts.
  std::set<std::string> pos_stems(pos.stems.begin(), pos.stems.end());
  // ... starting with the word right after the negation: "did not sign" against "signed",
  // not "would not veto a plan" against another sentence about the plan.
  if (neg.negated_stems.empty() || !pos_stems.count(neg.negated_stems.front())) {
    return std::nullopt;
  }
  int shared = 0;
  for (const auto& s : neg.negated_stems) shared += pos_stems.count(s) ? 1 : 0;
  if (shared < 2) return std::nullopt;
  // "Expected" and "not expected before" speak of plans, not of what happened.
  if (pos.modality == align::Modality::kExpected || neg.modality == align::Modality::kExpected) {
    return std::nullopt;
  }
  Side sa{a.negated ? "did not happen" : "happened", a.claim.span};
  Side sb{b.negated ? "did not happen" : "happened", b.claim.span};
  return PairConflict{FindingKind::kPolarity, "whether it happened", sa, sb, 0.75};
}

std::optional<PairConflict> CompareQuotes(const ClaimModel& a, const ClaimModel& b,
                                          const Document& da, const Document& db) {
  for (const auto& qa : a.quotes) {
    for (const auto& qb : b.quotes) {
      const auto wa = Words(TextAt(da, qa.span));
      const auto wb = Words(TextAt(db, qb.span));
      if (wa.size() < 3 || wb.size() < 3) continue;
      const double overlap = Jaccard(wa, wb);
      const bool same_speaker = align::SameEntity(qa.speaker, qb.speaker);
      const bool both_known = !qa.speaker.empty() && !qb.speaker.empty();
      if (overlap >= 0.6 && both_known && !same_speaker) {
        return PairConflict{FindingKind::kAttribution,
                            "who said it",
                            {qa.speaker, qa.span},
                            {qb.speaker, qb.span},
                            0.8};
      }
      if (same_speaker && overlap < 0.15 && wa.size() <= 15 && wb.size() <= 15 &&
          StemJaccard(a, b) >= 0.2) {
        return PairConflict{FindingKind::kQuote,
                            "what " + qa.speaker + " said",
                            {"\"" + TextAt(da, qa.span) + "\"", qa.span},
                            {"\"" + TextAt(db, qb.span) + "\"", qb.span},
                            0.6};
      }
    }
  }
  return std::nullopt;
}

std::optional<PairConflict> CompareActs(const ClaimModel& a, const ClaimModel& b) {
  for (const auto& xa : a.acts) {
    for (const auto& xb : b.acts) {
      if (xa.kind != xb.kind) continue;
      if (align::SameEntity(xa.agent, xb.agent)) return std::nullopt;
      return PairConflict{FindingKind::kAttribution,
                          "who took the initiative",
                          {xa.agent, xa.span},
                          {xb.agent, xb.span},
                          0.6};
    }
  }
  return std::nullopt;
}

// Two aligned claims naming different venues, or different titled people in the same role.
std::optional<PairConflict> CompareEntities(const ClaimModel& a, const ClaimModel& b) {
  if (StemJaccard(a, b) < 0.15) return std::nullopt;
  auto unmatched = [](const ClaimModel& x, const ClaimModel& y) {
    std::vector<const align::Entity*> out;
    for (const auto& e : x.entities) {
      bool found = false;
      for (const auto& f : y.entities) found = found || align::SameEntity(e.key, f.key);
      // Who is credited with the words is attribution's business, not entity's.
      if (!found && !align::SameEntity(e.key, x.speaker)) out.push_back(&e);
    }
    return out;
  };
  auto matched_all = [](const ClaimModel& x, const ClaimModel& y,
                        bool (*kind)(const std::string&)) {
    // y names no entity of this kind that x also names under another alias.
    for (const auto& e : y.entities) {
      if (!kind(e.key)) continue;
      for (const auto& f : x.entities) {
        if (kind(f.key) && align::SameEntity(e.key, f.key)) return true;
      }
    }
    return false;
  };
  const auto ua = unmatched(a, b);
  const auto ub = unmatched(b, a);
  for (auto kind : {&align::IsVenue, &align::IsTitledPerson}) {
    if (matched_all(a, b, kind)) continue;  // they share one such entity: no contradiction
    for (const auto* ea : ua) {
      if (!kind(ea->key)) continue;
      for (const auto* eb : ub) {
        if (!kind(eb->key)) continue;
        const bool venue = kind == &align::IsVenue;
        return PairConflict{FindingKind::kEntity,
                            venue ? "where it happened" : "who was involved",
                            {ea->surface, ea->span},
                            {eb->surface, eb->span},
                            venue ? 0.7 : 0.55};
      }
    }
  }
  return std::nullopt;
}

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

struct FindingBuilder {
  FindingKind kind;
  std::string topic;
  double confidence = 0;
  // claim index -> value said
  std::map<size_t, Side> sides;
};

}  // namespace

Comparison CompareClusters(const std::vector<Document>& documents,
                           const align::Alignment& alignment, const CompareOptions& options) {
  Comparison out;
  out.clusters = alignment.clusters;
  std::vector<Finding> omissions;
  size_t full_documents = 0;
  for (const auto& d : documents) full_documents += d.partial ? 0 : 1;

  for (size_t k = 0; k < alignment.clusters.size(); ++k) {
    const auto& members = alignment.cluster_members[k];
    std::set<size_t> docs;
    for (size_t m : members) docs.insert(alignment.claims[m].document_index);
    Cluster& cluster = out.clusters[k];
    cluster.verdict = docs.size() >= 2 ? Verdict::kAgree : Verdict::kSingle;
    if (docs.size() < 2) continue;

    std::map<std::pair<FindingKind, std::string>, FindingBuilder> builders;
    // Every claim is compared with the cluster's first kMaxAnchors claims, not with every
    // other: work stays linear in cluster size (a cluster of replicated wire copy can hold
    // thousands), and a disagreement still meets one of the anchors.
    constexpr size_t kMaxAnchors = 48;
    for (size_t x = 0; x < std::min(members.size(), kMaxAnchors); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        const ClaimModel& a = alignment.claims[members[x]];
        const ClaimModel& b = alignment.claims[members[y]];
        if (a.document_index == b.document_index) continue;  // outlets are compared, not lines
        const Document& da = documents[a.document_index];
        const Document& db = documents[b.document_index];
        for (auto conflict :
             {CompareQuantities(a, b), CompareDates(a, b), ComparePolarity(a, b),
              CompareQuotes(a, b, da, db), CompareActs(a, b), CompareEntities(a, b)}) {
          if (!conflict) continue;
          // One finding per kind and topic: a vote tally and an amount are two disagreements.
          FindingBuilder& f = builders[{conflict->kind, conflict->topic}];
          f.kind = conflict->kind;
          if (f.topic.empty()) f.topic = conflict->topic;
          f.confidence = std::max(f.confidence, conflict->confidence);
          f.sides.emplace(members[x], conflict->a);
          f.sides.emplace(members[y], conflict->b);
        }
      }
    }
    for (auto& [key, f] : builders) {
      const FindingKind kind = key.first;
      Finding finding;
      finding.kind = kind;
      finding.cluster_id = cluster.id;
      finding.confidence = f.confidence;
      finding.severity = SeverityOf(kind, f.confidence);
      // Group the sides by value, in order of first appearance.
      std::vector<std::pair<std::string, std::vector<std::string>>> groups;
      for (const auto& [index, side] : f.sides) {
        const ClaimModel& c = alignment.claims[index];
        const Document& doc = documents[c.document_index];
        finding.claim_ids.push_back(c.claim.id);
        finding.values.push_back({doc.id, c.claim.id, side.value, side.evidence});
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&value = side.value](const auto& g) { return g.first == value; });
        if (it == groups.end()) {
          groups.push_back({side.value, {}});
          it = groups.end() - 1;
        }
        it->second.push_back(doc.outlet.empty() ? doc.id : doc.outlet);
      }
      std::string summary = "Outlets disagree on " + f.topic + ": ";
      for (size_t g = 0; g < groups.size(); ++g) {
        if (g > 0) summary += g + 1 == groups.size() ? ", but " : ", ";
        summary += JoinOutlets(groups[g].second) +
                   (groups[g].second.size() > 1 ? " say " : " says ") + groups[g].first;
      }
      finding.summary = summary + ".";
      out.findings.push_back(std::move(finding));
      cluster.verdict = Verdict::kConflict;
    }

    // Omission: a fact most full documents report that a full document leaves out.
    if (options.report_omissions && full_documents >= 4 && docs.size() >= 3 &&
        docs.size() < full_documents &&
        static_cast<double>(docs.size()) >= options.omission_share * full_documents) {
      for (size_t d = 0; d < documents.size(); ++d) {
        if (docs.count(d) || documents[d].partial) continue;
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
        o.summary = missing + " does not report what " + std::to_string(docs.size()) +
                    " other outlets do: \"" + alignment.claims[members.front()].claim.text + "\"";
        omissions.push_back(std::move(o));
      }
    }
  }
  for (auto& o : omissions) out.findings.push_back(std::move(o));
  for (size_t i = 0; i < out.findings.size(); ++i) out.findings[i].id = "f" + std::to_string(i + 1);
  return out;
}

}  // namespace parallax::compare
