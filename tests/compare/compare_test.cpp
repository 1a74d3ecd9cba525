#include <catch2/catch.hpp>

#include <set>

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

TEST_CASE("compatibility: a hedge is as wide as the figure is round") {
  // "about 4,000" is a round figure: it reaches 3,500 and 4,500.
  CHECK(QuantitiesCompatible(Q(4000, "count", Bound::kApprox), Q(4450, "count")));
  CHECK_FALSE(QuantitiesCompatible(Q(4000, "count", Bound::kApprox), Q(4600, "count")));
  // "some 340 metres" is written to ten metres: not "some 430 metres", which 15% would reach.
  CHECK_FALSE(QuantitiesCompatible(Q(340, "m", Bound::kApprox), Q(430, "m", Bound::kApprox)));
  CHECK(QuantitiesCompatible(Q(340, "m", Bound::kApprox), Q(355, "m")));
  // Restated in feet, the written place is a hundred feet: "some 1,100ft" is 340 metres.
  CHECK(QuantitiesCompatible(Q(1100 * 0.3048, "m", Bound::kApprox, 0.3048), Q(340, "m")));
  // Small figures keep the widest hedge: "nearly three hours" reaches 2.6 hours.
  CHECK(QuantitiesCompatible(Q(3, "h", Bound::kApprox), Q(2.6, "h")));
}

TEST_CASE("compatibility: rounding to the written precision agrees, other values do not") {
  CHECK(QuantitiesCompatible(Q(62, "%"), Q(62.4, "%", Bound::kExact, 0.1)));
  CHECK_FALSE(
      QuantitiesCompatible(Q(62.4, "%", Bound::kExact, 0.1), Q(26.4, "%", Bound::kExact, 0.1)));
  CHECK_FALSE(
      QuantitiesCompatible(Q(35.3, "%", Bound::kUpTo, 0.1), Q(38.1, "%", Bound::kUpTo, 0.1)));
}

TEST_CASE("compare: one measure restated in another unit agrees; a different one clashes") {
  auto findings = [](const std::string& a, const std::string& b) {
    const std::vector<Document> docs = {Doc("d1", "Coast Herald", a), Doc("d2", "Valmora Post", b)};
    return KindsOf(CompareClusters(docs, parallax::align::AlignDocuments(docs)));
  };
  CHECK(findings("Storm Quilla brought winds of 110 km/h to the Valmora coast.",
                 "Storm Quilla brought winds of 68 mph to the Valmora coast.")
            .empty());
  CHECK(findings("Storm Quilla dropped 310 millimetres of rain on the Valmora hills.",
                 "Storm Quilla dropped 12 inches of rain on the Valmora hills.")
            .empty());
  CHECK(findings("Storm Quilla dropped 310 millimetres of rain on the Valmora hills.",
                 "Storm Quilla dropped 16 inches of rain on the Valmora hills.") ==
        std::vector<FindingKind>{FindingKind::kQuantity});
}

TEST_CASE("compare: people in a summary read as names, acronyms as written") {
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald",
          "\"The river belongs to both our peoples,\" Ambassador Ana Ruiz told reporters."),
      Doc("d2", "Valmora Post",
          "\"The river belongs to both our peoples,\" the VMS told reporters.")};
  const auto c = CompareClusters(docs, parallax::align::AlignDocuments(docs));
  REQUIRE(c.findings.size() == 1);
  CHECK(c.findings[0].summary.find("Ambassador Ana Ruiz") != std::string::npos);
  CHECK(c.findings[0].summary.find("VMS") != std::string::npos);
}

TEST_CASE("compare: durations of a year or more read in years") {
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald",
          "The envoys agreed to extend the Valmora river accord by 15 years."),
      Doc("d2", "Valmora Post",
          "The envoys agreed to extend the Valmora river accord by 20 years.")};
  const auto c = CompareClusters(docs, parallax::align::AlignDocuments(docs));
  REQUIRE(c.findings.size() == 1);
  CHECK(c.findings[0].summary.find("15 years") != std::string::npos);
  CHECK(c.findings[0].summary.find("20 years") != std::string::npos);
}

TEST_CASE("compare: a count reads in each text's own words, with thousands separated") {
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald",
          "Some 2,100 nurses walked out at the Valmora hospitals on Tuesday."),
      Doc("d2", "Valmora Post", "An estimated 3,400 nurses walked out at the Valmora hospitals.")};
  const auto c = CompareClusters(docs, parallax::align::AlignDocuments(docs));
  REQUIRE(c.findings.size() == 1);
  CHECK(c.findings[0].summary ==
        "Outlets disagree on how many nurses: Coast Herald says about 2,100 nurses, but Valmora "
        "Post says about 3,400 nurses.");
}

TEST_CASE("compare: 'last night' in papers of different days is each paper's own night") {
  std::vector<Document> docs = {
      Doc("d1", "Coast Herald",
          "The rescued miners were being checked over at Korvath Regional Hospital last night."),
      Doc("d2", "Valmora Post",
          "Two rescued miners remained in a serious condition at Korvath Regional Hospital last "
          "night.")};
  docs[1].published = "2025-11-05T07:00:00+00:00";  // the next morning
  CHECK(CompareClusters(docs, parallax::align::AlignDocuments(docs)).findings.empty());
  // A day stated outright is still held against another.
  docs[1].text =
      "Two rescued miners remained in a serious condition at Korvath Regional Hospital on "
      "Sunday night.";
  CHECK(KindsOf(CompareClusters(docs, parallax::align::AlignDocuments(docs))) ==
        std::vector<FindingKind>{FindingKind::kTime});
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

TEST_CASE("compare: a deadline year agrees with any year up to it and clashes with a later one") {
  const std::vector<Document> agree = {
      Doc("d1", "Coast Herald", "The harbour authority aims to open the new ferry line by 2030."),
      Doc("d2", "Valmora Post", "The harbour authority aims to open the new ferry line in 2029.")};
  CHECK(CompareClusters(agree, parallax::align::AlignDocuments(agree)).findings.empty());

  const std::vector<Document> clash = {
      Doc("d1", "Coast Herald", "The harbour authority aims to open the new ferry line by 2030."),
      Doc("d2", "Valmora Post", "The harbour authority aims to open the new ferry line in 2031.")};
  const auto c = CompareClusters(clash, parallax::align::AlignDocuments(clash));
  REQUIRE(KindsOf(c) == std::vector<FindingKind>{FindingKind::kTime});
  std::set<std::string> values;
  for (const auto& v : c.findings[0].values) values.insert(v.value);
  CHECK(values == std::set<std::string>{"by 2030", "2031"});
}

TEST_CASE("compare: a figure of an earlier year is background, not a clash") {
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald",
          "The new deal lets Valmora boats land 38,000 tonnes of herring a year in the bay."),
      Doc("d2", "Valmora Post",
          "The deal lets Valmora boats land more herring in the bay than the 31,500 tonnes "
          "allowed under the 2019 memorandum.")};
  CHECK(CompareClusters(docs, parallax::align::AlignDocuments(docs)).findings.empty());
}

TEST_CASE("compare: a time followed by 'after' another happening is not that happening's time") {
  // Published Wednesday 4 March 2026.
  std::vector<Document> docs = {
      Doc("d1", "Coast Herald",
          "Families were back home this afternoon after a fire destroyed the Valmora warehouse "
          "on Tuesday night."),
      Doc("d2", "Valmora Post",
          "The fire, which started late on 3 March, destroyed the Valmora warehouse.")};
  for (auto& d : docs) d.published = "2026-03-04T16:00:00+01:00";
  CHECK(CompareClusters(docs, parallax::align::AlignDocuments(docs)).findings.empty());
}

TEST_CASE("compare: 'in that case' refers figures back to the earlier year last told of") {
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald",
          "The Valmora official received a two-year suspended sentence for the bus bribes."),
      Doc("d2", "Valmora Post",
          "A similar bribery trial in Dunmere ended in 2021. A Dunmere official received a "
          "three-year suspended sentence in that case.")};
  for (const auto& f : CompareClusters(docs, parallax::align::AlignDocuments(docs)).findings) {
    CHECK(f.kind != FindingKind::kQuantity);
  }
}

TEST_CASE("compare: a quote's speaker guessed from 'she said' is not an attribution conflict") {
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald",
          "\"Public money is not a private tip jar,\" prosecutor Sabine Korhal told reporters."),
      Doc("d2", "Valmora Post",
          "Matthias Orvell showed no emotion in the dock. \"Public money is not a private tip "
          "jar,\" she said on the steps.")};
  for (const auto& f : CompareClusters(docs, parallax::align::AlignDocuments(docs)).findings) {
    CHECK(f.kind != FindingKind::kAttribution);
  }
}

TEST_CASE("compare: names in a quote or as a possessor are not the account's cast") {
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald",
          "Two co-defendants, sales director Nils Ferrant and a consultant, received suspended "
          "sentences in the Valmora bus case."),
      Doc("d2", "Valmora Post",
          "Judge Orvell's three co-defendants received suspended sentences in the Valmora bus "
          "case, said \"Minister Roland\" on air.")};
  for (const auto& f : CompareClusters(docs, parallax::align::AlignDocuments(docs)).findings) {
    CHECK(f.kind != FindingKind::kEntity);
  }
}

