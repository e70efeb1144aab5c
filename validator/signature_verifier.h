// Verifies a certificate's signature with its issuer's public key (BoringSSL EVP).
//
// The algorithm must fit the key: an RSA algorithm needs an RSA key, ECDSA an EC key, Ed25519 an
// Ed25519 key. Whether an algorithm is acceptable at all (SHA-1, small keys) is policy, decided by
// the signature check, not here. Thread-safe; const after construction.
#ifndef CERTVAL_VALIDATOR_SIGNATURE_VERIFIER_H_
#define CERTVAL_VALIDATOR_SIGNATURE_VERIFIER_H_

#include "absl/base/attributes.h"
#include "absl/status/status.h"
#include "certval/validator/certificate.h"

namespace certval {

class SignatureVerifier {
 public:
  virtual ~SignatureVerifier() = default;

  // OK when `child` carries a valid signature by `issuer`'s key.
  ABSL_MUST_USE_RESULT
  virtual absl::Status Verify(const Certificate& child, const Certificate& issuer) const;

  // The primitive: `signature` over `data` with algorithm `alg` under the key in `spki`.
  ABSL_MUST_USE_RESULT
  static absl::Status VerifySignedData(SignatureAlgorithm alg, Der spki, Der data, Der signature);
  // The same with `signer`'s key as the Certificate keeps it parsed (CRLs, OCSP responses).
  static absl::Status VerifySignedBy(SignatureAlgorithm alg, const Certificate& signer, Der data,
                                     Der signature);
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_SIGNATURE_VERIFIER_H_
