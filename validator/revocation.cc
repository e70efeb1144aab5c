#include "validator/revocation.h"

namespace certval {

absl::string_view RevocationStateName(RevocationState state) {
  switch (state) {
    case RevocationState::kGood:
      return "good";
    case RevocationState::kRevoked:
      return "revoked";
    case RevocationState::kUnknown:
      break;
  }
  return "unknown";
}

}  // namespace certval
