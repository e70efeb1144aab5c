// ext_key_usage: the path may be used for the request's purpose (serverAuth, clientAuth or any).
//
// Leaf:
// - An extKeyUsage, when present, contains the purpose. anyExtendedKeyUsage satisfies any
//   purpose under rfc5280 and rfc5280_strict; a leaf without extKeyUsage is unrestricted there.
// - webpki (CABF BR 7.1.2.7.10): the leaf has extKeyUsage, not critical, without
//   anyExtendedKeyUsage, codeSigning, timeStamping or OCSPSigning. These bind every path, private
//   ones too: they limit what the key may be used for.
// CAs:
// - webpki: a root (a self-signed trust anchor) issued since BR 1.0 (2012-07-01) has no
//   extKeyUsage (CABF BR 7.1.2.1.2); an issuance rule, advisory below a private root
//   (check_util.h).
// - Every CA with extKeyUsage, the root included, constrains the path below it: it contains the
//   purpose or anyExtendedKeyUsage (the common practice of browsers and Go; RFC 5280 is silent).
// - An anchor added with AnchorConstraints::allowed_ekus permits only those purposes.
// Purpose "any" skips the purpose tests (and the anchor list). A certificate trusted exactly
// (TrustKind::kLeaf) gets the purpose tests only: the CABF rules are issuance rules.
//
// (An empty extKeyUsage never gets here: Certificate::Parse rejects it, RFC 5280 4.2.1.12.)
//
// Codes: purpose_not_allowed, missing, critical, any_eku, forbidden_in_leaf, root_has_eku,
//        anchor_disallows_purpose.
#ifndef CERTVAL_VALIDATOR_CHECKS_EXT_KEY_USAGE_CHECK_H_
#define CERTVAL_VALIDATOR_CHECKS_EXT_KEY_USAGE_CHECK_H_

#include "absl/strings/string_view.h"
#include "certval/validator/check.h"

namespace certval {

class ExtKeyUsageCheck final : public Check {
 public:
  static constexpr absl::string_view kName = kCheckExtKeyUsage;
  absl::string_view name() const override { return kName; }
  void Run(const PathContext& ctx, FindingReporter& out) const override;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CHECKS_EXT_KEY_USAGE_CHECK_H_
