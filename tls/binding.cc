#include "certval/tls/binding.h"

#include <openssl/pool.h>
#include <openssl/sha.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "certval/tls/async_verify.h"
#include "certval/tls/ex_data.h"
#include "certval/validator/checks/builtin.h"
#include "certval/validator/finding.h"
#include "certval/validator/ip_address.h"

namespace certval::tls {
namespace {

// One attachment: immutable once made, shared by every connection that uses it.
struct Binding {
  std::shared_ptr<const Validator> validator;
  bool client_side = true;
  std::optional<PeerName> peer_name;  // client: explicit name, else SNI; server: always set
  ValidationRequest request;  // the template; certificates and peer name filled per handshake
  std::optional<absl::Duration> validation_timeout;
  bool ocsp_staple = false;  // client: stapling was requested, hand the staple to the Validator
};

// Per-connection state, owned by the SSL through its ex_data and freed with it.
struct Connection {
  std::shared_ptr<const Binding> binding;  // a per-SSL attachment; null: use the context's
  std::optional<ValidationResult> result;
  std::optional<absl::Time> handshake_deadline;
  std::shared_ptr<AsyncValidation> pending;  // a validation running on its own thread
};

using BindingSlot = std::shared_ptr<const Binding>;

int ContextIndex() { return ContextExIndex<BindingSlot>(); }
int ConnectionIndex() { return ConnectionExIndex<Connection>(); }

Connection* FindConnection(const SSL* ssl) {
  return static_cast<Connection*>(SSL_get_ex_data(ssl, ConnectionIndex()));
}

// The connection's state, created on first use. Null only if BoringSSL cannot store it.
Connection* MutableConnection(SSL* ssl) {
  if (Connection* conn = FindConnection(ssl)) return conn;
  auto conn = std::make_unique<Connection>();
  if (!SSL_set_ex_data(ssl, ConnectionIndex(), conn.get())) return nullptr;
  return conn.release();
}

// A per-connection attachment wins over the context's.
std::shared_ptr<const Binding> FindBinding(const SSL* ssl) {
  if (const Connection* conn = FindConnection(ssl); conn && conn->binding) return conn->binding;
  const auto* slot =
      static_cast<const BindingSlot*>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), ContextIndex()));
  return slot ? *slot : nullptr;
}

PeerName NameFromText(std::string text) {
  return IsIpAddressText(text) ? PeerName::Ip(std::move(text)) : PeerName::Dns(std::move(text));
}

std::optional<PeerName> ClientName(const SSL* ssl, const std::optional<PeerName>& explicit_name) {
  // A rejected ECH handshake authenticates the public name, whatever the caller meant to reach
  // (BoringSSL's SSL_get0_ech_name_override contract); it can never complete, only retry.
  const char* ech_name = nullptr;
  size_t ech_len = 0;
  SSL_get0_ech_name_override(ssl, &ech_name, &ech_len);
  if (ech_len > 0) return PeerName::Dns(std::string(ech_name, ech_len));
  if (explicit_name && explicit_name->kind != PeerName::Kind::kNone) return explicit_name;
  const char* sni = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
  if (sni != nullptr && *sni != '\0') return NameFromText(sni);
  return std::nullopt;
}

// The peer's certificates as sent: leaf first. False when it sent none.
bool PeerChain(const SSL* ssl, ValidationRequest& request) {
  const STACK_OF(CRYPTO_BUFFER)* chain = SSL_get0_peer_certificates(ssl);
  if (chain == nullptr || sk_CRYPTO_BUFFER_num(chain) == 0) return false;
  for (size_t i = 0; i < sk_CRYPTO_BUFFER_num(chain); ++i) {
    const CRYPTO_BUFFER* buf = sk_CRYPTO_BUFFER_value(chain, i);
    std::string der(reinterpret_cast<const char*>(CRYPTO_BUFFER_data(buf)), CRYPTO_BUFFER_len(buf));
    if (i == 0) {
      request.leaf = std::move(der);
    } else {
      request.intermediates.push_back(std::move(der));
    }
  }
  return true;
}

// The earliest of the template's deadline, the handshake's and the binding's timeout.
std::optional<absl::Time> Deadline(const Binding& binding, const Connection& conn) {
  std::optional<absl::Time> deadline = binding.request.deadline;
  auto bound = [&deadline](absl::Time t) { deadline = deadline ? std::min(*deadline, t) : t; };
  if (conn.handshake_deadline) bound(*conn.handshake_deadline);
  if (binding.validation_timeout) bound(absl::Now() + *binding.validation_timeout);
  return deadline;
}

