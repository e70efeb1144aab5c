// Small helpers shared by the built-in checks; internal to validator/checks and its tests.
// (OIDs are in validator/oids.h.)
#ifndef CERTVAL_VALIDATOR_CHECKS_CHECK_UTIL_H_
#define CERTVAL_VALIDATOR_CHECKS_CHECK_UTIL_H_

#include <cstddef>
#include <string>

#include "absl/time/time.h"
#include "certval/validator/certificate.h"
#include "certval/validator/check.h"

namespace certval {
namespace check_util {

// The rule families of README "Profiles". Every profile runs RFC 5280 6.1's algorithm; these say
// which rules a profile adds on top.
// RFC 5280 section 4's MUSTs on how certificates are encoded: rfc5280_strict, and webpki (the BRs
// adopt them). Not rfc5280: 6.1 does not check them, and PKITS expects them not to be checked.
inline bool EncodingRules(Profile profile) { return profile != Profile::kRfc5280; }
// The CA/Browser Forum Baseline Requirements: webpki only.
inline bool BaselineRequirements(Profile profile) { return profile == Profile::kWebPki; }

// Whom the issuance rules bind (how a CA encodes what it signs, with no security effect of their
// own: CN copies a SAN, key identifiers, criticality flags, ...). The BRs bind the CAs of root
// programs, so under webpki these rules fail a path only when its anchor is a root program's; on a
// path to a private anchor they are advisory warnings. Under rfc5280_strict the caller asked for
// section 4 on every path. Rules with a security effect do not ask: they bind every path.
bool IssuanceRulesBind(const PathContext& ctx);

// Reports the findings of issuance rules: errors (the check's mode) where they bind, advisory
// warnings where they do not. The codes are the same either way.
class IssuanceReporter {
 public:
  IssuanceReporter(const PathContext& ctx, FindingReporter& out)
      : out_(out), binding_(IssuanceRulesBind(ctx)) {}
  void Report(int cert_index, FindingCode code, std::string message);

 private:
  FindingReporter& out_;
  bool binding_;
};

// The BR root profile (7.1.2.1) binds a root from the day it was issued: under webpki each rule on
// a trust anchor's own encoding applies only to roots whose notBefore is on or after the rule's
// effective date. A root issued before knew nothing of it, and browsers still trust it.
//
// | rule                                          | effective  | source                        |
// |-----------------------------------------------|------------|-------------------------------|
// | basicConstraints critical                     | 2012-07-01 | BR 1.0, Appendix B (1)(a)     |
// | no extKeyUsage                                | 2012-07-01 | BR 1.0, Appendix B (1)(d)     |
// | version 3                                     | 2012-07-01 | BR 1.0, Appendix B (1): a     |
// |                                               |            | root carries extensions       |
// | subjectKeyIdentifier present, non-critical    | 2023-09-15 | BR 2.0.0 7.1.2.1.2 (SC-062)   |
// | authorityKeyIdentifier non-critical, its      | 2023-09-15 | BR 2.0.0 7.1.2.1.2, 7.1.2.1.3 |
// | keyIdentifier = the SKI, no issuer and serial |            | (SC-062)                      |
// One exception: a notBefore before June 1996, when the v3 format was standardized (RFC 5280 3.1),
// is back-dated rather than old (x509-limbo dates its roots 1970-01-01 to make them valid at any
// time), says nothing of when the root was made, and every rule applies.
// Any other section 4 rule on the anchor's encoding applies under rfc5280_strict only.
enum class RootRule {
  kBasicConstraintsCritical,
  kNoExtKeyUsage,
  kVersion3,
  kSubjectKeyId,
  kAuthorityKeyId,
};
absl::Time RootRuleEffectiveDate(RootRule rule);
// Whether `rule` binds the root `anchor` under webpki: by its notBefore, as above.
bool RootRuleApplies(const Certificate& anchor, RootRule rule);

// The certificate asserts basicConstraints cA=TRUE (only a v3 certificate can carry the extension).
bool IsCa(const Certificate& cert);

// The path is one certificate the user trusts exactly (TrustKind::kLeaf). Issuer and issuance rules
// do not apply to it; validity, peer name, critical extensions and the purpose do.
bool IsTrustedLeafOnly(const PathContext& ctx);

// RFC 5280's "self-signed": self-issued and signed by its own key. Without spending a public-key
// operation we take "issuer name == subject name" plus, when the path holds the issuer (path[i+1]),
// "issuer key == own key". For the last certificate of the path the name test alone decides.
bool IsSelfSigned(const PathContext& ctx, size_t i);

// For messages: "1.3.6.1.4.1.55738.666.1", or the hex bytes when the OID does not decode.
std::string OidText(Der oid);
// For messages: "2024-04-01T00:00:00Z".
std::string TimeText(absl::Time time);
// For messages: lowercase hex of `bytes`, at most 40 bytes shown.
std::string HexText(Der bytes);

}  // namespace check_util
}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CHECKS_CHECK_UTIL_H_
