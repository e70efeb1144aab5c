#include "certval/hooks/check_names.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "certval/validator/checks/builtin.h"

namespace certval {

bool IsPlainCheckName(absl::string_view name) {
  if (name.empty() || name.size() > kMaxCheckNameLength) return false;
  if (name[0] < 'a' || name[0] > 'z') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

absl::Status CheckNameIsKnown(absl::string_view name, absl::Span<const std::string> custom) {
  const auto& builtin = BuiltinPolicyNames();
  if (std::find(builtin.begin(), builtin.end(), name) != builtin.end()) return absl::OkStatus();
  if (std::find(custom.begin(), custom.end(), name) != custom.end()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown check '", name, "' (known: ", absl::StrJoin(builtin, ", "),
      custom.empty() ? "" : absl::StrCat("; the application's: ", absl::StrJoin(custom, ", ")),
      ")"));
}

}  // namespace certval
