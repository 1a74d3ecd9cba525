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
#include <cctype>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>
#include <unordered_map>

#include "aliases.h"
#include "claim_reader.h"
#include "clock_times.h"
#include "copies.h"
#include "events.h"
#include "facets.h"
#include "parallax/align/align.h"
#include "publication.h"
#include "weighted_sets.h"

namespace parallax::align {
namespace {

constexpr size_t kMaxPosting = 64;    // a feature in more claims than this does not nominate pairs
constexpr size_t kAllPairsUpTo = 24;  // a bucket this small nominates all its pairs; a larger
constexpr size_t kChainWindow = 8;    // one (near-duplicates) links each member to the next 8
constexpr size_t kMaxQuoteShingles = 32;  // quoted three-word runs a claim is matched by
// Weight of a quote shingle relative to its rarity weight; 0.3 to 0.4 score alike on the
// labelled events, 0.5 and above let a shared quote outweigh what else the claims say.
constexpr double kQuoteShingleWeight = 0.3;

struct FeatureSet {
  std::vector<uint32_t> ids;  // sorted, unique
  double norm = 0;            // sqrt(sum of squared weights)
};

// A headline in Title Case ("Council Rams Through Rail Vote") capitalises every word, so its
// capitals say nothing about names: it is read lowercased (ASCII only, so byte offsets stay).
std::string HeadlineForReading(const std::string& title) {
  size_t words = 0, capitalised = 0;
  for (size_t i = 0; i < title.size(); ++i) {
    const bool starts =
        (i == 0 || title[i - 1] == ' ') && std::isalpha(static_cast<unsigned char>(title[i]));
    if (!starts) continue;
    size_t end = i;
    while (end < title.size() && std::isalpha(static_cast<unsigned char>(title[end]))) ++end;
    if (end - i < 4) continue;  // "a", "of", "the", "on": lowercase even in Title Case
    ++words;
    capitalised += std::isupper(static_cast<unsigned char>(title[i])) ? 1 : 0;
  }
  if (words < 3 || capitalised * 10 < words * 8) return title;
  std::string lower = title;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

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
  // Quoted words, three at a time: two outlets quoting one utterance share runs of its exact
  // words, which bare stems weighed by rarity miss when the words are the story's everyday ones
  // ("we are not walking out on our patients"). At most kMaxQuoteShingles per claim.
  size_t shingles = 0;
  for (const auto& q : c.quotes) {
    const std::vector<std::string>& words = q.words;
    for (size_t w = 0; w + 2 < words.size() && shingles < kMaxQuoteShingles; ++w, ++shingles) {
      f.push_back("qs:" + words[w] + " " + words[w + 1] + " " + words[w + 2]);
    }
  }
  for (const auto& d : c.dates) {
    if (d.day > 0 && !d.day_inferred) {
      f.push_back("date:" + std::to_string(d.year) + "-" + std::to_string(d.month) + "-" +
                  std::to_string(d.day));
    }
  }
  return f;
}

// Weighted cosine of two feature sets, 0..1.
double Cosine(const FeatureSet& a, const FeatureSet& b, const std::vector<double>& weight) {
  return WeightedCosine(a.ids, a.norm, b.ids, b.norm, weight);
}

}  // namespace

Alignment AlignDocuments(const std::vector<Document>& documents, const AlignOptions& options) {
  Alignment out;
  // 1. Claims.
  for (size_t d = 0; d < documents.size(); ++d) {
    const Document& doc = documents[d];
    DocumentContext context;
    context.published = doc.published.value_or("");
    context.published_at = ParsePublished(context.published);
    // The headline first: outlets' headlines state their lead fact, and disagree too.
    if (!doc.title.empty() && doc.title.size() <= options.max_sentence_bytes) {
      DocumentContext headline_context = context;
      const std::string title = HeadlineForReading(doc.title);
      for (Span span : SplitClauses(title, {0, static_cast<uint32_t>(title.size())})) {
        ClaimModel claim = ReadClaim(title, span, headline_context);
        if (!WorthAClaim(claim)) continue;
        claim.claim.field = ClaimField::kTitle;
        claim.claim.text = doc.title.substr(span.begin, span.size());
        claim.document_index = d;
        claim.claim.document_id = doc.id;
        claim.claim.id = "c" + std::to_string(out.claims.size() + 1);
        out.claims.push_back(std::move(claim));
      }
    }
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
  ResolveAcronyms(out.claims);
  ResolveNamesToTitledPeople(out.claims);
  ResolveRoleDescriptions(out.claims);
  out.document_copies = FindCopies(documents, options.copy_resemblance);
  out.document_events = SeparateEvents(out.claims, documents.size(), options.event_linkage);
  MarkContestedTitles(out.claims, out.document_events);
  MarkFirms(out.claims, out.document_events);
  ResolvePlaceClocks(out.claims, documents, out.document_events);
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
  // Quote shingles overlap one another (a run of n quoted words is n - 2 of them): each weighs
  // a fraction of a stem, so a shared utterance counts like a few rare words, not a dozen.
  for (const auto& [name, id] : feature_id) {
    if (name.rfind("qs:", 0) == 0) weight[id] *= kQuoteShingleWeight;
  }
  for (auto& s : sets) {
    double sum = 0;
    for (uint32_t id : s.ids) sum += weight[id] * weight[id];
    s.norm = std::sqrt(sum);
  }

  // 3. Candidate pairs: LSH over MinHash signatures, and shared rare features.
  // Pairs (a < b, packed a << 32 | b) are appended and deduplicated by sorting whenever the
  // vector has grown past twice its last deduplicated size (plus kCompactSlack), so it holds at
  // most about twice the distinct pairs: 8 bytes each, where a hash set took about 40.
  constexpr size_t kCompactSlack = size_t{1} << 20;
  std::vector<uint64_t> candidates;
  size_t deduplicated = 0;  // candidates[0, deduplicated) is sorted and unique
  auto compact = [&] {
    const auto middle = candidates.begin() + static_cast<std::ptrdiff_t>(deduplicated);
    std::sort(middle, candidates.end());
    std::inplace_merge(candidates.begin(), middle, candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    deduplicated = candidates.size();
  };
  auto add_pair = [&](size_t a, size_t b) {
    const size_t da = out.claims[a].document_index, db = out.claims[b].document_index;
    if (da == db || out.document_events[da] != out.document_events[db]) return;
    if (a > b) std::swap(a, b);
    candidates.push_back((static_cast<uint64_t>(a) << 32) | b);
    if (candidates.size() >= 2 * deduplicated + kCompactSlack) compact();
  };
  const int permutations = std::max(1, options.minhash_permutations);
  const int bands = std::clamp(options.lsh_bands, 1, permutations);
  const int rows = permutations / bands;
  // Each feature's hash under every permutation, computed once per feature instead of once per
  // claim holding it: distinct features x permutations x 8 bytes (5,868 features: 3 MB).
  // Quote shingles score pairs but nominate none, in signatures or postings: a claim quoting
  // words another quotes shares its rare stems too, and one quote's dozens of shingles would
  // list the same pairs again and again (a third of the alignment time at 2,500 articles).
  std::vector<char> nominates(frequency.size(), 1);
  for (const auto& [name, id] : feature_id) nominates[id] = name.rfind("qs:", 0) != 0;
  std::vector<uint64_t> feature_hash(feature_id.size() * permutations, UINT64_MAX);
  for (const auto& [name, id] : feature_id) {
    if (!nominates[id]) continue;
    for (int p = 0; p < permutations; ++p) {
      feature_hash[static_cast<size_t>(id) * permutations + p] = XXH64(name.data(), name.size(), p);
    }
  }
  // Band keys, band-major (band_keys[b * n + i]); UINT64_MAX for a claim without features that
  // nominate.
  std::vector<uint64_t> band_keys(static_cast<size_t>(bands) * n, UINT64_MAX);
  std::vector<uint64_t> signature(permutations);
  for (size_t i = 0; i < n; ++i) {
    if (std::none_of(sets[i].ids.begin(), sets[i].ids.end(),
                     [&](uint32_t id) { return nominates[id]; })) {
      continue;
    }
    std::fill(signature.begin(), signature.end(), UINT64_MAX);
    for (uint32_t id : sets[i].ids) {
      const uint64_t* h = &feature_hash[static_cast<size_t>(id) * permutations];
      for (int p = 0; p < permutations; ++p) signature[p] = std::min(signature[p], h[p]);
    }
    for (int b = 0; b < bands; ++b) {
      band_keys[static_cast<size_t>(b) * n + i] =
          XXH64(&signature[b * rows], rows * sizeof(uint64_t), 1000 + b);
    }
  }
  std::vector<uint64_t>().swap(feature_hash);
  // Members of a large bucket agree on whole bands of their signature: near-duplicates
  // (replicated wire copy). Chaining each to a few neighbours keeps them connected without
  // nominating every pair, so candidate pairs stay linear in the number of claims.
  // Near-duplicate claims share every band's bucket and many rare features, so most member
  // lists come again and again; each distinct list is nominated once (7x fewer pairs to
  // deduplicate at 2,500 articles). Lists are keyed by their XXH64 and compared in full, so a
  // hash collision only costs a repeat. The pool keeps each distinct list of two or more
  // members once: at most the memberships of all buckets and postings, 4 bytes each.
  std::vector<uint32_t> nominated_pool;
  std::unordered_map<uint64_t, std::pair<size_t, size_t>> nominated;  // hash -> (offset, size)
  auto nominate = [&](const std::vector<uint32_t>& members) {
    if (members.size() < 2) return;
    const uint64_t hash = XXH64(members.data(), members.size() * sizeof(uint32_t), 0);
    const auto [it, added] = nominated.try_emplace(hash, nominated_pool.size(), members.size());
    if (added) {
      nominated_pool.insert(nominated_pool.end(), members.begin(), members.end());
    } else if (it->second.second == members.size() &&
               std::equal(members.begin(), members.end(),
                          nominated_pool.begin() + static_cast<std::ptrdiff_t>(it->second.first))) {
      return;
    }
    const size_t window = members.size() <= kAllPairsUpTo ? members.size() : kChainWindow;
    for (size_t x = 0; x < members.size(); ++x)
      for (size_t y = x + 1; y < members.size() && y <= x + window; ++y)
        add_pair(members[x], members[y]);
  };
  // Buckets of one band at a time: claims sorted by (key, index), so each bucket lists its
  // members in claim order.
  {
    std::vector<std::pair<uint64_t, uint32_t>> keyed;
    std::vector<uint32_t> members;
    keyed.reserve(n);
    for (int b = 0; b < bands; ++b) {
      keyed.clear();
      for (size_t i = 0; i < n; ++i) {
        const uint64_t key = band_keys[static_cast<size_t>(b) * n + i];
        if (key != UINT64_MAX) keyed.push_back({key, static_cast<uint32_t>(i)});  // no signature
      }
      std::sort(keyed.begin(), keyed.end());
      for (size_t x = 0; x < keyed.size();) {
        size_t y = x;
        members.clear();
        while (y < keyed.size() && keyed[y].first == keyed[x].first) {
          members.push_back(keyed[y++].second);
        }
        nominate(members);
        x = y;
      }
    }
  }
  std::vector<uint64_t>().swap(band_keys);
  std::vector<std::vector<uint32_t>> postings(frequency.size());
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t id : sets[i].ids) {
      if (frequency[id] <= kMaxPosting && nominates[id]) {
        postings[id].push_back(static_cast<uint32_t>(i));
      }
    }
  }
  for (const auto& members : postings) nominate(members);
  std::vector<uint32_t>().swap(nominated_pool);
  decltype(nominated)().swap(nominated);

  // 4. Score candidates (weighted cosine over shared features).
  struct Edge {
    double score;
    uint32_t a, b;
  };
  compact();
  std::vector<Edge> edges;
  for (uint64_t key : candidates) {
    const uint32_t a = static_cast<uint32_t>(key >> 32), b = static_cast<uint32_t>(key);
    const double score = Cosine(sets[a], sets[b], weight);
    if (score >= options.link_threshold) edges.push_back({score, a, b});
  }
  std::vector<uint64_t>().swap(candidates);
  std::sort(edges.begin(), edges.end(), [](const Edge& l, const Edge& r) {
    if (l.score != r.score) return l.score > r.score;
    return std::tie(l.a, l.b) < std::tie(r.a, r.b);
  });

  // 5. Greedy merge, best pair first, never two claims of one document in a cluster, and only
  // while the merged cluster's members stay similar on average (average linkage), so one
  // loosely related sentence does not chain two facts together.
  // Cost: each merge scans the adjacency of the smaller cluster's members and merges the
  // smaller cluster's bookkeeping into the larger one's, so the whole pass is near-linear in
  // the number of edges. The decision for two clusters depends only on their members, so a
  // rejected pair is remembered with both clusters' merge counts and not scanned again until
  // one of them grows: clusters of replicated copy are joined by thousands of edges, and
  // rescanning them for each took 98% of the scans (576 million adjacency entries at 2,500
  // articles). The memory holds one entry per distinct rejected pair, at most one per edge.
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
  std::vector<uint32_t> label(n);  // claim -> root of its cluster, as uf.Find but one load
  std::iota(label.begin(), label.end(), 0);
  std::vector<uint32_t> merges(n, 0);  // per root: clusters merged into it so far
  // (smaller root << 32 | larger root) -> merges of both when they were rejected
  std::unordered_map<uint64_t, uint64_t> rejected;
  for (const Edge& e : edges) {
    size_t ra = label[e.a], rb = label[e.b];
    if (ra == rb) continue;
    if (members_of[ra].size() > members_of[rb].size()) std::swap(ra, rb);  // ra is smaller
    // Ordered as compared: the linkage sum below runs over ra's side, so its rounding does too.
    const uint64_t pair = (static_cast<uint64_t>(ra) << 32) | rb;
    const uint64_t state = (static_cast<uint64_t>(merges[ra]) << 32) | merges[rb];
    if (auto it = rejected.find(pair); it != rejected.end() && it->second == state) continue;
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
    if (too_many) {
      rejected[pair] = state;
      continue;
    }
    // Average linkage over the pairs from different documents; pairs without an edge count 0.
    double total = 0;
    for (size_t x : members_of[ra]) {
      for (const auto& [y, score] : adjacency[x]) {
        if (label[y] == rb) total += score;
      }
    }
    const size_t cross_pairs = members_of[ra].size() * members_of[rb].size() - same_document_pairs;
    if (cross_pairs == 0 || total / static_cast<double>(cross_pairs) < options.cluster_linkage) {
      rejected[pair] = state;
      continue;
    }
    uf.Union(ra, rb);
    const size_t root = uf.Find(ra);
    const size_t other = root == ra ? rb : ra;
    ++merges[root];
    for (size_t m : members_of[other]) label[m] = static_cast<uint32_t>(root);
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
  for (auto& members : out.cluster_members) std::sort(members.begin(), members.end());

  // 8. Value facets: a figure or a date several claims state about one thing, however different
  // their sentences; kept when no statement cluster already holds all its claims.
  std::vector<std::vector<size_t>> clusters_of(n);
  for (size_t k = 0; k < out.cluster_members.size(); ++k)
    for (size_t m : out.cluster_members[k]) clusters_of[m].push_back(k);
  auto similarity = [&](size_t a, size_t b) { return Cosine(sets[a], sets[b], weight); };
  for (FacetCluster& facet : FindFacets(out.claims, out.document_events, similarity)) {
    bool covered = false;
    for (size_t k : clusters_of[facet.members.front()]) {
      const auto& held = out.cluster_members[k];
      covered = covered ||
                std::includes(held.begin(), held.end(), facet.members.begin(), facet.members.end());
    }
    if (covered) continue;
    Cluster c;
    c.id = "k" + std::to_string(out.clusters.size() + 1);
    c.basis = facet.kind;
    out.clusters.push_back(std::move(c));
    for (size_t m : facet.members) clusters_of[m].push_back(out.cluster_members.size());
    out.cluster_members.push_back(std::move(facet.members));
  }
  // 9. The claims that tell each event itself.
  for (auto& members : EventMentions(out.claims, out.document_events)) {
    Cluster c;
    c.id = "k" + std::to_string(out.clusters.size() + 1);
    c.basis = ClusterBasis::kEvent;
    out.clusters.push_back(std::move(c));
    out.cluster_members.push_back(std::move(members));
  }
  for (size_t k = 0; k < out.clusters.size(); ++k) {
    for (size_t m : out.cluster_members[k])
      out.clusters[k].claim_ids.push_back(out.claims[m].claim.id);
  }
  return out;
}

}  // namespace parallax::align