// With `async`, a validation is started there instead of run (tls/async_verify.h).
ValidationResult Verify(const SSL* ssl, const Binding& binding, const Connection& conn,
                        std::shared_ptr<AsyncValidation>* async = nullptr) {
  ValidationRequest request = binding.request;
  request.deadline = Deadline(binding, conn);
  // The peer's certificates as DER; the template's DER intermediates follow them.
  const std::vector<std::string> extra = std::move(request.intermediates);
  request.leaf.clear();
  request.intermediates.clear();
  request.parsed_leaf = nullptr;
  request.parsed_intermediates.clear();
  const bool sent = PeerChain(ssl, request);
  request.intermediates.insert(request.intermediates.end(), extra.begin(), extra.end());
  if (!sent) {
    ValidationResult result;
    result.findings.push_back(
        MakeFinding(code::kTlsNoPeerCertificate, -1, "the peer sent no certificate"));
    return result;
  }
  // No name at all stays kNone: the Validator reports it ("peer_name.missing") under its policy.
  std::optional<PeerName> name =
      binding.client_side ? ClientName(ssl, binding.peer_name) : binding.peer_name;
  request.peer_name = name.value_or(PeerName{});
  if (binding.client_side && binding.ocsp_staple) {
    const uint8_t* staple = nullptr;
    size_t staple_len = 0;
    SSL_get0_ocsp_response(ssl, &staple, &staple_len);  // none stapled: empty
    request.stapled_ocsp = std::string(reinterpret_cast<const char*>(staple), staple_len);
  }
  if (async != nullptr) {
    *async = AsyncValidation::Start(binding.validator, std::move(request));
    return ValidationResult{};
  }
  return binding.validator->Validate(request);
}

// BoringSSL's custom-verify callback: one Validate() per full handshake, and on a client one per
// resumption too (the session's certificates, for the name asked for now).
ssl_verify_result_t VerifyCallback(SSL* ssl, uint8_t* out_alert) {
  std::shared_ptr<const Binding> binding = FindBinding(ssl);
  Connection* conn = MutableConnection(ssl);
  if (binding == nullptr || conn == nullptr) {
    *out_alert = SSL_AD_INTERNAL_ERROR;
    return ssl_verify_invalid;
  }
  if (conn->pending != nullptr) {  // started by an earlier call of this handshake
    if (!conn->pending->done()) return ssl_verify_retry;
    conn->result = conn->pending->Take();
    conn->pending.reset();
  } else {
    conn->result.reset();  // a renegotiation must not leave the previous handshake's result behind
    // A validation that may fetch must not hold the handshake's thread: it runs on its own.
    const bool may_fetch = binding->validator->options().fetch != nullptr;
    conn->result = Verify(ssl, *binding, *conn, may_fetch ? &conn->pending : nullptr);
    if (conn->pending != nullptr) {
      conn->result.reset();
      return ssl_verify_retry;
    }
  }
  if (conn->result->valid) return ssl_verify_ok;
  *out_alert = AlertFor(*conn->result);
  return ssl_verify_invalid;
}

absl::Status CheckArgs(const void* target, const std::shared_ptr<const Validator>& validator) {
  if (target == nullptr) return absl::InvalidArgumentError("certval::tls: null SSL_CTX or SSL");
  if (validator == nullptr) return absl::InvalidArgumentError("certval::tls: null Validator");
  return absl::OkStatus();
}

// Replaces the context's binding; the old one is freed only once the new one is in place.
absl::Status SetContextBinding(SSL_CTX* ctx, std::shared_ptr<const Binding> binding) {
  auto slot = std::make_unique<BindingSlot>(std::move(binding));
  auto* old = static_cast<BindingSlot*>(SSL_CTX_get_ex_data(ctx, ContextIndex()));
  if (!SSL_CTX_set_ex_data(ctx, ContextIndex(), slot.get())) {
    return absl::InternalError("certval::tls: SSL_CTX_set_ex_data failed");
  }
  slot.release();
  delete old;
  return absl::OkStatus();
}

absl::Status SetConnectionBinding(SSL* ssl, std::shared_ptr<const Binding> binding) {
  Connection* conn = MutableConnection(ssl);
  if (conn == nullptr) return absl::InternalError("certval::tls: SSL_set_ex_data failed");
  conn->binding = std::move(binding);
  return absl::OkStatus();
}

std::shared_ptr<const Binding> ClientBinding(std::shared_ptr<const Validator> validator,
                                             ClientOptions options) {
  return std::make_shared<const Binding>(
      Binding{std::move(validator), /*client_side=*/true, std::move(options.peer_name),
              std::move(options.request), options.validation_timeout,
              /*ocsp_staple=*/options.request_ocsp_staple});
}

std::shared_ptr<const Binding> ServerBinding(std::shared_ptr<const Validator> validator,
                                             ServerOptions options) {
  return std::make_shared<const Binding>(
      Binding{std::move(validator), /*client_side=*/false, std::move(options.peer_name),
              std::move(options.request), options.validation_timeout, /*ocsp_staple=*/false});
}

