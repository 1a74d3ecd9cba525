// Clock times in a sentence ("10:50 p.m.", "0600 GMT", "shortly before 11 p.m.", "after
// midnight", "Tuesday afternoon", "late on Monday"), put on the day of a date they are said
// with or one inferred from the publication time. Private to align/.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "parallax/align/align.h"
#include "publication.h"
#include "text.h"

namespace parallax::align {

// Adds the clock times of the sentence tokens `t` (of `text`) to `out`: onto the DateRef of
// the date they are said with (whose token range is in `where`, one per entry of `out`), or as
// new DateRefs on a day inferred from `pub` (later when `future`). Appends to `where` for each
// DateRef it adds. Nothing without a publication date.
void AddClockTimes(const std::string& text, const std::vector<Token>& t, const Published& pub,
                   bool future, std::vector<DateRef>& out,
                   std::vector<std::pair<size_t, size_t>>& where);

// A place's clock whose offset one claim tells ("7.52 p.m. local time (1852 GMT)") is the same
// clock in the other claims of its event (`document_events`, per document): their "just before
// 8 p.m. local time" gets that offset (kStated, place_clock), and a day inferred for it is
// inferred again on that clock against its document's publication time. A clock told two
// offsets in one event (a story across two places) is left unknown. Call after event
// separation; `documents` are those given to AlignDocuments.
void ResolvePlaceClocks(std::vector<ClaimModel>& claims, const std::vector<Document>& documents,
                        const std::vector<size_t>& document_events);

}  // namespace parallax::align
