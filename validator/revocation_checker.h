// RevocationChecker: RFC 5280 6.3's CRL processing for one validation.
//
// Made once per Validate() by the Validator, from the request's CRLs (parsed once, charged to the
// budget) and the configured RevocationSources; the "revocation" check asks it about each
// certificate of each candidate path. It decides, per certificate:
//   - which CRLs are in scope (issuer or indirect cRLIssuer, the issuing distribution point's name,
//     onlyContainsUserCerts / CACerts / AttributeCerts, onlySomeReasons against the reasons mask);
//   - whether each is current (thisUpdate <= time <= nextUpdate);
//   - who signed it: the certificate's issuer in the path, or another certificate for the CRL
//     issuer (a separate CRL-signing key, an indirect CRL issuer) with cRLSign and a path of its
//     own to the same trust anchor, itself checked for revocation (to a bounded depth);
//   - delta CRLs over a complete CRL (same issuer and scope, base number <= the complete CRL's);
//   - the status: revoked (with reason; certificateHold included), removeFromCRL undoing a hold,
//     good once the in-scope CRLs cover every reason, unknown otherwise (with why).
// Every signature verified and every CRL considered is charged to the validation's Budget; results
// are memoized for the run, so many candidate paths cost one verification per (CRL, signer).
//
// Not thread-safe: one validation, one thread.
#ifndef CERTVAL_VALIDATOR_REVOCATION_CHECKER_H_
#define CERTVAL_VALIDATOR_REVOCATION_CHECKER_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "absl/types/span.h"
#include "validator/budget.h"
#include "validator/certificate.h"
#include "validator/crl.h"
#include "validator/path_builder.h"
#include "validator/revocation.h"
#include "validator/signature_verifier.h"
#include "validator/trust_source.h"

namespace certval {

class RevocationChecker {
 public:
  struct Environment {
    const TrustSource* trust = nullptr;
    const IntermediateSet* intermediates = nullptr;
    const SignatureVerifier* verifier = nullptr;
    Budget* budget = nullptr;
    absl::Time time;
    int max_intermediates = 8;
  };

  // `crls`: the request's that parsed; `sources`: the options' and the request's. `configured`:
  // whether the caller gave any revocation data at all (CRLs that did not parse count: the caller
  // asked for checking, and gets "unknown" rather than silence).
  RevocationChecker(Environment env, std::vector<CrlPtr> crls,
                    std::vector<std::shared_ptr<const RevocationSource>> sources,
                    RevocationPolicy policy, bool configured);

  // When false, the check says nothing.
  bool configured() const { return configured_; }
  const RevocationPolicy& policy() const { return policy_; }

  // The status of path[i], issued by path[i + 1]; path.back() is the trust anchor.
  RevocationStatus Check(absl::Span<const CertificatePtr> path, size_t i);

  // The statuses the check recorded for the path under evaluation (the Validator keeps the chosen
  // path's in its result).
  std::vector<RevocationStatus>& statuses() { return statuses_; }

 private:
  RevocationStatus CheckAt(absl::Span<const CertificatePtr> path, size_t i, int depth);
  std::vector<CrlPtr> CandidateCrls(const Certificate& cert,
                                    const std::vector<struct DistributionPoint>& points);
  // The certificate that signed `crl` and may sign CRLs for `path[i]`, or null with `why` set.
  CertificatePtr FindSigner(const Crl& crl, absl::Span<const CertificatePtr> path, size_t i,
                            int depth, std::string* why);
  bool Verified(const Crl& crl, const CertificatePtr& signer);
  bool SignerPathValid(const CertificatePtr& signer, const Certificate& anchor, int depth,
                       std::string* why);

  Environment env_;
  std::vector<CrlPtr> crls_;
  std::vector<std::shared_ptr<const RevocationSource>> sources_;
  RevocationPolicy policy_;
  bool configured_;
  std::vector<RevocationStatus> statuses_;
  // Memos for the run, keyed by objects the run keeps alive.
  std::map<std::pair<const Crl*, const Certificate*>, bool> verified_;
  std::map<std::pair<const Certificate*, const Certificate*>, bool> signer_paths_;
  std::set<const Certificate*> in_progress_;  // certificates whose status is being established
  std::vector<CrlPtr> kept_;  // CRLs from sources, alive as long as the memos that name them
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_REVOCATION_CHECKER_H_
