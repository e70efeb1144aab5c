// peer_name: the leaf is for the peer the caller meant (RFC 6125, CA/B Forum BR).
//
// DNS references match subjectAltName dNSNames (case-insensitive; a wildcard only as the whole
// left-most label, never over a public suffix), IP references match iPAddress SANs by value, email
// references match rfc822Name SANs. The subject commonName is consulted only when the leaf has no
// SAN and the request sets allow_common_name_fallback. No peer name in the request: nothing to
// check.
//
// Codes: mismatch, no_san, invalid_reference.
#ifndef CERTVAL_VALIDATOR_CHECKS_PEER_NAME_CHECK_H_
#define CERTVAL_VALIDATOR_CHECKS_PEER_NAME_CHECK_H_

#include "absl/strings/string_view.h"
#include "certval/validator/check.h"

namespace certval {

class PeerNameCheck final : public Check {
 public:
  static constexpr absl::string_view kName = kCheckPeerName;
  absl::string_view name() const override { return kName; }
  void Run(const PathContext& ctx, FindingReporter& out) const override;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CHECKS_PEER_NAME_CHECK_H_
