// The hook interface: code that may decide a validation instead of, or after, the built-in chain.
//
// Following the 2011 proposal, a hook is told the peer name and the chain and answers ACCEPT,
// REJECT or DEFER ("I don't know, use the normal procedure"). Pre-hooks run before path building
// and can replace it; post-hooks run after it, see its result, and can veto or override it. The
// first non-DEFER answer decides; every decision is recorded in the result. Implementations live in
// `hooks/`; this header holds only the interface so the Validator can call them.
#ifndef CERTVAL_VALIDATOR_HOOK_H_
#define CERTVAL_VALIDATOR_HOOK_H_

#include "absl/base/attributes.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "certval/validator/certificate.h"
#include "certval/validator/request.h"

namespace certval {

struct ValidationResult;

enum class HookVerdict { kAccept, kReject, kDefer };
absl::string_view HookVerdictName(HookVerdict verdict);  // "accept", "reject", "defer"

struct HookContext {
  const PeerName* peer_name = nullptr;
  absl::Span<const CertificatePtr> chain;  // as presented: leaf first, then the intermediates
  absl::Time time;
  Purpose purpose = Purpose::kServerAuth;
  const ValidationResult* builtin_result = nullptr;  // set for post-hooks only
  // The path the built-in checks accepted, leaf first, anchor last; empty for pre-hooks and when no
  // path was accepted. A hook that judges certificates (pinning, say) reads this, never `chain`:
  // anyone can append a certificate to what they present.
  absl::Span<const CertificatePtr> validated_path;
};

class Hook {
 public:
  virtual ~Hook() = default;
  virtual absl::string_view name() const = 0;
  // An error status is a failed hook: REJECT under ENFORCE, a warning under WARN.
  ABSL_MUST_USE_RESULT
  virtual absl::StatusOr<HookVerdict> Decide(const HookContext& ctx) const = 0;
  // True for a hook that is meaningful only after validation (it reads `validated_path`): the
  // Validator refuses it as a pre-hook instead of letting it judge presented bytes.
  virtual bool NeedsValidatedPath() const { return false; }
};

enum class HookStage { kPre, kPost };

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_HOOK_H_
