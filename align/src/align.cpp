// Claims from documents, then clusters of equivalent claims across documents.
//
// Each claim is a set of features: content stems, identifying name tokens, and resolved dates.
// Features are weighted by inverse claim frequency within the event, so words every outlet uses
// ("talks", the main actors) count little and specific ones ("pork", "guesthouse") a lot.
// Candidate pairs come from MinHash signatures (xxHash-seeded) bucketed by LSH bands, plus an
// inverted index over rare features; both keep the work near-linear in the number of claims.
// Candidates are scored by weighted cosine and merged greedily, best pair first, into clusters
// that hold at most one claim per document.
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "claim_reader.h"
#include "parallax/align/align.h"

namespace parallax::align {
namespace {

constexpr size_t kMaxPosting = 64;    // a feature in more claims than this does not nominate pairs
constexpr size_t kAllPairsUpTo = 24;  // a bucket this small nominates all its pairs; a larger
constexpr size_t kChainWindow = 8;    // one (near-duplicates) links each member to the next 8

struct FeatureSet {
  std::vector<uint32_t> ids;  // sorted, unique
  double norm = 0;            // sqrt(sum of squared weights)
};

bool WorthAClaim(const ClaimModel& c) {
  return c.stems.size() >= 3 || !c.quotes.empty() || !c.quantities.empty();
}

std::vector<std::string> FeaturesOf(const ClaimModel& c) {
  std::vector<std::string> f;
  f.reserve(c.stems.size() + c.dates.size());
  for (const auto& s : c.stems) f.push_back(s);
  // What a quantity measures, and its value to two significant digits: claims stating the same
  // figure in different words ("nearly four hours", "a four-hour meeting") share both.
  for (const auto& q : c.quantities) {
    const std::string kind = "qty:" + q.unit + ":" + q.noun;
    f.push_back(kind);
    char value[32];
    std::snprintf(value, sizeof value, "%.2g", q.low);
    f.push_back(kind + "=" + value);
  }
  // Slots: the role a claim fills (where it happened, who took the initiative), so accounts
  // naming different venues or actors for the same act can still be lined up.
  for (const auto& e : c.entities) {
    if (IsVenue(e.key)) {
      f.push_back("slot:venue");
      break;
    }
  }
  for (const auto& a : c.acts) f.push_back("slot:" + a.kind);
  for (const auto& d : c.dates) {
    if (d.day > 0) {
      f.push_back("date:" + std::to_string(d.year) + "-" + std::to_string(d.month) + "-" +
                  std::to_string(d.day));
    }
  }
  return f;
}

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Union(size_t a, size_t b) { parent_[Find(a)] = Find(b); }

 private:
  std::vector<size_t> parent_;
};

}  // namespace

