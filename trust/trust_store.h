// TrustStore: where trust comes from — anchors (AddRoot), exact certificates (AddCert) and
// distrust (Distrust) — and the TrustSource the path builder asks.
//
// Lookups by normalized subject and by subject key identifier are O(1). All methods are thread-safe:
// validations read under a shared lock while roots may be added; a validation never sees a
// half-added root.
#ifndef CERTVAL_TRUST_TRUST_STORE_H_
#define CERTVAL_TRUST_TRUST_STORE_H_

#include "absl/strings/string_view.h"
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "validator/certificate.h"
#include "validator/trust_source.h"

namespace certval {

class TrustStore : public TrustSource {
 public:
  TrustStore() = default;
  TrustStore(const TrustStore&) = delete;
  TrustStore& operator=(const TrustStore&) = delete;

  // A trust anchor. `constraints`, when given, limit every path through it (names and EKUs).
  void AddRoot(CertificatePtr cert, std::shared_ptr<const AnchorConstraints> constraints = nullptr);
  // Trust exactly this certificate (by its full DER) as a one-element path, e.g. a self-signed
  // server certificate. Validity and peer name are still checked unless the policy disables them.
  void AddCert(CertificatePtr cert);
  // Never accept a path through this key, whoever signed it.
  void Distrust(const Certificate& cert);
  void DistrustSpkiSha256(std::string digest);  // 32 raw bytes

  // Convenience: parse DER, then AddRoot / AddCert.
  absl::Status AddRootDer(std::string der);
  absl::Status AddCertDer(std::string der);

  size_t root_count() const;
  std::vector<CertificatePtr> Roots() const;
  std::vector<CertificatePtr> FindBySubjectKeyId(Der key_id) const;

  // TrustSource
  void FindIssuers(const Certificate& child, std::vector<CertificatePtr>* out) const override;
  TrustInfo GetTrust(const Certificate& cert) const override;

 private:
  struct Anchor {
    CertificatePtr cert;
    std::shared_ptr<const AnchorConstraints> constraints;
  };

  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::vector<Anchor>> by_subject_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, std::vector<CertificatePtr>> by_key_id_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<absl::string_view, CertificatePtr> exact_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_set<std::string> distrusted_spki_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_set<std::string> root_der_ ABSL_GUARDED_BY(mu_);
  size_t root_count_ ABSL_GUARDED_BY(mu_) = 0;
};

// SHA-256 of a certificate's SubjectPublicKeyInfo (the form SPKI pins and Distrust use).
std::string SpkiSha256(const Certificate& cert);

}  // namespace certval

#endif  // CERTVAL_TRUST_TRUST_STORE_H_