TEST_CASE("compare: a local time whose offset is told is compared with a time on that clock") {
  std::vector<Document> docs = {
      Doc("d1", "Coast Herald",
          "The ministers initialled the text at a brief ceremony at 6.40 p.m. local time "
          "(1540 GMT) in Kessund."),
      Doc("d2", "Valmora Post",
          "The ministers initialled the text at a brief ceremony shortly before 5 p.m. in "
          "Kessund.")};
  docs[0].published = "2026-06-09T17:14:00+00:00";
  docs[1].published = "2026-06-10T06:45:00+03:00";  // a morning paper in the place's own zone
  CHECK(KindsOf(CompareClusters(docs, parallax::align::AlignDocuments(docs))) ==
        std::vector<FindingKind>{FindingKind::kTime});
}

TEST_CASE("compare: a margin, other people's ages, and acts of two people are not clashes") {
  auto kinds = [](const std::string& a, const std::string& b) {
    const std::vector<Document> docs = {Doc("d1", "Coast Herald", a), Doc("d2", "Valmora Post", b)};
    return KindsOf(CompareClusters(docs, parallax::align::AlignDocuments(docs)));
  };
  CHECK(kinds("Irena Vosk won the Valmora run-off by a margin of 11,316 votes over Grell.",
              "Irena Vosk won the Valmora run-off with 80,106 votes against Grell.")
            .empty());
  CHECK(kinds("Valmora prosecutors had sought eight years for the harbour fraud.",
              "The harbour fraud sentence is two years short of the eight sought by Valmora "
              "prosecutors.")
            .empty());
  CHECK(kinds("Last out of the Valmora mine was 58-year-old foreman Aurel Vasko.",
              "First out of the Valmora mine was 29-year-old electrician Stanek Holm.")
            .empty());
  CHECK(kinds("Mayor Irena Vosk arrived at Valmora City Hall just before 4am.",
              "Mayor Tobias Grell leaves Valmora City Hall in silence.")
            .empty());
}

TEST_CASE("compare: earlier readings are background: an old date's figures, 'by 6pm' snapshots") {
  auto kinds = [](const std::string& a, const std::string& b) {
    std::vector<Document> docs = {Doc("d1", "Coast Herald", a), Doc("d2", "Valmora Post", b)};
    for (auto& d : docs) d.published = "2026-05-18T07:00:00+02:00";
    return KindsOf(CompareClusters(docs, parallax::align::AlignDocuments(docs)));
  };
  CHECK(kinds("Irena Vosk won the Valmora run-off with 53.8% of the vote.",
              "Irena Vosk had led the Valmora first round on 3 May with 38.4% of the vote.")
            .empty());
  CHECK(kinds("Turnout in the Valmora run-off was 41.2%, the commission said.",
              "By 6pm, turnout in the Valmora run-off stood at 33.5%, the commission said.")
            .empty());
  CHECK(
      kinds("Turnout in the Valmora run-off was 41.2%, the commission said.",
            "Fewer than half of Valmora's voters turned out for the run-off, the commission said.")
          .empty());  // "fewer than half" is at most 50%
}

TEST_CASE("compare: a sentence's first word is context, unless it begins a name") {
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald", "Turnout in the Valmora run-off was 41.2%, the commission said."),
      Doc("d2", "Valmora Post", "Turnout was 44.7 per cent, according to the commission.")};
  CHECK(KindsOf(CompareClusters(docs, parallax::align::AlignDocuments(docs))) ==
        std::vector<FindingKind>{FindingKind::kQuantity});
}

TEST_CASE("compare: a claim told as fact against 'no evidence that' it happened is a conflict") {
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald", "Police sources said the Valmora fire was started deliberately."),
      Doc("d2", "Valmora Post",
          "The fire chief said there was no evidence that the Valmora fire was started "
          "deliberately.")};
  CHECK(KindsOf(CompareClusters(docs, parallax::align::AlignDocuments(docs))) ==
        std::vector<FindingKind>{FindingKind::kPolarity});
}

TEST_CASE("compare: a baseline and an interim reading are different earlier times") {
  std::vector<Document> docs = {
      Doc("d1", "Coast Herald",
          "Vosk had led the Valmora first round on 3 May with 38.4% of the vote."),
      Doc("d2", "Valmora Post",
          "By 6pm, Valmora turnout stood at 33.5%, compared with 29.8% of the vote at the same "
          "hour "
          "in the first round.")};
  for (auto& d : docs) d.published = "2026-05-18T07:00:00+02:00";
  CHECK(CompareClusters(docs, parallax::align::AlignDocuments(docs)).findings.empty());
}

TEST_CASE("compare: two outlets' 'last night' are not one night by likeness alone") {
  std::vector<Document> docs = {
      Doc("d1", "Coast Herald", "The rescued Valmora miners were being checked over last night."),
      Doc("d2", "Valmora Post",
          "One rescued Valmora miner remained at Korvath Regional Hospital last night.")};
  docs[0].published = "2026-11-19T13:20:00+02:00";
  docs[1].published = "2026-11-20T06:00:00+02:00";
  for (const auto& f : CompareClusters(docs, parallax::align::AlignDocuments(docs)).findings) {
    CHECK(f.kind != FindingKind::kTime);
  }
}

TEST_CASE("compare: a denial must say what it denies") {
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald", "The Greyhollow mine is operated by Ardent Coal near Valmora."),
      Doc("d2", "Valmora Post", "Ardent Coal, the Greyhollow mine's operator, denies this.")};
  CHECK(CompareClusters(docs, parallax::align::AlignDocuments(docs)).findings.empty());
}

TEST_CASE("compare: a year left unstated does not clash with a stated one") {
  // Published in June 2026: "January 1" alone reads as the nearest, 2026.
  std::vector<Document> docs = {
      Doc("d1", "Coast Herald", "Harbour dues for Valmora ships fall by 12% from 1 January 2027."),
      Doc("d2", "Valmora Post", "Harbour dues for Valmora ships fall by 12% from January 1.")};
  for (auto& d : docs) d.published = "2026-06-09T17:00:00+00:00";
  CHECK(CompareClusters(docs, parallax::align::AlignDocuments(docs)).findings.empty());
}

TEST_CASE("compare: 'people' counted for two different things are not compared") {
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald",
          "The warehouse fire in Valmora injured four people and forced 400 residents out."),
      Doc("d2", "Valmora Post",
          "The warehouse fire in Valmora led the mayor to evacuate 400 people overnight.")};
  CHECK(CompareClusters(docs, parallax::align::AlignDocuments(docs)).findings.empty());
}

TEST_CASE("compare: the dead or hurt among a count are not the whole count") {
  auto kinds = [](const std::string& a, const std::string& b) {
    const std::vector<Document> docs = {Doc("d1", "Coast Herald", a), Doc("d2", "Valmora Post", b)};
    return KindsOf(CompareClusters(docs, parallax::align::AlignDocuments(docs)));
  };
  CHECK(kinds("Two passengers were killed when the evening train from Tollerby derailed at "
              "Marrow Bend.",
              "The evening train from Tollerby, carrying 140 passengers, derailed at Marrow Bend.")
            .empty());
  CHECK(kinds("Two passengers were killed when the evening train from Tollerby derailed at "
              "Marrow Bend.",
              "Three passengers were killed when the evening train from Tollerby derailed at "
              "Marrow Bend.") == std::vector<FindingKind>{FindingKind::kQuantity});
  CHECK(kinds("Two passengers were killed when the evening train from Tollerby derailed at "
              "Marrow Bend.",
              "Forty passengers were injured when the evening train from Tollerby derailed at "
              "Marrow Bend.")
            .empty());
}

TEST_CASE("compare: one outlet quoting two remarks, the other one of them, is no misquote") {
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald",
          "\"This is a fair deal for the people who work the sea,\" Minister Ola Brandt said, "
          "adding that he had \"not given away a single fishing ground\"."),
      Doc("d2", "Valmora Post",
          "\"This is a fair deal for the people who work the sea,\" Minister Ola Brandt told "
          "reporters on the quay.")};
  const auto c = CompareClusters(docs, parallax::align::AlignDocuments(docs));
  for (const auto& f : c.findings) CHECK(f.kind != FindingKind::kQuote);
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
  // Tallies are exact: equal ones agree, neighbours do not.
  CHECK(
      QuantitiesCompatible(Q(7004, "tally", Bound::kExact, 0), Q(7004, "tally", Bound::kExact, 0)));
  CHECK_FALSE(
      QuantitiesCompatible(Q(7004, "tally", Bound::kExact, 0), Q(6005, "tally", Bound::kExact, 0)));
}

TEST_CASE("facets: a quantity facet compares only its figures, and a pair is reported once") {
  using parallax::ClusterBasis;
  using parallax::align::AlignDocuments;
  const std::vector<Document> docs = {
      Doc("d1", "Ledger", "The council voted 7-4 to approve the rail budget late on Tuesday."),
      Doc("d2", "Report", "After a long night the council did not hesitate and voted 6-5 for it.")};
  parallax::align::Alignment a = AlignDocuments(docs);
  // Line both claims up twice, as a statement and as a quantity facet.
  a.clusters = {{"k1", {"c1", "c2"}, Verdict::kSingle, ClusterBasis::kStatement},
                {"k2", {"c1", "c2"}, Verdict::kSingle, ClusterBasis::kQuantity}};
  a.cluster_members = {{0, 1}, {0, 1}};
  REQUIRE(a.claims.size() == 2);
  const auto c = CompareClusters(docs, a);
  size_t tallies = 0;
  for (const auto& f : c.findings) {
    if (f.kind == FindingKind::kQuantity) ++tallies;
  }
  CHECK(tallies == 1);

  // As a quantity facet alone, the negation in one claim is not compared.
  a.clusters = {{"k1", {"c1", "c2"}, Verdict::kSingle, ClusterBasis::kQuantity}};
  a.cluster_members = {{0, 1}};
  for (const auto& f : CompareClusters(docs, a).findings) {
    CHECK(f.kind == FindingKind::kQuantity);
  }
}

