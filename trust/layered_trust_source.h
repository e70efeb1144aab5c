// Several trust sources as one, in an explicit order: e.g. an administrator's root-store file, the
// system store and the built-in Mozilla set. Issuers come from every layer. For trust, distrust
// from any layer wins; otherwise the first layer that trusts the certificate decides how (its
// constraints and its source name), so put the layer whose limits must apply (a root-store file
// that constrains a system root by fingerprint) first.
//
// Immutable after construction and thread-safe if the layers are.
#ifndef CERTVAL_TRUST_LAYERED_TRUST_SOURCE_H_
#define CERTVAL_TRUST_LAYERED_TRUST_SOURCE_H_

#include <memory>
#include <vector>

#include "certval/validator/certificate.h"
#include "certval/validator/trust_source.h"

namespace certval {

class LayeredTrustSource : public TrustSource {
 public:
  explicit LayeredTrustSource(std::vector<std::shared_ptr<const TrustSource>> layers);

  const std::vector<std::shared_ptr<const TrustSource>>& layers() const { return layers_; }

  void FindIssuers(const Certificate& child, std::vector<CertificatePtr>* out) const override;
  TrustInfo GetTrust(const Certificate& cert) const override;

 private:
  std::vector<std::shared_ptr<const TrustSource>> layers_;
};

}  // namespace certval

#endif  // CERTVAL_TRUST_LAYERED_TRUST_SOURCE_H_
