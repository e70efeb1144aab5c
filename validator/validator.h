// The Validator facade: trust, policy, hooks and checks put together.
//
// Build one per configuration and share it: Validate() is const and thread-safe. The trust source,
// hooks, checks and sink are shared_ptrs so a Validator can be copied cheaply and outlive its builder.
#ifndef CERTVAL_VALIDATOR_VALIDATOR_H_
#define CERTVAL_VALIDATOR_VALIDATOR_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "certval/validator/certificate_cache.h"
#include "certval/validator/check.h"
#include "certval/validator/fetcher.h"
#include "certval/validator/hook.h"
#include "certval/validator/policy.h"
#include "certval/validator/request.h"
#include "certval/validator/result.h"
#include "certval/validator/revocation.h"
#include "certval/validator/signature_verifier.h"
#include "certval/validator/trust_source.h"
#include "certval/validator/warning_sink.h"

namespace certval {

struct ValidatorOptions {
  Policy policy;  // default: ENFORCE everywhere
  Limits limits;
  std::vector<std::shared_ptr<const Hook>> pre_hooks;   // before path building
  std::vector<std::shared_ptr<const Hook>> post_hooks;  // after, seeing the built-in result
  std::vector<std::shared_ptr<const Check>> custom_checks;  // run after the built-in ones
  std::shared_ptr<WarningSink> warning_sink;  // default: StderrWarningSink
  // Caches, for a Validator that sees the same chains again (a TLS client, a server checking
  // client certificates). Neither can change a verdict; both are bounded and thread-safe.
  //   verifier = std::make_shared<CachingSignatureVerifier>();  // validator/signature_cache.h
  //   certificate_cache = std::make_shared<CertificateCache>();
  std::shared_ptr<const SignatureVerifier> verifier;  // default: plain, uncached
  std::shared_ptr<CertificateCache> certificate_cache;  // default: none, parse every time
  // Revocation (the "revocation" check): sources consulted for every validation, beside the
  // request's own CRLs and sources, and what to do with each certificate (validator/revocation.h).
  std::vector<std::shared_ptr<const RevocationSource>> revocation_sources;
  RevocationPolicy revocation;
  // Fetching (README "Fetching"): off unless the application grants a Fetcher, e.g.
  //   fetch = std::make_shared<fetch::FetchCache>(std::make_shared<fetch::HttpFetcher>());
  // What may be fetched is `fetch_policy`'s business (missing issuers by default); how much, the
  // Limits' (max_fetches, max_fetch_bytes, max_fetch_time).
  std::shared_ptr<const Fetcher> fetch;
  FetchPolicy fetch_policy;
};

// A configuration mistake (a policy naming no known check, a hook that needs the validated path
// installed as a pre-hook, no trust source) must not weaken validation silently. Create() returns it
// as an error; a Validator constructed directly keeps it and fails every validation with
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
