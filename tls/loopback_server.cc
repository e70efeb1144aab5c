#include "certval/tls/loopback_server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pool.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "certval/tls/binding.h"
#include "certval/validator/certificate.h"
#include "certval/validator/pem.h"

namespace certval::tls {
namespace {

absl::Status Errno(absl::string_view what) {
  return absl::InternalError(absl::StrCat(what, ": ", std::strerror(errno)));
}

bssl::UniquePtr<EVP_PKEY> ParseKeyPem(const std::string& pem) {
  bssl::UniquePtr<BIO> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return nullptr;
  return bssl::UniquePtr<EVP_PKEY>(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

}  // namespace

absl::StatusOr<Socket> ListenOnLoopback(uint16_t* port) {
  Socket sock(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!sock.valid()) return Errno("socket");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (bind(sock.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return Errno("bind");
  if (listen(sock.get(), 16) != 0) return Errno("listen");
  socklen_t len = sizeof addr;
  if (getsockname(sock.get(), reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    return Errno("getsockname");
  }
  *port = ntohs(addr.sin_port);
  return sock;
}

absl::Status UseCertificateChain(SSL_CTX* ctx, const std::string& chain_pem,
                                 const std::string& key_pem) {
  absl::StatusOr<std::vector<std::string>> ders = DecodePemCertificates(chain_pem);
  if (!ders.ok()) return ders.status();
  if (ders->empty()) return absl::InvalidArgumentError("the chain PEM holds no certificate");
  std::vector<bssl::UniquePtr<CRYPTO_BUFFER>> owned;
  std::vector<CRYPTO_BUFFER*> bufs;
  for (const std::string& der : *ders) {
    owned.emplace_back(
        CRYPTO_BUFFER_new(reinterpret_cast<const uint8_t*>(der.data()), der.size(), nullptr));
    if (!owned.back()) return absl::InternalError("CRYPTO_BUFFER_new failed");
    bufs.push_back(owned.back().get());
  }
  bssl::UniquePtr<EVP_PKEY> key = ParseKeyPem(key_pem);
  if (!key) {
    ERR_clear_error();
    return absl::InvalidArgumentError("cannot parse the private key PEM");
  }
  if (!SSL_CTX_set_chain_and_key(ctx, bufs.data(), bufs.size(), key.get(), nullptr)) {
    ERR_clear_error();
    return absl::InvalidArgumentError("BoringSSL refused the certificate chain or key");
  }
  return absl::OkStatus();
}

absl::StatusOr<bssl::UniquePtr<SSL_CTX>> NewServerContext(const std::string& chain_pem,
                                                          const std::string& key_pem) {
  bssl::UniquePtr<SSL_CTX> ctx(SSL_CTX_new(TLS_method()));
  if (!ctx) return absl::InternalError("SSL_CTX_new failed");
  if (absl::Status s = UseCertificateChain(ctx.get(), chain_pem, key_pem); !s.ok()) return s;
  return ctx;
}

absl::StatusOr<std::unique_ptr<LoopbackServer>> LoopbackServer::Start(
    LoopbackServerOptions options) {
  absl::StatusOr<bssl::UniquePtr<SSL_CTX>> ctx =
      NewServerContext(options.chain_pem, options.key_pem);
  if (!ctx.ok()) return ctx.status();
  if (!options.ocsp_response.empty() &&
      !SSL_CTX_set_ocsp_response(ctx->get(),
                                 reinterpret_cast<const uint8_t*>(options.ocsp_response.data()),
                                 options.ocsp_response.size())) {
    return absl::InternalError("SSL_CTX_set_ocsp_response failed");
  }
  if (options.configure) {
    if (absl::Status s = options.configure(ctx->get()); !s.ok()) return s;
  }
  uint16_t port = 0;
  absl::StatusOr<Socket> listener = ListenOnLoopback(&port);
  if (!listener.ok()) return listener.status();
  int wake[2];
  if (pipe2(wake, O_CLOEXEC) != 0) return Errno("pipe2");
  return std::unique_ptr<LoopbackServer>(
      new LoopbackServer(*std::move(ctx), *std::move(listener), port, wake[0], wake[1],
                         options.io_timeout, std::move(options.configure_connection)));
}

LoopbackServer::LoopbackServer(bssl::UniquePtr<SSL_CTX> ctx, Socket listener, uint16_t port,
                               int wake_read, int wake_write, absl::Duration io_timeout,
                               std::function<absl::Status(SSL*)> configure_connection)
    : ctx_(std::move(ctx)),
      listener_(std::move(listener)),
      port_(port),
      wake_read_(wake_read),
      wake_write_(wake_write),
      io_timeout_(io_timeout),
      configure_connection_(std::move(configure_connection)) {
  thread_ = std::thread([this] { Serve(); });
}

LoopbackServer::~LoopbackServer() {
  char byte = 0;
  while (write(wake_write_.get(), &byte, 1) < 0 && errno == EINTR) {
  }
  thread_.join();
}

void LoopbackServer::Serve() {
  for (;;) {
    pollfd fds[2] = {{listener_.get(), POLLIN, 0}, {wake_read_.get(), POLLIN, 0}};
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents != 0) return;  // the destructor asked us to stop
    Socket conn(accept4(listener_.get(), nullptr, nullptr, SOCK_CLOEXEC));
    if (!conn.valid()) continue;
    ServedHandshake served = ServeOne(std::move(conn));
    absl::MutexLock lock(&mu_);
    served_.push_back(std::move(served));
  }
}

ServedHandshake LoopbackServer::ServeOne(Socket conn) {
  ServedHandshake served;
  bssl::UniquePtr<SSL> ssl(SSL_new(ctx_.get()));
  if (!ssl) {
    served.outcome = {false, "SSL_new failed"};
    return served;
  }
  if (configure_connection_) {
    if (absl::Status s = configure_connection_(ssl.get()); !s.ok()) {
      served.outcome = {false, std::string(s.message())};
      return served;
    }
  }
  SSL_set_accept_state(ssl.get());
  const absl::Time deadline = absl::Now() + io_timeout_;
  TlsSocket tls(ssl.get(), std::move(conn));
  served.outcome = tls.Handshake(deadline);
  served.resumed = SSL_session_reused(ssl.get());
  if (const char* sni = SSL_get_servername(ssl.get(), TLSEXT_NAMETYPE_host_name)) {
    served.server_name = sni;
  }
  if (const ValidationResult* result = LastResult(ssl.get())) served.client_validation = *result;
  if (served.outcome.ok) tls.Close(deadline);
  return served;
}

std::vector<ServedHandshake> LoopbackServer::WaitForHandshakes(size_t count,
                                                               absl::Duration timeout) {
  absl::MutexLock lock(&mu_);
  auto enough = [this, count]()
                    ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return served_.size() >= count; };
  mu_.AwaitWithTimeout(absl::Condition(&enough), timeout);
  return served_;
}

}  // namespace certval::tls
