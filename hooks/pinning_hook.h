// PinningHook: per host, the SPKI SHA-256 digests one of which must appear in the validated path.
//
// Pins are keyed by host pattern (see host_pattern.h: "api.example.com" or "*.example.com"); the
// most specific pattern decides which pin set applies. For a peer with a pin set, Decide() looks at
// the path the Validator accepted (HookContext::validated_path, anchor included), never at what was
// merely presented (RFC 7469 2.6):
//   - a pinned key is on it: DEFER (pinning never makes a chain valid by itself);
//   - none is, or no path was accepted: REJECT under Mode ENFORCE; under WARN a "pinning.mismatch"
//     warning goes to the sink and the hook DEFERs; under DISABLE the hook always DEFERs.
// A peer without pins (or without a host name: PeerName::Any()) DEFERs. It is a post-hook: the
// Validator refuses it as a pre-hook (NeedsValidatedPath). The mode is a constructor argument,
// typically `policy.ModeFor(PinningHook::kCheckName)`, so one Policy can carry it with the check
// modes.
//
// Immutable after construction: Decide() is thread-safe.
#ifndef CERTVAL_HOOKS_PINNING_HOOK_H_
#define CERTVAL_HOOKS_PINNING_HOOK_H_

#include <memory>
#include <string>

#include "absl/base/attributes.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "certval/hooks/host_pattern.h"
#include "certval/validator/certificate.h"
#include "certval/validator/hook.h"
#include "certval/validator/policy.h"
#include "certval/validator/warning_sink.h"

namespace certval {

// Host pattern -> accepted SPKI SHA-256 digests (32 raw bytes each, as SpkiSha256() returns).
class PinSet {
 public:
  // Errors: a malformed pattern, or a digest that is not 32 bytes.
  ABSL_MUST_USE_RESULT
  absl::Status Add(absl::string_view host_pattern, absl::string_view spki_sha256);
  // The HPKP / curl --pinnedpubkey spelling: base64 of the digest, with or without "sha256//".
  ABSL_MUST_USE_RESULT
  absl::Status AddBase64(absl::string_view host_pattern, absl::string_view base64);
  // Pins `cert`'s key (e.g. the intermediate or root a service is expected to use).
  ABSL_MUST_USE_RESULT
  absl::Status AddCertificate(absl::string_view host_pattern, const Certificate& cert);

  // The pins of the most specific pattern matching `host`, or nullptr: the host is not pinned.
  const absl::flat_hash_set<std::string>* PinsFor(absl::string_view host) const {
    return pins_.Find(host);
  }
  bool empty() const { return pins_.empty(); }

 private:
  HostPatternMap<absl::flat_hash_set<std::string>> pins_;
};

class PinningHook final : public Hook {
 public:
  static constexpr absl::string_view kName = "pinning";
  // The Policy key for the hook's mode, and the prefix of its warning code.
  static constexpr absl::string_view kCheckName = kCheckPinning;

  // `sink` receives WARN-mode mismatches; null means a StderrWarningSink of the hook's own.
  explicit PinningHook(PinSet pins, Mode mode = Mode::kEnforce,
                       std::shared_ptr<WarningSink> sink = nullptr);

  absl::string_view name() const override { return kName; }
  ABSL_MUST_USE_RESULT
  absl::StatusOr<HookVerdict> Decide(const HookContext& ctx) const override;
  bool NeedsValidatedPath() const override { return true; }

 private:
  bool ChainHasPin(const HookContext& ctx, const absl::flat_hash_set<std::string>& pins) const;

  PinSet pins_;
  Mode mode_;
  std::shared_ptr<WarningSink> sink_;
};

}  // namespace certval

#endif  // CERTVAL_HOOKS_PINNING_HOOK_H_