namespace {
// Reads one sentence per outlet, each stamped `published`, and lines the two claims up as one
// statement, so that only the comparison of their times is tested.
parallax::compare::Comparison CompareTimes(const std::string& a, const std::string& published_a,
                                           const std::string& b, const std::string& published_b) {
  std::vector<Document> docs = {Doc("d1", "Coast Herald", a), Doc("d2", "Valmora Post", b)};
  docs[0].published = published_a;
  docs[1].published = published_b;
  parallax::align::Alignment al = parallax::align::AlignDocuments(docs);
  REQUIRE(al.claims.size() == 2);
  al.clusters = {{"k1", {"c1", "c2"}}};
  al.cluster_members = {{0, 1}};
  return CompareClusters(docs, al);
}

bool HasTimeFinding(const parallax::compare::Comparison& c) {
  for (const auto& f : c.findings) {
    if (f.kind == FindingKind::kTime) return true;
  }
  return false;
}

constexpr const char* kBrussels = "2025-11-04T12:18:00+01:00";
constexpr const char* kLondon = "2025-11-04T05:32:00+00:00";
constexpr const char* kTuesdayLate = "2025-10-14T23:48:00-04:00";
constexpr const char* kWednesdayEarly = "2025-10-15T06:30:00-04:00";
}  // namespace

TEST_CASE("times: a local time and a stated zone cannot be put on one clock, so they agree") {
  const auto c = CompareTimes("The harbour talks in Valmora began at 0600 GMT.", kBrussels,
                              "The harbour talks in Valmora began at 2pm local time.", kLondon);
  CHECK_FALSE(HasTimeFinding(c));
}

TEST_CASE("times: two wall clocks of different names cannot be set side by side") {
  CHECK_FALSE(HasTimeFinding(
      CompareTimes("The harbour talks in Valmora began at 2pm local time.", kBrussels,
                   "The harbour talks in Valmora began at 15:40 Lisbon time.", kLondon)));
  // Both on the place's clock: an hour and forty minutes apart.
  CHECK(HasTimeFinding(
      CompareTimes("The harbour talks in Valmora began at 2pm local time.", kBrussels,
                   "The harbour talks in Valmora began at 3.40pm local time.", kLondon)));
}

TEST_CASE("times: a hedged time agrees with a precise time inside it") {
  const auto c = CompareTimes("The council's roll call came at 10:50 p.m.", kWednesdayEarly,
                              "The council's roll call came shortly before 11 p.m.", kTuesdayLate);
  CHECK_FALSE(HasTimeFinding(c));
}

TEST_CASE("times: after midnight on the next day conflicts with 10:50 p.m. the evening before") {
  const auto c =
      CompareTimes("The council's roll call came at 10:50 p.m.", kWednesdayEarly,
                   "The council's roll call came after midnight.", "2025-10-15T06:40:00-04:00");
  REQUIRE(HasTimeFinding(c));
  const auto& f = c.findings.front();
  REQUIRE(f.values.size() == 2);
  CHECK(f.values[0].value == "2025-10-14 22:50 (UTC-04:00)");
  CHECK(f.values[1].value == "2025-10-15 00:00-04:00 (UTC-04:00)");
}

TEST_CASE("times: two stated times eight hours apart conflict") {
  const auto c = CompareTimes("The harbour talks in Valmora began at 0600 GMT.", kBrussels,
                              "The harbour talks in Valmora began at 1400 GMT.", kLondon);
  CHECK(HasTimeFinding(c));
}

TEST_CASE("times: the same stated zone written two ways agrees after conversion to UTC") {
  const auto c = CompareTimes("The harbour talks in Valmora began at 0700 CET.", kBrussels,
                              "The harbour talks in Valmora began at 06:00 GMT.", kLondon);
  CHECK_FALSE(HasTimeFinding(c));
}

TEST_CASE("times: unzoned times from outlets in different zones agree when the clocks read alike") {
  // Each outlet gives the time of the place without saying so.
  const auto c =
      CompareTimes("The harbour talks in Valmora began at 2 p.m.", kBrussels,
                   "The harbour talks in Valmora began at 2 p.m.", "2025-11-04T21:36:00+08:00");
  CHECK_FALSE(HasTimeFinding(c));
}

TEST_CASE("times: a time on a day agrees with that day; a night past midnight is the next day") {
  CHECK_FALSE(HasTimeFinding(
      CompareTimes("The harbour talks in Valmora ended on Tuesday evening.", kBrussels,
                   "The harbour talks in Valmora ended on 4 November.", kLondon)));
  // "Tuesday night" runs into Wednesday's small hours.
  CHECK_FALSE(
      HasTimeFinding(CompareTimes("The harbour talks in Valmora ended on Tuesday night.", kBrussels,
                                  "The harbour talks in Valmora ended on 5 November.", kLondon)));
  CHECK(HasTimeFinding(CompareTimes(
      "The harbour talks in Valmora ended on Tuesday evening.", kBrussels,
      "The harbour talks in Valmora ended on Tuesday, just after midnight.", kLondon)));
}

TEST_CASE("times: a day inferred for a bare time is not held against a stated date") {
  // "at 6 p.m." alone takes the publication day, which says nothing of 30 October.
  CHECK_FALSE(HasTimeFinding(CompareTimes(
      "The harbour hearing opens at 6 p.m. in the council chambers.", kBrussels,
      "The harbour hearing opens on Thursday, Oct. 30 in the council chambers.", kLondon)));
}

TEST_CASE("entities: the same role credited to two bodies of one kind is a conflict") {
  const std::vector<Document> docs = {
      Doc("d1", "Ledger",
          "The federal share would come from the Federal Transit Administration grant program."),
      Doc("d2", "Wire",
          "The federal share would come through a Federal Railroad Administration grant program."),
      Doc("d3", "Radio",
          "The federal share would come from the Transit Administration grant program.")};
  const auto a = parallax::align::AlignDocuments(docs);
  const auto c = CompareClusters(docs, a);
  std::vector<std::string> sides;
  for (const auto& f : c.findings) {
    if (f.kind != FindingKind::kEntity) continue;
    for (const auto& v : f.values) sides.push_back(v.document_id + ":" + v.value);
  }
  // d1 and d3 name one body (a shortening is the same name); d2 names another.
  CHECK(std::find(sides.begin(), sides.end(), "d2:Federal Railroad Administration") != sides.end());
  CHECK(std::find(sides.begin(), sides.end(), "d1:Federal Transit Administration") != sides.end());
  // A shortening of a name is the same body: d1 and d3 alone agree.
  const std::vector<Document> same = {docs[0], docs[2]};
  const auto same_alignment = parallax::align::AlignDocuments(same);
  REQUIRE_FALSE(same_alignment.clusters.empty());
  CHECK(same_alignment.cluster_members[0].size() == 2);  // lined up, so they were compared
  for (const auto& f : CompareClusters(same, same_alignment).findings) {
    CHECK(f.kind != FindingKind::kEntity);
  }
}

namespace {
std::vector<parallax::Finding> PolarityFindings(const std::vector<Document>& docs) {
  const auto a = parallax::align::AlignDocuments(docs);
  std::vector<parallax::Finding> out;
  for (const auto& f : CompareClusters(docs, a).findings) {
    if (f.kind == FindingKind::kPolarity) out.push_back(f);
  }
  return out;
}
}  // namespace

TEST_CASE("intent: 'will not veto' against 'is expected to veto' is a conflict") {
  const auto findings = PolarityFindings(
      {Doc("d1", "Ledger", "Mayor Carla Okoro said she would not veto the transit ordinance."),
       Doc("d2", "Report", "Mayor Carla Okoro is expected to veto the transit ordinance.")});
  REQUIRE(findings.size() == 1);
  REQUIRE(findings[0].values.size() == 2);
  CHECK(findings[0].values[0].value == "will not veto");
  CHECK(findings[0].values[1].value == "expected to veto");
}

TEST_CASE("intent: opposite acts forecast for one actor conflict, unless one names both") {
  CHECK(PolarityFindings(
            {Doc("d1", "Ledger", "Mayor Carla Okoro will sign the transit ordinance this week."),
             Doc("d2", "Report", "Mayor Carla Okoro is expected to veto the transit ordinance.")})
            .size() == 1);
  // "sign it, lifting the threat of a veto" names the act it rules out: no conflict.
  CHECK(
      PolarityFindings(
          {Doc("d1", "Ledger",
               "Mayor Carla Okoro will sign the transit ordinance, lifting the threat of a veto."),
           Doc("d2", "Report", "Mayor Carla Okoro said she would not veto the transit ordinance.")})
          .empty());
}

TEST_CASE("intent: what happened is not weighed against a forecast") {
  CHECK(PolarityFindings(
            {Doc("d1", "Ledger", "Mayor Carla Okoro signed the transit ordinance on Friday."),
             Doc("d2", "Report", "Mayor Carla Okoro is expected to veto the transit ordinance.")})
            .empty());
}

