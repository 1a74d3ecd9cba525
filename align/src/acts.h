// Acts credited to someone in one sentence (Act in align.h): who proposed, ordered, declared,
// led or operates something, where it happened by the place it was near, and who holds a role
// one person holds. Private to align/.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "entity_runs.h"
#include "parallax/align/align.h"
#include "text.h"

namespace parallax::align {

// Appends the acts of the sentence tokens `t` (of `text`) to `claim.acts`. `runs`: the
// sentence's entity runs in text order (roles included); `quoted(k)`: token k lies inside a
// quotation. Agents are entity keys as written; ResolveRoleDescriptions later resolves roles.
void ReadActs(const std::string& text, const std::vector<Token>& t,
              const std::vector<EntityRun>& runs, const std::function<bool(size_t)>& quoted,
              ClaimModel& claim);

}  // namespace parallax::align
