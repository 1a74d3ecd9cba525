// Runs of tokens that name an entity in one sentence, and how they read: shared by the claim
// reader and the act reader. Private to align/.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "text.h"

namespace parallax::align {

// Tokens [first, last] naming one entity.
struct EntityRun {
  size_t first;
  size_t last;        // inclusive
  bool role = false;  // a role said instead of a name ("the mayor"); see FindRoleRuns
};

// Capitalised names ("Foreign Minister Han Zhiyuan", "Great Hall of the People"), a lowercase
// title right before a name included, and a lowercase kind of place right after one ("Northgate
// Riverside station"); in text order.
std::vector<EntityRun> FindEntityRuns(const std::vector<Token>& t);
// Roles said instead of a name: "the mayor", "the US envoy", "the city's fire chief".
std::vector<EntityRun> FindRoleRuns(const std::vector<Token>& t);
// The entity key of a run: its words lowercased, punctuation left out; kRolePrefix for a role.
std::string KeyOf(const std::vector<Token>& t, const EntityRun& r);
// The run is followed by "'s" in `text` (the tokenizer drops it): "Brodt's proposal".
bool IsPossessive(const std::string& text, const std::vector<Token>& t, const EntityRun& r);

}  // namespace parallax::align
