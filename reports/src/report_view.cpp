#include "report_view.h"

#include <algorithm>
#include <set>

namespace parallax::reports {
namespace {

bool IsAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}

bool IsHttpUrl(std::string_view url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

int ExclusiveRank(const std::string& text) {
  if (std::any_of(text.begin(), text.end(), IsAsciiDigit)) return 0;
  for (size_t i = 1; i < text.size(); ++i) {
    if (text[i - 1] == ' ' && text[i] >= 'A' && text[i] <= 'Z') return 1;
  }
  return 2;
}

}  // namespace

std::string QuotedText(std::string_view text) {
  for (std::string_view mark : {"\"", "\u201C", "\u201D"}) {  // not U+2019, an apostrophe
    if (text.find(mark) != std::string_view::npos) return std::string(text);
  }
  return "\u201C" + std::string(text) + "\u201D";
}

std::string Count(size_t n, const char* noun) {
  std::string out = std::to_string(n) + " " + noun;
  if (n != 1) out += 's';
  return out;
}

ReportView::ReportView(const RunReport& r) : r_(r) {
  std::set<std::string> outlets;
  for (const auto& d : r.documents) {
    docs_.emplace(d.id, &d);
    outlets.insert(d.outlet);
    partial_count_ += d.partial ? 1 : 0;
  }
  outlet_count_ = outlets.size();
  for (const auto& c : r.claims) claims_.emplace(c.id, &c);

  std::vector<std::pair<int, const Claim*>> singles;
  for (const auto& k : r.clusters) {
    // An event cluster gathers the claims telling the event itself, not one fact: it is neither
    // an agreement nor a shared fact.
    if (k.basis == ClusterBasis::kEvent) continue;
    std::set<std::string> documents;
    for (const auto& id : k.claim_ids) {
      if (const Claim* c = FindClaim(id)) documents.insert(c->document_id);
    }
    if (documents.size() >= 2) {
      ++shared_;
      shared_agree_ += k.verdict == Verdict::kAgree ? 1 : 0;
      shared_conflict_ += k.verdict == Verdict::kConflict ? 1 : 0;
    }
    if (k.verdict == Verdict::kAgree) {
      AgreementItem item;
      std::set<std::string> seen_outlets;
      for (const auto& id : k.claim_ids) {
        const Claim* c = FindClaim(id);
        if (c == nullptr) continue;
        if (item.representative == nullptr) item.representative = c;
        if (seen_outlets.insert(OutletName(c->document_id)).second) {
          item.document_ids.push_back(c->document_id);
        }
      }
      if (item.representative == nullptr) continue;
      ++agreements_total_;
      if (agreements_.size() < kMaxAgreements) agreements_.push_back(std::move(item));
    } else if (k.verdict == Verdict::kSingle && !k.claim_ids.empty()) {
      if (const Claim* c = FindClaim(k.claim_ids.front())) {
        singles.emplace_back(ExclusiveRank(c->text), c);
      }
    }
  }
  std::stable_sort(singles.begin(), singles.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  exclusives_total_ = singles.size();
  for (size_t i = 0; i < singles.size() && i < kMaxExclusives; ++i) {
    exclusives_.push_back(singles[i].second);
  }

  for (const auto& f : r.findings) {
    ++by_kind_[f.kind];
    ranked_.push_back(&f);
  }
  std::stable_sort(ranked_.begin(), ranked_.end(), [](const Finding* a, const Finding* b) {
    if (a->severity != b->severity) return a->severity > b->severity;
    return a->confidence > b->confidence;
  });
}

const Document* ReportView::Doc(const std::string& id) const {
  auto it = docs_.find(id);
  return it == docs_.end() ? nullptr : it->second;
}

const Claim* ReportView::FindClaim(const std::string& id) const {
  auto it = claims_.find(id);
  return it == claims_.end() ? nullptr : it->second;
}

std::string ReportView::OutletName(const std::string& doc_id) const {
  const Document* d = Doc(doc_id);
  if (d == nullptr) return doc_id;
  if (!d->outlet.empty()) return d->outlet;
  for (const std::string* url : {&d->url, &d->canonical_url}) {
    if (!IsHttpUrl(*url)) continue;
    const size_t host = url->find("//") + 2;
    const size_t end = url->find_first_of("/?#:", host);
    std::string name = url->substr(host, end == std::string::npos ? end : end - host);
    if (name.rfind("www.", 0) == 0) name.erase(0, 4);
    if (!name.empty()) return name;
  }
  // A page saved as <outlet>/index.html is named after its folder.
  const std::string_view source = d->source;
  const size_t slash = source.find_last_of('/');
  if (slash != std::string_view::npos && slash > 0) {
    const std::string_view file = source.substr(slash + 1);
    const size_t parent = source.find_last_of('/', slash - 1);
    const std::string_view dir =
        source.substr(parent == std::string_view::npos ? 0 : parent + 1,
                      slash - (parent == std::string_view::npos ? 0 : parent + 1));
    if (file.rfind("index.", 0) == 0 && !dir.empty() && dir != "." && dir != "..") {
      return std::string(dir);
    }
    if (!file.empty()) return std::string(file);
  }
  return d->id;
}

std::string_view ReportView::LinkUrl(const std::string& doc_id) const {
  const Document* d = Doc(doc_id);
  if (d == nullptr) return {};
  if (IsHttpUrl(d->url)) return d->url;
  if (d->url.empty() && IsHttpUrl(d->canonical_url)) return d->canonical_url;
  return {};
}

QuoteParts ReportView::Quote(const Claim& c, const FindingValue& v) const {
  const std::string_view text = c.text;
  const bool consistent = text.size() == c.span.size();
  const bool inside = v.document_id == c.document_id && v.evidence.begin < v.evidence.end &&
                      v.evidence.begin >= c.span.begin && v.evidence.end <= c.span.end;
  if (!consistent || !inside) return {text, {}, {}};
  size_t b = v.evidence.begin - c.span.begin;
  size_t e = v.evidence.end - c.span.begin;
  while (b < e && text[b] == ' ') ++b;  // "** x**" would not render as bold
  while (e > b && text[e - 1] == ' ') --e;
  if (b == e) return {text, {}, {}};
  auto has_word = [](std::string_view part) {
    return std::any_of(part.begin(), part.end(), [](char ch) {
      return IsAsciiDigit(ch) || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
             static_cast<unsigned char>(ch) >= 0xC0;  // starts a non-ASCII letter (or symbol)
    });
  };
  // Evidence covering the whole sentence (a polarity or an omission) would only shout.
  if (!has_word(text.substr(0, b)) && !has_word(text.substr(e))) return {text, {}, {}};
  return {text.substr(0, b), text.substr(b, e - b), text.substr(e)};
}

}  // namespace parallax::reports
