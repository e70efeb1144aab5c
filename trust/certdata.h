// A parser for NSS's certdata.txt (third_party/nss), the source of Mozilla's root store.
//
// The file is a list of PKCS #11 objects, one attribute a line ("CKA_NAME TYPE value"; a
// MULTILINE_OCTAL value follows on lines of \ooo escapes up to "END"). certval reads two classes:
//   CKO_CERTIFICATE  a root: CKA_VALUE (its DER), CKA_ISSUER, CKA_SERIAL_NUMBER, and optionally
//                    CKA_NSS_SERVER_DISTRUST_AFTER / CKA_NSS_EMAIL_DISTRUST_AFTER (CK_FALSE or a
//                    UTCTime);
//   CKO_NSS_TRUST    its trust: CKA_TRUST_SERVER_AUTH and CKA_TRUST_EMAIL_PROTECTION, each
//                    CKT_NSS_TRUSTED_DELEGATOR (an anchor for that purpose),
//                    CKT_NSS_MUST_VERIFY_TRUST (not an anchor) or CKT_NSS_NOT_TRUSTED (distrusted),
//                    matched to its certificate by CKA_ISSUER + CKA_SERIAL_NUMBER and checked
//                    against CKA_CERT_SHA1_HASH.
// Other classes and attributes are skipped. A distrust-after date may sit on either object (NSS's
// file has both forms); when both carry one, the earlier applies.
//
// Anything unexpected is an error naming the line ("line 123: ..."): a root set that silently loses
// a root or a date is worse than a failed build.
#ifndef CERTVAL_TRUST_CERTDATA_H_
#define CERTVAL_TRUST_CERTDATA_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace certval::certdata {

enum class TrustLevel : uint8_t {
  kMustVerify = 0,  // CKT_NSS_MUST_VERIFY_TRUST (or absent): not an anchor for the purpose
  kTrusted = 1,     // CKT_NSS_TRUSTED_DELEGATOR: an anchor for the purpose
  kDistrusted = 2,  // CKT_NSS_NOT_TRUSTED: refused for the purpose
};

struct Root {
  std::string label;   // CKA_LABEL
  std::string der;     // CKA_VALUE
  std::string sha256;  // of der, 32 bytes
  TrustLevel server = TrustLevel::kMustVerify;
  TrustLevel email = TrustLevel::kMustVerify;
  // Seconds since the epoch; leaves whose notBefore is later are refused for the purpose.
  std::optional<int64_t> server_distrust_after, email_distrust_after;
  int line = 0;  // where the certificate object starts
};

// A trust object with no certificate in the file (NSS lists some distrusted certificates by
// issuer and serial only).
struct TrustOnly {
  std::string label;
  std::string issuer, serial;  // DER, as in the file
  TrustLevel server = TrustLevel::kMustVerify;
  TrustLevel email = TrustLevel::kMustVerify;
  int line = 0;
};

struct File {
  std::vector<Root> roots;  // in file order
  std::vector<TrustOnly> trust_only;
};

// Parses the whole file. Errors read "line N: <what>".
absl::StatusOr<File> Parse(absl::string_view text);

// "YYMMDDHHMMSSZ" (UTCTime, RFC 5280's two-digit years) or "YYYYMMDDHHMMSSZ" to seconds since the
// epoch; nullopt when malformed.
std::optional<int64_t> ParseTime(absl::string_view text);

}  // namespace certval::certdata

#endif  // CERTVAL_TRUST_CERTDATA_H_
