#include "publication.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace parallax::align {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

int TwoDigits(const std::string& s, size_t at) {
  if (at + 2 > s.size() || !std::isdigit(static_cast<unsigned char>(s[at])) ||
      !std::isdigit(static_cast<unsigned char>(s[at + 1])))
    return -1;
  return (s[at] - '0') * 10 + (s[at + 1] - '0');
}

}  // namespace

Published ParsePublished(const std::string& published) {
  Published p;
  if (published.size() < 10 || published[4] != '-' || published[7] != '-') return p;
  const int y = std::atoi(published.substr(0, 4).c_str());
  const int m = std::atoi(published.substr(5, 2).c_str());
  const int d = std::atoi(published.substr(8, 2).c_str());
  p.date = year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  p.have_date = p.date.ok();
  if (!p.have_date || published.size() < 16 || (published[10] != 'T' && published[10] != ' '))
    return p;
  const int hh = TwoDigits(published, 11);
  const int mm = TwoDigits(published, 14);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || published[13] != ':') return p;
  p.minute = hh * 60 + mm;
  size_t k = 16;
  while (k < published.size() && (std::isdigit(static_cast<unsigned char>(published[k])) ||
                                  published[k] == ':' || published[k] == '.'))
    ++k;
  if (k >= published.size()) return p;
  if (published[k] == 'Z' || published[k] == 'z') {
    p.offset = 0;
  } else if (published[k] == '+' || published[k] == '-') {
    const int oh = TwoDigits(published, k + 1);
    size_t mk = k + 3;
    if (mk < published.size() && published[mk] == ':') ++mk;
    const int om = mk < published.size() ? TwoDigits(published, mk) : 0;
    if (oh >= 0 && oh <= 14 && om >= 0) p.offset = (published[k] == '-' ? -1 : 1) * (oh * 60 + om);
  }
  return p;
}

bool SpeaksOfFuture(const std::vector<Token>& t, size_t end, size_t window) {
  end = std::min(end, t.size());
  const size_t begin = window == 0 || end < window ? 0 : end - window;
  for (size_t k = begin; k < end; ++k) {
    const std::string& w = t[k].lower;
    if (w == "will" || w == "due" || w == "expected" || w == "scheduled" || w == "next" ||
        w == "planned" || w == "set" || w == "tomorrow" || w == "'ll" || w == "would" ||
        w == "shall" || w == "plans" || w == "aims" || w == "hopes" || w == "upcoming" ||
        w == "until" || w == "reconvene" || w == "resume" || w == "opens" || w == "begins" ||
        w == "starts")
      return true;
    // "later today", "later this week": still to come. A bare "later" ("two hours later", "he
    // later said") looks back as often as ahead.
    if (w == "later" && k + 1 < t.size() &&
        (t[k + 1].lower == "today" || t[k + 1].lower == "tonight" || t[k + 1].lower == "this")) {
      return true;
    }
  }
  return false;
}

}  // namespace parallax::align
