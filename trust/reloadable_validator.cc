#include "certval/trust/reloadable_validator.h"

#include <utility>
#include <vector>

#include "certval/hooks/policy_file.h"
#include "certval/trust/layered_trust_source.h"
#include "certval/trust/mozilla_roots.h"
#include "certval/trust/root_store_file.h"

namespace certval {

absl::StatusOr<std::shared_ptr<const TrustSource>> BuildTrustSource(const TrustConfig& config) {
  std::shared_ptr<TrustStore> system, builtin;
  std::vector<CertificatePtr> others;  // what the root-store file may name by fingerprint
  if (config.system) {
    absl::StatusOr<std::shared_ptr<TrustStore>> s = SystemTrustStore(config.system_options);
    if (!s.ok()) return s.status();
    system = *std::move(s);
    others = system->Roots();
  }
  if (config.builtin) {
    absl::StatusOr<std::shared_ptr<TrustStore>> b = MozillaTrustStore();
    if (!b.ok()) return b.status();
    builtin = *std::move(b);
    for (CertificatePtr& c : builtin->Roots()) others.push_back(std::move(c));
  } else {
    // A built-in root may be named by fingerprint even when the built-in set is not a layer.
    const MozillaRootSet& set = MozillaRoots();
    others.insert(others.end(), set.roots.begin(), set.roots.end());
  }
  std::vector<std::shared_ptr<const TrustSource>> layers;
  if (!config.root_store_file.empty()) {
    auto file = std::make_shared<TrustStore>("root-store");
    if (absl::Status s = LoadRootStoreFile(config.root_store_file, *file, others); !s.ok())
      return s;
    layers.push_back(std::move(file));
  }
  if (system) layers.push_back(system);
  if (builtin) layers.push_back(builtin);
  if (layers.empty()) return absl::InvalidArgumentError("no trust source configured");
  if (layers.size() == 1) return layers.front();
  return std::make_shared<const LayeredTrustSource>(std::move(layers));
}

absl::StatusOr<std::unique_ptr<ReloadableValidator>> ReloadableValidator::Create(
    TrustConfig config, ValidatorOptions options) {
  std::unique_ptr<ReloadableValidator> v(
      new ReloadableValidator(std::move(config), std::move(options)));
  if (absl::Status s = v->Reload(); !s.ok()) return s;
  return v;
}

absl::StatusOr<std::shared_ptr<const Validator>> ReloadableValidator::Build() const {
  absl::StatusOr<std::shared_ptr<const TrustSource>> trust = BuildTrustSource(config_);
  if (!trust.ok()) return trust.status();
  ValidatorOptions options = options_;
  if (!config_.admin_policy_file.empty()) {
    absl::StatusOr<AdminPolicy> admin = LoadAdminPolicyFile(config_.admin_policy_file);
    if (!admin.ok()) return admin.status();
    options.policy = admin->ApplyTo(options.policy);
  }
  absl::StatusOr<Validator> validator = Validator::Create(*std::move(trust), std::move(options));
  if (!validator.ok()) return validator.status();
  return std::make_shared<const Validator>(*std::move(validator));
}

absl::Status ReloadableValidator::Reload() {
  std::lock_guard<std::mutex> reload(reload_mu_);
  absl::StatusOr<std::shared_ptr<const Validator>> next = Build();  // outside mu_: may take a while
  if (!next.ok()) return next.status();
  std::shared_ptr<const Validator> old;
  {
    std::lock_guard<std::mutex> lock(mu_);
    old = std::exchange(current_, *std::move(next));
  }
  return absl::OkStatus();  // `old` is released here, outside the lock
}

std::shared_ptr<const Validator> ReloadableValidator::Current() const {
  std::lock_guard<std::mutex> lock(mu_);
  return current_;
}

}  // namespace certval
