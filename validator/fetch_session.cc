#include "certval/validator/fetch_session.h"

#include <openssl/bytestring.h>
#include <openssl/err.h>
#include <openssl/mem.h>
#include <openssl/pkcs7.h>
#include <openssl/pool.h>
#include <openssl/stack.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "certval/validator/oids.h"

namespace certval {
namespace {

// A certs-only bundle holds an issuer and perhaps its cross-signs; more is not an answer to
// "who issued this".
constexpr size_t kMaxIssuersPerAnswer = 10;

// The URIs of one access method in `cert`'s authorityInfoAccess.
std::vector<std::string> AccessUrls(const Certificate& cert, Der method) {
  std::vector<std::string> out;
  const Extension* ext = cert.FindExtension(kOidAuthorityInfoAccess);
  if (ext == nullptr) return out;
  CBS input, list;
  CBS_init(&input, reinterpret_cast<const uint8_t*>(ext->value.data()), ext->value.size());
  if (!CBS_get_asn1(&input, &list, CBS_ASN1_SEQUENCE)) return out;
  while (CBS_len(&list) > 0) {
    CBS description, oid, location;
    unsigned tag = 0;
    if (!CBS_get_asn1(&list, &description, CBS_ASN1_SEQUENCE) ||
        !CBS_get_asn1(&description, &oid, CBS_ASN1_OBJECT) ||
        !CBS_get_any_asn1(&description, &location, &tag)) {
      return out;
    }
    if (Der(reinterpret_cast<const char*>(CBS_data(&oid)), CBS_len(&oid)) == method &&
        tag == (CBS_ASN1_CONTEXT_SPECIFIC | 6)) {
      out.emplace_back(reinterpret_cast<const char*>(CBS_data(&location)), CBS_len(&location));
    }
  }
  return out;
}

std::string Quote(absl::string_view url) { return absl::StrCat("'", url, "'"); }

}  // namespace

std::vector<std::string> CaIssuersUrls(const Certificate& cert) {
  return AccessUrls(cert, kOidAdCaIssuers);
}
std::vector<std::string> OcspUrls(const Certificate& cert) { return AccessUrls(cert, kOidAdOcsp); }

std::vector<std::string> CrlUrls(const Certificate& cert) {
  std::vector<std::string> out;
  absl::StatusOr<std::vector<DistributionPoint>> points = ParseCrlDistributionPoints(cert);
  if (!points.ok()) return out;
  for (const DistributionPoint& dp : *points) {
    if (!dp.name) continue;
    for (const GeneralNameView& n : dp.name->full_name) {
      if (n.type == GeneralNameType::kUri) out.emplace_back(n.value);
    }
  }
  return out;
}

std::string BuildOcspRequest(const Certificate& cert, const Certificate& issuer) {
  const std::string name_hash = OcspDigest(OcspHash::kSha1, cert.issuer().der);
  const std::string key_hash = OcspDigest(OcspHash::kSha1, issuer.public_key().key);
  auto bytes = [](absl::string_view s) { return reinterpret_cast<const uint8_t*>(s.data()); };
  bssl::ScopedCBB cbb;
  CBB request, tbs, list, one, cert_id, algorithm, field;
  if (!CBB_init(cbb.get(), 128) || !CBB_add_asn1(cbb.get(), &request, CBS_ASN1_SEQUENCE) ||
      !CBB_add_asn1(&request, &tbs, CBS_ASN1_SEQUENCE) ||
      !CBB_add_asn1(&tbs, &list, CBS_ASN1_SEQUENCE) ||
      !CBB_add_asn1(&list, &one, CBS_ASN1_SEQUENCE) ||
      !CBB_add_asn1(&one, &cert_id, CBS_ASN1_SEQUENCE) ||
      !CBB_add_asn1(&cert_id, &algorithm, CBS_ASN1_SEQUENCE) ||
      !CBB_add_asn1(&algorithm, &field, CBS_ASN1_OBJECT) ||
      !CBB_add_bytes(&field, bytes(kOidSha1), kOidSha1.size()) ||
      !CBB_add_asn1(&algorithm, &field, CBS_ASN1_NULL) ||
      !CBB_add_asn1(&cert_id, &field, CBS_ASN1_OCTETSTRING) ||
      !CBB_add_bytes(&field, bytes(name_hash), name_hash.size()) ||
      !CBB_add_asn1(&cert_id, &field, CBS_ASN1_OCTETSTRING) ||
      !CBB_add_bytes(&field, bytes(key_hash), key_hash.size()) ||
      !CBB_add_asn1(&cert_id, &field, CBS_ASN1_INTEGER) ||
      !CBB_add_bytes(&field, bytes(cert.serial()), cert.serial().size())) {
    return std::string();
  }
  uint8_t* out = nullptr;
  size_t len = 0;
  if (!CBB_finish(cbb.get(), &out, &len)) return std::string();
  std::string der(reinterpret_cast<const char*>(out), len);
  OPENSSL_free(out);
  return der;
}

absl::StatusOr<std::vector<CertificatePtr>> ParseIssuersResponse(const std::string& body) {
  std::vector<CertificatePtr> out;
  absl::StatusOr<CertificatePtr> one = Certificate::Parse(body);
  if (one.ok()) {
    out.push_back(*std::move(one));
    return out;
  }
  bssl::UniquePtr<STACK_OF(CRYPTO_BUFFER)> certs(sk_CRYPTO_BUFFER_new_null());
  CBS cbs;
  CBS_init(&cbs, reinterpret_cast<const uint8_t*>(body.data()), body.size());
  if (certs == nullptr || !PKCS7_get_raw_certificates(certs.get(), &cbs, nullptr) ||
      CBS_len(&cbs) != 0) {
    ERR_clear_error();
    return absl::InvalidArgumentError(
        absl::StrCat(body.size(), " bytes that are neither a DER certificate (",
                     one.status().message(), ") nor a PKCS#7 certs-only bundle"));
  }
  if (sk_CRYPTO_BUFFER_num(certs.get()) > kMaxIssuersPerAnswer) {
    return absl::InvalidArgumentError(
        absl::StrCat("a PKCS#7 bundle of ", sk_CRYPTO_BUFFER_num(certs.get()),
                     " certificates (at most ", kMaxIssuersPerAnswer, " are taken)"));
  }
  for (size_t i = 0; i < sk_CRYPTO_BUFFER_num(certs.get()); ++i) {
    const CRYPTO_BUFFER* buf = sk_CRYPTO_BUFFER_value(certs.get(), i);
    absl::StatusOr<CertificatePtr> cert = Certificate::Parse(std::string(
        reinterpret_cast<const char*>(CRYPTO_BUFFER_data(buf)), CRYPTO_BUFFER_len(buf)));
    if (cert.ok()) out.push_back(*std::move(cert));
  }
  if (out.empty())
    return absl::InvalidArgumentError("a PKCS#7 bundle with no certificate that parses");
  return out;
}

std::optional<Finding> IssuerNotFetchedFinding(const Certificate& cert, int index,
                                               Severity severity) {
  if (cert.self_issued()) return std::nullopt;
  const std::vector<std::string> urls = CaIssuersUrls(cert);
  if (urls.empty()) return std::nullopt;
  std::vector<std::string> quoted;
  for (const std::string& url : urls) quoted.push_back(Quote(url));
  return MakeFinding(
      code::kFetchIssuerNotFetched, index,
      absl::StrCat("the issuer of certificate ", index,
                   " was not presented; its authorityInfoAccess names it at ",
                   absl::StrJoin(quoted, ", "),
                   ", and fetching is off (ValidatorOptions::fetch, certval --fetch)"),
      severity);
}

void FetchSession::Warn(int index, FindingCode code, std::string message) {
  findings_.push_back(MakeFinding(code, index, std::move(message), Severity::kWarning));
}

std::optional<std::string> FetchSession::Get(const std::string& url, FetchKind kind,
                                             size_t max_bytes, int index,
                                             const std::string* post_body) {
  const std::string key = absl::StrCat(FetchKindName(kind), " ", url, post_body ? *post_body : "");
  if (!tried_.insert(key).second) return std::nullopt;  // once per validation, whatever came of it
  if (!budget_.ChargeFetch()) return std::nullopt;      // TakeFindings reports the limit once
  FetchRequest request;
  request.url = url;
  request.kind = kind;
  request.deadline = budget_.fetch_deadline();
  request.max_bytes = std::min(max_bytes, budget_.fetch_bytes_left());
  if (post_body != nullptr) {
    request.post_body = *post_body;
    request.content_type = "application/ocsp-request";
  }
  absl::StatusOr<FetchResponse> response = fetcher_->Fetch(request);
  FetchRecord record{url,
                     kind,
                     response.ok(),
                     response.ok() && response->from_cache,
                     response.ok() ? response->body.size() : 0,
                     response.ok() ? std::string() : std::string(response.status().message())};
  records_.push_back(record);
  if (!response.ok()) {
    // A body over the budget's remaining bytes is the budget's doing: say so as such.
    if (absl::IsResourceExhausted(response.status()) && request.max_bytes < max_bytes) {
      (void)budget_.ChargeFetchBytes(request.max_bytes + 1);
    }
    Warn(index, code::kFetchFailed,
         absl::StrCat("fetching the ", FetchKindName(kind), " at ", Quote(url),
                      " failed: ", response.status().message()));
    return std::nullopt;
  }
  if (!budget_.ChargeFetchBytes(response->body.size())) return std::nullopt;
  return std::move(response->body);
}

std::vector<CertificatePtr> FetchSession::FetchIssuers(const Certificate& cert, int index) {
  std::vector<CertificatePtr> out;
  if (!policy_.issuers || cert.self_issued()) return out;
  for (const std::string& url : CaIssuersUrls(cert)) {
    std::optional<std::string> body = Get(url, FetchKind::kIssuers, kMaxSmallBody, index, nullptr);
    if (!body) continue;
    absl::StatusOr<std::vector<CertificatePtr>> certs = ParseIssuersResponse(*body);
    if (!certs.ok()) {
      Warn(
          index, code::kFetchUnusable,
          absl::StrCat("the issuers at ", Quote(url), " are unusable: ", certs.status().message()));
      continue;
    }
    for (CertificatePtr& c : *certs) {
      // Only certificates that could be the issuer: a server cannot add unrelated candidates.
      if (c->subject().normalized == cert.issuer().normalized) out.push_back(std::move(c));
    }
    if (!out.empty()) break;  // one URL that answers is enough
    Warn(index, code::kFetchUnusable,
         absl::StrCat("the certificates at ", Quote(url), " do not name certificate ", index,
                      "'s issuer"));
  }
  return out;
}

bool FetchSession::FetchOcsp(const Certificate& cert, const Certificate& issuer,
                             std::vector<OcspResponsePtr>* ocsp) {
  if (!policy_.revocation) return false;
  const std::string request = BuildOcspRequest(cert, issuer);
  if (request.empty()) return false;
  bool added = false;
  for (const std::string& url : OcspUrls(cert)) {
    std::optional<std::string> body = Get(url, FetchKind::kOcsp, kMaxSmallBody, -1, &request);
    if (!body) continue;
    absl::StatusOr<OcspResponsePtr> response = OcspResponse::Parse(*std::move(body));
    if (!response.ok()) {
      Warn(-1, code::kFetchUnusable,
           absl::StrCat("the OCSP response from ", Quote(url),
                        " is unusable: ", response.status().message()));
      continue;
    }
    ocsp->push_back(*std::move(response));
    added = true;
    break;
  }
  return added;
}

bool FetchSession::FetchCrls(const Certificate& cert, std::vector<CrlPtr>* crls) {
  if (!policy_.revocation) return false;
  bool added = false;
  for (const std::string& url : CrlUrls(cert)) {
    std::optional<std::string> body =
        Get(url, FetchKind::kCrl, budget_.fetch_bytes_left(), -1, nullptr);
    if (!body) continue;
    absl::StatusOr<CrlPtr> crl = Crl::Parse(
        *std::move(body), [this](int64_t n) { return budget_.ChargeRevocationSteps(n); });
    if (!crl.ok()) {
      Warn(-1, code::kFetchUnusable,
           absl::StrCat("the CRL at ", Quote(url), " is unusable: ", crl.status().message()));
      continue;
    }
    crls->push_back(*std::move(crl));
    added = true;
  }
  return added;
}

std::vector<Finding> FetchSession::TakeFindings() {
  std::vector<Finding> out = std::move(findings_);
  findings_.clear();
  if (auto exhausted = budget_.FetchExhaustedFinding()) out.push_back(*std::move(exhausted));
  return out;
}

}  // namespace certval
