// Certificate::Parse: a strict, one-pass RFC 5280 DER parser over BoringSSL's CBS. Every view it
// stores points into the Certificate's own buffer.
#include "certval/validator/certificate.h"

#include <openssl/bytestring.h>
#include <openssl/mem.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "certval/validator/der.h"
#include "certval/validator/oids.h"

namespace certval {
namespace {

constexpr unsigned kContext = CBS_ASN1_CONTEXT_SPECIFIC;
constexpr unsigned kConstructed = CBS_ASN1_CONSTRUCTED;

Der View(const CBS& cbs) { return Der(reinterpret_cast<const char*>(cbs.data), cbs.len); }

CBS ToCbs(Der der) {
  CBS cbs;
  CBS_init(&cbs, reinterpret_cast<const uint8_t*>(der.data()), der.size());
  return cbs;
}

std::string TagName(unsigned tag) {
  switch (tag) {
    case 0:
      return "element";
    case CBS_ASN1_BOOLEAN:
      return "BOOLEAN";
    case CBS_ASN1_INTEGER:
      return "INTEGER";
    case CBS_ASN1_BITSTRING:
      return "BIT STRING";
    case CBS_ASN1_OCTETSTRING:
      return "OCTET STRING";
    case CBS_ASN1_NULL:
      return "NULL";
    case CBS_ASN1_OBJECT:
      return "OBJECT IDENTIFIER";
    case CBS_ASN1_SEQUENCE:
      return "SEQUENCE";
    case CBS_ASN1_SET:
      return "SET";
    case CBS_ASN1_UTCTIME:
      return "UTCTime";
    case CBS_ASN1_GENERALIZEDTIME:
      return "GeneralizedTime";
  }
  const unsigned number = tag & CBS_ASN1_TAG_NUMBER_MASK;
  const char* form = (tag & kConstructed) != 0 ? " constructed" : "";
  switch (tag & CBS_ASN1_CLASS_MASK) {
    case kContext:
      return absl::StrCat("[", number, "]", form);
    case CBS_ASN1_APPLICATION:
      return absl::StrCat("[APPLICATION ", number, "]", form);
    case CBS_ASN1_PRIVATE:
      return absl::StrCat("[PRIVATE ", number, "]", form);
  }
  return absl::StrCat("universal tag ", number, form);
}

// Most extension OIDs share their first bytes (2.5.29.x is 55 1d x), so the last byte settles most
// comparisons without a call to memcmp.
bool SameOid(Der a, Der b) {
  return a.size() == b.size() && (a.empty() || (a.back() == b.back() && a == b));
}

bool IsNull(const CBS& params) { return View(params) == absl::string_view("\x05\x00", 2); }

// Non-empty, minimally encoded sub-identifiers, last one complete.
bool IsValidOid(Der oid) {
  if (oid.empty() || (static_cast<uint8_t>(oid.back()) & 0x80) != 0) return false;
  bool at_start = true;
  for (char c : oid) {
    const uint8_t byte = static_cast<uint8_t>(c);
    if (at_start && byte == 0x80) return false;
    at_start = (byte & 0x80) == 0;
  }
  return true;
}

// The bit length of a positive INTEGER (contents), or 0 if it is not a valid positive INTEGER.
int PositiveIntegerBits(CBS contents) {
  int negative;
  if (!CBS_is_valid_asn1_integer(&contents, &negative) || negative) return 0;
  Der value = View(contents);
  if (value[0] == 0) value.remove_prefix(1);  // sign padding
  if (value.empty() || value.size() > (1u << 20)) return 0;
  int bits = static_cast<int>(value.size() - 1) * 8;
  for (uint8_t top = static_cast<uint8_t>(value[0]); top != 0; top >>= 1) ++bits;
  return bits;
}

// Splits an AlgorithmIdentifier TLV into its OID contents and its parameters TLV (empty when
// absent).
bool SplitAlgorithm(Der tlv, CBS* oid, CBS* params) {
  CBS input = ToCbs(tlv), seq, param;
  unsigned tag;
  size_t header;
  if (!der::Get(&input, &seq, CBS_ASN1_SEQUENCE) || input.len != 0 ||
      !der::Get(&seq, oid, CBS_ASN1_OBJECT) || !IsValidOid(View(*oid))) {
    return false;
  }
  *params = seq;
  return seq.len == 0 || (der::GetAnyElement(&seq, &param, &tag, &header) && seq.len == 0);
}

enum class Hash { kNone, kSha256, kSha384, kSha512 };

// Reads a hash AlgorithmIdentifier (NULL or absent parameters) that certval allows in RSASSA-PSS.
Hash GetPssHash(CBS* in) {
  CBS tlv, oid, params;
  if (!der::GetElement(in, &tlv, CBS_ASN1_SEQUENCE) || !SplitAlgorithm(View(tlv), &oid, &params) ||
      (params.len != 0 && !IsNull(params))) {
    return Hash::kNone;
  }
  if (View(oid) == kOidSha256) return Hash::kSha256;
  if (View(oid) == kOidSha384) return Hash::kSha384;
  if (View(oid) == kOidSha512) return Hash::kSha512;
  return Hash::kNone;
}

// maskGenAlgorithm: MGF1 over a hash AlgorithmIdentifier.
Hash GetMgf1Hash(CBS* in) {
  CBS mgf, oid;
  if (!der::Get(in, &mgf, CBS_ASN1_SEQUENCE) || !der::Get(&mgf, &oid, CBS_ASN1_OBJECT) ||
      View(oid) != kOidMgf1) {
    return Hash::kNone;
  }
  const Hash hash = GetPssHash(&mgf);
  return mgf.len == 0 ? hash : Hash::kNone;
}

// RSASSA-PSS-params (RFC 4055). certval names only the profile of RFC 8017 / CA/B: SHA-2 hash, MGF1
// with the same hash, salt as long as the hash, trailerField 1 (its DEFAULT, so omitted in DER).
SignatureAlgorithm ParsePssParams(CBS params) {
  CBS seq, hash_field, mgf_field, salt_field;
  uint64_t salt;
  if (!der::Get(&params, &seq, CBS_ASN1_SEQUENCE) || params.len != 0 ||
      !der::Get(&seq, &hash_field, kContext | kConstructed | 0) ||
      !der::Get(&seq, &mgf_field, kContext | kConstructed | 1) ||
      !der::Get(&seq, &salt_field, kContext | kConstructed | 2) ||
      !CBS_get_asn1_uint64(&salt_field, &salt) || salt_field.len != 0 || seq.len != 0) {
    return SignatureAlgorithm::kUnknown;
  }
  const Hash hash = GetPssHash(&hash_field);
  if (hash == Hash::kNone || hash_field.len != 0 || GetMgf1Hash(&mgf_field) != hash ||
      mgf_field.len != 0) {
    return SignatureAlgorithm::kUnknown;
  }
  switch (hash) {
    case Hash::kSha256:
      return salt == 32 ? SignatureAlgorithm::kRsaPssSha256 : SignatureAlgorithm::kUnknown;
    case Hash::kSha384:
      return salt == 48 ? SignatureAlgorithm::kRsaPssSha384 : SignatureAlgorithm::kUnknown;
    case Hash::kSha512:
      return salt == 64 ? SignatureAlgorithm::kRsaPssSha512 : SignatureAlgorithm::kUnknown;
    case Hash::kNone:
      break;
  }
  return SignatureAlgorithm::kUnknown;
}

struct SimpleAlgorithm {
  absl::string_view oid;
  SignatureAlgorithm algorithm;
  bool null_params;  // RSA PKCS#1 allows NULL parameters; the others must omit them
};

constexpr SimpleAlgorithm kSimpleAlgorithms[] = {
    {kOidSha256WithRsa, SignatureAlgorithm::kRsaPkcs1Sha256, true},
    {kOidEcdsaSha256, SignatureAlgorithm::kEcdsaSha256, false},
    {kOidEcdsaSha384, SignatureAlgorithm::kEcdsaSha384, false},
    {kOidSha384WithRsa, SignatureAlgorithm::kRsaPkcs1Sha384, true},
    {kOidSha512WithRsa, SignatureAlgorithm::kRsaPkcs1Sha512, true},
    {kOidEd25519, SignatureAlgorithm::kEd25519, false},
    {kOidSha1WithRsa, SignatureAlgorithm::kRsaPkcs1Sha1, true},
    {kOidMd5WithRsa, SignatureAlgorithm::kRsaPkcs1Md5, true},
    {kOidEcdsaSha512, SignatureAlgorithm::kEcdsaSha512, false},
    {kOidEcdsaSha1, SignatureAlgorithm::kEcdsaSha1, false},
    {kOidDsaSha1, SignatureAlgorithm::kDsaSha1, false},
    {kOidDsaSha256, SignatureAlgorithm::kDsaSha256, false},
};

SignatureAlgorithm MapSignatureAlgorithm(Der oid, const CBS& params) {
  for (const SimpleAlgorithm& known : kSimpleAlgorithms) {
    if (oid != known.oid) continue;
    const bool params_ok = params.len == 0 || (known.null_params && IsNull(params));
    return params_ok ? known.algorithm : SignatureAlgorithm::kUnknown;
  }
  return oid == kOidRsaPss ? ParsePssParams(params) : SignatureAlgorithm::kUnknown;
}

void ClassifyCurve(CBS params, PublicKeyInfo* info) {
  CBS curve;
  if (der::Peek(params, CBS_ASN1_SEQUENCE)) {
    info->type = KeyType::kEcExplicitCurve;
  } else if (der::Get(&params, &curve, CBS_ASN1_OBJECT) && params.len == 0) {
    const Der oid = View(curve);
    if (oid == kOidP256) {
      info->type = KeyType::kEcP256;
      info->bits = 256;
    } else if (oid == kOidP384) {
      info->type = KeyType::kEcP384;
      info->bits = 384;
    } else if (oid == kOidP521) {
      info->type = KeyType::kEcP521;
      info->bits = 521;
    } else {
      info->type = KeyType::kEcOtherCurve;
    }
  }
}

// Dss-Parms ::= SEQUENCE { p, q, g }: the size of p, or 0 when the parameters are absent or
// malformed.
int DsaBits(CBS params) {
  CBS seq, p;
  if (!der::Get(&params, &seq, CBS_ASN1_SEQUENCE) || !der::Get(&seq, &p, CBS_ASN1_INTEGER))
    return 0;
  return PositiveIntegerBits(p);
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Leap years in [0, year) of the proleptic Gregorian calendar, where year 0 is one.
constexpr int64_t LeapYearsBefore(int64_t year) {
  return year == 0 ? 0 : 1 + (year - 1) / 4 - (year - 1) / 100 + (year - 1) / 400;
}

// Days from 1970-01-01 to a valid date of years 0..9999. Done by hand because absl::FromCivil goes
// through the time-zone library, which cost more than the rest of the certificate's fields.
int64_t DaysSinceEpoch(int year, int month, int day) {
  static constexpr int kDaysBeforeMonth[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  constexpr int64_t kDaysBefore1970 = 365 * 1970 + LeapYearsBefore(1970);
  const int64_t days = 365 * int64_t{year} + LeapYearsBefore(year) + kDaysBeforeMonth[month - 1] +
                       (month > 2 && IsLeapYear(year) ? 1 : 0) + (day - 1);
  return days - kDaysBefore1970;
}

// Parses an RFC 5280 UTCTime or GeneralizedTime; returns why it is invalid, or "" on success.
std::string ParseTimeString(absl::string_view s, bool generalized, absl::Time* out) {
  const char* type = generalized ? "GeneralizedTime" : "UTCTime";
  const size_t want = generalized ? 15 : 13;
  if (generalized && s.find('.') != absl::string_view::npos) {
    return "GeneralizedTime must not have fractional seconds (RFC 5280 4.1.2.5.2)";
  }
  if (s.empty() || s.back() != 'Z') return absl::StrCat(type, " must end in Z");
  if (s.size() != want) {
    return absl::StrCat(type, " must be ", generalized ? "YYYYMMDDHHMMSSZ" : "YYMMDDHHMMSSZ", " (",
                        want, " characters), not ", s.size(), " characters");
  }
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return absl::StrCat(type, " has a non-digit at position ", i);
  }
  auto two = [&s](size_t i) { return (s[i] - '0') * 10 + (s[i + 1] - '0'); };
  size_t p = generalized ? 4 : 2;
  int year = generalized ? two(0) * 100 + two(2) : two(0);
  if (!generalized) year += year >= 50 ? 1900 : 2000;
  // RFC 5280 asks CAs for UTCTime before 2050, but a GeneralizedTime then is still unambiguous, and
  // a Mozilla root (Certum Trusted Network CA 2) uses one: accept it, as BoringSSL and Go do.
  const int month = two(p), day = two(p + 2), hour = two(p + 4), minute = two(p + 6),
            second = two(p + 8);
  if (month < 1 || month > 12) return absl::StrCat("month ", month, " out of range");
  if (day < 1 || day > DaysInMonth(year, month))
    return absl::StrCat("day ", day, " out of range for month ", month);
  if (hour > 23) return absl::StrCat("hour ", hour, " out of range");
  if (minute > 59) return absl::StrCat("minute ", minute, " out of range");
  if (second > 59) return absl::StrCat("second ", second, " out of range");
  *out = absl::FromUnixSeconds(DaysSinceEpoch(year, month, day) * 86400 + hour * 3600 +
                               minute * 60 + second);
  return "";
}

}  // namespace

absl::Status DerError(absl::string_view path, size_t offset, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(path, " at offset ", offset, ": ", what));
}

std::string DescribeDerFault(Der input, unsigned tag) {
  if (input.empty()) return absl::StrCat("missing ", TagName(tag));
  CBS cbs = ToCbs(input), element;
  unsigned found;
  size_t header;
  if (CBS_get_any_asn1_element(&cbs, &element, &found, &header)) {
    return absl::StrCat("expected ", TagName(tag), ", found ", TagName(found));
  }
  cbs = ToCbs(input);
  if (tag != 0 && !CBS_peek_asn1_tag(&cbs, tag)) {
    return absl::StrFormat("expected %s, found identifier octet 0x%02x", TagName(tag),
                           static_cast<uint8_t>(input[0]));
  }
  int ber = 0, indefinite = 0;
  if (CBS_get_any_ber_asn1_element(&cbs, &element, &found, &header, &ber, &indefinite)) {
    return indefinite ? "indefinite length (BER, not DER)"
                      : "length not minimally encoded (BER, not DER)";
  }
  return absl::StrCat("truncated or malformed ", TagName(tag));
}

class CertificateParser {
 public:
  explicit CertificateParser(Certificate* cert)
      : cert_(cert), base_(reinterpret_cast<const uint8_t*>(cert->der_.data())) {}

