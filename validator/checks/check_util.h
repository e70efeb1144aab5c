// Small helpers shared by the built-in checks. Internal to validator/checks (and its tests).
#ifndef CERTVAL_VALIDATOR_CHECKS_CHECK_UTIL_H_
#define CERTVAL_VALIDATOR_CHECKS_CHECK_UTIL_H_

#include <cstddef>
#include <string>

#include "absl/time/time.h"
#include "validator/certificate.h"
#include "validator/check.h"

namespace certval {
namespace check_util {

// OID contents (DER without tag and length) of the extensions and purposes the checks name.
// TODO(checks): switch to validator/oids.h once it lands.
namespace oid {
inline constexpr Der kSubjectKeyIdentifier("\x55\x1d\x0e", 3);
inline constexpr Der kKeyUsage("\x55\x1d\x0f", 3);
inline constexpr Der kSubjectAltName("\x55\x1d\x11", 3);
inline constexpr Der kBasicConstraints("\x55\x1d\x13", 3);
inline constexpr Der kNameConstraints("\x55\x1d\x1e", 3);
inline constexpr Der kCertificatePolicies("\x55\x1d\x20", 3);
inline constexpr Der kPolicyMappings("\x55\x1d\x21", 3);
inline constexpr Der kAuthorityKeyIdentifier("\x55\x1d\x23", 3);
inline constexpr Der kPolicyConstraints("\x55\x1d\x24", 3);
inline constexpr Der kExtKeyUsage("\x55\x1d\x25", 3);
inline constexpr Der kInhibitAnyPolicy("\x55\x1d\x36", 3);
inline constexpr Der kAuthorityInfoAccess("\x2b\x06\x01\x05\x05\x07\x01\x01", 8);
inline constexpr Der kAnyExtendedKeyUsage("\x55\x1d\x25\x00", 4);
inline constexpr Der kServerAuth("\x2b\x06\x01\x05\x05\x07\x03\x01", 8);
inline constexpr Der kClientAuth("\x2b\x06\x01\x05\x05\x07\x03\x02", 8);
}  // namespace oid

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
