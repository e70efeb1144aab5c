// Budget: the one account every unit of work of a validation is charged to.
//
// One Budget is made per Validate() from its Limits (and the request's deadline) and handed to the
// path builder and to every check, so hostile input cannot multiply work by being looked at from
// many paths or many checks: signatures verified, issuer candidates considered, candidate paths
// evaluated, name-constraint comparisons, revocation work, and wall-clock time all draw from it.
// Once anything runs out, every further charge fails, the work in progress stops, and the Validator
// reports the one limit that ran out as an error ("limits.<code>"): a refusal, never a hang.
//
// Not thread-safe: one validation, one thread.
#ifndef CERTVAL_VALIDATOR_BUDGET_H_
#define CERTVAL_VALIDATOR_BUDGET_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "certval/validator/codes.h"
#include "certval/validator/finding.h"
#include "certval/validator/request.h"

namespace certval {

class Budget {
 public:
  // `deadline`: when set, every charge fails once absl::Now() has passed it.
  explicit Budget(const Limits& limits, std::optional<absl::Time> deadline = std::nullopt);

  // Each returns false, and leaves the budget exhausted, when the work would go over its limit.
  // Charged before the work is done, so no limit is ever exceeded.
  bool ChargeSignature();
  bool ChargeBuildStep();
  bool ChargePath();
  bool ChargeNameComparisons(int64_t count);
  bool ChargePolicyNodes(int64_t count);  // nodes, edges and expected policies of the policy graph
  bool ChargeRevocationSteps(int64_t count);  // CRL entries parsed, CRLs considered per certificate

  // Fetching has an account of its own: running out of it stops fetching (false), never the
  // validation, which goes on with what it has; FetchExhaustedFinding() then says why.
  bool ChargeFetch();                   // one more fetch, and the time left for it
  bool ChargeFetchBytes(size_t bytes);  // a body received
  size_t fetch_bytes_left() const;
  // When the fetches must end: the fetch time limit from the first fetch, or the deadline.
  absl::Time fetch_deadline() const;
  // The warning finding of the fetch limit that ran out ("fetch.too_many_fetches", ...), if any.
  std::optional<Finding> FetchExhaustedFinding() const;
  int fetches() const { return fetches_; }

  bool exhausted() const { return code_.has_value(); }
  // The error finding of the limit that ran out ("limits.too_many_signatures", ...); call only
  // when exhausted().
  Finding ExhaustedFinding() const;

  int signatures() const { return signatures_; }
  int build_steps() const { return build_steps_; }
  int paths() const { return paths_; }
  int64_t name_comparisons() const { return name_comparisons_; }

 private:
  bool Exhaust(FindingCode code, std::string reason);
  bool PastDeadline();

  const Limits limits_;
  const std::optional<absl::Time> deadline_;
  int signatures_ = 0;
  int build_steps_ = 0;
  int paths_ = 0;
  int64_t name_comparisons_ = 0;
  int64_t policy_nodes_ = 0;
  int64_t revocation_steps_ = 0;
  std::optional<FindingCode> code_;
  std::string reason_;
  int fetches_ = 0;
  size_t fetch_bytes_ = 0;
  std::optional<absl::Time> fetch_started_;
  std::optional<FindingCode> fetch_code_;
  std::string fetch_reason_;
  bool StopFetching(FindingCode code, std::string reason);
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_BUDGET_H_
