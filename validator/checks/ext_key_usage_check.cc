#include "certval/validator/checks/ext_key_usage_check.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "certval/validator/checks/check_util.h"
#include "certval/validator/oids.h"

namespace certval {
namespace {

Der PurposeOid(Purpose purpose) {
  return purpose == Purpose::kClientAuth ? kOidEkuClientAuth : kOidEkuServerAuth;
}

bool Lists(const ExtKeyUsage& eku, Purpose purpose) {
  return purpose == Purpose::kClientAuth ? eku.client_auth : eku.server_auth;
}

// "1.3.6.1.5.5.7.3.2, 2.5.29.37.0" for the message.
std::string OidList(const ExtKeyUsage& eku) {
  std::string out;
  for (Der oid : eku.oids) absl::StrAppend(&out, out.empty() ? "" : ", ", check_util::OidText(oid));
  return out;
}

// The request's purpose; a hand-built context without a request gets the default, serverAuth.
Purpose RequestedPurpose(const PathContext& ctx) {
  return ctx.request ? ctx.request->purpose : Purpose::kServerAuth;
}

void ReportPurpose(Purpose purpose, int index, const ExtKeyUsage& eku, bool any_counts,
                   FindingReporter& out) {
  out.Report(index, code::kExtKeyUsagePurposeNotAllowed,
             absl::StrCat("extKeyUsage (", OidList(eku), ") does not include ",
                          PurposeName(purpose), any_counts ? " or anyExtendedKeyUsage" : ""));
}

// CABF's rules for the subscriber certificate; not for a certificate the user trusts exactly.
void CheckWebPkiLeaf(const Certificate& leaf, FindingReporter& out) {
  if (!leaf.ext_key_usage()) {
    out.Report(0, code::kExtKeyUsageMissing,
               "the leaf has no extKeyUsage; CABF BR 7.1.2.7.10 requires one");
    return;
  }
  const Extension* ext = leaf.FindExtension(kOidExtKeyUsage);
  if (ext != nullptr && ext->critical) {
    out.Report(0, code::kExtKeyUsageCritical,
               "the leaf's extKeyUsage is critical; CABF BR 7.1.2.7.6 forbids it");
  }
  if (leaf.ext_key_usage()->any) {
    out.Report(
        0, code::kExtKeyUsageAnyEku,
        "the leaf's extKeyUsage contains anyExtendedKeyUsage; CABF BR 7.1.2.7.10 forbids it");
  }
  // The BRs' other MUST NOTs for a TLS subscriber: a key for TLS must not also sign code,
  // timestamps or OCSP responses.
  static constexpr std::pair<Der, absl::string_view> kForbidden[] = {
      {kOidEkuCodeSigning, "codeSigning"},
      {kOidEkuTimeStamping, "timeStamping"},
      {kOidEkuOcspSigning, "OCSPSigning"},
  };
  std::string found;
  for (Der oid : leaf.ext_key_usage()->oids) {
    for (const auto& [forbidden, name] : kForbidden) {
      if (oid == forbidden) absl::StrAppend(&found, found.empty() ? "" : ", ", name);
    }
  }
  if (!found.empty()) {
    out.Report(0, code::kExtKeyUsageForbiddenInLeaf,
               absl::StrCat("the leaf's extKeyUsage contains ", found,
                            ", which CABF BR 7.1.2.7.10 forbids in a subscriber certificate"));
  }
}

void CheckLeaf(const PathContext& ctx, FindingReporter& out) {
  const Certificate& leaf = ctx.cert(0);
  if (check_util::BaselineRequirements(ctx.profile) && !check_util::IsTrustedLeafOnly(ctx)) {
    CheckWebPkiLeaf(leaf, out);
  }
  const auto& eku = leaf.ext_key_usage();
  if (!eku) return;
  const Purpose purpose = RequestedPurpose(ctx);
  // The BRs forbid anyExtendedKeyUsage in a leaf; RFC 5280 4.2.1.12 lets it stand for any purpose.
  const bool any_counts = !check_util::BaselineRequirements(ctx.profile);
  if (purpose == Purpose::kAny || Lists(*eku, purpose) || (any_counts && eku->any)) return;
  ReportPurpose(purpose, 0, *eku, any_counts, out);
}

void CheckCa(const PathContext& ctx, size_t i, FindingReporter& out) {
  const auto& eku = ctx.cert(i).ext_key_usage();
  if (!eku) return;
  const int index = static_cast<int>(i);
  // The BR root profile, for roots issued since BR 1.0 (check_util.h); an issuance rule, so
  // advisory below a private root. Either way the root's EKU still limits the path, as a CA's does.
  if (check_util::BaselineRequirements(ctx.profile) && ctx.is_anchor(i) &&
      check_util::IsSelfSigned(ctx, i) &&
      check_util::RootRuleApplies(ctx.cert(i), check_util::RootRule::kNoExtKeyUsage)) {
    check_util::IssuanceReporter(ctx, out).Report(
        index, code::kExtKeyUsageRootHasEku,
        absl::StrCat("the root has extKeyUsage (", OidList(*eku),
                     "); CABF BR 7.1.2.1.2 forbids it"));
  }
  const Purpose purpose = RequestedPurpose(ctx);
  if (purpose == Purpose::kAny || Lists(*eku, purpose) || eku->any) return;
  ReportPurpose(purpose, index, *eku, /*any_counts=*/true, out);
}

void CheckAnchorConstraints(const PathContext& ctx, FindingReporter& out) {
  if (ctx.anchor.kind != TrustKind::kAnchor || !ctx.anchor.constraints) return;
  const auto& allowed = ctx.anchor.constraints->allowed_ekus;
  if (allowed.empty()) return;
  auto is_allowed = [&allowed](Der oid) {
    for (const std::string& a : allowed) {
      if (a == oid || a == kOidAnyExtendedKeyUsage) return true;
    }
    return false;
  };
  std::string list;
  for (const std::string& oid : allowed) {
    absl::StrAppend(&list, list.empty() ? "" : ", ", check_util::OidText(oid));
  }
  const int index = static_cast<int>(ctx.path.size() - 1);
  const Purpose purpose = RequestedPurpose(ctx);
  if (purpose != Purpose::kAny) {
    if (is_allowed(PurposeOid(purpose))) return;
    out.Report(index, code::kExtKeyUsageAnchorDisallowsPurpose,
               absl::StrCat("the trust anchor is limited to purposes (", list, "), not ",
                            PurposeName(purpose)));
    return;
  }
  // No purpose asked for: whatever the leaf may be used for must lie within the anchor's purposes,
  // so a leaf without extKeyUsage (usable for anything) or with anyExtendedKeyUsage is refused.
  const auto& eku = ctx.cert(0).ext_key_usage();
  std::string outside;
  if (!eku) {
    outside = "no extKeyUsage (any purpose)";
  } else if (eku->any && !is_allowed(kOidAnyExtendedKeyUsage)) {
    outside = "anyExtendedKeyUsage";
  } else {
    for (Der oid : eku->oids) {
      if (!is_allowed(oid))
        absl::StrAppend(&outside, outside.empty() ? "" : ", ", check_util::OidText(oid));
    }
  }
  if (outside.empty()) return;
  out.Report(index, code::kExtKeyUsageAnchorDisallowsPurpose,
             absl::StrCat("the trust anchor is limited to purposes (", list, "), and the leaf has ",
                          outside));
}

}  // namespace

void ExtKeyUsageCheck::Run(const PathContext& ctx, FindingReporter& out) const {
  CheckLeaf(ctx, out);
  for (size_t i = 1; i < ctx.path.size(); ++i) CheckCa(ctx, i, out);
  CheckAnchorConstraints(ctx, out);
}

}  // namespace certval
