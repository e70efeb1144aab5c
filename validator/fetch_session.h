// FetchSession: the fetches of one validation, when the application granted a Fetcher.
//
// The Validator makes one per Validate() (or none: fetching is off by default) and asks it for
//   - the issuers of a certificate whose issuer nobody presented: its authorityInfoAccess caIssuers
//     URLs, each answered with a DER certificate or a PKCS#7 "certs-only" bundle (RFC 5280
//     4.2.2.1); what parses joins the untrusted intermediates;
//   - an OCSP response for a certificate (a POST of an OCSP request with a SHA-1 CertID to its
//     authorityInfoAccess OCSP URL, RFC 6960 A.1), or the CRLs of its cRLDistributionPoints URLs,
//     when the revocation check has no status from the data it was given.
// Every fetch is charged to the validation's Budget (fetches, bytes, time); what was fetched is
// recorded (ValidationResult::fetches), and every failure, refusal or exhausted limit is a warning
// finding "fetch.*" naming the URL. Nothing fetched is trusted: the path builder and the
// revocation check judge it like supplied data.
//
// Not thread-safe: one validation, one thread (the Fetcher itself is shared and thread-safe).
#ifndef CERTVAL_VALIDATOR_FETCH_SESSION_H_
#define CERTVAL_VALIDATOR_FETCH_SESSION_H_

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "certval/validator/budget.h"
#include "certval/validator/certificate.h"
#include "certval/validator/codes.h"
#include "certval/validator/crl.h"
#include "certval/validator/fetcher.h"
#include "certval/validator/finding.h"
#include "certval/validator/ocsp.h"

namespace certval {

// The caIssuers (or OCSP) URIs of `cert`'s authorityInfoAccess, as written (untrusted text).
std::vector<std::string> CaIssuersUrls(const Certificate& cert);
std::vector<std::string> OcspUrls(const Certificate& cert);
// The URIs of the fullNames of `cert`'s cRLDistributionPoints.
std::vector<std::string> CrlUrls(const Certificate& cert);

// An OCSPRequest (RFC 6960 4.1.1) for `cert` issued by `issuer`: one SHA-1 CertID, no nonce.
std::string BuildOcspRequest(const Certificate& cert, const Certificate& issuer);

// The certificates of a caIssuers answer: one DER certificate or a PKCS#7 certs-only bundle.
absl::StatusOr<std::vector<CertificatePtr>> ParseIssuersResponse(const std::string& body);

// When fetching is off and no path was found: the finding that says which certificate's issuer is
// missing and where it could have been fetched from, or nothing when `cert` names no caIssuers URL
// (or is self-issued). `index` is cert's position in the path reported.
std::optional<Finding> IssuerNotFetchedFinding(const Certificate& cert, int index,
                                               Severity severity);

class FetchSession {
 public:
  // Most rounds of missing-issuer fetching per validation: a leaf, its intermediate and the
  // intermediate's issuer is as deep as real AIA chasing goes.
  static constexpr int kMaxIssuerRounds = 3;
  // Largest answer accepted per fetch for an issuer or an OCSP response; CRLs get what the
  // budget has left.
  static constexpr size_t kMaxSmallBody = 64 * 1024;

  FetchSession(std::shared_ptr<const Fetcher> fetcher, FetchPolicy policy, Budget& budget)
      : fetcher_(std::move(fetcher)), policy_(policy), budget_(budget) {}

  const FetchPolicy& policy() const { return policy_; }

  // The issuers of `cert` from its caIssuers URLs (each URL fetched at most once per validation).
  // `index` is its position in the presented path, for findings.
  std::vector<CertificatePtr> FetchIssuers(const Certificate& cert, int index);
  // Appends what could be fetched for `cert` issued by `issuer`: OCSP responses to `ocsp`, or CRLs
  // (parsed with `charge` for their entries) to `crls`. False when nothing new was added.
  bool FetchOcsp(const Certificate& cert, const Certificate& issuer,
                 std::vector<OcspResponsePtr>* ocsp);
  bool FetchCrls(const Certificate& cert, std::vector<CrlPtr>* crls);

  std::vector<FetchRecord>& records() { return records_; }
  // The warnings gathered, then the one for an exhausted fetch budget.
  std::vector<Finding> TakeFindings();

 private:
  // One fetch, charged and recorded; null when refused, failed or over budget (a finding says so).
  std::optional<std::string> Get(const std::string& url, FetchKind kind, size_t max_bytes,
                                 int index, const std::string* post_body);
  void Warn(int index, FindingCode code, std::string message);

  std::shared_ptr<const Fetcher> fetcher_;
  FetchPolicy policy_;
  Budget& budget_;
  std::set<std::string> tried_;  // kind + URL (+ body): each fetched once per validation
  std::vector<FetchRecord> records_;
  std::vector<Finding> findings_;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_FETCH_SESSION_H_
