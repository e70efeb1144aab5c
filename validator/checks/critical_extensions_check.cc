#include "validator/checks/critical_extensions_check.h"

#include "absl/strings/str_cat.h"
#include "validator/checks/check_util.h"

namespace certval {

bool CriticalExtensionsCheck::IsRecognized(Der oid) {
  namespace o = check_util::oid;
  static constexpr Der kRecognized[] = {
      o::kBasicConstraints,     o::kKeyUsage,           o::kExtKeyUsage,
      o::kSubjectAltName,       o::kNameConstraints,    o::kSubjectKeyIdentifier,
      o::kAuthorityKeyIdentifier, o::kCertificatePolicies, o::kPolicyMappings,
      o::kPolicyConstraints,    o::kInhibitAnyPolicy,
  };
  for (Der known : kRecognized) {
    if (oid == known) return true;
  }
  return false;
}

void CriticalExtensionsCheck::Run(const PathContext& ctx, FindingReporter& out) const {
  for (size_t i = 0; i < ctx.path.size(); ++i) {
    for (const Extension& ext : ctx.cert(i).extensions()) {
      if (!ext.critical || IsRecognized(ext.oid)) continue;
      out.Report(static_cast<int>(i), "unrecognized",
                 absl::StrCat("critical extension ", check_util::OidText(ext.oid),
                              " is not one certval processes (RFC 5280 4.2)"));
    }
  }
}

}  // namespace certval
