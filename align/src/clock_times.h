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

}  // namespace parallax::align
