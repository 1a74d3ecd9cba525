// Fetch benchmark: N pages spread round-robin over M loopback servers (distinct hosts by port)
// that answer every request after a fixed latency. Prints, per configuration, the Beast client's
// pages/s and elapsed time, the least time the per-host limits allow (concurrency and
// host_delay), their ratio, and the same URL list fetched by `curl --parallel` at the same global
// concurrency (curl has no per-host limit or delay, so it is compared only without host_delay).
//
//   fetch_bench [pages=200] [hosts=10] [latency_ms=50]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "parallax/fetch/http.h"
#include "support/loopback_server.h"

namespace {

using parallax::fetch::HttpOptions;
using parallax::testing::LoopbackServer;
using Ms = std::chrono::milliseconds;
using SteadyClock = std::chrono::steady_clock;

struct Config {
  int per_host = 2;
  Ms host_delay{0};
};

// The least time one host needs for `pages` requests of `latency` each when at most `per_host`
// are in flight and starts are at least `delay` apart (the greedy schedule, which is optimal when
// every request takes the same time).
Ms HostMinimum(int pages, int per_host, Ms latency, Ms delay) {
  std::vector<Ms> finish;
  Ms start{0};
  Ms last{0};
  for (int i = 0; i < pages; ++i) {
    if (i > 0) start += delay;
    if (i >= per_host) start = std::max(start, finish[i - per_host]);
    finish.push_back(start + latency);
    last = std::max(last, start + latency);
  }
  return last;
}

double Seconds(SteadyClock::duration d) {
  return std::chrono::duration<double>(d).count();
}

// Fetches `urls` with curl; the elapsed time, or a negative value when curl failed.
double CurlSeconds(const std::vector<std::string>& urls, int parallel) {
  char path[] = "/tmp/parallax-fetch-bench-XXXXXX";
  const int fd = ::mkstemp(path);
  if (fd < 0) return -1;
  ::close(fd);
  {
    std::ofstream config(path);
    for (const auto& url : urls) config << "url = \"" << url << "\"\noutput = \"/dev/null\"\n";
  }
  const std::string command = "curl --parallel --parallel-max " + std::to_string(parallel) +
                              " --fail -s --no-progress-meter -K " + std::string(path) +
                              " 2>/dev/null";
  std::fflush(stdout);
  const auto start = SteadyClock::now();
  const int rc = std::system(command.c_str());
  const double seconds = Seconds(SteadyClock::now() - start);
  std::remove(path);
  return rc == 0 ? seconds : -1;
}

}  // namespace

int main(int argc, char** argv) {
  const int pages = argc > 1 ? std::atoi(argv[1]) : 200;
  const int hosts = argc > 2 ? std::atoi(argv[2]) : 10;
  const Ms latency(argc > 3 ? std::atoi(argv[3]) : 50);
  if (pages <= 0 || hosts <= 0 || latency.count() < 0) {
    std::fprintf(stderr, "usage: fetch_bench [pages>0] [hosts>0] [latency_ms>=0]\n");
    return 2;
  }

  std::vector<std::unique_ptr<LoopbackServer>> servers;
  for (int h = 0; h < hosts; ++h) {
    auto server = std::make_unique<LoopbackServer>();
    server->SetLatency(latency);
    server->Start();
    servers.push_back(std::move(server));
  }
  const std::string body(10'000, 'x');
  std::vector<std::string> urls;
  std::vector<int> pages_on_host(hosts, 0);
  for (int i = 0; i < pages; ++i) {
    const int h = i % hosts;
    const std::string path = "/page" + std::to_string(i);
    servers[h]->Route(path, LoopbackServer::Ok(body));
    urls.push_back(servers[h]->Url(path));
    ++pages_on_host[h];
  }
  const bool have_curl = std::system("curl --version > /dev/null 2>&1") == 0;

  std::printf("fetch_bench: %d pages, %d hosts, %lld ms latency per response, 10 kB bodies\n",
              pages, hosts, static_cast<long long>(latency.count()));
  for (const Config& config : {Config{2, Ms(0)}, Config{2, Ms(100)}}) {
    const int global = hosts * config.per_host;
    HttpOptions options;
    options.max_per_host = config.per_host;
    options.max_concurrency = global;
    options.host_delay = config.host_delay;
    Ms minimum{0};
    for (int h = 0; h < hosts; ++h) {
      minimum = std::max(
          minimum, HostMinimum(pages_on_host[h], config.per_host, latency, config.host_delay));
    }

    // Best of three runs, each with a fresh client (new connections).
    double best = 1e9;
    int failed = 0;
    for (int run = 0; run < 3; ++run) {
      auto client = parallax::fetch::NewBeastHttpClient(options);
      const auto start = SteadyClock::now();
      auto results = client->FetchAll(urls);
      best = std::min(best, Seconds(SteadyClock::now() - start));
      failed = static_cast<int>(
          std::count_if(results.begin(), results.end(), [](const auto& r) { return !r.ok(); }));
    }
    const double min_s = static_cast<double>(minimum.count()) / 1000.0;
    std::printf(
        "\nper-host %d, host_delay %lld ms, global %d\n"
        "  parallax: %.3f s, %.1f pages/s, %d failed\n"
        "  minimum the per-host limits allow: %.3f s  (ratio %.2f, goal <= 1.30)\n",
        config.per_host, static_cast<long long>(config.host_delay.count()), global, best,
        pages / best, failed, min_s, best / min_s);
    if (config.host_delay.count() > 0) {
      std::printf("  curl: not compared (curl has no per-host delay)\n");
    } else if (!have_curl) {
      std::printf("  curl: not found, skipped\n");
    } else {
      double curl_best = 1e9;
      for (int run = 0; run < 3; ++run) curl_best = std::min(curl_best, CurlSeconds(urls, global));
      if (curl_best < 0) {
        std::printf("  curl: failed\n");
      } else {
        std::printf(
            "  curl --parallel --parallel-max %d: %.3f s, %.1f pages/s (parallax/curl %.2f)\n",
            global, curl_best, pages / curl_best, best / curl_best);
      }
    }
  }
  return 0;
}
