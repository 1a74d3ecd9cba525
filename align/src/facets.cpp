// Value facets. Each quantity and each resolved date of a claim is a mention with a class (what
// kind of value: "h", "USD", "tally", "count:drone", "date"), an interval of values it allows,
// and the stems around it. Mentions of one class in different documents are linked when the
// words around them, the claims they sit in and their values say they report one thing; links
// are merged best first into facets holding at most one mention per document (average linkage,
// as for statements).
#include "facets.h"

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
      low *= 0.85, high *= 1.15;
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
    m.low = DayNumber(d.year, 1, 1);
    m.high = DayNumber(d.year, 12, 31);
  } else if (d.day == 0) {
    m.low = DayNumber(d.year, d.month, 1);
    m.high = DayNumber(d.month == 12 ? d.year + 1 : d.year, d.month == 12 ? 1 : d.month + 1, 1) - 1;
  } else {
    m.low = m.high = DayNumber(d.year, d.month, d.day);
  }
  m.value_key =
      std::to_string(d.year) + "-" + std::to_string(d.month) + "-" + std::to_string(d.day);
  m.context = d.context;
  return true;
}

double WeightedCosine(const std::vector<std::string>& a, const std::vector<std::string>& b,
                      const std::unordered_map<std::string, double>& weight, double unseen) {
  auto w = [&](const std::string& s) {
    auto it = weight.find(s);
    return it == weight.end() ? unseen : it->second;
  };
  std::unordered_set<std::string> sa(a.begin(), a.end()), sb(b.begin(), b.end());
  double dot = 0, na = 0, nb = 0;
  for (const auto& s : sa) {
    const double x = w(s);
    na += x * x;
    if (sb.count(s)) dot += x * x;
  }
  for (const auto& s : sb) nb += w(s) * w(s);
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) {
    for (size_t i = 0; i < n; ++i) parent_[i] = i;
  }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Union(size_t a, size_t b) { parent_[Find(a)] = Find(b); }

 private:
  std::vector<size_t> parent_;
};

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
      mentions.push_back(std::move(m));
    };
    for (const Quantity& q : claim.quantities) {
      if (q.unit == "ordinal") continue;  // "first", "14th": names, not measures
      Mention m;
      AddQuantity(q, m);
      push(std::move(m));
    }
    for (const DateRef& d : claim.dates) {
      Mention m;
      if (AddDate(d, m)) push(std::move(m));
    }
  }
  const size_t n = mentions.size();
  if (n < 2) return {};

  // 2. Stem weights: inverse claim frequency within the event.
  std::unordered_map<std::string, double> weight;
  {
    std::unordered_map<std::string, uint32_t> frequency;
    for (const auto& c : claims) {
      std::unordered_set<std::string> unique(c.stems.begin(), c.stems.end());
      for (const auto& s : unique) ++frequency[s];
    }
    for (const auto& [stem, f] : frequency) {
      weight[stem] = std::log(1.0 + static_cast<double>(claims.size()) / f);
    }
  }
  const double unseen = std::log(1.0 + static_cast<double>(claims.size()));

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

  // 4. Scores: what the values are said about, how alike the claims are, and whether the values
  // can both be true: the same figure stated twice is likelier one fact than two clashing ones.
  // A pair that is each other's best match between their two documents scores higher.
  struct Edge {
    double score;
    uint32_t a, b;
  };
  std::vector<Edge> scored;
  scored.reserve(candidates.size());
  std::unordered_map<uint64_t, double> best;  // (mention, other document) -> best score
  auto best_key = [](uint32_t mention, uint32_t document) {
    return (static_cast<uint64_t>(mention) << 32) | document;
  };
  for (uint64_t key : candidates) {
    const uint32_t a = static_cast<uint32_t>(key >> 32), b = static_cast<uint32_t>(key);
    const Mention& x = mentions[a];
    const Mention& y = mentions[b];
    const double context = WeightedCosine(x.context, y.context, weight, unseen);
    const double similar = claim_similarity(x.claim, y.claim);
    double value = 0;
    if (x.value_key == y.value_key) {
      value = 0.3;
    } else if (x.low <= y.high && y.low <= x.high) {
      value = 0.15;
    }
    const double score = 0.45 * context + 0.35 * similar + value;
    scored.push_back({score, a, b});
    for (auto [m, d] : {std::pair{a, y.document}, std::pair{b, x.document}}) {
      double& top = best[best_key(m, d)];
      top = std::max(top, score);
    }
  }
  std::vector<Edge> edges;  // links that may start a merge
  std::vector<std::vector<std::pair<uint32_t, double>>> adjacency(n);  // every score, for linkage
  for (Edge& e : scored) {
    const bool mutual = best[best_key(e.a, mentions[e.b].document)] == e.score &&
                        best[best_key(e.b, mentions[e.a].document)] == e.score;
    if (mutual && e.score > 0.1) e.score += 0.2;
    adjacency[e.a].push_back({e.b, e.score});
    adjacency[e.b].push_back({e.a, e.score});
    if (e.score >= kLinkThreshold) edges.push_back(e);
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& l, const Edge& r) {
    if (l.score != r.score) return l.score > r.score;
    return std::tie(l.a, l.b) < std::tie(r.a, r.b);
  });

  // 5. Greedy average-linkage merge, one mention per document per facet.
  UnionFind uf(n);
  std::vector<std::vector<uint32_t>> members_of(n);
  std::vector<std::unordered_set<uint32_t>> documents_of(n);
  for (size_t i = 0; i < n; ++i) {
    members_of[i] = {static_cast<uint32_t>(i)};
    documents_of[i] = {mentions[i].document};
  }
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
    uf.Union(ra, rb);
    const size_t root = uf.Find(ra);
    const size_t other = root == ra ? rb : ra;
    members_of[root].insert(members_of[root].end(), members_of[other].begin(),
                            members_of[other].end());
    members_of[other].clear();
    members_of[other].shrink_to_fit();
    documents_of[root].insert(documents_of[other].begin(), documents_of[other].end());
    documents_of[other].clear();
  }

  // 6. Facets spanning two or more documents, in order of their first mention.
  std::vector<FacetCluster> out;
  for (size_t i = 0; i < n; ++i) {
    if (uf.Find(i) != i || documents_of[i].size() < 2) continue;
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
