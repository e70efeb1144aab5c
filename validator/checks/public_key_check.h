// public_key: the key policy, for every certificate of the path (leaf, intermediates, anchor).
//
// webpki (CABF BR 6.1.5, 7.1.3.1): RSA with a modulus of at least 2048 bits and a multiple of 8;
//   EC only on the named curves P-256, P-384 and P-521 (explicit parameters and other curves are
//   refused); DSA, Ed25519 (not in BR 6.1.5's list) and unknown key types are refused.
// rfc5280, rfc5280_strict: RFC 5280 sets no key policy, so only what is broken in practice is
//   refused: RSA below 1024 bits (RSA-768 was factored publicly in 2009). Other key types pass
//   here; one that BoringSSL cannot use fails at the signature check as soon as it has to verify
//   something.
// A certificate trusted exactly (TrustKind::kLeaf) is not judged: the user vouched for it as is.
//
// Codes: rsa_too_small, rsa_not_multiple_of_8, ec_explicit_curve, ec_curve_not_allowed,
//        key_type_not_allowed (DSA, Ed25519 or unknown, webpki).
#ifndef CERTVAL_VALIDATOR_CHECKS_PUBLIC_KEY_CHECK_H_
#define CERTVAL_VALIDATOR_CHECKS_PUBLIC_KEY_CHECK_H_

#include "absl/strings/string_view.h"
#include "certval/validator/check.h"

namespace certval {

class PublicKeyCheck final : public Check {
 public:
  static constexpr absl::string_view kName = kCheckPublicKey;
  absl::string_view name() const override { return kName; }
  void Run(const PathContext& ctx, FindingReporter& out) const override;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CHECKS_PUBLIC_KEY_CHECK_H_
