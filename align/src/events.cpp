// Event separation by average-linkage clustering of documents. Each document is a set of
// features: "n:" name tokens of the entities it mentions, "d:" the days it dates things to (a
// stated day only: a guessed one says nothing of the event) and its content stems. A feature of
// one document weighs 0 (it links nothing and would only dilute the cosine); others weigh
// log(1 + N / document frequency), so rarer shared features count more; document similarity is
// the weighted cosine.
#include "events.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "claim_reader.h"
#include "weighted_sets.h"

namespace parallax::align {
namespace {

// Above this many documents all are taken to report one event: average linkage needs every
// pair's similarity (1,000 documents: half a million pairs), and runs that large are sweeps of
// one story's coverage rather than a hand-picked set with look-alikes in it.
constexpr size_t kMaxSeparatedDocuments = 1000;
constexpr size_t kKeyTerms = 5;  // key terms of an event

}  // namespace

std::vector<size_t> SeparateEvents(const std::vector<ClaimModel>& claims, size_t document_count,
                                   double min_linkage) {
  const size_t n = document_count;
  std::vector<size_t> group(n, 0);
  if (n < 2 || n > kMaxSeparatedDocuments) return group;

  // 1. Features per document.
  std::unordered_map<std::string, uint32_t> feature_id;
  std::vector<std::vector<uint32_t>> features(n);
  auto add = [&](size_t d, const std::string& f) {
    auto [it, added] = feature_id.emplace(f, static_cast<uint32_t>(feature_id.size()));
    features[d].push_back(it->second);
  };
  for (const ClaimModel& c : claims) {
    const size_t d = c.document_index;
    if (d >= n) continue;
    for (const auto& e : c.entities) {
      for (const auto& token : NameTokens(e.key)) add(d, "n:" + token);
    }
    for (const auto& date : c.dates) {
      if (date.day > 0 && !date.day_inferred) {
        add(d, "d:" + std::to_string(date.year) + "-" + std::to_string(date.month) + "-" +
                   std::to_string(date.day));
      }
    }
    for (const auto& s : c.stems) add(d, s);
  }
  std::vector<uint32_t> frequency(feature_id.size(), 0);
  for (auto& f : features) {
    std::sort(f.begin(), f.end());
    f.erase(std::unique(f.begin(), f.end()), f.end());
    for (uint32_t id : f) ++frequency[id];
  }
  // A feature of one document links it to none: it only dilutes the cosine, so it weighs 0.
  std::vector<double> weight(frequency.size());
  for (size_t f = 0; f < frequency.size(); ++f) {
    weight[f] = frequency[f] < 2 ? 0.0 : std::log(1.0 + static_cast<double>(n) / frequency[f]);
  }

  std::vector<double> norm(n, 0);
  for (size_t d = 0; d < n; ++d) {
    norm[d] = WeightedNorm(features[d], weight);
  }
  auto similarity = [&](size_t a, size_t b) {
    return WeightedCosine(features[a], norm[a], features[b], norm[b], weight);
  };

  // 2. Document pairs and their similarity.
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (uint32_t a = 0; a < n; ++a)
    for (uint32_t b = a + 1; b < n; ++b) pairs.push_back({a, b});
  struct Edge {
    double score;
    uint32_t a, b;
  };
  std::vector<Edge> edges;
  edges.reserve(pairs.size());
  std::vector<std::unordered_map<uint32_t, double>> adjacency(n);
  for (auto [a, b] : pairs) {
    const double s = similarity(a, b);
    if (s <= 0) continue;
    edges.push_back({s, a, b});
    adjacency[a][b] = s;
    adjacency[b][a] = s;
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& l, const Edge& r) {
    if (l.score != r.score) return l.score > r.score;
    return std::tie(l.a, l.b) < std::tie(r.a, r.b);
  });

