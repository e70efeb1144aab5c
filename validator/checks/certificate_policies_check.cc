#include "certval/validator/checks/certificate_policies_check.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "certval/validator/oids.h"
#include "certval/validator/policy_graph.h"

namespace certval {
namespace {

void ReportUnknownQualifier(int index, FindingReporter& out) {
  out.Report(index, code::kCertificatePoliciesUnknownCriticalQualifier,
             "critical certificatePolicies with a policy qualifier other than CPS and user "
             "notice, which certval cannot process (RFC 5280 4.2)");
}

}  // namespace

void CertificatePoliciesCheck::Run(const PathContext& ctx, FindingReporter& out) const {
  // A certificate trusted exactly (AddCert) is its own path: there is nothing above it to
  // constrain.
  if (ctx.path.size() < 2 || ctx.request == nullptr) return;
  // Without a policy constraint or mapping anywhere, and with no explicit policy asked for, only
  // an unreadable critical qualifier can fail the path: no graph is needed (nor allocated).
  const bool constrained =
      ctx.request->policy.initial_explicit_policy ||
      std::any_of(ctx.path.begin(), ctx.path.end(), [](const CertificatePtr& c) {
        return c->has_policy_constraints() || c->has_policy_mappings();
      });
  if (!constrained) {
    for (size_t i = 0; i + 1 < ctx.path.size(); ++i) {
      const auto& policies = ctx.cert(i).certificate_policies();
      if (policies && ctx.cert(i).FindExtension(kOidCertificatePolicies)->critical &&
          std::any_of(policies->begin(), policies->end(),
                      [](const PolicyInformation& p) { return p.has_unknown_qualifier; })) {
        ReportUnknownQualifier(static_cast<int>(i), out);
      }
    }
    return;
  }
  const PolicyOutcome outcome = ProcessPolicies(ctx.path, ctx.request->policy, ctx.budget);
  switch (outcome.failure) {
    case PolicyFailure::kNone:
    case PolicyFailure::kOutOfBudget:  // the Validator reports the limit and refuses the path
      return;
    case PolicyFailure::kExplicitPolicyRequired:
      out.Report(outcome.cert_index, code::kCertificatePoliciesExplicitPolicyRequired,
                 "no certificate policy is valid here, and an explicit policy is required "
                 "(requireExplicitPolicy, or the request's initial_explicit_policy)");
      return;
    case PolicyFailure::kAnyPolicyMapped:
      out.Report(outcome.cert_index, code::kCertificatePoliciesAnyPolicyMapped,
                 "policyMappings maps anyPolicy, which RFC 5280 4.2.1.5 forbids");
      return;
    case PolicyFailure::kNoAcceptablePolicy:
      out.Report(-1, code::kCertificatePoliciesNoAcceptablePolicy,
                 "an explicit policy is required, and none of the acceptable policies (the "
                 "request's user_initial_policy_set) is valid for the path");
      return;
    case PolicyFailure::kUnknownCriticalQualifier:
      ReportUnknownQualifier(outcome.cert_index, out);
      return;
  }
}

}  // namespace certval
