#include "certval/validator/codes.h"

namespace certval {

absl::Span<const FindingCode> AllFindingCodes() {
#define CERTVAL_LIST_FINDING_CODE(name, text) code::name,
  static constexpr FindingCode kAll[] = {CERTVAL_FINDING_CODES(CERTVAL_LIST_FINDING_CODE)};
#undef CERTVAL_LIST_FINDING_CODE
  return kAll;
}

}  // namespace certval
