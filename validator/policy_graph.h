// Certificate-policy processing: RFC 5280 6.1.2-6.1.5 over one path, with the valid policy tree
// kept as a graph (one node per policy per depth, with every parent it has; RFC 9618's form of the
// same algorithm). A tree can grow exponentially with the path (CVE-2023-0464); the graph grows
// with certificates x policies, and every node, edge and expected policy is charged to the
// validation's Budget anyway.
#ifndef CERTVAL_VALIDATOR_POLICY_GRAPH_H_
#define CERTVAL_VALIDATOR_POLICY_GRAPH_H_

#include <string>
#include <vector>

#include "absl/types/span.h"
#include "certval/validator/budget.h"
#include "certval/validator/certificate.h"
#include "certval/validator/request.h"

namespace certval {

// Why a path fails policy processing; kNone when it passes.
enum class PolicyFailure {
  kNone,
  kExplicitPolicyRequired,    // 6.1.3(f): no valid policy left while an explicit one is required
  kAnyPolicyMapped,           // 6.1.4(a): policyMappings names anyPolicy
  kNoAcceptablePolicy,        // 6.1.5: explicit policy required, and none of the user's remains
  kUnknownCriticalQualifier,  // a critical certificatePolicies with a qualifier certval cannot read
  kOutOfBudget,               // the Budget ran out (it says which limit)
};

struct PolicyOutcome {
  PolicyFailure failure = PolicyFailure::kNone;
  int cert_index = -1;  // the certificate the failure is about (path index), -1 for the path
  // RFC 5280 6.1.6's outputs (OID contents; anyPolicy as 2.5.29.32.0), meaningful when the path
  // passes: the authorities-constrained and the user-constrained policy sets.
  std::vector<std::string> authority_constrained;
  std::vector<std::string> user_constrained;
};

// Runs policy processing on `path` (leaf first; path.back() is the trust anchor, whose own policy
// extensions take part as constraints when it has any: RFC 5937). `budget` may be null (no limit).
PolicyOutcome ProcessPolicies(absl::Span<const CertificatePtr> path, const PolicyInputs& inputs,
                              Budget* budget);

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_POLICY_GRAPH_H_
