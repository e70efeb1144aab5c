#include "certval/validator/checks/revocation_check.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "certval/validator/checks/check_util.h"
#include "certval/validator/revocation_checker.h"

namespace certval {

void RevocationCheck::Run(const PathContext& ctx, FindingReporter& out) const {
  RevocationChecker* checker = ctx.revocation;
  if (checker == nullptr) return;
  checker->statuses().clear();
  // Below the anchor: the anchor is trusted as it is. A path that reached no anchor is refused
  // by trust_anchor already, and no CRL signer could be validated against it.
  if (ctx.anchor.kind != TrustKind::kAnchor || ctx.path.size() < 2) return;
  size_t end = checker->configured() ? ctx.path.size() - 1 : 0;
  if (checker->policy().scope == RevocationScope::kLeaf || checker->staple_only()) {
    end = std::min<size_t>(end, 1);
  }
  for (size_t i = 0; i < end; ++i) {
    RevocationStatus status = checker->Check(ctx.path, i);
    if (ctx.budget != nullptr && ctx.budget->exhausted()) return;  // refused with the limit
    const int index = static_cast<int>(i);
    switch (status.state) {
      case RevocationState::kGood:
        break;
      case RevocationState::kRevoked:
        out.Report(
            index, code::kRevocationRevoked,
            absl::StrCat(
                "revoked",
                status.reason ? absl::StrCat(" (", RevocationReasonName(*status.reason), ")") : "",
                status.revocation_time
                    ? absl::StrCat(" on ", check_util::TimeText(*status.revocation_time))
                    : "",
                " according to ", status.source));
        break;
      case RevocationState::kUnknown: {
        std::string message = absl::StrCat("revocation status unknown: ", status.detail);
        if (checker->policy().unknown == UnknownStatus::kHardFail) {
          out.Report(index, code::kRevocationUnknown, std::move(message));
        } else {
          out.Advise(index, code::kRevocationUnknown, std::move(message));
        }
        break;
      }
    }
    checker->statuses().push_back(std::move(status));
  }
  // OCSP Must-Staple (RFC 7633): in a TLS handshake, only the staple may answer for such a leaf.
  if (checker->stapling() && RequiresStapledOcsp(ctx.cert(0))) {
    const auto& statuses = checker->statuses();
    const bool answered = !statuses.empty() && statuses[0].cert_index == 0 &&
                          statuses[0].state != RevocationState::kUnknown &&
                          statuses[0].source.rfind("stapled OCSP response", 0) == 0;
    if (!answered) {
      out.Report(0, code::kRevocationMustStapleMissing,
                 "the leaf requires a stapled OCSP response (TLS feature status_request, RFC "
                 "7633), and the server stapled none that answers for it");
    }
  }
}

}  // namespace certval
