// The Boost.Beast HTTP/1.1 client: one C++20 coroutine per URL on an io_context that runs on the
// thread calling FetchAll. This is the only translation unit that includes Asio/Beast/OpenSSL.
//
// Per FetchAll call: a fresh io_context, a global slot semaphore (max_concurrency), per-host state
// (a max_per_host semaphore and the earliest time the next request may start, for host_delay) and
// a per-host pool of idle keep-alive connections. Each exchange (one request/response of one hop
// or retry) takes, in this order, its host's slot, its host's turn, then a global slot, so that
// requests waiting for a slow or delayed host never hold global slots other hosts could use.
// Every phase (resolve, connect, TLS handshake, write, read header, read body) has its own
// timeout, capped by what is left of the request's total deadline.
#include <zlib.h>

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <charconv>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <set>

#include "http_policy.h"
#include "parallax/fetch/http.h"
#include "parallax/fetch/progress.h"

namespace parallax::fetch {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using beast::error_code;
using Ms = std::chrono::milliseconds;
using SteadyClock = std::chrono::steady_clock;

constexpr auto kUse = asio::as_tuple(asio::use_awaitable);

std::string MsText(Ms ms) {
  return std::to_string(ms.count()) + " ms";
}

// ---------------------------------------------------------------------------------------------
// URLs

struct Target {
  std::string url;  // as requested, without the fragment
  bool tls = false;
  std::string host;         // for resolving and TLS checks; IPv6 without brackets
  std::string port;         // decimal
  std::string host_header;  // Host: value
  std::string target;       // origin-form: path?query
  std::string key;          // "scheme://host:port", the connection pool key
  std::string host_key;     // "host:port" (host lower-case), the per-host limit key
  // Non-empty when the addresses must be checked against the address policy: why this URL is not
  // trusted ("reached by a redirect", "not named by the user").
  std::string check_reason;
  std::string if_none_match;  // validators, sent on every hop
  std::string if_modified_since;
};

// Fails with a message (no subject) when `url` is not an absolute http(s) URL with a host.
std::optional<Target> ParseTarget(std::string_view url, std::string* why) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) {
    *why = "not a valid absolute URL";
    return std::nullopt;
  }
  boost::urls::url u(*parsed);
  u.remove_fragment();
  Target t;
  const std::string scheme = u.scheme();
  if (scheme == "https") {
    t.tls = true;
  } else if (scheme != "http") {
    *why = "not an http or https URL";
    return std::nullopt;
  }
  t.host = u.host_address();
  if (t.host.empty()) {
    *why = "URL has no host";
    return std::nullopt;
  }
  t.port = u.has_port() ? std::string(u.port()) : (t.tls ? "443" : "80");
  t.host_header = std::string(u.encoded_host_and_port());
  t.target = std::string(u.encoded_target());
  if (t.target.empty() || t.target[0] != '/') t.target = "/" + t.target;
  t.url = std::string(u.buffer());
  t.key = scheme + "://" + t.host + ":" + t.port;
  std::string lower_host = t.host;
  std::transform(lower_host.begin(), lower_host.end(), lower_host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  t.host_key = lower_host + ":" + t.port;
  return t;
}

bool IsIpLiteral(const std::string& host) {
  error_code ec;
  asio::ip::make_address(host, ec);
  return !ec;
}

// ---------------------------------------------------------------------------------------------
// Concurrency limits. Single-threaded use only (all coroutines run on one io_context thread).

class Semaphore {
 public:
  explicit Semaphore(int slots) : free_(std::max(1, slots)) {}

  asio::awaitable<void> Acquire() {
    if (free_ > 0 && waiters_.empty()) {
      --free_;
      co_return;
    }
    auto timer = std::make_shared<asio::steady_timer>(co_await asio::this_coro::executor,
                                                      asio::steady_timer::time_point::max());
    waiters_.push_back(timer);
    // Release() hands the slot over by cancelling the timer.
    co_await timer->async_wait(kUse);
  }

