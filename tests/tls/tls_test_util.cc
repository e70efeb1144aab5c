#include "tests/tls/tls_test_util.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include "absl/strings/str_join.h"
#include "certval/tls/loopback_server.h"

namespace certval::tlstest {
namespace {

using testpki::Key;
using testpki::KeyKind;

constexpr KeyKind kKind = KeyKind::kEcP256;  // cached EC keys: a handshake costs milliseconds

Identity MakeIdentity(const std::vector<std::string>& chain_der, const Key& key) {
  Identity id;
  for (const std::string& der : chain_der) id.chain_pem += testpki::DerToPem(der);
  id.key_pem = key.PrivateKeyPem();
  id.leaf_der = chain_der.front();
  return id;
}

std::string ErrorNames() {
  std::vector<std::string> names;
  while (uint32_t e = ERR_get_error()) {
    const char* reason = ERR_reason_error_string(e);
    names.push_back(reason ? reason : "?");
  }
  return absl::StrJoin(names, ", ");
}

// One step of one side: true while it still needs the other side to move.
bool Step(SSL* ssl, bool* ok, std::string* error) {
  ERR_clear_error();
  int ret = SSL_do_handshake(ssl);
  if (ret == 1) {
    *ok = true;
    return false;
  }
  int err = SSL_get_error(ssl, ret);
  if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) return true;
  *error = ErrorNames();
  if (error->empty()) *error = "SSL error " + std::to_string(err);
  return false;
}

}  // namespace

Pki::Pki()
    : now_(absl::Now()),
      chain_(testpki::MakeChain(kKind, "good.test", now_)),
      other_root_(testpki::TestCa::Root(testpki::RootSpec("certval Other Root CA", now_),
                                        Key::Cached(kKind, 3))) {}

Identity Pki::FromIntermediate(const testpki::CertSpec& spec, const Key& key) const {
  return MakeIdentity({chain_.intermediate_ca().Issue(spec, key), chain_.intermediate}, key);
}

Identity Pki::Good(const std::string& host) const {
  return FromIntermediate(testpki::LeafSpec(host, now_));
}

Identity Pki::GoodRsa(const std::string& host) const {
  // Key usage as RSA server certificates carry it: keyEncipherment too, which BoringSSL requires
  // for static-RSA key exchange (the legacy profile's TLS 1.0 3DES server).
  testpki::CertSpec spec = testpki::LeafSpec(host, now_);
  spec.key_usage = testpki::kKuDigitalSignature | testpki::kKuKeyEncipherment;
  return FromIntermediate(spec, Key::Cached(KeyKind::kRsa2048));
}

Identity Pki::Expired(const std::string& host) const {
  testpki::CertSpec spec = testpki::LeafSpec(host, now_);
  spec.not_before = now_ - absl::Hours(24 * 30);
  spec.not_after = now_ - absl::Hours(24);
  return FromIntermediate(spec);
}

Identity Pki::IpLeaf(const std::string& ip) const { return Good(ip); }

Identity Pki::Untrusted(const std::string& host) const {
  Key key = Key::Cached(kKind, 4);
  return MakeIdentity({other_root_.Issue(testpki::LeafSpec(host, now_), key)}, key);
}

Identity Pki::SelfSigned(const std::string& host) const {
  Key key = Key::Cached(kKind, 5);
  return MakeIdentity({testpki::SelfSigned(testpki::LeafSpec(host, now_), key)}, key);
}

Identity Pki::Client(const std::string& name) const {
  testpki::CertSpec spec = testpki::LeafSpec(name, now_);
  spec.eku = std::vector<std::string>{"clientAuth"};
  return FromIntermediate(spec);
}

std::shared_ptr<TrustStore> Pki::Store() const {
  auto store = std::make_shared<TrustStore>();
  if (!store->AddRootDer(chain_.root).ok()) abort();
  return store;
}

void RecordingSink::OnWarning(const PeerName& /*peer*/, const Finding& finding) {
  absl::MutexLock lock(&mu_);
  codes_.push_back(finding.code);
}

std::vector<std::string> RecordingSink::codes() const {
  absl::MutexLock lock(&mu_);
  return codes_;
}

void DeadlineRecorder::Run(const PathContext& ctx, FindingReporter& /*out*/) const {
  absl::MutexLock lock(&mu_);
  seen_.push_back(ctx.request->deadline);
}