// BoringSSL servers resume a session without calling the verifier, so a session must resume only
// under an attachment that would judge the client the same way. BoringSSL checks the session ID
// context before resuming: extend the caller's with a digest of what decides the validation.
// The Validator is identified by address: sessions do not resume across processes.
std::string ServerSessionContext(absl::string_view current, const Binding& b, int verify_mode) {
  const ValidationRequest& r = b.request;
  const PeerName name = b.peer_name.value_or(PeerName{});
  SHA256_CTX sha;
  SHA256_Init(&sha);
  auto add = [&sha](absl::string_view part) {
    const uint64_t size = part.size();  // length-prefixed: no two inputs hash alike
    SHA256_Update(&sha, &size, sizeof size);
    SHA256_Update(&sha, part.data(), part.size());
  };
  add("certval server attachment v1");
  add(current);
  add(absl::StrCat(reinterpret_cast<uintptr_t>(b.validator.get())));
  add(absl::StrCat(static_cast<int>(name.kind)));
  add(name.value);
  add(absl::StrCat(static_cast<int>(r.purpose), ",", static_cast<int>(r.profile), ",", verify_mode,
                   ",", r.max_depth.value_or(-1), ",", r.required_key_usage, ",",
                   r.allow_common_name_fallback, ",",
                   r.time ? absl::FormatTime(*r.time) : std::string("now")));
  for (const std::string& der : r.intermediates) add(der);
  std::string digest(SHA256_DIGEST_LENGTH, '\0');
  SHA256_Final(reinterpret_cast<uint8_t*>(digest.data()), &sha);
  static_assert(SHA256_DIGEST_LENGTH <= SSL_MAX_SID_CTX_LENGTH);
  return digest;
}

int ServerVerifyMode(const ServerOptions& options) {
  return SSL_VERIFY_PEER | (options.require_certificate ? SSL_VERIFY_FAIL_IF_NO_PEER_CERT : 0);
}

// The SSL_CTX and SSL forms of each setting an attachment makes, so that one AttachClientTo and
// one AttachServerTo serve both targets.
absl::Status SetBinding(SSL_CTX* ctx, std::shared_ptr<const Binding> binding) {
  return SetContextBinding(ctx, std::move(binding));
}
absl::Status SetBinding(SSL* ssl, std::shared_ptr<const Binding> binding) {
  return SetConnectionBinding(ssl, std::move(binding));
}

void EnableOcspStapling(SSL_CTX* ctx) { SSL_CTX_enable_ocsp_stapling(ctx); }
void EnableOcspStapling(SSL* ssl) { SSL_enable_ocsp_stapling(ssl); }

void SetVerifyCallback(SSL_CTX* ctx, int mode) {
  SSL_CTX_set_custom_verify(ctx, mode, VerifyCallback);
}
void SetVerifyCallback(SSL* ssl, int mode) { SSL_set_custom_verify(ssl, mode, VerifyCallback); }

// Without it BoringSSL resumes a session under any SNI with no callback at all.
void ReverifyOnResume(SSL_CTX* ctx) { SSL_CTX_set_reverify_on_resume(ctx, 1); }
// BoringSSL has no per-SSL switch: resumptions of this connection are re-validated only if its
// context says so. A context with a client attachment already does; skipping the write then
// keeps a running handshake of another connection from seeing the context change.
void ReverifyOnResume(SSL* ssl) {
  SSL_CTX* ctx = SSL_get_SSL_CTX(ssl);
  const auto* slot = static_cast<const BindingSlot*>(SSL_CTX_get_ex_data(ctx, ContextIndex()));
  if (slot == nullptr || *slot == nullptr || !(*slot)->client_side) ReverifyOnResume(ctx);
}

// The session ID context now in force; nullopt when BoringSSL will not tell.
std::optional<std::string> SessionIdContext(const SSL* ssl) {
  size_t len = 0;
  const uint8_t* current = SSL_get0_session_id_context(ssl, &len);
  if (current == nullptr) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(current), len);
}
// The context's session ID context has no getter; a fresh SSL copies it.
std::optional<std::string> SessionIdContext(SSL_CTX* ctx) {
  bssl::UniquePtr<SSL> probe(SSL_new(ctx));
  if (probe == nullptr) return std::nullopt;
  return SessionIdContext(probe.get());
}

