// Renders a run's report. JSON is the contract (docs/report-format.md); Markdown is for people.
#pragma once

#include <string>

#include "parallax/core/finding.h"

namespace parallax::reports {

// The report JSON: {parallax_version, run, documents, claims, clusters, findings, errors}.
std::string RenderJson(const RunReport& report);
// A Markdown report: summary, conflicts by severity with each outlet's words, agreements,
// exclusives.
std::string RenderMarkdown(const RunReport& report);

}  // namespace parallax::reports
