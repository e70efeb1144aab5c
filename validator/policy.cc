#include "certval/validator/policy.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace certval {

absl::string_view ModeName(Mode mode) {
  switch (mode) {
    case Mode::kEnforce:
      return "enforce";
    case Mode::kWarn:
      return "warn";
    case Mode::kDisable:
      return "disable";
  }
  return "enforce";
}

absl::StatusOr<Mode> ParseMode(absl::string_view name) {
  std::string lower = absl::AsciiStrToLower(name);
  if (lower == "enforce") return Mode::kEnforce;
  if (lower == "warn") return Mode::kWarn;
  if (lower == "disable") return Mode::kDisable;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown mode '", name, "' (expected enforce, warn or disable)"));
}

}  // namespace certval
