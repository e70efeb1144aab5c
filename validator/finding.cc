#include "absl/strings/string_view.h"
#include "certval/validator/finding.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "certval/validator/text_escape.h"

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
  // Messages quote certificate text (SANs, CNs), and custom checks choose their own codes.
  std::string line;
  AppendEscapedText(f.code, &line);
  absl::StrAppend(&line, " [", where, "] ", SeverityName(f.severity), ": ");
  AppendEscapedText(f.message, &line);
  return line;
}

}  // namespace certval
