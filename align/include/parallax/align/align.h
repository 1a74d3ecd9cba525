// align: documents -> claims (with entities, quantities, dates, quotes, polarity) -> clusters of
// claims that state the same fact across outlets. compare/ reads this claim model.
// Everything here is plain data; offsets are byte offsets into Document::text (UTF-8).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "parallax/core/document.h"
#include "parallax/core/finding.h"

namespace parallax::align {

// How a quantity is stated. kUpTo ("up to 35%", "as high as") names the top of a range and is
// compared as that top value.
enum class Bound { kExact, kApprox, kAtLeast, kAtMost, kUpTo, kRange };

struct Quantity {
  double low = 0;  // in `unit`; equal to high unless a range
  double high = 0;
  // "h" (durations, in hours), "%", "pp" (percentage points), "EUR", "USD", "GBP", "CNY",
  // "m", "m2", "m3", "m3/s", "kg", "km/h", "C" (degrees Celsius), "ordinal", "count", "age",
  // and "tally" (a vote, "7-4": low = high = 1000 * for + against).
  std::string unit;
  std::string noun;       // for counts: stem of the counted noun ("drone"); "" otherwise
  std::string noun_text;  // that noun as written, lowercased ("drones", "injured"): for reading
  Bound bound = Bound::kExact;
  // The value of one unit of the last digit as written, in `unit` ("35.3%" -> 0.1, "412m" ->
  // 1e6, "four hours" -> 1): a stated value stands for +/- half of it.
  double resolution = 1;
  Span span;                         // the words that state it, including hedges
  std::vector<std::string> context;  // as DateRef::context
  int earlier = 0;                   // as DateRef::earlier ("the 2019 memorandum's 31,500 t")
  // A figure of a worked example ("a typical 200,000-euro mortgage will cost 83 euros more"):
  // outlets pick their own, so it is lined up (two outlets' examples on one base agree or not)
  // but never held against another figure.
  bool example = false;
  // A figure someone favoured, argued or called for ("favoured a 25 basis point increase"): a
  // wish. Lined up with the figure it is about, but never held against what was done.
  bool wanted = false;
};

// A calendar reference resolved against the document's publication date. Fields beyond the
// stated precision are 0 ("January" -> {2026, 1, 0}).
//
// A clock time ("10:50 p.m.", "0600 GMT", "shortly before 11 p.m.", "Tuesday afternoon") adds
// an interval of minutes [minute_low, minute_high) after the midnight that begins `day`, on the
// clock of `zone`. minute_low is in [0, 1440): a time past midnight is on the next day ("after
// midnight" on a Tuesday evening story is Wednesday 00:00-04:00); minute_high may exceed 1440
// when the interval runs past midnight ("Tuesday night": 1080-1680). A time is only set on a
// date with a day; both are -1 when no time is stated. Hedges widen the interval: a whole hour
// stands for +/- 30 min ("11 pm": 22:30-23:30), a stated minute for that minute, "around" more,
// "shortly before X" for the 45 min before X; parts of the day are broad (morning 05-12,
// afternoon 12-18, evening 18-24, night 18-04, "late Tuesday" 18-24, "early Tuesday" 00-08).
struct DateRef {
  int year = 0;
  int month = 0;
  int day = 0;
  int minute_low = -1;
  int minute_high = -1;
  // Whose clock the minutes are on. kStated: the text names the zone ("GMT", "EDT", "UTC+8").
  // kPublication: none is named; the publication's offset is assumed. kUnknown: "local time"
  // (the zone of a place, not known here), or no zone named and the publication gives none.
  enum class Zone { kUnknown, kPublication, kStated };
  Zone zone = Zone::kUnknown;
  int utc_offset_minutes = 0;  // minutes east of UTC (CET: +60); meaningful unless kUnknown
  // kStated for the clock of the place: "6.40 p.m. local time (1540 GMT)" told its offset.
  bool place_clock = false;
  // For kUnknown, whose wall clock it is, lowercased: "local" ("local time"), a place's name
  // ("moscow" for "Moscow time"), or "" (no zone named). Two wall clocks of different names
  // cannot be set side by side. For a place_clock, the clock whose offset was told.
  std::string clock;
  // The day is not stated with the time: it is the day, around the publication time, on which
  // the time last fell (next falls, when the sentence speaks of the future).
  bool day_inferred = false;
  // The year is not stated ("on 9 December"): the one that puts the date nearest publication.
  bool year_inferred = false;
  // "today", "yesterday", "last night", "this morning": a day told relative to publication,
  // `relative_offset` days after the publication day (-1 "yesterday", 0 "today", 1 "tomorrow").
  bool relative = false;
  int relative_offset = 0;
  // "by 2030", "until 2031": the date is a deadline, anything up to its end agrees with it.
  bool no_later = false;
  // The date begins after the publication day ("tomorrow", "on 1 June" in a May page), or is
  // the rest of it ("later today"): a plan or a forecast when written, lined up only with other
  // dates yet to come.
  bool ahead = false;
  // 0 when the value is of the event's own time; else a key of the earlier time it is told of,
  // background compared only with values of the same key: a year before the publication's
  // written near it ("the 2019 memorandum"), a day more than a week before publication
  // (20260503 for "on 3 May"), 1 near "weeks / months / years ago", 2 for a reading "by 6pm" or
  // "as of 10 a.m.", 3 for a baseline "compared with 29.8%" / "up from 36.9%".
  int earlier = 0;
  Span span;
  // Stems of the lowercase content words around the value (up to two on each side, within
  // its clause): what the value is about. Two values are compared only when these overlap.
  std::vector<std::string> context;
};

struct Quote {
  Span span;  // the quoted words, without the quote marks
  // The quoted words as tokenised (Token::lower: lowercased, numbers without separators,
  // possessive "'s" dropped), punctuation left out: what two outlets quoting one utterance share.
  std::vector<std::string> words;
  std::string speaker;  // entity key of the speaker, "" when unknown
  // The speaker is the last named one before a "he said" / "she said": a likely guess, not
  // enough to hold against another outlet's speaker.
  bool speaker_inferred = false;
};

struct Entity {
  std::string key;      // lowercased words as written, titles included ("foreign minister han")
  std::string surface;  // as written
  std::string role;     // the word before it, lowercased, "the" skipped ("at", "meet"), or ""
  Span span;
  // Said by its role ("the mayor", "the US envoy"); `key` is the named person of the event who
  // holds that role ("mayor denise harlan"). Roles no one person holds are not kept.
  bool description = false;
  bool quoted = false;      // inside a quotation: the speaker's words, not the account's
  bool possessive = false;  // followed by "'s": "Orvell's co-defendants" are about others
  // "firm" when some document of the event calls it one ("the consultancy X", "X, the firm
  // hired to ...", "X Consultants", "X Ltd"), under this or another of its names; "" otherwise.
  std::string kind;
};

// An act credited to someone: "proposed by Brussels", "at the invitation of Han", "X suggested".
struct Act {
  // "initiative" (proposed, suggested, invited, requested), "order" (ordered, issued the
  // order), "declaration" (declared), "lead" (led, headed, directed, chaired, presided),
  // "operator" (operated by, operates, the operator X, run by, which runs), "title" (holds a
  // role one person holds: "the lone dissenter was X", or a title such as "judge" that the
  // event's documents give to different people, see aliases.h), "place" (where it happened,
  // by the place it was near: "made landfall near X", "derailed just outside X"; the agent is
  // the place).
  std::string kind;
  std::string agent;  // entity key of who did it
  // Stems of what was ordered, declared or led, space-separated, up to three ("ordered the
  // evacuation of the estate" -> "evacu estat", "the rescue operation was led by" -> "oper
  // rescu"); "" for initiatives and operators and when none is written. For a title, the title
  // as written, lowercased ("judge", "dissenter", "member to oppose"); for a place, the stem of
  // the word before "near" ("landfal").
  std::string object;
  Span span;  // from the act word to the agent
};

enum class Modality { kAsserted, kExpected, kReported, kDenied };

struct ClaimModel {
  Claim claim;
  size_t document_index = 0;       // into the documents given to AlignDocuments
  std::vector<std::string> stems;  // content-word stems, lowercased, in order (duplicates kept)
  std::vector<Entity> entities;
  std::vector<Quantity> quantities;
  std::vector<DateRef> dates;
  std::vector<Quote> quotes;
  std::vector<Act> acts;
  std::string speaker;   // entity key of who is credited with the statement, "" if none
  bool negated = false;  // the main assertion is negated ("did not sign", "no statement")
  std::vector<std::string> negated_stems;  // stems within the scope of the negation
  Modality modality = Modality::kAsserted;
};

struct AlignOptions {
  double link_threshold = 0.2;       // minimum pair similarity to join claims
  double secondary_threshold = 0.2;  // a claim this similar to another also joins its cluster
  int max_extra_clusters = 2;        // clusters a claim may join beyond its own
  // Claims one document may have in a cluster (an article can restate a fact).
  int max_claims_per_document = 1;
  double cluster_linkage = 0.12;     // minimum mean pair similarity within a merged cluster
  int minhash_permutations = 64;     // MinHash signature length
  int lsh_bands = 32;                // bands of minhash_permutations / lsh_bands rows
  size_t max_sentence_bytes = 2000;  // longer sentences are cut into clauses at this size
  // Documents whose accounts share less than this (mean weighted cosine between the groups)
  // report different events; claims are lined up within an event only. Tuned on ECB+
  // odd-numbered topics (features every document holds weigh next to nothing, see events.cpp).
  double event_linkage = 0.11;
  // Documents whose texts resemble an earlier one's this much (estimated Jaccard of word
  // 5-shingles) are copies of it: wire copy, syndicated reprints.
  double copy_resemblance = 0.6;
};

struct Alignment {
  std::vector<ClaimModel> claims;  // in document order, then text order; ids "c1", "c2", ...
  // Statement clusters in order of their first claim, then quantity, date and act clusters (one
  // value lined up across claims), then one event cluster per event; see Cluster::basis.
  // Verdicts are left kSingle for compare/ to set. A claim belongs to one statement cluster, to
  // up to max_extra_clusters more when it states several facts, and to the clusters of its
  // values and of its event.
  std::vector<Cluster> clusters;
  std::vector<std::vector<size_t>> cluster_members;  // per cluster, indices into `claims`
  // Per document: the event it reports. 0 is the event most documents report; documents of
  // other events (look-alikes: an earlier visit, another meeting) are lined up among themselves.
  std::vector<size_t> document_events;
  // Per document: the index of an earlier document it copies, or -1. A copy's claims are lined
  // up like any other's, but it is not an independent account.
  std::vector<int> document_copies;
};

// Splits each document into claims, reads their parts, and clusters equivalent claims across
// documents (a cluster never holds two claims of one document). Deterministic; single-threaded.
Alignment AlignDocuments(const std::vector<Document>& documents, const AlignOptions& options = {});

// Sentence spans of `text` (ICU sentence rules with abbreviation suppression; never across a
// paragraph break "\n\n"); spans exclude surrounding white space.
std::vector<Span> SplitSentences(const std::string& text);

// Quantities stated in `text[span]`; spans are offsets into `text`.
std::vector<Quantity> ExtractQuantities(const std::string& text, Span span);

// How far a hedged figure ("about 4,000", "some 340 metres") may lie from `value`, one of its
// bounds, in its unit: half the place of its last non-zero written digit ("about 4,000" ->
// 500, "nearly three hours" -> 0.5 h), kept between 5% and 15% of `value`. A round figure is a
// rough one; "some 340 metres" is not "some 430 metres".
double ApproximationMargin(const Quantity& q, double value);

// Dates in `text[span]`, resolved against `published` (ISO 8601 date or date-time, or "" when
// unknown: then weekdays and relative words are not resolved).
std::vector<DateRef> ExtractDates(const std::string& text, Span span, const std::string& published);

// True when two entity keys share an identifying word (titles and generic words such as
// "minister" or "foreign" ignored): "foreign minister han zhiyuan" and "han" are one entity.
bool SameEntity(const std::string& a, const std::string& b);
// True when an entity key carries a person's title or role ("vice premier guo haifeng").
bool IsTitledPerson(const std::string& entity_key);
// True when an entity key names a building or venue ("diaoyutai state guesthouse").
bool IsVenue(const std::string& entity_key);

}  // namespace parallax::align
