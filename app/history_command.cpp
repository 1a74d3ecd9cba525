// parallax history EVENT [--db FILE] [--json]
// Lists the runs of one event from the run database and how their findings evolved.
#include <boost/json.hpp>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <set>

#include "args.h"
#include "commands.h"
#include "parallax/store/store.h"

namespace parallax::app {
namespace {

constexpr const char* kHistoryUsage = R"(Usage: parallax history EVENT [options]

Lists the runs of EVENT recorded with `parallax compare --db`, how many findings each run
found new, still open or resolved since the previous successful run, and the life of every
finding (first seen, last seen, resolved in which run, and whether an edited article
resolved it).

  --db FILE   the run database (default: parallax.db); it must exist
  --json      print the history as JSON instead of text
)";

std::string RunLabel(int64_t id, const std::string& at) {
  return "run " + std::to_string(id) + " (" + at + ")";
}

void PrintText(const std::string& event, const std::string& db,
               const store::EventHistory& history) {
  std::cout << "Event '" << event << "' in " << db << ": " << history.runs.size() << " run(s)\n\n";
  std::cout << std::left << std::setw(6) << "Run" << std::setw(22) << "Started" << std::setw(9)
            << "Status" << std::right << std::setw(6) << "Docs" << std::setw(8) << "Claims"
            << std::setw(10) << "Findings" << std::setw(6) << "New" << std::setw(6) << "Open"
            << std::setw(10) << "Resolved"
            << "\n";
  for (const auto& r : history.runs) {
    std::cout << std::left << std::setw(6) << r.run.run_id << std::setw(22) << r.run.started_at
              << std::setw(9) << r.run.status << std::right << std::setw(6) << r.run.documents
              << std::setw(8) << r.run.claims << std::setw(10) << r.run.findings;
    if (r.run.status == "ok") {
      std::cout << std::setw(6) << r.new_findings << std::setw(6) << r.still_open << std::setw(10)
                << r.resolved;
    } else if (!r.run.failure.empty()) {
      std::cout << "  " << r.run.failure;
    }
    std::cout << "\n";
  }
  if (history.findings.empty()) return;
  std::cout << "\nFindings:\n";
  for (const auto& f : history.findings) {
    std::cout << "  " << f.finding_key << "  " << ToString(f.kind) << ": " << f.summary << "\n"
              << "    first seen " << RunLabel(f.first_seen_run, f.first_seen_at) << ", last seen "
              << RunLabel(f.last_seen_run, f.last_seen_at) << ", in " << f.runs_seen << " run(s); ";
    if (f.resolved_in_run == 0) {
      std::cout << "still open\n";
    } else {
      std::cout << "resolved in " << RunLabel(f.resolved_in_run, f.resolved_at)
                << (f.document_changed ? " after an article was edited" : "") << "\n";
    }
  }
}

void PrintJson(const std::string& event, const store::EventHistory& history) {
  boost::json::array runs;
  for (const auto& r : history.runs) {
    boost::json::object o{{"run_id", r.run.run_id},         {"report_run_id", r.run.report_run_id},
                          {"started_at", r.run.started_at}, {"finished_at", r.run.finished_at},
                          {"status", r.run.status},         {"documents", r.run.documents},
                          {"claims", r.run.claims},         {"findings", r.run.findings},
                          {"errors", r.run.errors},         {"new", r.new_findings},
                          {"still_open", r.still_open},     {"resolved", r.resolved}};
    if (!r.run.config_hash.empty()) o["config_hash"] = r.run.config_hash;
    if (!r.run.failure.empty()) o["failure"] = r.run.failure;
    runs.push_back(std::move(o));
  }
  boost::json::array findings;
  for (const auto& f : history.findings) {
    boost::json::object o{{"finding_key", f.finding_key},
                          {"kind", ToString(f.kind)},
                          {"summary", f.summary},
                          {"first_seen_run", f.first_seen_run},
                          {"first_seen_at", f.first_seen_at},
                          {"last_seen_run", f.last_seen_run},
                          {"last_seen_at", f.last_seen_at},
                          {"runs_seen", f.runs_seen},
                          {"status", f.resolved_in_run == 0 ? "open" : "resolved"}};
    if (f.resolved_in_run != 0) {
      o["resolved_in_run"] = f.resolved_in_run;
      o["resolved_at"] = f.resolved_at;
      o["document_changed"] = f.document_changed;
    }
    findings.push_back(std::move(o));
  }
  boost::json::object root{
      {"event", event}, {"runs", std::move(runs)}, {"findings", std::move(findings)}};
  std::cout << boost::json::serialize(root) << "\n";
}

}  // namespace

int RunHistory(const std::vector<std::string>& argv) {
  auto parsed = ParseArgs(argv, {"--db"}, {"--help", "--json"});
  if (!parsed.ok()) {
    std::cerr << "parallax history: " << parsed.status().ToString() << "\n\n" << kHistoryUsage;
    return kExitUsage;
  }
  if (parsed->Has("--help")) {
    std::cout << kHistoryUsage;
    return kExitOk;
  }
  if (parsed->positional.size() != 1) {
    std::cerr << "parallax history: give exactly one EVENT\n\n" << kHistoryUsage;
    return kExitUsage;
  }
  const std::string event = parsed->positional.front();
  const std::string db = parsed->Value("--db", "parallax.db");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(db, ec)) {
    std::cerr << "parallax: " << db << ": no run database here (record runs with "
              << "`parallax compare --db " << db << "`)\n";
    return kExitFailure;
  }
  auto store = store::OpenRunStore(db);
  if (!store.ok()) {
    std::cerr << "parallax: " << store.status().ToString() << "\n";
    return kExitFailure;
  }
  auto history = (*store)->History(event);
  if (!history.ok()) {
    std::cerr << "parallax: " << history.status().ToString() << "\n";
    return kExitFailure;
  }
  if (history->runs.empty()) {
    std::cerr << "parallax: " << db << ": no runs of event '" << event << "'";
    auto all = (*store)->ListRuns("");
    if (all.ok() && !all->empty()) {
      std::set<std::string> events;
      for (const auto& r : *all) events.insert(r.event);
      std::cerr << "; events recorded:";
      for (const auto& e : events) std::cerr << " '" << e << "'";
    }
    std::cerr << "\n";
    return kExitFailure;
  }
  if (parsed->Has("--json")) {
    PrintJson(event, *history);
  } else {
    PrintText(event, db, *history);
  }
  return kExitOk;
}

}  // namespace parallax::app
