// revocation: no certificate of the path has been revoked (RFC 5280 6.3, CRLs).
//
// Runs only when the validation has revocation data (CRLs in the request, or RevocationSources in
// the options or the request): a caller who gave none has not asked for revocation checking, and
// gets no finding at all. Which certificates are looked up, and what an unknown status does, is
// the RevocationPolicy (ValidatorOptions::revocation): by default every certificate below the trust
// anchor, and unknown is an advisory warning (soft-fail); kHardFail makes it an error. A trusted
// leaf alone (AddCert) has no issuer to ask and is not looked up. Each certificate's status is
// recorded in ValidationResult::revocation.
//
// Codes: revoked (the check's mode: an error under ENFORCE), unknown (a warning under soft-fail,
// the check's mode under hard-fail).
#ifndef CERTVAL_VALIDATOR_CHECKS_REVOCATION_CHECK_H_
#define CERTVAL_VALIDATOR_CHECKS_REVOCATION_CHECK_H_

#include "absl/strings/string_view.h"
#include "certval/validator/check.h"

namespace certval {

class RevocationCheck final : public Check {
 public:
  static constexpr absl::string_view kName = kCheckRevocation;
  absl::string_view name() const override { return kName; }
  void Run(const PathContext& ctx, FindingReporter& out) const override;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CHECKS_REVOCATION_CHECK_H_