  absl::Status Parse() { return ParseCertificate() ? absl::OkStatus() : status_; }

 private:
  struct ExtensionHandler {
    absl::string_view oid;
    const char* name;
    bool (CertificateParser::*parse)(CBS value);
  };
  static const ExtensionHandler* FindHandler(Der oid);

  // Error reporting: the first failure is kept in status_; every Parse*/Get* returns false after
  // it.
  bool Fail(const uint8_t* at, absl::string_view what);
  bool Fail(Der at, absl::string_view what) {
    return Fail(reinterpret_cast<const uint8_t*>(at.data()), what);
  }
  bool Fail(absl::Status status);
  std::string Path() const;

  // Reads one element, failing with a diagnosis when it is not there.
  bool Get(CBS* in, CBS* contents, unsigned tag);
  bool GetElement(CBS* in, CBS* tlv, unsigned tag);
  bool ExpectEnd(const CBS& in, absl::string_view what = "trailing data");
  // `value` (an extnValue) is exactly one element with `tag`.
  bool GetOnly(CBS value, unsigned tag, CBS* contents) {
    return Get(&value, contents, tag) && ExpectEnd(value);
  }
  bool ParseNameAt(Der tlv, Name* out);

  bool ParseCertificate();
  bool ParseSignatureAlgorithm(CBS* certificate);
  bool ParseSignatureValue(CBS* certificate);
  bool ParseTbs(CBS tbs);
  bool ParseVersion(CBS* tbs);
  bool ParseSerial(CBS* tbs);
  bool ParseInnerSignature(CBS* tbs);
  bool ParseNameField(CBS* tbs, absl::string_view path, Name* out);
  bool ParseValidity(CBS* tbs);
  bool ParseTime(CBS* in, absl::string_view path, absl::Time* out);
  bool ParseSpki(CBS* tbs);
  bool ClassifyKey(Der oid, CBS params, CBS key, Der key_at);
  bool ParseRsaKey(CBS key, Der key_at);
  bool ParseUniqueId(CBS* tbs, unsigned number, absl::string_view path);
  bool ParseExtensions(CBS* tbs);
  bool ParseExtension(CBS* list, int index);

