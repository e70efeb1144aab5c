// The outcome of one validation: verdict, chosen path and every finding.
#ifndef CERTVAL_VALIDATOR_RESULT_H_
#define CERTVAL_VALIDATOR_RESULT_H_

#include <string>
#include <vector>

#include "certval/validator/certificate.h"
#include "certval/validator/fetcher.h"
#include "certval/validator/finding.h"
#include "certval/validator/revocation.h"
#include "certval/validator/trust_source.h"

namespace certval {

// Who settled the verdict: the built-in chain of checks, or a hook (named in `decided_by_hook`).
enum class Decider { kChain, kHook };

struct ValidationResult {
  bool valid = false;
  Decider decider = Decider::kChain;
  std::string decided_by_hook;
  std::vector<CertificatePtr> path;  // the chosen path, leaf first; the best failing one if invalid
  TrustKind anchor = TrustKind::kUnspecified;  // how path.back() is trusted
  // The store path.back()'s trust came from (TrustInfo::source: "system", "mozilla", "root-store",
  // ...); empty when nothing trusted it.
  std::string anchor_source;
  std::vector<Finding> findings;  // errors, warnings and hook decisions
  int paths_evaluated = 0;
  int signature_checks = 0;
  // RFC 5280 6.1.6's outputs for the accepted path: the authorities-constrained policy set (the
  // policies of the valid policy graph's leaves) and the user-constrained one (its intersection
  // with the request's user-initial-policy-set). OID contents; anyPolicy appears as its own OID
  // (2.5.29.32.0). Empty when no path was accepted, or when the valid policy graph is empty.
  std::vector<std::string> authority_constrained_policies;
  std::vector<std::string> user_constrained_policies;
  // The revocation status of each certificate of `path` the revocation check looked at (by
  // RevocationPolicy::scope), in path order. Empty when no revocation data was configured, the
  // check is disabled, or no path was evaluated.
  std::vector<RevocationStatus> revocation;
  // Every fetch made for this validation (only with ValidatorOptions::fetch), in order.
  std::vector<FetchRecord> fetches;

  bool has_warnings() const;
  // The errors only, one per line; empty when valid.
  std::string ErrorSummary() const;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_RESULT_H_
