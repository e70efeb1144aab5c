// The outcome of one validation: verdict, chosen path and every finding.
#ifndef CERTVAL_VALIDATOR_RESULT_H_
#define CERTVAL_VALIDATOR_RESULT_H_

#include <string>
#include <vector>

#include "validator/certificate.h"
#include "validator/finding.h"
#include "validator/trust_source.h"

namespace certval {

// Who settled the verdict: the built-in chain of checks, or a hook (named in `decided_by_hook`).
enum class Decider { kChain, kHook };

struct ValidationResult {
  bool valid = false;
  Decider decider = Decider::kChain;
  std::string decided_by_hook;
  std::vector<CertificatePtr> path;  // the chosen path, leaf first; the best failing one if invalid
  TrustKind anchor = TrustKind::kUnspecified;  // how path.back() is trusted
  std::vector<Finding> findings;     // errors, warnings and hook decisions
  int paths_evaluated = 0;
  int signature_checks = 0;

  bool has_warnings() const;
  // The errors only, one per line; empty when valid.
  std::string ErrorSummary() const;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_RESULT_H_
