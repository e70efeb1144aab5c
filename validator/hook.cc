#include "certval/validator/hook.h"

#include "absl/strings/string_view.h"

namespace certval {

absl::string_view HookVerdictName(HookVerdict verdict) {
  switch (verdict) {
    case HookVerdict::kAccept:
      return "accept";
    case HookVerdict::kReject:
      return "reject";
    case HookVerdict::kDefer:
      return "defer";
  }
  return "defer";
}

}  // namespace certval
