#include "certval/validator/fetcher.h"

namespace certval {

absl::string_view FetchKindName(FetchKind kind) {
  switch (kind) {
    case FetchKind::kIssuers:
      return "issuers";
    case FetchKind::kCrl:
      return "crl";
    case FetchKind::kOcsp:
      return "ocsp";
  }
  return "issuers";
}

}  // namespace certval
