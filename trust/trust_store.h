// TrustStore: where trust comes from — anchors (AddRoot), exact certificates (AddCert) and
// distrust (Distrust) — and the TrustSource the path builder asks.
//
// Lookups by normalized subject and by exact DER are hash lookups (O(1) in the number of roots).
// AddRoots() adds many anchors under one lock, so loading 10,000 roots costs 10,000 inserts, not
// 10,000 lock round trips or rehash cascades.
//
// Concurrency: every method is thread-safe. Lookups (FindIssuers, GetTrust, ...) take a shared
// (reader) lock, so validations run in parallel with each other; adding or distrusting takes the
// exclusive lock for the insert only (parsing happens before, outside the lock), so a validation
// waits at most for one insert batch and never sees a half-added root. Each lookup is consistent
// on its own; a root added between two lookups of one validation may be seen by the second only.
//
// Root-program metadata follows the root: a Mozilla root added from any file (the system store's
// copy included) gets Mozilla's trust bits and distrust-after dates (trust/root_programs.h) on top
// of the constraints the caller gives, the stricter of each; a root Mozilla distrusts for every
// purpose is distrusted here too.
//
// A store has a name ("system", "mozilla", "root-store", ...), reported as TrustInfo::source for
// its anchors. Several stores combine into one TrustSource with trust/layered_trust_source.h.
//
// Filling a store from files or the system: trust/loaders.h, trust/system_store.h,
// trust/mozilla_roots.h and trust/root_store_file.h.
#ifndef CERTVAL_TRUST_TRUST_STORE_H_
#define CERTVAL_TRUST_TRUST_STORE_H_

#include <memory>
#include <shared_mutex>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "certval/validator/certificate.h"
#include "certval/validator/trust_source.h"

namespace certval {

class TrustStore : public TrustSource {
 public:
  explicit TrustStore(std::string name = "custom") : name_(std::move(name)) {}
  TrustStore(const TrustStore&) = delete;
  TrustStore& operator=(const TrustStore&) = delete;

  // A trust anchor. `constraints`, when given, limit every path through it (names, EKUs, purposes,
  // distrust-after dates, leaf validity: validator/trust_source.h).
  // `origin` says whether a root program's rules bind the CAs below it (AnchorOrigin): a root of
  // the built-in Mozilla set is kRootProgram whatever is passed (trust/root_programs.h); pass
  // kRootProgram for another program's roots or a PKI that models the public web.
  // Adding the same certificate (same DER) twice keeps the first one, its constraints and origin.
  void AddRoot(CertificatePtr cert, std::shared_ptr<const AnchorConstraints> constraints = nullptr,
               AnchorOrigin origin = AnchorOrigin::kPrivate);
  // Many anchors at once, without constraints: one lock acquisition, indexes sized up front.
  // Returns how many were new (duplicates of each other or of existing roots are not counted).
  size_t AddRoots(const std::vector<CertificatePtr>& certs,
                  AnchorOrigin origin = AnchorOrigin::kPrivate);
  // Trust exactly this certificate (by its full DER) as a one-element path, e.g. a self-signed
  // server certificate. Validity and peer name are still checked unless the policy disables them.
  void AddCert(CertificatePtr cert);
  // Never accept a path through this key, whoever signed it, however its SubjectPublicKeyInfo is
  // encoded (compressed EC points, RSA parameters). Distrust wins over AddRoot/AddCert.
  void Distrust(const Certificate& cert);
  // 32 raw bytes: KeySha256() (any encoding of the key) or SpkiSha256() (these exact bytes).
  void DistrustSpkiSha256(std::string digest);
  // Never accept a path through the certificate whose DER has this SHA-256 (the exact certificate
  // only; other certificates for its key are unaffected): how a root-store file excludes a root.
  void DistrustCertificateSha256(const Sha256Digest& fingerprint);

  // Convenience: parse DER, then AddRoot / AddCert.
  ABSL_MUST_USE_RESULT
  absl::Status AddRootDer(std::string der, AnchorOrigin origin = AnchorOrigin::kPrivate);
  ABSL_MUST_USE_RESULT
  absl::Status AddCertDer(std::string der);

  const std::string& name() const { return name_; }
  size_t root_count() const;
  std::vector<CertificatePtr> Roots() const;
  // Every anchor with its trust (constraints after root-program metadata, origin, source), for
  // listings such as `certval roots`; in no particular order.
  std::vector<std::pair<CertificatePtr, TrustInfo>> Anchors() const;
  bool IsDistrusted(const Certificate& cert) const;

  // TrustSource
  void FindIssuers(const Certificate& child, std::vector<CertificatePtr>* out) const override;
  TrustInfo GetTrust(const Certificate& cert) const override;

 private:
  struct Anchor {
    CertificatePtr cert;
    std::shared_ptr<const AnchorConstraints> constraints;
    AnchorOrigin origin;
  };

  // The one insert path for anchors. Requires: the caller holds mu_ exclusively.
  // False if it was already an anchor.
  bool InsertRootLocked(CertificatePtr cert, std::shared_ptr<const AnchorConstraints> constraints,
                        AnchorOrigin origin);
  // Requires: the caller holds mu_ (shared or exclusive).
  bool DistrustedLocked(const Certificate& cert) const;

  const std::string name_;
  // std::shared_mutex, not absl::Mutex: Debian's Abseil is not TSan-instrumented, pthreads are.
  // Every field below is guarded by mu_ (shared for lookups, exclusive for inserts).
  mutable std::shared_mutex mu_;
  absl::flat_hash_map<std::string, std::vector<Anchor>> by_subject_;
  // Keys view the DER owned by the certificates held in by_subject_ / exact_: anchors and exact
  // certificates are never removed, so the views stay valid and the DER is not stored twice.
  absl::flat_hash_map<absl::string_view, CertificatePtr> exact_;
  absl::flat_hash_set<absl::string_view> root_der_;
  absl::flat_hash_set<std::string> distrusted_spki_;
  absl::flat_hash_set<std::string> distrusted_cert_sha256_;
  size_t root_count_ = 0;
};

// SHA-256 of a certificate's SubjectPublicKeyInfo as encoded (the form SPKI pins use, RFC 7469).
std::string SpkiSha256(const Certificate& cert);
// SHA-256 of the key's canonical SubjectPublicKeyInfo (BoringSSL's encoding of the parsed key), so
// two encodings of one key agree; SpkiSha256 for a key BoringSSL cannot parse. What Distrust uses.
std::string KeySha256(const Certificate& cert);

}  // namespace certval

#endif  // CERTVAL_TRUST_TRUST_STORE_H_
