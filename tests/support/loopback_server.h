// An in-process HTTP/1.1 server on 127.0.0.1 (ephemeral port) for tests, built on POSIX sockets
// and poll. It serves fixed routes and a directory tree, can misbehave on purpose (slow, dropped,
// malformed or oversized responses, redirects, gzip bombs, retry-after) and counts requests.
//
//   LoopbackServer server;
//   server.Route("/a", LoopbackServer::Ok("hello", "text/plain"));
//   server.Start();
//   fetch(server.Url("/a"));  ...  CHECK(server.Hits("/a") == 1);
//
// Routes may be added before or after Start(); all methods may be called from any thread. A TLS
// ClientHello gets a plain "400 Bad Request" and the connection closed, as real servers do. The
// destructor stops the server and joins its threads. Each connection is served on its own thread
// with blocking I/O; keep-alive is supported (until the client closes, a response closes it, or the
// server stops).
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace parallax::testing {

class LoopbackServer {
 public:
  enum class Fault {
    kNone,
    kTrickle,                 // body sent one chunk of `trickle_bytes` every `trickle_delay`
    kDropMidBody,             // headers and half the body, then the connection is reset
    kContentLengthTooLong,    // Content-Length says 100 bytes more than sent, then close
    kMalformedContentLength,  // "Content-Length: 12abc"
    kBrokenChunked,           // Transfer-Encoding: chunked with an invalid chunk size line
    kChunked,                 // correct chunked encoding (chunks of 7 bytes)
    kNoResponse,              // reads the request and never answers (until the server stops)
  };

  struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;  // Content-Length is added
    std::string body;
    Fault fault = Fault::kNone;
    std::chrono::milliseconds trickle_delay{50};
    size_t trickle_bytes = 1;
    bool close = false;  // send "Connection: close" and close after the response
  };

  LoopbackServer();
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  // `path` is the request target without the query ("/a"); a target with a query matches a
  // route with that exact query first ("/a?x=1"), then the bare path.
  void Route(const std::string& path, Response response);
  // Answers the n-th request to `path` (0-based) with responses[min(n, size-1)].
  void RouteSequence(const std::string& path, std::vector<Response> responses);
  // Serves files under `dir` for paths without a route: "/k/" -> dir/k/index.html,
  // "/k/f.html" -> dir/k/f.html. ".." segments are refused (404).
  void ServeDirectory(const std::string& dir);

  // Binds 127.0.0.1:0 and starts the accept thread. Aborts the test (throws) if it cannot bind.
  void Start();
  void Stop();  // idempotent; the destructor calls it

  int port() const { return port_; }
  // "http://127.0.0.1:<port>" + path
  std::string Url(const std::string& path) const;
  // Requests received for `path` (target without query), counted when the request is parsed.
  int Hits(const std::string& path) const;
  // TCP connections accepted so far.
  int Connections() const { return connections_.load(); }
  // A header of the last request to `path` (name compared case-insensitively), "" if absent.
  std::string LastRequestHeader(const std::string& path, const std::string& name) const;
  // When each request to `path` was parsed (steady clock), in arrival order.
  std::vector<std::chrono::steady_clock::time_point> Arrivals(const std::string& path) const;
  // Every response waits `latency` before it is sent (after the request is read); 0 by default.
  void SetLatency(std::chrono::milliseconds latency);

  // Response builders.
  static Response Ok(std::string body, std::string content_type = "text/html; charset=utf-8");
  static Response Status(int status, std::string body = {});
  static Response Redirect(int status, std::string location);
  // A 200 whose body is `body` gzip-compressed, sent with Content-Encoding: gzip.
  static Response Gzipped(const std::string& body, std::string content_type = "text/plain");
  // A gzip body that inflates to `inflated_bytes` zero bytes (about 1000:1).
  static Response GzipBomb(size_t inflated_bytes);
  static std::string Gzip(const std::string& data);

 private:
  void AcceptLoop();
  void ServeConnection(int fd);
  Response Lookup(const std::string& target, const std::string& path);

  std::map<std::string, std::vector<Response>> routes_;
  std::string directory_;
  int listen_fd_ = -1;
  int wake_pipe_[2] = {-1, -1};
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  std::thread accept_thread_;

  mutable std::mutex mu_;  // guards everything below
  std::vector<std::thread> connection_threads_;
  std::vector<int> open_fds_;
  std::map<std::string, int> hits_;
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> last_headers_;
  std::map<std::string, std::vector<std::chrono::steady_clock::time_point>> arrivals_;
  std::chrono::milliseconds latency_{0};
};

}  // namespace parallax::testing
