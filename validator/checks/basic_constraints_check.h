// basic_constraints: issuers are CAs, and pathLenConstraint holds (RFC 5280 4.2.1.9 and
// 6.1.4 (k)-(m)).
//
// Every profile (6.1.4 (k)-(m)):
// - Every issuer (path[1..], the trust anchor included) is a v3 certificate with basicConstraints
//   cA=TRUE. A v1/v2 certificate or a missing extension is not a CA.
// - A CA at position i with pathLenConstraint p is followed by at most p non-self-issued
//   intermediates (positions 1..i-1; the leaf is not counted, self-issued certificates are not
//   counted, as in 6.1.4 (l)).
// rfc5280_strict and webpki (4.2.1.9's encoding MUSTs, which 6.1 does not check):
// - A certificate asserting cA=TRUE marks basicConstraints critical.
// - pathLenConstraint only with cA=TRUE.
// webpki only: the leaf is not a CA (CABF BR 7.1.2.7.8, cA MUST be FALSE). RFC 5280 says nothing
// about the leaf's CA state, so there a CA certificate may be validated as a leaf.
// Under webpki the last three are issuance rules: advisory below a private anchor, and on a trust
// anchor only criticality is judged, for roots issued since BR 1.0 (check_util.h has the dates).
// The cA and pathLen semantics bind every path.
// A certificate trusted exactly (TrustKind::kLeaf) is not judged: these are issuer rules.
//
// Codes: missing, not_ca, not_critical, path_len_without_ca, path_len_exceeded, ca_as_leaf.
#ifndef CERTVAL_VALIDATOR_CHECKS_BASIC_CONSTRAINTS_CHECK_H_
#define CERTVAL_VALIDATOR_CHECKS_BASIC_CONSTRAINTS_CHECK_H_

#include "absl/strings/string_view.h"
#include "certval/validator/check.h"

namespace certval {

class BasicConstraintsCheck final : public Check {
 public:
  static constexpr absl::string_view kName = kCheckBasicConstraints;
  absl::string_view name() const override { return kName; }
  void Run(const PathContext& ctx, FindingReporter& out) const override;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CHECKS_BASIC_CONSTRAINTS_CHECK_H_
