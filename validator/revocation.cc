#include "certval/validator/revocation.h"

#include <openssl/bytestring.h>

#include "certval/validator/der.h"
#include "certval/validator/oids.h"

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

bool RequiresStapledOcsp(const Certificate& cert) {
  static constexpr auto kOidTlsFeature = OidBytes("\x2b\x06\x01\x05\x05\x07\x01\x18");
  const Extension* ext = cert.FindExtension(kOidTlsFeature);
  if (ext == nullptr) return false;
  CBS value, list;
  CBS_init(&value, reinterpret_cast<const uint8_t*>(ext->value.data()), ext->value.size());
  if (!der::Get(&value, &list, CBS_ASN1_SEQUENCE) || value.len != 0) return true;
  while (list.len > 0) {
    uint64_t feature;
    if (!CBS_get_asn1_uint64(&list, &feature)) return true;
    if (feature == 5) return true;  // status_request (RFC 6066)
  }
  return false;
}

}  // namespace certval
