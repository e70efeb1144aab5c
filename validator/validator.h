// The Validator facade: trust, policy, hooks and checks put together.
//
// Build one per configuration and share it: Validate() is const and thread-safe. The trust source,
// hooks, checks and sink are shared_ptrs so a Validator can be copied cheaply and outlive its
// builder.
#ifndef CERTVAL_VALIDATOR_VALIDATOR_H_
#define CERTVAL_VALIDATOR_VALIDATOR_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "certval/validator/check.h"
#include "certval/validator/options.h"
#include "certval/validator/request.h"
#include "certval/validator/result.h"
#include "certval/validator/trust_source.h"

namespace certval {

// A configuration mistake (a policy naming no known check, a hook that needs the validated path
// installed as a pre-hook, no trust source) must not weaken validation silently. Create() returns
// it as an error; a Validator constructed directly keeps it and fails every validation with
// "configuration.invalid".
ABSL_MUST_USE_RESULT
absl::Status CheckOptions(const ValidatorOptions& options,
                          const std::vector<std::shared_ptr<const Check>>& checks);

class Validator {
 public:
  ABSL_MUST_USE_RESULT
  static absl::StatusOr<Validator> Create(std::shared_ptr<const TrustSource> trust,
                                          ValidatorOptions options = {});
  Validator(std::shared_ptr<const TrustSource> trust, ValidatorOptions options = {});

  ValidationResult Validate(const ValidationRequest& request) const;

  const ValidatorOptions& options() const { return options_; }
  const TrustSource& trust() const { return *trust_; }
  // OK, or the configuration error that makes every Validate() fail.
  const absl::Status& configuration() const { return configuration_; }
  // The check names the policy disables, comma-separated ("" when none). Every result then carries
  // the warning "policy.checks_disabled" naming them.
  const std::string& disabled_checks() const { return disabled_; }

 private:
  std::shared_ptr<const TrustSource> trust_;
  ValidatorOptions options_;
  std::vector<std::shared_ptr<const Check>> checks_;  // built-in, then custom
  std::vector<Mode> check_modes_;  // checks_[i]'s mode: the policy is fixed, so looked up once
  absl::Status configuration_;
  std::string disabled_;  // the checks the policy disables, for the warning every result carries
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_VALIDATOR_H_
