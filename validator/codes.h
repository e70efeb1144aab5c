// The registry: every check name and every finding code certval reports by itself.
//
// A code is "<check>.<id>" (e.g. "validity.expired"), stable, and what programs match on. Built-in
// code reports only the constants below, so the compiler catches a misspelt code, and
// //tests:error_codes_test reads AllFindingCodes() to demand a provoking test for each. Custom
// checks and plugins choose their own codes under their own name (FindingReporter::Report).
#ifndef CERTVAL_VALIDATOR_CODES_H_
#define CERTVAL_VALIDATOR_CODES_H_

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace certval {

// Check names: the Policy's keys and the first part of every code.
inline constexpr absl::string_view kCheckSignature = "signature";
inline constexpr absl::string_view kCheckPublicKey = "public_key";
inline constexpr absl::string_view kCheckValidity = "validity";
inline constexpr absl::string_view kCheckBasicConstraints = "basic_constraints";
inline constexpr absl::string_view kCheckKeyUsage = "key_usage";
inline constexpr absl::string_view kCheckExtKeyUsage = "ext_key_usage";
inline constexpr absl::string_view kCheckNameConstraints = "name_constraints";
inline constexpr absl::string_view kCheckCertificatePolicies = "certificate_policies";
inline constexpr absl::string_view kCheckPeerName = "peer_name";
inline constexpr absl::string_view kCheckCriticalExtensions = "critical_extensions";
inline constexpr absl::string_view kCheckProfile = "certificate_profile";
inline constexpr absl::string_view kCheckRevocation = "revocation";
// Reported by the Validator itself, not by a Check object; the Policy may set their modes.
inline constexpr absl::string_view kCheckTrustAnchor = "trust_anchor";
inline constexpr absl::string_view kCheckHooks = "hooks";      // the hook stages
inline constexpr absl::string_view kCheckPinning = "pinning";  // the built-in pinning hook
// Prefixes of findings no Policy can change.
inline constexpr absl::string_view kCheckLimits = "limits";  // budget.h: always errors
inline constexpr absl::string_view kCheckParse = "parse";
inline constexpr absl::string_view kCheckConfiguration = "configuration";
inline constexpr absl::string_view kCheckPolicy = "policy";  // "these checks were disabled"
inline constexpr absl::string_view kCheckTls = "tls";        // the TLS binding's own
// Fetching (validator/fetch_session.h): warnings, never a verdict of their own.
inline constexpr absl::string_view kCheckFetch = "fetch";

// A finding code. Only the registry below makes them; a Finding carries its text.
class FindingCode {
 public:
  constexpr explicit FindingCode(absl::string_view text) : text_(text) {}
  constexpr absl::string_view text() const { return text_; }  // "validity.expired"
  absl::string_view check() const { return text_.substr(0, text_.find('.')); }  // "validity"
  bool operator==(const FindingCode& other) const { return text_ == other.text_; }

 private:
  absl::string_view text_;
};

// X(constant, text) for every code, grouped by check.
#define CERTVAL_FINDING_CODES(X)                                                                 \
  X(kLimitsInputTooLarge, "limits.input_too_large")                                              \
  X(kLimitsTooManyCertificates, "limits.too_many_certificates")                                  \
  X(kLimitsPathTooDeep, "limits.path_too_deep")                                                  \
  X(kLimitsTooManyRevocationInputs, "limits.too_many_revocation_inputs")                         \
  X(kLimitsRevocationInputTooLarge, "limits.revocation_input_too_large")                         \
  X(kLimitsTooManySignatures, "limits.too_many_signatures")                                      \
  X(kLimitsTooManyBuildSteps, "limits.too_many_build_steps")                                     \
  X(kLimitsTooManyPaths, "limits.too_many_paths")                                                \
  X(kLimitsTooManyNameComparisons, "limits.too_many_name_comparisons")                           \
  X(kLimitsDeadlineExceeded, "limits.deadline_exceeded")                                         \
  X(kLimitsTooManyPolicyNodes, "limits.too_many_policy_nodes")                                   \
  X(kLimitsTooManyRevocationSteps, "limits.too_many_revocation_steps")                           \
  X(kParseMalformedLeaf, "parse.malformed_leaf")                                                 \
  X(kParseMalformedIntermediate, "parse.malformed_intermediate")                                 \
  X(kParseMalformedCrl, "parse.malformed_crl")                                                   \
  X(kParseMalformedOcspResponse, "parse.malformed_ocsp_response")                                \
  X(kConfigurationInvalid, "configuration.invalid")                                              \
  X(kPolicyChecksDisabled, "policy.checks_disabled")                                             \
  X(kTrustAnchorDistrusted, "trust_anchor.distrusted")                                           \
  X(kTrustAnchorNoTrustedRoot, "trust_anchor.no_trusted_root")                                   \
  X(kTrustAnchorPurposeNotTrusted, "trust_anchor.purpose_not_trusted")                           \
  X(kTrustAnchorDistrustedAfter, "trust_anchor.distrusted_after")                                \
  X(kTrustAnchorLeafValidityTooLong, "trust_anchor.leaf_validity_too_long")                      \
  X(kHooksHookFailed, "hooks.hook_failed")                                                       \
  X(kHooksAccepted, "hooks.accepted")                                                            \
  X(kHooksRejected, "hooks.rejected")                                                            \
  X(kHooksTrustAny, "hooks.trust_any")                                                           \
  X(kPinningMismatch, "pinning.mismatch")                                                        \
  X(kTlsNoPeerCertificate, "tls.no_peer_certificate")                                            \
  X(kFetchIssuerNotFetched, "fetch.issuer_not_fetched")                                          \
  X(kFetchFailed, "fetch.failed")                                                                \
  X(kFetchUnusable, "fetch.unusable")                                                            \
  X(kFetchTooManyFetches, "fetch.too_many_fetches")                                              \
  X(kFetchTooManyBytes, "fetch.too_many_bytes")                                                  \
  X(kFetchDeadlineExceeded, "fetch.deadline_exceeded")                                           \
  X(kSignatureAlgorithmNotAllowed, "signature.algorithm_not_allowed")                            \
  X(kSignatureInvalid, "signature.invalid")                                                      \
  X(kSignatureWeakAlgorithm, "signature.weak_algorithm")                                         \
  X(kSignatureUnsupportedAlgorithm, "signature.unsupported_algorithm")                           \
  X(kPublicKeyRsaTooSmall, "public_key.rsa_too_small")                                           \
  X(kPublicKeyRsaNotMultipleOf8, "public_key.rsa_not_multiple_of_8")                             \
  X(kPublicKeyEcExplicitCurve, "public_key.ec_explicit_curve")                                   \
  X(kPublicKeyEcCurveNotAllowed, "public_key.ec_curve_not_allowed")                              \
  X(kPublicKeyKeyTypeNotAllowed, "public_key.key_type_not_allowed")                              \
  X(kValidityNotYetValid, "validity.not_yet_valid")                                              \
  X(kValidityExpired, "validity.expired")                                                        \
  X(kBasicConstraintsNotCa, "basic_constraints.not_ca")                                          \
  X(kBasicConstraintsMissing, "basic_constraints.missing")                                       \
  X(kBasicConstraintsNotCritical, "basic_constraints.not_critical")                              \
  X(kBasicConstraintsPathLenWithoutCa, "basic_constraints.path_len_without_ca")                  \
  X(kBasicConstraintsCaAsLeaf, "basic_constraints.ca_as_leaf")                                   \
  X(kBasicConstraintsPathLenExceeded, "basic_constraints.path_len_exceeded")                     \
  X(kKeyUsageMissingKeyCertSign, "key_usage.missing_key_cert_sign")                              \
  X(kKeyUsageKeyCertSignWithoutCa, "key_usage.key_cert_sign_without_ca")                         \
  X(kKeyUsageMissingRequiredUsage, "key_usage.missing_required_usage")                           \
  X(kExtKeyUsagePurposeNotAllowed, "ext_key_usage.purpose_not_allowed")                          \
  X(kExtKeyUsageMissing, "ext_key_usage.missing")                                                \
  X(kExtKeyUsageCritical, "ext_key_usage.critical")                                              \
  X(kExtKeyUsageAnyEku, "ext_key_usage.any_eku")                                                 \
  X(kExtKeyUsageForbiddenInLeaf, "ext_key_usage.forbidden_in_leaf")                              \
  X(kExtKeyUsageRootHasEku, "ext_key_usage.root_has_eku")                                        \
  X(kExtKeyUsageAnchorDisallowsPurpose, "ext_key_usage.anchor_disallows_purpose")                \
  X(kNameConstraintsInvalidConstraint, "name_constraints.invalid_constraint")                    \
  X(kNameConstraintsUnsupportedNameForm, "name_constraints.unsupported_name_form")               \
  X(kNameConstraintsInvalidName, "name_constraints.invalid_name")                                \
  X(kNameConstraintsUriWithoutDnsHost, "name_constraints.uri_without_dns_host")                  \
  X(kNameConstraintsExcluded, "name_constraints.excluded")                                       \
  X(kNameConstraintsNotPermitted, "name_constraints.not_permitted")                              \
  X(kCertificatePoliciesExplicitPolicyRequired, "certificate_policies.explicit_policy_required") \
  X(kCertificatePoliciesAnyPolicyMapped, "certificate_policies.any_policy_mapped")               \
  X(kCertificatePoliciesNoAcceptablePolicy, "certificate_policies.no_acceptable_policy")         \
  X(kCertificatePoliciesUnknownCriticalQualifier,                                                \
    "certificate_policies.unknown_critical_qualifier")                                           \
  X(kPeerNameInvalidReference, "peer_name.invalid_reference")                                    \
  X(kPeerNameNoSan, "peer_name.no_san")                                                          \
  X(kPeerNameMismatch, "peer_name.mismatch")                                                     \
  X(kPeerNameMissing, "peer_name.missing")                                                       \
  X(kCriticalExtensionsUnrecognized, "critical_extensions.unrecognized")                         \
  X(kCertificateProfileSerialNegative, "certificate_profile.serial_negative")                    \
  X(kCertificateProfileSerialZero, "certificate_profile.serial_zero")                            \
  X(kCertificateProfileSerialTooLong, "certificate_profile.serial_too_long")                     \
  X(kCertificateProfileSanCritical, "certificate_profile.san_critical")                          \
  X(kCertificateProfileCaSubjectEmpty, "certificate_profile.ca_subject_empty")                   \
  X(kCertificateProfileSanMissingForEmptySubject,                                                \
    "certificate_profile.san_missing_for_empty_subject")                                         \
  X(kCertificateProfileSanNotCriticalWithEmptySubject,                                           \
    "certificate_profile.san_not_critical_with_empty_subject")                                   \
  X(kCertificateProfileAkiCritical, "certificate_profile.aki_critical")                          \
  X(kCertificateProfileAkiMissing, "certificate_profile.aki_missing")                            \
  X(kCertificateProfileAkiMissingKeyId, "certificate_profile.aki_missing_key_id")                \
  X(kCertificateProfileRootAkiMissingKeyId, "certificate_profile.root_aki_missing_key_id")       \
  X(kCertificateProfileRootAkiSkiMismatch, "certificate_profile.root_aki_ski_mismatch")          \
  X(kCertificateProfileRootAkiIssuerSerial, "certificate_profile.root_aki_issuer_serial")        \
  X(kCertificateProfileSkiCritical, "certificate_profile.ski_critical")                          \
  X(kCertificateProfileSkiMissing, "certificate_profile.ski_missing")                            \
  X(kCertificateProfileAiaCritical, "certificate_profile.aia_critical")                          \
  X(kCertificateProfilePolicyConstraintsNotCritical,                                             \
    "certificate_profile.policy_constraints_not_critical")                                       \
  X(kCertificateProfileNameConstraintsInEe, "certificate_profile.name_constraints_in_ee")        \
  X(kCertificateProfileNameConstraintsNotCritical,                                               \
    "certificate_profile.name_constraints_not_critical")                                         \
  X(kCertificateProfileCnNotInSan, "certificate_profile.cn_not_in_san")                          \
  X(kCertificateProfileNotV3, "certificate_profile.not_v3")                                      \
  X(kRevocationRevoked, "revocation.revoked")                                                    \
  X(kRevocationUnknown, "revocation.unknown")                                                    \
  X(kRevocationMustStapleMissing, "revocation.must_staple_missing")

namespace code {
#define CERTVAL_DEFINE_FINDING_CODE(name, text) inline constexpr FindingCode name{text};
CERTVAL_FINDING_CODES(CERTVAL_DEFINE_FINDING_CODE)
#undef CERTVAL_DEFINE_FINDING_CODE
}  // namespace code

// Every code above, in registry order.
absl::Span<const FindingCode> AllFindingCodes();

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CODES_H_