Alignment AlignDocuments(const std::vector<Document>& documents, const AlignOptions& options) {
  Alignment out;
  // 1. Claims.
  for (size_t d = 0; d < documents.size(); ++d) {
    const Document& doc = documents[d];
    DocumentContext context;
    context.published = doc.published.value_or("");
    for (const Span& sentence : SplitSentences(doc.text)) {
      for (Span span : SplitClauses(doc.text, sentence)) {
        if (span.size() > options.max_sentence_bytes) {
          span.end = span.begin + options.max_sentence_bytes;
          // Never cut inside a UTF-8 sequence: back off over continuation bytes.
          while (span.end > span.begin &&
                 (static_cast<unsigned char>(doc.text[span.end]) & 0xC0) == 0x80) {
            --span.end;
          }
        }
        ClaimModel claim = ReadClaim(doc.text, span, context);
        if (!WorthAClaim(claim)) continue;
        claim.document_index = d;
        claim.claim.document_id = doc.id;
        claim.claim.id = "c" + std::to_string(out.claims.size() + 1);
        out.claims.push_back(std::move(claim));
      }
    }
  }
  const size_t n = out.claims.size();

  // 2. Features and weights.
  std::unordered_map<std::string, uint32_t> feature_id;
  std::vector<uint32_t> frequency;
  std::vector<FeatureSet> sets(n);
  for (size_t i = 0; i < n; ++i) {
    for (const std::string& f : FeaturesOf(out.claims[i])) {
      auto [it, added] = feature_id.emplace(f, static_cast<uint32_t>(feature_id.size()));
      if (added) frequency.push_back(0);
      sets[i].ids.push_back(it->second);
    }
    auto& ids = sets[i].ids;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (uint32_t id : ids) ++frequency[id];
  }
  std::vector<double> weight(frequency.size());
  for (size_t f = 0; f < frequency.size(); ++f) {
    weight[f] = std::log(1.0 + static_cast<double>(n) / frequency[f]);
  }
  for (auto& s : sets) {
    double sum = 0;
    for (uint32_t id : s.ids) sum += weight[id] * weight[id];
    s.norm = std::sqrt(sum);
  }

  // 3. Candidate pairs: LSH over MinHash signatures, and shared rare features.
  std::vector<std::string> feature_name(feature_id.size());
  for (const auto& [name, id] : feature_id) feature_name[id] = name;
  std::unordered_set<uint64_t> candidates;
  auto add_pair = [&](size_t a, size_t b) {
    if (out.claims[a].document_index == out.claims[b].document_index) return;
    if (a > b) std::swap(a, b);
    candidates.insert((static_cast<uint64_t>(a) << 32) | b);
  };
  const int permutations = std::max(1, options.minhash_permutations);
  const int bands = std::clamp(options.lsh_bands, 1, permutations);
  const int rows = permutations / bands;
  std::unordered_map<uint64_t, std::vector<uint32_t>> buckets;
  std::vector<uint64_t> signature(permutations);
  for (size_t i = 0; i < n; ++i) {
    if (sets[i].ids.empty()) continue;
    std::fill(signature.begin(), signature.end(), UINT64_MAX);
    for (uint32_t id : sets[i].ids) {
      const std::string& name = feature_name[id];
      for (int p = 0; p < permutations; ++p) {
        signature[p] = std::min(signature[p], XXH64(name.data(), name.size(), p));
      }
    }
    for (int b = 0; b < bands; ++b) {
      const uint64_t key = XXH64(&signature[b * rows], rows * sizeof(uint64_t), 1000 + b);
      buckets[key].push_back(static_cast<uint32_t>(i));
    }
  }
  // Members of a large bucket agree on whole bands of their signature: near-duplicates
  // (replicated wire copy). Chaining each to a few neighbours keeps them connected without
  // nominating every pair, so candidate pairs stay linear in the number of claims.
  auto nominate = [&](const std::vector<uint32_t>& members) {
    const size_t window = members.size() <= kAllPairsUpTo ? members.size() : kChainWindow;
    for (size_t x = 0; x < members.size(); ++x)
      for (size_t y = x + 1; y < members.size() && y <= x + window; ++y)
        add_pair(members[x], members[y]);
  };
  for (const auto& [key, members] : buckets) nominate(members);
  std::vector<std::vector<uint32_t>> postings(frequency.size());
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t id : sets[i].ids) {
      if (frequency[id] <= kMaxPosting) postings[id].push_back(static_cast<uint32_t>(i));
    }
  }
  for (const auto& members : postings) nominate(members);

  // 4. Score candidates (weighted cosine over shared features).
  struct Edge {
    double score;
    uint32_t a, b;
  };
  std::vector<Edge> edges;
  for (uint64_t key : candidates) {
    const uint32_t a = static_cast<uint32_t>(key >> 32), b = static_cast<uint32_t>(key);
    const auto& x = sets[a].ids;
    const auto& y = sets[b].ids;
    double dot = 0;
    size_t i = 0, j = 0;
    while (i < x.size() && j < y.size()) {
      if (x[i] < y[j])
        ++i;
      else if (y[j] < x[i])
        ++j;
      else {
        dot += weight[x[i]] * weight[x[i]];
        ++i, ++j;
      }
    }
    const double denom = sets[a].norm * sets[b].norm;
    const double score = denom > 0 ? dot / denom : 0;
    if (score >= options.link_threshold) edges.push_back({score, a, b});
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& l, const Edge& r) {
    if (l.score != r.score) return l.score > r.score;
    return std::tie(l.a, l.b) < std::tie(r.a, r.b);
  });

  // 5. Greedy merge, best pair first, never two claims of one document in a cluster, and only
  // while the merged cluster's members stay similar on average (average linkage), so one
  // loosely related sentence does not chain two facts together.
  // Cost: each merge scans the adjacency of the smaller cluster's members and merges the
  // smaller cluster's bookkeeping into the larger one's, so the whole pass is near-linear in
  // the number of edges.
  std::vector<std::vector<std::pair<uint32_t, double>>> adjacency(n);
  for (const Edge& e : edges) {
    adjacency[e.a].push_back({e.b, e.score});
    adjacency[e.b].push_back({e.a, e.score});
  }
  UnionFind uf(n);
  std::vector<std::vector<size_t>> members_of(n);
  std::vector<std::unordered_map<size_t, int>> documents_of(n);  // document -> claims in cluster
  for (size_t i = 0; i < n; ++i) {
    members_of[i] = {i};
    documents_of[i][out.claims[i].document_index] = 1;
  }
  for (const Edge& e : edges) {
    size_t ra = uf.Find(e.a), rb = uf.Find(e.b);
    if (ra == rb) continue;
    if (members_of[ra].size() > members_of[rb].size()) std::swap(ra, rb);  // ra is smaller
    const auto& da = documents_of[ra];
    const auto& db = documents_of[rb];
    bool too_many = false;
    size_t same_document_pairs = 0;
    for (const auto& [doc, count] : da) {
      auto it = db.find(doc);
      if (it == db.end()) continue;
      too_many = too_many || count + it->second > options.max_claims_per_document;
      same_document_pairs += static_cast<size_t>(count) * static_cast<size_t>(it->second);
    }
    if (too_many) continue;
    // Average linkage over the pairs from different documents; pairs without an edge count 0.
    double total = 0;
    for (size_t x : members_of[ra]) {
      for (const auto& [y, score] : adjacency[x]) {
        if (uf.Find(y) == rb) total += score;
      }
    }
    const size_t cross_pairs = members_of[ra].size() * members_of[rb].size() - same_document_pairs;
    if (cross_pairs == 0 || total / static_cast<double>(cross_pairs) < options.cluster_linkage) {
      continue;
    }
    uf.Union(ra, rb);
    const size_t root = uf.Find(ra);
    const size_t other = root == ra ? rb : ra;
    auto& members = members_of[root];
    members.insert(members.end(), members_of[other].begin(), members_of[other].end());
    members_of[other].clear();
    members_of[other].shrink_to_fit();
    auto& documents = documents_of[root];
    for (const auto& [doc, count] : documents_of[other]) documents[doc] += count;
    documents_of[other].clear();
  }

  // 6. Clusters in order of their first claim.
  std::unordered_map<size_t, size_t> cluster_of_root;
  for (size_t i = 0; i < n; ++i) {
    const size_t root = uf.Find(i);
    auto [it, added] = cluster_of_root.emplace(root, out.clusters.size());
    if (added) {
      Cluster c;
      c.id = "k" + std::to_string(out.clusters.size() + 1);
      out.clusters.push_back(std::move(c));
      out.cluster_members.emplace_back();
    }
    out.cluster_members[it->second].push_back(i);
  }

  // 7. A sentence may state several facts: a claim also joins the cluster of a claim it
  // strongly resembles, when that cluster has no claim of its document yet.
  std::vector<size_t> cluster_of(n);
  for (size_t k = 0; k < out.cluster_members.size(); ++k)
    for (size_t m : out.cluster_members[k]) cluster_of[m] = k;
  std::vector<int> extra(n, 0);
  std::vector<std::unordered_map<size_t, int>> cluster_documents(out.clusters.size());
  for (size_t k = 0; k < out.cluster_members.size(); ++k) {
    for (size_t m : out.cluster_members[k]) ++cluster_documents[k][out.claims[m].document_index];
  }
  for (const Edge& e : edges) {
    if (e.score < options.secondary_threshold) break;  // edges are sorted best first
    for (auto [from, to] : {std::pair{e.a, e.b}, std::pair{e.b, e.a}}) {
      const size_t k = cluster_of[to];
      if (k == cluster_of[from] || extra[from] >= options.max_extra_clusters) continue;
      int& same_document = cluster_documents[k][out.claims[from].document_index];
      if (same_document >= options.max_claims_per_document) continue;
      out.cluster_members[k].push_back(from);
      ++same_document;
      ++extra[from];
    }
  }
  for (size_t k = 0; k < out.clusters.size(); ++k) {
    auto& members = out.cluster_members[k];
    std::sort(members.begin(), members.end());
    for (size_t m : members) out.clusters[k].claim_ids.push_back(out.claims[m].claim.id);
  }
  return out;
}

}  // namespace parallax::align
