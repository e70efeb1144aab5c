// A parsed OCSP response (RFC 6960), immutable after Parse.
//
// Only what a relying party needs: the response status, and for a successful basic response its
// signed data (responder ID, producedAt, the single responses with their CertIDs, statuses and
// times), its signature, and the certificates it carries (a delegated responder's). Parse is strict
// DER and rejects an unknown critical response or single-response extension (RFC 6960 4.4, RFC
// 5280 4.2). Whether a response is authentic and current for a certificate is the revocation
// checker's business.
//
// An OcspResponse owns its DER; every Der view points into it. Thread-safe to read.
#ifndef CERTVAL_VALIDATOR_OCSP_H_
#define CERTVAL_VALIDATOR_OCSP_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "certval/validator/certificate.h"
#include "certval/validator/crl.h"

namespace certval {

enum class OcspCertStatus { kGood, kRevoked, kUnknown };

enum class OcspHash { kSha1, kSha256, kSha384, kSha512 };

struct OcspSingleResponse {
  OcspHash hash = OcspHash::kSha1;
  Der issuer_name_hash;  // OCTET STRING contents
  Der issuer_key_hash;
  Der serial;  // INTEGER contents
  OcspCertStatus status = OcspCertStatus::kUnknown;
  absl::Time revocation_time;              // kRevoked
  std::optional<RevocationReason> reason;  // kRevoked, when given
  absl::Time this_update;
  std::optional<absl::Time> next_update;
};

class OcspResponse {
  struct PassKey {
    explicit PassKey() = default;
  };

 public:
  // A response whose responseStatus is not successful (0) parses, with no single responses: the
  // responder said it could not answer, which is worth reporting as such.
  static absl::StatusOr<std::shared_ptr<const OcspResponse>> Parse(std::string der);

  explicit OcspResponse(PassKey) {}
  OcspResponse(const OcspResponse&) = delete;
  OcspResponse& operator=(const OcspResponse&) = delete;

  int response_status() const { return response_status_; }  // 0 successful
  bool successful() const { return response_status_ == 0; }

  Der tbs() const { return tbs_; }  // ResponseData TLV: what the signature covers
  SignatureAlgorithm signature_algorithm() const { return signature_algorithm_; }
  Der signature() const { return signature_; }
  // ResponderID: byName (the Name TLV) or byKey (SHA-1 of the responder's subjectPublicKey).
  const std::optional<Der>& responder_name() const { return responder_name_; }
  const std::optional<Der>& responder_key_hash() const { return responder_key_hash_; }
  absl::Time produced_at() const { return produced_at_; }
  const std::vector<OcspSingleResponse>& responses() const { return responses_; }
  // The certificates in BasicOCSPResponse.certs, parsed; one that does not parse is left out.
  const std::vector<CertificatePtr>& certs() const { return certs_; }

  // The single response for `cert` issued by `issuer` (CertID: serial, the hash of the issuer's
  // Name and of its public key), or null.
  const OcspSingleResponse* Find(const Certificate& cert, const Certificate& issuer) const;

 private:
  friend class OcspParser;
  std::string der_;
  int response_status_ = 0;
  Der tbs_;
  SignatureAlgorithm signature_algorithm_ = SignatureAlgorithm::kUnknown;
  Der signature_;
  std::optional<Der> responder_name_;
  std::optional<Der> responder_key_hash_;
  absl::Time produced_at_;
  std::vector<OcspSingleResponse> responses_;
  std::vector<CertificatePtr> certs_;
};

using OcspResponsePtr = std::shared_ptr<const OcspResponse>;

// The hash of `data` with `hash`, for CertIDs and ResponderID byKey.
std::string OcspDigest(OcspHash hash, Der data);

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_OCSP_H_
