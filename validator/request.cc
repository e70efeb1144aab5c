#include "absl/strings/string_view.h"
#include "validator/request.h"

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
  return profile == Profile::kWebPki ? "webpki" : "rfc5280";
}

}  // namespace certval
