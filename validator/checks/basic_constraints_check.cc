#include "certval/validator/checks/basic_constraints_check.h"

#include "absl/strings/str_cat.h"
#include "certval/validator/checks/check_util.h"
#include "certval/validator/oids.h"

namespace certval {
namespace {

// Issuers must be CAs: a v3 certificate with basicConstraints cA=TRUE.
void CheckIssuerIsCa(const Certificate& cert, int index, FindingReporter& out) {
  if (cert.version() < 3) {
    out.Report(index, code::kBasicConstraintsNotCa,
               absl::StrCat("issuer is a v", cert.version(),
                            " certificate; only a v3 certificate with basicConstraints cA=TRUE "
                            "may issue certificates"));
  } else if (!cert.basic_constraints()) {
    out.Report(index, code::kBasicConstraintsMissing,
               "issuer has no basicConstraints extension, so it is not a CA (RFC 5280 4.2.1.9)");
  } else if (!cert.basic_constraints()->is_ca) {
    out.Report(index, code::kBasicConstraintsNotCa,
               "issuer has basicConstraints with cA=FALSE (RFC 5280 4.2.1.9)");
  }
}

// RFC 5280 4.2.1.9's encoding rules on the extension itself, for any certificate of the path. Not
// part of 6.1: under rfc5280 a non-critical cA=TRUE is a CA like any other (PKITS 4.6.4). Issuance
// rules: advisory under webpki on a path to a private anchor.
void CheckExtension(const PathContext& ctx, size_t i, check_util::IssuanceReporter& out) {
  const Certificate& cert = ctx.cert(i);
  const int index = static_cast<int>(i);
  const auto& bc = cert.basic_constraints();
  if (!bc || !check_util::EncodingRules(ctx.profile)) return;
  // Under webpki an anchor answers to the BR root profile from its effective date (check_util.h):
  // criticality since BR 1.0. A root without cA=TRUE is refused as an issuer anyway.
  if (check_util::BaselineRequirements(ctx.profile) && ctx.is_anchor(i) &&
      (!bc->is_ca ||
       !check_util::RootRuleApplies(cert, check_util::RootRule::kBasicConstraintsCritical))) {
    return;
  }
  if (bc->is_ca) {
    const Extension* ext = cert.FindExtension(kOidBasicConstraints);
    if (ext != nullptr && !ext->critical) {
      out.Report(index, code::kBasicConstraintsNotCritical,
                 "CA certificate has a non-critical basicConstraints; RFC 5280 4.2.1.9 requires "
                 "it critical");
    }
  } else if (bc->path_len) {
    out.Report(
        index, code::kBasicConstraintsPathLenWithoutCa,
        absl::StrCat("pathLenConstraint ", *bc->path_len, " without cA=TRUE (RFC 5280 4.2.1.9)"));
  }
}

}  // namespace

void BasicConstraintsCheck::Run(const PathContext& ctx, FindingReporter& out) const {
  if (check_util::IsTrustedLeafOnly(ctx)) return;
  const Certificate& leaf = ctx.cert(0);
  check_util::IssuanceReporter issuance(ctx, out);
  // An issuance rule of the subscriber profile: accepting a CA as the leaf gives its key no power
  // it did not have (what it signs is judged as an issuer), so a private CA may do it.
  if (check_util::BaselineRequirements(ctx.profile) && check_util::IsCa(leaf)) {
    issuance.Report(0, code::kBasicConstraintsCaAsLeaf,
                    "the leaf asserts basicConstraints cA=TRUE; CABF BR 7.1.2.7.8 requires "
                    "cA=FALSE");
  }
  CheckExtension(ctx, 0, issuance);
  // Non-self-issued intermediates between the leaf and position i (positions 1..i-1).
  int intermediates_below = 0;
  for (size_t i = 1; i < ctx.path.size(); ++i) {
    const Certificate& cert = ctx.cert(i);
    const int index = static_cast<int>(i);
    CheckIssuerIsCa(cert, index, out);
    CheckExtension(ctx, i, issuance);
    if (check_util::IsCa(cert) && cert.basic_constraints()->path_len &&
        intermediates_below > *cert.basic_constraints()->path_len) {
      out.Report(index, code::kBasicConstraintsPathLenExceeded,
                 absl::StrCat("pathLenConstraint ", *cert.basic_constraints()->path_len, " but ",
                              intermediates_below, " non-self-issued intermediates follow it"));
    }
    if (!cert.self_issued()) ++intermediates_below;
  }
}

}  // namespace certval
