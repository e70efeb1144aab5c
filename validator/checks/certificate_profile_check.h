// certificate_profile: each certificate is well formed for its role: RFC 5280 section 4 MUSTs
// (rfc5280_strict and webpki), CA/Browser Forum Baseline Requirements section 7 (webpki). RFC 5280
// 6.1's algorithm checks none of these, so under rfc5280 this check reports nothing.
//
// Whom they bind: every rule here is an issuance rule (how a CA encodes what it signs), so under
// webpki a path to a private anchor gets its findings as advisory warnings, same codes
// (check_util::IssuanceReporter); rfc5280_strict holds every path to them.
//
// rfc5280_strict and webpki, every certificate of the path below the anchor:
// - serial: positive, non-zero, at most 20 octets (a leading 0x00 for the sign does not count).
// - a CA's (cA=TRUE, or in an issuer position) subject is not empty (4.1.2.6).
// - subject empty: subjectAltName present and critical (4.2.1.6).
// - authorityKeyIdentifier non-critical; its keyIdentifier present in every certificate except a
//   self-signed one (4.2.1.1).
// - subjectKeyIdentifier non-critical; present in every CA certificate (4.2.1.2).
// - authorityInfoAccess non-critical (4.2.2.1).
// - policyConstraints critical (4.2.1.11).
// - nameConstraints only in CA certificates, whatever its criticality (4.2.1.10).
// rfc5280_strict only:
// - nameConstraints critical (the BRs allow it non-critical: 7.1.2.5.2).
// webpki only:
// - version 3 (BR 7.1.1).
// - subjectAltName not critical when the subject is non-empty (BR 7.1.2.7.12).
// - the leaf's subject commonName (BR 7.1.4.3): an address-looking CN is the canonical text (dotted
//   decimal; RFC 5952) of one of the iPAddress SANs; a host-name CN is a byte-for-byte copy of one
//   of the dNSName SANs. A CN is judged only against SAN entries of its own kind, and a host-name
//   CN only when the SAN lists a non-wildcard dNSName: with nothing of its kind to be a copy of,
//   the CN is left alone (x509-limbo's own valid cases carry "CN=example.com" next to
//   "*.example.com" or an IP).
// The trust anchor: rfc5280_strict holds it to its rules above (a cross-signed anchor needs its
// AKI), except the serial's (9 of the 144 roots in Debian's store carry serial 0, and nothing
// depends on an anchor's serial). Under webpki it answers to the BR
// root profile only, each rule for roots issued on or after its effective date (check_util.h):
// - version 3 (since 2012-07-01);
// - subjectKeyIdentifier present (in a CA) and non-critical, authorityKeyIdentifier non-critical,
//   and a self-signed root's authorityKeyIdentifier, when present, has a keyIdentifier equal to
//   the subjectKeyIdentifier and neither authorityCertIssuer nor authorityCertSerialNumber
//   (7.1.2.1.2, 7.1.2.1.3; since 2023-09-15).
// A certificate trusted exactly (TrustKind::kLeaf) is not judged: these are issuance rules.
//
// Certificate::Parse already refuses, so this check never sees: an empty issuer (4.1.2.4), a
// malformed or empty authorityInfoAccess, a nameConstraints with no or empty subtrees, an empty
// subjectAltName, an authorityKeyIdentifier with only one of authorityCertIssuer/SerialNumber.
//
// Codes: serial_negative, serial_zero, serial_too_long, not_v3, ca_subject_empty,
//        san_missing_for_empty_subject, san_not_critical_with_empty_subject, san_critical,
//        aki_critical, aki_missing, aki_missing_key_id, root_aki_missing_key_id,
//        root_aki_ski_mismatch, root_aki_issuer_serial, ski_critical, ski_missing, aia_critical,
//        policy_constraints_not_critical, name_constraints_in_ee, name_constraints_not_critical,
//        cn_not_in_san.
#ifndef CERTVAL_VALIDATOR_CHECKS_CERTIFICATE_PROFILE_CHECK_H_
#define CERTVAL_VALIDATOR_CHECKS_CERTIFICATE_PROFILE_CHECK_H_

#include "absl/strings/string_view.h"
#include "certval/validator/check.h"

namespace certval {

class CertificateProfileCheck final : public Check {
 public:
  static constexpr absl::string_view kName = kCheckProfile;
  absl::string_view name() const override { return kName; }
  void Run(const PathContext& ctx, FindingReporter& out) const override;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CHECKS_CERTIFICATE_PROFILE_CHECK_H_
