#include "support/loopback_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace parallax::testing {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

const char* Reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 307:
      return "Temporary Redirect";
    case 308:
      return "Permanent Redirect";
    case 404:
      return "Not Found";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    case 304:
      return "Not Modified";
    default:
      return "Status";
  }
}

// Sends all of `data`; false when the peer is gone.
bool SendAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}
bool SendAll(int fd, const std::string& s) {
  return SendAll(fd, s.data(), s.size());
}

bool HasHeader(const std::vector<std::pair<std::string, std::string>>& headers,
               const std::string& name) {
  return std::any_of(headers.begin(), headers.end(),
                     [&](const auto& h) { return Lower(h.first) == Lower(name); });
}

}  // namespace

LoopbackServer::LoopbackServer() = default;

LoopbackServer::~LoopbackServer() {
  Stop();
}

void LoopbackServer::Route(const std::string& path, Response response) {
  std::lock_guard<std::mutex> lock(mu_);
  routes_[path] = {std::move(response)};
}

void LoopbackServer::RouteSequence(const std::string& path, std::vector<Response> responses) {
  std::lock_guard<std::mutex> lock(mu_);
  routes_[path] = std::move(responses);
}

void LoopbackServer::ServeDirectory(const std::string& dir) {
  std::lock_guard<std::mutex> lock(mu_);
  directory_ = dir;
}

void LoopbackServer::Start() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listen_fd_ < 0) throw std::runtime_error("loopback server: socket() failed");
  const int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listen_fd_, 64) != 0) {
    throw std::runtime_error("loopback server: cannot bind 127.0.0.1");
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  if (::pipe2(wake_pipe_, O_CLOEXEC) != 0) throw std::runtime_error("loopback server: pipe()");
  accept_thread_ = std::thread([this] { AcceptLoop(); });
}

void LoopbackServer::Stop() {
  if (!accept_thread_.joinable()) return;
  stopping_ = true;
  const char byte = 1;
  [[maybe_unused]] ssize_t ignored = ::write(wake_pipe_[1], &byte, 1);
  accept_thread_.join();
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (int fd : open_fds_) ::shutdown(fd, SHUT_RDWR);
    threads.swap(connection_threads_);
  }
  for (auto& t : threads) t.join();
  ::close(listen_fd_);
  ::close(wake_pipe_[0]);
  ::close(wake_pipe_[1]);
}

std::string LoopbackServer::Url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

int LoopbackServer::Hits(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = hits_.find(path);
  return it == hits_.end() ? 0 : it->second;
}

std::string LoopbackServer::LastRequestHeader(const std::string& path,
                                              const std::string& name) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = last_headers_.find(path);
  if (it == last_headers_.end()) return "";
  for (const auto& [k, v] : it->second) {
    if (Lower(k) == Lower(name)) return v;
  }
  return "";
}

std::vector<std::chrono::steady_clock::time_point> LoopbackServer::Arrivals(
    const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = arrivals_.find(path);
  return it == arrivals_.end() ? std::vector<std::chrono::steady_clock::time_point>{} : it->second;
}

void LoopbackServer::SetLatency(std::chrono::milliseconds latency) {
  std::lock_guard<std::mutex> lock(mu_);
  latency_ = latency;
}

void LoopbackServer::AcceptLoop() {
  while (!stopping_) {
    pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) continue;
    if (stopping_ || (fds[1].revents & POLLIN)) break;
    if (!(fds[0].revents & POLLIN)) continue;
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    ++connections_;
    const int one = 1;  // headers and body go out in separate sends: avoid Nagle delays
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    std::lock_guard<std::mutex> lock(mu_);
    open_fds_.push_back(fd);
    connection_threads_.emplace_back([this, fd] { ServeConnection(fd); });
  }
}

LoopbackServer::Response LoopbackServer::Lookup(const std::string& target,
                                                const std::string& path) {
  std::string directory;
  {
    std::lock_guard<std::mutex> lock(mu_);
    const int n = hits_[path]++;
    auto it = routes_.find(target);
    if (it == routes_.end()) it = routes_.find(path);
    if (it != routes_.end() && !it->second.empty()) {
      const auto& seq = it->second;
      return seq[std::min<size_t>(static_cast<size_t>(n), seq.size() - 1)];
    }
    directory = directory_;
  }
  if (!directory.empty() && path.find("..") == std::string::npos) {
    std::string file = directory + path;
    if (!path.empty() && path.back() == '/') file += "index.html";
    std::ifstream in(file, std::ios::binary);
    if (in) {
      std::ostringstream ss;
      ss << in.rdbuf();
      std::string type = "application/octet-stream";
      if (file.ends_with(".html") || file.ends_with(".htm")) type = "text/html; charset=utf-8";
      if (file.ends_with(".txt")) type = "text/plain; charset=utf-8";
      return Ok(ss.str(), type);
    }
  }
  return Status(404, "not found\n");
}

