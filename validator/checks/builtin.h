// The built-in checks, in the order the Validator runs them.
#ifndef CERTVAL_VALIDATOR_CHECKS_BUILTIN_H_
#define CERTVAL_VALIDATOR_CHECKS_BUILTIN_H_

#include "absl/strings/string_view.h"
#include <memory>
#include <vector>

#include "certval/validator/check.h"

namespace certval {

// Stable check names (the Policy's keys).
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
// Reported by the Validator itself (no_trusted_root, distrusted) and by TrustAnchorCheck (the
// anchor's purposes and dates).
inline constexpr absl::string_view kCheckTrustAnchor = "trust_anchor";
// The warning every result of a Validator whose policy disables checks carries.
inline constexpr absl::string_view kCheckPolicy = "policy";
// Resource limits (validator/budget.h): always errors, whatever the policy.
inline constexpr absl::string_view kCheckLimits = "limits";
// Modes of the hook stages and of the built-in pinning hook.
inline constexpr absl::string_view kCheckHooks = "hooks";
inline constexpr absl::string_view kCheckPinning = "pinning";

std::vector<std::shared_ptr<const Check>> BuiltinChecks();

// Every name a Policy may set without a custom check: the built-in checks, then trust_anchor, hooks
// and pinning. A name outside this list and the custom checks' is a configuration error.
const std::vector<absl::string_view>& BuiltinPolicyNames();

// Every name certval gives a meaning: BuiltinPolicyNames(), then the prefixes the Validator
// reports under by itself (limits, parse, configuration, policy, path_building). A custom check
// or a plugin may not take one: its findings would pass for certval's own.
bool IsReservedCheckName(absl::string_view name);

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CHECKS_BUILTIN_H_