  bool ParseGeneralName(CBS* in, GeneralNameType* type, CBS* value);
  bool ParseGeneralNameList(CBS list, GeneralNames* out);
  bool ParseSubtrees(CBS* in, unsigned number, std::vector<GeneralSubtree>* out, bool* present);

  bool ParseBasicConstraints(CBS value);
  bool ParseKeyUsage(CBS value);
  bool ParseExtKeyUsage(CBS value);
  bool ParseSubjectAltName(CBS value);
  bool ParseNameConstraints(CBS value);
  bool ParseSubjectKeyId(CBS value);
  bool ParseAuthorityKeyId(CBS value);
  bool ParseAuthorityInfoAccess(CBS value);
  bool ParseSkipCerts(CBS* seq, unsigned tag, const char* what, std::optional<int>* out);
  bool ParseCertificatePolicies(CBS value);
  bool ParsePolicyConstraints(CBS value);
  bool ParseInhibitAnyPolicy(CBS value);
  bool ParsePolicyMappings(CBS value);

  Certificate* cert_;
  const uint8_t* base_;
  absl::string_view section_;  // the field being parsed, when not inside an extension
  int extension_index_ = -1;   // the extension being parsed, or -1
  Der extension_oid_;
  absl::Status status_;
};

const CertificateParser::ExtensionHandler* CertificateParser::FindHandler(Der oid) {
  static constexpr ExtensionHandler kHandlers[] = {
      {kOidBasicConstraints, "basicConstraints", &CertificateParser::ParseBasicConstraints},
      {kOidKeyUsage, "keyUsage", &CertificateParser::ParseKeyUsage},
      {kOidExtKeyUsage, "extKeyUsage", &CertificateParser::ParseExtKeyUsage},
      {kOidSubjectAltName, "subjectAltName", &CertificateParser::ParseSubjectAltName},
      {kOidNameConstraints, "nameConstraints", &CertificateParser::ParseNameConstraints},
      {kOidSubjectKeyIdentifier, "subjectKeyIdentifier", &CertificateParser::ParseSubjectKeyId},
      {kOidAuthorityKeyIdentifier, "authorityKeyIdentifier",
       &CertificateParser::ParseAuthorityKeyId},
      {kOidAuthorityInfoAccess, "authorityInfoAccess",
       &CertificateParser::ParseAuthorityInfoAccess},
      {kOidCertificatePolicies, "certificatePolicies",
       &CertificateParser::ParseCertificatePolicies},
      {kOidPolicyConstraints, "policyConstraints", &CertificateParser::ParsePolicyConstraints},
      {kOidInhibitAnyPolicy, "inhibitAnyPolicy", &CertificateParser::ParseInhibitAnyPolicy},
      {kOidPolicyMappings, "policyMappings", &CertificateParser::ParsePolicyMappings},
  };
  for (const ExtensionHandler& handler : kHandlers) {
    if (SameOid(handler.oid, oid)) return &handler;
  }
  return nullptr;
}

// ---- error reporting and element access ----

bool CertificateParser::Fail(const uint8_t* at, absl::string_view what) {
  if (status_.ok()) status_ = DerError(Path(), static_cast<size_t>(at - base_), what);
  return false;
}

bool CertificateParser::Fail(absl::Status status) {
  if (status_.ok()) status_ = std::move(status);
  return false;
}

std::string CertificateParser::Path() const {
  if (extension_index_ < 0) return std::string(section_);
  std::string path = absl::StrCat("tbsCertificate.extensions[", extension_index_, "]");
  if (extension_oid_.empty()) return path;
  if (const ExtensionHandler* handler = FindHandler(extension_oid_))
    return absl::StrCat(path, " (", handler->name, ")");
  CBS oid = ToCbs(extension_oid_);
  char* text = CBS_asn1_oid_to_text(&oid);
  if (text == nullptr) return path;
  absl::StrAppend(&path, " (", text, ")");
  OPENSSL_free(text);
  return path;
}

bool CertificateParser::Get(CBS* in, CBS* contents, unsigned tag) {
  const Der rest = View(*in);  // a failed CBS_get_asn1 may have advanced `in`
  return der::Get(in, contents, tag) || Fail(rest, DescribeDerFault(rest, tag));
}

bool CertificateParser::GetElement(CBS* in, CBS* tlv, unsigned tag) {
  const Der rest = View(*in);
  return der::GetElement(in, tlv, tag) || Fail(rest, DescribeDerFault(rest, tag));
}

bool CertificateParser::ExpectEnd(const CBS& in, absl::string_view what) {
  return in.len == 0 || Fail(in.data, what);
}

bool CertificateParser::ParseNameAt(Der tlv, Name* out) {
  absl::Status status = extension_index_ < 0 ? ParseName(tlv, out, section_, cert_->der_)
                                             : ParseName(tlv, out, Path(), cert_->der_);
  return status.ok() || Fail(std::move(status));
}

// ---- Certificate and TBSCertificate ----

bool CertificateParser::ParseCertificate() {
  CBS input = ToCbs(cert_->der_), certificate, tbs_tlv;
  section_ = "certificate";
  if (!Get(&input, &certificate, CBS_ASN1_SEQUENCE) ||
      !ExpectEnd(input, "trailing data after the certificate")) {
    return false;
  }
  section_ = "tbsCertificate";
  if (!GetElement(&certificate, &tbs_tlv, CBS_ASN1_SEQUENCE)) return false;
  cert_->tbs_ = View(tbs_tlv);
  if (!ParseSignatureAlgorithm(&certificate) || !ParseSignatureValue(&certificate)) return false;
  section_ = "certificate";
  if (!ExpectEnd(certificate)) return false;
  CBS tbs;
  der::Get(&tbs_tlv, &tbs, CBS_ASN1_SEQUENCE);  // cannot fail: GetElement checked it
  return ParseTbs(tbs);
}

bool CertificateParser::ParseSignatureAlgorithm(CBS* certificate) {
  section_ = "signatureAlgorithm";
  CBS tlv, oid, params;
  if (!GetElement(certificate, &tlv, CBS_ASN1_SEQUENCE)) return false;
  if (!SplitAlgorithm(View(tlv), &oid, &params))
    return Fail(View(tlv), "malformed AlgorithmIdentifier");
  cert_->signature_algorithm_der_ = View(tlv);
  cert_->signature_algorithm_ = MapSignatureAlgorithm(View(oid), params);
  return true;
}

bool CertificateParser::ParseSignatureValue(CBS* certificate) {
  section_ = "signatureValue";
  const Der at = View(*certificate);
  CBS bits;
  uint8_t unused;
  if (!Get(certificate, &bits, CBS_ASN1_BITSTRING)) return false;
  if (!CBS_get_u8(&bits, &unused)) return Fail(at, "empty BIT STRING");
  if (unused != 0) return Fail(at, "signature BIT STRING has unused bits");
  cert_->signature_ = View(bits);
  return true;
}

bool CertificateParser::ParseTbs(CBS tbs) {
  if (!ParseVersion(&tbs) || !ParseSerial(&tbs) || !ParseInnerSignature(&tbs)) return false;
  const Der issuer_at = View(tbs);
  if (!ParseNameField(&tbs, "tbsCertificate.issuer", &cert_->issuer_)) return false;
  if (cert_->issuer_.empty()) return Fail(issuer_at, "issuer must not be empty (RFC 5280 4.1.2.4)");
  if (!ParseValidity(&tbs) || !ParseNameField(&tbs, "tbsCertificate.subject", &cert_->subject_) ||
      !ParseSpki(&tbs) || !ParseUniqueId(&tbs, 1, "tbsCertificate.issuerUniqueID") ||
      !ParseUniqueId(&tbs, 2, "tbsCertificate.subjectUniqueID") || !ParseExtensions(&tbs)) {
    return false;
  }
  section_ = "tbsCertificate";
  return ExpectEnd(tbs, "unexpected data after the last field");
}

bool CertificateParser::ParseVersion(CBS* tbs) {
  constexpr unsigned kTag = kContext | kConstructed | 0;
  if (!der::Peek(*tbs, kTag)) return true;  // absent: v1
  section_ = "tbsCertificate.version";
  const Der at = View(*tbs);
  CBS wrapper, value;
  if (!Get(tbs, &wrapper, kTag)) return false;
  const Der value_at = View(wrapper);
  if (!Get(&wrapper, &value, CBS_ASN1_INTEGER) || !ExpectEnd(wrapper)) return false;
  if (!CBS_is_valid_asn1_integer(&value, nullptr))
    return Fail(value_at, "not a minimally encoded INTEGER");
  if (value.len != 1 || value.data[0] > 2)
    return Fail(value_at, "unknown version (only v1, v2, v3 exist)");
  if (value.data[0] == 0) return Fail(at, "version v1 must be omitted (DER DEFAULT)");
  cert_->version_ = value.data[0] + 1;
  return true;
}

bool CertificateParser::ParseSerial(CBS* tbs) {
  section_ = "tbsCertificate.serialNumber";
  const Der at = View(*tbs);
  CBS serial;
  if (!Get(tbs, &serial, CBS_ASN1_INTEGER)) return false;
  // Zero, negative and over-long serials are left for the checks to judge.
  if (serial.len == 0) return Fail(at, "empty INTEGER");
  if (!CBS_is_valid_asn1_integer(&serial, nullptr))
    return Fail(at, "INTEGER not minimally encoded");
  cert_->serial_ = View(serial);
  return true;
}

bool CertificateParser::ParseInnerSignature(CBS* tbs) {
  section_ = "tbsCertificate.signature";
  const Der at = View(*tbs);
  CBS tlv;
  if (!GetElement(tbs, &tlv, CBS_ASN1_SEQUENCE)) return false;
  if (View(tlv) != cert_->signature_algorithm_der_)
    return Fail(at, "does not match signatureAlgorithm");
  return true;
}

bool CertificateParser::ParseNameField(CBS* tbs, absl::string_view path, Name* out) {
  section_ = path;
  CBS tlv;
  return GetElement(tbs, &tlv, CBS_ASN1_SEQUENCE) && ParseNameAt(View(tlv), out);
}

bool CertificateParser::ParseValidity(CBS* tbs) {
  section_ = "tbsCertificate.validity";
  CBS validity;
  if (!Get(tbs, &validity, CBS_ASN1_SEQUENCE) ||
      !ParseTime(&validity, "tbsCertificate.validity.notBefore", &cert_->not_before_) ||
      !ParseTime(&validity, "tbsCertificate.validity.notAfter", &cert_->not_after_)) {
    return false;
  }
  section_ = "tbsCertificate.validity";
  return ExpectEnd(validity);
}

bool CertificateParser::ParseTime(CBS* in, absl::string_view path, absl::Time* out) {
  section_ = path;
  const Der at = View(*in);
  CBS value;
  unsigned tag;
  size_t header;
  if (!der::GetAnyElement(in, &value, &tag, &header)) return Fail(at, DescribeDerFault(at, 0));
  value.data += header;  // the contents
  value.len -= header;
  if (tag != CBS_ASN1_UTCTIME && tag != CBS_ASN1_GENERALIZEDTIME) {
    return Fail(at, absl::StrCat("expected UTCTime or GeneralizedTime, found ", TagName(tag)));
  }
  const std::string error = ParseTimeString(View(value), tag == CBS_ASN1_GENERALIZEDTIME, out);
  return error.empty() || Fail(at, error);
}

// ---- SubjectPublicKeyInfo ----

bool CertificateParser::ParseSpki(CBS* tbs) {
  section_ = "tbsCertificate.subjectPublicKeyInfo";
  CBS spki_tlv, spki, algorithm, key, oid, params;
  uint8_t unused;
  if (!GetElement(tbs, &spki_tlv, CBS_ASN1_SEQUENCE)) return false;
  CBS copy = spki_tlv;
  der::Get(&copy, &spki, CBS_ASN1_SEQUENCE);  // cannot fail: GetElement checked it
  if (!GetElement(&spki, &algorithm, CBS_ASN1_SEQUENCE)) return false;
  const Der key_at = View(spki);
  if (!Get(&spki, &key, CBS_ASN1_BITSTRING) || !ExpectEnd(spki)) return false;
  if (!CBS_get_u8(&key, &unused) || unused != 0)
    return Fail(key_at, "subjectPublicKey must be whole bytes");
  if (!SplitAlgorithm(View(algorithm), &oid, &params))
    return Fail(View(algorithm), "malformed AlgorithmIdentifier");
  PublicKeyInfo& info = cert_->public_key_;
  info.spki = View(spki_tlv);
  info.algorithm = View(algorithm);
  info.key = View(key);
  return ClassifyKey(View(oid), params, key, key_at);
}

// Unknown algorithms and unexpected parameters leave the type kUnknown; they are not parse errors.
bool CertificateParser::ClassifyKey(Der oid, CBS params, CBS key, Der key_at) {
  PublicKeyInfo& info = cert_->public_key_;
  if (oid == kOidRsaEncryption) {
    if (!IsNull(params)) return true;  // RFC 3279 2.3.1: the parameters are NULL
    info.type = KeyType::kRsa;
    return ParseRsaKey(key, key_at);
  }
  if (oid == kOidEcPublicKey) {
    ClassifyCurve(params, &info);
  } else if (oid == kOidEd25519 && params.len == 0) {
    if (key.len != 32) return Fail(key_at, "Ed25519 public key must be 32 bytes");
    info.type = KeyType::kEd25519;
    info.bits = 255;
  } else if (oid == kOidDsa) {
    info.type = KeyType::kDsa;
    info.bits = DsaBits(params);
  }
  return true;
}

bool CertificateParser::ParseRsaKey(CBS key, Der key_at) {
  CBS seq, modulus, exponent;
  if (!der::Get(&key, &seq, CBS_ASN1_SEQUENCE) || key.len != 0 ||
      !der::Get(&seq, &modulus, CBS_ASN1_INTEGER) || !der::Get(&seq, &exponent, CBS_ASN1_INTEGER) ||
      seq.len != 0) {
    return Fail(key_at, "subjectPublicKey is not a DER RSAPublicKey");
  }
  cert_->public_key_.bits = PositiveIntegerBits(modulus);
  if (cert_->public_key_.bits == 0 || PositiveIntegerBits(exponent) == 0) {
    return Fail(key_at, "RSA modulus and exponent must be positive, minimally encoded INTEGERs");
  }
  return true;
}

bool CertificateParser::ParseUniqueId(CBS* tbs, unsigned number, absl::string_view path) {
  const unsigned tag = kContext | number;
  if (!der::Peek(*tbs, tag)) return true;
  section_ = path;
  const Der at = View(*tbs);
  CBS id;
  if (cert_->version_ < 2) return Fail(at, "only allowed in v2 and v3 certificates");
  if (!Get(tbs, &id, tag)) return false;
  return CBS_is_valid_asn1_bitstring(&id) || Fail(at, "malformed BIT STRING");
}

// ---- Extensions ----

bool CertificateParser::ParseExtensions(CBS* tbs) {
  constexpr unsigned kTag = kContext | kConstructed | 3;
  if (!der::Peek(*tbs, kTag)) return true;
  section_ = "tbsCertificate.extensions";
  const Der at = View(*tbs);
  if (cert_->version_ != 3) return Fail(at, "only allowed in v3 certificates");
  CBS wrapper, list;
  if (!Get(tbs, &wrapper, kTag)) return false;
  const Der list_at = View(wrapper);
  if (!Get(&wrapper, &list, CBS_ASN1_SEQUENCE) || !ExpectEnd(wrapper)) return false;
  if (list.len == 0) return Fail(list_at, "empty extensions SEQUENCE");
  for (int index = 0; list.len > 0; ++index) {
    if (!ParseExtension(&list, index)) return false;
  }
  extension_index_ = -1;
  return true;
}

bool CertificateParser::ParseExtension(CBS* list, int index) {
  extension_index_ = index;
  extension_oid_ = Der();
  CBS extension, oid, value;
  if (!Get(list, &extension, CBS_ASN1_SEQUENCE)) return false;
  const Der oid_at = View(extension);
  if (!Get(&extension, &oid, CBS_ASN1_OBJECT)) return false;
  if (!IsValidOid(View(oid))) return Fail(oid_at, "malformed extnID");
  extension_oid_ = View(oid);
  bool critical = false;
  if (der::Peek(extension, CBS_ASN1_BOOLEAN)) {
    const Der at = View(extension);
    int flag;
    if (!CBS_get_asn1_bool(&extension, &flag)) return Fail(at, "critical is not a DER BOOLEAN");
    if (!flag) return Fail(at, "critical FALSE must be omitted (DER DEFAULT)");
    critical = true;
  }
  if (!Get(&extension, &value, CBS_ASN1_OCTETSTRING) || !ExpectEnd(extension)) return false;
  for (const Extension& seen : cert_->extensions_) {
    if (SameOid(seen.oid, extension_oid_)) return Fail(oid_at, "duplicate extension");
  }
  cert_->extensions_.push_back(Extension{extension_oid_, critical, View(value)});
  const ExtensionHandler* handler = FindHandler(extension_oid_);
  return handler == nullptr || (this->*handler->parse)(value);
}

// ---- GeneralName ----

bool CertificateParser::ParseGeneralName(CBS* in, GeneralNameType* type, CBS* value) {
  const Der at = View(*in);
  CBS element;
  unsigned tag;
  size_t header;
  if (!der::GetAnyElement(in, &element, &tag, &header)) return Fail(at, DescribeDerFault(at, 0));
  const unsigned number = tag & CBS_ASN1_TAG_NUMBER_MASK;
  if ((tag & CBS_ASN1_CLASS_MASK) != kContext || number > 8) {
    return Fail(at, absl::StrCat("not a GeneralName: ", TagName(tag)));
  }
  // otherName, x400Address, directoryName and ediPartyName are constructed; the rest are primitive.
  const bool want_constructed = number == 0 || number == 3 || number == 4 || number == 5;
  if (((tag & kConstructed) != 0) != want_constructed) {
    return Fail(at, absl::StrCat("GeneralName ", TagName(tag), " has the wrong form"));
  }
  CBS_skip(&element, header);
  *type = static_cast<GeneralNameType>(number);
  *value = element;
  // rfc822Name, dNSName and uniformResourceIdentifier are IA5Strings: 7-bit (X.680 41.4, RFC 5280
  // 4.2.1.6). A byte above 0x7F makes the certificate malformed, as a non-ASCII byte in a Name's
  // ASCII string types does; matching it against reference names would be guesswork.
  if (*type == GeneralNameType::kRfc822Name || *type == GeneralNameType::kDnsName ||
      *type == GeneralNameType::kUri) {
    const Der bytes = View(element);
    for (size_t i = 0; i < bytes.size(); ++i) {
      if (static_cast<uint8_t>(bytes[i]) >= 0x80) {
        return Fail(
            at, absl::StrCat(*type == GeneralNameType::kDnsName      ? "dNSName"
                             : *type == GeneralNameType::kRfc822Name ? "rfc822Name"
                                                                     : "uniformResourceIdentifier",
                             " is an IA5String with a non-ASCII byte (0x",
                             absl::Hex(static_cast<uint8_t>(bytes[i]), absl::kZeroPad2),
                             " at index ", i, ")"));
      }
    }
  }
  if (*type != GeneralNameType::kDirectoryName) return true;
  // directoryName is EXPLICIT: its contents are one Name.
  Name scratch;
  return GetElement(&element, value, CBS_ASN1_SEQUENCE) && ExpectEnd(element) &&
         ParseNameAt(View(*value), &scratch);
}

bool CertificateParser::ParseGeneralNameList(CBS list, GeneralNames* out) {
  while (list.len > 0) {
    const Der at = View(list);
    GeneralNameType type;
    CBS value;
    if (!ParseGeneralName(&list, &type, &value)) return false;
    const Der bytes = View(value);
    switch (type) {
      case GeneralNameType::kDnsName:
        out->dns_names.push_back(bytes);
        break;
      case GeneralNameType::kRfc822Name:
        out->emails.push_back(bytes);
        break;
      case GeneralNameType::kUri:
        out->uris.push_back(bytes);
        break;
      case GeneralNameType::kDirectoryName:
        out->directory_names.push_back(bytes);
        break;
      case GeneralNameType::kIpAddress:
        if (bytes.size() != 4 && bytes.size() != 16) {
          return Fail(at, absl::StrCat("iPAddress must be 4 or 16 octets, not ", bytes.size()));
        }
        out->ip_addresses.push_back(bytes);
        break;
      default:
        out->other_kinds.push_back(type);
        break;
    }
  }
  return true;
}

// ---- typed extensions ----

bool CertificateParser::ParseBasicConstraints(CBS value) {
  CBS seq;
  if (!GetOnly(value, CBS_ASN1_SEQUENCE, &seq)) return false;
  BasicConstraints constraints;
  if (der::Peek(seq, CBS_ASN1_BOOLEAN)) {
    const Der at = View(seq);
    int is_ca;
    if (!CBS_get_asn1_bool(&seq, &is_ca)) return Fail(at, "cA is not a DER BOOLEAN");
    if (!is_ca) return Fail(at, "cA FALSE must be omitted (DER DEFAULT)");
    constraints.is_ca = true;
  }
  if (der::Peek(seq, CBS_ASN1_INTEGER)) {
    const Der at = View(seq);
    uint64_t path_len;
    if (!CBS_get_asn1_uint64(&seq, &path_len))
      return Fail(at, "pathLenConstraint is not a non-negative INTEGER");
    if (path_len > 255) return Fail(at, "pathLenConstraint out of range (0..255)");
    constraints.path_len = static_cast<int>(path_len);
  }
  if (!ExpectEnd(seq)) return false;
  cert_->basic_constraints_ = constraints;
  return true;
}

bool CertificateParser::ParseKeyUsage(CBS value) {
  const Der at = View(value);
  CBS bits;
  if (!GetOnly(value, CBS_ASN1_BITSTRING, &bits)) return false;
  if (!CBS_is_valid_asn1_bitstring(&bits)) return Fail(at, "malformed BIT STRING");
  const Der bytes = View(bits).substr(1);
  if (std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == 0; })) {
    return Fail(at, "keyUsage has no bits set");
  }
  // Named bits run from the most significant bit of the first byte: bit n is byte n / 8, 0x80 >> n
  // % 8.
  uint16_t mask = 0;
  for (unsigned bit = 0; bit <= 8 && bit / 8 < bytes.size(); ++bit) {
    if ((static_cast<uint8_t>(bytes[bit / 8]) & (0x80 >> (bit % 8))) != 0)
      mask |= static_cast<uint16_t>(1u << bit);
  }
  cert_->key_usage_ = mask;
  return true;
}

