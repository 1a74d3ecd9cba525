// Renders a run's report. JSON is the contract (docs/report-format.md); Markdown is for people.
// All functions are pure: they only read their arguments and are safe to call from any thread.
#pragma once

#include <string>
#include <string_view>

#include "parallax/core/finding.h"

namespace parallax::reports {

// The version written as "parallax_version" in the JSON report.
inline constexpr const char* kParallaxVersion = "0.1.0";

// The report JSON: {parallax_version, run, documents, claims, clusters, findings, errors,
// since_last_run}; docs/report.schema.json describes it.
// Pretty-printed with two-space indentation and a trailing newline. Every string is valid UTF-8
// (see SanitizeUtf8).
std::string RenderJson(const RunReport& report);
// A Markdown report: summary, changes since the last run (when report.since_last_run has a
// previous run), conflicts by severity with each outlet's words, agreements, exclusives, sources
// and errors. Article text is escaped so it cannot inject HTML or break
// the layout.
std::string RenderMarkdown(const RunReport& report);
// One self-contained HTML page: summary with a chart of conflicts by kind, a fact-by-outlet
// matrix, changes since the last run, conflicts side by side with the values marked, agreements,
// exclusives, outlet cards and errors. Inline CSS and SVG, no scripts, a Content-Security-Policy
// that forbids every request; all article text is HTML-escaped; only http(s) URLs are linked.
std::string RenderHtml(const RunReport& report);
// One extracted document as JSON: the same object as an entry of the report's "documents" array
// (text included), pretty-printed, without a trailing newline. For `parallax extract --json`.
std::string RenderExtractionJson(const Document& doc);

// `in` with every ill-formed UTF-8 sequence replaced by U+FFFD (one per maximal subpart, as
// Unicode recommends). Overlong forms, surrogates and code points above U+10FFFF are ill-formed.
// Valid input is returned unchanged, so byte offsets into valid text stay valid.
std::string SanitizeUtf8(std::string_view in);

}  // namespace parallax::reports
