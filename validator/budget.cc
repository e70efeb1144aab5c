#include "certval/validator/budget.h"

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
    return Exhaust(code::kLimitsTooManyBuildSteps,
                   absl::StrCat("more than ", limits_.max_build_steps, " issuer candidates considered"));
  }
  ++build_steps_;
  return true;
}

bool Budget::ChargePath() {
  if (exhausted() || PastDeadline()) return false;
  if (paths_ >= limits_.max_paths_evaluated) {
    return Exhaust(code::kLimitsTooManyPaths, absl::StrCat(limits_.max_paths_evaluated,
                                                  " candidate paths evaluated without success"));
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

}  // namespace certval
