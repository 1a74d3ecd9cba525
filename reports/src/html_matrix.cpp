// The summary's graphics: the fact-by-outlet matrix (an HTML table) and the bar chart of
// conflicts by kind (inline SVG). Both carry their meaning in text and symbols as well as colour.
#include <algorithm>
#include <set>
#include <unordered_map>

#include "html_util.h"

namespace parallax::reports {
namespace {

constexpr size_t kMaxMatrixRows = 40;  // conflicts are always shown, agreements fill up to this
constexpr size_t kMaxLabelBytes = 120;
constexpr size_t kMaxCellValueBytes = 24;

enum class Cell { kMissing, kOmits, kAgree, kConflict };

struct Row {
  const Cluster* cluster = nullptr;
  std::vector<const Finding*> findings;  // ranked order
};

// What `doc_id` says about the row's fact; `value` is set for a conflicting value. A finding's
// value without a claim is an outlet that leaves the fact out (an omission); the other sides of
// an omission all state the fact and so agree.
Cell CellOf(const ReportView& view, const Row& row, const std::string& doc_id, std::string* value) {
  for (const Finding* f : row.findings) {
    std::set<std::string_view> distinct;
    for (const auto& v : f->values) {
      if (!v.claim_id.empty()) distinct.insert(v.value);
    }
    for (const auto& v : f->values) {
      if (v.document_id != doc_id) continue;
      if (v.claim_id.empty()) return Cell::kOmits;
      if (distinct.size() >= 2) {
        *value = v.value;
        return Cell::kConflict;
      }
    }
  }
  bool present = false;
  for (const auto& id : row.cluster->claim_ids) {
    const Claim* c = view.FindClaim(id);
    present = present || (c != nullptr && c->document_id == doc_id);
  }
  if (!present) return Cell::kMissing;
  // A conflict the comparer did not attribute to sides: everyone present is part of it.
  return row.cluster->verdict == Verdict::kConflict && row.findings.empty() ? Cell::kConflict
                                                                            : Cell::kAgree;
}

size_t DocumentCount(const ReportView& view, const Cluster& k) {
  std::set<std::string> docs;
  for (const auto& id : k.claim_ids) {
    if (const Claim* c = view.FindClaim(id)) docs.insert(c->document_id);
  }
  return docs.size();
}

// Conflict clusters in the order of their highest-ranked finding, then shared agreements in
// report order, capped at kMaxMatrixRows unless conflicts alone exceed it. `*hidden` counts the
// shared facts left out.
std::vector<Row> MatrixRows(const ReportView& view, size_t* hidden) {
  const RunReport& r = view.report();
  std::unordered_map<std::string, const Cluster*> clusters;
  for (const auto& k : r.clusters) clusters.emplace(k.id, &k);
  std::vector<Row> rows;
  std::unordered_map<std::string, size_t> row_of;
  for (const Finding* f : view.ranked_findings()) {
    auto k = clusters.find(f->cluster_id);
    if (k == clusters.end()) continue;
    auto [it, added] = row_of.emplace(f->cluster_id, rows.size());
    if (added) rows.push_back({k->second, {}});
    rows[it->second].findings.push_back(f);
  }
  for (const auto& k : r.clusters) {
    if (k.verdict == Verdict::kConflict && !row_of.count(k.id) && DocumentCount(view, k) >= 2) {
      row_of.emplace(k.id, rows.size());
      rows.push_back({&k, {}});
    }
  }
  *hidden = 0;
  for (const auto& k : r.clusters) {
    if (row_of.count(k.id) || k.verdict == Verdict::kSingle || DocumentCount(view, k) < 2) {
      continue;
    }
    if (rows.size() < kMaxMatrixRows) {
      rows.push_back({&k, {}});
    } else {
      ++*hidden;
    }
  }
  return rows;
}

std::string RowLabel(const ReportView& view, const Row& row) {
  if (!row.findings.empty()) {
    const Finding* f = row.findings.front();
    return "<a href=\"#" + HtmlEscape(f->id) + "\">" +
           HtmlEscape(Shorten(f->summary, kMaxLabelBytes)) + "</a>";
  }
  for (const auto& id : row.cluster->claim_ids) {
    if (const Claim* c = view.FindClaim(id)) {
      return HtmlEscape(Shorten(c->text, kMaxLabelBytes));
    }
  }
  return HtmlEscape(row.cluster->id);
}

}  // namespace

void AppendMatrix(const ReportView& view, std::string& out) {
  const RunReport& r = view.report();
  size_t hidden = 0;
  const std::vector<Row> rows = MatrixRows(view, &hidden);
  out += "<h2 id=\"matrix\">Facts by outlet</h2>\n";
  if (rows.empty()) {
    out += "<p>No fact is reported by more than one outlet.</p>\n";
    return;
  }
  out +=
      "<p class=\"legend\"><span class=\"key\"><span class=\"cell ok\">\u2713</span> states it, "
      "no conflict</span> <span class=\"key\"><span class=\"cell bad\">\u2717</span> conflicting "
      "value</span> <span class=\"key\"><span class=\"cell bad\">\u2013</span> leaves out what "
      "others report</span> <span class=\"key\"><span class=\"cell none\">\u2013</span> not "
      "reported</span><br>Conflicts come first and link to their details.</p>\n";
  out += "<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th scope=\"col\">Fact</th>";
  for (const auto& d : r.documents) {
    out += "<th scope=\"col\"><span class=\"oh\">" + HtmlEscape(view.OutletName(d.id));
    if (d.partial) out += " <span class=\"badge partial\">partial</span>";
    out += "</span></th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const Row& row : rows) {
    const bool conflict = !row.findings.empty() || row.cluster->verdict == Verdict::kConflict;
    out += conflict ? "<tr class=\"conflict\">" : "<tr>";
    out += "<th scope=\"row\">" + RowLabel(view, row) + "</th>";
    for (const auto& d : r.documents) {
      std::string value;
      switch (CellOf(view, row, d.id, &value)) {
        case Cell::kAgree:
          out += "<td class=\"cell ok\" title=\"agrees\">\u2713</td>";
          break;
        case Cell::kConflict:
          out += "<td class=\"cell bad\" title=\"conflicts\">\u2717";
          if (!value.empty()) {
            out += "<small>" + HtmlEscape(Shorten(value, kMaxCellValueBytes)) + "</small>";
          }
          out += "</td>";
          break;
        case Cell::kOmits:
          out +=
              "<td class=\"cell bad\" title=\"leaves it out\">\u2013<small>leaves it "
              "out</small></td>";
          break;
        case Cell::kMissing:
          out += "<td class=\"cell none\" title=\"not reported\">\u2013</td>";
          break;
      }
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table></div>\n";
  if (hidden > 0) {
    out += "<p class=\"meta\">" + Count(hidden, "more agreement") +
           " not shown; see Agreements below.</p>\n";
  }
}

void AppendKindChart(const ReportView& view, std::string& out) {
  const auto& by_kind = view.findings_by_kind();
  if (by_kind.empty()) return;
  size_t max = 1;
  std::string label = "Conflicts by kind:";
  for (const auto& [kind, n] : by_kind) {
    max = std::max(max, n);
    label += std::string(" ") + ToString(kind) + " " + std::to_string(n) + ",";
  }
  label.pop_back();
  constexpr int kRow = 24, kLabel = 96, kBar = 260;
  const int height = static_cast<int>(by_kind.size()) * kRow;
  out += "<svg class=\"chart\" viewBox=\"0 0 400 " + std::to_string(height) +
         "\" role=\"img\" aria-label=\"" + HtmlEscape(label) +
         "\" xmlns=\"http://www.w3.org/2000/svg\">\n";
  int y = 0;
  for (const auto& [kind, n] : by_kind) {
    const int w = std::max(4, static_cast<int>(kBar * n / max));
    out += "<text x=\"0\" y=\"" + std::to_string(y + 16) + "\">" + ToString(kind) + "</text>";
    out += "<rect x=\"" + std::to_string(kLabel) + "\" y=\"" + std::to_string(y + 4) +
           "\" width=\"" + std::to_string(w) + "\" height=\"16\" rx=\"2\"/>";
    out += "<text x=\"" + std::to_string(kLabel + w + 6) + "\" y=\"" + std::to_string(y + 16) +
           "\">" + std::to_string(n) + "</text>\n";
    y += kRow;
  }
  out += "</svg>\n";
}

}  // namespace parallax::reports
