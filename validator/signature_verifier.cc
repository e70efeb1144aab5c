#include "certval/validator/signature_verifier.h"

#include <openssl/bytestring.h>
#include <openssl/digest.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>

namespace certval {
namespace {

struct PkeyDeleter {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

enum class Family { kRsaPkcs1, kRsaPss, kEcdsa, kEd25519, kUnsupported };

struct AlgorithmInfo {
  Family family;
  const EVP_MD* md;  // null for Ed25519
};

AlgorithmInfo Describe(SignatureAlgorithm alg) {
  switch (alg) {
    case SignatureAlgorithm::kRsaPkcs1Md5:
      return {Family::kRsaPkcs1, EVP_md5()};
    case SignatureAlgorithm::kRsaPkcs1Sha1:
      return {Family::kRsaPkcs1, EVP_sha1()};
    case SignatureAlgorithm::kRsaPkcs1Sha256:
      return {Family::kRsaPkcs1, EVP_sha256()};
    case SignatureAlgorithm::kRsaPkcs1Sha384:
      return {Family::kRsaPkcs1, EVP_sha384()};
    case SignatureAlgorithm::kRsaPkcs1Sha512:
      return {Family::kRsaPkcs1, EVP_sha512()};
    case SignatureAlgorithm::kRsaPssSha256:
      return {Family::kRsaPss, EVP_sha256()};
    case SignatureAlgorithm::kRsaPssSha384:
      return {Family::kRsaPss, EVP_sha384()};
    case SignatureAlgorithm::kRsaPssSha512:
      return {Family::kRsaPss, EVP_sha512()};
    case SignatureAlgorithm::kEcdsaSha1:
      return {Family::kEcdsa, EVP_sha1()};
    case SignatureAlgorithm::kEcdsaSha256:
      return {Family::kEcdsa, EVP_sha256()};
    case SignatureAlgorithm::kEcdsaSha384:
      return {Family::kEcdsa, EVP_sha384()};
    case SignatureAlgorithm::kEcdsaSha512:
      return {Family::kEcdsa, EVP_sha512()};
    case SignatureAlgorithm::kEd25519:
      return {Family::kEd25519, nullptr};
    default:
      return {Family::kUnsupported, nullptr};
  }
}

bool KeyFits(Family family, int pkey_type) {
  switch (family) {
    case Family::kRsaPkcs1:
    case Family::kRsaPss:
      return pkey_type == EVP_PKEY_RSA;
    case Family::kEcdsa:
      return pkey_type == EVP_PKEY_EC;
    case Family::kEd25519:
      return pkey_type == EVP_PKEY_ED25519;
    case Family::kUnsupported:
      return false;
  }
  return false;
}

}  // namespace

namespace {

absl::Status VerifyWithKey(SignatureAlgorithm alg, EVP_PKEY* key, Der data, Der signature) {
  AlgorithmInfo info = Describe(alg);
  if (info.family == Family::kUnsupported) {
    return absl::UnimplementedError("unsupported signature algorithm");
  }
  if (key == nullptr) {
    return absl::InvalidArgumentError("issuer public key cannot be used for verification");
  }
  if (!KeyFits(info.family, EVP_PKEY_id(key))) {
    return absl::InvalidArgumentError("signature algorithm does not match the issuer's key type");
  }
  std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  if (ctx == nullptr || !EVP_DigestVerifyInit(ctx.get(), &pctx, info.md, nullptr, key)) {
    return absl::InternalError("cannot initialise signature verification");
  }
  if (info.family == Family::kRsaPss &&
      (!EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) ||
       !EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, -1) ||  // salt length = digest length
       !EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, info.md))) {
    return absl::InternalError("cannot configure RSASSA-PSS");
  }
  int ok = EVP_DigestVerify(ctx.get(), reinterpret_cast<const uint8_t*>(signature.data()),
                            signature.size(), reinterpret_cast<const uint8_t*>(data.data()),
                            data.size());
  if (ok != 1) return absl::InvalidArgumentError("signature does not verify");
  return absl::OkStatus();
}

}  // namespace

absl::Status SignatureVerifier::Verify(const Certificate& child, const Certificate& issuer) const {
  // The issuer's key as parsed once and kept by the Certificate (see verification_key()).
  return VerifyWithKey(child.signature_algorithm(), issuer.verification_key(), child.tbs(),
                       child.signature());
}

absl::Status SignatureVerifier::VerifySignedData(SignatureAlgorithm alg, Der spki, Der data,
                                                 Der signature) {
  CBS cbs;
  CBS_init(&cbs, reinterpret_cast<const uint8_t*>(spki.data()), spki.size());
  std::unique_ptr<EVP_PKEY, PkeyDeleter> key(EVP_parse_public_key(&cbs));
  if (key != nullptr && CBS_len(&cbs) != 0) key.reset();
  return VerifyWithKey(alg, key.get(), data, signature);
}

absl::Status SignatureVerifier::VerifySignedBy(SignatureAlgorithm alg, const Certificate& signer,
                                               Der data, Der signature) {
  return VerifyWithKey(alg, signer.verification_key(), data, signature);
}

}  // namespace certval
