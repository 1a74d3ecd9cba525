// Which listed articles belong to an event. Pure functions; thread-safe.
//
// The rule (docs/config.md): a text matches an event when, compared case-insensitively on word
// boundaries (ASCII letters and digits are word characters; '-', '_' and '/' in URLs count as
// spaces), it contains at least min_keywords of the event's keywords and min_entities of its
// entities, and none of its exclude_keywords. A date outside [from, until] (compared on its
// first ten characters, YYYY-MM-DD) rejects it; a missing or unreadable date does not.
#pragma once

#include <string>

#include "config.h"

namespace parallax::app {

struct Match {
  bool accepted = false;
  bool look_alike = false;  // rejected by exclude_keywords or the date window
  std::string reason;       // why rejected, for the log ("" when accepted)
};

// `text` is whatever is known (a feed entry's title, summary and URL; or an article's title
// and body); `date` is ISO 8601 or "" when unknown.
Match MatchEvent(const EventConfig& event, const std::string& text, const std::string& date);

// Whether `text` contains `term` on word boundaries, ignoring ASCII case.
bool ContainsTerm(const std::string& text, const std::string& term);

}  // namespace parallax::app