bool CertificateParser::ParseExtKeyUsage(CBS value) {
  const Der at = View(value);
  CBS seq;
  if (!GetOnly(value, CBS_ASN1_SEQUENCE, &seq)) return false;
  if (seq.len == 0) return Fail(at, "empty extKeyUsage");
  ExtKeyUsage usage;
  while (seq.len > 0) {
    const Der oid_at = View(seq);
    CBS oid;
    if (!Get(&seq, &oid, CBS_ASN1_OBJECT)) return false;
    if (!IsValidOid(View(oid))) return Fail(oid_at, "malformed KeyPurposeId");
    usage.oids.push_back(View(oid));
    usage.server_auth |= View(oid) == kOidEkuServerAuth;
    usage.client_auth |= View(oid) == kOidEkuClientAuth;
    usage.any |= View(oid) == kOidAnyExtendedKeyUsage;
  }
  cert_->ext_key_usage_ = std::move(usage);
  return true;
}

bool CertificateParser::ParseSubjectAltName(CBS value) {
  const Der at = View(value);
  CBS seq;
  if (!GetOnly(value, CBS_ASN1_SEQUENCE, &seq)) return false;
  if (seq.len == 0) return Fail(at, "empty GeneralNames");
  GeneralNames names;
  if (!ParseGeneralNameList(seq, &names)) return false;
  cert_->subject_alt_names_ = std::move(names);
  return true;
}

