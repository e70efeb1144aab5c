// OcspResponse::Parse: a strict RFC 6960 parser over BoringSSL's CBS.
#include "certval/validator/ocsp.h"

#include <openssl/bytestring.h>
#include <openssl/digest.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "certval/validator/der.h"
#include "certval/validator/oids.h"

namespace certval {
namespace {

constexpr unsigned kContext = CBS_ASN1_CONTEXT_SPECIFIC;
constexpr unsigned kConstructed = CBS_ASN1_CONSTRUCTED;

// 1.3.6.1.5.5.7.48.1.1 id-pkix-ocsp-basic, 1.3.6.1.5.5.7.48.1.2 id-pkix-ocsp-nonce,
// 1.3.6.1.5.5.7.48.1.9 id-pkix-ocsp-extended-revoke (RFC 6960 4.4.8).
constexpr auto kOidOcspBasic = OidBytes("\x2b\x06\x01\x05\x05\x07\x30\x01\x01");
constexpr auto kOidOcspNonce = OidBytes("\x2b\x06\x01\x05\x05\x07\x30\x01\x02");
constexpr auto kOidOcspExtendedRevoke = OidBytes("\x2b\x06\x01\x05\x05\x07\x30\x01\x09");
// Single-response extensions RFC 6960 and RFC 5280 define: CRL reference, archive cutoff, the CRL
// entry extensions.
constexpr auto kOidOcspCrl = OidBytes("\x2b\x06\x01\x05\x05\x07\x30\x01\x03");
constexpr auto kOidOcspArchiveCutoff = OidBytes("\x2b\x06\x01\x05\x05\x07\x30\x01\x06");

Der View(const CBS& cbs) { return Der(reinterpret_cast<const char*>(cbs.data), cbs.len); }

CBS ToCbs(Der der) {
  CBS cbs;
  CBS_init(&cbs, reinterpret_cast<const uint8_t*>(der.data()), der.size());
  return cbs;
}

const EVP_MD* Md(OcspHash hash) {
  switch (hash) {
    case OcspHash::kSha1:
      return EVP_sha1();
    case OcspHash::kSha256:
      return EVP_sha256();
    case OcspHash::kSha384:
      return EVP_sha384();
    case OcspHash::kSha512:
      return EVP_sha512();
  }
  return EVP_sha1();
}

bool ReadGeneralizedTime(CBS* in, absl::Time* out) {
  CBS value;
  return der::Get(in, &value, CBS_ASN1_GENERALIZEDTIME) &&
         ParseX509Time(CBS_ASN1_GENERALIZEDTIME, View(value), out).empty();
}

// Extensions: rejects duplicates and unknown critical ones; `known` says which OIDs are understood.
template <typename Known>
absl::Status CheckExtensions(CBS exts, absl::string_view where, Known known) {
  // A handful are defined; the cap keeps the duplicate check from growing quadratically.
  constexpr size_t kMaxExtensions = 32;
  std::vector<Der> seen;
  while (exts.len > 0) {
    if (seen.size() == kMaxExtensions) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": more than 32 extensions"));
    }
    CBS ext, oid, value;
    if (!der::Get(&exts, &ext, CBS_ASN1_SEQUENCE) || !der::Get(&ext, &oid, CBS_ASN1_OBJECT)) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": malformed extension"));
    }
    bool critical = false;
    if (der::Peek(ext, CBS_ASN1_BOOLEAN)) {
      int flag;
      if (!CBS_get_asn1_bool(&ext, &flag) || !flag) {
        return absl::InvalidArgumentError(absl::StrCat(where, ": malformed critical flag"));
      }
      critical = true;
    }
    if (!der::Get(&ext, &value, CBS_ASN1_OCTETSTRING) || ext.len != 0) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": malformed extension"));
    }
    for (Der s : seen) {
      if (s == View(oid))
        return absl::InvalidArgumentError(absl::StrCat(where, ": duplicate extension"));
    }
    seen.push_back(View(oid));
    if (critical && !known(View(oid))) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": unknown critical extension"));
    }
  }
  return absl::OkStatus();
}

