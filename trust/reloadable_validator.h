// Trust configuration that a long-running process can reload without a restart: the system store,
// the built-in Mozilla set, a root-store file (trust/root_store_file.h) and the administrator's
// policy file (hooks/policy_file.h), combined in one order (trust/layered_trust_source.h).
//
// Reload() builds a complete new Validator from the configuration and swaps it in atomically;
// Current() hands out the Validator as a shared_ptr, so a validation that started keeps the
// snapshot it started with (its trust source and policy) even while a reload replaces it, and the
// old snapshot is freed when its last validation ends. A reload that fails (a malformed root-store
// file, an unreadable policy) changes nothing and returns the error. All methods are thread-safe.
#ifndef CERTVAL_TRUST_RELOADABLE_VALIDATOR_H_
#define CERTVAL_TRUST_RELOADABLE_VALIDATOR_H_

#include <memory>
#include <mutex>
#include <string>

#include "absl/base/attributes.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "certval/trust/system_store.h"
#include "certval/validator/trust_source.h"
#include "certval/validator/validator.h"

namespace certval {

struct TrustConfig {
  // The layers, in this order: the root-store file (first, so that its limits on a root it names
  // by fingerprint apply), the system store, the built-in Mozilla set. Distrust in any wins.
  std::string root_store_file;  // "" for none
  bool system = true;
  bool builtin = false;
  SystemStoreOptions system_options;
  // The administrator's policy file, applied over ValidatorOptions::policy ("" for none).
  std::string admin_policy_file;
};

// The trust source a TrustConfig describes, freshly loaded.
ABSL_MUST_USE_RESULT
absl::StatusOr<std::shared_ptr<const TrustSource>> BuildTrustSource(const TrustConfig& config);

class ReloadableValidator {
 public:
  // Loads once; fails as Reload() would.
  ABSL_MUST_USE_RESULT
  static absl::StatusOr<std::unique_ptr<ReloadableValidator>> Create(TrustConfig config,
                                                                     ValidatorOptions options = {});

  // Re-reads every store and file of the configuration and swaps the new Validator in.
  ABSL_MUST_USE_RESULT absl::Status Reload();

  // The current snapshot. Keep it for the duration of one validation.
  std::shared_ptr<const Validator> Current() const;
  ValidationResult Validate(const ValidationRequest& request) const {
    return Current()->Validate(request);
  }

 private:
  ReloadableValidator(TrustConfig config, ValidatorOptions options)
      : config_(std::move(config)), options_(std::move(options)) {}
  absl::StatusOr<std::shared_ptr<const Validator>> Build() const;

  const TrustConfig config_;
  const ValidatorOptions options_;
  std::mutex reload_mu_;   // one reload at a time
  mutable std::mutex mu_;  // guards current_ (held only to copy or swap the pointer)
  std::shared_ptr<const Validator> current_;
};

}  // namespace certval

#endif  // CERTVAL_TRUST_RELOADABLE_VALIDATOR_H_
