// critical_extensions: no certificate of the path has a critical extension certval does not know.
//
// RFC 5280 4.2: "A certificate-using system MUST reject the certificate if it encounters a critical
// extension it does not recognize". Recognised, for every certificate including the anchor and a
// certificate trusted exactly:
// - processed: basicConstraints, keyUsage, extKeyUsage, subjectAltName, nameConstraints, and the
//   policy extensions (certificatePolicies, policyMappings, policyConstraints, inhibitAnyPolicy) by
//   the certificate_policies check (disabling it is reported as policy.checks_disabled);
// - judged by certificate_profile: subjectKeyIdentifier, authorityKeyIdentifier (both MUST be
//   non-critical; saying so is that check's job, not this one's).
// Everything else marked critical, including authorityInfoAccess, is refused.
//
// Codes: unrecognized.
#ifndef CERTVAL_VALIDATOR_CHECKS_CRITICAL_EXTENSIONS_CHECK_H_
#define CERTVAL_VALIDATOR_CHECKS_CRITICAL_EXTENSIONS_CHECK_H_

#include "absl/strings/string_view.h"
#include "certval/validator/certificate.h"
#include "certval/validator/check.h"

namespace certval {

class CriticalExtensionsCheck final : public Check {
 public:
  static constexpr absl::string_view kName = kCheckCriticalExtensions;
  absl::string_view name() const override { return kName; }
  void Run(const PathContext& ctx, FindingReporter& out) const override;

  // Whether certval recognises the extension with this OID (contents) when it is critical.
  static bool IsRecognized(Der oid);
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CHECKS_CRITICAL_EXTENSIONS_CHECK_H_
