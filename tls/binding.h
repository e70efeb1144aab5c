// The TLS binding: BoringSSL asks a certval::Validator whether the peer's certificate is good.
//
// Attach a Validator to an SSL_CTX (every connection made from it) or to one SSL (overrides the
// context for that connection). BoringSSL then calls certval from the handshake, through
// SSL_CTX_set_custom_verify / SSL_set_custom_verify, with the peer's chain as sent. BoringSSL's own
// X.509 verifier is not used at all.
//
//   bssl::UniquePtr<SSL_CTX> ctx(SSL_CTX_new(TLS_method()));
//   certval::tls::AttachClient(ctx.get(), validator);     // validator: shared_ptr<const Validator>
//   bssl::UniquePtr<SSL> ssl(SSL_new(ctx.get()));
//   SSL_set_tlsext_host_name(ssl.get(), "example.com");  // SNI: also the name the server must
//   prove
//   ... SSL_connect(ssl.get()) ...
//   const certval::ValidationResult* result = certval::tls::LastResult(ssl.get());
//
// A rejection fails the handshake with a TLS alert chosen from the first error finding
// (certificate_expired, unknown_ca or bad_certificate; see AlertFor). Accepted or not, the full
// ValidationResult stays readable through LastResult() for the life of the SSL, so a caller can
// log the warnings of a WARN-mode acceptance or the findings of a rejection.
//
// Threads: attach before creating connections; afterwards any number of connections from one
// SSL_CTX may handshake concurrently (the binding is immutable and Validator::Validate is
// thread-safe; each connection's result lives in that connection's SSL). A per-connection
// AttachClient on a context without a context attachment also writes that context (see below):
// make the first one before other connections of the context start.
//
// Protocol settings (versions, cipher suites, renegotiation) are not this file's business: see
// tls/legacy.h for the modern default and the opt-in legacy profile.
#ifndef CERTVAL_TLS_BINDING_H_
#define CERTVAL_TLS_BINDING_H_

#include <openssl/base.h>

#include <cstdint>
#include <memory>
#include <optional>

#include "absl/base/attributes.h"
#include "absl/status/status.h"
#include "absl/time/time.h"
#include "certval/validator/request.h"
#include "certval/validator/result.h"
#include "certval/validator/validator.h"

