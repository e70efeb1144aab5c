#include "certval/validator/checks/public_key_check.h"

#include <openssl/bytestring.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "certval/validator/checks/check_util.h"

namespace certval {
namespace {

constexpr int kWebPkiMinRsaBits = 2048;
constexpr int kRfc5280MinRsaBits = 1024;

void CheckRsa(const PublicKeyInfo& key, const PathContext& ctx, int index, FindingReporter& out) {
  const bool webpki = check_util::BaselineRequirements(ctx.profile);
  const int min_bits = webpki ? kWebPkiMinRsaBits : kRfc5280MinRsaBits;
  if (key.bits < min_bits) {
    out.Report(index, code::kPublicKeyRsaTooSmall,
               absl::StrCat("RSA modulus is ", key.bits, " bits; the ", ProfileName(ctx.profile),
                            " profile requires at least ", min_bits));
  } else if (webpki && key.bits % 8 != 0) {
    out.Report(index, code::kPublicKeyRsaNotMultipleOf8,
               absl::StrCat("RSA modulus is ", key.bits,
                            " bits, not a multiple of 8 as CABF BR 6.1.5 requires"));
  }
}

// The named curve of an EC AlgorithmIdentifier { id-ecPublicKey, namedCurve } as a dotted OID, or
// the AlgorithmIdentifier in hex when it has no named curve.
std::string CurveText(Der algorithm) {
  CBS alg, seq, oid, curve;
  CBS_init(&alg, reinterpret_cast<const uint8_t*>(algorithm.data()), algorithm.size());
  if (CBS_get_asn1(&alg, &seq, CBS_ASN1_SEQUENCE) && CBS_get_asn1(&seq, &oid, CBS_ASN1_OBJECT) &&
      CBS_get_asn1(&seq, &curve, CBS_ASN1_OBJECT)) {
    return check_util::OidText(
        Der(reinterpret_cast<const char*>(CBS_data(&curve)), CBS_len(&curve)));
  }
  return absl::StrCat("AlgorithmIdentifier ", check_util::HexText(algorithm));
}

// Under webpki only: the key types CABF does not allow.
void CheckWebPkiType(const PublicKeyInfo& key, int index, FindingReporter& out) {
  switch (key.type) {
    case KeyType::kEcExplicitCurve:
      out.Report(index, code::kPublicKeyEcExplicitCurve,
                 "EC key with explicit curve parameters; CABF BR 7.1.3.1.2 requires a namedCurve");
      return;
    case KeyType::kEcOtherCurve:
      // The parser knows no size for curves it does not name: show which curve it is.
      out.Report(index, code::kPublicKeyEcCurveNotAllowed,
                 absl::StrCat("EC key on curve ", CurveText(key.algorithm),
                              ", not P-256, P-384 or P-521 (CABF BR 6.1.5)"));
      return;
    case KeyType::kDsa:
      out.Report(index, code::kPublicKeyKeyTypeNotAllowed,
                 "DSA key; CABF BR 6.1.5 allows only RSA and ECDSA");
      return;
    case KeyType::kEd25519:
      out.Report(index, code::kPublicKeyKeyTypeNotAllowed,
                 "Ed25519 key; CABF BR 6.1.5 allows only RSA and ECDSA");
      return;
    case KeyType::kUnknown:
      out.Report(index, code::kPublicKeyKeyTypeNotAllowed,
                 absl::StrCat("unrecognised key algorithm (AlgorithmIdentifier ",
                              check_util::HexText(key.algorithm), ")"));
      return;
    default:
      return;
  }
}

}  // namespace

void PublicKeyCheck::Run(const PathContext& ctx, FindingReporter& out) const {
  if (check_util::IsTrustedLeafOnly(ctx)) return;
  for (size_t i = 0; i < ctx.path.size(); ++i) {
    const PublicKeyInfo& key = ctx.cert(i).public_key();
    const int index = static_cast<int>(i);
    if (key.type == KeyType::kRsa) {
      CheckRsa(key, ctx, index, out);
    } else if (check_util::BaselineRequirements(ctx.profile)) {
      CheckWebPkiType(key, index, out);
    }
  }
}

}  // namespace certval
