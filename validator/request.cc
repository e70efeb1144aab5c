#include "certval/validator/request.h"

#include "absl/strings/string_view.h"

namespace certval {

absl::string_view PurposeName(Purpose purpose) {
  switch (purpose) {
    case Purpose::kServerAuth:
      return "serverAuth";
    case Purpose::kClientAuth:
      return "clientAuth";
    case Purpose::kAny:
      return "any";
  }
  return "serverAuth";
}

absl::string_view ProfileName(Profile profile) {
  switch (profile) {
    case Profile::kWebPki:
      return "webpki";
    case Profile::kRfc5280:
      return "rfc5280";
    case Profile::kRfc5280Strict:
      return "rfc5280_strict";
  }
  return "webpki";
}

}  // namespace certval
