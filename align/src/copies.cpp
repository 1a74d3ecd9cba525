#include "copies.h"

#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace parallax::align {
namespace {

constexpr int kPermutations = 64;
constexpr int kBands = 16;  // of 4 rows: pairs resembling 0.6 meet in a band with p > 0.8
constexpr int kRows = kPermutations / kBands;
constexpr size_t kShingle = 5;  // words

// MinHash signature of the text's word 5-shingles; empty when the text has fewer words.
std::vector<uint64_t> Signature(const std::string& text) {
  std::vector<std::string> words;
  std::string w;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      w.push_back(static_cast<char>(std::tolower(u)));
    } else if (!w.empty()) {
      words.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  if (words.size() < kShingle) return {};
  std::vector<uint64_t> signature(kPermutations, UINT64_MAX);
  std::string shingle;
  for (size_t i = 0; i + kShingle <= words.size(); ++i) {
    shingle.clear();
    for (size_t k = 0; k < kShingle; ++k) {
      shingle += words[i + k];
      shingle.push_back(' ');
    }
    const uint64_t h = XXH64(shingle.data(), shingle.size(), 0);
    for (int p = 0; p < kPermutations; ++p) {
      signature[p] = std::min(signature[p], XXH64(&h, sizeof h, static_cast<uint64_t>(p) + 1));
    }
  }
  return signature;
}

}  // namespace

std::vector<int> FindCopies(const std::vector<Document>& documents, double min_resemblance) {
  const size_t n = documents.size();
  std::vector<int> copy_of(n, -1);
  std::vector<std::vector<uint64_t>> signatures(n);
  for (size_t d = 0; d < n; ++d) signatures[d] = Signature(documents[d].text);

  std::vector<std::pair<uint32_t, uint32_t>> candidates;
  for (int b = 0; b < kBands; ++b) {
    std::unordered_map<uint64_t, std::vector<uint32_t>> buckets;
    for (size_t d = 0; d < n; ++d) {
      if (signatures[d].empty()) continue;
      buckets[XXH64(&signatures[d][b * kRows], kRows * sizeof(uint64_t), 1000 + b)].push_back(
          static_cast<uint32_t>(d));
    }
    for (const auto& [key, members] : buckets) {
      // Members of one bucket are checked against the bucket's first few only: copies of one
      // source agree with it, so a chain of copies is still found and pairs stay linear.
      for (size_t x = 0; x < members.size() && x < 8; ++x)
        for (size_t y = x + 1; y < members.size(); ++y)
          candidates.push_back({members[x], members[y]});
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (auto [a, b] : candidates) {  // a < b, in order: the earliest source is found first
    if (copy_of[b] >= 0) continue;
    int equal = 0;
    for (int p = 0; p < kPermutations; ++p) equal += signatures[a][p] == signatures[b][p];
    if (equal >= min_resemblance * kPermutations) {
      copy_of[b] = copy_of[a] >= 0 ? copy_of[a] : static_cast<int>(a);
    }
  }
  return copy_of;
}

}  // namespace parallax::align
