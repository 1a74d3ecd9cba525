#include "acts.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace parallax::align {

void ReadActs(const std::string& text, const std::vector<Token>& t,
              const std::vector<EntityRun>& runs, const std::function<bool(size_t)>& quoted,
              ClaimModel& claim) {
  // Acts credited to an agent, by kind: initiative ("proposed by X", "at the invitation of X",
  // "X proposed", "X's proposal", "it was X who proposed"), order ("X ordered the evacuation",
  // "ordered by X", "X issued the evacuation order") and declaration ("X declared a state of
  // emergency", "declared by X").
  auto act_kind = [&](size_t i) -> const char* {
    if (t[i].kind != TokenKind::kWord) return nullptr;
    const std::string stem = Stem(t[i].lower);
    if (t[i].lower.starts_with("initial")) return nullptr;  // "initialled", not an initiative
    // "did not respond to the Beacon's request for comment": the newsroom's, not the event's.
    if (stem == "request" && i + 2 < t.size() && t[i + 2].lower == "comment") return nullptr;
    if (stem == "propos" || stem == "suggest" || stem == "invit" || stem == "request" ||
        stem == "initi" || stem == "amend" || stem == "motion") {
      return "initiative";
    }
    if (stem == "order" && t[i].lower != "order") return "order";  // "ordered", "orders"
    if (stem == "order" && i > 0) {
      for (size_t k = i; k-- > 0 && i - k <= 3;) {
        if (t[k].lower == "issued" || t[k].lower == "gave") return "order";  // "issued the order"
      }
    }
    if (stem == "declar") return "declaration";
    if (t[i].lower == "read" && i + 1 < t.size() && t[i + 1].lower == "out") return "declaration";
    // "The operation was led by X", "a team headed by Y", "X, who directed the rescue".
    const std::string& w = t[i].lower;
    if (w == "led" || w == "leads" || w == "headed" || w == "directed" || w == "chaired" ||
        w == "presided") {
      return "lead";
    }
    // Who operates a site or a service: "operated by X", "X operates", "the mine's operator,
    // X", "run by X", "X, which runs the mine".
    if (w == "operated" || w == "operates" || w == "operator") return "operator";
    if (w == "run" && i + 1 < t.size() && t[i + 1].lower == "by") return "operator";
    if (w == "runs" && i > 0 && (t[i - 1].lower == "which" || t[i - 1].lower == "that"))
      return "operator";
    return nullptr;
  };
  for (size_t i = 0; i < t.size(); ++i) {
    const char* kind = act_kind(i);
    if (kind == nullptr) continue;
    const bool initiative = std::string_view(kind) == "initiative";
    const bool operation = std::string_view(kind) == "operator";
    std::string agent;
    size_t agent_end = i;
    // "... by X" within three tokens after the act word (and, for an initiative, "... of X";
    // "an amendment from X", "the amendment ... came from X" within eight).
    for (size_t k = i + 1; k < t.size() && k <= i + 8 && agent.empty(); ++k) {
      const bool near = k <= i + 3 && (t[k].lower == "by" || (initiative && t[k].lower == "of"));
      if (!near && !(initiative && t[k].lower == "from")) continue;
      // "operated by state-owned National Railways", "operated by the state-owned ferry company
      // Calcoast": a company's name may come after more words than a person's, when they are
      // lowercase words that describe it.
      size_t reach = 2;
      if (operation) {
        reach = 3;
        for (size_t w = k + 1;
             w < t.size() && w <= k + 7 && t[w].kind == TokenKind::kWord && !t[w].capitalized;
             ++w) {
          reach = std::max(reach, w + 1 - k);
        }
      }
      for (const EntityRun& r : runs) {
        if (r.first > k && r.first <= k + reach) {
          agent = KeyOf(t, r);
          agent_end = r.last;
          break;
        }
      }
    }
    if (agent.empty() && operation && t[i].lower == "operator") {
      // "pit operator Northfield Energy", "the mine's operator, Northfield Coal": the name after
      // the role; "Northfield Coal Company, the mine's operator": the name before it.
      for (const EntityRun& r : runs) {
        const bool after = r.first == i + 1 || (r.first == i + 2 && t[i + 1].lower == ",");
        const bool before = r.last + 1 < i && i - r.last <= 5 && t[r.last + 1].lower == "," &&
                            t[r.last + 2].lower == "the";
        if (after || before) {
          agent = KeyOf(t, r);
          agent_end = r.last;
          if (after) break;
        }
      }
    }
    if (agent.empty() && operation && t[i].lower == "runs" && i >= 3 && t[i - 2].lower == ",") {
      for (const EntityRun& r : runs) {
        if (r.last + 3 == i) agent = KeyOf(t, r), agent_end = r.last;  // "X, which runs"
      }
    }
    // "X proposed", "X's proposal", "it was X who proposed", "X issued the order": an entity
    // right before the act word, before "who" and it, or before the verb that issues it.
    if (agent.empty()) {
      size_t verb = i;
      if (t[i].lower == "order") {
        while (verb > 0 && t[verb].lower != "issued" && t[verb].lower != "gave") --verb;
      }
      // The act word as a noun ("proposal", "order") takes a possessive agent only: "Brodt's
      // proposal", not "an EU proposal" (a body for its capital, or a mere label).
      const bool verb_form =
          t[verb].lower.ends_with("ed") || t[verb].lower.ends_with("s") || t[verb].lower == "read";
      for (const EntityRun& r : runs) {
        const bool who = (r.last + 2 == verb && t[r.last + 1].lower == "who") ||
                         (r.last + 3 == verb && t[r.last + 1].lower == "," &&
                          t[r.last + 2].lower == "who");  // "Marta Sollen, who led"
        if ((r.last + 1 == verb && (verb_form || IsPossessive(text, t, r))) || who) {
          agent = KeyOf(t, r);
        }
      }
    }
    if (agent.empty()) continue;
    Act act;
    act.kind = kind;
    act.agent = agent;
    if (!initiative && !operation) {
      // What was ordered, declared or led: the words after the act ("ordered the evacuation of
      // the estate"), or before it when it is passive ("the rescue operation was led by") or
      // a noun ("the evacuation order").
      auto content = [&](size_t k) {
        return t[k].kind == TokenKind::kWord && !IsStopword(t[k].lower) && !t[k].capitalized;
      };
      auto add = [&](size_t k) {
        if (!act.object.empty()) act.object += ' ';
        act.object += ContentStem(t[k].lower);
      };
      const bool passive = (i + 1 < t.size() && t[i + 1].lower == "by") ||
                           (i > 0 && (t[i - 1].lower == "was" || t[i - 1].lower == "were" ||
                                      t[i - 1].lower == "is" || t[i - 1].lower == "been"));
      if (passive || t[i].lower == "order") {
        int taken = 0;
        for (size_t k = i; k-- > 0 && i - k <= 5 && taken < 3;) {
          if (t[k].kind == TokenKind::kPunct) break;
          if (content(k)) add(k), ++taken;
        }
      } else {
        int taken = 0;
        for (size_t k = i + 1; k < t.size() && k <= i + 5 && taken < 3; ++k) {
          if (t[k].kind == TokenKind::kPunct) break;
          if (content(k)) add(k), ++taken;
        }
      }
    }
    act.span = {t[std::min(i, agent_end)].span.begin, t[std::max(i, agent_end)].span.end};
    claim.acts.push_back(std::move(act));
  }

  // Where something happened, by the place it was near: "made landfall near the town of X",
  // "derailed just outside X", "sank off X". The act is the word before the preposition, a
  // past tense or a word of arrival ("landfall", "ashore", "aground"): "pickets outside X" are
  // many, and may stand at many gates. "in" and "at" are left out, being said of far more than
  // the place of the event ("talks in Beijing", "at the invitation of").
  auto place_act = [&](const Token& w) {
    if (w.kind != TokenKind::kWord || w.capitalized || IsStopword(w.lower)) return false;
    static const std::unordered_set<std::string_view> kIrregular = {
        "landfall", "ashore", "aground", "sank", "fell", "struck", "hit", "broke", "ran", "came"};
    return w.lower.ends_with("ed") || kIrregular.count(w.lower) > 0;
  };
  for (const EntityRun& r : runs) {
    if (r.role || quoted(r.first) || r.first < 2) continue;
    // The name is the whole place: not "the Norvish river town of Eastbrook"'s "Norvish".
    if (r.last + 1 < t.size() && t[r.last + 1].kind == TokenKind::kWord &&
        !t[r.last + 1].capitalized && !IsStopword(t[r.last + 1].lower)) {
      continue;
    }
    size_t k = r.first - 1;  // the preposition, once found
    if (t[k].lower == "of") {
      // "near the town of X", "near the Norvish river town of X": back over up to four words
      // to "the".
      size_t the = k;
      while (the > 0 && k - the < 5 && t[the - 1].kind == TokenKind::kWord &&
             t[the - 1].lower != "the") {
        --the;
      }
      if (the < 2 || t[the - 1].lower != "the") continue;
      k = the - 2;
    } else if (t[k].lower == "the") {
      --k;
    }
    if (t[k].lower != "near" && t[k].lower != "outside" && t[k].lower != "off") continue;
    if (k == 0) continue;
    size_t verb = k - 1;
    if (verb > 0 && (t[verb].lower == "just" || t[verb].lower == "close")) --verb;
    if (!place_act(t[verb])) continue;
    Act act;
    act.kind = "place";
    act.agent = KeyOf(t, r);
    // "came ashore near X" is "made landfall near X".
    act.object = ContentStem(t[verb].lower == "ashore" ? "landfall" : t[verb].lower);
    act.span = {t[verb].span.begin, t[r.last].span.end};
    claim.acts.push_back(std::move(act));
  }

  // Where people or goods were landed: "landed at X", "brought ashore in X", "were landed at
  // the ferry quay in X" (the name after a place of up to three words). One act, whichever
  // way told, so that two outlets landing the passengers at two ports meet.
  auto landing_word = [&](size_t k) { return t[k].lower == "landed" || t[k].lower == "ashore"; };
  auto at_word = [&](size_t k) {
    return t[k].lower == "at" || t[k].lower == "in" || t[k].lower == "to";
  };
  for (const EntityRun& r : runs) {
    if (r.role || quoted(r.first) || r.first < 2) continue;
    if (r.last + 1 < t.size() && t[r.last + 1].kind == TokenKind::kWord &&
        !t[r.last + 1].capitalized && !IsStopword(t[r.last + 1].lower)) {
      continue;
    }
    size_t k = r.first - 1;
    if (!at_word(k)) continue;
    size_t verb = k - 1;
    if (!landing_word(verb)) {
      // "at the ferry quay in X": back over the place's words to "the" and its preposition.
      size_t w = k;
      while (w > 0 && k - w < 3 && t[w - 1].kind == TokenKind::kWord && !t[w - 1].capitalized &&
             !IsStopword(t[w - 1].lower)) {
        --w;
      }
      if (w == k || w < 3 || t[w - 1].lower != "the" || !at_word(w - 2)) continue;
      verb = w - 3;
      if (!landing_word(verb)) continue;
    }
    Act act;
    act.kind = "place";
    act.agent = KeyOf(t, r);
    act.object = "ashore";
    act.span = {t[verb].span.begin, t[r.last].span.end};
    claim.acts.push_back(std::move(act));
  }

  // The one holder of a role: "the lone dissenter was X", "X was the only member to oppose",
  // "X, the sole dissenter,". The role is its noun, with "to" and the verb that follows it
  // ("member to oppose"): the only member to oppose is not the only member to abstain.
  auto unique_role = [&](size_t the) -> std::pair<std::string, size_t> {  // role, its last token
    if (the + 2 >= t.size() || t[the].lower != "the") return {};
    const std::string& adjective = t[the + 1].lower;
    if (adjective != "lone" && adjective != "only" && adjective != "sole") return {};
    const Token& noun = t[the + 2];
    if (noun.kind != TokenKind::kWord || noun.capitalized || IsStopword(noun.lower)) return {};
    if (the + 4 < t.size() && t[the + 3].lower == "to" && t[the + 4].kind == TokenKind::kWord) {
      return {noun.lower + " to " + t[the + 4].lower, the + 4};
    }
    return {noun.lower, the + 2};
  };
  auto is_copula = [&](size_t k) {
    return k < t.size() && (t[k].lower == "was" || t[k].lower == "is");
  };
  for (const EntityRun& r : runs) {
    if (r.role || quoted(r.first)) continue;
    std::pair<std::string, size_t> role;
    size_t from = r.first, to = r.last;
    // "X was the only N", "X, the sole N,"
    if (is_copula(r.last + 1) || (r.last + 1 < t.size() && t[r.last + 1].lower == ",")) {
      role = unique_role(r.last + 2);
      to = role.second;
      if (!role.first.empty() && t[r.last + 1].lower == "," &&
          !(to + 1 < t.size() && t[to + 1].kind == TokenKind::kPunct)) {
        role = {};  // "X, the only member to oppose it" reads on; an apposition ends
      }
    }
    // "the lone N was X", "the lone N was board member X": up to two lowercase words between.
    for (size_t k = r.first; role.first.empty() && k-- > 0 && r.first - k <= 3;) {
      if (!is_copula(k)) {
        if (t[k].kind != TokenKind::kWord || t[k].capitalized) break;
        continue;
      }
      if (k < 3) break;
      for (size_t the = k >= 5 ? k - 5 : 0; the + 2 < k; ++the) {
        const auto found = unique_role(the);
        if (!found.first.empty() && found.second + 1 == k) {
          role = found;
          from = the;
        }
      }
      break;
    }
    if (role.first.empty()) continue;
    Act act;
    act.kind = "title";
    act.agent = KeyOf(t, r);
    act.object = role.first;
    act.span = {t[from].span.begin, t[std::max(to, r.last)].span.end};
    claim.acts.push_back(std::move(act));
  }
}

}  // namespace parallax::align
