// Shared by the TLS tests: a small PKI of server identities, validators, and an in-memory
// handshake (client and server SSLs joined by a BIO pair, stepped in turn on one thread).
#ifndef CERTVAL_TESTS_TLS_TLS_TEST_UTIL_H_
#define CERTVAL_TESTS_TLS_TLS_TEST_UTIL_H_

#include <openssl/base.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/check.h"
#include "certval/validator/validator.h"

namespace certval::tlstest {

// What a server presents.
struct Identity {
  std::string chain_pem;  // leaf first
  std::string key_pem;
  std::string leaf_der;
};

// root -> intermediate -> leaves, plus an unrelated root and self-signed certificates.
class Pki {
 public:
  Pki();

  const std::string& root_der() const { return chain_.root; }
  const std::string& intermediate_der() const { return chain_.intermediate; }
  const std::string& other_root_der() const { return other_root_.cert_der(); }

  Identity Good(const std::string& host) const;        // chains to root_der()
  Identity GoodRsa(const std::string& host) const;     // the same with an RSA-2048 leaf key
  Identity Expired(const std::string& host) const;     // chains to root_der(), expired yesterday
  Identity IpLeaf(const std::string& ip) const;        // iPAddress SAN
  Identity Untrusted(const std::string& host) const;   // chains to other_root_der()
  Identity SelfSigned(const std::string& host) const;  // a self-signed leaf
  Identity Client(const std::string& name) const;      // clientAuth EKU, chains to root_der()

  // A store trusting root_der().
  std::shared_ptr<TrustStore> Store() const;

 private:
  Identity FromIntermediate(const testpki::CertSpec& spec,
                            const testpki::Key& key = testpki::Key::Cached(kLeafKind, 2)) const;

  static constexpr testpki::KeyKind kLeafKind = testpki::KeyKind::kEcP256;

  absl::Time now_;
  testpki::Chain chain_;
  testpki::TestCa other_root_;
};

// Records every warning, for asserting on WARN-mode behaviour.
class RecordingSink : public WarningSink {
 public:
  void OnWarning(const PeerName& peer, const Finding& finding) override;
  std::vector<std::string> codes() const;

 private:
  mutable absl::Mutex mu_;
  std::vector<std::string> codes_ ABSL_GUARDED_BY(mu_);
};

// A custom check that accepts everything and records the deadline of each request it sees: what
// the binding handed the Validator, whether or not the Validator honours it.
class DeadlineRecorder : public Check {
 public:
  absl::string_view name() const override { return "test_deadline_recorder"; }
  void Run(const PathContext& ctx, FindingReporter& out) const override;
  std::vector<std::optional<absl::Time>> seen() const;

 private:
  mutable absl::Mutex mu_;
  mutable std::vector<std::optional<absl::Time>> seen_ ABSL_GUARDED_BY(mu_);
};

// A Validator trusting `trust` with `recorder` as its only custom check.
std::shared_ptr<const Validator> MakeRecordingValidator(std::shared_ptr<const TrustSource> trust,
                                                        std::shared_ptr<DeadlineRecorder> recorder);

std::shared_ptr<const Validator> MakeValidator(std::shared_ptr<const TrustSource> trust,
                                               Policy policy = Policy(),
                                               std::vector<std::shared_ptr<const Hook>> pre = {},
                                               std::vector<std::shared_ptr<const Hook>> post = {},
                                               std::shared_ptr<WarningSink> sink = nullptr);

bssl::UniquePtr<SSL_CTX> ServerContext(const Identity& identity);
bssl::UniquePtr<SSL_CTX> ClientContext();  // plain TLS_method(), nothing attached

struct InMemory {
  bool client_ok = false, server_ok = false;
  std::string client_error, server_error;  // BoringSSL reason names
  bssl::UniquePtr<SSL> client, server;     // kept for LastResult() and friends
};

// One handshake between fresh SSLs of the two contexts. `sni` empty: none sent. `configure`
// runs on the client SSL first (e.g. a per-connection AttachClient, SSL_set_session).
InMemory HandshakeInMemory(SSL_CTX* client_ctx, SSL_CTX* server_ctx, const std::string& sni,
                           const std::function<void(SSL*)>& configure = nullptr);

// Keeps the sessions a client context receives (SSL_CTX_sess_set_new_cb: TLS 1.2 ones at the end
// of the handshake, TLS 1.3 tickets after it). Must outlive the context's connections.
class SessionStore {
 public:
  explicit SessionStore(SSL_CTX* ctx);
  size_t size() const;
  SSL_SESSION* latest() const;  // null when none arrived; owned by the store

 private:
  static int OnNewSession(SSL* ssl, SSL_SESSION* session);
  mutable absl::Mutex mu_;
  std::vector<bssl::UniquePtr<SSL_SESSION>> sessions_ ABSL_GUARDED_BY(mu_);
};

// The codes of `result`'s findings, in order.
std::vector<std::string> Codes(const ValidationResult& result);

}  // namespace certval::tlstest

#endif  // CERTVAL_TESTS_TLS_TLS_TEST_UTIL_H_
