#include "certval/hooks/pinning_hook.h"

#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/checks/builtin.h"
#include "certval/validator/finding.h"
#include "certval/validator/result.h"

namespace certval {

absl::Status PinSet::Add(absl::string_view host_pattern, absl::string_view spki_sha256) {
  absl::StatusOr<std::string> pattern = CanonicalHostPattern(host_pattern);
  if (!pattern.ok()) return pattern.status();
  if (spki_sha256.size() != 32) {
    return absl::InvalidArgumentError(absl::StrCat("pin for '", host_pattern,
                                                   "': ", spki_sha256.size(),
                                                   " bytes, but a SHA-256 digest has 32"));
  }
  pins_[*pattern].insert(std::string(spki_sha256));
  return absl::OkStatus();
}

absl::Status PinSet::AddBase64(absl::string_view host_pattern, absl::string_view base64) {
  absl::ConsumePrefix(&base64, "sha256//");
  std::string digest;
  if (!absl::Base64Unescape(base64, &digest)) {
    return absl::InvalidArgumentError(
        absl::StrCat("pin for '", host_pattern, "': '", base64, "' is not base64"));
  }
  return Add(host_pattern, digest);
}

absl::Status PinSet::AddCertificate(absl::string_view host_pattern, const Certificate& cert) {
  return Add(host_pattern, SpkiSha256(cert));
}

PinningHook::PinningHook(PinSet pins, Mode mode, std::shared_ptr<WarningSink> sink)
    : pins_(std::move(pins)), mode_(mode), sink_(std::move(sink)) {
  if (sink_ == nullptr) sink_ = std::make_shared<StderrWarningSink>();
}

bool PinningHook::ChainHasPin(const HookContext& ctx,
                              const absl::flat_hash_set<std::string>& pins) const {
  // Only the validated path counts (RFC 7469 2.6): a certificate that was merely presented proves
  // nothing, since anyone can append the victim's public intermediate to their own chain.
  for (const CertificatePtr& cert : ctx.validated_path) {
    if (pins.contains(SpkiSha256(*cert))) return true;
  }
  return false;
}

absl::StatusOr<HookVerdict> PinningHook::Decide(const HookContext& ctx) const {
  if (mode_ == Mode::kDisable || ctx.peer_name == nullptr || ctx.peer_name->value.empty()) {
    return HookVerdict::kDefer;
  }
  const absl::flat_hash_set<std::string>* pins = pins_.PinsFor(ctx.peer_name->value);
  if (pins == nullptr || ChainHasPin(ctx, *pins)) return HookVerdict::kDefer;
  if (mode_ == Mode::kEnforce) return HookVerdict::kReject;
  sink_->OnWarning(
      *ctx.peer_name,
      MakeFinding(code::kPinningMismatch, -1,
                  absl::StrCat("no certificate of the validated path has one of the ", pins->size(),
                               " pinned keys for '", ctx.peer_name->value, "'"),
                  Severity::kWarning));
  return HookVerdict::kDefer;
}

}  // namespace certval