namespace certval::tls {

struct ClientOptions {
  // The name the server's certificate must be valid for. Unset: the connection's SNI host name
  // (SSL_set_tlsext_host_name; an IP literal there becomes an IP peer name). When the server
  // rejected ECH, its public name is checked instead of either (BoringSSL's contract for
  // SSL_get0_ech_name_override: such a handshake can only fetch retry configs).
  //
  // With no name from any of these the request's name stays unset and the Validator fails it
  // ("peer_name.missing"): a client that checks no name accepts any certificate from the right CA.
  // PeerName::Any() says explicitly that any name will do.
  std::optional<PeerName> peer_name;
  // Everything else of the request: purpose, profile, time, max_depth, key usage, CN fallback.
  // Its leaf and peer name are ignored (the handshake and the field above supply them); its
  // intermediates are added after the peer's, as extra untrusted candidates (e.g. for a server
  // that does not send its intermediate). Its deadline, if set, bounds every validation.
  ValidationRequest request;
  // Longest one validation may take, from the moment the peer's certificate arrives. The
  // connection's handshake deadline (SetHandshakeDeadline; TlsSocket sets it) bounds it too.
  std::optional<absl::Duration> validation_timeout;
  // Ask the server for a stapled OCSP response (status_request) and hand it to the Validator as
  // ValidationRequest::stapled_ocsp: the leaf's revocation status, and OCSP Must-Staple (RFC 7633)
  // enforced. A staple alone speaks for the leaf only; see README "Revocation".
  bool request_ocsp_staple = true;
};

// For a server that asks for client certificates.
struct ServerOptions {
  ServerOptions() { request.purpose = Purpose::kClientAuth; }
  // The name a client's certificate must be valid for. The default is any name: clients are
  // usually anonymous network peers, and the SNI names the server, not the client. Set an email
  // address or DNS name the client must hold to check one (PeerName{} fails every client with
  // "peer_name.missing").
  PeerName peer_name = PeerName::Any();
  ValidationRequest request;  // as in ClientOptions; purpose defaults to clientAuth
  std::optional<absl::Duration> validation_timeout;  // as in ClientOptions
  // false: a client may decline to send a certificate (LastResult() then stays null).
  bool require_certificate = true;
};

// Every connection created from `ctx` afterwards is verified by `validator`. Replaces an earlier
// attachment of the context. Fails on a null argument.
//
// A server does not validate a resumed client certificate again (BoringSSL never does), so
// AttachServer extends the session ID context with a digest of the attachment (validator, expected
// name, request settings): a session resumes only where the client would be judged the same way.
ABSL_MUST_USE_RESULT
absl::Status AttachClient(SSL_CTX* ctx, std::shared_ptr<const Validator> validator,
                          ClientOptions options = {});
ABSL_MUST_USE_RESULT
absl::Status AttachServer(SSL_CTX* ctx, std::shared_ptr<const Validator> validator,
                          ServerOptions options = {});

// One connection only, overriding its context's attachment (e.g. a per-connection peer name).
//
// Resumption: a client re-validates every resumed session, with the name asked for now, under
// either form. BoringSSL reads that switch (SSL_CTX_set_reverify_on_resume) from the SSL_CTX only,
// so AttachClient(SSL*) turns it on for the connection's context: other connections of that
// context must then verify through a custom-verify callback too (certval's does), or their
// resumptions fail. Do not turn it off again.
ABSL_MUST_USE_RESULT
absl::Status AttachClient(SSL* ssl, std::shared_ptr<const Validator> validator,
                          ClientOptions options = {});
ABSL_MUST_USE_RESULT
absl::Status AttachServer(SSL* ssl, std::shared_ptr<const Validator> validator,
                          ServerOptions options = {});

// The result of the connection's latest validation, or null when none ran (no handshake yet, the
// handshake failed before the certificate, the client sent none, or a server resumed a session:
// BoringSSL servers do not re-validate client certificates). Valid until the next handshake on
// `ssl` or SSL_free.
const ValidationResult* LastResult(const SSL* ssl);

// The alert a rejection sends: certificate_expired for validity findings, unknown_ca when no path
// reached a trust anchor, bad_certificate for everything else (including hook rejections).
uint8_t AlertFor(const ValidationResult& result);

// The peer name the binding would check on `ssl` for these options (ECH name, explicit, SNI);
// nullopt when there is none, which the Validator reports as "peer_name.missing".
std::optional<PeerName> ClientPeerName(const SSL* ssl, const ClientOptions& options);

// A Validator granted a Fetcher (ValidatorOptions::fetch) validates on a helper thread
// (tls/async_verify.h): SSL_do_handshake then returns -1 with SSL_ERROR_WANT_CERTIFICATE_VERIFY
// until the validation is done, and must be called again. WaitForVerification blocks until then
// (true) or `deadline` (false); it returns true at once when no validation is pending. An event
// loop may instead retry the handshake on its next turn.
bool WaitForVerification(const SSL* ssl, absl::Time deadline);

// The deadline of the handshake now running on `ssl`: a validation it triggers stops there
// ("limits.deadline_exceeded") instead of outliving the caller's timeout. TlsSocket::Handshake
// sets it and clears it (nullopt) when the handshake ends; a caller that drives the SSL itself
// can do the same. Combined with the options' request.deadline and validation_timeout: the
// earliest wins.
ABSL_MUST_USE_RESULT
absl::Status SetHandshakeDeadline(SSL* ssl, std::optional<absl::Time> deadline);

}  // namespace certval::tls

#endif  // CERTVAL_TLS_BINDING_H_
