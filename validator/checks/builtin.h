// The built-in checks, in the order the Validator runs them.
#ifndef CERTVAL_VALIDATOR_CHECKS_BUILTIN_H_
#define CERTVAL_VALIDATOR_CHECKS_BUILTIN_H_

#include <memory>
#include <vector>

#include "absl/strings/string_view.h"
#include "certval/validator/check.h"
#include "certval/validator/codes.h"  // the check names

namespace certval {

std::vector<std::shared_ptr<const Check>> BuiltinChecks();

// Every name a Policy may set without a custom check: the built-in checks, then trust_anchor, hooks
// and pinning. A name outside this list and the custom checks' is a configuration error.
const std::vector<absl::string_view>& BuiltinPolicyNames();

// Every name certval gives a meaning: BuiltinPolicyNames(), then the prefixes the Validator
// reports under by itself (limits, parse, configuration, policy, tls, path_building). A custom
// check or a plugin may not take one: its findings would pass for certval's own.
bool IsReservedCheckName(absl::string_view name);

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CHECKS_BUILTIN_H_
