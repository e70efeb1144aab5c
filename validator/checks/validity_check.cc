#include "certval/validator/checks/validity_check.h"

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "certval/validator/checks/check_util.h"

namespace certval {

void ValidityCheck::Run(const PathContext& ctx, FindingReporter& out) const {
  // ToUnixSeconds rounds toward negative infinity: a floor, also before 1970.
  const absl::Time now = absl::FromUnixSeconds(absl::ToUnixSeconds(ctx.time));
  for (size_t i = 0; i < ctx.path.size(); ++i) {
    const Certificate& cert = ctx.cert(i);
    if (now < cert.not_before()) {
      out.Report(static_cast<int>(i), code::kValidityNotYetValid,
                 absl::StrCat("notBefore ", check_util::TimeText(cert.not_before()),
                              " is after the validation time ", check_util::TimeText(now)));
    } else if (now > cert.not_after()) {
      out.Report(static_cast<int>(i), code::kValidityExpired,
                 absl::StrCat("notAfter ", check_util::TimeText(cert.not_after()),
                              " is before the validation time ", check_util::TimeText(now)));
    }
  }
}

}  // namespace certval
