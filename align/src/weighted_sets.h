// Small shared pieces of align's clustering: weighted cosine of sorted id sets, and a
// union-find over indices.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <vector>

namespace parallax::align {

// Weighted cosine of two sorted, unique id lists: the squared weights of the shared ids over
// the product of the lists' norms (sqrt of the sum of their squared weights); 0 when either
// norm is 0. `weight` is indexed by id.
inline double WeightedCosine(const std::vector<uint32_t>& a, double norm_a,
                             const std::vector<uint32_t>& b, double norm_b,
                             const std::vector<double>& weight) {
  if (norm_a <= 0 || norm_b <= 0) return 0;
  double dot = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      dot += weight[a[i]] * weight[a[i]];
      ++i, ++j;
    }
  }
  return dot / (norm_a * norm_b);
}

// sqrt of the sum of the squared weights of `ids`.
inline double WeightedNorm(const std::vector<uint32_t>& ids, const std::vector<double>& weight) {
  double sum = 0;
  for (uint32_t id : ids) sum += weight[id] * weight[id];
  return std::sqrt(sum);
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

}  // namespace parallax::align
