// TrustAnyHook: accepts every chain. What "verify=False" means, made explicit and recorded.
//
// Install it as a pre-hook and no path is built: every validation answers valid, decided by this
// hook, and the result carries a "hooks.accepted" finding naming it (kName says what it does). The
// first Decide() of each instance also sends one "hooks.trust_any" warning to the sink it was given
// (stderr when none), so a deployment that forgot it switched validation off hears about it once
// per Validator, not once per connection.
//
// Nothing process-wide changes: unlike the vendor code that deletes REQUESTS_CA_BUNDLE and
// CURL_CA_BUNDLE from the environment, this hook neither reads nor writes the environment, and
// other Validators in the process keep validating. Thread-safe.
#ifndef CERTVAL_HOOKS_TRUST_ANY_HOOK_H_
#define CERTVAL_HOOKS_TRUST_ANY_HOOK_H_

#include <atomic>
#include <memory>
#include <utility>

#include "absl/base/attributes.h"
#include "absl/strings/string_view.h"
#include "certval/validator/codes.h"
#include "certval/validator/hook.h"
#include "certval/validator/warning_sink.h"

namespace certval {

class TrustAnyHook final : public Hook {
 public:
  // The hook's name, which the Validator puts into the finding and `decided_by_hook`.
  static constexpr absl::string_view kName = "trust_any (certificate validation disabled)";
  static constexpr absl::string_view kWarningCode = code::kHooksTrustAny.text();

  // `sink` receives the one warning; null writes it to stderr.
  explicit TrustAnyHook(std::shared_ptr<WarningSink> sink = nullptr) : sink_(std::move(sink)) {}

  absl::string_view name() const override { return kName; }
  ABSL_MUST_USE_RESULT
  absl::StatusOr<HookVerdict> Decide(const HookContext& ctx) const override;

 private:
  void WarnOnce(const HookContext& ctx) const;

  std::shared_ptr<WarningSink> sink_;
  mutable std::atomic<bool> warned_{false};
};

}  // namespace certval

#endif  // CERTVAL_HOOKS_TRUST_ANY_HOOK_H_
