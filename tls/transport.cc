#include "certval/tls/transport.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "certval/tls/binding.h"
#include "certval/tls/resolve.h"

namespace certval::tls {
namespace {

constexpr size_t kChunk = 16 * 1024;
// A handshake is a few dozen records; this only stops a misbehaving peer from spinning us.
constexpr int kMaxHandshakeSteps = 10000;

// Milliseconds until `deadline` for poll(), at least 0.
int PollTimeout(absl::Time deadline) {
  absl::Duration left = deadline - absl::Now();
  if (left <= absl::ZeroDuration()) return 0;
  return static_cast<int>(std::min<int64_t>(absl::ToInt64Milliseconds(left) + 1, 1 << 30));
}

// Waits for `events` on `fd`; false (with `error` set) on timeout or failure.
bool WaitFor(int fd, short events, absl::Time deadline, std::string* error) {
  for (;;) {
    pollfd p{fd, events, 0};
    int n = poll(&p, 1, PollTimeout(deadline));
    if (n > 0) return true;
    if (n == 0) {
      *error = "timed out";
      return false;
    }
    if (errno != EINTR) {
      *error = absl::StrCat("poll: ", std::strerror(errno));
      return false;
    }
  }
}

bool SendAll(int fd, const char* data, size_t len, absl::Time deadline, std::string* error) {
  while (len > 0) {
    ssize_t n = send(fd, data, len, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      data += n;
      len -= static_cast<size_t>(n);
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!WaitFor(fd, POLLOUT, deadline, error)) return false;
    } else if (n < 0 && errno != EINTR) {
      *error = absl::StrCat("send: ", std::strerror(errno));
      return false;
    }
  }
  return true;
}

// BoringSSL's error queue as reason names, e.g. "TLSV1_ALERT_UNKNOWN_CA".
std::string DescribeSslError(int ssl_error) {
  std::vector<std::string> reasons;
  while (uint32_t packed = ERR_get_error()) {
    const char* reason = ERR_reason_error_string(packed);
    reasons.push_back(reason ? reason : absl::StrCat("error 0x", absl::Hex(packed)));
  }
  if (!reasons.empty()) return absl::StrJoin(reasons, ", ");
  switch (ssl_error) {
    case SSL_ERROR_ZERO_RETURN:
    case SSL_ERROR_SYSCALL:
      return "the peer closed the connection";
    default:
      return absl::StrCat("SSL error ", ssl_error);
  }
}

// One non-blocking connect to `addr`, finished by `deadline`.
absl::StatusOr<Socket> ConnectOne(const addrinfo& addr, absl::Time deadline) {
  Socket sock(
      socket(addr.ai_family, addr.ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, addr.ai_protocol));
  if (!sock.valid()) return absl::UnavailableError(absl::StrCat("socket: ", std::strerror(errno)));
  if (connect(sock.get(), addr.ai_addr, addr.ai_addrlen) == 0) return sock;
  if (errno != EINPROGRESS) return absl::UnavailableError(std::strerror(errno));
  std::string error;
  if (!WaitFor(sock.get(), POLLOUT, deadline, &error)) return absl::DeadlineExceededError(error);
  int so_error = 0;
  socklen_t len = sizeof so_error;
  if (getsockopt(sock.get(), SOL_SOCKET, SO_ERROR, &so_error, &len) != 0) so_error = errno;
  if (so_error != 0) return absl::UnavailableError(std::strerror(so_error));
  return sock;
}

}  // namespace

absl::Status SplitHostPort(absl::string_view text, std::string* host, uint16_t* port) {
  absl::string_view h, p;
  if (!text.empty() && text.front() == '[') {
    size_t close = text.find(']');
    if (close == absl::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      return absl::InvalidArgumentError(absl::StrCat("'", text, "': expected [IPv6]:PORT"));
    }
    h = text.substr(1, close - 1);
    p = text.substr(close + 2);
  } else {
    size_t colon = text.rfind(':');
    if (colon == absl::string_view::npos || text.find(':') != colon) {
      return absl::InvalidArgumentError(absl::StrCat("'", text, "': expected HOST:PORT"));
    }
    h = text.substr(0, colon);
    p = text.substr(colon + 1);
  }
  uint32_t number = 0;
  if (h.empty() || !absl::SimpleAtoi(p, &number) || number == 0 || number > 65535 ||
      p.find_first_not_of("0123456789") != absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", text, "': expected HOST:PORT with a port of 1..65535"));
  }
  *host = std::string(h);
  *port = static_cast<uint16_t>(number);
  return absl::OkStatus();
}

