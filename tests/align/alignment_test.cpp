#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "../../align/src/facets.h"
#include "parallax/align/align.h"

using parallax::Document;
using parallax::align::AlignDocuments;
using parallax::align::Alignment;
using parallax::align::ClaimModel;
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

// The keys given to every entity written exactly as `surface`, in claim order.
std::vector<std::string> KeysWrittenAs(const Alignment& a, const std::string& surface) {
  std::vector<std::string> keys;
  for (const auto& c : a.claims) {
    for (const auto& e : c.entities) {
      if (e.surface == surface) keys.push_back(e.key);
    }
  }
  return keys;
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

TEST_CASE("alignment: a fact's cluster never holds two claims of one document") {
  const std::vector<Document> docs = {
      Doc("d1", "Quotas for the northern shelf were raised. Quotas for the northern shelf rose."),
      Doc("d2", "Northern shelf quotas were raised.")};
  const Alignment a = AlignDocuments(docs);
  for (size_t k = 0; k < a.clusters.size(); ++k) {
    // The event's own cluster gathers every claim telling it, several per document.
    if (a.clusters[k].basis == parallax::ClusterBasis::kEvent) continue;
    std::set<size_t> docs_seen;
    for (size_t m : a.cluster_members[k])
      CHECK(docs_seen.insert(a.claims[m].document_index).second);
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

TEST_CASE("claims: a negation ends where a time or place of the act begins") {
  // "did not sign it at a brief ceremony": what is denied is the signing, not the ceremony.
  const std::vector<Document> docs = {
      Doc("d1", "The ministers initialled the text but did not sign it at a brief ceremony."),
      Doc("d2", "The driver has not been tested for drink or drugs."),
      Doc("d3",
          "There was no evidence at this stage that the fire had been started deliberately.")};
  const Alignment a = AlignDocuments(docs);
  REQUIRE(a.claims.size() == 3);
  CHECK(a.claims[0].negated_stems == std::vector<std::string>{"sign"});
  // What a verb takes ("tested for drink") stays in the negation.
  CHECK(a.claims[1].negated_stems == std::vector<std::string>{"test", "drink", "drug"});
  // Before the negated act has begun, "at this stage" does not end it.
  REQUIRE_FALSE(a.claims[2].negated_stems.empty());
  CHECK(a.claims[2].negated_stems.front() == "fire");
}

TEST_CASE("claims: 'refused to' negates the act; 'no evidence that' negates the clause after") {
  const std::vector<Document> docs = {
      Doc("d1", "Mayor Tobias Grell has refused to concede the run-off."),
      Doc("d2",
          "There was no evidence at this stage that the fire had been started deliberately.")};
  const Alignment a = AlignDocuments(docs);
  REQUIRE(a.claims.size() == 2);
  CHECK(a.claims[0].negated);
  REQUIRE_FALSE(a.claims[0].negated_stems.empty());
  CHECK(a.claims[0].negated_stems.front() == "conced");
  CHECK(a.claims[1].negated);
  REQUIRE_FALSE(a.claims[1].negated_stems.empty());
  CHECK(a.claims[1].negated_stems.front() == "fire");
}

TEST_CASE("claims: 'without' negates a verb, not a state") {
  const std::vector<Document> docs = {
      Doc("d1", "Nearly 40,000 homes and businesses were without electricity on Tuesday."),
      Doc("d2", "The envoys left the lakeside hotel without signing any text on Tuesday.")};
  const Alignment a = AlignDocuments(docs);
  REQUIRE(a.claims.size() == 2);
  CHECK_FALSE(a.claims[0].negated);
  CHECK(a.claims[1].negated);
}

TEST_CASE("claims: the speaker is the name before an appositive, not a name inside it") {
  const std::vector<Document> docs = {
      Doc("d1",
          "Keziah Lamont, chief forecaster at the VMS, said the water did the damage. "
          "\"The rain is not finished with us,\" she told a news conference.")};
  const Alignment a = AlignDocuments(docs);
  REQUIRE(a.claims.size() == 2);
  CHECK(SameEntity(a.claims[0].speaker, "keziah lamont"));
  CHECK(SameEntity(a.claims[1].speaker, "keziah lamont"));
  REQUIRE(a.claims[1].quotes.size() == 1);
  CHECK(a.claims[1].quotes[0].speaker_inferred);  // from "she told"
  CHECK(a.claims[0].quotes.empty());
}

TEST_CASE("claims: a role whose appositive is a name is that person speaking") {
  const std::vector<Document> docs = {
      Doc("d1",
          "\"Patients should come forward as normal,\" the network's medical director, Dr "
          "Saskia Lunde, said. "
          "The mayor, who met Tobias Grell on Monday, said the count was fair.")};
  const Alignment a = AlignDocuments(docs);
  REQUIRE(a.claims.size() == 2);
  CHECK(SameEntity(a.claims[0].speaker, "saskia lunde"));
  REQUIRE(a.claims[0].quotes.size() == 1);
  CHECK(SameEntity(a.claims[0].quotes[0].speaker, "saskia lunde"));
  // A role followed by a clause, not a name, still speaks for itself: never the name inside.
  CHECK_FALSE(SameEntity(a.claims[1].speaker, "tobias grell"));
}

TEST_CASE("claims: 'told the Bugle' names the listener; the sentence's leading name speaks") {
  const std::vector<Document> docs = {
      Doc("d1",
          "Emil Tarrow, 34, the youngest in the gang, told the Bugle: \"We sang to keep awake.\"")};
  const Alignment a = AlignDocuments(docs);
  REQUIRE(a.claims.size() == 1);
  CHECK(SameEntity(a.claims[0].speaker, "emil tarrow"));
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

namespace {
// Clusters of the given facet kind holding a claim of each needle.
bool SharedFacet(const Alignment& a, parallax::ClusterBasis kind,
                 const std::vector<std::string>& needles) {
  for (size_t k = 0; k < a.cluster_members.size(); ++k) {
    if (a.clusters[k].basis != kind) continue;
    size_t found = 0;
    for (const auto& needle : needles) {
      for (size_t m : a.cluster_members[k]) {
        if (a.claims[m].claim.text.find(needle) != std::string::npos) {
          ++found;
          break;
        }
      }
    }
    if (found == needles.size()) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("facets: one figure told in unlike sentences is lined up with the claims that state it") {
  using parallax::ClusterBasis;
  // The first sentence of d1 states two facts: it lines up with d2's quota sentence as a
  // statement, and with d2's duration sentence through the figure.
  const std::vector<Document> docs = {
      Doc("d1",
          "Fishing quotas for the northern shelf were raised after nearly four hours of talks."),
      Doc("d2",
          "Northern shelf fishing quotas were raised by the delegation. The regent's meeting "
          "with the envoy went on for about four hours.")};
  const Alignment a = AlignDocuments(docs);
  CHECK(ClusterOf(a, "Fishing quotas") == ClusterOf(a, "Northern shelf"));
  // Whether as a value facet or as a second membership of the multi-fact sentence.
  const bool facet =
      SharedFacet(a, ClusterBasis::kQuantity, {"nearly four hours", "about four hours"});
  const bool statement =
      SharedFacet(a, ClusterBasis::kStatement, {"nearly four hours", "about four hours"});
  CHECK((facet || statement));
}

TEST_CASE("facets: figures about different things stay in different facets") {
  using parallax::ClusterBasis;
  const std::vector<Document> docs = {
      Doc("d1",
          "The ministers' talks lasted four hours. Her overnight flight from the coast took "
          "eleven hours."),
      Doc("d2",
          "The ministers talked for four hours behind closed doors. The flight from the coast "
          "took eleven hours.")};
  const Alignment a = AlignDocuments(docs);
  const bool talks_lined_up =
      SharedFacet(a, ClusterBasis::kQuantity, {"talks lasted", "talked for four hours"}) ||
      ClusterOf(a, "talks lasted") == ClusterOf(a, "talked for four hours");
  CHECK(talks_lined_up);
  for (size_t k = 0; k < a.clusters.size(); ++k) {
    if (a.clusters[k].basis != ClusterBasis::kQuantity) continue;
    bool talks = false, flight = false;
    for (size_t m : a.cluster_members[k]) {
      talks = talks || a.claims[m].claim.text.find("talk") != std::string::npos;
      flight = flight || a.claims[m].claim.text.find("flight") != std::string::npos;
    }
    CHECK_FALSE((talks && flight));
  }
}

TEST_CASE("headlines: a document's headline is read as claims with spans into the title") {
  Document d = Doc("d1", "The council met on Tuesday evening to weigh the budget.");
  d.title = "Council backs $412 million rail plan; the mayor says she may veto the costly line";
  const Alignment a = AlignDocuments({d});
  size_t headline_claims = 0;
  for (const auto& c : a.claims) {
    if (c.claim.field != parallax::ClaimField::kTitle) {
      CHECK(d.text.substr(c.claim.span.begin, c.claim.span.size()) == c.claim.text);
      continue;
    }
    ++headline_claims;
    CHECK(d.title.substr(c.claim.span.begin, c.claim.span.size()) == c.claim.text);
  }
  CHECK(headline_claims == 2);  // split at ";" like any sentence
  REQUIRE_FALSE(a.claims.empty());
  CHECK(a.claims[0].claim.field == parallax::ClaimField::kTitle);
  REQUIRE(a.claims[0].quantities.size() == 1);
  CHECK(a.claims[0].quantities[0].unit == "USD");
}

TEST_CASE("headlines: Title Case capitals are not read as names") {
  Document d = Doc("d1", "The council met on Tuesday evening.");
  d.title = "Council Rams Through Rail Plan On 6-5 Vote";
  const Alignment a = AlignDocuments({d});
  REQUIRE_FALSE(a.claims.empty());
  const auto& headline = a.claims[0];
  REQUIRE(headline.claim.field == parallax::ClaimField::kTitle);
  CHECK(headline.claim.text == d.title);
  CHECK(headline.entities.empty());
  REQUIRE(headline.quantities.size() == 1);
  CHECK(headline.quantities[0].unit == "tally");
}

TEST_CASE("aliases: an acronym takes the key of the name whose initials it spells") {
  const std::vector<Document> docs = {
      Doc("d1", "The Harbour Pilots Association said the channel would reopen on Friday."),
      Doc("d2", "The HPA said the channel would reopen by the end of the week.")};
  const Alignment a = AlignDocuments(docs);
  const parallax::align::Entity* name = nullptr;
  const parallax::align::Entity* acronym = nullptr;
  for (const auto& c : a.claims) {
    for (const auto& e : c.entities) {
      if (e.surface == "Harbour Pilots Association") name = &e;
      if (e.surface == "HPA") acronym = &e;
    }
  }
  REQUIRE(name != nullptr);
  REQUIRE(acronym != nullptr);
  CHECK(acronym->key == name->key);
  CHECK(SameEntity(acronym->key, name->key));
  CHECK(ClusterOf(a, "Harbour Pilots") == ClusterOf(a, "HPA"));
}

TEST_CASE("aliases: initials shared by two names resolve to neither") {
  const std::vector<Document> docs = {
      Doc("d1", "The Harbour Pilots Association met the Hill Parks Authority on Friday."),
      Doc("d2", "The HPA said the talks went well, a spokesman told reporters.")};
  CHECK(KeysWrittenAs(AlignDocuments(docs), "HPA") == std::vector<std::string>{"hpa"});
}

namespace {
// Five short accounts of one harbour meeting, and two of a look-alike: the same kind of story
// about other people in another town on another day.
std::vector<Document> HarbourMeetingAndLookAlike() {
  return {
      Doc("d1",
          "Envoy Mara Quill met harbour master Tobias Renn in Valmora on Monday to settle the "
          "fishing quota dispute. Quill said the northern shelf quota would rise by a tenth. "
          "Renn called the talks useful."),
      Doc("d2",
          "Mara Quill and Tobias Renn ended the fishing quota dispute in Valmora on Monday. The "
          "northern shelf quota rises by ten percent, Quill told reporters. Renn praised the "
          "talks."),
      Doc("d3",
          "In Valmora, envoy Quill and harbour master Renn agreed on Monday to raise the northern "
          "shelf fishing quota. The quota dispute had dragged on for a year, Renn said."),
      Doc("d4",
          "The fishing quota dispute is over: Quill and Renn met in Valmora on Monday and raised "
          "the northern shelf quota by a tenth, ending a year of talks."),
      Doc("d5",
          "Harbour master Tobias Renn welcomed envoy Mara Quill to Valmora on Monday. The two "
          "settled the northern shelf fishing quota dispute after long talks."),
      Doc("d6",
          "Minister Ilse Varga opened the new rail bridge at Dunmere on Thursday. Varga said the "
          "bridge would carry freight trains from the spring. Engineers cheered the opening."),
      Doc("d7",
          "The Dunmere rail bridge was opened by minister Ilse Varga on Thursday. Freight trains "
          "will cross the bridge from the spring, Varga told engineers at the opening."),
  };
}
}  // namespace

TEST_CASE("events: a look-alike story is set aside, and its claims are not lined up") {
  const auto docs = HarbourMeetingAndLookAlike();
  const Alignment a = AlignDocuments(docs);
  REQUIRE(a.document_events.size() == docs.size());
  for (size_t d = 1; d < 5; ++d) CHECK(a.document_events[d] == a.document_events[0]);
  CHECK(a.document_events[0] == 0);  // the event most documents report
  CHECK(a.document_events[5] != 0);
  CHECK(a.document_events[6] == a.document_events[5]);
  for (const auto& members : a.cluster_members) {
    std::set<size_t> events;
    for (size_t m : members) events.insert(a.document_events[a.claims[m].document_index]);
    CHECK(events.size() == 1);
  }
}

TEST_CASE("events: accounts of one event stay together") {
  auto docs = HarbourMeetingAndLookAlike();
  docs.resize(5);
  const Alignment a = AlignDocuments(docs);
  for (size_t event : a.document_events) CHECK(event == 0);
}

TEST_CASE("events: each event's own telling is one cluster, several claims per document") {
  const auto docs = HarbourMeetingAndLookAlike();
  const Alignment a = AlignDocuments(docs);
  size_t event_clusters = 0;
  for (size_t k = 0; k < a.clusters.size(); ++k) {
    if (a.clusters[k].basis != parallax::ClusterBasis::kEvent) continue;
    ++event_clusters;
    std::map<size_t, size_t> per_document;
    for (size_t m : a.cluster_members[k]) ++per_document[a.claims[m].document_index];
    CHECK(per_document.size() >= 2);
    size_t most = 0;
    for (const auto& [doc, count] : per_document) most = std::max(most, count);
    CHECK(most >= 2);
  }
  CHECK(event_clusters == 2);
}

TEST_CASE("events: groups join in order of their average likeness, not of their likest pair") {
  // Four accounts of a harbour fair and three of an expedition whose falcon nested at the
  // harbour; a word only one account uses links nothing. The two harbour accounts of the fair
  // resemble the falcon-at-the-harbour account more than they resemble the lantern accounts
  // (which name the harbour too, among their own words).
  // Taken pair by pair, they would join the expedition before the fair's lantern accounts; taken
  // by average likeness, the fair gathers first and is then, as a whole, too unlike the
  // expedition to join it.
  const std::vector<Document> docs = {
      Doc("f1", "The crowds filled the harbour square for the fair."),
      Doc("f2", "The harbour promenade hosted street musicians."),
      Doc("f3", "The lanterns swayed over the harbour as children danced."),
      Doc("f4", "The lanterns lined the harbour wall at dusk."),
      Doc("x1", "A falcon circled the ridge camp."),
      Doc("x2", "The falcon nested near the harbour cliffs."),
      Doc("x3", "The climbers photographed a falcon over the glacier."),
  };
  const Alignment a = AlignDocuments(docs);
  REQUIRE(a.document_events.size() == docs.size());
  for (size_t d = 1; d < 4; ++d) CHECK(a.document_events[d] == a.document_events[0]);
  for (size_t d = 5; d < 7; ++d) CHECK(a.document_events[d] == a.document_events[4]);
  CHECK(a.document_events[4] != a.document_events[0]);
}

TEST_CASE("events: an account's headline tells which event it reports, and counts twice") {
  // Two resignations told with the same harbour backdrop: the bodies of all six accounts share
  // the ferry, its crew and the storm, the headlines only their own person. Weighed once, the
  // shared backdrop would hold the six together; the headlines weighed twice keep them apart.
  const std::vector<Document> docs = {
      Doc("a1", "Quill resigned from the cabinet. The ferry hit the bridge in the storm."),
      Doc("a2", "Quill resigned after a long quarrel. The crew left the ferry during the storm."),
      Doc("a3", "Quill resigned without warning. The harbour crew boarded the ferry."),
      Doc("b1", "Varga retired from the council. The ferry crew waved."),
      Doc("b2", "Varga retired amid applause. The storm stranded the crew."),
      Doc("b3", "Varga retired before lunch. The storm kept the ferry crew ashore."),
  };
  const Alignment a = AlignDocuments(docs);
  REQUIRE(a.document_events.size() == docs.size());
  for (size_t d : {1, 2}) CHECK(a.document_events[d] == a.document_events[0]);
  for (size_t d : {4, 5}) CHECK(a.document_events[d] == a.document_events[3]);
  CHECK(a.document_events[3] != a.document_events[0]);
}

TEST_CASE("events: a word every account uses is a key term of the event however often it recurs") {
  // Every account tells the flood, in two sentences each; five words of the first sentences are
  // each in three accounts out of four, once. Rarer among claims, those five rank as the most
  // telling, yet a sentence holding only "flood" still tells the event.
  const std::vector<Document> docs = {
      Doc("d1",
          "The mayor watched a crane lift the ferry. The flood covered the market square. The "
          "flood receded before dawn."),
      Doc("d2",
          "A crane raised the ferry beside the harbour pier. The flood reached the old mill. The "
          "flood closed several schools."),
      Doc("d3",
          "The mayor saw the ferry towed from the harbour pier. The flood damaged the library "
          "roof. The flood spared the chapel."),
      Doc("d4",
          "The mayor inspected a crane at the harbour pier. The flood cut the railway line. The "
          "flood drowned the vineyard."),
  };
  const Alignment a = AlignDocuments(docs);
  std::vector<size_t> event_clusters;
  for (size_t k = 0; k < a.clusters.size(); ++k) {
    if (a.clusters[k].basis == parallax::ClusterBasis::kEvent) event_clusters.push_back(k);
  }
  REQUIRE(event_clusters.size() == 1);
  std::set<std::string> texts;
  for (size_t m : a.cluster_members[event_clusters[0]]) texts.insert(a.claims[m].claim.text);
  CHECK(texts.count("The flood receded before dawn.") == 1);
  CHECK(texts.count("The flood drowned the vineyard.") == 1);
  CHECK(texts.count("The mayor watched a crane lift the ferry.") == 1);
}

TEST_CASE("copies: a reprint is marked as a copy of the earlier document, an own account is not") {
  const std::string wire =
      "Envoy Mara Quill met harbour master Tobias Renn in Valmora on Monday to settle the fishing "
      "quota dispute. Quill said the northern shelf quota would rise by a tenth from the spring. "
      "Renn called the talks useful and said crews would be told by letter within the week. The "
      "two sides will meet again in the autumn to review the catch figures.";
  std::vector<Document> docs = {
      Doc("d1", wire),
      Doc("d2",
          "Harbour master Tobias Renn welcomed envoy Mara Quill to Valmora on Monday. The two "
          "settled the northern shelf fishing quota dispute after long talks, aides said."),
      // A reprint: a line of its own on top, the ending trimmed.
      Doc("d3", "From our partners. " + wire.substr(0, wire.rfind(" The two sides")))};
  const Alignment a = AlignDocuments(docs);
  REQUIRE(a.document_copies.size() == 3);
  CHECK(a.document_copies[0] == -1);
  CHECK(a.document_copies[1] == -1);
  CHECK(a.document_copies[2] == 0);
}

TEST_CASE("synonyms: a trip and a visit, started and began, are read as one word") {
  const std::vector<Document> docs = {
      Doc("d1", "It was the envoy's first trip to Valmora since taking office in the spring."),
      Doc("d2", "The envoy is on her first visit to Valmora since she took office in the spring."),
      Doc("d3", "The regent's talks with the envoy started at noon in the palace."),
      Doc("d4", "Talks between the regent and the envoy began at noon at the palace.")};
  const Alignment a = AlignDocuments(docs);
  CHECK(ClusterOf(a, "first trip") == ClusterOf(a, "first visit"));
  CHECK(ClusterOf(a, "started at noon") == ClusterOf(a, "began at noon"));
  bool visit = false;
  for (const auto& s : a.claims[0].stems) visit = visit || s == "visit";
  CHECK(visit);
  // Employees and staff are workers.
  const Alignment w = AlignDocuments({Doc("d1", "All 35 employees on the night shift got out.")});
  REQUIRE(w.claims.size() == 1);
  REQUIRE(w.claims[0].quantities.size() == 1);
  CHECK(w.claims[0].quantities[0].noun == "worker");
  // A report submitted is a report delivered; ballots cast are votes cast.
  const Alignment v = AlignDocuments({Doc("d1", "In all 150,240 ballots were cast on Sunday.")});
  REQUIRE(v.claims.size() == 1);
  CHECK(std::count(v.claims[0].stems.begin(), v.claims[0].stems.end(), "vote") == 1);
  const Alignment r = AlignDocuments({Doc("d1", "The inspectors submitted their report.")});
  REQUIRE(r.claims.size() == 1);
  CHECK(std::count(r.claims[0].stems.begin(), r.claims[0].stems.end(), "deliv") == 1);
}

TEST_CASE("stems: a noun made of a verb and its particle is read as the verb, as when hyphenated") {
  const std::vector<Document> docs = {
      Doc("d1", "Some 2,100 nurses joined the walkout at the city's three hospitals."),
      Doc("d2", "About 3,400 nurses joined the walk-out at the city's three hospitals."),
      Doc("d3", "Turnout fell to a record low in the northern wards this year."),
      Doc("d4", "The fog came back without warning over the northern wards.")};
  const Alignment a = AlignDocuments(docs);
  auto stems_of = [&](size_t document) {
    std::set<std::string> stems;
    for (const auto& c : a.claims)
      if (c.document_index == document) stems.insert(c.stems.begin(), c.stems.end());
    return stems;
  };
  CHECK(stems_of(0).count("walk") == 1);
  CHECK(stems_of(1).count("walk") == 1);
  CHECK(stems_of(2).count("turn") == 1);
  // Not every word ending in a particle is one: "without" is not "with".
  CHECK(stems_of(3).count("with") == 0);
}

TEST_CASE(
    "claims: a quote after a colon is its sentence's subject's; 'he said' follows a name-led "
    "sentence") {
  const std::vector<Document> docs = {
      Doc("d1",
          "\"We cannot keep widening roads,\" Okafor said during the debate. Hardesty, the plan's "
          "fiercest critic, used his closing remarks to warn about debt. \"We are writing a check "
          "with money we do not have,\" he said. Ruiz was blunt: \"This is the wrong line.\"")};
  const Alignment a = AlignDocuments(docs);
  REQUIRE(a.claims.size() == 4);
  CHECK(SameEntity(a.claims[0].speaker, "okafor"));
  CHECK(SameEntity(a.claims[2].speaker, "hardesty"));
  CHECK(SameEntity(a.claims[3].speaker, "ruiz"));
  REQUIRE(a.claims[3].quotes.size() == 1);
  CHECK(SameEntity(a.claims[3].quotes[0].speaker, "ruiz"));
}

TEST_CASE("aliases: a bare name takes the key of the one titled person it names") {
  const std::vector<Document> docs = {
      Doc("d1", "Councilmember Robert Vance cast the deciding vote for the plan on Tuesday."),
      Doc("d2", "Vance, who had opposed the plan in committee, changed sides on Tuesday."),
      Doc("d3", "At the meeting, Robert Vance spoke, and so did Mayor Ann Whitcombe.")};
  const Alignment a = AlignDocuments(docs);
  std::vector<std::string> keys_of_vance;
  for (const auto& c : a.claims) {
    for (const auto& e : c.entities) {
      if (e.surface.find("Vance") != std::string::npos) keys_of_vance.push_back(e.key);
    }
  }
  REQUIRE(keys_of_vance.size() == 3);
  for (const auto& key : keys_of_vance) CHECK(key == "councilmember robert vance");
}

TEST_CASE("aliases: a bare name two titled people could be is left alone") {
  const std::vector<Document> docs = {
      Doc("d1", "Councilmember Robert Vance and Senator Lydia Vance met on Tuesday."),
      Doc("d2", "Vance said the meeting on Tuesday went well for the district.")};
  CHECK(KeysWrittenAs(AlignDocuments(docs), "Vance") == std::vector<std::string>{"vance"});
}

TEST_CASE("aliases: a role said instead of a name is the one titled person holding it") {
  const std::vector<Document> docs = {
      Doc("d1", "Mayor Denise Harlan opened the new ferry terminal on Friday."),
      Doc("d2", "\"This terminal is for everyone,\" the mayor said at the opening on Friday."),
      Doc("d3", "The US envoy Dana Kerr visited the port. Later the US envoy praised the crews.")};
  const Alignment a = AlignDocuments(docs);
  const ClaimModel* quoted = nullptr;
  std::vector<std::string> envoy_keys;
  for (const auto& c : a.claims) {
    if (c.claim.text.find("for everyone") != std::string::npos) quoted = &c;
    for (const auto& e : c.entities) {
      if (e.description) CHECK(e.key != "role:us envoy");
      if (e.surface.find("envoy") != std::string::npos) envoy_keys.push_back(e.key);
    }
  }
  REQUIRE(quoted != nullptr);
  CHECK(quoted->speaker == "mayor denise harlan");
  REQUIRE(quoted->quotes.size() == 1);
  CHECK(quoted->quotes[0].speaker == "mayor denise harlan");
  // "envoy Dana Kerr": a title before a name, lowercase; "the US envoy": a role.
  REQUIRE(envoy_keys.size() == 2);
  CHECK(envoy_keys[0] == "envoy dana kerr");
  CHECK(envoy_keys[1] == "envoy dana kerr");
}

TEST_CASE("aliases: a role two people could hold, or no one, names no one") {
  const std::vector<Document> docs = {
      Doc("d1", "Minister Ola Brandt met Minister Ivo Petrov at the port on Friday."),
      Doc("d2", "\"We have a deal,\" the minister said after the port talks on Friday."),
      Doc("d3", "\"The port will grow,\" the governor said at the quay on Friday.")};
  const Alignment a = AlignDocuments(docs);
  size_t quotes = 0;
  for (const auto& c : a.claims) {
    for (const auto& e : c.entities) CHECK_FALSE(e.description);
    if (c.quotes.empty()) continue;
    ++quotes;
    CHECK(c.speaker.empty());  // unknown, rather than a guess
    CHECK(c.quotes[0].speaker.empty());
  }
  CHECK(quotes == 2);
}

TEST_CASE("aliases: a role the event's two people hold is the one its document named") {
  const std::vector<Document> docs = {
      Doc("d1", "Minister Ola Brandt met Minister Ivo Petrov at the port on Friday."),
      Doc("d2",
          "Minister Ivo Petrov arrived on Friday. \"We have a deal,\" the minister said at the "
          "port talks.")};
  const Alignment a = AlignDocuments(docs);
  const ClaimModel* quoted = nullptr;
  for (const auto& c : a.claims) {
    if (!c.quotes.empty()) quoted = &c;
  }
  REQUIRE(quoted != nullptr);
  CHECK(quoted->speaker == "minister ivo petrov");
}

TEST_CASE("facets: a headline stating its article's figure joins that figure's facet") {
  std::vector<Document> docs = {
      Doc("d1", "The council voted to approve a $421 million budget for the harbour line."),
      Doc("d2", "The council approved a $412 million budget for the harbour line on Monday."),
      Doc("d3", "A $412 million budget for the harbour line was approved by the council.")};
  docs[0].title = "Port Contractors Cheer $421M Harbour Line Vote";
  const Alignment a = AlignDocuments(docs);
  bool joined = false;
  for (size_t k = 0; k < a.clusters.size(); ++k) {
    if (a.clusters[k].basis != parallax::ClusterBasis::kQuantity) continue;
    bool headline = false, body = false, other = false;
    for (size_t m : a.cluster_members[k]) {
      const auto& c = a.claims[m];
      headline =
          headline || (c.document_index == 0 && c.claim.field == parallax::ClaimField::kTitle);
      body = body || (c.document_index == 0 && c.claim.field == parallax::ClaimField::kText);
      other = other || c.document_index != 0;
    }
    joined = joined || (headline && body && other);
  }
  CHECK(joined);
}

TEST_CASE("claims: 'today' in a speaker's words is not dated to the page's day") {
  const Alignment a = AlignDocuments({Doc("d1",
                                          "\"Today the country stopped borrowing other people's "
                                          "eyes,\" the minister said after the launch. "
                                          "The agency launched the satellite today from the "
                                          "northern spaceport.")});
  REQUIRE(a.claims.size() == 2);
  CHECK(a.claims[0].dates.empty());
  REQUIRE(a.claims[1].dates.size() == 1);  // the account's own "today" is the page's day
  CHECK(a.claims[1].dates[0].day == 4);
}

TEST_CASE("facets: a date yet to come is not lined up with the day something happened") {
  // Two pages date the results to 4 November; a third says its breakdown of the results comes
  // out "tomorrow", 5 November. Told as past, that third date would join the other two's facet
  // as the one dissenting account (and compare would report a clash of days); told as yet to
  // come, it is a plan, lined up only with other plans.
  auto claim = [](size_t document, int day, bool ahead, std::vector<std::string> context) {
    ClaimModel c;
    c.document_index = document;
    parallax::align::DateRef d;
    d.year = 2025, d.month = 11, d.day = day, d.ahead = ahead;
    d.context = std::move(context);
    c.dates.push_back(d);
    c.stems = {"result", "announc", "commiss"};
    return c;
  };
  std::vector<ClaimModel> claims = {claim(0, 4, false, {"result", "announc"}),
                                    claim(1, 4, false, {"result", "announc"}),
                                    claim(2, 5, false, {"result", "publish"})};
  const std::vector<size_t> one_event = {0, 0, 0};
  auto alike = [](size_t, size_t) { return 0.3; };
  auto facets = parallax::align::FindFacets(claims, one_event, alike);
  REQUIRE(facets.size() == 1);
  CHECK(facets[0].members == std::vector<size_t>{0, 1, 2});  // told as past: one fact
  claims[2].dates[0].ahead = true;
  facets = parallax::align::FindFacets(claims, one_event, alike);
  REQUIRE(facets.size() == 1);
  CHECK(facets[0].members == std::vector<size_t>{0, 1});
}

TEST_CASE("claims: a question asserts no figure or date") {
  const Alignment a = AlignDocuments({Doc("d1",
                                          "\"Two launches in one week?\" the director asked. "
                                          "Will the agency fly three missions by Friday? "
                                          "The agency flew three missions in one week. "
                                          "\u201cFour launches by June?\u201d a reporter asked.")});
  REQUIRE(a.claims.size() == 4);
  CHECK(a.claims[0].quantities.empty());
  CHECK(a.claims[1].quantities.empty());
  CHECK(a.claims[1].dates.empty());
  CHECK_FALSE(a.claims[2].quantities.empty());
  CHECK(a.claims[3].quantities.empty());  // curly quotes close the question too
  CHECK(a.claims[3].dates.empty());
}

TEST_CASE("alignment: one utterance quoted by two outlets is lined up by its words") {
  // The quote's words are the story's everyday ones; d2's picket sentence shares more rare
  // stems with d1's quote claim than d2's own quote claim does, but not the quoted run.
  const std::vector<Document> docs = {
      Doc("d1",
          "\"We are not walking out on our patients, we are walking out for them,\" said Agata "
          "Wrenfield, general secretary of the nurses' union, speaking to pickets outside "
          "Brackwater hospital."),
      Doc("d2",
          "Union spokeswoman Dorota Kell insisted: \"We are not walking out on our patients, we "
          "are walking out for them.\" Placard-waving pickets outside Brackwater hospital were "
          "cheered by passing motorists.")};
  const Alignment a = AlignDocuments(docs);
  CHECK(ClusterOf(a, "said Agata") == ClusterOf(a, "Dorota Kell insisted"));
}

TEST_CASE("claims: a quote carries its words, lowercased, without punctuation") {
  const Alignment a = AlignDocuments(
      {Doc("d1", "\u201cWe won\u2019t close the 1,200-bed ward, not today,\u201d Dr Lunde said.")});
  REQUIRE(a.claims.size() == 1);
  REQUIRE(a.claims[0].quotes.size() == 1);
  CHECK(a.claims[0].quotes[0].words == std::vector<std::string>{"we", "won't", "close", "the",
                                                                "1200", "bed", "ward", "not",
                                                                "today"});
}

TEST_CASE("alignment: 'local time' is the clock one outlet told the offset of") {
  std::vector<Document> docs = {
      Doc("d1", "The train left the rails at 7.52 p.m. local time (1852 GMT) on Tuesday."),
      Doc("d2", "The train derailed just before 8 p.m. local time on Tuesday, police said.")};
  const Alignment a = AlignDocuments(docs);
  const parallax::align::DateRef* told = nullptr;
  for (const auto& c : a.claims) {
    if (c.document_index == 1 && !c.dates.empty()) told = &c.dates[0];
  }
  REQUIRE(told != nullptr);
  CHECK(told->zone == parallax::align::DateRef::Zone::kStated);
  CHECK(told->utc_offset_minutes == 60);
  // A time told without its day falls on the day it last fell on that clock: 8 p.m. at UTC+1
  // had not yet come at 10:00 UTC on the 4th, so it is the 3rd's.
  const Alignment undated = AlignDocuments(
      {docs[0], Doc("d2", "The train derailed just before 8 p.m. local time, police said.")});
  bool checked = false;
  for (const auto& c : undated.claims) {
    if (c.document_index != 1 || c.dates.empty()) continue;
    CHECK(c.dates[0].utc_offset_minutes == 60);
    CHECK(c.dates[0].day == 3);
    checked = true;
  }
  CHECK(checked);
  // A clock told two offsets (a story of two places) stays unknown.
  docs.push_back(Doc("d3", "The relief train left at 9 p.m. local time (2300 GMT) on Tuesday."));
  for (const auto& c : AlignDocuments(docs).claims) {
    if (c.document_index == 1 && !c.dates.empty()) {
      CHECK(c.dates[0].zone == parallax::align::DateRef::Zone::kUnknown);
    }
  }
}

TEST_CASE("alignment: what a 'when' clause after an earlier year tells is of that year") {
  const Alignment a = AlignDocuments(
      {Doc("d1",
           "It is a far cry from the dark days of the 2019 \u201cherring war\u201d, when the "
           "coastguard slashed the quota to 22,000 tonnes and impounded four trawlers in the "
           "harbour for more than a month.")},
      {});
  REQUIRE(a.claims.size() == 1);
  REQUIRE(a.claims[0].quantities.size() >= 2);
  for (const auto& q : a.claims[0].quantities) CHECK(q.earlier == 2019);
}

TEST_CASE("alignment: 'That repair ...' and 'at the time' tell of the earlier time just told") {
  const Alignment a = AlignDocuments(
      {Doc("d1",
           "In 2009 the Kessing Bridge was shut for 11 months after cracks were found. That "
           "repair cost 22 million dorins, and the bridge carried about 15,000 vehicles a day at "
           "the time. The Ostrand Bridge carries about 38,000 vehicles a day.")});
  std::vector<std::pair<double, int>> figures;  // (value, earlier)
  for (const auto& c : a.claims) {
    for (const auto& q : c.quantities) figures.push_back({q.low, q.earlier});
  }
  for (const auto& [value, earlier] : figures) {
    if (value == 15000 || value == 22e6) CHECK(earlier == 2009);
    if (value == 38000) CHECK(earlier == 0);
  }
  CHECK(figures.size() >= 4);
}

TEST_CASE("entities: a capitalised hedge opening a sentence before a figure is not a name") {
  const std::vector<Document> docs = {
      Doc("d1",
          "Nearly 4,000 spectators cheered the launch from the beach. Roughly 300 of them stayed "
          "until dawn. Kerr cheered them on from the road.")};
  const Alignment a = AlignDocuments(docs);
  REQUIRE(a.claims.size() == 3);
  CHECK(a.claims[0].entities.empty());
  CHECK(a.claims[1].entities.empty());
  // A lone opening word before anything but a figure may well be a name.
  CHECK_FALSE(a.claims[2].entities.empty());
}

TEST_CASE("entities: a firm is one that an outlet of the event calls a firm") {
  const std::vector<Document> docs = {
      Doc("d1", "Engineers from Kelloway Structural handed over their report on the bridge."),
      Doc("d2", "A principal inspection by Kelloway Structural Consultants found cracks."),
      Doc("d3", "Drummond Ferris, the engineering firm hired for the survey, declined to comment."),
      Doc("d4", "The contractor Barrow Build will repair it, said Mayor Ana Holt.")};
  const Alignment a = AlignDocuments(docs);
  REQUIRE(a.claims.size() == 4);
  auto kind_of = [&](size_t claim, const std::string& key_word) {
    for (const auto& e : a.claims[claim].entities) {
      if (e.key.find(key_word) != std::string::npos) return e.kind;
    }
    return std::string("(none)");
  };
  CHECK(kind_of(0, "kelloway") == "firm");  // by the name another outlet gives it
  CHECK(kind_of(1, "kelloway") == "firm");
  CHECK(kind_of(2, "drummond") == "firm");  // by apposition
  CHECK(kind_of(3, "barrow") == "firm");    // by the word before it
  CHECK(kind_of(3, "holt").empty());
}

TEST_CASE("claims: the speaker after 'said' is the first name after it, not its appositive's") {
  const std::vector<Document> docs = {
      Doc("d1",
          "\"The corrosion is worse than I feared,\" said Dr Ana Salo, Marrowick's city "
          "engineer.")};
  const Alignment a = AlignDocuments(docs);
  REQUIRE(a.claims.size() == 1);
  CHECK(SameEntity(a.claims[0].speaker, "ana salo"));
  REQUIRE(a.claims[0].quotes.size() == 1);
  CHECK(SameEntity(a.claims[0].quotes[0].speaker, "ana salo"));
}