bool CertificateParser::ParseNameConstraints(CBS value) {
  const Der at = View(value);
  CBS seq;
  if (!GetOnly(value, CBS_ASN1_SEQUENCE, &seq)) return false;
  NameConstraints constraints;
  if (!ParseSubtrees(&seq, 0, &constraints.permitted, &constraints.has_permitted) ||
      !ParseSubtrees(&seq, 1, &constraints.excluded, &constraints.has_excluded) ||
      !ExpectEnd(seq)) {
    return false;
  }
  if (!constraints.has_permitted && !constraints.has_excluded) {
    return Fail(at, "neither permittedSubtrees nor excludedSubtrees present");
  }
  cert_->name_constraints_ = std::move(constraints);
  return true;
}

bool CertificateParser::ParseSubtrees(CBS* in, unsigned number, std::vector<GeneralSubtree>* out,
                                      bool* present) {
  const unsigned tag = kContext | kConstructed | number;
  if (!der::Peek(*in, tag)) return true;
  *present = true;
  const Der at = View(*in);
  CBS list;
  if (!Get(in, &list, tag)) return false;
  if (list.len == 0)
    return Fail(at, number == 0 ? "empty permittedSubtrees" : "empty excludedSubtrees");
  while (list.len > 0) {
    CBS subtree, base;
    if (!Get(&list, &subtree, CBS_ASN1_SEQUENCE)) return false;
    const Der base_at = View(subtree);
    GeneralSubtree entry;
    if (!ParseGeneralName(&subtree, &entry.type, &base)) return false;
    if (entry.type == GeneralNameType::kIpAddress && base.len != 8 && base.len != 32) {
      return Fail(base_at,
                  absl::StrCat("iPAddress constraint must be 8 or 32 octets, not ", base.len));
    }
    if (!ExpectEnd(subtree,
                   "GeneralSubtree minimum and maximum must be absent (RFC 5280 4.2.1.10)"))
      return false;
    entry.value = View(base);
    out->push_back(entry);
  }
  return true;
}

