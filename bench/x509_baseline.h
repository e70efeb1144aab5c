// The reference points certval is measured against, written once against the OpenSSL-compatible
// X509 API so that the same code compiles into the BoringSSL benchmark (headers from
// android-libboringssl-dev) and into the OpenSSL 3 benchmark (libssl-dev) — two processes, since
// the two libraries cannot share one.
//
//  - the signature floor (SignatureFloor): every signature of the chain verified, presented issuer
//    keys decoded — the public-key work any verifier must do on a handshake;
//  - the legacy verifier: X509_verify_cert as a TLS client runs it, DER parsed on every call, with
//    the time, the host name and the SSL server purpose set.
//
// Bench chains are SHA-256 throughout (RSA PKCS#1 v1.5 or ECDSA), which the floor assumes.
#ifndef CERTVAL_BENCH_X509_BASELINE_H_
#define CERTVAL_BENCH_X509_BASELINE_H_

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace certval::bench {

inline X509* ParseX509(const std::string& der) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
  return d2i_X509(nullptr, &p, static_cast<long>(der.size()));
}

// What one signature verification needs, as bytes: the issuer's SPKI, the signed TBS, the
// signature.
struct SignedEdge {
  std::string issuer_spki, tbs, signature;
};

// The edges of `chain` (leaf first, root last): child i signed by certificate i+1. Empty on error.
inline std::vector<SignedEdge> SignedEdges(const std::vector<std::string>& chain) {
  std::vector<SignedEdge> edges;
  for (size_t i = 0; i + 1 < chain.size(); ++i) {
    X509* child = ParseX509(chain[i]);
    X509* issuer = ParseX509(chain[i + 1]);
    if (child == nullptr || issuer == nullptr) return {};
    SignedEdge edge;
    unsigned char* buf = nullptr;
    int n = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(issuer), &buf);
    edge.issuer_spki.assign(reinterpret_cast<char*>(buf), n);
    OPENSSL_free(buf);
    buf = nullptr;
    n = i2d_re_X509_tbs(child, &buf);
    edge.tbs.assign(reinterpret_cast<char*>(buf), n);
    OPENSSL_free(buf);
    const ASN1_BIT_STRING* sig = nullptr;
    X509_get0_signature(&sig, nullptr, child);
    edge.signature.assign(reinterpret_cast<const char*>(ASN1_STRING_get0_data(sig)),
                          ASN1_STRING_length(sig));
    X509_free(child);
    X509_free(issuer);
    edges.push_back(std::move(edge));
  }
  return edges;
}

// The floor: the work no verifier can avoid on a handshake. Every signature on the path is
// verified, and every presented issuer key (the intermediates') is decoded from its SPKI; the trust
// anchor's key is decoded once, ahead of time, as any verifier keeps its roots.
class SignatureFloor {
 public:
  explicit SignatureFloor(const std::vector<std::string>& chain) : edges_(SignedEdges(chain)) {
    if (!edges_.empty()) root_key_ = DecodeKey(edges_.back().issuer_spki);
  }
  ~SignatureFloor() { EVP_PKEY_free(root_key_); }
  SignatureFloor(const SignatureFloor&) = delete;
  SignatureFloor& operator=(const SignatureFloor&) = delete;

  // True when every signature verifies.
  bool Verify() const {
    bool ok = root_key_ != nullptr;
    for (size_t i = 0; i < edges_.size(); ++i) {
      const SignedEdge& e = edges_[i];
      const bool by_root = i + 1 == edges_.size();
      EVP_PKEY* key = by_root ? root_key_ : DecodeKey(e.issuer_spki);
      EVP_MD_CTX* ctx = EVP_MD_CTX_new();
      ok = ok && key != nullptr &&
           EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1 &&
           EVP_DigestVerify(ctx, reinterpret_cast<const uint8_t*>(e.signature.data()),
                            e.signature.size(), reinterpret_cast<const uint8_t*>(e.tbs.data()),
                            e.tbs.size()) == 1;
      EVP_MD_CTX_free(ctx);
      if (!by_root) EVP_PKEY_free(key);
    }
    return ok;
  }

 private:
  static EVP_PKEY* DecodeKey(const std::string& spki) {
    const unsigned char* p = reinterpret_cast<const unsigned char*>(spki.data());
    return d2i_PUBKEY(nullptr, &p, static_cast<long>(spki.size()));
  }

  std::vector<SignedEdge> edges_;
  EVP_PKEY* root_key_ = nullptr;
};

// X509_verify_cert with a store of trusted roots, built once and shared (read-only) by callers.
class LegacyVerifier {
 public:
  explicit LegacyVerifier(const std::vector<std::string>& roots) : store_(X509_STORE_new()) {
    for (const std::string& der : roots) {
      X509* root = ParseX509(der);
      if (root != nullptr) X509_STORE_add_cert(store_, root);
      X509_free(root);
    }
  }
  ~LegacyVerifier() { X509_STORE_free(store_); }
  LegacyVerifier(const LegacyVerifier&) = delete;
  LegacyVerifier& operator=(const LegacyVerifier&) = delete;

  // Parses `leaf` and `intermediates` and verifies them for `host` at `unix_time`.
  bool Verify(const std::string& leaf, const std::vector<std::string>& intermediates,
              const char* host, int64_t unix_time) const {
    X509* cert = ParseX509(leaf);
    STACK_OF(X509)* untrusted = sk_X509_new_null();
    for (const std::string& der : intermediates) {
      X509* c = ParseX509(der);
      if (c != nullptr) sk_X509_push(untrusted, c);
    }
    X509_STORE_CTX* ctx = X509_STORE_CTX_new();
    bool ok = cert != nullptr && X509_STORE_CTX_init(ctx, store_, cert, untrusted) == 1;
    if (ok) {
      X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx);
      X509_VERIFY_PARAM_set_time(param, static_cast<time_t>(unix_time));
      X509_VERIFY_PARAM_set1_host(param, host, std::strlen(host));
      X509_STORE_CTX_set_purpose(ctx, X509_PURPOSE_SSL_SERVER);
      ok = X509_verify_cert(ctx) == 1;
    }
    X509_STORE_CTX_free(ctx);
    sk_X509_pop_free(untrusted, X509_free);
    X509_free(cert);
    return ok;
  }

 private:
  X509_STORE* store_;
};

}  // namespace certval::bench

#endif  // CERTVAL_BENCH_X509_BASELINE_H_
