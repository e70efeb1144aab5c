// One Validate() call, in order: parse the request (request_input.h); pre-hooks; the leaf's own
// trust; path building, each candidate path through the checks, missing issuers fetched when
// granted; the presented chain evaluated when no path reaches an anchor; the best path's verdict;
// post-hooks; warnings to the sink. Holds the state those steps share (the budget, the parsed
// input, the best path so far). Internal to the Validator.
#ifndef CERTVAL_VALIDATOR_VALIDATION_RUN_H_
#define CERTVAL_VALIDATOR_VALIDATION_RUN_H_

#include <memory>
#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "certval/validator/budget.h"
#include "certval/validator/check.h"
#include "certval/validator/fetch_session.h"
#include "certval/validator/hook.h"
#include "certval/validator/options.h"
#include "certval/validator/path_builder.h"
#include "certval/validator/request.h"
#include "certval/validator/request_input.h"
#include "certval/validator/result.h"
#include "certval/validator/revocation_checker.h"
#include "certval/validator/trust_source.h"

namespace certval {

class ValidationRun {
 public:
  // `checks` and `check_modes` are the Validator's: every check it runs and its mode, in order.
  // `disabled_checks` names the checks the policy disables ("" when none).
  ValidationRun(const TrustSource& trust, const ValidatorOptions& options,
                absl::string_view disabled_checks,
                const std::vector<std::shared_ptr<const Check>>& checks,
                const std::vector<Mode>& check_modes, const ValidationRequest& request);

  ValidationResult Execute();

 private:
  // A candidate path with its findings and error count.
  struct Evaluation {
    std::vector<CertificatePtr> path;
    TrustInfo anchor;
    std::vector<Finding> findings;
    int errors = 0;
    std::vector<RevocationStatus> revocation;
  };

  // Runs the hooks of one stage; returns true when one of them decided.
  bool RunHooks(HookStage stage, ValidationResult& result);
  void BuildAndCheck(ValidationResult& result);
  std::unique_ptr<RevocationChecker> StartRevocation(const IntermediateSet& intermediates);
  BuildOutcome BuildPaths(const IntermediateSet& intermediates);
  // No path reaches an anchor: fetch the issuer the presented chain is missing (caIssuers), build
  // again, up to FetchSession::kMaxIssuerRounds times.
  void FetchMissingIssuers(IntermediateSet& intermediates, BuildOutcome& outcome);
  // Runs the checks on one candidate; keeps it when it is the best so far. True when it passed.
  bool Consider(absl::Span<const CertificatePtr> path, absl::Span<const EdgeSignature> edges,
                const TrustInfo& anchor);
  // Runs the checks on one path; returns the number of errors among the findings it appends.
  int Evaluate(absl::Span<const CertificatePtr> path, absl::Span<const EdgeSignature> edges,
               const TrustInfo& anchor, std::vector<Finding>* findings);
  Evaluation EvaluatePresentedChain(const BuildOutcome& outcome);
  void NoteUnfinishedSearch(const BuildOutcome& outcome);
  void TakeBest(ValidationResult& result);
  void Report(const ValidationResult& result) const;

  const TrustSource& trust_;
  const ValidatorOptions& options_;
  const absl::string_view disabled_checks_;
  const std::vector<std::shared_ptr<const Check>>& checks_;
  const std::vector<Mode>& check_modes_;
  const ValidationRequest& request_;
  const int max_intermediates_;
  Budget budget_;
  absl::Time time_;
  RequestInput input_;
  std::unique_ptr<FetchSession> fetch_;  // when the Validator may fetch; outlives revocation_
  std::unique_ptr<RevocationChecker> revocation_;  // while paths are built and checked
  std::optional<Evaluation> best_;
  int paths_evaluated_ = 0;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_VALIDATION_RUN_H_