// The responseExtensions understood, so allowed to be critical (RFC 6960 4.4).
bool IsKnownResponseExtension(Der oid) {
  return oid == kOidOcspNonce || oid == kOidOcspExtendedRevoke;
}

// The singleExtensions understood: CRL reference, archive cutoff.
bool IsKnownSingleExtension(Der oid) { return oid == kOidOcspCrl || oid == kOidOcspArchiveCutoff; }

// CertID's hashAlgorithm: SHA-1 or SHA-2 only.
bool HashFromOid(Der oid, OcspHash* out) {
  if (oid == kOidSha1) {
    *out = OcspHash::kSha1;
  } else if (oid == kOidSha256) {
    *out = OcspHash::kSha256;
  } else if (oid == kOidSha384) {
    *out = OcspHash::kSha384;
  } else if (oid == kOidSha512) {
    *out = OcspHash::kSha512;
  } else {
    return false;
  }
  return true;
}

}  // namespace

std::string OcspDigest(OcspHash hash, Der data) {
  uint8_t out[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  if (!EVP_Digest(data.data(), data.size(), out, &len, Md(hash), nullptr)) return "";
  return std::string(reinterpret_cast<const char*>(out), len);
}

class OcspParser {
 public:
  explicit OcspParser(OcspResponse* r) : r_(r) {}
  absl::Status Parse();

 private:
  static absl::Status Bad(absl::string_view what) {
    return absl::InvalidArgumentError(absl::StrCat("OCSP response: ", what));
  }
  static absl::Status ParseExtensionsField(CBS* in, absl::string_view field, bool (*known)(Der));
  absl::Status ParseBasic(CBS basic);
  absl::Status ParseCerts(CBS basic);
  absl::Status ParseResponseData(CBS tbs_tlv);
  static absl::Status ParseVersion(CBS* tbs);
  absl::Status ParseResponderId(CBS* tbs);
  absl::Status ParseResponses(CBS* tbs);
  absl::Status ParseSingle(CBS single);
  static absl::Status ParseCertId(CBS* single, OcspSingleResponse* out);
  static absl::Status ParseCertStatus(CBS* single, OcspSingleResponse* out);
  static absl::Status ParseRevokedInfo(CBS info, OcspSingleResponse* out);
  static absl::Status ParseNextUpdate(CBS* single, OcspSingleResponse* out);
  OcspResponse* r_;
};

absl::Status OcspParser::Parse() {
  CBS in = ToCbs(r_->der_), response, status;
  if (!der::Get(&in, &response, CBS_ASN1_SEQUENCE) || in.len != 0)
    return Bad("not one DER SEQUENCE");
  if (!der::Get(&response, &status, CBS_ASN1_ENUMERATED) || status.len != 1 || status.data[0] > 6 ||
      status.data[0] == 4) {
    return Bad("malformed responseStatus");
  }
  r_->response_status_ = status.data[0];
  if (!r_->successful()) {
    // responseBytes accompany a successful status only.
    if (response.len != 0) return Bad("responseBytes in an unsuccessful response");
    return absl::OkStatus();
  }
  CBS wrapper, bytes, type, octets;
  if (!der::Get(&response, &wrapper, kContext | kConstructed | 0) || response.len != 0 ||
      !der::Get(&wrapper, &bytes, CBS_ASN1_SEQUENCE) || wrapper.len != 0 ||
      !der::Get(&bytes, &type, CBS_ASN1_OBJECT) ||
      !der::Get(&bytes, &octets, CBS_ASN1_OCTETSTRING) || bytes.len != 0) {
    return Bad("malformed responseBytes");
  }
  if (View(type) != kOidOcspBasic) return Bad("responseType is not id-pkix-ocsp-basic");
  return ParseBasic(octets);
}

// responseExtensions and singleExtensions alike: an optional trailing [1] EXPLICIT SEQUENCE of
// Extension, named `field` in errors.
absl::Status OcspParser::ParseExtensionsField(CBS* in, absl::string_view field,
                                              bool (*known)(Der)) {
  if (in->len == 0) return absl::OkStatus();
  CBS wrapper, exts;
  if (!der::Get(in, &wrapper, kContext | kConstructed | 1) ||
      !der::Get(&wrapper, &exts, CBS_ASN1_SEQUENCE) || wrapper.len != 0) {
    return Bad(absl::StrCat("malformed ", field));
  }
  return CheckExtensions(exts, absl::StrCat("OCSP response: ", field), known);
}

absl::Status OcspParser::ParseBasic(CBS octets) {
  CBS basic, tbs_tlv, alg, sig;
  if (!der::Get(&octets, &basic, CBS_ASN1_SEQUENCE) || octets.len != 0 ||
      !der::GetElement(&basic, &tbs_tlv, CBS_ASN1_SEQUENCE) ||
      !der::GetElement(&basic, &alg, CBS_ASN1_SEQUENCE) ||
      !der::Get(&basic, &sig, CBS_ASN1_BITSTRING)) {
    return Bad("malformed BasicOCSPResponse");
  }
  if (sig.len < 1 || sig.data[0] != 0) return Bad("signature has unused bits");
  r_->tbs_ = View(tbs_tlv);
  r_->signature_algorithm_ = ParseSignatureAlgorithmIdentifier(View(alg));
  r_->signature_ = View(sig).substr(1);
  // certs come after tbsResponseData in the encoding and are checked first.
  if (absl::Status s = ParseCerts(basic); !s.ok()) return s;
  return ParseResponseData(tbs_tlv);
}

// certs [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL: what is left of the BasicOCSPResponse.
absl::Status OcspParser::ParseCerts(CBS basic) {
  if (basic.len == 0) return absl::OkStatus();
  CBS wrapper, list;
  if (!der::Get(&basic, &wrapper, kContext | kConstructed | 0) ||
      !der::Get(&wrapper, &list, CBS_ASN1_SEQUENCE) || wrapper.len != 0 || basic.len != 0) {
    return Bad("malformed certs");
  }
  // A responder includes its own certificate, seldom more; bound what a hostile one can make us
  // parse.
  while (list.len > 0) {
    CBS cert;
    if (!der::GetElement(&list, &cert, CBS_ASN1_SEQUENCE)) return Bad("malformed certs");
    if (r_->certs_.size() >= 8) return Bad("more than 8 certificates");
    auto parsed = Certificate::Parse(std::string(View(cert)));
    if (parsed.ok()) r_->certs_.push_back(*std::move(parsed));
  }
  return absl::OkStatus();
}

// ResponseData's fields in order; `tbs_tlv` is one whole SEQUENCE element.
absl::Status OcspParser::ParseResponseData(CBS tbs_tlv) {
  CBS tbs;
  if (!der::Get(&tbs_tlv, &tbs, CBS_ASN1_SEQUENCE)) return Bad("malformed ResponseData");
  if (absl::Status s = ParseVersion(&tbs); !s.ok()) return s;
  if (absl::Status s = ParseResponderId(&tbs); !s.ok()) return s;
  if (!ReadGeneralizedTime(&tbs, &r_->produced_at_)) return Bad("malformed producedAt");
  if (absl::Status s = ParseResponses(&tbs); !s.ok()) return s;
  if (absl::Status s = ParseExtensionsField(&tbs, "responseExtensions", IsKnownResponseExtension);
      !s.ok()) {
    return s;
  }
  if (tbs.len != 0) return Bad("trailing data in ResponseData");
  return absl::OkStatus();
}

// version [0] EXPLICIT Version DEFAULT v1: when present, it must say v1 (0).
absl::Status OcspParser::ParseVersion(CBS* tbs) {
  if (!der::Peek(*tbs, kContext | kConstructed | 0)) return absl::OkStatus();
  CBS wrapper, version;
  if (!der::Get(tbs, &wrapper, kContext | kConstructed | 0) ||
      !der::Get(&wrapper, &version, CBS_ASN1_INTEGER) || wrapper.len != 0 || version.len != 1 ||
      version.data[0] != 0) {
    return Bad("version must be v1");
  }
  return absl::OkStatus();
}

// responderID: byName [1] (a Name, kept as its DER) or byKey [2] (a SHA-1 hash of the key).
absl::Status OcspParser::ParseResponderId(CBS* tbs) {
  CBS responder;
  if (der::Get(tbs, &responder, kContext | kConstructed | 1)) {
    CBS name;
    if (!der::GetElement(&responder, &name, CBS_ASN1_SEQUENCE) || responder.len != 0) {
      return Bad("malformed responderID byName");
    }
    Name scratch;
    if (!ParseName(View(name), &scratch).ok()) return Bad("malformed responderID byName");
    r_->responder_name_ = View(name);
  } else if (der::Get(tbs, &responder, kContext | kConstructed | 2)) {
    CBS hash;
    if (!der::Get(&responder, &hash, CBS_ASN1_OCTETSTRING) || responder.len != 0 ||
        hash.len != 20) {
      return Bad("malformed responderID byKey");
    }
    r_->responder_key_hash_ = View(hash);
  } else {
    return Bad("missing responderID");
  }
  return absl::OkStatus();
}

absl::Status OcspParser::ParseResponses(CBS* tbs) {
  CBS responses;
  if (!der::Get(tbs, &responses, CBS_ASN1_SEQUENCE)) return Bad("malformed responses");
  while (responses.len > 0) {
    CBS single;
    if (!der::Get(&responses, &single, CBS_ASN1_SEQUENCE)) return Bad("malformed SingleResponse");
    // An honest response answers for one certificate, a batch for a few; 1000 bounds the work.
    if (r_->responses_.size() >= 1000) return Bad("more than 1000 single responses");
    if (absl::Status s = ParseSingle(single); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status OcspParser::ParseSingle(CBS single) {
  OcspSingleResponse out;
  if (absl::Status s = ParseCertId(&single, &out); !s.ok()) return s;
  if (absl::Status s = ParseCertStatus(&single, &out); !s.ok()) return s;
  if (!ReadGeneralizedTime(&single, &out.this_update)) return Bad("malformed thisUpdate");
  if (absl::Status s = ParseNextUpdate(&single, &out); !s.ok()) return s;
  if (absl::Status s = ParseExtensionsField(&single, "singleExtensions", IsKnownSingleExtension);
      !s.ok()) {
    return s;
  }
  if (single.len != 0) return Bad("trailing data in SingleResponse");
  r_->responses_.push_back(out);
  return absl::OkStatus();
}

absl::Status OcspParser::ParseCertId(CBS* single, OcspSingleResponse* out) {
  CBS cert_id, alg, alg_oid, name_hash, key_hash, serial;
  if (!der::Get(single, &cert_id, CBS_ASN1_SEQUENCE) ||
      !der::Get(&cert_id, &alg, CBS_ASN1_SEQUENCE) || !der::Get(&alg, &alg_oid, CBS_ASN1_OBJECT) ||
      !der::Get(&cert_id, &name_hash, CBS_ASN1_OCTETSTRING) ||
      !der::Get(&cert_id, &key_hash, CBS_ASN1_OCTETSTRING) ||
      !der::Get(&cert_id, &serial, CBS_ASN1_INTEGER) || cert_id.len != 0) {
    return Bad("malformed CertID");
  }
  // Parameters: absent or NULL.
  if (alg.len != 0 && View(alg) != absl::string_view("\x05\x00", 2)) {
    return Bad("malformed CertID hash");
  }
  if (!HashFromOid(View(alg_oid), &out->hash)) {
    return Bad("CertID hash algorithm is not SHA-1 or SHA-2");
  }
  out->issuer_name_hash = View(name_hash);
  out->issuer_key_hash = View(key_hash);
  out->serial = View(serial);
  return absl::OkStatus();
}

// certStatus, a CHOICE: good [0] NULL, revoked [1] RevokedInfo, unknown [2] NULL (all IMPLICIT).
absl::Status OcspParser::ParseCertStatus(CBS* single, OcspSingleResponse* out) {
  CBS status;
  if (der::Get(single, &status, kContext | 0)) {
    if (status.len != 0) return Bad("malformed good status");
    out->status = OcspCertStatus::kGood;
  } else if (der::Get(single, &status, kContext | kConstructed | 1)) {
    out->status = OcspCertStatus::kRevoked;
    return ParseRevokedInfo(status, out);
  } else if (der::Get(single, &status, kContext | 2)) {
    if (status.len != 0) return Bad("malformed unknown status");
    out->status = OcspCertStatus::kUnknown;
  } else {
    return Bad("malformed certStatus");
  }
  return absl::OkStatus();
}

// RevokedInfo's contents: revocationTime, then revocationReason [0] EXPLICIT CRLReason OPTIONAL.
absl::Status OcspParser::ParseRevokedInfo(CBS info, OcspSingleResponse* out) {
  if (!ReadGeneralizedTime(&info, &out->revocation_time)) return Bad("malformed revocationTime");
  if (info.len > 0) {
    CBS wrapper, reason;
    // ENUMERATED 0..10 is one content octet; 7 is unassigned.
    if (!der::Get(&info, &wrapper, kContext | kConstructed | 0) ||
        !der::Get(&wrapper, &reason, CBS_ASN1_ENUMERATED) || wrapper.len != 0 || reason.len != 1 ||
        reason.data[0] > 10 || reason.data[0] == 7) {
      return Bad("malformed revocationReason");
    }
    out->reason = static_cast<RevocationReason>(reason.data[0]);
  }
  if (info.len != 0) return Bad("malformed RevokedInfo");
  return absl::OkStatus();
}

// nextUpdate [0] EXPLICIT GeneralizedTime OPTIONAL.
absl::Status OcspParser::ParseNextUpdate(CBS* single, OcspSingleResponse* out) {
  if (!der::Peek(*single, kContext | kConstructed | 0)) return absl::OkStatus();
  CBS wrapper;
  absl::Time next;
  if (!der::Get(single, &wrapper, kContext | kConstructed | 0) ||
      !ReadGeneralizedTime(&wrapper, &next) || wrapper.len != 0) {
    return Bad("malformed nextUpdate");
  }
  out->next_update = next;
  return absl::OkStatus();
}

absl::StatusOr<std::shared_ptr<const OcspResponse>> OcspResponse::Parse(std::string der) {
  auto r = std::make_shared<OcspResponse>(PassKey());
  r->der_ = std::move(der);
  if (absl::Status s = OcspParser(r.get()).Parse(); !s.ok()) return s;
  return std::shared_ptr<const OcspResponse>(std::move(r));
}

const OcspSingleResponse* OcspResponse::Find(const Certificate& cert,
                                             const Certificate& issuer) const {
  for (const OcspSingleResponse& s : responses_) {
    if (s.serial != cert.serial()) continue;
    // The issuer's Name as encoded in the certificate (RFC 6960 4.1.1), and its key's BIT STRING
    // contents.
    if (OcspDigest(s.hash, cert.issuer().der) != s.issuer_name_hash) continue;
    if (OcspDigest(s.hash, issuer.public_key().key) != s.issuer_key_hash) continue;
    return &s;
  }
  return nullptr;
}

}  // namespace certval
