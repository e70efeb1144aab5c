#include "certval/validator/validator.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "certval/validator/checks/builtin.h"
#include "certval/validator/codes.h"
#include "certval/validator/validation_run.h"

namespace certval {
absl::Status CheckOptions(const ValidatorOptions& options,
                          const std::vector<std::shared_ptr<const Check>>& checks) {
  for (const auto& entry : options.policy.overrides()) {
    const std::string& name = entry.first;  // not a structured binding: lambdas capture it
    const auto& builtin = BuiltinPolicyNames();
    const bool known =
        std::find(builtin.begin(), builtin.end(), name) != builtin.end() ||
        std::any_of(checks.begin(), checks.end(), [&](const auto& c) { return c->name() == name; });
    if (!known) {
      return absl::InvalidArgumentError(
          absl::StrCat("the policy sets '", name,
                       "', which is no check's name (known: ", absl::StrJoin(builtin, ", "),
                       checks.size() > builtin.size() ? ", and custom checks" : "", ")"));
    }
  }
  for (size_t i = 0; i < options.custom_checks.size(); ++i) {
    const auto& check = options.custom_checks[i];
    if (check == nullptr) return absl::InvalidArgumentError("a custom check is null");
    if (IsReservedCheckName(check->name())) {
      return absl::InvalidArgumentError(
          absl::StrCat("custom check '", check->name(), "' takes a name certval uses itself"));
    }
    for (size_t j = 0; j < i; ++j) {
      if (options.custom_checks[j] != nullptr &&
          options.custom_checks[j]->name() == check->name()) {
        return absl::InvalidArgumentError(
            absl::StrCat("two custom checks are named '", check->name(), "'"));
      }
    }
  }
  for (const auto* stage : {&options.pre_hooks, &options.post_hooks}) {
    for (const auto& hook : *stage) {
      if (hook == nullptr) return absl::InvalidArgumentError("a hook is null");
      if (stage == &options.pre_hooks && hook->NeedsValidatedPath()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "hook '", hook->name(),
            "' judges the validated path and cannot run as a pre-hook: install it as a post-hook"));
      }
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<Validator> Validator::Create(std::shared_ptr<const TrustSource> trust,
                                            ValidatorOptions options) {
  Validator validator(std::move(trust), std::move(options));
  if (!validator.configuration_.ok()) return validator.configuration_;
  return validator;
}

Validator::Validator(std::shared_ptr<const TrustSource> trust, ValidatorOptions options)
    : trust_(std::move(trust)), options_(std::move(options)) {
  if (options_.warning_sink == nullptr)
    options_.warning_sink = std::make_shared<StderrWarningSink>();
  if (options_.verifier == nullptr) options_.verifier = std::make_shared<SignatureVerifier>();
  checks_ = BuiltinChecks();
  for (const auto& check : options_.custom_checks) {
    if (check != nullptr) checks_.push_back(check);
  }
  for (const auto& check : checks_) check_modes_.push_back(options_.policy.ModeFor(check->name()));
  configuration_ = trust_ == nullptr
                       ? absl::InvalidArgumentError("the Validator has no trust source")
                       : CheckOptions(options_, checks_);
  std::vector<absl::string_view> disabled;
  for (absl::string_view name : BuiltinPolicyNames()) {
    if (options_.policy.ModeFor(name) == Mode::kDisable) disabled.push_back(name);
  }
  for (const auto& check : options_.custom_checks) {
    if (check != nullptr && options_.policy.ModeFor(check->name()) == Mode::kDisable) {
      disabled.push_back(check->name());
    }
  }
  disabled_ = absl::StrJoin(disabled, ", ");
}

ValidationResult Validator::Validate(const ValidationRequest& request) const {
  if (!configuration_.ok()) {
    ValidationResult result;
    result.findings.push_back(
        MakeFinding(code::kConfigurationInvalid, -1, std::string(configuration_.message())));
    return result;
  }
  return ValidationRun(*trust_, options_, disabled_, checks_, check_modes_, request).Execute();
}

}  // namespace certval
