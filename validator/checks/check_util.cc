#include "certval/validator/checks/check_util.h"

#include <openssl/bytestring.h>
#include <openssl/mem.h>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace certval {
namespace check_util {

bool IssuanceRulesBind(const PathContext& ctx) {
  return !BaselineRequirements(ctx.profile) || ctx.anchor.origin == AnchorOrigin::kRootProgram;
}

void IssuanceReporter::Report(int cert_index, FindingCode code, std::string message) {
  if (binding_) {
    out_.Report(cert_index, code, std::move(message));
    return;
  }
  out_.Advise(cert_index, code,
              absl::StrCat(message,
                           " [advisory: the trust anchor is private, and the Baseline "
                           "Requirements bind root programs' CAs only]"));
}

absl::Time RootRuleEffectiveDate(RootRule rule) {
  switch (rule) {
    case RootRule::kBasicConstraintsCritical:
    case RootRule::kNoExtKeyUsage:
    case RootRule::kVersion3:
      return absl::FromCivil(absl::CivilDay(2012, 7, 1), absl::UTCTimeZone());
    case RootRule::kSubjectKeyId:
    case RootRule::kAuthorityKeyId:
      break;
  }
  return absl::FromCivil(absl::CivilDay(2023, 9, 15), absl::UTCTimeZone());
}

bool RootRuleApplies(const Certificate& anchor, RootRule rule) {
  static const absl::Time kV3Standardized =
      absl::FromCivil(absl::CivilDay(1996, 6, 1), absl::UTCTimeZone());
  const absl::Time issued = anchor.not_before();
  return issued < kV3Standardized || issued >= RootRuleEffectiveDate(rule);
}

bool IsCa(const Certificate& cert) {
  return cert.basic_constraints().has_value() && cert.basic_constraints()->is_ca;
}

bool IsTrustedLeafOnly(const PathContext& ctx) {
  return ctx.path.size() == 1 && ctx.anchor.kind == TrustKind::kLeaf;
}

bool IsSelfSigned(const PathContext& ctx, size_t i) {
  const Certificate& cert = ctx.cert(i);
  if (!cert.self_issued()) return false;
  if (i + 1 >= ctx.path.size()) return true;
  return ctx.cert(i + 1).public_key().spki == cert.public_key().spki;
}

std::string OidText(Der oid) {
  CBS cbs;
  CBS_init(&cbs, reinterpret_cast<const uint8_t*>(oid.data()), oid.size());
  char* text = CBS_asn1_oid_to_text(&cbs);
  if (text == nullptr) return absl::StrCat("OID bytes ", HexText(oid));
  std::string out(text);
  OPENSSL_free(text);
  return out;
}

std::string TimeText(absl::Time time) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", time, absl::UTCTimeZone());
}

std::string HexText(Der bytes) {
  constexpr size_t kMaxShown = 40;
  if (bytes.size() <= kMaxShown) return absl::BytesToHexString(bytes);
  return absl::StrCat(absl::BytesToHexString(bytes.substr(0, kMaxShown)), "...");
}

}  // namespace check_util
}  // namespace certval
