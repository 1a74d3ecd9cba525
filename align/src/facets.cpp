// Value facets. Each quantity, resolved date and credited act of a claim is a mention with a
// class (what kind of value: "h", "USD", "tally", "count:drone", "date", "act:initiative"), an
// interval of values it allows (or an agent), and the stems around it. Mentions of one class in
// different documents are linked when the words around them, the claims they sit in and their
// values say they report one thing; links are merged best first (average linkage, as for
// statements) into facets holding at most one mention of a document's body and one of its
// headline, which restates the lead.
#include "facets.h"

#include "weighted_sets.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace parallax::align {
namespace {

constexpr size_t kMaxMentionsPerClaim = 8;
constexpr size_t kAllPairsUpTo = 24;  // a posting this small links all its pairs; a larger one
constexpr size_t kChainWindow = 8;    // links each member to the next 8 (near-duplicate copies)
constexpr double kLinkThreshold = 0.34;
constexpr double kFacetLinkage = 0.30;

struct Mention {
  uint32_t claim = 0;
  uint32_t document = 0;
  ClusterBasis kind = ClusterBasis::kQuantity;
  std::string value_class;
  double low = 0, high = 0;  // the values it allows, tolerance included
  std::string value_key;     // the value as stated, coarsely: nominates pairs
  std::vector<std::string> context;
  std::vector<uint32_t> context_ids;  // sorted, unique ids of `context` (see step 2)
  double context_norm = 0;
  uint32_t slot = 0;          // document * 2 + 1 for a headline: a facet holds one mention per slot
  double value_share = 0;     // of the mentions of its class, the share stating its value
  bool zone_unknown = false;  // a clock time on an unknown zone's wall clock ("2pm local time")
  std::string clock;          // that wall clock's name (DateRef::clock)
};

double DayNumber(int year, int month, int day) {
  using namespace std::chrono;
  const year_month_day ymd{std::chrono::year{year},
                           std::chrono::month{static_cast<unsigned>(month)},
                           std::chrono::day{static_cast<unsigned>(day)}};
  return static_cast<double>(sys_days{ymd}.time_since_epoch().count());
}

void AddQuantity(const Quantity& q, Mention& m) {
  m.kind = ClusterBasis::kQuantity;
  m.value_class = q.noun.empty() ? q.unit : q.unit + ":" + q.noun;
  double low = q.low, high = q.high;
  const double slack = std::max(q.resolution / 2, 0.01 * std::abs(high));
  switch (q.bound) {
    case Bound::kApprox:
      low -= ApproximationMargin(q, low), high += ApproximationMargin(q, high);
      break;
    case Bound::kAtLeast:
      high = std::numeric_limits<double>::infinity();
      break;
    case Bound::kAtMost:
    case Bound::kUpTo:
      low = 0;
      break;
    default:
      break;
  }
  m.low = low - slack;
  m.high = high + slack;
  char key[48];
  std::snprintf(key, sizeof key, "%.2g", q.low);
  m.value_key = key;
  m.context = q.context;
}

bool AddDate(const DateRef& d, Mention& m) {
  if (d.year <= 0) return false;
  m.kind = ClusterBasis::kDate;
  m.value_class = "date";
  if (d.month == 0) {
    // A bare year ("in 2031") is its own class: set against a day or month it mostly meets
    // background ("the last round, in 2024") rather than the same fact told more precisely.
    m.value_class = "year";
    m.low = d.no_later ? -std::numeric_limits<double>::infinity() : DayNumber(d.year, 1, 1);
    m.high = DayNumber(d.year, 12, 31);
  } else if (d.day == 0) {
    m.low = DayNumber(d.year, d.month, 1);
    m.high = DayNumber(d.month == 12 ? d.year + 1 : d.year, d.month == 12 ? 1 : d.month + 1, 1) - 1;
  } else {
    m.low = m.high = DayNumber(d.year, d.month, d.day);
  }
  m.value_key = (d.no_later ? "by " : "") + std::to_string(d.year) + "-" + std::to_string(d.month) +
                "-" + std::to_string(d.day);
  m.context = d.context;
  // A clock time is its own class, in minutes: UTC when its zone is known, the wall clock when
  // not (then its value only weakly says which time it is; see `zone_unknown`).
  if (d.day > 0 && d.minute_low >= 0) {
    m.value_class = "time";
    const double offset = d.zone == DateRef::Zone::kUnknown ? 0 : d.utc_offset_minutes;
    m.low = m.low * 1440 + d.minute_low - offset;
    m.high = m.high * 1440 + d.minute_high - offset;
    m.zone_unknown = d.zone == DateRef::Zone::kUnknown;
    m.clock = m.zone_unknown ? d.clock : std::string();
    m.value_key += " " + std::to_string(static_cast<long>(m.low));
  }
  return true;
}

}  // namespace

