// certificate_policies: RFC 5280 6.1's certificate-policy processing over the whole path
// (validator/policy_graph.h): the valid policy graph, policy mappings, requireExplicitPolicy,
// inhibitPolicyMapping and inhibitAnyPolicy, with the request's PolicyInputs (RFC 5280 6.1.1). A
// critical certificatePolicies whose qualifier certval does not know refuses the path (RFC 5280
// 4.2). The work is charged to the validation's Budget ("limits.too_many_policy_nodes").
//
// Codes: explicit_policy_required (6.1.3(f), on the certificate where no policy was left),
//        any_policy_mapped (6.1.4(a)), no_acceptable_policy (6.1.5(g): none of the user's
//        policies is valid and an explicit policy is required), unknown_critical_qualifier.
#ifndef CERTVAL_VALIDATOR_CHECKS_CERTIFICATE_POLICIES_CHECK_H_
#define CERTVAL_VALIDATOR_CHECKS_CERTIFICATE_POLICIES_CHECK_H_

#include "absl/strings/string_view.h"
#include "certval/validator/check.h"

namespace certval {

class CertificatePoliciesCheck final : public Check {
 public:
  static constexpr absl::string_view kName = kCheckCertificatePolicies;
  absl::string_view name() const override { return kName; }
  void Run(const PathContext& ctx, FindingReporter& out) const override;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CHECKS_CERTIFICATE_POLICIES_CHECK_H_
