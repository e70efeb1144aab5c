#include "certval/validator/checks/signature_check.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "certval/validator/checks/check_util.h"
#include "certval/validator/signature_verifier.h"

namespace certval {
namespace {

enum class Verdict { kAccepted, kWeak, kNotAllowed, kUnsupported };

absl::string_view AlgorithmName(SignatureAlgorithm alg) {
  switch (alg) {
    case SignatureAlgorithm::kRsaPkcs1Md5:
      return "md5WithRSAEncryption";
    case SignatureAlgorithm::kRsaPkcs1Sha1:
      return "sha1WithRSAEncryption";
    case SignatureAlgorithm::kRsaPkcs1Sha256:
      return "sha256WithRSAEncryption";
    case SignatureAlgorithm::kRsaPkcs1Sha384:
      return "sha384WithRSAEncryption";
    case SignatureAlgorithm::kRsaPkcs1Sha512:
      return "sha512WithRSAEncryption";
    case SignatureAlgorithm::kRsaPssSha256:
      return "RSASSA-PSS/SHA-256";
    case SignatureAlgorithm::kRsaPssSha384:
      return "RSASSA-PSS/SHA-384";
    case SignatureAlgorithm::kRsaPssSha512:
      return "RSASSA-PSS/SHA-512";
    case SignatureAlgorithm::kEcdsaSha1:
      return "ecdsa-with-SHA1";
    case SignatureAlgorithm::kEcdsaSha256:
      return "ecdsa-with-SHA256";
    case SignatureAlgorithm::kEcdsaSha384:
      return "ecdsa-with-SHA384";
    case SignatureAlgorithm::kEcdsaSha512:
      return "ecdsa-with-SHA512";
    case SignatureAlgorithm::kEd25519:
      return "Ed25519";
    case SignatureAlgorithm::kDsaSha1:
      return "dsa-with-SHA1";
    case SignatureAlgorithm::kDsaSha256:
      return "dsa-with-SHA256";
    case SignatureAlgorithm::kUnknown:
      break;
  }
  return "an unknown algorithm";
}

Verdict Judge(SignatureAlgorithm alg, Profile profile) {
  switch (alg) {
    case SignatureAlgorithm::kRsaPkcs1Sha256:
    case SignatureAlgorithm::kRsaPkcs1Sha384:
    case SignatureAlgorithm::kRsaPkcs1Sha512:
    case SignatureAlgorithm::kRsaPssSha256:
    case SignatureAlgorithm::kRsaPssSha384:
    case SignatureAlgorithm::kRsaPssSha512:
    case SignatureAlgorithm::kEcdsaSha256:
    case SignatureAlgorithm::kEcdsaSha384:
    case SignatureAlgorithm::kEcdsaSha512:
      return Verdict::kAccepted;
    // Sound, but not among the algorithms CABF BR 7.1.3.2 allows for the web PKI.
    case SignatureAlgorithm::kEd25519:
      return check_util::BaselineRequirements(profile) ? Verdict::kNotAllowed : Verdict::kAccepted;
    // SHA-1 collisions are practical (SHAttered, 2017); the BRs stopped it, RFC 5280 predates that.
    case SignatureAlgorithm::kRsaPkcs1Sha1:
    case SignatureAlgorithm::kEcdsaSha1:
      return check_util::BaselineRequirements(profile) ? Verdict::kWeak : Verdict::kAccepted;
    case SignatureAlgorithm::kRsaPkcs1Md5:
      return Verdict::kWeak;
    case SignatureAlgorithm::kDsaSha1:
    case SignatureAlgorithm::kDsaSha256:
    case SignatureAlgorithm::kUnknown:
      break;
  }
  return Verdict::kUnsupported;
}

// Reports when path[i] does not verify under path[i+1]. Reuses what the path builder already
// learned, so a path costs no second public-key operation per edge.
void VerifyEdge(const PathContext& ctx, size_t i, FindingReporter& out) {
  const EdgeSignature known =
      i < ctx.edge_verified.size() ? ctx.edge_verified[i] : EdgeSignature::kNotTried;
  if (known == EdgeSignature::kVerified) return;
  absl::Status status;
  if (known == EdgeSignature::kFailed) {
    status = absl::InvalidArgumentError("the path builder found it does not verify");
  } else {
    // Out of budget: the Validator refuses the path with the limit, so stopping here is safe.
    if (ctx.budget != nullptr && !ctx.budget->ChargeSignature()) return;
    static const SignatureVerifier kDefaultVerifier;
    const SignatureVerifier& verifier = ctx.verifier ? *ctx.verifier : kDefaultVerifier;
    status = verifier.Verify(ctx.cert(i), ctx.cert(i + 1));
  }
  if (status.ok()) return;
  out.Report(static_cast<int>(i), code::kSignatureInvalid,
             absl::StrCat("signature (", AlgorithmName(ctx.cert(i).signature_algorithm()),
                          ") does not verify under the key of certificate ", i + 1, ": ",
                          status.message()));
}

}  // namespace

void SignatureCheck::Run(const PathContext& ctx, FindingReporter& out) const {
  for (size_t i = 0; i + 1 < ctx.path.size(); ++i) {
    SignatureAlgorithm alg = ctx.cert(i).signature_algorithm();
    switch (Judge(alg, ctx.profile)) {
      case Verdict::kAccepted:
        VerifyEdge(ctx, i, out);
        break;
      case Verdict::kWeak:
        out.Report(static_cast<int>(i), code::kSignatureWeakAlgorithm,
                   absl::StrCat("signed with ", AlgorithmName(alg), ", which the ",
                                ProfileName(ctx.profile), " profile refuses as weak"));
        break;
      case Verdict::kNotAllowed:
        out.Report(static_cast<int>(i), code::kSignatureAlgorithmNotAllowed,
                   absl::StrCat("signed with ", AlgorithmName(alg), ", which the ",
                                ProfileName(ctx.profile),
                                " profile does not allow (CABF BR 7.1.3.2: RSA and ECDSA only)"));
        break;
      case Verdict::kUnsupported:
        out.Report(static_cast<int>(i), code::kSignatureUnsupportedAlgorithm,
                   absl::StrCat("signed with ", AlgorithmName(alg), " (AlgorithmIdentifier ",
                                check_util::HexText(ctx.cert(i).signature_algorithm_der()),
                                "), which certval does not accept"));
        break;
    }
  }
}

}  // namespace certval
