// Aliases of one entity across an event's documents that share no word: an acronym and the
// name it abbreviates ("LRTA", "Lakemont Regional Transit Authority"; "EU", "European Union").
#pragma once

#include <vector>

#include "parallax/align/align.h"

namespace parallax::align {

// Finds names of two or more capitalised words in `claims` whose initials spell an acronym
// used elsewhere in the event, and gives the acronym's entities the name's key (the surface
// stays as written) and its claims the name's stems, so the two line up and compare as one
// entity. Initials shared by two different names are ambiguous and left alone.
void ResolveAcronyms(std::vector<ClaimModel>& claims);

}  // namespace parallax::align
