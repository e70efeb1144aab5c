// name_constraints: RFC 5280 4.2.1.10 / 6.1.3(b,c) over the whole path.
//
// Every nameConstraints extension of a CA in the path (the anchor included) and the anchor's own
// AnchorConstraints apply to every certificate below it, except self-issued intermediates (the leaf
// is always constrained). Names checked: SAN dNSName, iPAddress, rfc822Name, directoryName,
// uniformResourceIdentifier (by its host: name_constraints_match.h); the subject DN (when
// non-empty) against directoryName subtrees and the subject's emailAddress against rfc822Name
// subtrees. Excluded wins over permitted. A wildcard SAN is judged by every name it could stand for
// (so *.example.com meets an excluded bar.example.com: CVE-2025-61727). A name form the extension
// constrains but certval cannot evaluate (otherName, x400, EDI, registeredID) fails closed, as do
// malformed constraints, malformed names under a constraint of their form, and URIs without a host
// name (none, or an IP address) under URI constraints (RFC 5280 4.2.1.10). With the
// request's common-name fallback on, a SAN-less leaf's commonNames are judged as dNSNames. The work
// is charged to the validation's Budget (name comparisons); when it runs out the check stops and
// the Validator refuses the path with "limits.too_many_name_comparisons".
//
// Codes: excluded, not_permitted, invalid_constraint, invalid_name, uri_without_dns_host,
//        unsupported_name_form.
#ifndef CERTVAL_VALIDATOR_CHECKS_NAME_CONSTRAINTS_CHECK_H_
#define CERTVAL_VALIDATOR_CHECKS_NAME_CONSTRAINTS_CHECK_H_

#include "absl/strings/string_view.h"
#include "certval/validator/check.h"

namespace certval {

class NameConstraintsCheck final : public Check {
 public:
  static constexpr absl::string_view kName = kCheckNameConstraints;
  absl::string_view name() const override { return kName; }
  void Run(const PathContext& ctx, FindingReporter& out) const override;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CHECKS_NAME_CONSTRAINTS_CHECK_H_
