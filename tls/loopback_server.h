// A small BoringSSL TLS server on 127.0.0.1, for tests and `certval demo`.
//
// It listens on an ephemeral port, serves one handshake at a time on its own thread, records each
// outcome, and stops when destroyed. Everything is bounded: a connection that stalls is dropped
// after `io_timeout`, and the destructor wakes the thread through a pipe rather than waiting for a
// poll timeout. It never listens on anything but the loopback address.
#ifndef CERTVAL_TLS_LOOPBACK_SERVER_H_
#define CERTVAL_TLS_LOOPBACK_SERVER_H_

#include <openssl/base.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "certval/tls/transport.h"
#include "certval/validator/result.h"

namespace certval::tls {

// Sets the certificate chain (PEM, leaf first) and private key (PEM) that `ctx` presents, as a
// server or as a client asked for a certificate.
absl::Status UseCertificateChain(SSL_CTX* ctx, const std::string& chain_pem,
                                 const std::string& key_pem);

// A listening TCP socket on 127.0.0.1 with a port the kernel picks (written to `port`). Tests use
// it bare as a peer that completes TCP and never speaks.
absl::StatusOr<Socket> ListenOnLoopback(uint16_t* port);

// A server SSL_CTX presenting `chain_pem` (leaf first, then intermediates) with `key_pem`.
absl::StatusOr<bssl::UniquePtr<SSL_CTX>> NewServerContext(const std::string& chain_pem,
                                                          const std::string& key_pem);

struct LoopbackServerOptions {
  std::string chain_pem;  // leaf first
  std::string key_pem;    // PKCS#8 or traditional PEM
  // Extra configuration of the server context: versions, cipher suites, or tls::AttachServer to
  // ask for client certificates. An error fails Start().
  std::function<absl::Status(SSL_CTX*)> configure;
  // Called on each connection's SSL before its handshake (e.g. tls::AttachServer(ssl, ...)); an
  // error drops that connection.
  std::function<absl::Status(SSL*)> configure_connection;
  absl::Duration io_timeout = absl::Seconds(5);  // per connection
  // An OCSP response (DER) to staple for clients that ask (status_request); empty: none.
  std::string ocsp_response;
};

// What the server saw of one connection.
struct ServedHandshake {
  HandshakeOutcome outcome;
  std::string server_name;                            // the SNI the client sent, if any
  bool resumed = false;                               // a session was resumed
  std::optional<ValidationResult> client_validation;  // when AttachServer validated a client
};

class LoopbackServer {
 public:
  static absl::StatusOr<std::unique_ptr<LoopbackServer>> Start(LoopbackServerOptions options);
  ~LoopbackServer();  // stops accepting, finishes (or times out) the current connection, joins

  uint16_t port() const { return port_; }

  // The handshakes served so far, once at least `count` are done or `timeout` has passed.
  std::vector<ServedHandshake> WaitForHandshakes(size_t count, absl::Duration timeout);

 private:
  LoopbackServer(bssl::UniquePtr<SSL_CTX> ctx, Socket listener, uint16_t port, int wake_read,
                 int wake_write, absl::Duration io_timeout,
                 std::function<absl::Status(SSL*)> configure_connection);
  void Serve();
  ServedHandshake ServeOne(Socket conn);

  bssl::UniquePtr<SSL_CTX> ctx_;
  Socket listener_;
  uint16_t port_;
  Socket wake_read_, wake_write_;
  absl::Duration io_timeout_;
  std::function<absl::Status(SSL*)> configure_connection_;
  absl::Mutex mu_;
  std::vector<ServedHandshake> served_ ABSL_GUARDED_BY(mu_);
  std::thread thread_;
};

}  // namespace certval::tls

#endif  // CERTVAL_TLS_LOOPBACK_SERVER_H_
