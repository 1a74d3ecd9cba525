// Helpers shared by the HTML report's translation units. Everything taken from a report goes
// through HtmlEscape before it reaches the page.
#pragma once

#include <string>
#include <string_view>

#include "report_view.h"

namespace parallax::reports {

// Text or attribute content: valid UTF-8 with & < > " ' as entities.
std::string HtmlEscape(std::string_view raw);
// The outlet's name, escaped, as a link when the document has an http(s) address.
std::string HtmlOutletLink(const ReportView& view, const std::string& doc_id);
// At most `max_bytes` of `text`, cut at a word boundary (or a UTF-8 character boundary) with "…"
// appended when shortened. Unescaped.
std::string Shorten(std::string_view text, size_t max_bytes);
// An ISO 8601 time as a reader scans it: "2026-03-12T20:05:00+01:00" -> "2026-03-12 20:05
// +01:00", "…Z" -> "… UTC"; anything else unchanged. Unescaped.
std::string ReadableTime(std::string_view iso);
// "<time datetime=…>readable</time>", escaped.
std::string HtmlTime(std::string_view iso);

// The page's style sheet (inline, no external resources).
extern const char* const kHtmlStyle;

// The summary's bar chart of conflicts by kind, as inline SVG; "" when there are none.
void AppendKindChart(const ReportView& view, std::string& out);
// The fact-by-outlet matrix: shared facts (conflicts first) by documents, with its legend.
void AppendMatrix(const ReportView& view, std::string& out);

}  // namespace parallax::reports
