// Small helpers shared by the built-in checks; internal to validator/checks and its tests.
// (OIDs are in validator/oids.h.)
#ifndef CERTVAL_VALIDATOR_CHECKS_CHECK_UTIL_H_
#define CERTVAL_VALIDATOR_CHECKS_CHECK_UTIL_H_

#include <cstddef>
#include <string>

#include "absl/time/time.h"
#include "validator/certificate.h"
#include "validator/check.h"

namespace certval {
namespace check_util {

// The rule families of README "Profiles". Every profile runs RFC 5280 6.1's algorithm; these say
// which rules a profile adds on top.
// RFC 5280 section 4's MUSTs on how certificates are encoded: rfc5280_strict, and webpki (the BRs
// adopt them). Not rfc5280: 6.1 does not check them, and PKITS expects them not to be checked.
inline bool EncodingRules(Profile profile) { return profile != Profile::kRfc5280; }
// The CA/Browser Forum Baseline Requirements: webpki only.
inline bool BaselineRequirements(Profile profile) { return profile == Profile::kWebPki; }

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
