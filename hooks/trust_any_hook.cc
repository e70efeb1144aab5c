#include "certval/hooks/trust_any_hook.h"

#include <cstdio>
#include <string>

#include "absl/strings/str_cat.h"
#include "certval/validator/finding.h"
#include "certval/validator/text_escape.h"

namespace certval {

absl::StatusOr<HookVerdict> TrustAnyHook::Decide(const HookContext& ctx) const {
  WarnOnce(ctx);
  return HookVerdict::kAccept;
}

void TrustAnyHook::WarnOnce(const HookContext& ctx) const {
  // exchange() lets exactly one of several concurrent first callers through.
  if (warned_.exchange(true, std::memory_order_relaxed)) return;
  const Finding finding = MakeFinding(
      code::kHooksTrustAny, -1,
      "certificate validation is disabled: this validator accepts every certificate chain for "
      "every peer (further uses are not reported again)",
      Severity::kWarning);
  const PeerName peer = ctx.peer_name != nullptr ? *ctx.peer_name : PeerName{};
  if (sink_ != nullptr) {
    sink_->OnWarning(peer, finding);
    return;
  }
  std::string line = absl::StrCat("certval warning: peer '", EscapeText(peer.value),
                                  "': ", FormatFinding(finding), "\n");
  std::fputs(line.c_str(), stderr);
}

}  // namespace certval
