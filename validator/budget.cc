#include "certval/validator/budget.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace certval {

Budget::Budget(const Limits& limits, std::optional<absl::Time> deadline)
    : limits_(limits), deadline_(deadline) {}

bool Budget::Exhaust(FindingCode code, std::string reason) {
  if (!exhausted()) {  // the first limit reached is the one reported
    code_ = code;
    reason_ = std::move(reason);
  }
  return false;
}

Finding Budget::ExhaustedFinding() const { return MakeFinding(*code_, -1, reason_); }

bool Budget::PastDeadline() {
  if (!deadline_ || absl::Now() <= *deadline_) return false;
  Exhaust(code::kLimitsDeadlineExceeded, "the validation's deadline passed before it finished");
  return true;
}

bool Budget::ChargeSignature() {
  if (exhausted() || PastDeadline()) return false;
  if (signatures_ >= limits_.max_signature_checks) {
    return Exhaust(code::kLimitsTooManySignatures,
                   absl::StrCat("more than ", limits_.max_signature_checks,
                                " signature verifications needed"));
  }
  ++signatures_;
  return true;
}

bool Budget::ChargeBuildStep() {
  if (exhausted() || PastDeadline()) return false;
  if (build_steps_ >= limits_.max_build_steps) {
    return Exhaust(
        code::kLimitsTooManyBuildSteps,
        absl::StrCat("more than ", limits_.max_build_steps, " issuer candidates considered"));
  }
  ++build_steps_;
  return true;
}

bool Budget::ChargePath() {
  if (exhausted() || PastDeadline()) return false;
  if (paths_ >= limits_.max_paths_evaluated) {
    return Exhaust(
        code::kLimitsTooManyPaths,
        absl::StrCat(limits_.max_paths_evaluated, " candidate paths evaluated without success"));
  }
  ++paths_;
  return true;
}

bool Budget::ChargeNameComparisons(int64_t count) {
  if (exhausted() || PastDeadline()) return false;
  if (count > limits_.max_name_comparisons - name_comparisons_) {
    return Exhaust(code::kLimitsTooManyNameComparisons,
                   absl::StrCat("more than ", limits_.max_name_comparisons,
                                " name-constraint comparisons needed"));
  }
  name_comparisons_ += count;
  return true;
}

bool Budget::ChargePolicyNodes(int64_t count) {
  if (exhausted() || PastDeadline()) return false;
  if (count > limits_.max_policy_nodes - policy_nodes_) {
    return Exhaust(code::kLimitsTooManyPolicyNodes,
                   absl::StrCat("more than ", limits_.max_policy_nodes,
                                " policy graph nodes, edges and expected policies needed"));
  }
  policy_nodes_ += count;
  return true;
}

bool Budget::ChargeRevocationSteps(int64_t count) {
  if (exhausted() || PastDeadline()) return false;
  if (count > limits_.max_revocation_steps - revocation_steps_) {
    return Exhaust(code::kLimitsTooManyRevocationSteps,
                   absl::StrCat("more than ", limits_.max_revocation_steps,
                                " revocation steps (CRL entries parsed, CRLs considered) needed"));
  }
  revocation_steps_ += count;
  return true;
}

bool Budget::StopFetching(FindingCode code, std::string reason) {
  if (!fetch_code_) {
    fetch_code_ = code;
    fetch_reason_ = std::move(reason);
  }
  return false;
}

absl::Time Budget::fetch_deadline() const {
  absl::Time end =
      fetch_started_ ? *fetch_started_ + limits_.max_fetch_time : absl::InfiniteFuture();
  if (deadline_) end = std::min(end, *deadline_);
  return end;
}

bool Budget::ChargeFetch() {
  if (fetch_code_) return false;
  if (!fetch_started_) fetch_started_ = absl::Now();
  if (fetches_ >= limits_.max_fetches) {
    return StopFetching(code::kFetchTooManyFetches,
                        absl::StrCat("more than ", limits_.max_fetches, " fetches needed"));
  }
  if (absl::Now() >= fetch_deadline()) {
    return StopFetching(
        code::kFetchDeadlineExceeded,
        absl::StrCat("the time for fetching (", absl::FormatDuration(limits_.max_fetch_time),
                     ", or the validation's deadline) ran out"));
  }
  ++fetches_;
  return true;
}

bool Budget::ChargeFetchBytes(size_t bytes) {
  if (bytes > limits_.max_fetch_bytes - std::min(fetch_bytes_, limits_.max_fetch_bytes)) {
    fetch_bytes_ = limits_.max_fetch_bytes;
    return StopFetching(code::kFetchTooManyBytes,
                        absl::StrCat("more than ", limits_.max_fetch_bytes, " bytes fetched"));
  }
  fetch_bytes_ += bytes;
  return true;
}

std::optional<Finding> Budget::FetchExhaustedFinding() const {
  if (!fetch_code_) return std::nullopt;
  return MakeFinding(*fetch_code_, -1, fetch_reason_, Severity::kWarning);
}

size_t Budget::fetch_bytes_left() const {
  return limits_.max_fetch_bytes - std::min(fetch_bytes_, limits_.max_fetch_bytes);
}

}  // namespace certval
