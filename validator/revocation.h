// Revocation: the per-certificate outcome a validation reports, the policy that says what an
// unknown status means, and the interface through which revocation data reaches the validator.
//
// RevocationSource mirrors TrustSource: `validator/` never includes a concrete store. A source may
// offer CRLs (which the revocation check authenticates itself: signature, signer path, scope,
// time) or answer directly (an authenticated, application-provisioned set such as a pushed
// revocation set). Implementations must be safe for concurrent calls.
#ifndef CERTVAL_VALIDATOR_REVOCATION_H_
#define CERTVAL_VALIDATOR_REVOCATION_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "certval/validator/certificate.h"
#include "certval/validator/crl.h"

namespace certval {

enum class RevocationState { kGood, kRevoked, kUnknown };
absl::string_view RevocationStateName(RevocationState state);  // "good", "revoked", "unknown"

// What the revocation check learned about one certificate of the chosen path.
struct RevocationStatus {
  int cert_index = 0;  // position in ValidationResult::path
  RevocationState state = RevocationState::kUnknown;
  std::optional<RevocationReason> reason;     // kRevoked: the CRL entry's reasonCode, if any
  std::optional<absl::Time> revocation_time;  // kRevoked
  // Who said so: "crl" (with the CRL's issuer and number), or a source's name. Escape before
  // printing: it quotes CRL text.
  std::string source;
  std::string detail;  // kUnknown: why no source could answer
};

// Which certificates need a status.
enum class RevocationScope {
  kLeaf,   // the leaf only
  kChain,  // every certificate below the trust anchor (the default)
};

// What a certificate whose status nobody could establish does to the path.
enum class UnknownStatus {
  kSoftFail,  // a warning: revocation data is often unreachable, and online checks fail open
  kHardFail,  // an error: what PKITS and strict deployments expect
};

// Beside the tristate Mode of the "revocation" check (which makes a revoked certificate an error,
// a warning, or not looked at). The defaults look at the whole chain and soft-fail: with no source
// configured the check says nothing at all, because a caller who gave no revocation data has not
// asked for revocation checking; with sources, a certificate none of them covers is worth a
// warning but not a rejection, since the absence of data is not evidence of revocation and most
// deployments cannot guarantee coverage.
struct RevocationPolicy {
  RevocationScope scope = RevocationScope::kChain;
  UnknownStatus unknown = UnknownStatus::kSoftFail;
};

// The certificate's TLS feature extension (RFC 7633, 1.3.6.1.5.5.7.1.24) lists status_request (5):
// OCSP Must-Staple. A malformed extension counts as asking (the stricter reading).
bool RequiresStapledOcsp(const Certificate& cert);

class RevocationSource {
 public:
  virtual ~RevocationSource() = default;
  // Names the source in results ("crl_store", "revocation_set v3", ...).
  virtual absl::string_view name() const = 0;
  // Appends the CRLs issued under `issuer` (a normalized Name, see Name::normalized) that the
  // source holds. Candidates only: the check verifies every one before believing it.
  virtual void FindCrls(const Name& issuer, std::vector<CrlPtr>* out) const {
    (void)issuer, (void)out;
  }
  // An answer the application vouches for (the source is as trusted as the trust store), or
  // nullopt when the source does not cover `cert`. `issuer` is the certificate's issuer in the
  // path.
  virtual std::optional<RevocationStatus> Lookup(const Certificate& cert,
                                                 const Certificate& issuer) const {
    (void)cert, (void)issuer;
    return std::nullopt;
  }
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_REVOCATION_H_
