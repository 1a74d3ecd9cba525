// HTTPS through the Beast client against a small OpenSSL server whose CA and certificate are made
// by the test (certificate for IP 127.0.0.1 only): trust comes from options.ca_file, and both the
// chain and the host name are checked.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <thread>

#include "parallax/fetch/http.h"
#include "support/temp_dir.h"

namespace parallax::fetch {
namespace {

using namespace std::chrono_literals;

// A certificate signed by `issuer_key` (self-signed when issuer is null).
X509* MakeCert(EVP_PKEY* key, const char* cn, X509* issuer, EVP_PKEY* issuer_key,
               const char* basic_constraints, const char* subject_alt_name) {
  X509* cert = X509_new();
  X509_set_version(cert, 2);
  static long serial = 1;
  ASN1_INTEGER_set(X509_get_serialNumber(cert), serial++);
  X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert), 24 * 3600);
  X509_set_pubkey(cert, key);
  X509_NAME_add_entry_by_txt(X509_get_subject_name(cert), "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(cn), -1, -1, 0);
  X509_set_issuer_name(cert, X509_get_subject_name(issuer ? issuer : cert));
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, issuer ? issuer : cert, cert, nullptr, nullptr, 0);
  auto add = [&](int nid, const char* value) {
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext) throw std::runtime_error("bad extension");
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
  };
  add(NID_basic_constraints, basic_constraints);
  if (subject_alt_name) add(NID_subject_alt_name, subject_alt_name);
  X509_sign(cert, issuer_key ? issuer_key : key, EVP_sha256());
  return cert;
}

// Serves every TLS connection on 127.0.0.1 with one fixed 200 response, then closes it.
class TlsServer {
 public:
  explicit TlsServer(const std::string& ca_path) {
    ca_key_ = EVP_EC_gen("P-256");
    ca_ = MakeCert(ca_key_, "Parallax Test CA", nullptr, nullptr, "critical,CA:TRUE", nullptr);
    key_ = EVP_EC_gen("P-256");
    cert_ = MakeCert(key_, "127.0.0.1", ca_, ca_key_, "CA:FALSE", "IP:127.0.0.1");
    FILE* f = std::fopen(ca_path.c_str(), "w");
    PEM_write_X509(f, ca_);
    std::fclose(f);

    ctx_ = SSL_CTX_new(TLS_server_method());
    SSL_CTX_use_certificate(ctx_, cert_);
    SSL_CTX_use_PrivateKey(ctx_, key_);

    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd_, 16)) {
      throw std::runtime_error("cannot bind");
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { Loop(); });
  }

  ~TlsServer() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
    SSL_CTX_free(ctx_);
    X509_free(cert_);
    X509_free(ca_);
    EVP_PKEY_free(key_);
    EVP_PKEY_free(ca_key_);
  }

  int port() const { return port_; }

 private:
  void Loop() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const int client = ::accept(fd_, nullptr, nullptr);
      if (client < 0) continue;
      timeval tv{2, 0};
      ::setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
      SSL* ssl = SSL_new(ctx_);
      SSL_set_fd(ssl, client);
      if (SSL_accept(ssl) == 1) {
        std::string request;
        char buf[4096];
        while (request.find("\r\n\r\n") == std::string::npos) {
          const int n = SSL_read(ssl, buf, sizeof buf);
          if (n <= 0) break;
          request.append(buf, static_cast<size_t>(n));
        }
        const std::string response =
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n"
            "Connection: close\r\n\r\nsecure";
        SSL_write(ssl, response.data(), static_cast<int>(response.size()));
        SSL_shutdown(ssl);
      }
      SSL_free(ssl);
      ::close(client);
    }
  }

  EVP_PKEY* ca_key_ = nullptr;
  EVP_PKEY* key_ = nullptr;
  X509* ca_ = nullptr;
  X509* cert_ = nullptr;
  SSL_CTX* ctx_ = nullptr;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

HttpOptions TlsOptions() {
  HttpOptions o;
  o.connect_timeout = 1000ms;
  o.tls_timeout = 2000ms;
  o.header_timeout = 2000ms;
  o.body_timeout = 2000ms;
  o.max_retries = 0;
  return o;
}

TEST_CASE("https with a trusted CA succeeds; untrusted or wrong-host certificates fail",
          "[http][tls]") {
  parallax::testing::TempDir dir;
  const std::string ca_path = dir.File("ca.pem");
  TlsServer server(ca_path);
  const std::string port = std::to_string(server.port());
  const std::string by_ip = "https://127.0.0.1:" + port + "/page";
  const std::string by_name = "https://localhost:" + port + "/page";

  HttpOptions trusted = TlsOptions();
  trusted.ca_file = ca_path;
  auto results = NewBeastHttpClient(trusted)->FetchAll({by_ip, by_name});
  REQUIRE(results.size() == 2);
  INFO(results[0].status().ToString());
  REQUIRE(results[0].ok());
  CHECK(results[0]->body == "secure");
  // The certificate names only IP 127.0.0.1, so "localhost" fails host name verification.
  REQUIRE_FALSE(results[1].ok());
  CHECK(results[1].status().subject() == by_name);
  CHECK(results[1].status().message().find("TLS handshake failed") != std::string::npos);

  auto untrusted = NewBeastHttpClient(TlsOptions())->FetchAll({by_ip});
  REQUIRE_FALSE(untrusted[0].ok());
  CHECK(untrusted[0].status().subject() == by_ip);
  CHECK(untrusted[0].status().message().find("certificate verify failed") != std::string::npos);
}

}  // namespace
}  // namespace parallax::fetch