std::vector<FacetCluster> FindFacets(
    const std::vector<ClaimModel>& claims, const std::vector<size_t>& document_events,
    const std::function<double(size_t, size_t)>& claim_similarity) {
  // 1. Mentions.
  std::vector<Mention> mentions;
  for (size_t c = 0; c < claims.size(); ++c) {
    const ClaimModel& claim = claims[c];
    size_t taken = 0;
    auto push = [&](Mention m) {
      if (taken++ >= kMaxMentionsPerClaim) return;
      m.claim = static_cast<uint32_t>(c);
      m.document = static_cast<uint32_t>(claim.document_index);
      m.slot = m.document * 2 + (claim.claim.field == ClaimField::kTitle ? 1 : 0);
      mentions.push_back(std::move(m));
    };
    for (const Quantity& q : claim.quantities) {
      if (q.unit == "ordinal") continue;  // "first", "14th": names, not measures
      Mention m;
      AddQuantity(q, m);
      // A figure of an earlier year lines up with figures of that year only.
      if (q.earlier != 0) m.value_class += "@" + std::to_string(q.earlier);
      push(std::move(m));
    }
    for (const DateRef& d : claim.dates) {
      Mention m;
      if (!AddDate(d, m)) continue;
      if (d.earlier != 0) m.value_class += "@" + std::to_string(d.earlier);
      if (d.ahead) m.value_class += ":ahead";
      push(std::move(m));
    }
    // Acts credited to someone ("proposed by X", "at the invitation of Y"): what the act is
    // about is the whole claim, so its stems are the context; the agent is the value.
    for (const Act& act : claim.acts) {
      if (act.agent.empty()) continue;
      Mention m;
      m.kind = ClusterBasis::kAct;
      m.value_class = "act:" + act.kind;
      // Judges line up with judges, landfalls with landfalls.
      if (act.kind == "title" || act.kind == "place") m.value_class += ":" + act.object;
      m.value_key = act.agent;
      m.context = claim.stems;
      push(std::move(m));
    }
  }
  const size_t n = mentions.size();
  if (n < 2) return {};

  // 2. Stem weights: inverse claim frequency; each mention's context as sorted stem ids.
  std::unordered_map<std::string, uint32_t> stem_id;
  std::vector<uint32_t> frequency;
  for (const auto& c : claims) {
    std::unordered_set<std::string> unique(c.stems.begin(), c.stems.end());
    for (const auto& stem : unique) {
      auto [it, added] = stem_id.emplace(stem, static_cast<uint32_t>(frequency.size()));
      if (added) frequency.push_back(0);
      ++frequency[it->second];
    }
  }
  std::vector<double> weight(frequency.size());
  for (size_t f = 0; f < frequency.size(); ++f) {
    weight[f] = std::log(1.0 + static_cast<double>(claims.size()) / frequency[f]);
  }
  const double unseen = std::log(1.0 + static_cast<double>(claims.size()));
  for (Mention& m : mentions) {
    for (const auto& stem : m.context) {
      auto [it, added] = stem_id.emplace(stem, static_cast<uint32_t>(weight.size()));
      if (added) weight.push_back(unseen);  // a context word no claim counts as a stem
      m.context_ids.push_back(it->second);
    }
    std::sort(m.context_ids.begin(), m.context_ids.end());
    m.context_ids.erase(std::unique(m.context_ids.begin(), m.context_ids.end()),
                        m.context_ids.end());
    m.context_norm = WeightedNorm(m.context_ids, weight);
  }

  // 3. Candidate pairs: mentions of one class sharing a context stem or a stated value.
  std::unordered_map<std::string, std::vector<uint32_t>> postings;
  for (size_t i = 0; i < n; ++i) {
    const Mention& m = mentions[i];
    postings[m.value_class + "|=" + m.value_key].push_back(static_cast<uint32_t>(i));
    for (const auto& s : m.context) postings[m.value_class + "|" + s].push_back(i);
  }
  std::vector<uint64_t> candidates;
  for (auto& [key, members] : postings) {
    members.erase(std::unique(members.begin(), members.end()), members.end());
    const size_t window = members.size() <= kAllPairsUpTo ? members.size() : kChainWindow;
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size() && y <= x + window; ++y) {
        const uint32_t dx = mentions[members[x]].document, dy = mentions[members[y]].document;
        if (dx == dy || document_events[dx] != document_events[dy]) continue;
        candidates.push_back((static_cast<uint64_t>(members[x]) << 32) | members[y]);
      }
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  // Share of its class's mentions that state each mention's value, 0..1: once per mention,
  // not per candidate pair.
  {
    std::unordered_map<std::string, uint32_t> class_count, value_count;
    for (const Mention& m : mentions) {
      ++class_count[m.value_class];
      ++value_count[m.value_class + "|=" + m.value_key];
    }
    for (Mention& m : mentions) {
      m.value_share = static_cast<double>(value_count[m.value_class + "|=" + m.value_key]) /
                      class_count[m.value_class];
    }
  }

  // 4. Scores: what the values are said about, how alike the claims are, and whether the values
  // can both be true: the same figure stated twice is likelier one fact than two clashing ones.
  // A pair that is each other's best match between their two documents scores higher.
  struct Edge {
    double score;
    uint32_t a, b;
    bool mutual = false;  // each is the other's best match between their two documents
  };
  std::vector<Edge> scored;
  scored.reserve(candidates.size());
  // (mention << 32 | other document, score): sorted by key, the best score of each key first.
  std::vector<std::pair<uint64_t, double>> best;
  best.reserve(2 * candidates.size());
  auto best_key = [](uint32_t mention, uint32_t document) {
    return (static_cast<uint64_t>(mention) << 32) | document;
  };
  for (uint64_t key : candidates) {
    const uint32_t a = static_cast<uint32_t>(key >> 32), b = static_cast<uint32_t>(key);
    const Mention& x = mentions[a];
    const Mention& y = mentions[b];
    const double context =
        WeightedCosine(x.context_ids, x.context_norm, y.context_ids, y.context_norm, weight);
    const double similar = claim_similarity(x.claim, y.claim);
    double value = 0;
    // The same value is strong evidence when few mentions of its class state it, weak when most
    // do (the day of the event itself): the bonus shrinks with the value's share of its class.
    const double common = std::max(x.value_share, y.value_share);
    if (x.kind == ClusterBasis::kAct) {
      // One agent under two aliases is likely one act; and acts of one kind are few in an
      // event (who proposed, who invited), so even two agents are likely one act told two ways.
      value = SameEntity(x.value_key, y.value_key) ? 0.3 : 0.1;
    } else if (x.zone_unknown != y.zone_unknown || x.clock != y.clock) {
      value = 0.1;  // two clocks that cannot be set side by side: neither agree nor clash
    } else if (x.value_key == y.value_key) {
      value = 0.3 * (1 - common);
    } else if (x.low <= y.high && y.low <= x.high) {
      value = 0.15 * (1 - common);
    }
    const double score = 0.45 * context + 0.35 * similar + value;
    scored.push_back({score, a, b, false});
    best.push_back({best_key(a, y.document), score});
    best.push_back({best_key(b, x.document), score});
  }
  std::sort(best.begin(), best.end(), [](const auto& l, const auto& r) {
    return l.first != r.first ? l.first < r.first : l.second > r.second;
  });
  auto best_of = [&](uint32_t mention, uint32_t document) {
    const uint64_t key = best_key(mention, document);
    auto it = std::lower_bound(best.begin(), best.end(), key,
                               [](const auto& entry, uint64_t k) { return entry.first < k; });
    return it != best.end() && it->first == key ? it->second : 0.0;
  };
  std::vector<Edge> edges;  // links that may start a merge
  std::vector<std::vector<std::pair<uint32_t, double>>> adjacency(n);  // every score, for linkage
  for (Edge& e : scored) {
    const bool mutual = best_of(e.a, mentions[e.b].document) == e.score &&
                        best_of(e.b, mentions[e.a].document) == e.score;
    e.mutual = mutual && e.score > 0.1;
    if (e.mutual) e.score += 0.2;
    adjacency[e.a].push_back({e.b, e.score});
    adjacency[e.b].push_back({e.a, e.score});
    if (e.score >= kLinkThreshold) edges.push_back(e);
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& l, const Edge& r) {
    if (l.score != r.score) return l.score > r.score;
    return std::tie(l.a, l.b) < std::tie(r.a, r.b);
  });

  // 5. Greedy average-linkage merge, one mention per slot (document body or headline) per facet.
  UnionFind uf(n);
  std::vector<std::vector<uint32_t>> members_of(n);
  std::vector<std::unordered_set<uint32_t>> documents_of(n);  // slots held
  for (size_t i = 0; i < n; ++i) {
    members_of[i] = {static_cast<uint32_t>(i)};
    documents_of[i] = {mentions[i].slot};
  }
  // Joins the facets rooted at `ra` and `rb` (roots, distinct); the bookkeeping moves to the
  // new root.
  auto merge = [&](size_t ra, size_t rb) {
    uf.Union(ra, rb);
    const size_t root = uf.Find(ra);
    const size_t other = root == ra ? rb : ra;
    members_of[root].insert(members_of[root].end(), members_of[other].begin(),
                            members_of[other].end());
    members_of[other].clear();
    members_of[other].shrink_to_fit();
    documents_of[root].insert(documents_of[other].begin(), documents_of[other].end());
    documents_of[other].clear();
  };
  for (const Edge& e : edges) {
    size_t ra = uf.Find(e.a), rb = uf.Find(e.b);
    if (ra == rb) continue;
    if (members_of[ra].size() > members_of[rb].size()) std::swap(ra, rb);
    bool shared_document = false;
    for (uint32_t d : documents_of[ra])
      shared_document = shared_document || documents_of[rb].count(d);
    if (shared_document) continue;
    double total = 0;
    for (uint32_t x : members_of[ra]) {
      for (const auto& [y, score] : adjacency[x]) {
        if (uf.Find(y) == rb) total += score;
      }
    }
    const double pairs = static_cast<double>(members_of[ra].size() * members_of[rb].size());
    if (total / pairs < kFacetLinkage) continue;
    merge(ra, rb);
  }

  // 5b. A lone dissenter: a mention left alone whose best link is a mutual best match into a
  // facet (the one account giving another figure scores below the agreeing ones, so average
  // linkage keeps it out) joins that facet when its slot is free, so the clash is compared.
  for (const Edge& e : edges) {  // best first
    for (auto [lone, partner] : {std::pair{e.a, e.b}, std::pair{e.b, e.a}}) {
      if (members_of[lone].size() != 1 || uf.Find(lone) != lone) continue;
      const size_t root = uf.Find(partner);
      if (root == lone || members_of[root].size() < 2) continue;
      if (!e.mutual) continue;
      if (documents_of[root].count(mentions[lone].slot)) continue;
      merge(lone, root);
    }
  }

  // 5c. A headline restates its article's lead: a mention left alone joins the facet of a
  // mention of the same value and class in its own document's other part (a headline's in the
  // body's facet, a body's in the headline's).
  {
    std::unordered_map<std::string, std::vector<uint32_t>> by_value;  // doc|class|value
    auto key_of = [&](const Mention& m) {
      return std::to_string(m.document) + "|" + m.value_class + "|" + m.value_key;
    };
    for (uint32_t i = 0; i < n; ++i) by_value[key_of(mentions[i])].push_back(i);
    for (uint32_t lone = 0; lone < n; ++lone) {
      if (members_of[lone].size() != 1 || uf.Find(lone) != lone) continue;
      for (uint32_t same : by_value[key_of(mentions[lone])]) {
        if (mentions[same].slot == mentions[lone].slot) continue;  // the other part only
        const size_t root = uf.Find(same);
        if (members_of[root].size() < 2 || documents_of[root].count(mentions[lone].slot)) continue;
        merge(lone, root);
        break;
      }
    }
  }

  // 6. Facets spanning two or more documents, in order of their first mention.
  std::vector<FacetCluster> out;
  for (size_t i = 0; i < n; ++i) {
    if (uf.Find(i) != i) continue;
    std::unordered_set<uint32_t> documents;
    for (uint32_t slot : documents_of[i]) documents.insert(slot / 2);
    if (documents.size() < 2) continue;
    FacetCluster f;
    f.kind = mentions[i].kind;
    for (uint32_t m : members_of[i]) f.members.push_back(mentions[m].claim);
    std::sort(f.members.begin(), f.members.end());
    f.members.erase(std::unique(f.members.begin(), f.members.end()), f.members.end());
    out.push_back(std::move(f));
  }
  std::sort(out.begin(), out.end(), [](const FacetCluster& l, const FacetCluster& r) {
    return l.members.front() < r.members.front();
  });
  return out;
}

}  // namespace parallax::align
