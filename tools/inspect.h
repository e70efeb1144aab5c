// `certval inspect`: a certificate as a person reads it (text) or a program does (JSON).
//
// Text shows, one labelled line each (lists one item per line): subject and issuer (RFC 4514),
// serial (hex), signature algorithm, validity with the time left or since expiry, key type and
// size, key usage and EKU names, SANs (IPs as text), basic and name constraints, AIA and CRL
// distribution point URLs, certificate policies, key identifiers, extensions, the SHA-256
// fingerprint and the SPKI SHA-256 pin as PinSet::AddBase64 takes it ("sha256//<base64>").
// JSON holds the same as one object per certificate; the command prints an array of them.
#ifndef CERTVAL_TOOLS_INSPECT_H_
#define CERTVAL_TOOLS_INSPECT_H_

#include <string>

#include <nlohmann/json.hpp>

#include "absl/time/time.h"
#include "certval/validator/certificate.h"

namespace certval {

struct InspectContext {
  std::string origin;  // where the certificate came from (already escaped)
  absl::Time now;      // for the time left
};

std::string InspectText(const Certificate& cert, const InspectContext& context);
nlohmann::json InspectJson(const Certificate& cert, const InspectContext& context);

// "AB:CD:...": SHA-256 of the DER. "sha256//<base64>": of the SubjectPublicKeyInfo (RFC 7469).
std::string Sha256Fingerprint(const Certificate& cert);
std::string SpkiPin(const Certificate& cert);

}  // namespace certval

#endif  // CERTVAL_TOOLS_INSPECT_H_
