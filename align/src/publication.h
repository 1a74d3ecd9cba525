// The publication instant a document's dates and clock times are resolved against, and the
// future cues that decide whether "Monday" is the last or the next one. Private to align/.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "text.h"

namespace parallax::align {

// The publication instant as far as it is stated.
struct Published {
  std::chrono::year_month_day date{};
  bool have_date = false;
  int minute = -1;            // local clock minute of the day, -1 when no time is given
  std::optional<int> offset;  // minutes east of UTC, when given ("Z" is 0)
};

// Reads an ISO 8601 date or date-time with an optional offset ("2025-11-04",
// "2025-11-04T17:30:00+01:00", "...Z"); fields it does not state stay unset.
Published ParsePublished(const std::string& published);

// A future cue in the `window` tokens before `end` (all of the sentence when window is 0): a
// modal or schedule word ("will", "due", "expected", "next") or "later today / tonight / this".
bool SpeaksOfFuture(const std::vector<Token>& t, size_t end = SIZE_MAX, size_t window = 0);

}  // namespace parallax::align