  void Release() {
    if (waiters_.empty()) {
      ++free_;
      return;
    }
    auto next = waiters_.front();
    waiters_.pop_front();
    next->cancel();
  }

 private:
  int free_;
  std::deque<std::shared_ptr<asio::steady_timer>> waiters_;
};

class SlotGuard {
 public:
  explicit SlotGuard(Semaphore& s) : s_(&s) {}
  ~SlotGuard() { s_->Release(); }
  SlotGuard(const SlotGuard&) = delete;
  SlotGuard& operator=(const SlotGuard&) = delete;

 private:
  Semaphore* s_;
};

// ---------------------------------------------------------------------------------------------
// Content-Encoding

// Streams gzip / zlib / raw deflate into `out`, refusing output beyond `limit` bytes.
class Inflater {
 public:
  enum class Outcome { kOk, kTooLarge, kCorrupt };

  explicit Inflater(bool gzip) : gzip_(gzip) {}
  ~Inflater() {
    if (initialized_) inflateEnd(&zs_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  bool finished() const { return finished_; }
  bool started() const { return initialized_ || !pending_.empty(); }

  Outcome Feed(const char* data, size_t size, uint64_t limit, std::string& out) {
    if (finished_ || size == 0) return Outcome::kOk;  // bytes after the stream end are ignored
    if (!initialized_) {
      // "deflate" is meant to be zlib-wrapped but is often raw: look at the first two bytes.
      pending_.append(data, size);
      if (!gzip_ && pending_.size() < 2) return Outcome::kOk;
      const auto b0 = static_cast<unsigned char>(pending_[0]);
      const auto b1 = static_cast<unsigned char>(pending_[1 % pending_.size()]);
      const bool zlib_header = (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
      const int window_bits = gzip_ ? 15 + 32 : (zlib_header ? 15 : -15);
      if (inflateInit2(&zs_, window_bits) != Z_OK) return Outcome::kCorrupt;
      initialized_ = true;
      std::string first;
      first.swap(pending_);
      return Inflate(first.data(), first.size(), limit, out);
    }
    return Inflate(data, size, limit, out);
  }

 private:
  Outcome Inflate(const char* data, size_t size, uint64_t limit, std::string& out) {
    zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
    zs_.avail_in = static_cast<uInt>(size);
    char buf[16384];
    while (!finished_) {
      zs_.next_out = reinterpret_cast<Bytef*>(buf);
      zs_.avail_out = sizeof buf;
      const int rc = inflate(&zs_, Z_NO_FLUSH);
      const size_t produced = sizeof buf - zs_.avail_out;
      if (out.size() + produced > limit) return Outcome::kTooLarge;
      out.append(buf, produced);
      if (rc == Z_STREAM_END) {
        finished_ = true;
      } else if (rc == Z_BUF_ERROR || (rc == Z_OK && zs_.avail_in == 0 && zs_.avail_out != 0)) {
        return Outcome::kOk;  // needs more input
      } else if (rc != Z_OK) {
        return Outcome::kCorrupt;
      }
    }
    return Outcome::kOk;
  }

  bool gzip_;
  bool initialized_ = false;
  bool finished_ = false;
  std::string pending_;
  z_stream zs_{};
};

// ---------------------------------------------------------------------------------------------
// One fetch batch

struct Connection {
  std::unique_ptr<beast::tcp_stream> plain;
  std::unique_ptr<beast::ssl_stream<beast::tcp_stream>> secure;
  beast::flat_buffer buffer;

  beast::tcp_stream& lowest() { return plain ? *plain : beast::get_lowest_layer(*secure); }
};

// What one request/response exchange produced.
struct Hop {
  int status = 0;
  std::string reason;
  std::string content_type;
  std::string location;
  std::string retry_after;
  std::string etag;
  std::string last_modified;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

// A failed exchange: the message (phase and cause) and whether a retry may help.
struct HopError {
  std::string message;
  bool retryable = false;
};

// The per-request deadline and the per-phase limit derived from it.
class Deadline {
 public:
  Deadline(Ms total) : total_(total), end_(SteadyClock::now() + total) {}

  Ms Remaining() const {
    return std::max(Ms(0), std::chrono::duration_cast<Ms>(end_ - SteadyClock::now()));
  }
  // The time allowed for a phase whose own limit is `limit`.
  Ms Limit(Ms limit) const { return std::min(limit, Remaining()); }
  // The message for a timeout in `phase` (e.g. "reading the response body") that was given
  // `allowed` ms under its own limit `limit`.
  std::string TimeoutMessage(const std::string& phase, Ms limit, Ms allowed) const {
    if (allowed < limit) {
      return "exceeded the total time limit of " + MsText(total_) + " while " + phase;
    }
    return "timed out " + phase + " after " + MsText(limit);
  }

 private:
  Ms total_;
  SteadyClock::time_point end_;
};

bool IsConnectionGone(const error_code& ec) {
  return ec == http::error::end_of_stream || ec == asio::error::eof ||
         ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
         ec == asio::error::connection_aborted;
}

class Batch {
 public:
  Batch(const HttpOptions& options, const std::map<std::string, Ms>& host_delays, ssl::context* tls,
        const std::string& tls_error)
      : options_(options),
        host_delays_(host_delays),
        tls_(tls),
        tls_error_(tls_error),
        user_agent_(internal::UserAgent(options)),
        global_(options.max_concurrency),
        random_(std::random_device{}()) {}

  std::vector<Result<HttpResponse>> Run(const std::vector<HttpRequest>& requests) {
    std::vector<std::optional<Result<HttpResponse>>> results(requests.size());
    ProgressSink* progress = options_.progress;
    if (progress) progress->OnStart(requests.size());
    for (size_t i = 0; i < requests.size(); ++i) {
      asio::co_spawn(ioc_, FetchOne(requests[i], results[i]), [&, i](std::exception_ptr e) {
        if (e) {
          try {
            std::rethrow_exception(e);
          } catch (const std::exception& ex) {
            results[i] =
                Status::Error(requests[i].url, std::string("internal error: ") + ex.what());
          }
        }
        if (!progress) return;
        const bool ok = results[i] && results[i]->ok();
        progress->OnDone(requests[i].url, ok, ok ? (*results[i])->body.size() : 0);
      });
    }
    ioc_.run();
    pool_.clear();  // close idle connections while the io_context still exists
    if (progress) progress->OnFinish();
    std::vector<Result<HttpResponse>> out;
    out.reserve(requests.size());
    for (size_t i = 0; i < requests.size(); ++i) {
      out.push_back(results[i]
                        ? std::move(*results[i])
                        : Result<HttpResponse>(Status::Error(requests[i].url, "not fetched")));
    }
    return out;
  }

 private:
  // Politeness state of one "host:port".
  struct Host {
    Host(int slots, Ms delay) : slots(slots), delay(delay) {}
    Semaphore slots;                       // max_per_host
    Ms delay;                              // between the starts of two requests
    SteadyClock::time_point next_start{};  // no request may start before this
  };

  asio::awaitable<void> FetchOne(const HttpRequest& request,
                                 std::optional<Result<HttpResponse>>& result) {
    result = co_await Fetch(request);
  }

  Host& HostState(const Target& t) {
    auto& h = hosts_[t.host_key];
    if (!h) {
      Ms delay = options_.host_delay;
      auto it = host_delays_.find(t.host_key);
      if (it == host_delays_.end())
        it = host_delays_.find(t.host_key.substr(0, t.host_key.rfind(':')));
      if (it != host_delays_.end()) delay = std::max(delay, it->second);
      h = std::make_unique<Host>(options_.max_per_host, std::max(Ms(0), delay));
    }
    return *h;
  }

  static asio::awaitable<void> SleepUntil(SteadyClock::time_point when) {
    if (SteadyClock::now() >= when) co_return;
    asio::steady_timer timer(co_await asio::this_coro::executor, when);
    co_await timer.async_wait(kUse);
  }

  // retry_backoff * 2^retries, randomly shortened by up to half so that retries spread out.
  Ms Backoff(int retries) {
    const int64_t full = options_.retry_backoff.count() * (int64_t{1} << std::min(retries, 20));
    std::uniform_int_distribution<int64_t> jitter(0, full / 2);
    return Ms(full - jitter(random_));
  }

  // Follows redirects and retries; the Status subject is always the requested URL.
  asio::awaitable<Result<HttpResponse>> Fetch(const HttpRequest& request) {
    const std::string& url = request.url;
    std::string why;
    auto target = ParseTarget(url, &why);
    if (!target) co_return Status::Error(url, why);
    const bool check = !options_.allow_private_addresses;
    if (check && !request.user_named) target->check_reason = "not named by the user";
    target->if_none_match = request.if_none_match;
    target->if_modified_since = request.if_modified_since;
    const bool conditional = !request.if_none_match.empty() || !request.if_modified_since.empty();
    std::optional<Deadline> deadline;  // starts with the first exchange
    std::vector<std::string> chain{target->url};
    int retries = 0;
    auto fail = [&](std::string message) {
      if (target->url != chain.front()) message += " (at " + target->url + ")";
      return Status::Error(url, std::move(message));
    };
    for (;;) {
      HopError error;
      std::optional<Hop> hop;
      Host& host = HostState(*target);
      {
        co_await host.slots.Acquire();
        SlotGuard host_slot(host.slots);
        // Wait for the host's turn without holding a global slot; another request to this host
        // may take the turn while this one waits for the global slot, then wait again.
        for (;;) {
          co_await SleepUntil(host.next_start);
          co_await global_.Acquire();
          if (SteadyClock::now() >= host.next_start) break;
          global_.Release();
        }
        SlotGuard global_slot(global_);
        host.next_start = SteadyClock::now() + host.delay;
        if (!deadline) deadline.emplace(options_.total_timeout);
        hop = co_await Exchange(*target, host, *deadline, error);
      }
      const int status = hop ? hop->status : 0;
      const bool retry_status =
          status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
      if ((retry_status || (!hop && error.retryable)) && retries < options_.max_retries) {
        Ms wait = Backoff(retries);
        bool asked = false;
        if (hop && !hop->retry_after.empty()) {
          if (auto after =
                  internal::ParseRetryAfter(hop->retry_after, std::chrono::system_clock::now())) {
            wait = *after;
            asked = true;
          }
        }
        wait = std::min(wait, options_.max_retry_wait);
        if (wait < deadline->Remaining()) {
          ++retries;
          const auto until = SteadyClock::now() + wait;
          if (asked) host.next_start = std::max(host.next_start, until);  // the host is busy
          co_await SleepUntil(until);
          continue;
        }
      }
      const std::string after = retries > 0 ? " (after " + std::to_string(retries) +
                                                  (retries == 1 ? " retry)" : " retries)")
                                            : "";
      if (!hop) co_return fail(error.message + after);

      const int s = hop->status;
      if ((s == 301 || s == 302 || s == 303 || s == 307 || s == 308) && !hop->location.empty()) {
        auto ref = boost::urls::parse_uri_reference(hop->location);
        boost::urls::url next(boost::urls::parse_uri(target->url).value());
        if (!ref || !next.resolve(*ref)) {
          co_return fail("redirected to an invalid Location \"" + hop->location + "\"");
        }
        next.remove_fragment();
        const std::string next_url(next.buffer());
        auto next_target = ParseTarget(next_url, &why);
        if (!next_target) {
          co_return fail("redirected to " + next_url + ", which is not an http or https URL");
        }
        if (std::find(chain.begin(), chain.end(), next_target->url) != chain.end()) {
          std::string loop;
          for (const auto& u : chain) loop += u + " -> ";
          co_return Status::Error(url, "redirect loop: " + loop + next_target->url);
        }
        if (static_cast<int>(chain.size()) > options_.max_redirects) {
          co_return Status::Error(
              url, "too many redirects (more than " + std::to_string(options_.max_redirects) + ")");
        }
        chain.push_back(next_target->url);
        if (check) next_target->check_reason = "reached by a redirect";
        next_target->if_none_match = std::move(target->if_none_match);
        next_target->if_modified_since = std::move(target->if_modified_since);
        *target = std::move(*next_target);
        continue;
      }
      const bool not_modified = s == 304 && conditional;
      if ((s < 200 || s > 299) && !not_modified && !request.any_status) {
        co_return fail("server answered HTTP " + std::to_string(s) +
                       (hop->reason.empty() ? "" : " " + hop->reason) + after);
      }
      HttpResponse response;
      response.requested_url = url;
      response.final_url = target->url;
      response.status = s;
      response.content_type = std::move(hop->content_type);
      response.etag = std::move(hop->etag);
      response.last_modified = std::move(hop->last_modified);
      response.headers = std::move(hop->headers);
      if (!not_modified) response.body = std::move(hop->body);
      co_return response;
    }
  }

  // Fails (not retryable) when `address` is forbidden for `t` by the address policy.
  bool AddressAllowed(const Target& t, const asio::ip::address& address, HopError& error) const {
    if (t.check_reason.empty()) return true;
    const std::string text = address.to_string();
    auto kind = ForbiddenAddressKind(text);
    if (!kind) return true;
    error.message = "refused to connect to " + t.host;
    if (text != t.host) error.message += " at " + text;
    error.message += ", a " + *kind + " address, for a URL " + t.check_reason;
    error.retryable = false;
    return false;
  }

  // Opens a new connection (resolve, connect, TLS handshake).
  asio::awaitable<std::unique_ptr<Connection>> Connect(const Target& t, const Deadline& deadline,
                                                       HopError& error) {
    auto executor = co_await asio::this_coro::executor;
    if (t.tls && !tls_) {
      error.message = tls_error_;
      co_return nullptr;
    }

    // Resolve, with a timer that cancels the resolver (tcp::resolver has no expiry of its own).
    struct ResolveState {
      explicit ResolveState(asio::any_io_executor ex) : resolver(ex), timer(ex) {}
      tcp::resolver resolver;
      asio::steady_timer timer;
      bool done = false;
      bool timed_out = false;
    };
    auto state = std::make_shared<ResolveState>(executor);
    const Ms resolve_allowed = deadline.Limit(options_.resolve_timeout);
    state->timer.expires_after(resolve_allowed);
    state->timer.async_wait([state](const error_code& ec) {
      if (ec || state->done) return;
      state->timed_out = true;
      state->resolver.cancel();
    });
    auto [rec, endpoints] = co_await state->resolver.async_resolve(t.host, t.port, kUse);
    state->done = true;
    state->timer.cancel();
    if (state->timed_out) {
      error.message = deadline.TimeoutMessage("resolving the host name " + t.host,
                                              options_.resolve_timeout, resolve_allowed);
      error.retryable = true;
      co_return nullptr;
    }
    if (rec) {
      error.message = "cannot resolve host " + t.host + ": " + rec.message();
      co_return nullptr;
    }
    // Every address is checked, and only these checked addresses are connected to below.
    for (const auto& entry : endpoints) {
      if (!AddressAllowed(t, entry.endpoint().address(), error)) co_return nullptr;
    }

    auto conn = std::make_unique<Connection>();
    beast::tcp_stream stream(executor);
    const Ms connect_allowed = deadline.Limit(options_.connect_timeout);
    stream.expires_after(connect_allowed);
    auto [cec, endpoint] = co_await stream.async_connect(endpoints, kUse);
    if (cec) {
      error.retryable = true;
      error.message =
          cec == beast::error::timeout
              ? deadline.TimeoutMessage("connecting", options_.connect_timeout, connect_allowed)
              : "cannot connect to " + t.host + " port " + t.port + ": " + cec.message();
      co_return nullptr;
    }
    if (!t.tls) {
      conn->plain = std::make_unique<beast::tcp_stream>(std::move(stream));
      co_return conn;
    }

    conn->secure = std::make_unique<beast::ssl_stream<beast::tcp_stream>>(std::move(stream), *tls_);
    if (!IsIpLiteral(t.host))
      SSL_set_tlsext_host_name(conn->secure->native_handle(), t.host.c_str());
    conn->secure->set_verify_mode(ssl::verify_peer);
    conn->secure->set_verify_callback(ssl::host_name_verification(t.host));
    const Ms tls_allowed = deadline.Limit(options_.tls_timeout);
    conn->lowest().expires_after(tls_allowed);
    auto [hec] = co_await conn->secure->async_handshake(ssl::stream_base::client, kUse);
    if (hec) {
      error.message =
          hec == beast::error::timeout
              ? deadline.TimeoutMessage("in the TLS handshake", options_.tls_timeout, tls_allowed)
              : "TLS handshake failed: " + hec.message();
      co_return nullptr;
    }
    co_return conn;
  }

  // One request/response on a pooled or new connection. A pooled connection that turns out to be
  // closed by the server is replaced by a new one once.
  asio::awaitable<std::optional<Hop>> Exchange(const Target& t, Host& host,
                                               const Deadline& deadline, HopError& error) {
    for (int attempt = 0; attempt < 2; ++attempt) {
      std::unique_ptr<Connection> conn;
      auto& idle = pool_[t.key];
      if (!idle.empty()) {
        conn = std::move(idle.back());
        idle.pop_back();
        // The address policy applies to the peer of a kept-alive connection too.
        error_code pec;
        const auto peer = conn->lowest().socket().remote_endpoint(pec);
        if (pec) {
          conn.reset();  // gone: connect anew
        } else if (!AddressAllowed(t, peer.address(), error)) {
          idle.push_back(std::move(conn));
          co_return std::nullopt;
        }
      }
      const bool reused = conn != nullptr;
      if (!reused) {
        conn = co_await Connect(t, deadline, error);
        if (!conn) co_return std::nullopt;
      }
      bool stale = false;
      bool reusable = false;
      // Not a conditional expression: GCC 12 miscompiles co_await inside ?: (double destroy).
      std::optional<Hop> hop;
      if (conn->plain) {
        hop = co_await Transfer(*conn->plain, *conn, t, host, deadline, reused, stale, reusable,
                                error);
      } else {
        hop = co_await Transfer(*conn->secure, *conn, t, host, deadline, reused, stale, reusable,
                                error);
      }
      if (stale) continue;
      if (reusable) {
        auto& idle_now = pool_[t.key];
        if (static_cast<int>(idle_now.size()) < std::max(1, options_.max_per_host)) {
          conn->lowest().expires_never();
          idle_now.push_back(std::move(conn));
        }
      }
      co_return hop;
    }
    co_return std::nullopt;
  }

  template <class Stream>
  asio::awaitable<std::optional<Hop>> Transfer(Stream& stream, Connection& conn, const Target& t,
                                               Host& host, const Deadline& deadline, bool reused,
                                               bool& stale, bool& reusable, HopError& error) {
    http::request<http::empty_body> request{http::verb::get, t.target, 11};
    request.set(http::field::host, t.host_header);
    request.set(http::field::user_agent, user_agent_);
    if (!t.if_none_match.empty()) request.set(http::field::if_none_match, t.if_none_match);
    if (!t.if_modified_since.empty()) {
      request.set(http::field::if_modified_since, t.if_modified_since);
    }
    request.set(http::field::accept_encoding, "gzip, deflate");
    request.set(http::field::accept, "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5");

    // host_delay counts from the moment the request goes out (connecting may have taken a while).
    host.next_start = std::max(host.next_start, SteadyClock::now() + host.delay);
    const Ms write_allowed = deadline.Limit(options_.header_timeout);
    conn.lowest().expires_after(write_allowed);
    auto [wec, written] = co_await http::async_write(stream, request, kUse);
    if (wec) {
      if (reused && IsConnectionGone(wec)) {
        stale = true;
        co_return std::nullopt;
      }
      error.message = wec == beast::error::timeout
                          ? deadline.TimeoutMessage("sending the request", options_.header_timeout,
                                                    write_allowed)
                          : "cannot send the request: " + wec.message();
      co_return std::nullopt;
    }

    http::response_parser<http::buffer_body> parser;
    parser.header_limit(options_.max_header_bytes);
    parser.body_limit(options_.max_body_bytes);
    const Ms header_allowed = deadline.Limit(options_.header_timeout);
    conn.lowest().expires_after(header_allowed);
    auto [hec, header_bytes] = co_await http::async_read_header(stream, conn.buffer, parser, kUse);
    if (hec) {
      if (reused && IsConnectionGone(hec)) {
        stale = true;
        co_return std::nullopt;
      }
      if (hec == beast::error::timeout) {
        error.message = deadline.TimeoutMessage("waiting for the response header",
                                                options_.header_timeout, header_allowed);
      } else if (hec == http::error::end_of_stream) {
        error.message = "the server closed the connection without answering";
      } else if (hec == http::error::body_limit) {
        error.message = "the response body is larger than the limit of " +
                        std::to_string(options_.max_body_bytes) + " bytes (by Content-Length)";
      } else if (hec == http::error::header_limit) {
        error.message = "the response header is larger than the limit of " +
                        std::to_string(options_.max_header_bytes) + " bytes";
      } else if (IsConnectionGone(hec)) {
        error.message = "connection lost while reading the response header: " + hec.message();
      } else {
        error.message = "malformed response header: " + hec.message();
      }
      co_return std::nullopt;
    }

    Hop hop;
    const auto& head = parser.get();
    hop.status = static_cast<int>(head.result_int());
    hop.reason = std::string(head.reason());
    for (const auto& field : head) {
      hop.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    hop.content_type = std::string(head[http::field::content_type]);
    hop.location = std::string(head[http::field::location]);
    hop.retry_after = std::string(head[http::field::retry_after]);
    hop.etag = std::string(head[http::field::etag]);
    hop.last_modified = std::string(head[http::field::last_modified]);
    std::string encoding(head[http::field::content_encoding]);
    std::transform(encoding.begin(), encoding.end(), encoding.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::optional<Inflater> inflater;
    if (encoding == "gzip" || encoding == "x-gzip") {
      inflater.emplace(true);
    } else if (encoding == "deflate") {
      inflater.emplace(false);
    } else if (!encoding.empty() && encoding != "identity") {
      error.message = "unsupported Content-Encoding \"" + encoding + "\"";
      co_return std::nullopt;
    }

    const Ms body_allowed = deadline.Limit(options_.body_timeout);
    conn.lowest().expires_after(body_allowed);
    uint64_t received = 0;
    char buf[16384];
    while (!parser.is_done()) {
      parser.get().body().data = buf;
      parser.get().body().size = sizeof buf;
      auto [ec, n] = co_await http::async_read(stream, conn.buffer, parser, kUse);
      if (ec == http::error::need_buffer) ec = {};
      if (ec == ssl::error::stream_truncated && parser.need_eof()) {
        error_code eof_ec;  // a TLS peer that closes without close_notify ends the body
        parser.put_eof(eof_ec);
        ec = eof_ec;
      }
      const size_t got = sizeof buf - parser.get().body().size;
      received += got;
      if (inflater) {
        switch (inflater->Feed(buf, got, options_.max_body_bytes, hop.body)) {
          case Inflater::Outcome::kOk:
            break;
          case Inflater::Outcome::kTooLarge:
            error.message = "the decompressed response body is larger than the limit of " +
                            std::to_string(options_.max_body_bytes) + " bytes";
            co_return std::nullopt;
          case Inflater::Outcome::kCorrupt:
            error.message = "the " + encoding + " response body is corrupt";
            co_return std::nullopt;
        }
      } else {
        hop.body.append(buf, got);
      }
      if (!ec) continue;
      const std::string after = " after " + std::to_string(received) + " bytes";
      if (ec == beast::error::timeout) {
        error.message = deadline.TimeoutMessage("reading the response body", options_.body_timeout,
                                                body_allowed) +
                        " (" + std::to_string(received) + " bytes received)";
      } else if (ec == http::error::body_limit) {
        error.message = "the response body is larger than the limit of " +
                        std::to_string(options_.max_body_bytes) + " bytes";
      } else if (ec == http::error::partial_message || IsConnectionGone(ec)) {
        error.message =
            "connection lost while reading the response body" + after + ": " + ec.message();
      } else if (ec == http::error::bad_chunk || ec == http::error::bad_chunk_extension) {
        error.message = "malformed chunked encoding in the response body" + after;
      } else {
        error.message = "cannot read the response body" + after + ": " + ec.message();
      }
      co_return std::nullopt;
    }
    if (inflater && inflater->started() && !inflater->finished()) {
      error.message = "the " + encoding + " response body is truncated";
      co_return std::nullopt;
    }

    reusable = parser.keep_alive() && conn.buffer.size() == 0;
    co_return hop;
  }

  const HttpOptions& options_;
  const std::map<std::string, Ms>& host_delays_;
  ssl::context* tls_;
  const std::string& tls_error_;
  const std::string user_agent_;
  asio::io_context ioc_{1};
  Semaphore global_;
  std::minstd_rand random_;  // retry jitter
  std::map<std::string, std::unique_ptr<Host>> hosts_;
  std::map<std::string, std::vector<std::unique_ptr<Connection>>> pool_;
};

class BeastHttpClient final : public HttpClient {
 public:
  explicit BeastHttpClient(const HttpOptions& options) : options_(options) {
    for (const auto& [host, delay] : options_.host_delay_overrides) SetHostDelay(host, delay);
    auto ctx = std::make_unique<ssl::context>(ssl::context::tls_client);
    error_code ec;
    ctx->set_default_verify_paths(ec);
    if (ec) {
      tls_error_ = "cannot load the system's trusted certificates: " + ec.message();
      return;
    }
    if (!options_.ca_file.empty()) {
      ctx->load_verify_file(options_.ca_file, ec);
      if (ec) {
        tls_error_ = "cannot load CA file " + options_.ca_file + ": " + ec.message();
        return;
      }
    }
    SSL_CTX_set_min_proto_version(ctx->native_handle(), TLS1_2_VERSION);
    tls_ = std::move(ctx);
  }

  // Safe to call from several threads at once: each call has its own io_context and pool.
  std::vector<Result<HttpResponse>> FetchAll(const std::vector<HttpRequest>& requests) override {
    std::map<std::string, Ms> host_delays;
    {
      std::lock_guard<std::mutex> lock(mu_);
      host_delays = host_delays_;
    }
    Batch batch(options_, host_delays, tls_.get(), tls_error_);
    return batch.Run(requests);
  }

  std::vector<Result<HttpResponse>> FetchAll(const std::vector<std::string>& urls) override {
    std::vector<HttpRequest> requests(urls.size());
    for (size_t i = 0; i < urls.size(); ++i) requests[i].url = urls[i];
    return FetchAll(requests);
  }

  void SetHostDelay(const std::string& host, Ms delay) override {
    std::string key = host;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::lock_guard<std::mutex> lock(mu_);
    Ms& slot = host_delays_[key];
    slot = std::max(slot, delay);
  }

 private:
  HttpOptions options_;
  std::mutex mu_;  // guards host_delays_
  std::map<std::string, Ms> host_delays_;
  std::unique_ptr<ssl::context> tls_;  // null when the trust store could not be loaded
  std::string tls_error_;
};

}  // namespace

std::unique_ptr<HttpClient> NewBeastHttpClient(const HttpOptions& options) {
  return std::make_unique<BeastHttpClient>(options);
}

}  // namespace parallax::fetch
