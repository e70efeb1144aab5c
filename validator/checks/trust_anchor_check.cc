#include "certval/validator/checks/trust_anchor_check.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "certval/validator/oids.h"

namespace certval {
namespace {

std::string Rfc3339(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone());
}

// The purposes a path is validated for, in the terms of root programs' trust bits.
struct Uses {
  bool tls = false;
  bool email = false;
};

Uses UsesOf(const PathContext& ctx) {
  const Purpose purpose = ctx.request ? ctx.request->purpose : Purpose::kServerAuth;
  if (purpose != Purpose::kAny) return {true, false};
  const auto& eku = ctx.cert(0).ext_key_usage();
  if (!eku || eku->any) return {true, true};  // usable for anything
  Uses uses;
  uses.tls = eku->server_auth || eku->client_auth;
  for (Der oid : eku->oids) uses.email |= oid == Der(kOidEkuEmailProtection);
  return uses;
}

void CheckDistrustAfter(const Certificate& leaf, const std::optional<absl::Time>& date,
                        absl::string_view purpose, FindingReporter& out) {
  if (!date || leaf.not_before() <= *date) return;
  out.Report(0, code::kTrustAnchorDistrustedAfter,
             absl::StrCat("the leaf's notBefore ", Rfc3339(leaf.not_before()),
                          " is after the trust anchor's ", purpose, " distrust-after date ",
                          Rfc3339(*date), "; certificates issued since then are not trusted"));
}

}  // namespace

void TrustAnchorCheck::Run(const PathContext& ctx, FindingReporter& out) const {
  if (ctx.anchor.kind != TrustKind::kAnchor || ctx.anchor.constraints == nullptr) return;
  const AnchorConstraints& c = *ctx.anchor.constraints;
  const int anchor = static_cast<int>(ctx.path.size()) - 1;
  const Certificate& leaf = ctx.cert(0);
  const Uses uses = UsesOf(ctx);
  if (uses.tls && !c.trusted_for_server) {
    out.Report(anchor, code::kTrustAnchorPurposeNotTrusted,
               "the trust anchor is not trusted for TLS (serverAuth, clientAuth)");
  }
  if (uses.email && !c.trusted_for_email) {
    out.Report(anchor, code::kTrustAnchorPurposeNotTrusted,
               "the trust anchor is not trusted for email protection");
  }
  if (uses.tls) CheckDistrustAfter(leaf, c.server_distrust_after, "TLS", out);
  if (uses.email) CheckDistrustAfter(leaf, c.email_distrust_after, "email", out);
  if (c.max_leaf_validity && leaf.not_after() - leaf.not_before() > *c.max_leaf_validity) {
    out.Report(0, code::kTrustAnchorLeafValidityTooLong,
               absl::StrCat("the leaf is valid for ",
                            absl::FormatDuration(leaf.not_after() - leaf.not_before()),
                            ", longer than the trust anchor allows (",
                            absl::FormatDuration(*c.max_leaf_validity), ")"));
  }
}

}  // namespace certval
