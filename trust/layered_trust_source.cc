#include "certval/trust/layered_trust_source.h"

#include <algorithm>
#include <utility>

namespace certval {

LayeredTrustSource::LayeredTrustSource(std::vector<std::shared_ptr<const TrustSource>> layers)
    : layers_(std::move(layers)) {
  layers_.erase(std::remove(layers_.begin(), layers_.end(), nullptr), layers_.end());
}

void LayeredTrustSource::FindIssuers(const Certificate& child,
                                     std::vector<CertificatePtr>* out) const {
  const size_t first = out->size();
  for (const auto& layer : layers_) {
    const size_t before = out->size();
    layer->FindIssuers(child, out);
    // The same root in two stores (Debian's copy of a Mozilla root) is one candidate, not two.
    for (size_t i = before; i < out->size();) {
      const bool seen =
          std::any_of(out->begin() + first, out->begin() + before,
                      [&](const CertificatePtr& c) { return c->der() == (*out)[i]->der(); });
      if (seen) {
        out->erase(out->begin() + i);
      } else {
        ++i;
      }
    }
  }
}

TrustInfo LayeredTrustSource::GetTrust(const Certificate& cert) const {
  TrustInfo decided;
  for (const auto& layer : layers_) {
    TrustInfo info = layer->GetTrust(cert);
    if (info.kind == TrustKind::kDistrusted) return info;
    if (decided.kind == TrustKind::kUnspecified) decided = std::move(info);
  }
  return decided;
}

}  // namespace certval