bool CertificateParser::ParseSubjectKeyId(CBS value) {
  CBS id;
  if (!GetOnly(value, CBS_ASN1_OCTETSTRING, &id)) return false;
  cert_->subject_key_id_ = View(id);
  return true;
}

bool CertificateParser::ParseAuthorityKeyId(CBS value) {
  const Der at = View(value);
  CBS seq, field;
  if (!GetOnly(value, CBS_ASN1_SEQUENCE, &seq)) return false;
  AuthorityKeyIdentifier aki;
  if (der::Peek(seq, kContext | 0)) {
    if (!Get(&seq, &field, kContext | 0)) return false;
    aki.key_id = View(field);
  }
  if (der::Peek(seq, kContext | kConstructed | 1)) {
    const Der issuer_at = View(seq);
    GeneralNames scratch;
    if (!Get(&seq, &field, kContext | kConstructed | 1)) return false;
    if (field.len == 0) return Fail(issuer_at, "empty authorityCertIssuer");
    if (!ParseGeneralNameList(field, &scratch)) return false;
    aki.has_issuer = true;
  }
  if (der::Peek(seq, kContext | 2)) {
    const Der serial_at = View(seq);
    if (!Get(&seq, &field, kContext | 2)) return false;
    if (!CBS_is_valid_asn1_integer(&field, nullptr))
      return Fail(serial_at, "authorityCertSerialNumber is not a valid INTEGER");
    aki.has_serial = true;
  }
  if (!ExpectEnd(seq, "unexpected field (only [0], [1], [2] in that order)")) return false;
  if (aki.has_issuer != aki.has_serial) {
    return Fail(
        at,
        "authorityCertIssuer and authorityCertSerialNumber must be both present or both absent");
  }
  cert_->authority_key_id_ = aki;
  return true;
}

