#include "certval/validator/checks/key_usage_check.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "certval/validator/checks/check_util.h"

namespace certval {
namespace {

// "digitalSignature, keyEncipherment" for the bits set in `bits`.
std::string BitNames(uint16_t bits) {
  static constexpr std::pair<uint16_t, absl::string_view> kNames[] = {
      {kDigitalSignature, "digitalSignature"},
      {kNonRepudiation, "nonRepudiation"},
      {kKeyEncipherment, "keyEncipherment"},
      {kDataEncipherment, "dataEncipherment"},
      {kKeyAgreement, "keyAgreement"},
      {kKeyCertSign, "keyCertSign"},
      {kCrlSign, "cRLSign"},
      {kEncipherOnly, "encipherOnly"},
      {kDecipherOnly, "decipherOnly"},
  };
  std::string out;
  for (const auto& [bit, name] : kNames) {
    if (bits & bit) absl::StrAppend(&out, out.empty() ? "" : ", ", name);
  }
  return out.empty() ? "none" : out;
}

void CheckStructure(const PathContext& ctx, const Certificate& cert, int index,
                    FindingReporter& out) {
  if (!cert.key_usage()) return;
  const uint16_t ku = *cert.key_usage();
  const bool is_ca = check_util::IsCa(cert);
  // 6.1.4 (n) judges issuers only; the rest is section 4 on how the certificate is encoded.
  const bool encoding = check_util::EncodingRules(ctx.profile);
  if (!(ku & kKeyCertSign) && (index > 0 || (encoding && is_ca))) {
    out.Report(
        index, code::kKeyUsageMissingKeyCertSign,
        absl::StrCat(index > 0 ? "issuer" : "CA certificate", " has keyUsage (", BitNames(ku),
                     ") without keyCertSign, so its key may not verify "
                     "certificate signatures"));
  }
  if (encoding && (ku & kKeyCertSign) && !is_ca) {
    out.Report(index, code::kKeyUsageKeyCertSignWithoutCa,
               "keyUsage asserts keyCertSign but basicConstraints does not assert cA=TRUE "
               "(RFC 5280 4.2.1.3)");
  }
}

void CheckRequired(const PathContext& ctx, FindingReporter& out) {
  const uint16_t required = ctx.request ? ctx.request->required_key_usage : 0;
  const auto& ku = ctx.cert(0).key_usage();
  if (required == 0 || !ku || (*ku & required) == required) return;
  out.Report(0, code::kKeyUsageMissingRequiredUsage,
             absl::StrCat("the leaf's keyUsage (", BitNames(*ku), ") lacks ",
                          BitNames(static_cast<uint16_t>(required & ~*ku)),
                          ", which the request requires"));
}

}  // namespace

void KeyUsageCheck::Run(const PathContext& ctx, FindingReporter& out) const {
  CheckRequired(ctx, out);
  if (check_util::IsTrustedLeafOnly(ctx)) return;
  for (size_t i = 0; i < ctx.path.size(); ++i) {
    CheckStructure(ctx, ctx.cert(i), static_cast<int>(i), out);
  }
}

}  // namespace certval