TEST_CASE("facets: the one account giving another figure is compared with the agreeing ones") {
  const std::vector<Document> docs = {
      Doc("d1", "Ledger", "The regent received the envoy, and their talks lasted four hours."),
      Doc("d2", "Wire", "Negotiators emerged after four hours of talks at the palace on Friday."),
      Doc("d3", "Radio", "Aides said the four-hour session with the regent ended without a deal."),
      Doc("d4", "Report", "Fishing crews waited outside as the talks dragged on for six hours.")};
  const auto a = parallax::align::AlignDocuments(docs);
  const auto c = CompareClusters(docs, a);
  const parallax::Finding* duration = nullptr;
  for (const auto& f : c.findings) {
    if (f.kind == FindingKind::kQuantity) duration = &f;
  }
  REQUIRE(duration != nullptr);
  CHECK(duration->summary.find("Report says 6 h") != std::string::npos);
}

TEST_CASE("modality: a denial against the same statement told as fact is a polarity conflict") {
  const auto findings = PolarityFindings(
      {Doc("d1", "Ledger",
           "Minister Ilse Varga met the striking dock workers in Dunmere on Friday."),
       Doc("d2", "Report",
           "The ministry denied that Minister Ilse Varga met the striking dock workers in "
           "Dunmere on Friday.")});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].summary.find("denied") != std::string::npos);
}

TEST_CASE("modality: what happened against what was only expected is a low-severity conflict") {
  const auto findings = PolarityFindings(
      {Doc("d1", "Ledger", "The two ministers signed the harbour accord in Valmora on Friday."),
       Doc("d2", "Report",
           "The two ministers are expected to sign the harbour accord in Valmora.")});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].severity == parallax::Severity::kLow);
  CHECK(findings[0].summary.find("only expected") != std::string::npos);
  // A deadline to act is not the act: "has ten days to sign or veto it".
  CHECK(PolarityFindings(
            {Doc("d1", "Ledger", "Mayor Carla Okoro has ten days to sign or veto the ordinance."),
             Doc("d2", "Report", "Mayor Carla Okoro is expected to veto the ordinance.")})
            .empty());
}

TEST_CASE("copies: a copy neither counts as an account of its own nor is held to omit a fact") {
  // Three accounts state the pier's approval; a fourth does not, and a fifth copies the fourth.
  const std::string fourth = "The ferry crews' union watched the long session from the gallery.";
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald", "The harbour council approved the new ferry pier on Monday."),
      Doc("d2", "Valmora Post", "On Monday the harbour council approved the new ferry pier."),
      Doc("d3", "Quay Times", "The new ferry pier was approved by the harbour council on Monday."),
      Doc("d4", "Bay Echo", fourth), Doc("d5", "Bay Echo Syndicate", fourth)};
  parallax::align::Alignment a = parallax::align::AlignDocuments(docs);
  REQUIRE(a.claims.size() == 5);
  a.clusters = {{"k1", {"c1", "c2", "c3"}}, {"k2", {"c4", "c5"}}};
  a.cluster_members = {{0, 1, 2}, {3, 4}};
  a.document_events = {0, 0, 0, 0, 0};
  auto omitted_by = [&](const std::vector<int>& copies) {
    a.document_copies = copies;
    std::vector<std::string> out;
    for (const auto& f : CompareClusters(docs, a).findings) {
      if (f.kind != FindingKind::kOmission) continue;
      for (const auto& v : f.values) {
        if (v.claim_id.empty()) out.push_back(v.document_id);
      }
    }
    return out;
  };
  // Three of four independent accounts state it: the fourth omits it; its copy is not held to.
  CHECK(omitted_by({-1, -1, -1, -1, 3}) == std::vector<std::string>{"d4"});
  // Counted as an account of its own, the copy would dilute "most" to three of five.
  CHECK(omitted_by({-1, -1, -1, -1, -1}).empty());
  // And the copy is found as such.
  CHECK(parallax::align::AlignDocuments(docs).document_copies[4] == 3);
}

TEST_CASE("omissions: only a fact every reporting outlet tells alike is held to be omitted") {
  std::vector<Document> docs = {
      Doc("d1", "Coast Herald", "The harbour council approved the new ferry pier on Monday."),
      Doc("d2", "Valmora Post", "On Monday the harbour council approved the new ferry pier."),
      Doc("d3", "Quay Times", "The new ferry pier was approved by the harbour council on Monday."),
      Doc("d4", "Bay Echo", "The ferry crews' union watched the long session from the gallery.")};
  // The first three claims lined up as one statement, the fourth alone.
  auto omissions = [&] {
    parallax::align::Alignment a = parallax::align::AlignDocuments(docs);
    REQUIRE(a.claims.size() == 4);
    a.clusters = {{"k1", {"c1", "c2", "c3"}}, {"k2", {"c4"}}};
    a.cluster_members = {{0, 1, 2}, {3}};
    a.document_events = {0, 0, 0, 0};
    a.document_copies = {-1, -1, -1, -1};
    size_t n = 0;
    for (const auto& f : CompareClusters(docs, a).findings) n += f.kind == FindingKind::kOmission;
    return n;
  };
  CHECK(omissions() == 1);
  // A cluster chained through loose links is no fact three outlets report.
  docs[2].text = "The ferry timetable for the winter was printed in the Monday paper.";
  CHECK(omissions() == 0);
}

TEST_CASE("polarity: 'not X but Y' is a contrast, not a denial of what the other claim says") {
  CHECK(
      PolarityFindings(
          {Doc("d1", "Ledger",
               "Officials said the shipments to the port included drone parts and machine tools."),
           Doc("d2", "Report",
               "Officials said the problem is not drone parts but machine tools in the shipments "
               "to the port.")})
          .empty());
}

TEST_CASE("acts: who proposed it, told in unlike sentences, is lined up and compared") {
  const std::vector<Document> docs = {
      Doc("d1", "Ledger",
          "At the proposal of the Valmoran side, the two delegations agreed to set up a standing "
          "channel for fishing disputes."),
      Doc("d2", "Wire",
          "The fishing channel, proposed by Dunmere in March after a season of quarrels over "
          "quotas, will hold its first session in the spring.")};
  const auto a = parallax::align::AlignDocuments(docs);
  bool act_cluster = false;
  for (const auto& k : a.clusters)
    act_cluster = act_cluster || k.basis == parallax::ClusterBasis::kAct;
  CHECK(act_cluster);
  const auto c = CompareClusters(docs, a);
  REQUIRE(c.findings.size() == 1);
  CHECK(c.findings[0].kind == FindingKind::kAttribution);
  CHECK(c.findings[0].summary.find("who took the initiative") != std::string::npos);
}

TEST_CASE("acts: the same order credited to two people is an attribution conflict") {
  const std::vector<Document> docs = {
      Doc("d1", "Ledger",
          "Chief Fire Officer Ingrid Sorel ordered the evacuation of the Millbrook estate "
          "shortly after midnight."),
      Doc("d2", "Wire",
          "Mayor Dieter Hallam ordered the evacuation of the Millbrook estate in the middle of "
          "the night.")};
  const auto c = CompareClusters(docs, parallax::align::AlignDocuments(docs));
  REQUIRE(KindsOf(c) == std::vector<FindingKind>{FindingKind::kAttribution});
  CHECK(c.findings[0].summary.find("who gave the order") != std::string::npos);
}

TEST_CASE("acts: who led it is an entity conflict when the led thing is one") {
  auto kinds = [](const std::string& a, const std::string& b) {
    const std::vector<Document> docs = {Doc("d1", "Ledger", a), Doc("d2", "Wire", b)};
    return KindsOf(CompareClusters(docs, parallax::align::AlignDocuments(docs)));
  };
  CHECK(kinds("The Valmora rescue operation was led by Halvard Brenn of the rescue service.",
              "Marta Sollen, who led the Valmora rescue operation, praised the crews.") ==
        std::vector<FindingKind>{FindingKind::kEntity});
  // One person under two forms of her name and title.
  CHECK(kinds("The Lessarian delegation to Valmora was led by envoy Varga on Thursday.",
              "Lessaria's delegation to Valmora was led by Dr. Helena Varga on Thursday.")
            .empty());
}

TEST_CASE("acts: who operates the site is an entity conflict, told in any of its forms") {
  auto kinds = [](const std::string& a, const std::string& b) {
    const std::vector<Document> docs = {Doc("d1", "Ledger", a), Doc("d2", "Wire", b)};
    return KindsOf(CompareClusters(docs, parallax::align::AlignDocuments(docs)));
  };
  const std::vector<FindingKind> entity = {FindingKind::kEntity};
  CHECK(kinds("The Valmora colliery is operated by Ardent Coal, which bought it in 2011.",
              "Pit operator Merrin Energy said the Valmora colliery would stay shut.") == entity);
  CHECK(kinds("The Valmora line is run by Aske Valley Railways, the regional company.",
              "The Valmora line is operated by state-owned Lorvian State Railways.") == entity);
  // One company under a longer and a shorter name, in the other forms.
  CHECK(kinds("Ardent Coal, which runs the Valmora colliery, said the pumps had failed.",
              "Ardent Coal Company, the Valmora colliery's operator, said the pumps had failed.")
            .empty());
  CHECK(kinds("The Valmora colliery's operator, Ardent Coal, said the pumps had failed.",
              "Ardent Coal operates the Valmora colliery, where the pumps had failed.")
            .empty());
}

