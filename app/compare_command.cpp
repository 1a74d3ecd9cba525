// parallax compare SOURCE... [--json FILE] [--markdown FILE] [--html FILE] [--db FILE]
// The one place the stages are wired together: fetch -> align -> compare -> store/reports.
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "args.h"
#include "commands.h"
#include "parallax/core/env.h"
#include "parallax/fetch/collect.h"
#include "parallax/fetch/progress.h"
#include "parallax/reports/reports.h"
#include "parallax/store/store.h"
#include "pipeline.h"

namespace parallax::app {
namespace {

constexpr const char* kCompareUsage = R"(Usage: parallax compare SOURCE... [options]

Aligns the claims of several outlets' articles about one event and reports where they agree
and where they contradict each other.

  SOURCE           an http(s) URL, an HTML or plain-text file, or a directory of them
                   (each file, or each subfolder's index.html, is one article)
  --json FILE      write the report as JSON (the contract: docs/report-format.md)
  --markdown FILE  write the report as Markdown
  --html FILE      write the report as one self-contained HTML page
  --db FILE        record the run in this SQLite database (created if missing)
  --event NAME     the event's name in the database (default: derived from the sources)
  --warc FILE      also record every HTTP response in this .warc.gz; give the file as a
                   SOURCE later to replay the run offline
  --host-delay S   seconds between two requests to one host (default 1; robots.txt
                   Crawl-delay raises it)
  --quiet          print nothing but errors
With no --json, --markdown or --html, the Markdown report is printed.
)";

std::string DeriveEventName(const std::vector<std::string>& sources) {
  for (const auto& s : sources) {
    if (s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0) continue;
    std::filesystem::path p(s);
    if (p.filename().empty()) p = p.parent_path();
    const std::string name = p.filename().string();
    if (!name.empty() && name != "." && name != "..") return name;
  }
  return "event";
}

}  // namespace

int RunCompare(const std::vector<std::string>& argv) {
  auto parsed = ParseArgs(
      argv, {"--json", "--markdown", "--html", "--db", "--event", "--warc", "--host-delay"},
      {"--help", "--quiet"});
  if (!parsed.ok()) {
    std::cerr << "parallax compare: " << parsed.status().ToString() << "\n\n" << kCompareUsage;
    return kExitUsage;
  }
  if (parsed->Has("--help")) {
    std::cout << kCompareUsage;
    return kExitOk;
  }
  if (parsed->positional.empty()) {
    std::cerr << "parallax compare: no SOURCE given\n\n" << kCompareUsage;
    return kExitUsage;
  }
  const bool quiet = parsed->Has("--quiet");
  auto fs = NewPosixFileSystem();
  auto clock = NewSystemClock();
  RunReport report;
  report.started_at = FormatIsoUtc(clock->Now());
  report.run_id = "run-" + report.started_at;
  bool failed = false;

  fetch::HttpOptions http_options;
  if (parsed->Has("--host-delay")) {
    char* end = nullptr;
    const std::string value = parsed->Value("--host-delay");
    const double seconds = std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0' || seconds < 0 || seconds > 3600) {
      std::cerr << "parallax compare: --host-delay: '" << value
                << "' is not a number of seconds between 0 and 3600\n";
      return kExitUsage;
    }
    http_options.host_delay = std::chrono::milliseconds(std::llround(seconds * 1000));
  }
  std::unique_ptr<fetch::ProgressSink> progress;
  if (!quiet) {
    progress = fetch::NewTerminalProgress(stderr);
    http_options.progress = progress.get();
  }
  auto http = fetch::NewBeastHttpClient(http_options);

  // The database, when given, is opened first: its stored pages answer conditional GETs.
  std::unique_ptr<store::RunStore> store;
  const std::string db = parsed->Value("--db");
  if (!db.empty()) {
    auto opened = store::OpenRunStore(db);
    if (!opened.ok()) {
      std::cerr << "parallax: " << opened.status().ToString() << "\n";
      failed = true;
    } else {
      store = std::move(opened.value());
    }
  }
  StorePageCache page_cache(store.get());
  fetch::CollectOptions collect_options;
  collect_options.warc_output = parsed->Value("--warc");
  collect_options.page_cache = store ? &page_cache : nullptr;

  fetch::Collected collected =
      fetch::CollectDocuments(parsed->positional, collect_options, *http, *fs, *clock);
  for (const Status& error : collected.errors) {
    std::cerr << "parallax: " << error.ToString() << "\n";
    report.errors.push_back(error.ToString());
    failed = true;
  }
  if (collected.documents.size() < 2 && !quiet) {
    std::cerr << "parallax: only " << collected.documents.size()
              << " article(s) could be read; comparing needs two or more\n";
  }

  AnalyzeDocuments(std::move(collected.documents), report);
  report.finished_at = FormatIsoUtc(clock->Now());

  // The since-last-run section is read from the database before the reports are rendered;
  // the run itself is stored after the comparison, so it is compared with the one before.
  if (store) {
    const std::string event = parsed->Value("--event", DeriveEventName(parsed->positional));
    const Recorded recorded = RecordRun(*store, event, report);
    for (const Status& error : recorded.errors) {
      std::cerr << "parallax: " << error.ToString() << "\n";
      failed = true;
    }
    if (recorded.run_id && !quiet) {
      std::cout << "Run " << *recorded.run_id << " of event '" << event << "' stored in " << db
                << "\n";
    }
  }

  struct Output {
    const char* flag;
    std::string (*render)(const RunReport&);
    const char* what;
  };
  const Output outputs[] = {{"--json", &reports::RenderJson, "JSON report"},
                            {"--markdown", &reports::RenderMarkdown, "Markdown report"},
                            {"--html", &reports::RenderHtml, "HTML report"}};
  bool wrote_any = false;
  for (const Output& o : outputs) {
    if (!parsed->Has(o.flag)) continue;
    wrote_any = true;
    const std::string path = parsed->Value(o.flag);
    const Status written = fs->WriteFileAtomic(path, o.render(report));
    if (!written.ok()) {
      std::cerr << "parallax: " << written.ToString() << "\n";
      failed = true;
    } else if (!quiet) {
      std::cout << o.what << ": " << path << "\n";
    }
  }
  if (!wrote_any) std::cout << reports::RenderMarkdown(report);
  if (!quiet && wrote_any) {
    size_t conflicts = 0;
    for (const auto& f : report.findings) conflicts += f.kind != FindingKind::kOmission;
    std::cout << report.documents.size() << " documents, " << report.claims.size() << " claims, "
              << report.clusters.size() << " clusters, " << conflicts << " conflicts\n";
  }
  return failed ? kExitFailure : kExitOk;
}

}  // namespace parallax::app