  // 3. Greedy average-linkage merge, best pair first.
  std::vector<size_t> root(n);
  std::iota(root.begin(), root.end(), 0);
  std::vector<std::vector<uint32_t>> members(n);
  for (uint32_t d = 0; d < n; ++d) members[d] = {d};
  for (const Edge& e : edges) {
    size_t ra = root[e.a], rb = root[e.b];
    if (ra == rb) continue;
    if (members[ra].size() > members[rb].size()) std::swap(ra, rb);
    double total = 0;
    for (uint32_t x : members[ra]) {
      for (const auto& [y, s] : adjacency[x]) {
        if (root[y] == rb) total += s;
      }
    }
    const double linkage = total / static_cast<double>(members[ra].size() * members[rb].size());
    if (linkage < min_linkage) continue;
    for (uint32_t x : members[ra]) root[x] = rb;
    members[rb].insert(members[rb].end(), members[ra].begin(), members[ra].end());
    members[ra].clear();
  }

  // 4. Groups by size, largest first; ties by their earliest document.
  std::vector<size_t> roots;
  for (size_t d = 0; d < n; ++d) {
    if (!members[d].empty()) roots.push_back(d);
  }
  auto first = [&](size_t r) { return *std::min_element(members[r].begin(), members[r].end()); };
  std::sort(roots.begin(), roots.end(), [&](size_t l, size_t r) {
    if (members[l].size() != members[r].size()) return members[l].size() > members[r].size();
    return first(l) < first(r);
  });
  for (size_t g = 0; g < roots.size(); ++g) {
    for (uint32_t d : members[roots[g]]) group[d] = g;
  }
  return group;
}

std::vector<std::vector<size_t>> EventMentions(const std::vector<ClaimModel>& claims,
                                               const std::vector<size_t>& document_events) {
  std::vector<std::vector<size_t>> out;
  size_t events = 0;
  for (size_t e : document_events) events = std::max(events, e + 1);
  std::vector<std::vector<size_t>> claims_of_event(events);  // one pass: work per event's claims
  for (size_t i = 0; i < claims.size(); ++i) {
    claims_of_event[document_events[claims[i].document_index]].push_back(i);
  }
  for (size_t event = 0; event < events; ++event) {
    std::unordered_set<size_t> documents;
    std::unordered_map<std::string, std::unordered_set<size_t>> documents_of;  // stem -> docs
    std::unordered_map<std::string, size_t> claims_of;                         // stem -> claims
    size_t claim_count = 0;
    for (size_t i : claims_of_event[event]) {
      const ClaimModel& c = claims[i];
      ++claim_count;
      documents.insert(c.document_index);
      std::unordered_set<std::string> unique(c.stems.begin(), c.stems.end());
      for (const auto& s : unique) {
        documents_of[s].insert(c.document_index);
        ++claims_of[s];
      }
    }
    if (documents.size() < 2) continue;
    std::vector<std::pair<double, std::string>> terms;
    for (const auto& [stem, docs] : documents_of) {
      const double share = static_cast<double>(docs.size()) / documents.size();
      if (docs.size() < 2 || share < 0.5) continue;
      const double spread = std::log(1.0 + static_cast<double>(claim_count) / claims_of[stem]);
      terms.push_back({share * spread, stem});
    }
    std::sort(terms.begin(), terms.end(), [](const auto& l, const auto& r) {
      if (l.first != r.first) return l.first > r.first;
      return l.second < r.second;
    });
    if (terms.size() > kKeyTerms) terms.resize(kKeyTerms);
    std::unordered_set<std::string> key;
    for (const auto& t : terms) key.insert(t.second);
    std::vector<size_t> members;
    std::unordered_set<size_t> member_documents;
    for (size_t i : claims_of_event[event]) {
      std::unordered_set<std::string> unique(claims[i].stems.begin(), claims[i].stems.end());
      bool held = false;
      for (const auto& s : unique) held = held || key.count(s);
      if (held) {
        members.push_back(i);
        member_documents.insert(claims[i].document_index);
      }
    }
    if (member_documents.size() >= 2) out.push_back(std::move(members));
  }
  return out;
}

}  // namespace parallax::align
