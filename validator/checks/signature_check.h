// signature: every certificate is signed by the next one's key, with an acceptable algorithm.
//
// For each i < path.size()-1, path[i]'s signature must verify under path[i+1]'s public key. The
// trust anchor's own (self-)signature is never checked: trust in it does not come from it.
// Algorithms: webpki accepts RSA PKCS#1 v1.5 and RSA-PSS with SHA-256/384/512 and ECDSA with
// SHA-256/384/512 (CABF BR 7.1.3.2); rfc5280 and rfc5280_strict also accept Ed25519 and SHA-1 (RSA,
// ECDSA). MD5, DSA and unknown algorithms are refused under all three (BoringSSL cannot verify
// DSA). Each verification not already made by the path builder is charged to the validation's
// Budget.
//
// Codes: weak_algorithm (MD5, SHA-1 where refused), algorithm_not_allowed (Ed25519 under webpki),
//        unsupported_algorithm (DSA, unknown), invalid (the signature does not verify).
#ifndef CERTVAL_VALIDATOR_CHECKS_SIGNATURE_CHECK_H_
#define CERTVAL_VALIDATOR_CHECKS_SIGNATURE_CHECK_H_

#include "absl/strings/string_view.h"
#include "certval/validator/check.h"

namespace certval {

class SignatureCheck final : public Check {
 public:
  static constexpr absl::string_view kName = kCheckSignature;
  absl::string_view name() const override { return kName; }
  void Run(const PathContext& ctx, FindingReporter& out) const override;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CHECKS_SIGNATURE_CHECK_H_