std::string JoinHostPort(absl::string_view host, uint16_t port) {
  if (host.find(':') != absl::string_view::npos) return absl::StrCat("[", host, "]:", port);
  return absl::StrCat(host, ":", port);
}

Socket& Socket::operator=(Socket&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) close(fd_);
    fd_ = other.release();
  }
  return *this;
}

Socket::~Socket() {
  if (fd_ >= 0) close(fd_);
}

int Socket::release() {
  int fd = fd_;
  fd_ = -1;
  return fd;
}

absl::StatusOr<Socket> ConnectTcp(const std::string& host, uint16_t port, absl::Time deadline) {
  const std::string where = JoinHostPort(host, port);
  absl::StatusOr<AddrInfoList> list = ResolveTcp(host, port, deadline);
  if (!list.ok())
    return absl::Status(list.status().code(), absl::StrCat(where, ": ", list.status().message()));
  absl::Status last = absl::UnavailableError("no address");
  for (addrinfo* a = list->get(); a != nullptr; a = a->ai_next) {
    absl::StatusOr<Socket> sock = ConnectOne(*a, deadline);
    if (sock.ok()) return sock;
    last = sock.status();
  }
  return absl::Status(last.code(), absl::StrCat(where, ": ", last.message()));
}

TlsSocket::TlsSocket(SSL* ssl, Socket socket) : ssl_(ssl), socket_(std::move(socket)) {
  BIO* internal = nullptr;
  if (BIO_new_bio_pair(&internal, kChunk, &network_, kChunk)) {
    SSL_set_bio(ssl_, internal, internal);  // the SSL takes its half
  } else {
    network_ = nullptr;
  }
}

TlsSocket::~TlsSocket() { BIO_free(network_); }

bool TlsSocket::Flush(absl::Time deadline, std::string* error) {
  char buf[kChunk];
  for (;;) {
    int n = BIO_read(network_, buf, sizeof buf);
    if (n <= 0) return true;  // nothing (more) to send
    if (!SendAll(socket_.get(), buf, static_cast<size_t>(n), deadline, error)) return false;
  }
}

bool TlsSocket::Fill(absl::Time deadline, std::string* error) {
  char buf[kChunk];
  size_t room = std::min(BIO_ctrl_get_write_guarantee(network_), sizeof buf);
  if (room == 0) return true;  // the SSL has not consumed what it has; let it run
  for (;;) {
    if (!WaitFor(socket_.get(), POLLIN, deadline, error)) return false;
    ssize_t n = recv(socket_.get(), buf, room, MSG_DONTWAIT);
    if (n > 0) return BIO_write(network_, buf, static_cast<int>(n)) == n;
    if (n == 0) {
      BIO_shutdown_wr(network_);  // the SSL will see end of stream and fail with it
      return true;
    }
    if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
      *error = absl::StrCat("recv: ", std::strerror(errno));
      return false;
    }
  }
}

HandshakeOutcome TlsSocket::Handshake(absl::Time deadline) {
  if (network_ == nullptr) return {false, "cannot create a BIO pair"};
  if (!SetHandshakeDeadline(ssl_, deadline).ok()) return {false, "cannot set the deadline"};
  HandshakeOutcome outcome = RunHandshake(deadline);
  // Not for later handshakes (a renegotiation driven by someone else): they have their own.
  SetHandshakeDeadline(ssl_, std::nullopt).IgnoreError();
  return outcome;
}

