#include "identity.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <utility>
#include <vector>

#include "parallax/store/store.h"

namespace parallax::store {
namespace {

// Trimmed, runs of ASCII whitespace collapsed to one space, ASCII letters lower-cased.
std::string NormaliseValue(std::string_view v) {
  std::string out;
  bool space = false;
  for (char c : v) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace

std::string DocumentIdentity(const Document& doc) {
  if (!doc.url.empty()) return doc.url;
  if (!doc.source.empty()) return doc.source;
  return "text:" + ContentHash(doc);
}

std::string HexXxh64(std::string_view bytes) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx",
                static_cast<unsigned long long>(XXH64(bytes.data(), bytes.size(), 0)));
  return buf;
}

std::string ContentHash(const Document& doc) {
  return doc.content_hash.empty() ? HexXxh64(doc.text) : doc.content_hash;
}

DocumentIndex IndexDocuments(const RunReport& report) {
  DocumentIndex docs;
  docs.reserve(report.documents.size());
  for (const auto& d : report.documents) docs.emplace(d.id, &d);
  return docs;
}

std::string FindingKey(const Finding& finding, const RunReport& report) {
  return FindingKey(finding, IndexDocuments(report));
}

std::string FindingKey(const Finding& finding, const DocumentIndex& docs) {
  std::vector<std::pair<std::string, std::string>> sides;
  for (const auto& v : finding.values) {
    auto it = docs.find(v.document_id);
    std::string who = it == docs.end() ? "local:" + v.document_id : DocumentIdentity(*it->second);
    sides.emplace_back(std::move(who), NormaliseValue(v.value));
  }
  std::sort(sides.begin(), sides.end());
  sides.erase(std::unique(sides.begin(), sides.end()), sides.end());
  // Record and field separators (ASCII RS, US) keep "ab"+"c" apart from "a"+"bc".
  std::string input = ToString(finding.kind);
  for (const auto& [who, value] : sides) {
    input += '\x1e';
    input += who;
    input += '\x1f';
    input += value;
  }
  return HexXxh64(input);
}

}  // namespace parallax::store
