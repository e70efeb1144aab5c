// The built-in checks, in the order the Validator runs them.
#ifndef CERTVAL_VALIDATOR_CHECKS_BUILTIN_H_
#define CERTVAL_VALIDATOR_CHECKS_BUILTIN_H_

#include "absl/strings/string_view.h"
#include <memory>
#include <vector>

#include "validator/check.h"

namespace certval {

// Stable check names (the Policy's keys).
inline constexpr absl::string_view kCheckSignature = "signature";
inline constexpr absl::string_view kCheckPublicKey = "public_key";
inline constexpr absl::string_view kCheckValidity = "validity";
inline constexpr absl::string_view kCheckBasicConstraints = "basic_constraints";
inline constexpr absl::string_view kCheckKeyUsage = "key_usage";
inline constexpr absl::string_view kCheckExtKeyUsage = "ext_key_usage";
inline constexpr absl::string_view kCheckNameConstraints = "name_constraints";
inline constexpr absl::string_view kCheckPeerName = "peer_name";
inline constexpr absl::string_view kCheckCriticalExtensions = "critical_extensions";
inline constexpr absl::string_view kCheckProfile = "certificate_profile";
// Reported by the Validator itself, not by a Check object.
inline constexpr absl::string_view kCheckTrustAnchor = "trust_anchor";
inline constexpr absl::string_view kCheckPathBuilding = "path_building";  // always an error

std::vector<std::shared_ptr<const Check>> BuiltinChecks();

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CHECKS_BUILTIN_H_
