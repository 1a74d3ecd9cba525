#include "selection.h"

#include <cctype>

namespace parallax::app {
namespace {

bool IsWordChar(unsigned char c) {
  return std::isalnum(c) || c >= 0x80;
}

std::string Fold(const std::string& s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (c == '-' || c == '_' || c == '/') c = ' ';
  }
  return out;
}

}  // namespace

bool ContainsTerm(const std::string& text, const std::string& term) {
  const std::string t = Fold(text);
  const std::string k = Fold(term);
  if (k.empty()) return false;
  for (size_t at = t.find(k); at != std::string::npos; at = t.find(k, at + 1)) {
    const bool left = at == 0 || !IsWordChar(static_cast<unsigned char>(t[at - 1]));
    const size_t end = at + k.size();
    const bool right = end == t.size() || !IsWordChar(static_cast<unsigned char>(t[end]));
    if (left && right) return true;
  }
  return false;
}

Match MatchEvent(const EventConfig& event, const std::string& text, const std::string& date) {
  Match m;
  if (date.size() >= 10) {
    const std::string day = date.substr(0, 10);
    if ((!event.from.empty() && day < event.from) || (!event.until.empty() && day > event.until)) {
      m.look_alike = true;
      m.reason = "dated " + day + ", outside the event's window";
      return m;
    }
  }
  for (const auto& x : event.exclude_keywords) {
    if (ContainsTerm(text, x)) {
      m.look_alike = true;
      m.reason = "mentions '" + x + "' (exclude_keywords)";
      return m;
    }
  }
  int keywords = 0, entities = 0;
  for (const auto& k : event.keywords) keywords += ContainsTerm(text, k);
  for (const auto& e : event.entities) entities += ContainsTerm(text, e);
  if (keywords < event.min_keywords || entities < event.min_entities) {
    m.reason = std::to_string(keywords) + " keyword(s) and " + std::to_string(entities) +
               " entit(ies) matched; " + std::to_string(event.min_keywords) + " and " +
               std::to_string(event.min_entities) + " needed";
    return m;
  }
  m.accepted = true;
  return m;
}

}  // namespace parallax::app
