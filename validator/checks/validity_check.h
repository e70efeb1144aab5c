// validity: every certificate of the path, the anchor included, is within its validity period.
//
// RFC 5280 4.1.2.5: notBefore <= time <= notAfter, both ends inclusive. Certificate times have
// whole seconds, so the validation time is floored to the second first: 00:00:00.005 is still
// within a notAfter of 00:00:00, and 00:00:00.999 is still before a notBefore of 00:00:01.
//
// Codes: not_yet_valid, expired.
#ifndef CERTVAL_VALIDATOR_CHECKS_VALIDITY_CHECK_H_
#define CERTVAL_VALIDATOR_CHECKS_VALIDITY_CHECK_H_

#include "absl/strings/string_view.h"
#include "certval/validator/check.h"

namespace certval {

class ValidityCheck final : public Check {
 public:
  static constexpr absl::string_view kName = kCheckValidity;
  absl::string_view name() const override { return kName; }
  void Run(const PathContext& ctx, FindingReporter& out) const override;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CHECKS_VALIDITY_CHECK_H_
