// The 2011 proposal's four verbs, as a small builder over TrustStore, Policy and Validator.
//
//   auto simple = certval::SimpleValidation::ValidateCerts();   // system roots, enforce everything
//   if (!simple.ok()) ...;                                       // no system store found
//   simple->AddRoot(corporate_root_der);                         // one more trust anchor
//   simple->AddCert(self_signed_server_der);                     // trust exactly this certificate
//   absl::StatusOr<certval::Validator> validator = simple->Create();   // or Build(), see below
//
// DisableValidation() installs TrustAnyHook: every chain is accepted, loudly (a warning on stderr
// at the call, and one from each built Validator at first use). Nothing here is global: each
// SimpleValidation owns its settings, and the TrustStore it holds is its own unless the caller
// passed one in. Validators built earlier share that store, so roots added later reach them too
// (the store is thread-safe). Not thread-safe itself: configure it on one thread, then share what
// Build() returns.
#ifndef CERTVAL_HOOKS_SIMPLE_H_
#define CERTVAL_HOOKS_SIMPLE_H_

#include <memory>
#include <string>

#include "absl/base/attributes.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/policy.h"
#include "certval/validator/validator.h"
#include "certval/validator/warning_sink.h"

namespace certval {

enum class RootSet {
  kSystem,  // the operating system's store (trust/system_store.h: SSL_CERT_FILE, SSL_CERT_DIR, ...)
  kMozilla,  // the Mozilla set compiled into certval (trust/mozilla_roots.h)
};

class SimpleValidation {
 public:
  // ValidateCerts: validation against `roots`, every check enforced. Fails when the system store
  // cannot be found or loaded; there is no silent fallback to another root set.
  ABSL_MUST_USE_RESULT
  static absl::StatusOr<SimpleValidation> ValidateCerts(RootSet roots = RootSet::kSystem);

  // The same over a store the caller filled (tests, embedded systems, an application's own roots).
  explicit SimpleValidation(std::shared_ptr<TrustStore> store);

  // AddRoot: trust `der` as an anchor. AddCert: trust exactly this certificate, e.g. a self-signed
  // server's; its validity and name are still checked. Errors: the certificate does not parse.
  ABSL_MUST_USE_RESULT
  absl::Status AddRoot(std::string der);
  ABSL_MUST_USE_RESULT
  absl::Status AddCert(std::string der);

  // DisableValidation: validators built from now on accept every chain that the application's own
  // pre-hooks do not decide (TrustAnyHook runs after them, instead of path building). Prints a
  // warning to stderr at this call; there is deliberately no way to make it quiet.
  SimpleValidation& DisableValidation();
  bool validation_disabled() const { return disabled_; }

  // Everything else a Validator can take: a Policy, a sink, hooks, custom checks, limits.
  SimpleValidation& SetPolicy(Policy policy);
  SimpleValidation& SetWarningSink(std::shared_ptr<WarningSink> sink);
  ValidatorOptions& options() { return options_; }
  const std::shared_ptr<TrustStore>& store() const { return store_; }

  // A Validator with the current settings. Each one gets its own TrustAnyHook when validation is
  // disabled, so each warns once. Create() returns a configuration mistake (a policy naming no
  // check, a hook that needs the validated path installed as a pre-hook) as an error; the Validator
  // Build() returns keeps it and fails every validation with "configuration.invalid".
  ABSL_MUST_USE_RESULT
  absl::StatusOr<Validator> Create() const;
  Validator Build() const;

 private:
  std::shared_ptr<TrustStore> store_;
  ValidatorOptions options_;
  bool disabled_ = false;
};

}  // namespace certval

#endif  // CERTVAL_HOOKS_SIMPLE_H_
