// Reads one sentence into a ClaimModel: content stems, entities, quotes and speaker, negation
// and modality. Quantities and dates come from quantities.cpp and dates.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parallax/align/align.h"
#include "publication.h"

namespace parallax::align {

// State carried across the sentences of one document: the last named speaker, for "he said".
struct DocumentContext {
  std::string published;     // Document::published or ""
  Published published_at;    // `published`, parsed once per document (see publication.h)
  std::string last_speaker;  // entity key
  // The earlier time the last sentence told of ("the 2019 case"; see earlier_times.h), for a
  // following "in that case" / "at the time"; 0 if none.
  int last_earlier = 0;
};

// Splits a sentence into clauses that each state a fact of their own: at ";", at a spaced
// dash, and at ", and" / ", but" / ", while" / ", whereas" / ", although" when
// both sides hold at least five words. Never inside a quotation.
std::vector<Span> SplitClauses(const std::string& text, Span sentence);

// Entity keys of roles said instead of a name ("the mayor" -> "role:mayor") start with this;
// ResolveRoleDescriptions (aliases.h) replaces them with the person's key or removes them.
inline constexpr std::string_view kRolePrefix = "role:";

// Words that title a person ("minister", "mayor", "envoy", "dr").
bool IsTitleWord(std::string_view lower);

ClaimModel ReadClaim(const std::string& text, Span span, DocumentContext& context);

// Lowercased tokens of an entity key that identify it ("foreign minister han zhiyuan" ->
// {"han", "zhiyuan"}): titles and generic words removed.
std::vector<std::string> NameTokens(const std::string& entity_key);

}  // namespace parallax::align