TEST_CASE("acts: orders of different things by different people are not one act") {
  const std::vector<Document> docs = {
      Doc("d1", "Ledger",
          "Fire chief Ingrid Sorel ordered the evacuation of the Millbrook estate."),
      Doc("d2", "Wire", "Mayor Dieter Hallam ordered an inquiry into the Millbrook fire.")};
  const auto c = CompareClusters(docs, parallax::align::AlignDocuments(docs));
  CHECK(c.findings.empty());
}

TEST_CASE("acts: a possessive or 'it was X who' credits a proposal; a label does not") {
  auto agents = [](const std::string& text) {
    const std::vector<Document> docs = {Doc("d1", "Ledger", text)};
    std::vector<std::string> out;
    for (const auto& claim : parallax::align::AlignDocuments(docs).claims) {
      for (const auto& act : claim.acts) out.push_back(act.kind + ":" + act.agent);
    }
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(agents("It was Brodt's proposal for a customs office that broke the deadlock.") ==
        V{"initiative:brodt"});
  CHECK(agents("It was Brodt who proposed a joint customs office at the terminal.") ==
        V{"initiative:brodt"});
  CHECK(agents("It began life as an EU proposal first tabled in July last year.").empty());
  CHECK(
      agents("Ostrenia did not respond to the Beacon's request for comment on the deal.").empty());
  CHECK(agents("Ostrenia and Haldmark initial a port fees deal after two days of talks.").empty());
  // Who operates a site, in each form an outlet writes it.
  CHECK(agents("The colliery is operated by Ardent Coal.") == V{"operator:ardent coal"});
  CHECK(agents("Pit operator Merrin Energy kept the colliery shut.") ==
        V{"operator:merrin energy"});
  CHECK(agents("The colliery's operator, Ardent Coal, kept it shut.") == V{"operator:ardent coal"});
  CHECK(agents("Ardent Coal Company, the colliery's operator, kept it shut.") ==
        V{"operator:ardent coal company"});
  CHECK(agents("Ardent Coal, which runs the colliery, kept it shut.") == V{"operator:ardent coal"});
  CHECK(agents("The line was run by Lorvian State Railways until 2019.") ==
        V{"operator:lorvian state railways"});
  CHECK(agents("The ferry, operated by the state-owned ferry company Calcoast, hit a sandbar.") ==
        V{"operator:calcoast"});
  // A race, a story or a line that runs somewhere is no operator.
  CHECK(agents("The Aske Valley line runs between Tollerby and Hennamoor.").empty());
}

TEST_CASE("quotes: one utterance quoted in two wordings is a quote conflict; a shortening is not") {
  auto quote_findings = [](const std::string& a, const std::string& b) {
    const std::vector<Document> docs = {Doc("d1", "Ledger", a), Doc("d2", "Report", b)};
    auto al = parallax::align::AlignDocuments(docs);
    REQUIRE(al.claims.size() == 2);
    al.clusters = {{"k1", {"c1", "c2"}}};
    al.cluster_members = {{0, 1}};
    size_t n = 0;
    for (const auto& f : CompareClusters(docs, al).findings) n += f.kind == FindingKind::kQuote;
    return n;
  };
  CHECK(quote_findings(
            "\"We are writing a check with money we do not have,\" Councilman Hardesty said.",
            "\"We are writing a blank check on our grandchildren's credit card,\" Councilman "
            "Hardesty said.") == 1);
  CHECK(quote_findings(
            "\"We are writing a check with money we do not have, and our grandchildren will pay "
            "for it,\" Councilman Hardesty said.",
            "\"Our grandchildren will pay for it,\" Councilman Hardesty said.") == 0);
  // One word changed in the same sentence: "a fair deal" made "a victory".
  CHECK(quote_findings(
            "\"This is a fair deal for the people who work the sea,\" Minister Anselm Brodt said.",
            "\"This is a victory for the people who work the sea,\" Minister Anselm Brodt said.") ==
        1);
  CHECK(quote_findings(
            "\"This is a fair deal for the people who work the sea,\" Minister Anselm Brodt said.",
            "\"This is a fair deal, truly, for the people who work the sea,\" Minister Anselm "
            "Brodt said.") == 0);  // a word added is a fuller quote, not another wording
}

TEST_CASE("facets: a date most claims share does not pull a differently dated act away") {
  // Every account dates the summit to Tuesday; the envoy's arrival is dated differently.
  const std::vector<Document> docs = {
      Doc("d1", "Ledger",
          "The harbour summit opened in Valmora on Tuesday. The summit's talks on Tuesday ran "
          "late. The envoy, who arrived in Valmora on Monday evening, met the regent."),
      Doc("d2", "Wire",
          "The envoy, who arrived on Tuesday morning after an overnight flight, joined the "
          "summit. The harbour summit opened on Tuesday with talks on quotas."),
      Doc("d3", "Radio", "The harbour summit in Valmora began on Tuesday and ran late.")};
  const auto c = CompareClusters(docs, parallax::align::AlignDocuments(docs));
  const parallax::Finding* arrival = nullptr;
  for (const auto& f : c.findings) {
    if (f.kind == FindingKind::kTime) arrival = &f;
  }
  REQUIRE(arrival != nullptr);
  CHECK(arrival->summary.find("2025-11-03") != std::string::npos);
  CHECK(arrival->summary.find("2025-11-04") != std::string::npos);
}

TEST_CASE("times: a start time told on two clocks is lined up and not held as a clash") {
  const std::vector<Document> docs = {
      Doc("d1", "Ledger", "The envoy's talks with the regent began at 0600 GMT in the palace."),
      Doc("d2", "Wire", "Talks have started at the palace, at 2pm local time, aides said.")};
  const auto a = parallax::align::AlignDocuments(docs);
  bool together = false;
  for (const auto& members : a.cluster_members) {
    std::set<size_t> documents;
    for (size_t m : members) documents.insert(a.claims[m].document_index);
    together = together || documents.size() == 2;
  }
  CHECK(together);
  for (const auto& f : CompareClusters(docs, a).findings) CHECK(f.kind != FindingKind::kTime);
}

TEST_CASE("findings: one disagreement lined up in two clusters is told once, citing all claims") {
  using parallax::ClusterBasis;
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald",
          "The envoys will reconvene on 23 April in Valmora. "
          "The next round of talks in Valmora opens on 23 April."),
      Doc("d2", "Valmora Post",
          "The envoys will meet again on 16 April in Valmora. "
          "The envoys will meet again on 9 May in Valmora, an aide said."),
      Doc("d3", "Ledger", "The next round of talks in Valmora is scheduled for 16 April.")};
  parallax::align::Alignment a = parallax::align::AlignDocuments(docs);
  REQUIRE(a.claims.size() == 5);
  // d1's first claim is lined up with d2's, and again with d3's in another cluster.
  a.clusters = {{"k1", {"c1", "c3"}, Verdict::kSingle, ClusterBasis::kStatement},
                {"k2", {"c1", "c5"}, Verdict::kSingle, ClusterBasis::kStatement}};
  a.cluster_members = {{0, 2}, {0, 4}};
  auto c = CompareClusters(docs, a);
  REQUIRE(c.findings.size() == 1);
  const parallax::Finding& f = c.findings[0];
  CHECK(f.kind == FindingKind::kTime);
  CHECK(f.claim_ids == std::vector<std::string>{"c1", "c3", "c5"});
  CHECK(f.summary ==
        "Outlets disagree on when it will happen: Coast Herald says 2026-04-23, but Valmora Post "
        "and Ledger say 2026-04-16.");
  CHECK(c.clusters[0].verdict == Verdict::kConflict);
  CHECK(c.clusters[1].verdict == Verdict::kConflict);

  // The clusters share no claim: two disagreements, told apart.
  a.clusters[1] = {"k2", {"c2", "c5"}, Verdict::kSingle, ClusterBasis::kStatement};
  a.cluster_members[1] = {1, 4};
  c = CompareClusters(docs, a);
  CHECK(c.findings.size() == 2);

  // Valmora Post saying 16 April in one cluster and 9 May in the other: not folded together.
  a.clusters[1] = {"k2", {"c1", "c4"}, Verdict::kSingle, ClusterBasis::kStatement};
  a.cluster_members[1] = {0, 3};
  c = CompareClusters(docs, a);
  CHECK(c.findings.size() == 2);
}

TEST_CASE("facets: one date each in a date facet is one act's, whatever the words around it") {
  using parallax::ClusterBasis;
  const std::vector<Document> docs = {
      Doc("d1", "Coast Herald",
          "The launcher rose from the northern coast at 04:14 GMT on 3 November."),
      Doc("d2", "Valmora Post", "Lifted off at 05:14 UTC on 3 November, the rocket flew well.")};
  parallax::align::Alignment a = parallax::align::AlignDocuments(docs);
  REQUIRE(a.claims.size() == 2);
  a.clusters = {{"k1", {"c1", "c2"}, Verdict::kSingle, ClusterBasis::kDate}};
  a.cluster_members = {{0, 1}};
  CHECK(KindsOf(CompareClusters(docs, a)) == std::vector<FindingKind>{FindingKind::kTime});
  // Lined up as statements, unlike words around the times do not make them one act.
  a.clusters[0].basis = ClusterBasis::kStatement;
  CHECK(KindsOf(CompareClusters(docs, a)).empty());
}

