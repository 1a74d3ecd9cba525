// run_bench: one whole `parallax run` in-process over 1,000 articles from 20 loopback outlets
// (10 events, 5 articles per event per outlet, each outlet with its own server and RSS feed),
// then a second night on the same database. Prints the seconds spent per stage.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "runner.h"
#include "support/loopback_server.h"
#include "support/temp_dir.h"

using parallax::testing::LoopbackServer;
using parallax::testing::TempDir;

namespace {

constexpr int kOutlets = 20;
constexpr int kEvents = 10;
constexpr int kPerEventPerOutlet = 5;

const char* const kPlaces[kEvents] = {"Ostrand", "Varnholt", "Keswin",   "Dunmarrow", "Pellis",
                                      "Orvale",  "Thrask",   "Bricklow", "Saltmere",  "Quenby"};

std::string Article(int event, int outlet, int k) {
  const std::string place = kPlaces[event];
  std::ostringstream p;
  p << "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Storm closes "
    << place << " bridge (" << k << ") | Outlet " << outlet
    << "</title><meta property=\"article:published_time\" content=\"2025-11-04T0" << (k % 10)
    << ":00:00+00:00\"></head><body><main><article><h1>Storm closes " << place << " bridge</h1>"
    << "<p>A storm closed the main bridge in " << place << " on Monday, stranding "
    << 100 + (outlet % 3) * 20 << " drivers, the mayor of " << place << " said.</p>"
    << "<p>Emergency crews needed " << 3 + (outlet % 2) << " hours to clear the fallen trees "
    << "from the bridge approach, officials said.</p>"
    << "<p>The bridge was closed for " << 10 + (outlet % 4) << " hours, and " << 2 + k
    << " ferries ran extra crossings while it was shut.</p>"
    << "<p>Forecasters said winds reached " << 110 + outlet << " kilometres per hour near " << place
    << " harbour.</p>"
    << "<p>Reporter " << outlet << " filed this account, number " << k
    << ", from the closed bridge.</p></article></main></body></html>";
  return p.str();
}

std::string Feed(const LoopbackServer& server, int outlet) {
  std::ostringstream f;
  f << "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Outlet " << outlet
    << "</title>";
  for (int e = 0; e < kEvents; ++e) {
    for (int k = 0; k < kPerEventPerOutlet; ++k) {
      f << "<item><title>Storm closes " << kPlaces[e] << " bridge</title><link>"
        << server.Url("/e" + std::to_string(e) + "/a" + std::to_string(k) + ".html")
        << "</link><description>The storm closed the bridge.</description>"
        << "<pubDate>Tue, 04 Nov 2025 0" << k << ":00:00 GMT</pubDate></item>";
    }
  }
  f << "</channel></rss>";
  return f.str();
}

void Print(const char* night, const parallax::app::StageTimes& t, double total) {
  std::printf(
      "%s: discover %.2f s, fetch+extract %.2f s, align %.2f s, compare %.2f s, store %.2f s, "
      "report %.2f s; total %.2f s\n",
      night, t.discover, t.fetch, t.align, t.compare, t.store, t.report, total);
}

}  // namespace

int main() {
  std::vector<std::unique_ptr<LoopbackServer>> servers;
  parallax::app::RunConfig config;
  TempDir tmp;
  config.path = "(bench)";
  config.database = tmp.File("bench.db");
  config.output = tmp.File("out");
  config.host_delay_seconds = 0;
  config.max_per_host = 4;
  config.concurrency = 32;
  for (int o = 0; o < kOutlets; ++o) {
    auto server = std::make_unique<LoopbackServer>();
    server->Start();
    for (int e = 0; e < kEvents; ++e) {
      for (int k = 0; k < kPerEventPerOutlet; ++k) {
        server->Route("/e" + std::to_string(e) + "/a" + std::to_string(k) + ".html",
                      LoopbackServer::Ok(Article(e, o, k)));
      }
    }
    server->Route("/feed.xml", LoopbackServer::Ok(Feed(*server, o), "application/rss+xml"));
    config.outlets.push_back({"Outlet " + std::to_string(o), {server->Url("/feed.xml")}, {}, {}});
    servers.push_back(std::move(server));
  }
  for (int e = 0; e < kEvents; ++e) {
    parallax::app::EventConfig event;
    event.name = std::string("storm-") + kPlaces[e];
    event.keywords = {"storm", "bridge", "closed", "closes"};
    event.entities = {kPlaces[e]};
    event.min_keywords = 2;
    event.min_entities = 1;
    event.from = "2025-11-03";
    event.until = "2025-11-05";
    config.events.push_back(event);
  }

  parallax::fetch::HttpOptions http_options;
  http_options.host_delay = std::chrono::milliseconds(0);
  http_options.max_per_host = config.max_per_host;
  http_options.max_concurrency = config.concurrency;
  auto http = parallax::fetch::NewBeastHttpClient(http_options);
  auto fs = parallax::NewPosixFileSystem();
  auto clock = parallax::NewSystemClock();
  parallax::app::Logger log(std::getenv("RUN_BENCH_VERBOSE") ? parallax::app::LogLevel::kInfo
                                                             : parallax::app::LogLevel::kWarn);
  std::printf("%d outlets, %d events, %d articles\n", kOutlets, kEvents,
              kOutlets * kEvents * kPerEventPerOutlet);
  for (const char* night : {"night 1", "night 2"}) {
    parallax::app::StageTimes times;
    const auto start = std::chrono::steady_clock::now();
    const int code =
        parallax::app::RunConfigured(config, {}, *http, *fs, *clock, log, std::cout, &times);
    const double total =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    Print(night, times, total);
    if (code != 0) {
      std::fprintf(stderr, "run_bench: the run exited %d\n", code);
      return 1;
    }
  }
  return 0;
}
