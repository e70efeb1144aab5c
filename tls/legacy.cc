#include "certval/tls/legacy.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <iterator>
#include <memory>

#include "absl/strings/str_cat.h"
#include "certval/tls/ex_data.h"

namespace certval::tls {
namespace {

using InfoCallback = void (*)(const SSL* ssl, int type, int value);

// What EnableLegacyCompatibility leaves on a context: the info callback it displaced.
struct LegacyState {
  InfoCallback previous = nullptr;
};

int LegacyIndex() { return ContextExIndex<LegacyState>(); }

const LegacyState* FindState(const SSL_CTX* ctx) {
  return static_cast<const LegacyState*>(SSL_CTX_get_ex_data(ctx, LegacyIndex()));
}

// Modern first, so a capable server still negotiates the best; the legacy ones only extend the
// list. "3DES" is named on its own because newer BoringSSL drops it from "ALL"; where it is gone
// entirely the strict parser rejects the name and the next candidate is used. "!aPSK" drops the
// PSK suites ("!PSK" would keep ECDHE-PSK), which need a PSK callback anyway.
constexpr const char* kLegacyCandidates[] = {"ALL:3DES:!aPSK", "ALL:!aPSK"};
constexpr const char* kModernCiphers = "ECDHE+AESGCM:ECDHE+CHACHA20:!aPSK";

// BoringSSL's default verification list without the SHA-1 entry.
constexpr uint16_t kModernSigalgs[] = {
    SSL_SIGN_ECDSA_SECP256R1_SHA256, SSL_SIGN_RSA_PSS_RSAE_SHA256, SSL_SIGN_RSA_PKCS1_SHA256,
    SSL_SIGN_ECDSA_SECP384R1_SHA384, SSL_SIGN_RSA_PSS_RSAE_SHA384, SSL_SIGN_RSA_PKCS1_SHA384,
    SSL_SIGN_RSA_PSS_RSAE_SHA512,    SSL_SIGN_RSA_PKCS1_SHA512,
};
constexpr uint16_t kLegacySigalgs[] = {
    SSL_SIGN_ECDSA_SECP256R1_SHA256, SSL_SIGN_RSA_PSS_RSAE_SHA256, SSL_SIGN_RSA_PKCS1_SHA256,
    SSL_SIGN_ECDSA_SECP384R1_SHA384, SSL_SIGN_RSA_PSS_RSAE_SHA384, SSL_SIGN_RSA_PKCS1_SHA384,
    SSL_SIGN_RSA_PSS_RSAE_SHA512,    SSL_SIGN_RSA_PKCS1_SHA512,    SSL_SIGN_ECDSA_SECP521R1_SHA512,
    SSL_SIGN_RSA_PKCS1_SHA1,         SSL_SIGN_ECDSA_SHA1,
};

absl::Status Refused(const char* what) {
  ERR_clear_error();
  return absl::InvalidArgumentError(absl::StrCat("BoringSSL refused ", what));
}

// Renegotiation is a per-SSL setting in BoringSSL; an SSL_CTX-wide profile sets it on each
// connection as its handshake starts (SSL_set_renegotiate_mode may be called at any time).
void LegacyInfoCallback(const SSL* ssl, int type, int value) {
  if (type == SSL_CB_HANDSHAKE_START && !SSL_is_server(ssl)) {
    // The callback's SSL is const only by signature; the connection itself is ours to configure.
    EnableLegacyRenegotiation(const_cast<SSL*>(ssl));
  }
  const LegacyState* state = FindState(SSL_get_SSL_CTX(ssl));
  if (state != nullptr && state->previous != nullptr) state->previous(ssl, type, value);
}

absl::Status SetCipherList(SSL_CTX* ctx, const char* list) {
  if (!SSL_CTX_set_strict_cipher_list(ctx, list)) return Refused(list);
  return absl::OkStatus();
}

}  // namespace

std::string LegacyCipherList() {
  bssl::UniquePtr<SSL_CTX> probe(SSL_CTX_new(TLS_method()));
  for (const char* candidate : kLegacyCandidates) {
    if (probe && SSL_CTX_set_strict_cipher_list(probe.get(), candidate)) return candidate;
  }
  ERR_clear_error();
  return "ALL";
}

std::string ModernCipherList() { return kModernCiphers; }

absl::Status ApplyModernProfile(SSL_CTX* ctx) {
  if (ctx == nullptr) return absl::InvalidArgumentError("null SSL_CTX");
  if (!SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) ||
      !SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION)) {
    return Refused("TLS 1.2..1.3");
  }
  if (absl::Status s = SetCipherList(ctx, kModernCiphers); !s.ok()) return s;
  if (!SSL_CTX_set_verify_algorithm_prefs(ctx, kModernSigalgs, std::size(kModernSigalgs))) {
    return Refused("the modern signature algorithms");
  }
  return absl::OkStatus();
}

absl::Status EnableLegacyCompatibility(SSL_CTX* ctx) {
  if (ctx == nullptr) return absl::InvalidArgumentError("null SSL_CTX");
  if (!SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION) ||
      !SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION)) {
    return Refused("TLS 1.0..1.3");
  }
  if (absl::Status s = SetCipherList(ctx, LegacyCipherList().c_str()); !s.ok()) return s;
  if (!SSL_CTX_set_verify_algorithm_prefs(ctx, kLegacySigalgs, std::size(kLegacySigalgs))) {
    return Refused("SHA-1 signature algorithms");
  }
  if (FindState(ctx) != nullptr) return absl::OkStatus();  // already installed: do not chain twice
  auto state = std::make_unique<LegacyState>();
  state->previous = SSL_CTX_get_info_callback(ctx);
  if (!SSL_CTX_set_ex_data(ctx, LegacyIndex(), state.get())) return Refused("SSL_CTX ex_data");
  state.release();
  SSL_CTX_set_info_callback(ctx, LegacyInfoCallback);
  return absl::OkStatus();
}

void EnableLegacyRenegotiation(SSL* ssl) {
  if (ssl != nullptr) SSL_set_renegotiate_mode(ssl, ssl_renegotiate_freely);
}

bool IsLegacyEnabled(const SSL_CTX* ctx) { return ctx != nullptr && FindState(ctx) != nullptr; }

}  // namespace certval::tls