std::vector<std::optional<absl::Time>> DeadlineRecorder::seen() const {
  absl::MutexLock lock(&mu_);
  return seen_;
}

std::shared_ptr<const Validator> MakeRecordingValidator(
    std::shared_ptr<const TrustSource> trust, std::shared_ptr<DeadlineRecorder> recorder) {
  ValidatorOptions options;
  options.custom_checks = {std::move(recorder)};
  options.warning_sink = std::make_shared<NullWarningSink>();
  return std::make_shared<const Validator>(std::move(trust), std::move(options));
}

std::shared_ptr<const Validator> MakeValidator(std::shared_ptr<const TrustSource> trust,
                                               Policy policy,
                                               std::vector<std::shared_ptr<const Hook>> pre,
                                               std::vector<std::shared_ptr<const Hook>> post,
                                               std::shared_ptr<WarningSink> sink) {
  ValidatorOptions options;
  options.policy = std::move(policy);
  options.pre_hooks = std::move(pre);
  options.post_hooks = std::move(post);
  options.warning_sink = sink ? std::move(sink) : std::make_shared<NullWarningSink>();
  return std::make_shared<const Validator>(std::move(trust), std::move(options));
}

bssl::UniquePtr<SSL_CTX> ServerContext(const Identity& identity) {
  auto ctx = tls::NewServerContext(identity.chain_pem, identity.key_pem);
  if (!ctx.ok()) abort();
  return *std::move(ctx);
}

bssl::UniquePtr<SSL_CTX> ClientContext() {
  return bssl::UniquePtr<SSL_CTX>(SSL_CTX_new(TLS_method()));
}

InMemory HandshakeInMemory(SSL_CTX* client_ctx, SSL_CTX* server_ctx, const std::string& sni,
                           const std::function<void(SSL*)>& configure) {
  InMemory out;
  out.client.reset(SSL_new(client_ctx));
  out.server.reset(SSL_new(server_ctx));
  BIO *client_bio = nullptr, *server_bio = nullptr;
  if (!out.client || !out.server || !BIO_new_bio_pair(&client_bio, 0, &server_bio, 0)) abort();
  SSL_set_bio(out.client.get(), client_bio, client_bio);
  SSL_set_bio(out.server.get(), server_bio, server_bio);
  if (!sni.empty()) SSL_set_tlsext_host_name(out.client.get(), sni.c_str());
  if (configure) configure(out.client.get());
  SSL_set_connect_state(out.client.get());
  SSL_set_accept_state(out.server.get());
  bool client_running = true, server_running = true;
  // A TLS handshake takes a handful of flights; the bound only guards against a stuck pair.
  for (int round = 0; round < 64 && (client_running || server_running); ++round) {
    if (client_running) client_running = Step(out.client.get(), &out.client_ok, &out.client_error);
    if (server_running) server_running = Step(out.server.get(), &out.server_ok, &out.server_error);
    // Once one side has failed, the other only needs to read the alert.
    if (!out.client_error.empty() || !out.server_error.empty()) {
      if (client_running)
        client_running = Step(out.client.get(), &out.client_ok, &out.client_error);
      if (server_running)
        server_running = Step(out.server.get(), &out.server_ok, &out.server_error);
      break;
    }
  }
  return out;
}

namespace {
int SessionStoreIndex() {
  static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
  return index;
}
}  // namespace

SessionStore::SessionStore(SSL_CTX* ctx) {
  if (!SSL_CTX_set_ex_data(ctx, SessionStoreIndex(), this)) abort();
  SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_CLIENT);
  SSL_CTX_sess_set_new_cb(ctx, &SessionStore::OnNewSession);
}

int SessionStore::OnNewSession(SSL* ssl, SSL_SESSION* session) {
  auto* store =
      static_cast<SessionStore*>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), SessionStoreIndex()));
  absl::MutexLock lock(&store->mu_);
  store->sessions_.emplace_back(session);
  return 1;  // the reference is ours now
}

size_t SessionStore::size() const {
  absl::MutexLock lock(&mu_);
  return sessions_.size();
}

SSL_SESSION* SessionStore::latest() const {
  absl::MutexLock lock(&mu_);
  return sessions_.empty() ? nullptr : sessions_.back().get();
}

std::vector<std::string> Codes(const ValidationResult& result) {
  std::vector<std::string> codes;
  for (const Finding& f : result.findings) codes.push_back(f.code);
  return codes;
}

}  // namespace certval::tlstest
