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

Finding MakeFinding(FindingCode code, int cert_index, std::string message, Severity severity) {
  return Finding{std::string(code.check()), cert_index, std::string(code.text()),
                 std::move(message), severity};
}

Finding MakeCustomFinding(absl::string_view check, absl::string_view id, int cert_index,
                          std::string message, Severity severity) {
  return Finding{std::string(check), cert_index, absl::StrCat(check, ".", id), std::move(message),
                 severity};
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
