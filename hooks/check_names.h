// Check names that come from outside the program (a plugin, the administrator's policy file): their
// form, and whether they name a check. A name that names nothing is an error, never ignored: a typo
// must not silently leave a check enforced (or a plugin's findings pass for certval's own).
#ifndef CERTVAL_HOOKS_CHECK_NAMES_H_
#define CERTVAL_HOOKS_CHECK_NAMES_H_

#include <cstddef>
#include <string>

#include "absl/base/attributes.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "certval/validator/checks/builtin.h"  // IsReservedCheckName

namespace certval {

inline constexpr size_t kMaxCheckNameLength = 64;

// A plain identifier: lowercase ASCII letters, digits and '_', starting with a letter, at most
// kMaxCheckNameLength bytes ("leaf_lifetime"). Findings are "<check>.<code>", so anything looser
// would make codes ambiguous or look-alikes of built-in ones.
bool IsPlainCheckName(absl::string_view name);

// (Whether a name is certval's own: IsReservedCheckName in validator/checks/builtin.h.)

// OK when `name` is in BuiltinPolicyNames() or in `custom` (the application's own checks); else
// InvalidArgument naming it and listing the known names.
ABSL_MUST_USE_RESULT
absl::Status CheckNameIsKnown(absl::string_view name, absl::Span<const std::string> custom = {});

}  // namespace certval

#endif  // CERTVAL_HOOKS_CHECK_NAMES_H_
