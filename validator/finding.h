// Findings: what a check found, about which certificate, and how much it matters.
//
// A finding names its check (a stable name such as "validity"), the certificate's position in the
// path (0 = leaf; -1 = the path as a whole), a stable code (e.g. "validity.expired") that programs
// may match on, and a message for people. Severity follows from the check's Mode in the Policy.
#ifndef CERTVAL_VALIDATOR_FINDING_H_
#define CERTVAL_VALIDATOR_FINDING_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "certval/validator/codes.h"

namespace certval {

enum class Severity { kError, kWarning, kInfo };

absl::string_view SeverityName(Severity severity);  // "error", "warning", "info"

struct Finding {
  std::string check;
  int cert_index = -1;
  std::string code;
  std::string message;
  Severity severity = Severity::kError;
};

// The two ways a Finding is made: a registered code (validator/codes.h), or a custom check's own
// "<check>.<id>".
Finding MakeFinding(FindingCode code, int cert_index, std::string message,
                    Severity severity = Severity::kError);
Finding MakeCustomFinding(absl::string_view check, absl::string_view id, int cert_index,
                          std::string message, Severity severity);

bool HasError(const std::vector<Finding>& findings);

// "validity.expired [cert 0] error: ..." — one line, for logs and the command-line tool; the code
// and message are escaped (validator/text_escape.h), since messages quote certificate text.
std::string FormatFinding(const Finding& finding);

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_FINDING_H_
