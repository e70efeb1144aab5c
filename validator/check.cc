#include "certval/validator/check.h"

#include <cassert>

namespace certval {

void FindingReporter::Report(int cert_index, FindingCode code, std::string message) {
  assert(code.check() == check_);
  out_->push_back(MakeFinding(code, cert_index, std::move(message), severity_));
}

void FindingReporter::Advise(int cert_index, FindingCode code, std::string message) {
  assert(code.check() == check_);
  const Severity severity = severity_ == Severity::kError ? Severity::kWarning : severity_;
  out_->push_back(MakeFinding(code, cert_index, std::move(message), severity));
}

void FindingReporter::Report(int cert_index, absl::string_view id, std::string message) {
  out_->push_back(MakeCustomFinding(check_, id, cert_index, std::move(message), severity_));
}

}  // namespace certval
