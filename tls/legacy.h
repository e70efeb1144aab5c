// Protocol profiles for BoringSSL contexts: the modern one certval's tools use, and an opt-in
// legacy one for old servers. Certificate validation is unaffected by either (that is the
// Validator's policy, see tls/binding.h): the legacy profile is never implied by WARN, DISABLE or
// trust-any, and trust-any never implies the legacy profile.
//
// Why a modern profile at all: BoringSSL's own defaults (TLS_method()) still offer static-RSA and
// AES-CBC-SHA1 suites and accept RSA SHA-1 handshake signatures, so "modern" has to be set.
//
// What BoringSSL cannot do at all, whichever profile, and how that compares with an OpenSSL-based
// "trust any certificate" adapter: tls/README.md.
#ifndef CERTVAL_TLS_LEGACY_H_
#define CERTVAL_TLS_LEGACY_H_

#include <openssl/base.h>

#include <string>

#include "absl/status/status.h"

namespace certval::tls {

// TLS 1.2 and 1.3 only. TLS 1.2 suites: ECDHE key exchange with AES-GCM or ChaCha20-Poly1305
// (TLS 1.3 suites are fixed by BoringSSL). Handshake signatures: no SHA-1.
absl::Status ApplyModernProfile(SSL_CTX* ctx);

// The opt-in legacy profile, for servers that cannot do better:
//   - protocol versions TLS 1.0 to TLS 1.3 (SSLv3 does not exist in BoringSSL);
//   - the widest cipher list this BoringSSL accepts: every suite "ALL" names (AES-CBC with
//     HMAC-SHA1, static-RSA key exchange) plus 3DES-EDE-CBC where it still exists, strongest first;
//     never the authentication-only NULL suites;
//   - SHA-1 handshake signatures (RSA PKCS#1 and ECDSA) accepted;
//   - the server may renegotiate freely (ssl_renegotiate_freely) on every client connection made
//     from `ctx` afterwards. BoringSSL sets renegotiation per SSL, not per SSL_CTX, so this
//     installs an info callback that sets it as each handshake starts, chaining to any callback
//     already installed. A callback installed later replaces it: then call
//     EnableLegacyRenegotiation(ssl).
// Returns an error, changing nothing further, if BoringSSL refuses a setting.
absl::Status EnableLegacyCompatibility(SSL_CTX* ctx);

// Renegotiation for one connection (what EnableLegacyCompatibility arranges for every one).
void EnableLegacyRenegotiation(SSL* ssl);

// The cipher string EnableLegacyCompatibility sets on this BoringSSL build.
std::string LegacyCipherList();
// The cipher string ApplyModernProfile sets.
std::string ModernCipherList();

// Whether EnableLegacyCompatibility was applied to `ctx` (for reports and tests).
bool IsLegacyEnabled(const SSL_CTX* ctx);

}  // namespace certval::tls

#endif  // CERTVAL_TLS_LEGACY_H_