HandshakeOutcome TlsSocket::RunHandshake(absl::Time deadline) {
  for (int step = 0; step < kMaxHandshakeSteps; ++step) {
    if (absl::Now() > deadline) return {false, "timed out"};
    ERR_clear_error();
    const int ret = SSL_do_handshake(ssl_);
    const int ssl_error = ret == 1 ? SSL_ERROR_NONE : SSL_get_error(ssl_, ret);
    // Read the error queue before any other call can clear it; send what the SSL wrote (our last
    // flight, or the alert of a failure) before anything else.
    std::string failure = ret == 1 || ssl_error == SSL_ERROR_WANT_READ ||
                                  ssl_error == SSL_ERROR_WANT_WRITE ||
                                  ssl_error == SSL_ERROR_WANT_CERTIFICATE_VERIFY
                              ? std::string()
                              : DescribeSslError(ssl_error);
    std::string io_error;
    const bool flushed = Flush(deadline, &io_error);
    if (!failure.empty()) return {false, failure};
    if (!flushed) return {false, io_error};
    if (ret == 1) return {true, ""};
    if (ssl_error == SSL_ERROR_WANT_READ && !Fill(deadline, &io_error)) return {false, io_error};
    // certval validates on its own thread (it may fetch): wait for it, not in the callback.
    if (ssl_error == SSL_ERROR_WANT_CERTIFICATE_VERIFY && !WaitForVerification(ssl_, deadline)) {
      return {false, "timed out"};
    }
  }
  return {false, "handshake did not finish"};
}

bool TlsSocket::Drain(absl::Time deadline) {
  if (network_ == nullptr) return false;
  char buf[kChunk];
  for (int step = 0; step < kMaxHandshakeSteps; ++step) {
    ERR_clear_error();
    const int n = SSL_read(ssl_, buf, sizeof buf);
    if (n > 0) continue;
    const int ssl_error = SSL_get_error(ssl_, n);
    std::string io_error;
    if (!Flush(deadline, &io_error)) return false;  // e.g. a key update's answer
    if (ssl_error == SSL_ERROR_ZERO_RETURN) return true;
    if (ssl_error != SSL_ERROR_WANT_READ) {
      ERR_clear_error();
      return ssl_error == SSL_ERROR_SYSCALL;  // end of stream without close_notify
    }
    if (absl::Now() > deadline || !Fill(deadline, &io_error)) return false;
  }
  return false;
}

void TlsSocket::Close(absl::Time deadline) {
  if (network_ == nullptr) return;
  SSL_shutdown(ssl_);
  std::string ignored;
  Flush(deadline, &ignored);
  ERR_clear_error();
}

absl::StatusOr<DialResult> Dial(SSL_CTX* ctx, const std::string& host, uint16_t port,
                                const DialOptions& options) {
  const absl::Time deadline = options.deadline.value_or(absl::Now() + options.timeout);
  absl::StatusOr<Socket> sock = ConnectTcp(host, port, deadline);
  if (!sock.ok()) return sock.status();
  bssl::UniquePtr<SSL> ssl(SSL_new(ctx));
  if (ssl == nullptr) return absl::InternalError("SSL_new failed");
  if (!options.sni.empty() && !SSL_set_tlsext_host_name(ssl.get(), options.sni.c_str())) {
    return absl::InvalidArgumentError(absl::StrCat("cannot send server name '", options.sni, "'"));
  }
  if (options.configure) {
    if (absl::Status s = options.configure(ssl.get()); !s.ok()) return s;
  }
  SSL_set_connect_state(ssl.get());
  DialResult result;
  TlsSocket tls(ssl.get(), *std::move(sock));
  result.handshake = tls.Handshake(deadline);
  result.resumed = SSL_session_reused(ssl.get());
  if (result.handshake.ok) {
    result.version = SSL_get_version(ssl.get());
    result.cipher = SSL_CIPHER_standard_name(SSL_get_current_cipher(ssl.get()));
    if (options.read_until_close) tls.Drain(deadline);
    tls.Close(std::min(deadline, absl::Now() + absl::Seconds(1)));
  }
  if (const ValidationResult* validation = LastResult(ssl.get())) {
    result.validation = *validation;
    if (!validation->valid) result.alert_sent = AlertFor(*validation);
  }
  return result;
}

std::string AlertName(uint8_t alert) {
  // "certificate expired" / "unknown CA" -> the RFC spelling, "certificate_expired" / "unknown_ca".
  std::string name = SSL_alert_desc_string_long(alert);
  for (char& c : name) {
    c = c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return name;
}

}  // namespace certval::tls