absl::Status SetSessionIdContext(SSL_CTX* ctx, absl::string_view sid_ctx) {
  if (!SSL_CTX_set_session_id_context(ctx, reinterpret_cast<const uint8_t*>(sid_ctx.data()),
                                      sid_ctx.size())) {
    return absl::InternalError("certval::tls: SSL_CTX_set_session_id_context failed");
  }
  return absl::OkStatus();
}
absl::Status SetSessionIdContext(SSL* ssl, absl::string_view sid_ctx) {
  if (!SSL_set_session_id_context(ssl, reinterpret_cast<const uint8_t*>(sid_ctx.data()),
                                  sid_ctx.size())) {
    return absl::InternalError("certval::tls: SSL_set_session_id_context failed");
  }
  return absl::OkStatus();
}

// Target: SSL_CTX (every connection made from it) or SSL (that connection only).
template <typename Target>
absl::Status AttachClientTo(Target* target, std::shared_ptr<const Validator> validator,
                            ClientOptions options) {
  if (absl::Status s = CheckArgs(target, validator); !s.ok()) return s;
  const bool staple = options.request_ocsp_staple;
  if (absl::Status s = SetBinding(target, ClientBinding(std::move(validator), std::move(options)));
      !s.ok()) {
    return s;
  }
  if (staple) EnableOcspStapling(target);
  SetVerifyCallback(target, SSL_VERIFY_PEER);
  ReverifyOnResume(target);
  return absl::OkStatus();
}

template <typename Target>
absl::Status AttachServerTo(Target* target, std::shared_ptr<const Validator> validator,
                            ServerOptions options) {
  if (absl::Status s = CheckArgs(target, validator); !s.ok()) return s;
  const int mode = ServerVerifyMode(options);
  std::shared_ptr<const Binding> binding = ServerBinding(std::move(validator), std::move(options));
  const std::optional<std::string> current = SessionIdContext(target);
  if (!current) return absl::InternalError("certval::tls: cannot read the session ID context");
  if (absl::Status s = SetSessionIdContext(target, ServerSessionContext(*current, *binding, mode));
      !s.ok()) {
    return s;
  }
  if (absl::Status s = SetBinding(target, std::move(binding)); !s.ok()) return s;
  SetVerifyCallback(target, mode);
  return absl::OkStatus();
}

}  // namespace

absl::Status AttachClient(SSL_CTX* ctx, std::shared_ptr<const Validator> validator,
                          ClientOptions options) {
  return AttachClientTo(ctx, std::move(validator), std::move(options));
}

absl::Status AttachServer(SSL_CTX* ctx, std::shared_ptr<const Validator> validator,
                          ServerOptions options) {
  return AttachServerTo(ctx, std::move(validator), std::move(options));
}

absl::Status AttachClient(SSL* ssl, std::shared_ptr<const Validator> validator,
                          ClientOptions options) {
  return AttachClientTo(ssl, std::move(validator), std::move(options));
}

absl::Status AttachServer(SSL* ssl, std::shared_ptr<const Validator> validator,
                          ServerOptions options) {
  return AttachServerTo(ssl, std::move(validator), std::move(options));
}

const ValidationResult* LastResult(const SSL* ssl) {
  if (ssl == nullptr) return nullptr;
  const Connection* conn = FindConnection(ssl);
  return conn && conn->result ? &*conn->result : nullptr;
}

uint8_t AlertFor(const ValidationResult& result) {
  for (const Finding& f : result.findings) {
    if (f.severity != Severity::kError) continue;
    // RFC 5246 7.2.2: certificate_expired covers "expired or not currently valid".
    if (f.check == kCheckValidity) return SSL_AD_CERTIFICATE_EXPIRED;
    // No path to a root was found, or the search for one ran out of budget.
    if (f.code == "trust_anchor.no_trusted_root" || f.code == "limits.too_many_signatures" ||
        f.code == "limits.too_many_build_steps" || f.code == "limits.too_many_paths" ||
        f.code == "limits.path_too_deep") {
      return SSL_AD_UNKNOWN_CA;
    }
    return SSL_AD_BAD_CERTIFICATE;
  }
  return SSL_AD_BAD_CERTIFICATE;  // e.g. a hook's rejection, recorded as info
}

std::optional<PeerName> ClientPeerName(const SSL* ssl, const ClientOptions& options) {
  return ClientName(ssl, options.peer_name);
}

bool WaitForVerification(const SSL* ssl, absl::Time deadline) {
  const Connection* conn = ssl == nullptr ? nullptr : FindConnection(ssl);
  return conn == nullptr || conn->pending == nullptr || conn->pending->Wait(deadline);
}

absl::Status SetHandshakeDeadline(SSL* ssl, std::optional<absl::Time> deadline) {
  if (ssl == nullptr) return absl::InvalidArgumentError("certval::tls: null SSL");
  Connection* conn = MutableConnection(ssl);
  if (conn == nullptr) return absl::InternalError("certval::tls: SSL_set_ex_data failed");
  conn->handshake_deadline = deadline;
  return absl::OkStatus();
}

}  // namespace certval::tls