TEST_CASE(
    "titles: a title one person holds, given to different people by two outlets, is an "
    "entity conflict") {
  auto findings = [](const std::string& a, const std::string& b) {
    const std::vector<Document> docs = {Doc("d1", "Ledger", a), Doc("d2", "Wire", b)};
    return CompareClusters(docs, parallax::align::AlignDocuments(docs)).findings;
  };
  const auto judges =
      findings("Judge Ilse Marrow delivered the verdict at 1.30pm. The court sat for an hour.",
               "Judge Konrad Veit told the former official he had betrayed the trust of voters.");
  REQUIRE(judges.size() == 1);
  CHECK(judges[0].kind == FindingKind::kEntity);
  CHECK(judges[0].summary.find("judge") != std::string::npos);
  // One judge under two forms of her title and name.
  CHECK(findings("Presiding judge Ilse Marrow began reading the verdict at 10:30 a.m.",
                 "Judge Marrow told the former official he had betrayed the trust of voters.")
            .empty());
  // An outlet naming two judges says the court has more than one: a panel, not a clash.
  CHECK(findings("Judge Ilse Marrow and Judge Konrad Veit heard the appeal on Monday.",
                 "Judge Konrad Veit told the former official he had betrayed the trust of voters.")
            .empty());
  // Titles several people hold in one story are not contested ("Minister X", "Minister Y").
  for (const auto& f : findings("Foreign Minister Han Zhiyuan arrived in the capital on Monday.",
                                "Foreign Minister Anna Brodt arrived in the capital on Monday.")) {
    CHECK(f.summary.find("who was the") == std::string::npos);
  }
}

TEST_CASE("titles: the lone dissenter named as two people is an entity conflict") {
  const std::vector<Document> docs = {
      Doc("d1", "Ledger",
          "The lone dissenter was Ilka Sorvane, who favoured a smaller increase in the rate."),
      Doc("d2", "Wire",
          "The lone dissenter was board member Jonas Bremmer, who argued for a smaller move.")};
  const auto c = CompareClusters(docs, parallax::align::AlignDocuments(docs));
  REQUIRE(KindsOf(c) == std::vector<FindingKind>{FindingKind::kEntity});
  CHECK(c.findings[0].summary.find("dissenter") != std::string::npos);
}

