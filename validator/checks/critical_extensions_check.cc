#include "certval/validator/checks/critical_extensions_check.h"

#include "absl/strings/str_cat.h"
#include "certval/validator/checks/check_util.h"
#include "certval/validator/oids.h"

namespace certval {

bool CriticalExtensionsCheck::IsRecognized(Der oid) {
  static constexpr Der kRecognized[] = {
      kOidBasicConstraints,
      kOidKeyUsage,
      kOidExtKeyUsage,
      kOidSubjectAltName,
      kOidNameConstraints,
      kOidSubjectKeyIdentifier,
      kOidAuthorityKeyIdentifier,
      kOidCertificatePolicies,
      kOidPolicyMappings,
      kOidPolicyConstraints,
      kOidInhibitAnyPolicy,
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
      out.Report(static_cast<int>(i), code::kCriticalExtensionsUnrecognized,
                 absl::StrCat("critical extension ", check_util::OidText(ext.oid),
                              " is not one certval processes (RFC 5280 4.2)"));
    }
  }
}

}  // namespace certval
