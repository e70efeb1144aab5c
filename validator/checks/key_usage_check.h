// key_usage: keyUsage agrees with the certificate's role (RFC 5280 4.2.1.3, 4.2.1.9).
//
// - Every profile (6.1.4 (n)): an issuer (path[1..]) with keyUsage asserts keyCertSign.
// - rfc5280_strict and webpki (section 4): so does a leaf with basicConstraints cA=TRUE (cA=TRUE
//   without keyCertSign is inconsistent, and pathLenConstraint needs keyCertSign too); and
//   keyCertSign without cA=TRUE is an error ("If the keyCertSign bit is asserted, then the cA bit
//   in the basic constraints extension MUST also be asserted").
// - When the request sets required_key_usage and the leaf has keyUsage, the leaf asserts every
//   required bit (a leaf without keyUsage is unrestricted). This one also applies to a certificate
//   trusted exactly (TrustKind::kLeaf); the structural rules above do not.
//
// (A keyUsage with no bit set never gets here: Certificate::Parse rejects it.)
//
// Codes: missing_key_cert_sign, key_cert_sign_without_ca, missing_required_usage.
#ifndef CERTVAL_VALIDATOR_CHECKS_KEY_USAGE_CHECK_H_
#define CERTVAL_VALIDATOR_CHECKS_KEY_USAGE_CHECK_H_

#include "absl/strings/string_view.h"
#include "certval/validator/check.h"

namespace certval {

class KeyUsageCheck final : public Check {
 public:
  static constexpr absl::string_view kName = kCheckKeyUsage;
  absl::string_view name() const override { return kName; }
  void Run(const PathContext& ctx, FindingReporter& out) const override;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CHECKS_KEY_USAGE_CHECK_H_
