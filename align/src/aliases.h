// Aliases of one entity across an event's documents: an acronym and the name it abbreviates
// ("LRTA", "Lakemont Regional Transit Authority"), and a bare name and the titled person it
// names ("Vance", "Robert Vance", "Councilmember Robert Vance"), and a role and the person who
// holds it ("the mayor", "Mayor Denise Harlan").
#pragma once

#include <vector>

#include "parallax/align/align.h"

namespace parallax::align {

// Finds names of two or more capitalised words in `claims` whose initials spell an acronym
// used elsewhere in the event, and gives the acronym's entities the name's key (the surface
// stays as written) and its claims the name's stems, so the two line up and compare as one
// entity. Initials shared by two different names are ambiguous and left alone.
void ResolveAcronyms(std::vector<ClaimModel>& claims);

// Gives an untitled name ("Vance", "Robert Vance") the key of the one titled person of the
// event whose name holds all its name words ("councilmember robert vance"), so that it compares
// as that person; a name two titled people could be is left alone.
void ResolveNamesToTitledPeople(std::vector<ClaimModel>& claims);

// Gives a role said instead of a name ("the mayor", "the US envoy"; Entity::description) the
// key of the one titled person of the event holding that title, or else of the person last
// named with that title earlier in the same document, and so its speaker, quotes and acts. A
// role neither names is removed, with the speaker, quote speakers and acts it stood for: an
// unknown speaker, not a wrong one. Call after the other resolutions.
void ResolveRoleDescriptions(std::vector<ClaimModel>& claims);

// A title one person holds in an event (the judge of a trial, the chair or clerk of a count)
// that documents of one event (`document_events`, per document) give to different people, each
// document naming one holder and none naming another's: the first claim of each such document
// naming its holder with the title gets an Act of kind "title" (object: the title word), so
// that the holders line up and compare. A document naming two holders (a panel of judges) makes
// the title several people's, and it is left alone. Call after ResolveRoleDescriptions.
void MarkContestedTitles(std::vector<ClaimModel>& claims,
                         const std::vector<size_t>& document_events);

// Gives Entity::kind "firm" to every name of the event (`document_events`, per document) that
// one of its documents calls a firm: by the word before it ("the contractor X"), an apposition
// ("X, the engineering firm hired to ..."), or the last word of its name ("X Consultants",
// "X Ltd"); other names of that firm ("X" for "X Consultants") are firms too. Titled people
// never are.
void MarkFirms(std::vector<ClaimModel>& claims, const std::vector<size_t>& document_events);

}  // namespace parallax::align