void LoopbackServer::ServeConnection(int fd) {
  std::string buffer;
  bool keep_open = true;
  while (keep_open && !stopping_) {
    // Read one request head.
    size_t end;
    while ((end = buffer.find("\r\n\r\n")) == std::string::npos) {
      pollfd p{fd, POLLIN, 0};
      const int r = ::poll(&p, 1, 100);
      if (stopping_) break;
      if (r <= 0) continue;
      char chunk[4096];
      const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) {
        keep_open = false;
        break;
      }
      buffer.append(chunk, static_cast<size_t>(n));
      if (buffer[0] == '\x16') break;  // TLS, see below
    }
    if (!keep_open || stopping_) break;
    if (end == std::string::npos) {
      // A TLS ClientHello (record type 0x16) on this plain port: answer like a real server so the
      // client fails its handshake at once instead of waiting for a timeout.
      if (!buffer.empty() && buffer[0] == '\x16') {
        SendAll(fd, "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
      }
      break;
    }
    const std::string head = buffer.substr(0, end);
    buffer.erase(0, end + 4);

    std::istringstream lines(head);
    std::string request_line;
    std::getline(lines, request_line);
    std::istringstream rl(request_line);
    std::string method, target;
    rl >> method >> target;
    std::vector<std::pair<std::string, std::string>> headers;
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      headers.emplace_back(line.substr(0, colon), value);
    }
    const std::string path = target.substr(0, target.find('?'));
    std::chrono::milliseconds latency;
    {
      std::lock_guard<std::mutex> lock(mu_);
      last_headers_[path] = headers;
      arrivals_[path].push_back(std::chrono::steady_clock::now());
      latency = latency_;
    }
    for (const auto& [k, v] : headers) {
      if (Lower(k) == "connection" && Lower(v) == "close") keep_open = false;
    }

    if (latency.count() > 0) std::this_thread::sleep_for(latency);
    const Response r = Lookup(target, path);
    if (r.close) keep_open = false;
    if (r.fault == Fault::kNoResponse) {
      while (!stopping_) std::this_thread::sleep_for(std::chrono::milliseconds(20));
      break;
    }

    std::string out = "HTTP/1.1 " + std::to_string(r.status) + " " + Reason(r.status) + "\r\n";
    for (const auto& [k, v] : r.headers) out += k + ": " + v + "\r\n";
    switch (r.fault) {
      case Fault::kChunked:
      case Fault::kBrokenChunked:
        out += "Transfer-Encoding: chunked\r\n";
        break;
      case Fault::kContentLengthTooLong:
        out += "Content-Length: " + std::to_string(r.body.size() + 100) + "\r\n";
        keep_open = false;
        break;
      case Fault::kMalformedContentLength:
        out += "Content-Length: 12abc\r\n";
        keep_open = false;
        break;
      default:
        if (!HasHeader(r.headers, "Content-Length")) {
          out += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
        }
    }
    if (!keep_open) out += "Connection: close\r\n";
    out += "\r\n";
    if (!SendAll(fd, out)) break;

    bool sent = true;
    switch (r.fault) {
      case Fault::kTrickle:
        for (size_t i = 0; i < r.body.size() && sent && !stopping_; i += r.trickle_bytes) {
          sent = SendAll(fd, r.body.data() + i, std::min(r.trickle_bytes, r.body.size() - i));
          std::this_thread::sleep_for(r.trickle_delay);
        }
        break;
      case Fault::kDropMidBody: {
        SendAll(fd, r.body.data(), r.body.size() / 2);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        linger lin{1, 0};  // close with RST
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &lin, sizeof lin);
        keep_open = false;
        break;
      }
      case Fault::kChunked: {
        std::string chunked;
        for (size_t i = 0; i < r.body.size(); i += 7) {
          const size_t n = std::min<size_t>(7, r.body.size() - i);
          char size_line[32];
          std::snprintf(size_line, sizeof size_line, "%zx\r\n", n);
          chunked += size_line + r.body.substr(i, n) + "\r\n";
        }
        chunked += "0\r\n\r\n";
        sent = SendAll(fd, chunked);
        break;
      }
      case Fault::kBrokenChunked:
        sent = SendAll(fd, "5\r\nhello\r\nzz-not-hex\r\nworld\r\n0\r\n\r\n");
        keep_open = false;
        break;
      default:
        sent = SendAll(fd, r.body);
    }
    if (!sent) break;
  }
  std::lock_guard<std::mutex> lock(mu_);
  open_fds_.erase(std::remove(open_fds_.begin(), open_fds_.end(), fd), open_fds_.end());
  ::close(fd);
}

LoopbackServer::Response LoopbackServer::Ok(std::string body, std::string content_type) {
  Response r;
  r.headers.emplace_back("Content-Type", std::move(content_type));
  r.body = std::move(body);
  return r;
}

LoopbackServer::Response LoopbackServer::Status(int status, std::string body) {
  Response r;
  r.status = status;
  r.headers.emplace_back("Content-Type", "text/plain");
  r.body = std::move(body);
  return r;
}

LoopbackServer::Response LoopbackServer::Redirect(int status, std::string location) {
  Response r;
  r.status = status;
  r.headers.emplace_back("Location", std::move(location));
  r.body = "moved\n";
  return r;
}

LoopbackServer::Response LoopbackServer::Gzipped(const std::string& body,
                                                 std::string content_type) {
  Response r = Ok(Gzip(body), std::move(content_type));
  r.headers.emplace_back("Content-Encoding", "gzip");
  return r;
}

LoopbackServer::Response LoopbackServer::GzipBomb(size_t inflated_bytes) {
  return Gzipped(std::string(inflated_bytes, '\0'), "text/html");
}

std::string LoopbackServer::Gzip(const std::string& data) {
  z_stream zs{};
  if (deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate failed");
  return out;
}

}  // namespace parallax::testing