bool CertificateParser::ParseAuthorityInfoAccess(CBS value) {
  const Der at = View(value);
  CBS seq;
  if (!GetOnly(value, CBS_ASN1_SEQUENCE, &seq)) return false;
  if (seq.len == 0) return Fail(at, "empty authorityInfoAccess");
  while (seq.len > 0) {
    CBS description, method, location;
    GeneralNameType type;
    if (!Get(&seq, &description, CBS_ASN1_SEQUENCE)) return false;
    const Der method_at = View(description);
    if (!Get(&description, &method, CBS_ASN1_OBJECT)) return false;
    if (!IsValidOid(View(method))) return Fail(method_at, "malformed accessMethod");
    if (!ParseGeneralName(&description, &type, &location) || !ExpectEnd(description)) return false;
  }
  cert_->has_authority_info_access_ = true;
  return true;
}

// A SkipCerts INTEGER (0..MAX; certval caps it at 255 like pathLenConstraint) with the given tag.
bool CertificateParser::ParseSkipCerts(CBS* seq, unsigned tag, const char* what,
                                       std::optional<int>* out) {
  const Der at = View(*seq);
  CBS contents;
  int negative = 0;
  if (!Get(seq, &contents, tag)) return false;
  if (!CBS_is_valid_asn1_integer(&contents, &negative) || negative) {
    return Fail(at, absl::StrCat(what, " is not a non-negative INTEGER"));
  }
  uint64_t value = 0;
  for (size_t i = 0; i < contents.len; ++i) {
    if (value > 255) return Fail(at, absl::StrCat(what, " out of range (0..255)"));
    value = (value << 8) | contents.data[i];
  }
  if (value > 255) return Fail(at, absl::StrCat(what, " out of range (0..255)"));
  *out = static_cast<int>(value);
  return true;
}

