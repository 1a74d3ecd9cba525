#include "runner.h"

#include <filesystem>
#include <map>
#include <set>

#include "parallax/fetch/collect.h"
#include "parallax/fetch/feeds.h"
#include "parallax/reports/reports.h"
#include "parallax/store/store.h"
#include "selection.h"

namespace parallax::app {
namespace {

// One article a feed or sitemap listed.
struct Candidate {
  std::string url;
  std::string outlet;  // the configured outlet's name
  std::string title;
  std::string summary;
  std::string date;  // ISO 8601, "" when unknown
};

bool UnderBase(const OutletConfig& outlet, const std::string& url) {
  if (outlet.base_urls.empty()) return true;
  for (const auto& base : outlet.base_urls) {
    if (url.rfind(base, 0) == 0) return true;
  }
  return false;
}

// Fetches every outlet's feeds and sitemaps (sitemap indexes followed two levels deep) and
// returns the listed articles, first listing first, each URL once. Failures are logged and
// appended to `*failures` ("outlet: error").
std::vector<Candidate> Discover(const RunConfig& config, fetch::HttpClient& http, Logger& log,
                                std::vector<std::string>* failures) {
  struct Pending {
    std::string url;
    size_t outlet;
    int depth;
  };
  std::vector<Pending> pending;
  for (size_t i = 0; i < config.outlets.size(); ++i) {
    for (const auto& u : config.outlets[i].feeds) pending.push_back({u, i, 0});
    for (const auto& u : config.outlets[i].sitemaps) pending.push_back({u, i, 0});
  }
  std::vector<Candidate> out;
  std::set<std::string> seen;
  auto add = [&](size_t outlet, Candidate c) {
    const OutletConfig& o = config.outlets[outlet];
    if (!UnderBase(o, c.url)) {
      log.Debug("discover", o.name + ": skipping " + c.url + " (not under its base_urls)");
      return;
    }
    if (!seen.insert(c.url).second) return;
    c.outlet = o.name;
    out.push_back(std::move(c));
  };
  while (!pending.empty()) {
    std::vector<std::string> urls;
    for (const auto& p : pending) urls.push_back(p.url);
    auto responses = http.FetchAll(urls);
    std::vector<Pending> next;
    for (size_t i = 0; i < pending.size(); ++i) {
      const Pending& p = pending[i];
      const std::string& name = config.outlets[p.outlet].name;
      if (!responses[i].ok()) {
        failures->push_back(name + ": " + responses[i].status().ToString());
        log.Warn("discover", failures->back());
        continue;
      }
      const std::string& body = responses[i]->body;
      const std::string& base = responses[i]->final_url.empty() ? p.url : responses[i]->final_url;
      if (fetch::LooksLikeSitemap(body)) {
        auto sitemap = fetch::ParseSitemap(body, base);
        if (!sitemap.ok()) {
          failures->push_back(name + ": " + sitemap.status().ToString());
          log.Warn("discover", failures->back());
          continue;
        }
        if (sitemap->kind == fetch::Sitemap::Kind::kIndex) {
          for (const auto& child : sitemap->sitemaps) {
            if (p.depth < 2) next.push_back({child, p.outlet, p.depth + 1});
          }
          continue;
        }
        for (const auto& u : sitemap->urls) {
          add(p.outlet, {u.loc, "", u.news_title, "",
                         u.news_publication_date.empty() ? u.lastmod : u.news_publication_date});
        }
        log.Debug("discover", name + ": " + p.url + " lists " +
                                  std::to_string(sitemap->urls.size()) + " URL(s)");
      } else {
        auto feed = fetch::ParseFeed(body, base);
        if (!feed.ok()) {
          failures->push_back(name + ": " + feed.status().ToString());
          log.Warn("discover", failures->back());
          continue;
        }
        for (const auto& e : feed->entries) {
          add(p.outlet, {e.url, "", e.title, e.summary, e.published});
        }
        log.Debug("discover", name + ": " + p.url + " lists " +
                                  std::to_string(feed->entries.size()) + " entr(ies)");
      }
    }
    pending = std::move(next);
  }
  return out;
}

// The URLs to fetch for `event`: its seed URLs, then the matching listed articles, at most
// max_articles_per_event in all.
std::vector<std::string> Select(const RunConfig& config, const EventConfig& event,
                                const std::vector<Candidate>& candidates, Logger& log) {
  std::vector<std::string> urls;
  std::set<std::string> seen;
  for (const auto& s : event.seed_urls) {
    if (urls.size() < config.max_articles_per_event && seen.insert(s).second) urls.push_back(s);
  }
  for (const auto& c : candidates) {
    if (seen.count(c.url)) continue;
    const Match m = MatchEvent(event, c.title + "\n" + c.summary + "\n" + c.url, c.date);
    if (!m.accepted) {
      if (m.look_alike) {
        log.Info("select", event.name + ": rejected look-alike " + c.url + ": " + m.reason);
      } else {
        log.Debug("select", event.name + ": not about the event: " + c.url + ": " + m.reason);
      }
      continue;
    }
    if (urls.size() >= config.max_articles_per_event) {
      log.Warn("select",
               event.name + ": more than " + std::to_string(config.max_articles_per_event) +
                   " articles match; the rest are skipped (limits.max_articles_per_event)");
      break;
    }
    seen.insert(c.url);
    urls.push_back(c.url);
  }
  return urls;
}

Status WriteReports(FileSystem& fs, const std::string& dir_path, const std::string& latest_stem,
                    const RunReport& report, Logger& log) {
  std::error_code ec;
  std::filesystem::create_directories(dir_path, ec);
  if (ec) return Status::Error(dir_path, "cannot create directory: " + ec.message());
  struct Output {
    const char* ext;
    std::string (*render)(const RunReport&);
  };
  const Output outputs[] = {{"json", &reports::RenderJson},
                            {"md", &reports::RenderMarkdown},
                            {"html", &reports::RenderHtml}};
  for (const Output& o : outputs) {
    const std::string text = o.render(report);
    const std::string dated = dir_path + "/report." + o.ext;
    const std::string latest = latest_stem + "." + o.ext;
    for (const std::string& path : {dated, latest}) {
      const Status written = fs.WriteFileAtomic(path, text);
      if (!written.ok()) return written;
    }
    log.Debug("report", "wrote " + dated + " and " + latest);
  }
  return Status::Ok();
}

}  // namespace

int RunConfigured(const RunConfig& config, const RunSettings& settings, fetch::HttpClient& http,
                  FileSystem& fs, Clock& clock, Logger& log, std::ostream& out, StageTimes* times) {
  StageTimes local;
  StageTimes& t = times ? *times : local;
  std::vector<std::string> discover_errors;
  int64_t start = SteadyNowNs();
  const std::vector<Candidate> candidates = Discover(config, http, log, &discover_errors);
  // A feed or sitemap that failed may have listed any event's articles: each report says so.
  int failures = static_cast<int>(discover_errors.size());
  std::map<std::string, std::string> outlet_of;
  for (const auto& c : candidates) outlet_of[c.url] = c.outlet;
  log.Info("discover", std::to_string(candidates.size()) + " article(s) listed by " +
                           std::to_string(config.outlets.size()) + " outlet(s)");
  std::vector<std::vector<std::string>> selected;
  for (const auto& event : config.events) {
    selected.push_back(Select(config, event, candidates, log));
    log.Info("select",
             event.name + ": " + std::to_string(selected.back().size()) + " article(s) to fetch");
  }
  t.discover += SecondsSince(start);

  if (settings.dry_run) {
    for (size_t i = 0; i < config.events.size(); ++i) {
      out << config.events[i].name << ": " << selected[i].size() << " article(s)\n";
      for (const auto& u : selected[i]) out << "  " << u << "\n";
    }
    return failures ? 1 : 0;
  }

  std::unique_ptr<store::RunStore> store;
  if (auto opened = store::OpenRunStore(config.database); opened.ok()) {
    store = std::move(opened.value());
  } else {
    log.Error("store", opened.status().ToString());
    ++failures;
  }
  StorePageCache page_cache(store.get());
  fetch::CollectOptions collect_options;
  collect_options.page_cache = store ? &page_cache : nullptr;
  collect_options.max_file_bytes = config.max_body_bytes;
  store::RunOptions run_options;
  if (!settings.config_text.empty())
    run_options.config_hash = fetch::ContentHash(settings.config_text);

  for (size_t i = 0; i < config.events.size(); ++i) {
    const EventConfig& event = config.events[i];
    RunReport report;
    report.started_at = FormatIsoUtc(clock.Now());
    report.run_id = "run-" + report.started_at;
    report.errors = discover_errors;

    start = SteadyNowNs();
    fetch::Collected collected =
        fetch::CollectDocuments(selected[i], collect_options, http, fs, clock);
    t.fetch += SecondsSince(start);
    for (const Status& error : collected.errors) {
      log.Warn("collect", event.name + ": " + error.ToString());
      report.errors.push_back(error.ToString());
      ++failures;
    }
    // The article itself must be about the event too: listings can be vague.
    std::vector<Document> documents;
    for (Document& d : collected.documents) {
      const Match m = MatchEvent(event, d.title + "\n" + d.text, d.published.value_or(""));
      if (!m.accepted) {
        log.Info("collect", event.name + ": dropped " + (d.url.empty() ? d.source : d.url) +
                                (m.look_alike ? " (look-alike): " : " (not about the event): ") +
                                m.reason);
        continue;
      }
      if (auto it = outlet_of.find(d.url); it != outlet_of.end()) d.outlet = it->second;
      d.id = "d" + std::to_string(documents.size() + 1);
      documents.push_back(std::move(d));
    }
    log.Info("collect", event.name + ": " + std::to_string(documents.size()) + " article(s) read");
    if (documents.empty()) {
      log.Warn("collect", event.name +
                              ": no article about the event could be read; nothing "
                              "stored or reported for it");
      ++failures;
      continue;
    }
    AnalyzeDocuments(std::move(documents), report, &t);
    report.finished_at = FormatIsoUtc(clock.Now());
    if (store) {
      const Recorded recorded = RecordRun(*store, event.name, report, run_options, &t);
      for (const Status& error : recorded.errors) {
        log.Error("store", error.ToString());
        ++failures;
      }
      if (recorded.run_id) {
        log.Info("store", event.name + ": run " + std::to_string(*recorded.run_id) + " stored in " +
                              config.database);
      }
    }

    start = SteadyNowNs();
    const std::string event_dir = config.output + "/" + event.name;
    const Status written = WriteReports(fs, event_dir + "/" + report.started_at.substr(0, 10),
                                        event_dir + "/latest", report, log);
    t.report += SecondsSince(start);
    if (!written.ok()) {
      log.Error("report", written.ToString());
      ++failures;
    } else {
      int opened = 0, resolved = 0;
      for (const auto& c : report.since_last_run.changes) {
        opened += c.status == ChangeStatus::kNew;
        resolved += c.status == ChangeStatus::kResolved;
      }
      log.Info("report", event.name + ": " + std::to_string(report.documents.size()) +
                             " documents, " + std::to_string(report.findings.size()) +
                             " findings (" + std::to_string(opened) + " new, " +
                             std::to_string(resolved) + " resolved) -> " + event_dir +
                             "/latest.json");
    }
  }
  return failures ? 1 : 0;
}

}  // namespace parallax::app
