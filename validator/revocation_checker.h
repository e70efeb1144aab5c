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
// OCSP responses (RFC 6960) come first, the stapled one before those supplied: a response whose
// CertID names the certificate and its issuer, signed by the issuer or by a delegated responder
// (a certificate in the response, issued by the same issuer, with id-kp-OCSPSigning, valid now),
// current within kOcspClockSkew, settles the status (good or revoked); "unknown" from the
// responder, or no usable response, leaves it to the CRLs. A delegated responder's own revocation
// status is not checked (RFC 6960 4.2.2.2.1 lets CAs mark responders id-pkix-ocsp-nocheck, and
// every public one does).
// Every signature verified and every CRL considered is charged to the validation's Budget; results
// are memoized for the run, so many candidate paths cost one verification per (CRL, signer).
//
// Not thread-safe: one validation, one thread.
#ifndef CERTVAL_VALIDATOR_REVOCATION_CHECKER_H_
#define CERTVAL_VALIDATOR_REVOCATION_CHECKER_H_

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "absl/types/span.h"
#include "certval/validator/budget.h"
#include "certval/validator/certificate.h"
#include "certval/validator/crl.h"
#include "certval/validator/fetch_session.h"
#include "certval/validator/ocsp.h"
#include "certval/validator/path_builder.h"
#include "certval/validator/revocation.h"
#include "certval/validator/signature_verifier.h"
#include "certval/validator/trust_source.h"

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
    // When set, a certificate with no status from the data given gets an OCSP response, then its
    // CRLs, fetched (once per certificate per validation).
    FetchSession* fetch = nullptr;
  };

  // The revocation data of one validation: what parsed of the request's, and the sources.
  struct Inputs {
    std::vector<CrlPtr> crls;
    std::vector<OcspResponsePtr> ocsp;  // the stapled response first, when there is one
    bool first_ocsp_is_stapled = false;
    std::vector<std::shared_ptr<const RevocationSource>> sources;
    // Whether the caller gave any revocation data at all (inputs that did not parse count: the
    // caller asked for checking, and gets "unknown" rather than silence).
    bool configured = false;
    // A TLS client asked for a stapled response (ValidationRequest::stapled_ocsp is set): a
    // Must-Staple leaf then needs the staple to answer for it.
    bool stapling = false;
    // The staple is the only revocation data: it speaks for the leaf only, so the rest of the
    // chain is not looked up (nor warned about) whatever the policy's scope.
    bool staple_only = false;
  };

  // Allowed difference between the responder's clock and the validation time, both ways: OCSP
  // responses are signed minutes before use (and thisUpdate is often "now"), and clients' clocks
  // drift; 5 minutes is what Kerberos and most TLS stacks tolerate.
  static constexpr absl::Duration kOcspClockSkew = absl::Minutes(5);
  // A response without nextUpdate ("newer information is always available") is taken as current
  // for this long after its thisUpdate: the Baseline Requirements' longest validity is 10 days.
  static constexpr absl::Duration kOcspMaxAgeWithoutNextUpdate = absl::Hours(24 * 7);

  RevocationChecker(Environment env, Inputs inputs, RevocationPolicy policy);

  // When false, the check looks nothing up.
  bool configured() const { return configured_; }
  bool stapling() const { return stapling_; }
  bool staple_only() const { return staple_only_; }
  const RevocationPolicy& policy() const { return policy_; }

  // The status of path[i], issued by path[i + 1]; path.back() is the trust anchor.
  RevocationStatus Check(absl::Span<const CertificatePtr> path, size_t i);

  // The statuses the check recorded for the path under evaluation (the Validator keeps the chosen
  // path's in its result).
  std::vector<RevocationStatus>& statuses() { return statuses_; }

 private:
  RevocationStatus CheckAt(absl::Span<const CertificatePtr> path, size_t i, int depth);
  // CheckAt with the data at hand, before anything is fetched.
  RevocationStatus CheckWithData(absl::Span<const CertificatePtr> path, size_t i, int depth);
  // What the RevocationSources say of `cert`: the first "revoked", else the first "good", else
  // nullopt.
  std::optional<RevocationStatus> SourcesAnswer(const Certificate& cert, const Certificate& issuer,
                                                int index);
  // The CRLs' answer for path[i]: revoked, good, unknown when the budget ran out, or nullopt (with
  // `notes` saying why) when they do not settle it.
  std::optional<RevocationStatus> CheckCrls(absl::Span<const CertificatePtr> path, size_t i,
                                            int depth, std::vector<std::string>* notes);
  struct CrlScan;  // one certificate's pass over its CRLs (defined in the .cc)
  // RFC 5280 6.3.3 (b)-(k) for one complete CRL through distribution point `dp`.
  void ApplyCompleteCrl(const Crl& complete, const DistributionPoint& dp, CrlScan* scan);
  // (c): the newest current delta CRL over `complete` that `signer` signed, or null.
  const Crl* NewestDelta(const Crl& complete, const CertificatePtr& signer, CrlScan* scan);
  // (h)-(j): whether `delta` (may be null), else `complete`, lists `cert`, in `scan`.
  static void RecordListing(const Certificate& cert, const Crl* delta, const Crl& complete,
                            CrlScan* scan);
  // The status `scan` has settled (revoked, or good for every reason), or nullopt.
  static std::optional<RevocationStatus> SettledByCrls(const CrlScan& scan);
  std::vector<CrlPtr> CandidateCrls(const Certificate& cert,
                                    const std::vector<struct DistributionPoint>& points);
  // The certificate that signed `crl` and may sign CRLs for `path[i]`, or null with `why` set.
  CertificatePtr FindSigner(const Crl& crl, absl::Span<const CertificatePtr> path, size_t i,
                            int depth, std::string* why);
  bool Verified(const Crl& crl, const CertificatePtr& signer);
  bool SignerPathValid(const CertificatePtr& signer, const CertificatePtr& anchor, int depth,
                       std::string* why);
  // Whether `candidate`, a path built for a CRL signer, ends at `anchor` and holds up; if not,
  // `problem` says why.
  bool SignerCandidateUsable(const CandidatePath& candidate, const Certificate& anchor, int depth,
                             std::string* problem);
  // Whether the signatures of `candidate` the builder left unverified verify.
  bool SignerPathSignaturesVerify(const CandidatePath& candidate, std::string* problem);
  // Whether no certificate of a CRL signer's path, anchor aside, is revoked (or, under a hard-fail
  // policy, unknown).
  bool SignerPathNotRevoked(absl::Span<const CertificatePtr> certs, int depth,
                            std::string* problem);
  // The OCSP answer for path[i], or nullopt (with `notes` saying why) when no response settles it.
  std::optional<RevocationStatus> CheckOcsp(absl::Span<const CertificatePtr> path, size_t i,
                                            std::vector<std::string>* notes);
  bool OcspAuthentic(const OcspResponse& response, const CertificatePtr& issuer, std::string* who,
                     std::string* why);
  // Whether `signer`'s key verifies the response's signature (charged to the budget).
  bool OcspSignedBy(const OcspResponse& response, const Certificate& signer);
  // Whether a certificate in the response is a responder `issuer` delegated to that signed it;
  // `text` is who it is, or why the last candidate failed (untouched when there is none).
  bool DelegatedResponderSigned(const OcspResponse& response, const Certificate& issuer,
                                std::string* text);
  // Why delegated `responder` cannot answer for `issuer`, or "" when it can (RFC 6960 4.2.2.2).
  std::string DelegatedResponderProblem(const OcspResponse& response, const Certificate& responder,
                                        const Certificate& issuer);

  Environment env_;
  std::vector<CrlPtr> crls_;
  std::vector<OcspResponsePtr> ocsp_;
  bool first_ocsp_is_stapled_;
  std::vector<std::shared_ptr<const RevocationSource>> sources_;
  RevocationPolicy policy_;
  bool configured_;
  bool stapling_;
  bool staple_only_;
  std::map<std::pair<const OcspResponse*, const Certificate*>, std::pair<bool, std::string>>
      ocsp_verified_;
  std::vector<RevocationStatus> statuses_;
  // Memos for the run, keyed by objects the run keeps alive.
  std::map<std::pair<const Crl*, const Certificate*>, bool> verified_;
  std::map<std::pair<const Certificate*, const Certificate*>, bool> signer_paths_;
  std::set<const Certificate*> in_progress_;  // certificates whose status is being established
  std::vector<CrlPtr> kept_;  // CRLs from sources, alive as long as the memos that name them
  std::vector<CertificatePtr> kept_certs_;  // likewise the certificates the memos name
  std::set<std::pair<std::string, std::string>>
      fetched_;  // (certificate, issuer) DER: fetched for once
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_REVOCATION_CHECKER_H_
