// trust_anchor: what the anchor's root program or administrator says about paths through it
// (validator/trust_source.h, AnchorConstraints), beyond names and EKUs:
//   - purpose_not_trusted: the anchor is not trusted for the purpose the path is validated for.
//     serverAuth and clientAuth need the "server" (TLS) trust bit; with Purpose::kAny each purpose
//     the leaf may serve (by its extKeyUsage; none or anyExtendedKeyUsage: TLS and email) needs
//     its bit. A Mozilla root trusted for email only cannot anchor a TLS path.
//   - distrusted_after: the leaf's notBefore is later than the anchor's distrust-after date for
//     the purpose (Mozilla's CKA_NSS_SERVER_DISTRUST_AFTER / _EMAIL_): the CA is being phased out,
//     so what it issued before the date keeps working and nothing newer does.
//   - leaf_validity_too_long: notAfter - notBefore of the leaf exceeds the anchor's
//     max_leaf_validity.
// The Validator's own trust_anchor findings (no_trusted_root, distrusted) share the check's name
// and therefore its Policy mode.
#ifndef CERTVAL_VALIDATOR_CHECKS_TRUST_ANCHOR_CHECK_H_
#define CERTVAL_VALIDATOR_CHECKS_TRUST_ANCHOR_CHECK_H_

#include "absl/strings/string_view.h"
#include "certval/validator/check.h"
#include "certval/validator/codes.h"

namespace certval {

class TrustAnchorCheck final : public Check {
 public:
  static constexpr absl::string_view kName = kCheckTrustAnchor;
  absl::string_view name() const override { return kName; }
  void Run(const PathContext& ctx, FindingReporter& out) const override;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CHECKS_TRUST_ANCHOR_CHECK_H_
