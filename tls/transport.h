// Running BoringSSL handshakes over TCP sockets with deadlines: what `certval connect`, the demo's
// loopback servers and the TLS tests share.
//
// The SSL never touches the socket itself. It gets an in-memory BIO pair and this code moves the
// bytes with poll() and send(MSG_NOSIGNAL), so that (1) no call blocks past the deadline, however
// the peer behaves, and (2) a peer that hangs up early cannot kill the process with SIGPIPE.
#ifndef CERTVAL_TLS_TRANSPORT_H_
#define CERTVAL_TLS_TRANSPORT_H_

#include <openssl/base.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "absl/base/attributes.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "certval/validator/result.h"

namespace certval::tls {

// "HOST:PORT" or "[IPv6]:PORT". The port must be 1..65535.
ABSL_MUST_USE_RESULT
absl::Status SplitHostPort(absl::string_view text, std::string* host, uint16_t* port);
// The inverse: brackets an IPv6 literal.
std::string JoinHostPort(absl::string_view host, uint16_t port);

// An open file descriptor, closed on destruction.
class Socket {
 public:
  Socket() = default;
  explicit Socket(int fd) : fd_(fd) {}
  Socket(Socket&& other) noexcept : fd_(other.release()) {}
  Socket& operator=(Socket&& other) noexcept;
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  ~Socket();

  int get() const { return fd_; }
  int release();
  bool valid() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

// A TCP connection to host:port (each resolved address in turn) by `deadline`, name resolution
// included. Errors name host:port and why ("connection refused", "timed out", "cannot resolve ...",
// "name resolution timed out").
ABSL_MUST_USE_RESULT
absl::StatusOr<Socket> ConnectTcp(const std::string& host, uint16_t port, absl::Time deadline);

struct HandshakeOutcome {
  bool ok = false;
  std::string error;  // why it failed, e.g. "CERTIFICATE_VERIFY_FAILED" or "timed out"
};

// A TLS connection (client or server) over a connected socket. Owns the socket; `ssl` must
// outlive it, have its connect or accept state set, and have no BIO yet (this gives it one).
class TlsSocket {
 public:
  TlsSocket(SSL* ssl, Socket socket);
  ~TlsSocket();
  TlsSocket(const TlsSocket&) = delete;
  TlsSocket& operator=(const TlsSocket&) = delete;

  // Runs the handshake until it completes, fails, or `deadline` passes. A certval validation
  // during it stops at `deadline` too (tls::SetHandshakeDeadline).
  HandshakeOutcome Handshake(absl::Time deadline);
  // Reads and discards what the peer sends until it closes or `deadline` passes, so that
  // post-handshake messages (TLS 1.3 session tickets) are processed. False on a read error.
  bool Drain(absl::Time deadline);
  // Sends close_notify; best effort (the peer may be gone).
  void Close(absl::Time deadline);

 private:
  HandshakeOutcome RunHandshake(absl::Time deadline);
  bool Flush(absl::Time deadline, std::string* error);  // BIO -> socket, everything pending
  bool Fill(absl::Time deadline, std::string* error);   // socket -> BIO, one read

  SSL* ssl_;
  Socket socket_;
  BIO* network_ = nullptr;  // our end of the BIO pair; the SSL holds the other
};

// A client connection attempt, for callers that want the whole story in one value.
struct DialOptions {
  std::string sni;  // server_name to send; empty sends none (e.g. when dialing an IP address)
  // For name resolution, connect, handshake and certificate validation together.
  absl::Duration timeout = absl::Seconds(10);
  // An absolute deadline instead, for a caller whose clock started earlier; wins over `timeout`.
  std::optional<absl::Time> deadline;
  // Called on the fresh SSL before the handshake (e.g. tls::AttachClient(ssl, ...)).
  std::function<absl::Status(SSL*)> configure;
  // After a completed handshake, read until the server closes (or the deadline), so that TLS 1.3
  // session tickets reach the context's new-session callback (SSL_CTX_sess_set_new_cb).
  bool read_until_close = false;
};

struct DialResult {
  HandshakeOutcome handshake;
  std::string version;   // "TLSv1.3", when the handshake completed
  std::string cipher;    // standard name, when the handshake completed
  bool resumed = false;  // the server accepted the session offered (SSL_session_reused)
  // The binding's ValidationResult (tls::LastResult), when a validation ran.
  std::optional<ValidationResult> validation;
  std::optional<uint8_t> alert_sent;  // the alert certval sent when it rejected the server
};

// Connects and runs a TLS client handshake from `ctx`. An error status means there was no TLS
// conversation at all (unresolvable name, refused or timed-out connection, bad configuration);
// a failed handshake is a DialResult with handshake.ok == false.
ABSL_MUST_USE_RESULT
absl::StatusOr<DialResult> Dial(SSL_CTX* ctx, const std::string& host, uint16_t port,
                                const DialOptions& options);

// The RFC 5246 name of an alert: "certificate_expired", "unknown_ca", "bad_certificate".
std::string AlertName(uint8_t alert);

}  // namespace certval::tls

#endif  // CERTVAL_TLS_TRANSPORT_H_
