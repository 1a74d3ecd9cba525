#include "aliases.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>

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

}  // namespace parallax::align