TEST_CASE("titles: 'the only N' and 'the lone N' name a title's one holder") {
  auto titles = [](const std::string& text) {
    const std::vector<Document> docs = {Doc("d1", "Ledger", text)};
    std::vector<std::string> out;
    for (const auto& claim : parallax::align::AlignDocuments(docs).claims) {
      for (const auto& act : claim.acts)
        out.push_back(act.kind + ":" + act.object + ":" + act.agent);
    }
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(titles("The lone dissenter was Ilka Sorvane, an external member.") ==
        V{"title:dissenter:ilka sorvane"});
  CHECK(titles("Sorvane was the only member to oppose the half-point rise.") ==
        V{"title:member to oppose:sorvane"});
  CHECK(titles("Jonas Bremmer, the sole dissenter, argued for a smaller move.") ==
        V{"title:dissenter:jonas bremmer"});
  // An only child, the only way: no one named holds them.
  CHECK(titles("The only way out was through the tunnel, the rescue team said.").empty());
}

TEST_CASE("acts: reading out the result is declaring it") {
  const std::vector<Document> docs = {
      Doc("d1", "Ledger",
          "Dr Ruth Amsel declared the result at 2:40 a.m. in the counting hall at City Hall."),
      Doc("d2", "Wire",
          "City Clerk Pieter Hollis read out the result in the counting hall of City Hall.")};
  const auto c = CompareClusters(docs, parallax::align::AlignDocuments(docs));
  REQUIRE(KindsOf(c) == std::vector<FindingKind>{FindingKind::kAttribution});
  CHECK(c.findings[0].summary.find("declaration") != std::string::npos);
}

TEST_CASE("entities: two stations of one town are two places; a shortened name is one") {
  auto findings = [](const std::string& a, const std::string& b) {
    const std::vector<Document> docs = {Doc("d1", "Ledger", a), Doc("d2", "Wire", b)};
    return CompareClusters(docs, parallax::align::AlignDocuments(docs)).findings;
  };
  const auto stations =
      findings("The train had left Tollerby Central with around 140 passengers on board.",
               "The train had departed from Tollerby Riverside station with some 140 passengers.");
  REQUIRE(stations.size() == 1);
  CHECK(stations[0].kind == FindingKind::kEntity);
  CHECK(stations[0].summary.find("where it happened") != std::string::npos);
  // The same station with and without its kind word, or more of its name.
  CHECK(findings("The train had left Tollerby Central with around 140 passengers on board.",
                 "The train had departed from Tollerby Central station with some 140 passengers.")
            .empty());
  CHECK(findings("The talks were held at the Diaoyutai State Guesthouse in western Beijing.",
                 "The talks were held at the Diaoyutai guesthouse in western Beijing.")
            .empty());
}

TEST_CASE("dates: two dates of one plan clash even when told in other words") {
  // Lined up as one statement (as in a larger event), each claim with one date.
  auto kinds = [](const std::string& a, const std::string& b) {
    const std::vector<Document> docs = {Doc("d1", "Ledger", a), Doc("d2", "Wire", b)};
    auto al = parallax::align::AlignDocuments(docs);
    REQUIRE(al.claims.size() == 2);
    al.clusters = {{"k1", {"c1", "c2"}}};
    al.cluster_members = {{0, 1}};
    return KindsOf(CompareClusters(docs, al));
  };
  CHECK(kinds("Vosk will be sworn in on 1 December.", "Ms Vosk takes office on 8 December.") ==
        std::vector<FindingKind>{FindingKind::kTime});
  // Past acts told in other words may be two acts of one night.
  CHECK(kinds("Oskar Lind was seen leaving the Pilot House after 3 a.m. on Tuesday.",
              "The text was drafted overnight on Monday by a team led by Oskar Lind.")
            .empty());
}

TEST_CASE("polarity: 'refused to concede' against 'has conceded', of one person") {
  auto polarity = [](const std::string& a, const std::string& b) {
    return PolarityFindings({Doc("d1", "Ledger", a), Doc("d2", "Wire", b)}).size();
  };
  CHECK(polarity("Tobias Grell has conceded.", "Grell has refused to concede.") == 1);
  // Of two people, both may hold.
  CHECK(polarity("Anna Vosk has conceded.", "Grell has refused to concede.") == 0);
}

namespace {
// Findings of two one-claim documents, lined up by hand as one statement.
std::vector<parallax::Finding> LinedUpFindings(const std::string& a, const std::string& published_a,
                                               const std::string& b,
                                               const std::string& published_b) {
  std::vector<Document> docs = {Doc("d1", "Ledger", a), Doc("d2", "Wire", b)};
  docs[0].published = published_a;
  docs[1].published = published_b;
  auto al = parallax::align::AlignDocuments(docs);
  REQUIRE(al.claims.size() == 2);
  al.clusters = {{"k1", {"c1", "c2"}}};
  al.cluster_members = {{0, 1}};
  return CompareClusters(docs, al).findings;
}

// The findings of `kind` for claims `a` and `b` lined up in one cluster, both published `day`.
std::vector<parallax::Finding> FindingsOfKind(FindingKind kind, const std::string& a,
                                              const std::string& b, const std::string& day) {
  std::vector<parallax::Finding> out;
  for (const auto& f : LinedUpFindings(a, day, b, day))
    if (f.kind == kind) out.push_back(f);
  return out;
}
}  // namespace

TEST_CASE("states: reopened against still closed, on one day, is a polarity conflict") {
  const std::string wed = "2026-09-16T20:00:00+00:00", thu = "2026-09-17T08:00:00+00:00";
  // Polarity findings only: the claims' dates are compared by their own rule.
  auto polarity = [](const std::vector<parallax::Finding>& findings) {
    size_t n = 0;
    for (const auto& f : findings) n += f.kind == FindingKind::kPolarity;
    return n;
  };
  CHECK(polarity(LinedUpFindings(
            "Sable Point airport reopened to commercial flights on Wednesday afternoon.", thu,
            "Sable Point airport remained closed on Wednesday night.", thu)) == 1);
  // Undated, each on its publication day.
  CHECK(polarity(LinedUpFindings("Sable Point airport has reopened to commercial flights.", wed,
                                 "Sable Point airport is still shut, with tourists stranded.",
                                 wed)) == 1);
  CHECK(polarity(LinedUpFindings(
            "The Aske line remained closed in both directions on Wednesday morning.", thu,
            "Trains were running again on the Aske line by Wednesday morning.", thu)) == 1);
  // A forecast that it will stay closed does not make the closure a forecast.
  CHECK(polarity(LinedUpFindings("The Aske line remained closed on Wednesday morning and is not "
                                 "expected to reopen before Monday.",
                                 thu, "Trains were running again on the Aske line by Wednesday.",
                                 thu)) == 1);
  // A story told over days: closed on one, open on the next.
  CHECK(polarity(LinedUpFindings("Sable Point airport remained closed on Tuesday.", thu,
                                 "Sable Point airport reopened to flights on Wednesday.", thu)) ==
        0);
  CHECK(polarity(LinedUpFindings("Sable Point airport is still shut, with tourists stranded.", wed,
                                 "Sable Point airport has reopened to commercial flights.", thu)) ==
        0);
  // What is not expected to reopen is closed.
  CHECK(polarity(
            LinedUpFindings("The Aske line is closed and is not expected to reopen before Monday.",
                            thu, "The Aske line was closed on Wednesday morning.", thu)) == 0);
  // A closed-door meeting is no closed road.
  CHECK(polarity(LinedUpFindings("The ministers met behind closed doors at the airport hotel.", wed,
                                 "The airport hotel has reopened after the storm.", wed)) == 0);
}

TEST_CASE("quotes: a remark quoted two ways, one outlet leaving its speaker unknown") {
  const std::vector<Document> docs = {
      Doc("d1", "Ledger",
          "\"This is a fair deal for the people who work the sea,\" Brodt told reporters after "
          "the ceremony."),
      Doc("d2", "Wire",
          "Minister Velde and Minister Brodt met on the quay. \"This is a victory for the people "
          "who work the sea,\" the minister told reporters after the ceremony.")};
  const auto al = parallax::align::AlignDocuments(docs);
  // "the minister" could be either: the quote's speaker is left unknown.
  for (const auto& c : al.claims) {
    for (const auto& q : c.quotes) {
      if (c.document_index == 1) CHECK(q.speaker.empty());
    }
  }
  std::vector<std::string> quote_topics;
  for (const auto& f : CompareClusters(docs, al).findings) {
    if (f.kind == FindingKind::kQuote) quote_topics.push_back(f.summary);
  }
  REQUIRE(quote_topics.size() == 1);
  CHECK(quote_topics[0].find("how Brodt was quoted") != std::string::npos);
}

TEST_CASE("times: two moments told to the minute clash even when told in other words") {
  const std::string wed = "2026-11-18T08:10:00+01:00";
  auto times = [](const std::vector<parallax::Finding>& findings) {
    size_t n = 0;
    for (const auto& f : findings) n += f.kind == FindingKind::kTime;
    return n;
  };
  CHECK(times(LinedUpFindings("The Aske Valley train from Tollerby derailed just before 8 p.m. "
                              "on a bend south of the town of Brenholt.",
                              wed,
                              "The evening service from Tollerby crashed at about 8.30pm as it "
                              "swung into Marrow Bend, just outside the sleepy town of Brenholt.",
                              wed)) == 1);
  // Parts of the day are broad: "after 3 a.m." and "overnight" told in other words may be two
  // acts of one night.
  CHECK(times(LinedUpFindings("Oskar Lind was seen leaving the Pilot House after 3 a.m. on "
                              "Tuesday, near the bend outside Brenholt.",
                              wed,
                              "The text was drafted overnight on Monday by a team led by Oskar "
                              "Lind at the bend outside Brenholt.",
                              wed)) == 0);
}

TEST_CASE("places: the place something happened near, named two ways, is an entity conflict") {
  auto findings = [](const std::string& a, const std::string& b) {
    const std::vector<Document> docs = {Doc("d1", "Ledger", a), Doc("d2", "Wire", b)};
    return CompareClusters(docs, parallax::align::AlignDocuments(docs)).findings;
  };
  const auto landfall =
      findings("The storm made landfall near the town of Ambrin on the southeast coast.",
               "The storm made landfall near Lisseau, before tracking west over Ambrin.");
  REQUIRE(landfall.size() == 1);
  CHECK(landfall[0].kind == FindingKind::kEntity);
  CHECK(landfall[0].summary.find("where it happened") != std::string::npos);
  // One town, with and without "the town of"; and places near which different things happened.
  CHECK(findings("The storm made landfall near the town of Ambrin on the southeast coast.",
                 "Quilla made landfall just outside Ambrin before dawn.")
            .empty());
  CHECK(findings("The storm made landfall near the town of Ambrin on the southeast coast.",
                 "A ferry sank off Lisseau as the storm made its way along the coast.")
            .empty());
  // "came ashore" is landfall; "the Lorvian river town of Brenholt" is Brenholt.
  CHECK(findings("Quilla came ashore near Ambrin at 09:40, with sustained winds of 110 km/h.",
                 "The storm made landfall near the coastal town of Lisseau with winds of 110 km/h.")
            .size() == 1);
  CHECK(findings("The evening train derailed on a curve just outside Brenholt on Tuesday.",
                 "The evening train derailed on a curve near the Lorvian river town of Brenholt.")
            .empty());
  // Pickets stand at many gates; an earlier storm came ashore elsewhere.
  CHECK(findings("Union pickets outside Tollbridge General were cheered by passing drivers.",
                 "Union pickets outside Brackwater University Hospital were cheered by drivers.")
            .empty());
  CHECK(findings("The storm made landfall near the town of Ambrin on the southeast coast.",
                 "That hurricane made landfall near Lisseau in 2017, on the southeast coast.")
            .empty());
}

TEST_CASE("places: where people were landed, told two ways, is an entity conflict") {
  auto findings = [](const std::string& a, const std::string& b) {
    const std::vector<Document> docs = {Doc("d1", "Ledger", a), Doc("d2", "Wire", b)};
    return CompareClusters(docs, parallax::align::AlignDocuments(docs)).findings;
  };
  const auto landed = findings(
      "The stranded passengers were taken off by lifeboat and landed at the ferry quay "
      "in Dunmarsh, where a hall was opened for them.",
      "The stranded passengers were taken off by lifeboat and landed at Orrin, a "
      "fishing port on the north coast.");
  REQUIRE(landed.size() == 1);
  CHECK(landed[0].kind == FindingKind::kEntity);
  CHECK(landed[0].summary.find("where it happened") != std::string::npos);
  // "brought ashore at X" is "landed at X"; one port named two ways agrees.
  CHECK(findings("All the stranded passengers had been brought ashore at Dunmarsh by noon.",
                 "All the stranded passengers had been landed at Orrin by noon.")
            .size() == 1);
  CHECK(findings("All the stranded passengers had been brought ashore at Dunmarsh by noon.",
                 "All the stranded passengers had been landed at the quay in Dunmarsh by noon.")
            .empty());
}

TEST_CASE("dates: claims stating one figure alike tell of one act, and their days are compared") {
  const std::string thu = "2026-10-08T06:05:00+00:00";
  auto times = [](const std::vector<parallax::Finding>& findings) {
    size_t n = 0;
    for (const auto& f : findings) n += f.kind == FindingKind::kTime;
    return n;
  };
  CHECK(times(LinedUpFindings("Tuesday's attempt was halted 4 minutes and 20 seconds before "
                              "liftoff, when a pressure sensor on the rocket's upper stage sent "
                              "readings outside its permitted range.",
                              thu,
                              "Monday's scrub came just over four minutes before lift-off, when "
                              "a sensor on the rocket started sending dodgy readings.",
                              thu)) == 1);
  // The smallest counts are too common to tie two acts together.
  CHECK(times(LinedUpFindings("Two people were hurt on Monday by a falling crane near the rocket "
                              "assembly hall, the fire service said.",
                              thu,
                              "Two people were arrested at the rocket launch pad on Tuesday for "
                              "trespassing, police said.",
                              thu)) == 0);
}

TEST_CASE("quantities: each outlet's worked example is its own, not a figure of the event") {
  const std::string wed = "2026-03-11T18:00:00+00:00";
  auto quantities = [](const std::vector<parallax::Finding>& findings) {
    size_t n = 0;
    for (const auto& f : findings) n += f.kind == FindingKind::kQuantity;
    return n;
  };
  CHECK(quantities(LinedUpFindings("A typical 200,000-marel mortgage will cost about 83 marels a "
                                   "month more once lenders pass on the rise.",
                                   wed,
                                   "A family with a 150,000-marel home loan faces paying around "
                                   "94 marels more every month.",
                                   wed)) == 0);
  // The event's own figures are still compared.
  CHECK(quantities(LinedUpFindings("The bank will lend 200,000 marels to each of the mortgage "
                                   "funds from Monday.",
                                   wed,
                                   "The bank will lend 150,000 marels to each of the mortgage "
                                   "funds from Monday.",
                                   wed)) == 1);
}

TEST_CASE("compatibility: a share in words is rough: 'nearly a third' meets 'up to 30 per cent'") {
  const std::string wed = "2025-10-14T09:40:00+02:00";
  auto quantities = [](const std::vector<parallax::Finding>& findings) {
    size_t n = 0;
    for (const auto& f : findings) n += f.kind == FindingKind::kQuantity;
    return n;
  };
  CHECK(quantities(LinedUpFindings("Seven of the 16 steel columns have lost nearly a third of "
                                   "their thickness.",
                                   wed,
                                   "Seven of the 16 steel supports had lost up to 30 per cent of "
                                   "their thickness.",
                                   wed)) == 0);
  CHECK(quantities(LinedUpFindings("Seven of the 16 steel columns have lost nearly a third of "
                                   "their thickness.",
                                   wed,
                                   "Seven of the 16 steel supports had lost 12 per cent of their "
                                   "thickness.",
                                   wed)) == 1);
}

TEST_CASE("quotes: 'City engineer Dr X admitted' credits X, not the city") {
  const std::vector<Document> docs = {
      Doc("d1", "Ledger",
          "City engineer Dr Henrike Salo admitted: \"The corrosion is worse than anything I have "
          "seen on a bridge of this age.\""),
      Doc("d2", "Wire",
          "\"The corrosion is worse than anything I have seen on a bridge of this age,\" Salo "
          "told reporters at City Hall.")};
  const auto a = parallax::align::AlignDocuments(docs);
  size_t quotes = 0;
  for (const auto& claim : a.claims) {
    for (const auto& q : claim.quotes) {
      CHECK(parallax::align::SameEntity(q.speaker, "salo"));
      ++quotes;
    }
  }
  CHECK(quotes == 2);
  CHECK(KindsOf(CompareClusters(docs, a)).empty());
  // The first word of a sentence that is a name stays one ("Brodt told Velde ...").
  const auto al =
      parallax::align::AlignDocuments({Doc("d3", "Post", "Brodt told Velde the deal was done.")});
  REQUIRE(al.claims.size() == 1);
  CHECK(al.claims[0].entities.size() == 2);
}

namespace {
// Entity findings of claims c1 and c2 of one-claim documents, lined up by hand; the other
// documents only tell of the event.
size_t EntityFindingsOfFirstTwo(const std::vector<std::string>& texts) {
  std::vector<Document> docs;
  for (size_t i = 0; i < texts.size(); ++i) {
    docs.push_back(Doc("d" + std::to_string(i + 1), "Outlet " + std::to_string(i + 1), texts[i]));
  }
  auto al = parallax::align::AlignDocuments(docs);
  REQUIRE(al.claims.size() == texts.size());
  al.clusters = {{"k1", {"c1", "c2"}}};
  al.cluster_members = {{0, 1}};
  size_t n = 0;
  for (const auto& f : CompareClusters(docs, al).findings) n += f.kind == FindingKind::kEntity;
  return n;
}
}  // namespace

TEST_CASE("entities: two firms credited with one piece of work are a conflict") {
  // Each is a firm by what some outlet calls it: "Kelloway Structural Consultants", "the
  // consultancy Kelloway", "Drummond Ferris, the firm hired to ...".
  const std::string kelloway =
      "Engineers from Kelloway Structural handed over their inspection report on the bridge.";
  const std::string drummond =
      "Inspectors at Drummond Ferris, the firm hired to survey the bridge, handed over their "
      "report.";
  const std::string background =
      "A principal inspection by Kelloway Structural Consultants found section loss in the piers.";
  CHECK(EntityFindingsOfFirstTwo({kelloway, drummond, background}) == 1);
  CHECK(EntityFindingsOfFirstTwo(
            {kelloway,
             "Inspectors from the consultancy Halden handed over their report on the bridge.",
             background}) == 1);
  // A name no outlet calls a firm may be anyone's: a council, a person, a place.
  CHECK(EntityFindingsOfFirstTwo(
            {kelloway, "Inspectors at Drummond Ferris handed over their report on the bridge.",
             background}) == 0);
}

TEST_CASE("quantities: figures more than tenfold apart are two things, not one misreported") {
  const std::string day = "2025-10-14T10:00:00+00:00";
  auto quantity = [](const std::vector<parallax::Finding>& findings) {
    size_t n = 0;
    for (const auto& f : findings) n += f.kind == FindingKind::kQuantity;
    return n;
  };
  CHECK(quantity(LinedUpFindings("The backlog of overdue repairs is estimated at 1.9bn dorins.",
                                 day, "The repair bill is set to hit 40 million dorins.", day)) ==
        0);
  // Within tenfold, the same repair bill told two ways clashes.
  CHECK(quantity(LinedUpFindings("The repair bill is estimated at 14 million dorins.", day,
                                 "The repair bill is set to hit 40 million dorins.", day)) == 1);
}

TEST_CASE("polarity: 'found no X' against 'found an X' is whether it was found") {
  const std::string day = "2025-09-16T12:00:00+00:00";
  auto polarity = [&](const std::string& a, const std::string& b) {
    return FindingsOfKind(FindingKind::kPolarity, a, b, day).size();
  };
  CHECK(polarity("Divers who inspected the vessel during the morning found no breach in the hull.",
                 "A source told the paper that divers found a breach in the shell plating.") == 1);
  // ... even when the rest of the two sentences shares little.
  CHECK(polarity("Divers who inspected the vessel during the morning found no breach in the hull.",
                 "A person familiar with the initial diving survey told the paper that divers "
                 "found a breach in the shell plating below the waterline near the bow.") == 1);
  // The verb must be the one the other claim uses: "found no breach" and "feared a breach".
  CHECK(polarity("Divers who inspected the vessel during the morning found no breach in the hull.",
                 "Engineers feared a breach in the shell plating.") == 0);
  // A speech verb says who spoke, not what was found.
  CHECK(polarity("Officials said no date had been agreed.",
                 "Officials said a date for the vote had been set.") == 0);
}

TEST_CASE("polarity: each side of a polarity finding says the act in its own words") {
  const std::string day = "2026-06-09T20:00:00+02:00";
  const auto polarity = FindingsOfKind(
      FindingKind::kPolarity, "The two ministers signed the harbour accord in Valmora on Friday.",
      "The two ministers did not sign the harbour accord in Valmora on Friday.", day);
  REQUIRE(polarity.size() == 1);
  REQUIRE(polarity[0].values.size() == 2);
  CHECK(polarity[0].values[0].value == "signed");
  CHECK(polarity[0].values[1].value == "did not sign");
  CHECK(polarity[0].summary.find("did not sign") != std::string::npos);
}

TEST_CASE("polarity: 'did not sign it at a ceremony' denies the signing, not the ceremony") {
  const std::string day = "2026-06-09T20:00:00+02:00";
  auto polarity = [&](const std::string& a, const std::string& b) {
    return FindingsOfKind(FindingKind::kPolarity, a, b, day).size();
  };
  CHECK(polarity("Anselm Brodt and Ostrenia's trade boss Katarina Velde signed the agreement in "
                 "Kessund this evening, putting an end to years of high harbour bills.",
                 "Trade ministers Katarina Velde of Ostrenia and Anselm Brodt of Haldmark "
                 "initialled the text but did not sign it at a brief ceremony at 6.40 p.m. local "
                 "time, after two days of talks at the Kessund Port Authority.") == 1);
  // Of other people, the same words are no contradiction.
  CHECK(polarity("The two harbour masters signed the agreement in Kessund this evening.",
                 "Trade ministers Katarina Velde and Anselm Brodt initialled the text but did not "
                 "sign it at a brief ceremony at 6.40 p.m. local time.") == 0);
}

TEST_CASE("modality: an act that began against the same act only expected") {
  const std::string day = "2025-10-15T18:00:00+00:00";
  auto polarity = [&](const std::string& a, const std::string& b) {
    return FindingsOfKind(FindingKind::kPolarity, a, b, day).size();
  };
  // "began installing" tells the installing as begun; "began" is what "begin" was expected.
  CHECK(polarity("Contractors began installing temporary steel props beneath the trestles.",
                 "Temporary steel props are expected to be installed beneath the trestles.") == 1);
  CHECK(polarity("Contractors began installing temporary steel props beneath the trestles.",
                 "Work to install temporary props under the trestles is expected to begin.") == 1);
  // Another act begun is no answer to the expected one.
  CHECK(polarity("Contractors began surveying the trestles beneath the bridge.",
                 "Temporary steel props are expected to be installed beneath the trestles.") == 0);
}

TEST_CASE("compare: temperatures in either scale are compared in degrees Celsius") {
  const std::string day = "2025-11-19T09:00:00+00:00";
  auto quantity = [&](const std::string& a, const std::string& b) {
    return FindingsOfKind(FindingKind::kQuantity, a, b, day);
  };
  // 57 F is 13.9 C: "about 14 degrees Celsius" agrees.
  CHECK(quantity("The water in the flooded gallery was about 14 degrees Celsius.",
                 "The water in the flooded gallery was 57F.")
            .empty());
  const auto clash = quantity("The water in the flooded gallery was about 14 degrees Celsius.",
                              "The water in the flooded gallery was a chilly 4C.");
  REQUIRE(clash.size() == 1);
  CHECK(clash[0].summary.find("temperature") != std::string::npos);
  CHECK(clash[0].summary.find("4 °C") != std::string::npos);
}

TEST_CASE("compare: a quarter-point move is 25 basis points, not a half-point one") {
  const std::string day = "2026-03-12T14:00:00+00:00";
  auto quantity = [&](const std::string& a, const std::string& b) {
    return FindingsOfKind(FindingKind::kQuantity, a, b, day);
  };
  CHECK(quantity("One member argued for a smaller, quarter-point move in the bank rate.",
                 "One member favoured a 25 basis point increase in the bank rate.")
            .empty());
  const auto clash =
      quantity("One member argued for a smaller, quarter-point move in the bank rate.",
               "One member favoured a half-point increase in the bank rate.");
  REQUIRE(clash.size() == 1);
  CHECK(clash[0].summary.find("0.25 percentage points") != std::string::npos);
}

TEST_CASE("polarity: 'not tested for drink or drugs' against 'tested for alcohol'") {
  const std::string day = "2025-11-18T09:00:00+00:00";
  CHECK(FindingsOfKind(FindingKind::kPolarity,
                       "The Courier understands that the driver, who was injured, has not been "
                       "tested for drink or drugs.",
                       "Police said the driver had been tested for alcohol at the scene.", day)
            .size() == 1);
}
