#include <catch2/catch.hpp>

#include <set>

#include "parallax/align/align.h"

using parallax::Document;
using parallax::align::AlignDocuments;
using parallax::align::Alignment;
using parallax::align::SameEntity;

namespace {
Document Doc(const std::string& id, const std::string& text) {
  Document d;
  d.id = id;
  d.outlet = "Outlet " + id;
  d.published = "2025-11-04T10:00:00+00:00";
  d.text = text;
  return d;
}

// Index of the cluster holding the claim whose text contains `needle`.
int ClusterOf(const Alignment& a, const std::string& needle) {
  for (size_t k = 0; k < a.cluster_members.size(); ++k) {
    for (size_t m : a.cluster_members[k]) {
      if (a.claims[m].claim.text.find(needle) != std::string::npos) return static_cast<int>(k);
    }
  }
  return -1;
}
}  // namespace

TEST_CASE("alignment: the same fact told by two outlets lands in one cluster") {
  const std::vector<Document> docs = {
      Doc("d1",
          "The envoy met the harbour commission in Valmora for nearly three hours. "
          "Fishing quotas for the northern shelf were raised by the delegation."),
      Doc("d2",
          "Northern shelf fishing quotas were raised by the visiting delegation. "
          "The weather in the capital was mild for the season.")};
  const Alignment a = AlignDocuments(docs);
  const int quotas1 = ClusterOf(a, "Fishing quotas");
  const int quotas2 = ClusterOf(a, "Northern shelf");
  REQUIRE(quotas1 >= 0);
  CHECK(quotas1 == quotas2);
  CHECK(ClusterOf(a, "weather") != quotas1);
}

TEST_CASE("alignment: a cluster never holds two claims of one document") {
  const std::vector<Document> docs = {
      Doc("d1", "Quotas for the northern shelf were raised. Quotas for the northern shelf rose."),
      Doc("d2", "Northern shelf quotas were raised.")};
  const Alignment a = AlignDocuments(docs);
  for (const auto& members : a.cluster_members) {
    std::set<size_t> docs_seen;
    for (size_t m : members) CHECK(docs_seen.insert(a.claims[m].document_index).second);
  }
}

TEST_CASE("alignment: claim spans point at their text in the document") {
  const std::vector<Document> docs = {Doc("d1", "First sentence is here. Second one follows now.")};
  const Alignment a = AlignDocuments(docs);
  REQUIRE(a.claims.size() == 2);
  for (const auto& c : a.claims) {
    CHECK(docs[0].text.substr(c.claim.span.begin, c.claim.span.size()) == c.claim.text);
    CHECK(c.claim.document_id == "d1");
  }
}

TEST_CASE("entities: aliases share an identifying word, titles do not count") {
  CHECK(SameEntity("foreign minister han zhiyuan", "zhiyuan han"));
  CHECK(SameEntity("mr han", "han zhiyuan"));
  CHECK_FALSE(SameEntity("foreign minister han zhiyuan", "foreign minister wang"));
}

TEST_CASE("claims: speaker of a quote and 'he said' resolved to the last named speaker") {
  const std::vector<Document> docs = {
      Doc("d1",
          "\"We made progress on water,\" Ambassador Ana Ruiz told reporters. "
          "\"There is more to do,\" she said.")};
  const Alignment a = AlignDocuments(docs);
  REQUIRE(a.claims.size() == 2);
  CHECK(SameEntity(a.claims[0].speaker, "ana ruiz"));
  CHECK(SameEntity(a.claims[1].speaker, "ana ruiz"));
  REQUIRE(a.claims[0].quotes.size() == 1);
}

TEST_CASE("claims: negation is read with the words it covers") {
  const std::vector<Document> docs = {Doc("d1", "The two sides did not sign a joint statement.")};
  const Alignment a = AlignDocuments(docs);
  REQUIRE(a.claims.size() == 1);
  CHECK(a.claims[0].negated);
  const auto& scope = a.claims[0].negated_stems;
  CHECK(std::find(scope.begin(), scope.end(), "sign") != scope.end());
  CHECK(std::find(scope.begin(), scope.end(), "statement") != scope.end());
}

TEST_CASE("claims: an over-long sentence is cut on a UTF-8 character boundary") {
  std::string text;
  while (text.size() < 3000) text += "caf\xC3\xA9 ";  // no sentence end: one long sentence
  parallax::align::AlignOptions options;
  options.max_sentence_bytes = 100;  // lands inside "é" at some repetition
  const auto a = AlignDocuments({Doc("d1", text)}, options);
  REQUIRE_FALSE(a.claims.empty());
  for (const auto& c : a.claims) {
    CHECK(c.claim.span.size() <= 100);
    CHECK((static_cast<unsigned char>(text[c.claim.span.end]) & 0xC0) != 0x80);
  }
}
