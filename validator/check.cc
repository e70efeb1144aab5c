#include "absl/strings/string_view.h"
#include "certval/validator/check.h"

#include "absl/strings/str_cat.h"

namespace certval {

void FindingReporter::Report(int cert_index, absl::string_view code, std::string message) {
  ++count_;
  out_->push_back(Finding{std::string(check_), cert_index, absl::StrCat(check_, ".", code),
                          std::move(message), severity_});
}

void FindingReporter::Advise(int cert_index, absl::string_view code, std::string message) {
  ++count_;
  const Severity severity = severity_ == Severity::kError ? Severity::kWarning : severity_;
  out_->push_back(Finding{std::string(check_), cert_index, absl::StrCat(check_, ".", code),
                          std::move(message), severity});
}

}  // namespace certval