bool CertificateParser::ParseCertificatePolicies(CBS value) {
  const Der at = View(value);
  CBS seq;
  if (!GetOnly(value, CBS_ASN1_SEQUENCE, &seq)) return false;
  if (seq.len == 0) return Fail(at, "empty certificatePolicies");
  std::vector<PolicyInformation> policies;
  while (seq.len > 0) {
    CBS info, oid;
    if (!Get(&seq, &info, CBS_ASN1_SEQUENCE)) return false;
    const Der oid_at = View(info);
    if (!Get(&info, &oid, CBS_ASN1_OBJECT)) return false;
    if (!IsValidOid(View(oid))) return Fail(oid_at, "malformed policyIdentifier");
    PolicyInformation policy{View(oid)};
    for (const PolicyInformation& seen : policies) {
      if (seen.oid == policy.oid) return Fail(oid_at, "a policy appears twice (RFC 5280 4.2.1.4)");
    }
    if (info.len > 0) {
      CBS qualifiers;
      const Der qualifiers_at = View(info);
      if (!Get(&info, &qualifiers, CBS_ASN1_SEQUENCE)) return false;
      if (qualifiers.len == 0) return Fail(qualifiers_at, "empty policyQualifiers");
      while (qualifiers.len > 0) {
        CBS qualifier, qualifier_id, rest;
        unsigned rest_tag;
        size_t rest_header;
        if (!Get(&qualifiers, &qualifier, CBS_ASN1_SEQUENCE)) return false;
        const Der id_at = View(qualifier);
        if (!Get(&qualifier, &qualifier_id, CBS_ASN1_OBJECT)) return false;
        if (!IsValidOid(View(qualifier_id))) return Fail(id_at, "malformed policyQualifierId");
        // The qualifier's value is kept unread: only its presence and kind matter to validation.
        if (qualifier.len > 0 && !der::GetAnyElement(&qualifier, &rest, &rest_tag, &rest_header)) {
          return Fail(View(qualifier), "malformed qualifier");
        }
        if (!ExpectEnd(qualifier)) return false;
        if (!SameOid(View(qualifier_id), kOidQualifierCps) &&
            !SameOid(View(qualifier_id), kOidQualifierUserNotice)) {
          policy.has_unknown_qualifier = true;
        }
      }
    }
    if (!ExpectEnd(info)) return false;
    policies.push_back(policy);
  }
  cert_->certificate_policies_ = std::move(policies);
  return true;
}

bool CertificateParser::ParsePolicyConstraints(CBS value) {
  const Der at = View(value);
  CBS seq;
  if (!GetOnly(value, CBS_ASN1_SEQUENCE, &seq)) return false;
  PolicyConstraints constraints;
  if (der::Peek(seq, kContext | 0) && !ParseSkipCerts(&seq, kContext | 0, "requireExplicitPolicy",
                                                      &constraints.require_explicit_policy)) {
    return false;
  }
  if (der::Peek(seq, kContext | 1) && !ParseSkipCerts(&seq, kContext | 1, "inhibitPolicyMapping",
                                                      &constraints.inhibit_policy_mapping)) {
    return false;
  }
  if (!ExpectEnd(seq, "unexpected field (only [0], [1] in that order)")) return false;
  // RFC 5280 4.2.1.11: "conforming CAs MUST NOT issue certificates where policyConstraints is an
  // empty sequence".
  if (!constraints.require_explicit_policy && !constraints.inhibit_policy_mapping) {
    return Fail(at, "empty policyConstraints");
  }
  cert_->policy_constraints_ = constraints;
  return true;
}

bool CertificateParser::ParseInhibitAnyPolicy(CBS value) {
  std::optional<int> skip_certs;
  if (!ParseSkipCerts(&value, CBS_ASN1_INTEGER, "inhibitAnyPolicy", &skip_certs)) return false;
  if (!ExpectEnd(value)) return false;
  cert_->inhibit_any_policy_ = skip_certs;
  return true;
}

bool CertificateParser::ParsePolicyMappings(CBS value) {
  const Der at = View(value);
  CBS seq;
  if (!GetOnly(value, CBS_ASN1_SEQUENCE, &seq)) return false;
  if (seq.len == 0) return Fail(at, "empty policyMappings");
  std::vector<PolicyMapping> mappings;
  while (seq.len > 0) {
    CBS mapping, issuer_domain, subject_domain;
    if (!Get(&seq, &mapping, CBS_ASN1_SEQUENCE)) return false;
    const Der mapping_at = View(mapping);
    if (!Get(&mapping, &issuer_domain, CBS_ASN1_OBJECT) ||
        !Get(&mapping, &subject_domain, CBS_ASN1_OBJECT) || !ExpectEnd(mapping)) {
      return false;
    }
    if (!IsValidOid(View(issuer_domain)) || !IsValidOid(View(subject_domain))) {
      return Fail(mapping_at, "malformed policy OID in a mapping");
    }
    mappings.push_back({View(issuer_domain), View(subject_domain)});
  }
  cert_->policy_mappings_ = std::move(mappings);
  return true;
}

// ---- Certificate ----

absl::StatusOr<std::shared_ptr<const Certificate>> Certificate::Parse(std::string der) {
  auto cert = std::make_shared<Certificate>(Certificate::PassKey());
  cert->der_ = std::move(der);  // moved before parsing: the views must point into this buffer
  absl::Status status = CertificateParser(cert.get()).Parse();
  if (!status.ok()) return status;
  return std::shared_ptr<const Certificate>(std::move(cert));
}

namespace {

const Sha256Digest& DigestOnce(absl::string_view bytes, std::once_flag& once, Sha256Digest& value) {
  std::call_once(once, [&] {
    SHA256(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), value.data());
  });
  return value;
}

}  // namespace

Certificate::Certificate(PassKey) {}

Certificate::~Certificate() { EVP_PKEY_free(verification_key_.load(std::memory_order_relaxed)); }

EVP_PKEY* Certificate::verification_key() const {
  EVP_PKEY* key = verification_key_.load(std::memory_order_acquire);
  if (key != nullptr || verification_key_unusable_.load(std::memory_order_relaxed)) return key;
  CBS cbs = ToCbs(public_key_.spki);
  bssl::UniquePtr<EVP_PKEY> parsed(EVP_parse_public_key(&cbs));
  if (parsed == nullptr || cbs.len != 0) {
    verification_key_unusable_.store(true, std::memory_order_relaxed);
    return nullptr;
  }
  EVP_PKEY* expected = nullptr;
  if (verification_key_.compare_exchange_strong(expected, parsed.get(),
                                                std::memory_order_acq_rel)) {
    return parsed.release();
  }
  return expected;  // another thread published first; ours is freed
}

const Sha256Digest& Certificate::der_sha256() const {
  return DigestOnce(der_, der_digest_.once, der_digest_.value);
}

const Sha256Digest& Certificate::spki_sha256() const {
  return DigestOnce(public_key_.spki, spki_digest_.once, spki_digest_.value);
}

const Extension* Certificate::FindExtension(Der oid) const {
  for (const Extension& extension : extensions_) {
    if (SameOid(extension.oid, oid)) return &extension;
  }
  return nullptr;
}

SignatureAlgorithm ParseSignatureAlgorithmIdentifier(Der algorithm_identifier) {
  CBS oid, params;
  if (!SplitAlgorithm(algorithm_identifier, &oid, &params)) return SignatureAlgorithm::kUnknown;
  return MapSignatureAlgorithm(View(oid), params);
}

std::string ParseX509Time(unsigned tag, Der contents, absl::Time* out) {
  if (tag != CBS_ASN1_UTCTIME && tag != CBS_ASN1_GENERALIZEDTIME) {
    return absl::StrCat("expected UTCTime or GeneralizedTime, found ", TagName(tag));
  }
  return ParseTimeString(contents, tag == CBS_ASN1_GENERALIZEDTIME, out);
}

}  // namespace certval
