#include "certval/hooks/simple.h"

#include <cstdio>
#include <utility>

#include "certval/hooks/trust_any_hook.h"
#include "certval/trust/mozilla_roots.h"
#include "certval/trust/system_store.h"

namespace certval {

absl::StatusOr<SimpleValidation> SimpleValidation::ValidateCerts(RootSet roots) {
  absl::StatusOr<std::shared_ptr<TrustStore>> store =
      roots == RootSet::kSystem ? SystemTrustStore() : MozillaTrustStore();
  if (!store.ok()) return store.status();
  return SimpleValidation(*std::move(store));
}

SimpleValidation::SimpleValidation(std::shared_ptr<TrustStore> store) : store_(std::move(store)) {
  if (store_ == nullptr) store_ = std::make_shared<TrustStore>();
}

absl::Status SimpleValidation::AddRoot(std::string der) {
  return store_->AddRootDer(std::move(der));
}

absl::Status SimpleValidation::AddCert(std::string der) {
  return store_->AddCertDer(std::move(der));
}

SimpleValidation& SimpleValidation::DisableValidation() {
  // Loud on purpose: this is the switch that turns TLS into "secure in the absence of an attacker".
  std::fputs(
      "certval WARNING: DisableValidation() called: validators built from this configuration "
      "accept EVERY certificate chain for every peer. Trust specific certificates with AddRoot() "
      "or "
      "AddCert() instead.\n",
      stderr);
  disabled_ = true;
  return *this;
}

SimpleValidation& SimpleValidation::SetPolicy(Policy policy) {
  options_.policy = std::move(policy);
  return *this;
}

SimpleValidation& SimpleValidation::SetWarningSink(std::shared_ptr<WarningSink> sink) {
  options_.warning_sink = std::move(sink);
  return *this;
}

absl::StatusOr<Validator> SimpleValidation::Create() const {
  Validator validator = Build();
  if (!validator.configuration().ok()) return validator.configuration();
  return validator;
}

Validator SimpleValidation::Build() const {
  ValidatorOptions options = options_;
  // One sink for the Validator and the hook, so the trust-any warning lands with the others.
  if (options.warning_sink == nullptr) options.warning_sink = std::make_shared<StderrWarningSink>();
  if (disabled_) {
    // Last: it replaces the built-in validation, not the application's own hooks (a deny list or a
    // pin still gets its say before it).
    options.pre_hooks.push_back(std::make_shared<TrustAnyHook>(options.warning_sink));
  }
  return Validator(store_, std::move(options));
}

}  // namespace certval
