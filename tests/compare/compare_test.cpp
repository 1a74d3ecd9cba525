#include <catch2/catch.hpp>

#include "parallax/compare/compare.h"

using parallax::Document;
using parallax::FindingKind;
using parallax::Verdict;
using parallax::align::Bound;
using parallax::align::Quantity;
using parallax::compare::CompareClusters;
using parallax::compare::QuantitiesCompatible;

namespace {
Quantity Q(double value, const std::string& unit, Bound bound = Bound::kExact,
           double resolution = 1) {
  Quantity q;
  q.low = q.high = value;
  q.unit = unit;
  q.bound = bound;
  q.resolution = resolution;
  return q;
}

Document Doc(const std::string& id, const std::string& outlet, const std::string& text) {
  Document d;
  d.id = id;
  d.outlet = outlet;
  d.published = "2025-11-04T10:00:00+00:00";
  d.text = text;
  return d;
}

std::vector<FindingKind> KindsOf(const parallax::compare::Comparison& c) {
  std::vector<FindingKind> kinds;
  for (const auto& f : c.findings) kinds.push_back(f.kind);
  return kinds;
}
}  // namespace

TEST_CASE("compatibility: overlapping hedges agree") {
  CHECK(QuantitiesCompatible(Q(3, "h", Bound::kApprox), Q(3, "h", Bound::kApprox)));
  CHECK(QuantitiesCompatible(Q(3, "h", Bound::kApprox), Q(3, "h")));
  CHECK(QuantitiesCompatible(Q(10, "count", Bound::kAtLeast), Q(12, "count")));
  CHECK_FALSE(QuantitiesCompatible(Q(10, "count", Bound::kAtLeast), Q(8, "count")));
}

TEST_CASE("compatibility: rounding to the written precision agrees, other values do not") {
  CHECK(QuantitiesCompatible(Q(62, "%"), Q(62.4, "%", Bound::kExact, 0.1)));
  CHECK_FALSE(
      QuantitiesCompatible(Q(62.4, "%", Bound::kExact, 0.1), Q(26.4, "%", Bound::kExact, 0.1)));
  CHECK_FALSE(
      QuantitiesCompatible(Q(35.3, "%", Bound::kUpTo, 0.1), Q(38.1, "%", Bound::kUpTo, 0.1)));
}

TEST_CASE("compatibility: adjacent whole numbers differ, they do not round into each other") {
  CHECK_FALSE(QuantitiesCompatible(Q(13, "ordinal"), Q(14, "ordinal")));
  CHECK_FALSE(QuantitiesCompatible(Q(9, "count"), Q(10, "count")));
  CHECK(QuantitiesCompatible(Q(7, "count"), Q(6.8, "count", Bound::kExact, 0.1)));
}

TEST_CASE("compatibility: different units are not compared") {
  CHECK(QuantitiesCompatible(Q(3, "h"), Q(45, "%")));
}

TEST_CASE("compare: a duration told differently is a quantity conflict with evidence") {
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald", "The harbour talks in Valmora lasted four hours on the quay."),
      Doc("d2", "Valmora Post", "The harbour talks in Valmora lasted seven minutes on the quay.")};
  const auto alignment = parallax::align::AlignDocuments(docs);
  const auto c = CompareClusters(docs, alignment);
  REQUIRE(c.findings.size() == 1);
  const auto& f = c.findings[0];
  CHECK(f.kind == FindingKind::kQuantity);
  CHECK(f.claim_ids.size() == 2);
  REQUIRE(f.values.size() == 2);
  CHECK(docs[0].text.substr(f.values[0].evidence.begin, f.values[0].evidence.size()) ==
        "four hours");
  CHECK(f.summary.find("Coast Herald") != std::string::npos);
  CHECK(f.summary.find("Valmora Post") != std::string::npos);
  bool conflict = false;
  for (const auto& k : c.clusters) conflict = conflict || k.verdict == Verdict::kConflict;
  CHECK(conflict);
}

TEST_CASE("compare: compatible hedges raise no finding and the cluster agrees") {
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald", "The harbour talks in Valmora lasted nearly three hours."),
      Doc("d2", "Valmora Post", "The harbour talks in Valmora lasted about three hours.")};
  const auto c = CompareClusters(docs, parallax::align::AlignDocuments(docs));
  CHECK(c.findings.empty());
  REQUIRE_FALSE(c.clusters.empty());
  CHECK(c.clusters[0].verdict == Verdict::kAgree);
}

TEST_CASE("compare: signed against did not sign is a polarity conflict") {
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald", "The two envoys signed a joint water accord in Valmora."),
      Doc("d2", "Valmora Post", "The two envoys did not sign a joint water accord in Valmora.")};
  const auto c = CompareClusters(docs, parallax::align::AlignDocuments(docs));
  CHECK(KindsOf(c) == std::vector<FindingKind>{FindingKind::kPolarity});
}

TEST_CASE("compare: a weekday and the date it names agree") {
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald", "The envoys held the harbour talks in Valmora on Tuesday."),
      Doc("d2", "Valmora Post", "The envoys held the harbour talks in Valmora on 4 November.")};
  const auto c = CompareClusters(docs, parallax::align::AlignDocuments(docs));
  CHECK(c.findings.empty());
}

TEST_CASE("compare: the same quote credited to different speakers is an attribution conflict") {
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald",
          "\"The river belongs to both our peoples,\" Ambassador Ana Ruiz told reporters."),
      Doc("d2", "Valmora Post",
          "\"The river belongs to both our peoples,\" Minister Tomas Vidal told reporters.")};
  const auto c = CompareClusters(docs, parallax::align::AlignDocuments(docs));
  CHECK(KindsOf(c) == std::vector<FindingKind>{FindingKind::kAttribution});
}

TEST_CASE("compare: durations said of different things are not compared") {
  // Both sentences speak of the mayor and the plan, but the years are how long the council
  // worked and the days how long she has to act.
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald",
          "Mayor Ruiz said she would not veto a plan the harbour council worked on for three "
          "years."),
      Doc("d2", "Valmora Post", "Mayor Ruiz has ten days to act on the harbour council plan.")};
  const auto c = CompareClusters(docs, parallax::align::AlignDocuments(docs));
  CHECK(c.findings.empty());
}

TEST_CASE(
    "compare: plans are not events: 'expected' against 'not expected' is no polarity conflict") {
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald",
          "Harbour officials expect a decision on the river grant next spring."),
      Doc("d2", "Valmora Post",
          "A decision on the river grant is not expected from harbour officials before next "
          "year.")};
  const auto c = CompareClusters(docs, parallax::align::AlignDocuments(docs));
  for (const auto& f : c.findings) CHECK(f.kind != FindingKind::kPolarity);
}

TEST_CASE("compare: a different vote tally is a quantity conflict; the same one in words agrees") {
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald", "The harbour council voted 7-4 to approve the new ferry pier."),
      Doc("d2", "Valmora Post", "The harbour council voted 6-5 to approve the new ferry pier."),
      Doc("d3", "Quay Times",
          "The harbour council voted seven to four to approve the new ferry pier.")};
  const auto c = CompareClusters(docs, parallax::align::AlignDocuments(docs));
  REQUIRE(c.findings.size() == 1);
  CHECK(c.findings[0].kind == FindingKind::kQuantity);
  CHECK(c.findings[0].summary.find("6-5") != std::string::npos);
  CHECK(c.findings[0].summary.find("Coast Herald and Quay Times say 7-4") != std::string::npos);
}
