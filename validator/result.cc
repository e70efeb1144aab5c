#include "certval/validator/result.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace certval {

bool ValidationResult::has_warnings() const {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == Severity::kWarning; });
}

std::string ValidationResult::ErrorSummary() const {
  std::string out;
  for (const Finding& f : findings) {
    if (f.severity == Severity::kError) absl::StrAppend(&out, FormatFinding(f), "\n");
  }
  return out;
}

}  // namespace certval
