// The Check interface: one rule applied to one candidate path.
//
// Built-in checks and custom ones (from the application or a plugin) implement it alike. A check
// reads the path and reports failures to a FindingReporter; the Validator decides, from the Policy,
// whether each failure is an error or a warning, or whether the check runs at all. Checks are
// stateless and const, so one instance serves every thread.
#ifndef CERTVAL_VALIDATOR_CHECK_H_
#define CERTVAL_VALIDATOR_CHECK_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "certval/validator/budget.h"
#include "certval/validator/certificate.h"
#include "certval/validator/codes.h"
#include "certval/validator/finding.h"
#include "certval/validator/request.h"
#include "certval/validator/trust_source.h"

namespace certval {

class SignatureVerifier;
class RevocationChecker;

// What the path builder learned about a signature on the path (path[i] signed by path[i+1]).
enum class EdgeSignature : int8_t { kNotTried, kVerified, kFailed };

// Everything a check may read about the path under evaluation.
struct PathContext {
  absl::Span<const CertificatePtr> path;  // [0] = leaf ... [size-1] = trust anchor (or last found)
  const ValidationRequest* request = nullptr;
  absl::Time time;
  Profile profile = Profile::kWebPki;
  Limits limits;
  TrustInfo anchor;  // trust of path.back(); kUnspecified when no anchor could be reached
  const SignatureVerifier* verifier = nullptr;
  // What the path builder already learned about path[i]'s signature by path[i+1]; lets the
  // signature check skip repeated public-key work. Empty or short: not tried.
  absl::Span<const EdgeSignature> edge_verified;
  // The validation's one budget: a check whose work grows with the input (signatures, name
  // comparisons) charges it first and stops when a charge fails; the Validator then refuses the
  // path with the limit that ran out. Never null when the Validator runs the check.
  Budget* budget = nullptr;
  // The validation's revocation data (validator/revocation_checker.h); null when the Validator
  // runs no revocation check. The "revocation" check records each certificate's status in it.
  RevocationChecker* revocation = nullptr;

  const Certificate& cert(size_t i) const { return *path[i]; }
  bool is_leaf(size_t i) const { return i == 0; }
  bool is_anchor(size_t i) const {
    return i + 1 == path.size() && anchor.kind == TrustKind::kAnchor;
  }
};

// Collects one check's failures; the Validator stamps check name and severity.
class FindingReporter {
 public:
  FindingReporter(absl::string_view check, Severity severity, std::vector<Finding>* out)
      : check_(check), severity_(severity), out_(out) {}
  // A built-in check's finding; `code` belongs to this check (validator/codes.h).
  void Report(int cert_index, FindingCode code, std::string message);
  // A finding that is reported but cannot fail the path: a warning even when the check's mode is
  // ENFORCE (e.g. a Baseline Requirements issuance rule on a path to a private anchor).
  void Advise(int cert_index, FindingCode code, std::string message);
  // A custom check's finding: its code is "<check name>.<id>".
  void Report(int cert_index, absl::string_view id, std::string message);

 private:
  absl::string_view check_;
  Severity severity_;
  std::vector<Finding>* out_;
};

class Check {
 public:
  virtual ~Check() = default;
  // Stable name used by the Policy and in findings, e.g. "validity". Codes start with it.
  virtual absl::string_view name() const = 0;
  virtual void Run(const PathContext& ctx, FindingReporter& out) const = 0;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CHECK_H_
