#include "absl/strings/string_view.h"
#include "validator/finding.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace certval {

absl::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "error";
}

bool HasError(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == Severity::kError; });
}

std::string FormatFinding(const Finding& f) {
  std::string where = f.cert_index < 0 ? "path" : absl::StrCat("cert ", f.cert_index);
  return absl::StrCat(f.code, " [", where, "] ", SeverityName(f.severity), ": ", f.message);
}

}  // namespace certval
