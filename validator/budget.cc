#include "certval/validator/budget.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace certval {

Budget::Budget(const Limits& limits, std::optional<absl::Time> deadline)
    : limits_(limits), deadline_(deadline) {}

bool Budget::Exhaust(absl::string_view code, std::string reason) {
  if (!exhausted()) {  // the first limit reached is the one reported
    code_ = std::string(code);
    reason_ = std::move(reason);
  }
  return false;
}

bool Budget::PastDeadline() {
  if (!deadline_ || absl::Now() <= *deadline_) return false;
  Exhaust("deadline_exceeded", "the validation's deadline passed before it finished");
  return true;
}

bool Budget::ChargeSignature() {
  if (exhausted() || PastDeadline()) return false;
  if (signatures_ >= limits_.max_signature_checks) {
    return Exhaust("too_many_signatures",
                   absl::StrCat("more than ", limits_.max_signature_checks,
                                " signature verifications needed"));
  }
  ++signatures_;
  return true;
}

bool Budget::ChargeBuildStep() {
  if (exhausted() || PastDeadline()) return false;
  if (build_steps_ >= limits_.max_build_steps) {
    return Exhaust("too_many_build_steps",
                   absl::StrCat("more than ", limits_.max_build_steps, " issuer candidates considered"));
  }
  ++build_steps_;
  return true;
}

bool Budget::ChargePath() {
  if (exhausted() || PastDeadline()) return false;
  if (paths_ >= limits_.max_paths_evaluated) {
    return Exhaust("too_many_paths", absl::StrCat(limits_.max_paths_evaluated,
                                                  " candidate paths evaluated without success"));
  }
  ++paths_;
  return true;
}

bool Budget::ChargeNameComparisons(int64_t count) {
  if (exhausted() || PastDeadline()) return false;
  if (count > limits_.max_name_comparisons - name_comparisons_) {
    return Exhaust("too_many_name_comparisons",
                   absl::StrCat("more than ", limits_.max_name_comparisons,
                                " name-constraint comparisons needed"));
  }
  name_comparisons_ += count;
  return true;
}

bool Budget::ChargePolicyNodes(int64_t count) {
  if (exhausted() || PastDeadline()) return false;
  if (count > limits_.max_policy_nodes - policy_nodes_) {
    return Exhaust("too_many_policy_nodes",
                   absl::StrCat("more than ", limits_.max_policy_nodes,
                                " policy graph nodes, edges and expected policies needed"));
  }
  policy_nodes_ += count;
  return true;
}

bool Budget::ChargeRevocationSteps(int64_t count) {
  if (exhausted() || PastDeadline()) return false;
  if (count > limits_.max_revocation_steps - revocation_steps_) {
    return Exhaust("too_many_revocation_steps",
                   absl::StrCat("more than ", limits_.max_revocation_steps,
                                " revocation steps (CRL entries parsed, CRLs considered) needed"));
  }
  revocation_steps_ += count;
  return true;
}

bool Budget::StopFetching(absl::string_view code, std::string reason) {
  if (fetch_code_.empty()) {
    fetch_code_ = std::string(code);
    fetch_reason_ = std::move(reason);
  }
  return false;
}

absl::Time Budget::fetch_deadline() const {
  absl::Time end = fetch_started_ ? *fetch_started_ + limits_.max_fetch_time : absl::InfiniteFuture();
  if (deadline_) end = std::min(end, *deadline_);
  return end;
}

bool Budget::ChargeFetch() {
  if (!fetch_code_.empty()) return false;
  if (!fetch_started_) fetch_started_ = absl::Now();
  if (fetches_ >= limits_.max_fetches) {
    return StopFetching("too_many_fetches",
                        absl::StrCat("more than ", limits_.max_fetches, " fetches needed"));
  }
  if (absl::Now() >= fetch_deadline()) {
    return StopFetching("deadline_exceeded",
                        absl::StrCat("the time for fetching (",
                                     absl::FormatDuration(limits_.max_fetch_time),
                                     ", or the validation's deadline) ran out"));
  }
  ++fetches_;
  return true;
}

bool Budget::ChargeFetchBytes(size_t bytes) {
  if (bytes > limits_.max_fetch_bytes - std::min(fetch_bytes_, limits_.max_fetch_bytes)) {
    fetch_bytes_ = limits_.max_fetch_bytes;
    return StopFetching("too_many_bytes",
                        absl::StrCat("more than ", limits_.max_fetch_bytes, " bytes fetched"));
  }
  fetch_bytes_ += bytes;
  return true;
}

size_t Budget::fetch_bytes_left() const {
  return limits_.max_fetch_bytes - std::min(fetch_bytes_, limits_.max_fetch_bytes);
}

}  // namespace certval
