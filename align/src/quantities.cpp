// Quantities: numerals and number words with their hedge ("nearly", "at least", "up to"), unit
// (durations in hours, percent, currencies with multipliers) or counted noun, and ordinals.
// Numbers that are parts of dates, clock times or years are not quantities.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "parallax/align/align.h"
#include "text.h"

namespace parallax::align {
namespace {

struct Hedge {
  Bound bound;
  size_t first;  // index of the hedge's first token
};

// Multiplier suffixes fused to a number ("305bn", "88m") or following it ("305 billion").
double MultiplierWord(const std::string& w) {
  if (w == "thousand" || w == "k") return 1e3;
  if (w == "million" || w == "m" || w == "mn" || w == "mln") return 1e6;
  if (w == "billion" || w == "bn" || w == "b") return 1e9;
  if (w == "trillion" || w == "tn") return 1e12;
  return 0;
}

const char* CurrencySymbol(const std::string& p) {
  if (p == "\xE2\x82\xAC") return "EUR";
  if (p == "$") return "USD";
  if (p == "\xC2\xA3") return "GBP";
  if (p == "\xC2\xA5") return "CNY";
  return nullptr;
}

const char* CurrencyWord(const std::string& w) {
  if (w == "euro" || w == "euros" || w == "eur") return "EUR";
  if (w == "dollar" || w == "dollars" || w == "usd") return "USD";
  if (w == "pound" || w == "pounds" || w == "gbp") return "GBP";
  if (w == "yuan" || w == "renminbi" || w == "cny" || w == "rmb") return "CNY";
  return nullptr;
}

// Hours per unit of a duration word, 0 when not one.
double HoursPerUnit(const std::string& w) {
  if (w == "second" || w == "seconds" || w == "sec" || w == "secs") return 1.0 / 3600;
  if (w == "minute" || w == "minutes" || w == "min" || w == "mins") return 1.0 / 60;
  if (w == "hour" || w == "hours" || w == "hr" || w == "hrs") return 1;
  if (w == "day" || w == "days") return 24;
  if (w == "week" || w == "weeks") return 24 * 7;
  if (w == "month" || w == "months") return 24 * 30.4375;
  if (w == "year" || w == "years") return 24 * 365.25;
  return 0;
}

// A unit of measure and what one of it is in its base unit: lengths in metres ("m"), speeds in
// kilometres per hour ("km/h"), masses in kilograms ("kg"), areas in square metres ("m2"),
// volumes in cubic metres ("m3") and flows in cubic metres per second ("m3/s").
constexpr double kKilogramsPerPound = 0.45359237;

struct Measure {
  const char* unit = nullptr;
  double factor = 0;
  double offset = 0;  // added after `factor`: degrees Fahrenheit to Celsius
};

// A temperature scale after "degrees" or "°", or fused onto its number ("14C", "57F"), in
// degrees Celsius ("C").
Measure TemperatureScale(const std::string& w) {
  if (w == "c" || w == "celsius" || w == "centigrade") return {"C", 1, 0};
  if (w == "f" || w == "fahrenheit") return {"C", 5.0 / 9, -32 * 5.0 / 9};
  return {};
}

Measure MeasureWord(const std::string& w) {
  if (w == "mm" || w.starts_with("millimetre") || w.starts_with("millimeter")) return {"m", 1e-3};
  if (w == "cm" || w.starts_with("centimetre") || w.starts_with("centimeter")) return {"m", 1e-2};
  if (w == "metre" || w == "metres" || w == "meter" || w == "meters") return {"m", 1};
  if (w == "m") return {"m", 1};  // "340 m": spaced; a fused "340m" is read as million first
  if (w == "km" || w.starts_with("kilometre") || w.starts_with("kilometer")) return {"m", 1e3};
  if (w == "mile" || w == "miles") return {"m", 1609.344};
  if (w == "ft" || w == "feet" || w == "foot") return {"m", 0.3048};
  if (w == "inch" || w == "inches") return {"m", 0.0254};
  if (w == "yard" || w == "yards") return {"m", 0.9144};
  if (w == "kg" || w.starts_with("kilogram")) return {"kg", 1};
  if (w == "lb" || w == "lbs") return {"kg", kKilogramsPerPound};
  if (w == "tonne" || w == "tonnes" || w == "ton" || w == "tons") return {"kg", 1e3};
  if (w == "hectare" || w == "hectares" || w == "ha") return {"m2", 1e4};
  if (w == "acre" || w == "acres") return {"m2", 4046.856};
  if (w == "mph") return {"km/h", 1.609344};
  if (w == "kph" || w == "km/h" || w == "kmh") return {"km/h", 1};
  if (w == "knot" || w == "knots") return {"km/h", 1.852};
  if (w == "bp" || w == "bps") return {"pp", 0.01};  // basis points: hundredths of a point
  if (w == "litre" || w == "litres" || w == "liter" || w == "liters") return {"m3", 1e-3};
  if (w == "gallon" || w == "gallons") return {"m3", 3.785411784e-3};  // US gallons
  return {};
}

// "a 2,535-pound satellite", "(2,535-pound)": pounds joined to their number are a weight. Money
// in pounds is "£2,535", "2,535 pounds" or "a ten-pound note".
bool PoundsOfWeight(const std::vector<Token>& t, size_t i) {
  return i + 1 < t.size() && (t[i].lower == "pound" || t[i].lower == "pounds") &&
         t[i].hyphen_before && t[i + 1].lower != "note" && t[i + 1].lower != "coin";
}

// Reads a unit of measure at t[i] ("km", "square metres", "miles per hour", "km/h", "nautical
// miles"); `fused` is a unit written onto the number ("110km"), read first. Returns the tokens
// used after the number (0 when `fused` alone is the unit) and sets `measure`; -1 when none.
int ReadMeasure(const std::vector<Token>& t, size_t i, const std::string& fused, Measure& measure) {
  auto word = [&](size_t k) -> const std::string& {
    static const std::string kNone;
    return k < t.size() ? t[k].lower : kNone;
  };
  int used = 0;
  if (!fused.empty()) {
    measure = MeasureWord(fused);
    if (measure.unit == nullptr) measure = TemperatureScale(fused);
  } else if ((word(i) == "degrees" || word(i) == "degree" || word(i) == "°") &&
             TemperatureScale(word(i + 1)).unit != nullptr) {
    measure = TemperatureScale(word(i + 1));
    return 2;
  } else if (word(i) == "celsius" || word(i) == "fahrenheit") {
    measure = TemperatureScale(word(i));
    return 1;
  } else if ((word(i) == "basis" || word(i) == "percentage") &&
             (word(i + 1) == "point" || word(i + 1) == "points")) {
    measure = {"pp", word(i) == "basis" ? 0.01 : 1};  // percentage points
    return 2;
  } else if (word(i) == "square") {
    measure = MeasureWord(word(i + 1));
    if (measure.unit == nullptr || std::string_view(measure.unit) != "m") return -1;
    measure = {"m2", measure.factor * measure.factor};
    return 2;
  } else if (word(i) == "cubic") {
    // "45 cubic metres per second": a volume, or a flow.
    measure = MeasureWord(word(i + 1));
    if (measure.unit == nullptr || std::string_view(measure.unit) != "m") return -1;
    const double factor = measure.factor * measure.factor * measure.factor;
    if (word(i + 2) == "per" && word(i + 3) == "second") {
      measure = {"m3/s", factor};
      return 4;
    }
    measure = {"m3", factor};
    return 2;
  } else if (word(i) == "nautical" && (word(i + 1) == "mile" || word(i + 1) == "miles")) {
    measure = {"m", 1852};
    return 2;
  } else if (PoundsOfWeight(t, i)) {
    measure = {"kg", kKilogramsPerPound};
    return 1;
  } else {
    measure = MeasureWord(word(i));
    used = 1;
  }
  if (measure.unit == nullptr) return -1;
  const size_t after = i + used;
  // "km/h", "miles per hour", "kilometres an hour": a length per hour is a speed.
  const bool per_hour =
      (word(after) == "/" && word(after + 1) == "h") ||
      ((word(after) == "per" || word(after) == "an") && word(after + 1) == "hour");
  if (per_hour && std::string_view(measure.unit) == "m") {
    measure = {"km/h", measure.factor / 1000};
    used += 2;
  }
  return used;
}

int DecimalsOf(const std::string& digits) {
  const size_t dot = digits.find('.');
  return dot == std::string::npos ? 0 : static_cast<int>(digits.size() - dot - 1);
}

// Reads a hedge ending just before token `i`, if any.
Hedge ReadHedge(const std::vector<Token>& t, size_t i) {
  auto word = [&](size_t k) -> const std::string& {
    static const std::string kNone;
    return k < t.size() ? t[k].lower : kNone;
  };
  // Skip a currency symbol and an article between hedge and number.
  size_t j = i;
  if (j > 0 && CurrencySymbol(t[j - 1].lower)) --j;
  if (j > 0 && (word(j - 1) == "a" || word(j - 1) == "an")) --j;
  if (j >= 2) {
    const std::string two = word(j - 2) + " " + word(j - 1);
    if (two == "at least" || two == "more than" || two == "upwards of" || two == "in excess of" ||
        two == "excess of" || two == "greater than")
      return {Bound::kAtLeast, j - 2};
    if (two == "at most" || two == "less than" || two == "fewer than" || two == "no more")
      return {Bound::kAtMost, j - 2};
    if (two == "up to" || two == "as high" || two == "as much" || two == "as many" ||
        two == "high as" || two == "much as" || two == "many as")
      return {Bound::kUpTo, two.rfind("as", 0) == 0 ? j - 2 : (j >= 3 ? j - 3 : j - 2)};
    if (two == "close to" || two == "an estimated") return {Bound::kApprox, j - 2};
  }
  if (j >= 1) {
    const std::string& w = word(j - 1);
    if (w == "about" || w == "around" || w == "some" || w == "roughly" || w == "approximately" ||
        w == "nearly" || w == "almost" || w == "circa" || w == "approx" || w == "~" ||
        w == "estimated")
      return {Bound::kApprox, j - 1};
    if (w == "over" || w == "above" || w == "exceeding") return {Bound::kAtLeast, j - 1};
    if (w == "under" || w == "below") return {Bound::kAtMost, j - 1};
  }
  return {Bound::kExact, i};
}

// Reads a number (numeral with fused or following multiplier, or number words) at `i`.
// Returns the value and sets `next` past it; NaN when there is none.
// `fused`, when given, receives a unit of measure written onto the number ("110km", "6.5ft").
double ReadNumber(const std::vector<Token>& t, size_t i, size_t& next, double& resolution,
                  std::string* fused = nullptr) {
  int decimals = 0;
  resolution = 1;
  if (i >= t.size()) return NAN;
  const Token& tok = t[i];
  double value = NAN;
  next = i + 1;
  if (tok.kind == TokenKind::kNumber) {
    value = std::strtod(tok.lower.c_str(), nullptr);
    decimals = DecimalsOf(tok.lower);
  } else if (tok.kind == TokenKind::kWord) {
    // Fused multiplier: "305bn", "88m", "2.4bn".
    // The number's digits, thousands separators dropped ("1,150kg").
    size_t k = 0;
    std::string digits;
    auto is_digit = [&](size_t at) {
      return at < tok.lower.size() && std::isdigit(static_cast<unsigned char>(tok.lower[at]));
    };
    while (is_digit(k) ||
           (k > 0 && (tok.lower[k] == '.' || tok.lower[k] == ',') && is_digit(k + 1))) {
      if (tok.lower[k] != ',') digits += tok.lower[k];
      ++k;
    }
    if (k > 0 && k < tok.lower.size()) {
      const std::string suffix = tok.lower.substr(k);
      double mult = MultiplierWord(suffix);
      // "a 500m radius", "40m wide", "300m away": metres, where "88m" alone is millions.
      if (suffix == "m" && fused != nullptr && i + 1 < t.size()) {
        static constexpr std::string_view kLengthWords[] = {
            "radius", "cordon", "perimeter", "wide",  "long",  "high", "deep",
            "tall",   "away",   "stretch",   "swath", "strip", "span"};
        const std::string& after = t[i + 1].lower;
        if (std::find(std::begin(kLengthWords), std::end(kLengthWords), after) !=
            std::end(kLengthWords)) {
          mult = 0;
        }
      }
      if (mult > 0) {
        resolution = std::pow(10.0, -DecimalsOf(digits)) * mult;
        return std::strtod(digits.c_str(), nullptr) * mult;
      }
      if (fused != nullptr &&
          (MeasureWord(suffix).unit != nullptr || TemperatureScale(suffix).unit != nullptr)) {
        *fused = suffix;
        resolution = std::pow(10.0, -DecimalsOf(digits));
        return std::strtod(digits.c_str(), nullptr);
      }
      return NAN;
    }
    const double w = NumberWordValue(tok.lower);
    if (w < 1 || w >= 1000) return NAN;  // "half", "thousand" alone are not read as counts
    value = w;
    // "twenty-four", "twenty four"
    if (w >= 20 && w < 100 && next < t.size()) {
      const double unit = NumberWordValue(t[next].lower);
      if (unit >= 1 && unit < 10) {
        value += unit;
        ++next;
      }
    }
    if (next < t.size() && t[next].lower == "hundred") {
      value *= 100;
      ++next;
    }
  } else {
    return NAN;
  }
  resolution = std::pow(10.0, -decimals);
  // "four and a half", "2 and a half": the half is part of the number.
  if (next + 2 < t.size() && t[next].lower == "and" && t[next + 1].lower == "a" &&
      t[next + 2].lower == "half") {
    value += 0.5;
    resolution = 0.5;
    next += 3;
  }
  // "three dozen": twelves.
  if (next < t.size() && t[next].lower == "dozen" && tok.lower != "dozen") {
    value *= 12;
    resolution *= 12;
    ++next;
  }
  if (next < t.size()) {
    const double mult = MultiplierWord(t[next].lower);
    if (mult >= 1e3 && t[next].kind == TokenKind::kWord &&
        (t[next].lower.size() > 1 || !t[next].space_before)) {
      value *= mult;
      resolution *= mult;
      ++next;
    }
  }
  return value;
}

bool LooksLikeClockOrDate(const std::vector<Token>& t, size_t i, size_t next) {
  const Token& tok = t[i];
  // 12:18, 13.05 GMT, 0600 GMT, 2pm
  if (next < t.size() && t[next].lower == ":" && !t[next].space_before) return true;
  if (next < t.size()) {
    const std::string& w = t[next].lower;
    if (w == "gmt" || w == "utc" || w == "cet" || w == "cest" || w == "bst" || w == "est" ||
        w == "edt" || w == "pm" || w == "am" || w == "p.m" || w == "a.m" || w == "local" ||
        w == "o'clock")
      return tok.kind == TokenKind::kNumber || NumberWordValue(tok.lower) > 0;
    if (MonthNumber(w) > 0 && t[next].capitalized) return true;
  }
  if (tok.kind == TokenKind::kWord && (tok.lower.ends_with("pm") || tok.lower.ends_with("am")))
    return true;
  if (i > 0 && MonthNumber(t[i - 1].lower) > 0 && t[i - 1].capitalized) return true;
  if (i > 1 && t[i - 1].lower == "." && MonthNumber(t[i - 2].lower) > 0) return true;
  if (IsFourDigits(tok)) {
    const int v = std::atoi(tok.lower.c_str());
    if (v >= 1800 && v <= 2200) return true;  // a year
  }
  if (i > 0 && t[i - 1].lower == "," && i > 1 && t[i - 2].kind == TokenKind::kNumber) return true;
  return false;
}

// True when the number at t[first..end) is part of a clock time ("10:50 p.m.", "11 pm", "9
// a.m."): a time of day, not a count of "p" or "pm".
bool ClockTimeAt(const std::vector<Token>& t, size_t first, size_t end) {
  if (first >= 2 && t[first - 1].lower == ":" && !t[first - 1].space_before &&
      t[first - 2].kind == TokenKind::kNumber) {
    return true;
  }
  const std::string& w = t[end].lower;
  return w == "am" || w == "pm" || w == "a.m" || w == "p.m" ||
         ((w == "a" || w == "p") && end + 1 < t.size() && t[end + 1].lower == "." &&
          !t[end + 1].space_before);
}

// The count of this sentence whose noun a bare number followed by a verb leaves out ("two
// people were killed and more than 60 were injured"): the last one read before it, or null.
const Quantity* ElidedNoun(const std::vector<Token>& t, size_t after_number,
                           const std::vector<Quantity>& read) {
  static const std::unordered_set<std::string_view> kVerbs = {"were", "was", "are", "is",
                                                              "have", "had", "died"};
  if (after_number >= t.size() || !kVerbs.count(t[after_number].lower)) return nullptr;
  for (auto it = read.rbegin(); it != read.rend(); ++it) {
    if (it->unit == "count" && !it->noun.empty()) return &*it;
  }
  return nullptr;
}

// The class a kind of counted thing belongs to ("car" -> "vehicl"), or "" when none is known.
// Stems, as ContentStem gives them.
std::string_view KindClassOrEmpty(const std::string& stem) {
  static const std::unordered_map<std::string_view, std::string_view> kClassOf = {
      {"car", "vehicl"},       {"van", "vehicl"},      {"lorri", "vehicl"}, {"truck", "vehicl"},
      {"bus", "vehicl"},       {"buse", "vehicl"},     {"coach", "vehicl"}, {"taxi", "vehicl"},
      {"motorcycl", "vehicl"}, {"motorbik", "vehicl"}, {"men", "peopl"},    {"women", "peopl"},
      {"children", "peopl"},   {"adult", "peopl"},     {"boy", "peopl"},    {"girl", "peopl"}};
  auto it = kClassOf.find(stem);
  return it == kClassOf.end() ? std::string_view() : it->second;
}

std::string KindClass(const std::string& stem) {
  const std::string_view cls = KindClassOrEmpty(stem);
  return cls.empty() ? stem : std::string(cls);
}

size_t ListOfKindsEnd(const std::vector<Token>& t, size_t noun) {
  // "cars, vans and lorries", "men, women and children", "buses or coaches": kinds of one
  // class joined by commas, "and" or "or"; the list must end on a joined kind.
  const std::string_view cls = KindClassOrEmpty(ContentStem(t[noun].lower));
  if (cls.empty()) return noun;
  size_t last = noun, k = noun + 1;
  while (k + 1 < t.size()) {
    const std::string& joiner = t[k].lower;
    size_t next = k + 1;
    if (joiner == "," && next + 1 < t.size() && (t[next].lower == "and" || t[next].lower == "or"))
      ++next;  // the serial comma
    else if (joiner != "," && joiner != "and" && joiner != "or")
      break;
    if (t[next].kind != TokenKind::kWord || KindClassOrEmpty(ContentStem(t[next].lower)) != cls)
      break;
    last = next;
    k = next + 1;
  }
  return last;
}

// Marks the quantities someone favoured, argued or called for: a wish verb within the four
// tokens before the figure, with no punctuation but commas between ("favoured a 25 basis point
// increase", "argued for a quarter-point move", "called for a 9 percent rise").
void MarkWanted(const std::vector<Token>& t, std::vector<Quantity>& quantities) {
  static const std::unordered_set<std::string_view> kWish = {
      "favoured", "favored", "favouring", "favoring", "preferred", "preferring", "wanted",
      "wanting",  "sought",  "seeking",   "demanded", "demanding", "urged",      "urging"};
  static const std::unordered_set<std::string_view> kWishFor = {
      "argued",  "arguing", "called",   "calling", "pushed",
      "pushing", "pressed", "pressing", "asked",   "asking"};
  for (Quantity& q : quantities) {
    size_t at = 0;
    while (at < t.size() && t[at].span.begin < q.span.begin) ++at;
    for (size_t k = at; k-- > 0 && at - k <= 4;) {
      if (t[k].kind == TokenKind::kPunct && t[k].lower != ",") break;  // "a smaller, ..."
      const bool wish_for = t[k].lower == "for" && k > 0 && kWishFor.count(t[k - 1].lower);
      if (kWish.count(t[k].lower) || wish_for) {
        q.wanted = true;
        break;
      }
    }
  }
}

// A figure said in words ("a quarter-point", "half a kilometre"), from its hedge to token
// `last`, in `unit`, told to `resolution`.
Quantity FigureInWords(const std::vector<Token>& t, const Hedge& hedge, size_t last,
                       const char* unit, double value, double resolution) {
  Quantity q;
  q.unit = unit;
  q.low = q.high = value;
  q.resolution = resolution;
  q.bound = hedge.bound;
  q.span = {t[hedge.first].span.begin, t[last].span.end};
  q.context = ValueContext(t, hedge.first, last);
  return q;
}

// A noun for a body of people counted by its members ("a crew of 19").
bool IsCollective(std::string_view w) {
  return w == "crew" || w == "team" || w == "group" || w == "crowd" || w == "staff" ||
         w == "workforce" || w == "squad" || w == "delegation" || w == "panel" || w == "jury";
}

}  // namespace

double ApproximationMargin(const Quantity& q, double value) {
  const double magnitude = std::fabs(value);
  double place = q.resolution > 0 ? q.resolution : 1;
  // The written digits, as a whole number of `resolution`s: trailing zeros widen the place.
  double digits = std::round(magnitude / place);
  while (digits >= 10 && std::fmod(digits, 10) == 0) {
    digits /= 10;
    place *= 10;
  }
  return std::clamp(0.5 * place, 0.05 * magnitude, 0.15 * magnitude);
}

std::vector<Quantity> ExtractQuantities(const std::string& text, Span span) {
  std::vector<Quantity> out;
  const std::vector<Token> t = Tokenize(text, span);
  // A tally needs a vote or a decision taken by one ("passed 9-2", "approved seven to four").
  const bool mentions_vote = std::any_of(t.begin(), t.end(), [](const Token& tok) {
    const std::string& w = tok.lower;
    return w.rfind("vot", 0) == 0 || w == "ballot" || w == "tally" || w == "passed" ||
           w == "approved" || w == "adopted" || w == "rejected" || w == "defeated" ||
           w == "split" || w == "backed";
  });
  // A fraction of a percentage point at t[i]: "quarter-point", "a quarter of a (percentage)
  // point", "half a (percentage) point". Returns the value in points and sets `end` one past
  // it; 0 when there is none.
  auto point_fraction = [&](size_t i, size_t& end) {
    auto word = [&](size_t k) -> const std::string& {
      static const std::string kNone;
      return k < t.size() ? t[k].lower : kNone;
    };
    if (word(i) == "a" && word(i + 1) == "quarter") ++i;  // "a quarter of a point"
    double value = word(i) == "quarter" ? 0.25 : word(i) == "half" ? 0.5 : 0;
    if (word(i) == "three" && word(i + 1) == "quarters") value = 0.75, ++i;
    if (value == 0) return 0.0;
    auto point_at = [&](size_t k) {  // "point", "percentage point": one past it, or 0
      if (word(k) == "point") return k + 1;
      if (word(k) == "percentage" && word(k + 1) == "point") return k + 2;
      return size_t{0};
    };
    size_t after = 0;
    if (i + 1 < t.size() && t[i + 1].hyphen_before) {
      after = point_at(i + 1);  // "quarter-point", "half-percentage-point"
    } else if (word(i + 1) == "of" && word(i + 2) == "a") {
      after = point_at(i + 3);  // "a quarter of a point"
    } else if (word(i) == "half" && word(i + 1) == "a") {
      after = point_at(i + 2);  // "half a percentage point"
    }
    if (after == 0) return 0.0;
    end = after;
    return value;
  };
  for (size_t i = 0; i < t.size(); ++i) {
    if (size_t end = 0; t[i].kind == TokenKind::kWord) {
      if (const double points = point_fraction(i, end); points > 0) {
        out.push_back(FigureInWords(t, ReadHedge(t, i), end - 1, "pp", points, 0.01));
        i = end - 1;
        continue;
      }
    }
    // Shares: "half of the cost", "a third of", "two-thirds of", "three quarters of" are
    // percentages, so they meet "50 percent of the cost". Read at the numerator, or at "half".
    if (t[i].kind == TokenKind::kWord) {
      auto fraction_of = [&](size_t k) {
        if (k + 1 >= t.size() || t[k + 1].lower != "of") return 0.0;
        const std::string& w = t[k].lower;
        if (w == "half") return 0.5;
        if (w == "third" || w == "thirds") return 1.0 / 3;
        if (w == "quarter" || w == "quarters") return 0.25;
        return 0.0;
      };
      double count = 0, fraction = 0;
      size_t word = i;  // the fraction word
      if (t[i].lower == "half" && (fraction = fraction_of(i)) > 0) {
        count = 1;
      } else if (i + 1 < t.size() && (fraction = fraction_of(i + 1)) > 0) {
        const double n = NumberWordValue(t[i].lower);
        count = t[i].lower == "a" ? 1 : (n >= 1 && n <= 3 ? n : 0);
        word = i + 1;
      }
      if (count > 0 && count * fraction < 1) {
        Quantity q;
        q.unit = "%";
        q.low = q.high = count * fraction * 100;
        q.bound = t[word].lower == "half" ? Bound::kExact : Bound::kApprox;
        // A share in words is a rough figure: "nearly a third" is told to ten points, and
        // meets "up to 30 per cent".
        q.resolution = 10;
        // "fewer than half", "more than a third", "nearly half": the hedge bounds the share.
        const Hedge hedge = ReadHedge(t, i);
        if (hedge.first < i) q.bound = hedge.bound;
        q.span = {t[i].span.begin, t[word].span.end};
        q.context = ValueContext(t, i, word + 1);
        out.push_back(q);
        i = word + 1;
        continue;
      }
    }
    // Ordinals: "14th round", "the fourteenth round".
    if (t[i].kind == TokenKind::kWord) {
      const int ordinal = OrdinalValue(t[i].lower);
      if (ordinal > 0 && i + 1 < t.size() && t[i + 1].kind == TokenKind::kWord &&
          !t[i + 1].hyphen_before && MonthNumber(t[i + 1].lower) == 0 &&
          !(i > 0 && MonthNumber(t[i - 1].lower) > 0)) {
        Quantity q;
        q.low = q.high = ordinal;
        q.unit = "ordinal";
        q.noun = ContentStem(t[i + 1].lower);
        q.noun_text = t[i + 1].lower;
        q.span = {t[i].span.begin, t[i + 1].span.end};
        q.context = ValueContext(t, i, i + 1);
        out.push_back(q);
        continue;
      }
    }
    // One unit of length by its article: "a nautical mile offshore", "about a kilometre from the
    // pier"; "half a kilometre" is half of one. Told to half the unit. Not "a mile-long queue",
    // which describes the queue. A unit of time by its article ("nearly a year") is left
    // unread: read as a duration, it lined up unrelated claims on the labelled events.
    if (t[i].kind == TokenKind::kWord && (t[i].lower == "a" || t[i].lower == "an")) {
      Measure measure;
      const int used = ReadMeasure(t, i + 1, "", measure);
      const size_t end = i + 1 + static_cast<size_t>(std::max(used, 0));
      if (used > 0 && measure.unit != nullptr && std::string_view(measure.unit) == "m" &&
          !(end < t.size() && t[end].hyphen_before)) {
        const bool half = i > 0 && t[i - 1].lower == "half";
        const double metres = measure.factor * (half ? 0.5 : 1);
        out.push_back(
            FigureInWords(t, ReadHedge(t, half ? i - 1 : i + 1), end - 1, "m", metres, metres / 2));
        i = end - 1;
        continue;
      }
    }
    size_t next = i;
    double resolution = 1;
    std::string fused;  // a unit written onto the number: "310mm"
    double value = ReadNumber(t, i, next, resolution, &fused);
    if (std::isnan(value)) continue;
    // A number joined to the word before it is part of a name: "Orla-2", "Covid-19", "F-16".
    if (t[i].kind == TokenKind::kNumber && t[i].hyphen_before && i > 0 &&
        t[i - 1].kind == TokenKind::kWord && NumberWordValue(t[i - 1].lower) < 0 &&
        t[i - 1].capitalized) {
      i = next - 1;
      continue;
    }
    if (LooksLikeClockOrDate(t, i, next)) {
      i = next - 1;
      continue;
    }
    // "five-plus hours", "a 10-plus-year wait": at least.
    const bool plus = next + 1 < t.size() && t[next].lower == "plus" && t[next].hyphen_before;
    if (plus) ++next;
    Quantity q;
    q.resolution = resolution;
    const Hedge hedge = ReadHedge(t, i);
    q.bound = plus ? Bound::kAtLeast : hedge.bound;
    size_t first = hedge.first;
    std::string currency;
    if (i > 0 && CurrencySymbol(t[i - 1].lower)) {
      currency = CurrencySymbol(t[i - 1].lower);
      if (first == i) first = i - 1;
    } else if (i > 0 && t[i - 1].lower.size() == 3 && CurrencyWord(t[i - 1].lower) &&
               t[i - 1].capitalized) {
      currency = CurrencyWord(t[i - 1].lower);  // "EUR 88m", "USD 5bn"
      if (first == i) first = i - 1;
    }
    double high = value;
    // Ranges: "four to seven minutes", "3-4 hours", "between 3 and 4".
    if (next + 1 < t.size() && (t[next].lower == "to" || t[next].lower == "-" ||
                                (t[next].lower == "and" && i > 0 && t[i - 1].lower == "between"))) {
      size_t after = next + 1;
      double d2 = 0;
      const double v2 = ReadNumber(t, next + 1, after, d2);
      if (!std::isnan(v2) && v2 > value) {
        high = v2;
        q.bound = Bound::kRange;
        next = after;
      }
    } else if (next < t.size() && t[next].kind == TokenKind::kNumber && t[next].hyphen_before) {
      size_t after = next;
      double d2 = 0;
      const double v2 = ReadNumber(t, next, after, d2);
      if (!std::isnan(v2) && v2 > value) {
        high = v2;
        q.bound = Bound::kRange;
        next = after;
      }
    }
    // A vote tally: "voted 7-4", "seven to four", "a 6-5 vote" (the larger number first).
    if (q.bound != Bound::kRange && mentions_vote && value < 100) {
      size_t after = next;
      double d2 = 0;
      double v2 = NAN;
      if (next < t.size() && t[next].kind == TokenKind::kNumber && t[next].hyphen_before) {
        v2 = ReadNumber(t, next, after, d2);
      } else if (next + 1 < t.size() && (t[next].lower == "to" || t[next].lower == "-")) {
        v2 = ReadNumber(t, next + 1, after, d2);
      } else if (next + 2 < t.size() && (t[next].lower == "votes" || t[next].lower == "vote") &&
                 t[next + 1].lower == "to") {
        v2 = ReadNumber(t, next + 2, after, d2);  // "by six votes to one"
      }
      if (!std::isnan(v2) && v2 <= value) {
        q.unit = "tally";
        q.low = q.high = value * 1000 + v2;  // compared exactly (QuantityInterval)
        q.resolution = 0;
        q.span = {t[hedge.first].span.begin, t[after - 1].span.end};
        q.context = ValueContext(t, hedge.first, after - 1);
        out.push_back(q);
        i = after - 1;
        continue;
      }
    }
    size_t end = next;  // one past the last token of the quantity
    if (end < t.size() &&
        (t[end].lower == "%" || t[end].lower == "pct" || t[end].lower == "percent")) {
      q.unit = "%";
      ++end;
    } else if (end + 1 < t.size() && t[end].lower == "per" && t[end + 1].lower == "cent") {
      q.unit = "%";
      end += 2;
    } else if (!currency.empty()) {
      q.unit = currency;
    } else if (end < t.size() && CurrencyWord(t[end].lower) && !PoundsOfWeight(t, end)) {
      q.unit = CurrencyWord(t[end].lower);
      ++end;
    } else if (Measure measure; ReadMeasure(t, end, fused, measure) >= 0) {
      // "310 millimetres", "110km/h", "12,000 square metres", "68 mph": in the base unit.
      end += ReadMeasure(t, end, fused, measure);
      value = value * measure.factor + measure.offset;
      high = high * measure.factor + measure.offset;
      q.resolution *= measure.factor;
      q.unit = measure.unit;
    } else if (end < t.size() && HoursPerUnit(t[end].lower) > 0) {
      // "two weeks ago", "four years ago": when, not how long.
      if (end + 1 < t.size() && t[end + 1].lower == "ago") {
        i = end + 1;
        continue;
      }
      // "58-year-old foreman", "aged 47": an age, counted in years, of the one named after it.
      if (end + 1 < t.size() && t[end + 1].lower == "old" && t[end + 1].hyphen_before) {
        q.unit = "age";
        q.noun = end + 2 < t.size() && t[end + 2].kind == TokenKind::kWord
                     ? ContentStem(t[end + 2].lower)
                     : std::string();
        end += 2;
      } else {
        const double per = HoursPerUnit(t[end].lower);
        value *= per;
        high *= per;
        q.resolution *= per;
        q.unit = "h";
        ++end;
      }
    } else if (first >= 2 && t[first - 1].lower == "of" && IsCollective(t[first - 2].lower) &&
               !(end < t.size() && t[end].kind == TokenKind::kWord && !t[end].capitalized &&
                 !IsStopword(t[end].lower) && t[end].lower.size() > 3 &&
                 t[end].lower.back() == 's')) {
      // "the crew of 19", "a team of 12": the body's members, when no noun of their own follows
      // ("a team of 12 divers" counts divers).
      q.unit = "count";
      q.noun = ContentStem(t[first - 2].lower);
      q.noun_text = t[first - 2].lower;
    } else if (end < t.size() && t[end].kind == TokenKind::kWord && !IsStopword(t[end].lower) &&
               NumberWordValue(t[end].lower) < 0 && !ClockTimeAt(t, first, end)) {
      // A counted noun, possibly after modifiers: "81 drones", "214 Haldish-flagged vessels",
      // "400 Millbrook residents", "30 fire engines", "two hired mobile theatres" (a plural
      // within two words after a singular or a participle is the noun).
      auto word = [&](size_t k) {
        return k < t.size() && t[k].kind == TokenKind::kWord && !IsStopword(t[k].lower) &&
               NumberWordValue(t[k].lower) < 0;
      };
      size_t noun = end;
      // "a 10,000-strong crowd": the noun follows the "-strong".
      if (t[end].lower == "strong" && t[end].hyphen_before && word(end + 1)) noun = ++end;
      while (noun + 2 < t.size() && t[noun + 1].hyphen_before && word(noun + 1)) ++noun;
      if (noun > end && word(noun + 1) && !t[noun + 1].capitalized) ++noun;  // past "X-flagged"
      auto plural = [&](size_t k) {
        return word(k) && !t[k].capitalized && !t[k].hyphen_before && t[k].lower.size() > 3 &&
               t[k].lower.back() == 's';
      };
      if (noun == end && (t[end].capitalized || t[end].lower.back() != 's')) {
        for (size_t k = end + 1; k <= end + 2 && word(k); ++k) {
          if (plural(k)) {
            noun = k;
            break;
          }
          if (t[k].capitalized || t[k].hyphen_before) break;
        }
      }
      q.unit = "count";
      q.noun = ContentStem(t[noun].lower);
      q.noun_text = t[noun].lower;
      // "19 crew members", "12 staff members": the body's members, counted as the body's.
      if ((t[noun].lower == "members" || t[noun].lower == "member") && noun > end &&
          IsCollective(t[noun - 1].lower)) {
        q.noun = ContentStem(t[noun - 1].lower);
        q.noun_text = t[noun - 1].lower + " " + t[noun].lower;
      }
      end = noun + 1;
      if (const size_t list_end = ListOfKindsEnd(t, noun); list_end > noun) {
        q.noun = KindClass(q.noun);  // "58,000 cars, vans and lorries": vehicles
        q.noun_text = text.substr(t[noun].span.begin, t[list_end].span.end - t[noun].span.begin);
        for (char& ch : q.noun_text)
          ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        end = list_end + 1;
      }
    } else if (const Quantity* counted = ElidedNoun(t, end, out)) {
      // "two people were killed and more than 60 were injured": the noun said once.
      q.unit = "count";
      q.noun = counted->noun;
      q.noun_text = counted->noun_text;
    } else {
      i = next - 1;
      continue;
    }
    if (q.unit == "count" && value == 1 && t[i].kind == TokenKind::kWord) {
      i = end - 1;  // "one senior official": a determiner, not a count worth comparing
      continue;
    }
    q.low = value;
    q.high = high;
    q.span = {t[first].span.begin, t[end - 1].span.end};
    q.context = ValueContext(t, first, end - 1);
    out.push_back(q);
    i = end - 1;
  }
  MarkWanted(t, out);
  return out;
}

}  // namespace parallax::align
