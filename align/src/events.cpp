// Event separation by average-linkage (UPGMA) clustering of documents. Each document is a set of
// features: "n:" name tokens of the entities it mentions, "d:" the days it dates things to (a
// stated day only: a guessed one says nothing of the event), "w:" weekdays named in claims that
// resolve no day (undated pages), "q:" the figures it states (what is counted and its value) and
// its content stems, and those of its first claim once more under "l:" (its headline or lead). A
// feature of one document weighs 0 (it links nothing and would only dilute the cosine); others
// weigh log((N + 1) / document frequency), so rarer shared features count more and one every
// document holds next to nothing; document similarity is the weighted cosine.
#include "events.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "claim_reader.h"
#include "text.h"
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
  // A document's first claim (its headline, else its lead) states which event it reports: its
  // features count twice, once more under "l:", so two accounts whose leads name the same act,
  // people and day weigh more alike than two whose leads differ but whose bodies share a theme.
  std::vector<char> led(n, 0);
  for (const ClaimModel& c : claims) {
    const size_t d = c.document_index;
    if (d >= n) continue;
    const bool lead = !led[d];
    led[d] = 1;
    auto add_feature = [&](const std::string& f) {
      add(d, f);
      if (lead) add(d, "l:" + f);
    };
    for (const auto& e : c.entities) {
      for (const auto& token : NameTokens(e.key)) add_feature("n:" + token);
    }
    bool dated = false;
    for (const auto& date : c.dates) {
      if (date.day > 0 && !date.day_inferred) {
        dated = true;
        add_feature("d:" + std::to_string(date.year) + "-" + std::to_string(date.month) + "-" +
                    std::to_string(date.day));
      }
    }
    // A weekday resolves to a day only against a publication date. Without one ("on Saturday"
    // in an undated page) the weekday itself is what the account says of when it happened: two
    // accounts naming the same weekday agree on it. Claims that resolved a day have it as "d:".
    if (!dated) {
      const Span whole{0, static_cast<uint32_t>(c.claim.text.size())};
      for (const Token& t : Tokenize(c.claim.text, whole)) {
        if (t.kind == TokenKind::kWord && t.capitalized && WeekdayNumber(t.lower) >= 0) {
          add_feature("w:" + t.lower);
        }
      }
    }
    // A figure and what it measures ("23 pirates", "magnitude 5.6"), its value to two significant
    // digits as statement features have it: accounts of one event repeat its figures, a
    // look-alike on the same theme has its own. A figure of an earlier time (background, "the
    // 2019 memorandum's 31,500 t") may be the look-alike's own: it is left out.
    for (const auto& q : c.quantities) {
      if (q.earlier != 0) continue;
      char value[32];
      std::snprintf(value, sizeof value, "%.2g", q.low);
      add_feature("q:" + q.unit + ":" + q.noun + "=" + value);
    }
    for (const auto& s : c.stems) add_feature(s);
  }
  std::vector<uint32_t> frequency(feature_id.size(), 0);
  for (auto& f : features) {
    std::sort(f.begin(), f.end());
    f.erase(std::unique(f.begin(), f.end()), f.end());
    for (uint32_t id : f) ++frequency[id];
  }
  // A feature of one document links it to none: it only dilutes the cosine, so it weighs 0. A
  // feature every document holds cannot tell one event from another (the theme look-alikes
  // share: "patch", "earthquake", the company's name): log((N + 1) / df) gives it log(1 + 1/N),
  // near 0 for many documents, where log(1 + N / df) gave it half the weight of one in half the
  // documents and let two look-alikes' shared theme outweigh what set them apart. The + 1: with
  // log(N / df), all a pair of documents shares would weigh 0 and split two accounts of one event.
  std::vector<double> weight(frequency.size());
  for (size_t f = 0; f < frequency.size(); ++f) {
    weight[f] = frequency[f] < 2 ? 0.0 : std::log((static_cast<double>(n) + 1.0) / frequency[f]);
  }

  std::vector<double> norm(n, 0);
  for (size_t d = 0; d < n; ++d) {
    norm[d] = WeightedNorm(features[d], weight);
  }
  auto similarity = [&](size_t a, size_t b) {
    return WeightedCosine(features[a], norm[a], features[b], norm[b], weight);
  };

  // 2. Similarity of every document pair: n x n doubles (8 MB at kMaxSeparatedDocuments).
  std::vector<double> link(n * n, 0.0);
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = a + 1; b < n; ++b) link[a * n + b] = link[b * n + a] = similarity(a, b);
  }

  // 3. Average linkage (UPGMA): the two groups whose document pairs are most similar on average
  // merge first, for as long as that average reaches min_linkage; a pair without shared features
  // counts 0. Merging in order of linkage, rather than of the best single document pair, keeps
  // one document that resembles both events from pulling a look-alike into the event early.
  // Nearest-neighbour chains find that order in O(n^2): average linkage never rises above the
  // better of its parts' when groups merge, so a group whose best linkage is below min_linkage
  // is final. link[] rows of merged groups follow Lance-Williams.
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<size_t> group_size(n, 1);
  std::vector<char> open(n, 1);  // a group that may still merge
  std::vector<size_t> chain;
  size_t next_start = 0;
  for (;;) {
    if (chain.empty()) {
      while (next_start < n && !open[next_start]) ++next_start;
      if (next_start == n) break;
      chain.push_back(next_start);
    }
    const size_t top = chain.back();
    // Its nearest group; the one before it in the chain wins ties, so the chain ends.
    size_t best = n;
    double best_link = -1;
    if (chain.size() >= 2) {
      best = chain[chain.size() - 2];
      best_link = link[top * n + best];
    }
    for (size_t k = 0; k < n; ++k) {
      if (k != top && open[k] && link[top * n + k] > best_link) {
        best = k;
        best_link = link[top * n + k];
      }
    }
    if (best == n || best_link < min_linkage) {
      open[top] = 0;
      chain.pop_back();
      continue;
    }
    if (chain.size() < 2 || best != chain[chain.size() - 2]) {
      chain.push_back(best);
      continue;
    }
    chain.resize(chain.size() - 2);
    const size_t keep = std::min(top, best), gone = std::max(top, best);
    for (size_t k = 0; k < n; ++k) {
      if (!open[k] || k == keep || k == gone) continue;
      const double merged = (static_cast<double>(group_size[keep]) * link[keep * n + k] +
                             static_cast<double>(group_size[gone]) * link[gone * n + k]) /
                            static_cast<double>(group_size[keep] + group_size[gone]);
      link[keep * n + k] = link[k * n + keep] = merged;
    }
    group_size[keep] += group_size[gone];
    open[gone] = 0;
    parent[gone] = keep;
  }
  std::vector<std::vector<uint32_t>> members(n);
  for (size_t d = 0; d < n; ++d) {
    size_t r = d;
    while (parent[r] != r) r = parent[r];
    members[r].push_back(static_cast<uint32_t>(d));
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
    // Key terms, among the stems half or more of the documents use: the kKeyTerms most telling
    // (share of documents x rarity among claims: the event's own words, not every sentence's),
    // and the kKeyTerms the most documents use (what nearly every account says, however often),
    // ties to the rarer among claims.
    struct Term {
      double share, spread;
      std::string stem;
    };
    std::vector<Term> terms;
    for (const auto& [stem, docs] : documents_of) {
      const double share = static_cast<double>(docs.size()) / documents.size();
      if (docs.size() < 2 || share < 0.5) continue;
      const double spread = std::log(1.0 + static_cast<double>(claim_count) / claims_of[stem]);
      terms.push_back({share, spread, stem});
    }
    std::unordered_set<std::string> key;
    auto take_best = [&](auto score) {
      std::sort(terms.begin(), terms.end(), [&](const Term& l, const Term& r) {
        const auto sl = score(l), sr = score(r);
        if (sl != sr) return sl > sr;
        return l.stem < r.stem;
      });
      for (size_t t = 0; t < terms.size() && t < kKeyTerms; ++t) key.insert(terms[t].stem);
    };
    take_best([](const Term& t) { return t.share * t.spread; });
    take_best([](const Term& t) { return std::pair{t.share, t.spread}; });
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
