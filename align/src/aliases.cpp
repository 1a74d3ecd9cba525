#include "aliases.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "claim_reader.h"
#include "text.h"

namespace parallax::align {
namespace {

// Initials of the capitalised words of a surface ("Federal Transit Administration" -> "fta"),
// skipping the small words names keep in lowercase; "" unless two or more.
std::string InitialsOf(const std::string& surface) {
  std::string initials;
  size_t words = 0;
  for (size_t i = 0; i < surface.size(); ++i) {
    const bool starts = i == 0 || surface[i - 1] == ' ' || surface[i - 1] == '-';
    if (!starts) continue;
    const unsigned char c = static_cast<unsigned char>(surface[i]);
    if (std::isupper(c)) {
      initials.push_back(static_cast<char>(std::tolower(c)));
      ++words;
    } else if (std::isalpha(c)) {
      size_t end = i;
      while (end < surface.size() && std::isalpha(static_cast<unsigned char>(surface[end]))) ++end;
      if (!IsStopword(surface.substr(i, end - i))) return {};  // "the bloc's chief": a phrase
    }
  }
  return words >= 2 ? initials : std::string();
}

// An acronym as written: 2 to 6 capital letters, nothing else ("LRTA", "EU").
bool IsAcronym(const std::string& surface) {
  if (surface.size() < 2 || surface.size() > 6) return false;
  for (char c : surface) {
    if (!std::isupper(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// One name's words all in the other's ("foreign minister han" / "han zhiyuan" share only
// "han": two people, as far as this test goes; "han" / "han zhiyuan" are one).
bool NamesOnePerson(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  auto within = [](const std::vector<std::string>& x, const std::vector<std::string>& y) {
    return std::all_of(x.begin(), x.end(), [&](const std::string& w) {
      return std::find(y.begin(), y.end(), w) != y.end();
    });
  };
  return within(a, b) || within(b, a);
}

}  // namespace

void ResolveAcronyms(std::vector<ClaimModel>& claims) {
  struct Name {
    std::string key;
    std::string surface;
    bool ambiguous = false;
  };
  std::unordered_map<std::string, Name> names;  // initials -> the name they abbreviate
  for (const auto& c : claims) {
    for (const auto& e : c.entities) {
      const std::string initials = InitialsOf(e.surface);
      if (initials.empty()) continue;
      auto [it, added] = names.emplace(initials, Name{e.key, e.surface});
      if (!added && it->second.key != e.key) it->second.ambiguous = true;
    }
  }
  if (names.empty()) return;
  for (auto& c : claims) {
    for (auto& e : c.entities) {
      if (!IsAcronym(e.surface)) continue;
      std::string lower = e.surface;
      for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      auto it = names.find(lower);
      if (it == names.end() || it->second.ambiguous) continue;
      e.key = it->second.key;
      for (const Token& t :
           Tokenize(it->second.surface, {0, static_cast<uint32_t>(it->second.surface.size())})) {
        if (t.kind == TokenKind::kWord && !IsStopword(t.lower)) c.stems.push_back(Stem(t.lower));
      }
    }
  }
}

void ResolveNamesToTitledPeople(std::vector<ClaimModel>& claims) {
  // Titled people of the event, one per distinct key, with their name words.
  std::vector<std::pair<std::string, std::vector<std::string>>> titled;
  for (const auto& c : claims) {
    for (const auto& e : c.entities) {
      if (!IsTitledPerson(e.key)) continue;
      if (std::none_of(titled.begin(), titled.end(),
                       [&](const auto& t) { return t.first == e.key; })) {
        titled.push_back({e.key, NameTokens(e.key)});
      }
    }
  }
  if (titled.empty()) return;
  for (auto& c : claims) {
    for (auto& e : c.entities) {
      if (IsTitledPerson(e.key) || IsVenue(e.key)) continue;
      const std::vector<std::string> words = NameTokens(e.key);
      if (words.empty()) continue;
      // The titled people whose names hold every name word of this one; aliases of one person
      // ("foreign minister han", "chinese foreign minister han zhiyuan") count once.
      const std::string* match = nullptr;
      const std::vector<std::string>* match_name = nullptr;
      bool ambiguous = false;
      for (const auto& person : titled) {
        const std::string& key = person.first;
        const std::vector<std::string>& name = person.second;
        const bool holds = std::all_of(words.begin(), words.end(), [&](const std::string& w) {
          return std::find(name.begin(), name.end(), w) != name.end();
        });
        if (!holds) continue;
        if (match != nullptr && !NamesOnePerson(*match_name, name)) ambiguous = true;
        if (match == nullptr || key.size() > match->size()) {
          match = &key;
          match_name = &name;
        }
      }
      if (match != nullptr && !ambiguous) e.key = *match;
    }
  }
}

void ResolveRoleDescriptions(std::vector<ClaimModel>& claims) {
  // The titled people of the event: aliases of one person ("mayor harlan", "mayor denise
  // harlan") are one person, known by its longest key, with the words of all its keys.
  struct Person {
    std::string key;
    std::vector<std::string> name;   // name words of the longest key
    std::vector<std::string> words;  // every word of every key
  };
  // Distinct keys first: an event's people are few, their mentions many (work stays linear in
  // the mentions).
  std::vector<std::string> titled_keys;
  {
    std::unordered_set<std::string> seen;
    for (const auto& c : claims) {
      for (const auto& e : c.entities) {
        if (e.description || seen.count(e.key)) continue;
        seen.insert(e.key);
        if (IsTitledPerson(e.key)) titled_keys.push_back(e.key);
      }
    }
  }
  std::vector<Person> people;
  std::unordered_map<std::string, size_t> person_of_titled_key;
  for (const std::string& key : titled_keys) {
    const std::vector<std::string> name = NameTokens(key);
    auto it = std::find_if(people.begin(), people.end(),
                           [&](const Person& p) { return NamesOnePerson(p.name, name); });
    if (it == people.end()) {
      people.push_back({key, name, {}});
      it = people.end() - 1;
    } else if (key.size() > it->key.size()) {
      it->key = key;
      it->name = name;
    }
    for (const Token& t : Tokenize(key, {0, static_cast<uint32_t>(key.size())})) {
      if (std::find(it->words.begin(), it->words.end(), t.lower) == it->words.end()) {
        it->words.push_back(t.lower);
      }
    }
    person_of_titled_key[key] = static_cast<size_t>(it - people.begin());
  }
  auto has = [](const Person& p, std::string_view w) {
    return std::find(p.words.begin(), p.words.end(), w) != p.words.end();
  };
  // A role names the one person holding its title word; among several, the one whose keys also
  // hold every other word of the role ("the foreign minister", "the Chinese envoy").
  auto resolve = [&](const std::string& role_key) -> std::string {
    const std::string role = role_key.substr(kRolePrefix.size());
    std::vector<std::string> words;
    for (const Token& t : Tokenize(role, {0, static_cast<uint32_t>(role.size())})) {
      if (t.kind == TokenKind::kWord && !IsStopword(t.lower)) words.push_back(t.lower);
    }
    if (words.empty()) return {};
    const std::string& title = words.back();
    std::vector<const Person*> holders, exact;
    for (const Person& p : people) {
      if (!has(p, title)) continue;
      holders.push_back(&p);
      if (std::all_of(words.begin(), words.end(), [&](const auto& w) { return has(p, w); })) {
        exact.push_back(&p);
      }
    }
    if (exact.size() == 1) return exact.front()->key;
    if (exact.empty() && holders.size() == 1) return holders.front()->key;
    return {};
  };
  // Failing that, the role is the one person named with its title word earlier in the same
  // document ("Mayor Ann Holt ... the mayor said", where the event has two mayors); two such
  // people in the document leave it unresolved.
  auto title_of = [](const std::string& role_key) {
    const size_t space = role_key.rfind(' ');
    return space == std::string::npos ? role_key.substr(kRolePrefix.size())
                                      : role_key.substr(space + 1);
  };
  std::unordered_map<std::string, std::string>
      last_named;  // "document|title word" -> key, "" if two
  auto person_of_key = [&](const std::string& key) -> const Person* {
    auto it = person_of_titled_key.find(key);
    return it == person_of_titled_key.end() ? nullptr : &people[it->second];
  };
  std::unordered_map<std::string, std::string> resolved;  // role key -> person key or ""
  for (auto& c : claims) {
    const std::string document = std::to_string(c.document_index) + "|";
    auto person_of = [&](const std::string& key) -> std::string {
      if (key.rfind(kRolePrefix, 0) != 0) return key;
      auto [it, added] = resolved.emplace(key, std::string());
      if (added) it->second = resolve(key);
      if (!it->second.empty()) return it->second;
      auto named = last_named.find(document + title_of(key));
      return named == last_named.end() ? std::string() : named->second;
    };
    bool any = false;
    for (const auto& e : c.entities) {
      any = any || e.description;
      if (e.description) continue;
      if (const Person* p = person_of_key(e.key)) {
        for (const auto& w : p->words) {
          if (!IsTitleWord(w)) continue;
          auto [it, added] = last_named.emplace(document + w, p->key);
          if (!added && it->second != p->key) it->second.clear();  // two people: ambiguous
        }
      }
    }
    if (!any && c.speaker.rfind(kRolePrefix, 0) != 0) continue;
    std::vector<Entity> kept;
    for (Entity& e : c.entities) {
      if (!e.description) {
        kept.push_back(std::move(e));
        continue;
      }
      e.key = person_of(e.key);
      if (e.key.empty()) continue;
      // The person's name words join the claim's stems, so that "the mayor said" lines up with
      // "Harlan said".
      for (const auto& w : NameTokens(e.key)) c.stems.push_back(Stem(w));
      kept.push_back(std::move(e));
    }
    c.entities = std::move(kept);
    c.speaker = person_of(c.speaker);
    for (Quote& q : c.quotes) q.speaker = person_of(q.speaker);
    for (Act& a : c.acts) a.agent = person_of(a.agent);
    c.acts.erase(
        std::remove_if(c.acts.begin(), c.acts.end(), [](const Act& a) { return a.agent.empty(); }),
        c.acts.end());
  }
}

void MarkContestedTitles(std::vector<ClaimModel>& claims,
                         const std::vector<size_t>& document_events) {
  // Titles one person holds in the story of one event; a minister, a senator or a spokesman is
  // one of several.
  static const std::unordered_set<std::string_view> kOneHolder = {
      "judge", "chairman", "chairwoman", "chairperson", "clerk", "coroner", "referee"};
  struct Holding {
    size_t claim = 0;
    size_t entity = 0;
    bool several = false;  // the document names two holders
  };
  // "event|title" -> document -> the document's first holding of the title.
  std::map<std::string, std::map<size_t, Holding>> holdings;
  std::map<size_t, std::vector<std::string>> names_of_document;  // every entity key it names
  auto key_of = [&](const Holding& h) -> const std::string& {
    return claims[h.claim].entities[h.entity].key;
  };
  for (size_t c = 0; c < claims.size(); ++c) {
    const ClaimModel& claim = claims[c];
    for (size_t e = 0; e < claim.entities.size(); ++e) {
      const Entity& entity = claim.entities[e];
      names_of_document[claim.document_index].push_back(entity.key);
      if (entity.quoted || NameTokens(entity.key).empty()) continue;
      for (const Token& word :
           Tokenize(entity.key, {0, static_cast<uint32_t>(entity.key.size())})) {
        if (!kOneHolder.count(word.lower)) continue;
        const std::string title =
            std::to_string(document_events[claim.document_index]) + "|" + word.lower;
        auto [it, added] = holdings[title].emplace(claim.document_index, Holding{c, e});
        if (!added && !SameEntity(key_of(it->second), entity.key)) it->second.several = true;
      }
    }
  }
  constexpr size_t kMaxHolders = 3;  // more, and the title is several people's, not contested
  for (const auto& [title, of_document] : holdings) {
    if (of_document.size() < 2) continue;
    // The title's distinct holders across the documents (few, or the title is left alone), so
    // that the work stays linear in the documents.
    std::vector<std::string> holders;
    bool several = false;
    for (const auto& [document, holding] : of_document) {
      several = several || holding.several;
      const std::string& key = key_of(holding);
      if (std::none_of(holders.begin(), holders.end(),
                       [&](const std::string& h) { return SameEntity(h, key); })) {
        holders.push_back(key);
      }
    }
    if (several || holders.size() < 2 || holders.size() > kMaxHolders) continue;
    // A document that also names another holder, by any name, may tell of two of them.
    for (const auto& [document, holding] : of_document) {
      for (const std::string& other : holders) {
        if (SameEntity(other, key_of(holding))) continue;
        for (const std::string& name : names_of_document[document]) {
          several = several || SameEntity(name, other);
        }
      }
    }
    if (several) continue;
    const std::string word = title.substr(title.find('|') + 1);
    for (const auto& [document, holding] : of_document) {
      const Entity& entity = claims[holding.claim].entities[holding.entity];
      Act act;
      act.kind = "title";
      act.agent = entity.key;
      act.object = word;
      act.span = entity.span;
      claims[holding.claim].acts.push_back(std::move(act));
    }
  }
}

void MarkFirms(std::vector<ClaimModel>& claims, const std::vector<size_t>& document_events) {
  static const std::unordered_set<std::string_view> kFirmWords = {
      "firm", "company", "consultancy", "consultant", "consultants", "contractor", "contractors"};
  static const std::unordered_set<std::string_view> kFirmNameEnds = {
      "consultants",  "consulting", "consultancy", "engineering", "contractors",
      "construction", "ltd",        "limited",     "plc",         "inc",
      "llc",          "gmbh",       "partners",    "associates"};
  constexpr size_t kMaxFirmsPerEvent = 16;  // keeps the marking linear in the entities
  auto last_word = [](const std::string& key) {
    const size_t space = key.rfind(' ');
    return space == std::string::npos ? key : key.substr(space + 1);
  };
  // ", the engineering firm hired ...": up to three words after ", the" or ", a" hold a firm word.
  auto apposition_names_firm = [&](const ClaimModel& claim, const Entity& e) {
    if (e.span.end < claim.claim.span.begin) return false;
    const size_t at = e.span.end - claim.claim.span.begin;
    if (at >= claim.claim.text.size()) return false;
    const std::string_view rest = std::string_view(claim.claim.text).substr(at);
    if (rest.empty() || rest[0] != ',') return false;
    const std::vector<Token> t =
        Tokenize(std::string(rest.substr(0, 80)),
                 {0, static_cast<uint32_t>(std::min<size_t>(rest.size(), 80))});
    if (t.size() < 3 || (t[1].lower != "the" && t[1].lower != "a" && t[1].lower != "an"))
      return false;
    for (size_t k = 2; k < t.size() && k < 5 && t[k].kind == TokenKind::kWord; ++k) {
      if (kFirmWords.count(t[k].lower)) return true;
    }
    return false;
  };
  std::map<size_t, std::vector<std::string>> firms_of_event;
  for (const ClaimModel& claim : claims) {
    auto& firms = firms_of_event[document_events[claim.document_index]];
    for (const Entity& e : claim.entities) {
      if (e.quoted || e.description || IsTitledPerson(e.key) || firms.size() >= kMaxFirmsPerEvent)
        continue;
      const bool firm = kFirmWords.count(e.role) || kFirmNameEnds.count(last_word(e.key)) ||
                        apposition_names_firm(claim, e);
      if (firm && std::find(firms.begin(), firms.end(), e.key) == firms.end())
        firms.push_back(e.key);
    }
  }
  for (ClaimModel& claim : claims) {
    const auto it = firms_of_event.find(document_events[claim.document_index]);
    if (it == firms_of_event.end() || it->second.empty()) continue;
    for (Entity& e : claim.entities) {
      if (e.description || IsTitledPerson(e.key)) continue;
      for (const std::string& firm : it->second) {
        if (SameEntity(e.key, firm)) e.kind = "firm";
      }
    }
  }
}

}  // namespace parallax::align
