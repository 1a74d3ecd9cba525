// Values told of an earlier time than the event's: background figures and dates ("the 2019
// memorandum allowed 31,500 tonnes", "two weeks ago, when the first-round result was declared at
// 11.50pm", "by 6pm, turnout stood at 33.5 per cent"), which are compared only with values of the
// same earlier time (Quantity::earlier, DateRef::earlier).
#pragma once

#include <vector>

#include "claim_reader.h"
#include "parallax/align/align.h"
#include "text.h"

namespace parallax::align {

// Sets `earlier` on the claim's quantities and dates, from the tokens `t` of its text and the
// document's publication date; the first marker that applies wins, the most specific first:
// a baseline (3: "compared with 29.8%", "up from 36.9%"), a reading at a clock time (2: "by
// 6pm", "as of 10 a.m."), a year before the publication's within 90 bytes (the year: "the 2019
// memorandum"; not a year in a name, "the 1987 Marren Accord", nor after "since" unless told
// of, "since 2019, when ..."), weeks / months / years ago within 90 bytes (1), a day more than a
// week before publication within 90 bytes (its yyyymmdd), and a back reference ("in that case",
// "that year", "at the time") to the earlier time the last sentence told of, which `context`
// carries from one claim to the next.
void MarkEarlierTimes(const std::vector<Token>& t, DocumentContext& context, ClaimModel& claim);

}  // namespace parallax::align
